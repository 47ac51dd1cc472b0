"""Asking before a step that is hard to undo: the question says what will happen, the safe
answer is the default (Enter or Escape cancels), and the box is window-modal but not blocking,
so the idle lock and tests can reach it like any other dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class Confirm(QMessageBox):
    def __init__(self, parent: QWidget | None, title: str, text: str, yes_text: str,
                 on_yes: Callable[[], object]) -> None:
        super().__init__(QMessageBox.Icon.Warning, title, text,
                         QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("confirm")
        self.yes_button: QPushButton = self.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        self.yes_button.setObjectName("confirm_yes")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("confirm_cancel")
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)
        self._on_yes = on_yes
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.yes_button:
            self._on_yes()


def ask(parent: QWidget | None, title: str, text: str, yes_text: str,
        on_yes: Callable[[], object]) -> Confirm:
    """Open the question; ``on_yes`` runs only if the user confirms."""
    box = Confirm(parent, title, text, yes_text, on_yes)
    box.open()
    return box
