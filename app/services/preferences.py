"""Each user's own preferences, kept in the database so they follow the user to any desktop:
how soon the window locks (never beyond the security limit), the letter format and the folder
documents start with, and the window's language."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.config import MAX_IDLE_LOCK_MINUTES, RESOURCES
from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.users import UserPreferences
from app.services import audit
from app.services.context import Actor
from app.services.languages import ENGLISH
from app.services.languages import name as language_name

LETTER_FORMATS = ("standard", "easy-read", "large-print")
TRANSLATIONS = RESOURCES / "translations"


@dataclass(frozen=True)
class Preferences:
    #: None: the partnership's setting (``Settings.idle_lock_minutes``)
    idle_lock_minutes: int | None = None
    #: None: each recipient's own format
    letter_format: str | None = None
    #: None: the user's Documents folder
    documents_folder: str | None = None
    ui_language: str = ENGLISH


def window_languages() -> dict[str, str]:
    """The languages the window can be shown in: English, and each compiled translation."""
    found = {ENGLISH: language_name(ENGLISH)}
    for qm in sorted(TRANSLATIONS.glob("pathways_*.qm")):
        code = qm.stem.removeprefix("pathways_")
        found[code] = language_name(code)
    return found


def effective_idle_minutes(prefs: Preferences, default: int) -> int:
    """The minutes the window waits before locking: the user's choice, never above the limit."""
    minutes = prefs.idle_lock_minutes or default
    return max(1, min(minutes, MAX_IDLE_LOCK_MINUTES))


def _dto(row: UserPreferences | None) -> Preferences:
    if row is None:
        return Preferences()
    return Preferences(row.idle_lock_minutes, row.letter_format, row.documents_folder,
                       row.ui_language or ENGLISH)


def get_preferences(uow: UnitOfWork, actor: Actor) -> Preferences:
    with uow:
        return _dto(uow.session.get(UserPreferences, actor.user_id))


def validate(prefs: Preferences) -> None:
    minutes = prefs.idle_lock_minutes
    if minutes is not None and not 1 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError(f"The window must lock after 1 to {MAX_IDLE_LOCK_MINUTES} "
                              "minutes without use (the partnership's security limit).",
                              field="idle_lock_minutes")
    if prefs.letter_format is not None and prefs.letter_format not in LETTER_FORMATS:
        raise ValidationError(f"Unknown letter format {prefs.letter_format!r}; use one of: "
                              + ", ".join(LETTER_FORMATS) + ".", field="letter_format")
    if prefs.documents_folder:
        folder = Path(prefs.documents_folder).expanduser()
        if not folder.is_dir():
            raise ValidationError(f"The folder {folder} does not exist.",
                                  field="documents_folder")
        if not os.access(folder, os.W_OK):
            raise ValidationError(f"You cannot save files in {folder}; choose another folder.",
                                  field="documents_folder")
    if prefs.ui_language not in window_languages():
        raise ValidationError(f"The window is not available in {language_name(prefs.ui_language)}"
                              " yet.", field="ui_language")


def save_preferences(uow: UnitOfWork, actor: Actor, prefs: Preferences) -> Preferences:
    """Check and keep the user's preferences (their own only); audited as a settings change."""
    validate(prefs)
    with uow:
        uow.begin_write()
        row = uow.session.get(UserPreferences, actor.user_id)
        if row is None:
            row = UserPreferences(user_id=actor.user_id)
            uow.session.add(row)
        row.idle_lock_minutes = prefs.idle_lock_minutes
        row.letter_format = prefs.letter_format
        row.documents_folder = (str(Path(prefs.documents_folder).expanduser())
                                if prefs.documents_folder else None)
        row.ui_language = prefs.ui_language
        audit.record(uow, actor, "preferences.save", "users", actor.user_id,
                     detail="own preferences")
        uow.session.flush()
        saved = _dto(row)
        uow.commit()
    return saved
