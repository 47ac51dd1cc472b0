"""A main-window tab built the first time it is shown, and how to tell a case workspace tab
without loading the workspace's modules (the window starts before they are needed)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def is_workspace(widget: QWidget | None) -> bool:
    """Whether a tab is a case workspace, without importing the workspace to find out (none
    exists before its module is loaded)."""
    module = sys.modules.get("app.views.case.workspace")
    return module is not None and isinstance(widget, module.CaseWorkspace)


class LazyTab(QWidget):
    """A tab whose real widget is built the first time the tab is shown; until then (and while
    its modules load) it says so."""

    def __init__(self, build: Callable[[], QWidget], text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._loading = QLabel(text)
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._loading)

    def ensure(self) -> QWidget:
        if self.widget is None:
            self.widget = self._build()
            self._loading.hide()
            self._layout.addWidget(self.widget)
        return self.widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.widget is None:
            QTimer.singleShot(0, self.ensure)  # paint "loading" first, then build
