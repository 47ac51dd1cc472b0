"""Letter wording from the versioned template files in ``resources/templates``.

Wording is data so that a coordinator can change a letter without a release; the version in
each file is filed with every document printed from it. Format: ``resources/templates/README.md``.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import RESOURCES

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


def _fill(name: str, text: str, values: dict[str, str]) -> str:
    try:
        return string.Template(text).substitute(values)
    except (KeyError, ValueError) as exc:
        raise TemplateProblem(f"Template {name!r} has an unknown placeholder: {exc}") from exc


def wording(name: str, variant: str, when: set[str], values: dict[str, str], *,
            directory: Path = TEMPLATE_DIR) -> Wording:
    """The wording of template ``name`` for ``variant``, keeping only lines whose ``if`` words
    are all in ``when``, with placeholders filled from ``values`` (plain text, not markup)."""
    data = _load(name, directory)
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
    return Wording(name, str(data["version"]), variant, title, sections,
                   dict(data.get("labels", {})))
