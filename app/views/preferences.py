"""File > Preferences: the signed-in user's own settings (they follow the user to any desktop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.config import MAX_IDLE_LOCK_MINUTES
from app.services import preferences
from app.services.preferences import Preferences
from app.views.context import AppContext
from app.views.forms import Field, FormDialog
from app.views.i18n import own_name, translate, translated

FORMATS = [(QT_TRANSLATE_NOOP("Preferences", "Each recipient's own format"), None),
           (QT_TRANSLATE_NOOP("Preferences", "Standard"), "standard"),
           (QT_TRANSLATE_NOOP("Preferences", "Easy read"), "easy-read"),
           (QT_TRANSLATE_NOOP("Preferences", "Large print"), "large-print")]


def preferences_dialog(ctx: AppContext, parent: QWidget | None,
                       applied: Any = None) -> FormDialog:
    """The form, filled with the user's current preferences; Save checks and keeps them and
    calls ``applied(prefs)`` so the window can use them at once."""
    current = preferences.get_preferences(ctx.uow(), ctx.actor)
    minutes = preferences.effective_idle_minutes(current, ctx.settings.idle_lock_minutes)
    # each language in its own name, as language choosers show them
    languages = [(own_name(code), code) for code in preferences.window_languages()]

    def submit(v: dict[str, Any]) -> Preferences:
        saved = preferences.save_preferences(ctx.uow(), ctx.actor, Preferences(
            idle_lock_minutes=v["idle_lock_minutes"], letter_format=v["letter_format"],
            documents_folder=v["documents_folder"].strip() or None,
            ui_language=v["ui_language"]))
        if applied is not None:
            applied(saved)
        return saved

    return FormDialog(translate("Preferences", "Preferences"), [
        Field("idle_lock_minutes", translate("Preferences", "Lock the window after (minutes "
                                                            "without use)"), "int", True,
              minutes, minimum=1, maximum=MAX_IDLE_LOCK_MINUTES,
              help=translate("Preferences", "At most {MAX_IDLE_LOCK_MINUTES} minutes: the "
                                            "partnership's security limit for case data left on "
                                            "screen")
                                           .format(MAX_IDLE_LOCK_MINUTES=MAX_IDLE_LOCK_MINUTES)),
        Field("letter_format", translate("Preferences", "Letters start in"), "choice",
              default=current.letter_format,
              choices=translated("Preferences", FORMATS)),
        Field("documents_folder", translate("Preferences", "Save documents in"),
              default=current.documents_folder or "",
              help=translate("Preferences", "A folder on this computer; empty: your Documents "
                                            "folder")),
        Field("ui_language", translate("Preferences", "Window language"), "choice", True,
              current.ui_language,
              languages, help=translate("Preferences", "When you save, the window offers to reopen "
                                                         "in it")),
    ], submit, parent, intro=translate("Preferences", "These settings are yours alone and "
                                                      "follow you to any desktop that uses this "
                                                      "database."))
