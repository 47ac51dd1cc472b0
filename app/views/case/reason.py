"""Why a restricted case is being opened (DPA 2018 s.62). The service decides when a reason is
needed (``casefile.reason_needed``) and keeps it in the audit; this dialog only asks. Cancel
opens nothing. The box is window-modal but not blocking, like every question in the app, so
the idle lock and tests reach it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import casefile
from app.views.context import AppContext
from app.views.style import ERROR_STYLE


class ReasonDialog(QDialog):
    """Asks why; ``on_reason(text)`` runs when the user gives one and presses Open."""

    def __init__(self, parent: QWidget | None, reference: str,
                 on_reason: Callable[[str], object]) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(self.tr("Why are you opening {0}?").format(reference))
        self._on_reason = on_reason
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "{0} is a restricted case and it is not assigned to you. The law on police "
            "data (DPA 2018 s.62) asks that every look at it says why. Your reason is kept "
            "in the case's audit trail for good, so do not write anyone's name.").format(
                reference))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Reason"))
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("Reason for opening the case"))
        self.reason.setEditable(True)
        self.reason.addItems([
            "", self.tr("Supervision or caseload review"),
            self.tr("Covering for the assigned worker"), self.tr("Safeguarding concern"),
            self.tr("Allocation decision"),
            self.tr("Subject access request or complaint")])
        self.reason.setCurrentIndex(0)
        line = self.reason.lineEdit()
        line.setPlaceholderText(self.tr("Choose or type why"))
        line.setMaxLength(casefile.REASON_LIMIT)
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.error = QLabel("")
        self.error.setObjectName("reason_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.open_button: QPushButton = buttons.addButton(
            self.tr("&Open the case"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("reason_open")
        self.open_button.setEnabled(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("reason_cancel")
        cancel.setDefault(True)
        layout.addWidget(buttons)
        self.reason.editTextChanged.connect(
            lambda text: self.open_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self._give)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _give(self) -> None:
        text = self.reason.currentText().strip()
        if not text:
            self.error.setText(self.tr("Say why you are opening the case."))
            self.error.show()
            return
        self.accept()
        self._on_reason(text)


def ask_reason(parent: QWidget, ctx: AppContext, reference: str,
               on_reason: Callable[[str], object]) -> ReasonDialog | None:
    """Open the question if the service says this case needs a reason (and return it), else
    None: the caller opens the case straight away."""
    if not casefile.reason_needed(ctx.uow(), ctx.actor, reference):
        return None
    dialog = ReasonDialog(parent, reference, on_reason)
    dialog.open()
    return dialog
