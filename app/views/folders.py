"""Where save dialogs open: the folder the signed-in user chose in Preferences, else their
Documents folder. Kept apart from printing so that setting it at sign-in loads nothing heavy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_chosen_folder: str | None = None


def use_folder(folder: str | None) -> None:
    """The folder chosen in Preferences (None: the user's Documents folder)."""
    global _chosen_folder
    _chosen_folder = folder


def documents_folder(filename: str = "") -> str:
    """The folder save dialogs open in (with ``filename`` joined when given); the user's home
    if they have no Documents folder."""
    folder = _chosen_folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return str(Path(folder) / filename) if filename else folder
