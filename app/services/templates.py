"""Letter wording from the versioned template files in ``resources/templates``.

Wording is data so that a coordinator can change a letter without a release; the version in
each file is filed with every document printed from it. Format: ``resources/templates/README.md``.

A letter is written in its reader's language where a template exists (``NAME.CODE.json``, e.g.
``outcome-participant.pl.json``). Welsh follows the Welsh Language Standards: the letter is
bilingual, each part in Welsh first and then in English. A language with no template falls back
to English, and the wording says so (``Wording.note``) so that the preview can tell the worker.

The words the renderers print around the wording ("Signed", "Page 1 of 2", table headings) are
in ``words.CODE.json``, one file per language (``words``); a date given as a placeholder is
written the reader's way in each language's part ("1 Rhagfyr 2026", "1 grudnia 2026").
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from app.config import RESOURCES
from app.reports.base import day_in
from app.services.languages import ENGLISH, WELSH
from app.services.languages import name as language_name

TEMPLATE_DIR = RESOURCES / "templates"


class TemplateProblem(ValueError):
    """A template file is missing, malformed, or names a placeholder the app does not fill."""


@dataclass(frozen=True)
class Wording:
    """One template, resolved for one variant and situation."""

    name: str
    version: str
    variant: str
    title: str
    sections: dict[str, tuple[str, ...]]
    labels: dict[str, str]
    #: ISO 639 code of the wording printed ("cy" for a bilingual Welsh-and-English letter)
    language: str = ENGLISH
    #: Why the reader's language was not used, for the preview (None when it was)
    note: str | None = None

    def section(self, key: str) -> tuple[str, ...]:
        return self.sections.get(key, ())


def _load(name: str, directory: Path) -> dict[str, Any]:
    path = directory / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateProblem(f"Template {name!r} cannot be read: {exc}") from exc
    if not isinstance(data, dict) or "version" not in data or "standard" not in data.get(
            "variants", {}):
        raise TemplateProblem(f"Template {name!r} needs a version and standard wording.")
    return data


#: A placeholder's value: text, a day (or day and time) written in each part's language, or a
#: phrase given per language ({"en": ..., "cy": ...}; a part whose language it lacks is English).
Value = str | date | Mapping[str, str]


@cache
def _own_words(language: str, directory: Path = TEMPLATE_DIR) -> Mapping[str, str]:
    if language == ENGLISH:
        return {}
    path = directory / f"words.{language}.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["words"].items()}
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise TemplateProblem(f"The {language_name(language)} words ({path.name}) cannot be "
                              f"read: {exc}") from exc


def own_words(language: str) -> Mapping[str, str]:
    """The fixed words in ``language`` alone (English text -> the reader's), not paired with
    the English as Welsh ones are in :func:`words`: for a word put into a sentence of the
    wording, and for the footer's disclosure, one line a bilingual pair would not fit."""
    return _own_words(language)


def words(language: str, *, directory: Path = TEMPLATE_DIR) -> tuple[tuple[str, str], ...]:
    """The renderers' fixed words in ``language`` (English text, then the reader's); Welsh
    ones are bilingual ("Llofnod / Signed"), as the rest of a Welsh letter is."""
    own = _own_words(language, directory)
    if language == WELSH:
        return tuple((en, f"{cy} / {en}" if cy != en else en) for en, cy in own.items())
    return tuple(own.items())


def _text_of(value: Value, language: str, directory: Path) -> str:
    if isinstance(value, datetime):
        at = _own_words(language, directory).get("at", "at")
        return f"{day_in(value.date(), language)} {at} {value:%H:%M}"
    if isinstance(value, date):
        return day_in(value, language)
    if isinstance(value, Mapping):
        return value.get(language, value[ENGLISH])
    return value


def _fill(name: str, text: str, values: Mapping[str, str]) -> str:
    try:
        return string.Template(text).substitute(values)
    except (KeyError, ValueError) as exc:
        raise TemplateProblem(f"Template {name!r} has an unknown placeholder: {exc}") from exc


def _resolve(name: str, data: dict[str, Any], variant: str, when: set[str],
             raw: Mapping[str, Value], language: str, directory: Path
             ) -> tuple[str, dict[str, tuple[str, ...]]]:
    values = {k: _text_of(v, language, directory) for k, v in raw.items()}
    variants = data["variants"]
    chosen = variants.get(variant) or variants["standard"]
    sections: dict[str, tuple[str, ...]] = {}
    for key, lines in chosen.items():
        if key == "title":
            continue
        kept: list[str] = []
        for line in lines:
            if isinstance(line, dict):
                if not set(line.get("if", ())) <= when:
                    continue
                line = line["text"]
            kept.append(_fill(name, str(line), values))
        sections[key] = tuple(kept)
    title = _fill(name, str(chosen.get("title") or variants["standard"]["title"]), values)
    return title, sections


def has_template(name: str, language: str, *, directory: Path = TEMPLATE_DIR) -> bool:
    """Whether ``name`` has wording in ``language`` (English always has)."""
    return language == ENGLISH or (directory / f"{name}.{language}.json").is_file()


def wording(name: str, variant: str, when: set[str], values: Mapping[str, Value], *,
            language: str = ENGLISH, directory: Path = TEMPLATE_DIR) -> Wording:
    """The wording of template ``name`` for ``variant``, keeping only lines whose ``if`` words
    are all in ``when``, with placeholders filled from ``values`` (plain text, not markup), in
    ``language`` where a template exists (Welsh: bilingual, Welsh first), else in English."""
    data = _load(name, directory)
    title, sections = _resolve(name, data, variant, when, values, ENGLISH, directory)
    labels = dict(data.get("labels", {}))
    if language == ENGLISH:
        return Wording(name, str(data["version"]), variant, title, sections, labels)
    if not has_template(name, language, directory=directory):
        return Wording(name, str(data["version"]), variant, title, sections, labels,
                       note=f"There is no {language_name(language)} wording for this "
                            "document yet, so it is printed in English.")
    own = _load(f"{name}.{language}", directory)
    own_title, own_sections = _resolve(name, own, variant, when, values, language, directory)
    own_labels = {k: str(v) for k, v in own.get("labels", {}).items()}
    version = f"{own['version']}+{data['version']}"
    if language != WELSH:
        return Wording(f"{name}.{language}", version, variant, own_title, own_sections,
                       {**labels, **own_labels}, language)
    # Welsh Language Standards: the same letter in both, Welsh first, neither the lesser
    merged = {key: own_sections.get(key, ()) + sections.get(key, ())
              for key in dict.fromkeys([*own_sections, *sections])}
    both_labels = {key: f"{own_labels[key]} / {text}" if own_labels.get(key, text) != text
                   else text for key, text in labels.items()}
    return Wording(f"{name}.{language}", version, variant, f"{own_title} / {title}", merged,
                   both_labels, language)
