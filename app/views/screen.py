"""Sizes that fit the screen the window is on. Every window and dialog is made to fit a
1280x720 laptop (also 1920x1080 at 150%, the same in Qt's logical pixels); on a smaller screen
it takes what there is, leaving room for the frame and the task bar. Imports only PySide6 (the
start-up window uses it before the rest of the views load)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window frame, a title bar and a task bar take from the screen.
FRAME = (40, 80)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to the room on the screen if that is less."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME[0])
        height = min(height, room.height() - FRAME[1])
    widget.resize(width, height)
