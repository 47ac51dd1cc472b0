"""File > Preferences: the signed-in user's own settings (they follow the user to any desktop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.config import MAX_IDLE_LOCK_MINUTES
from app.services import preferences
from app.services.preferences import Preferences
from app.views.context import AppContext
from app.views.forms import Field, FormDialog

FORMATS = [("Each recipient's own format", None), ("Standard", "standard"),
           ("Easy read", "easy-read"), ("Large print", "large-print")]


def preferences_dialog(ctx: AppContext, parent: QWidget | None,
                       applied: Any = None) -> FormDialog:
    """The form, filled with the user's current preferences; Save checks and keeps them and
    calls ``applied(prefs)`` so the window can use them at once."""
    current = preferences.get_preferences(ctx.uow(), ctx.actor)
    minutes = preferences.effective_idle_minutes(current, ctx.settings.idle_lock_minutes)
    languages = [(name, code) for code, name in preferences.window_languages().items()]

    def submit(v: dict[str, Any]) -> Preferences:
        saved = preferences.save_preferences(ctx.uow(), ctx.actor, Preferences(
            idle_lock_minutes=v["idle_lock_minutes"], letter_format=v["letter_format"],
            documents_folder=v["documents_folder"].strip() or None,
            ui_language=v["ui_language"]))
        if applied is not None:
            applied(saved)
        return saved

    return FormDialog("Preferences", [
        Field("idle_lock_minutes", "Lock the window after (minutes without use)", "int", True,
              minutes, minimum=1, maximum=MAX_IDLE_LOCK_MINUTES,
              help=f"At most {MAX_IDLE_LOCK_MINUTES} minutes: the partnership's security "
                   "limit for case data left on screen"),
        Field("letter_format", "Letters start in", "choice", default=current.letter_format,
              choices=FORMATS),
        Field("documents_folder", "Save documents in", default=current.documents_folder or "",
              help="A folder on this computer; empty: your Documents folder"),
        Field("ui_language", "Window language", "choice", True, current.ui_language,
              languages, help="Takes effect the next time you sign in"),
    ], submit, parent, intro="These settings are yours alone and follow you to any desktop "
                             "that uses this database.")
