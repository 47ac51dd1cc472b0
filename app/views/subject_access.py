"""Subject access from the window: everything held about one party on the open case, written to
a folder (the same service as ``pathways sar``). Coordinators only; the service checks again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import casefile, sar
from app.services.disclosure import LawfulBasis
from app.views.context import AppContext
from app.views.folders import documents_folder


class SubjectAccessDialog(QDialog):
    """Pick the person (a party on the case) and a folder; the export goes in a new subfolder."""

    def __init__(self, ctx: AppContext, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: sar.SarResult | None = None
        self.setWindowTitle(self.tr("Subject access export"))
        detail = casefile.get_case(ctx.uow(), ctx.actor, reference, audit_view=False)
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Person"))
        for p in detail.parties:
            self.person.addItem(f"{p.name} ({p.role})", p.person_id)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder"))
        self.folder.setPlaceholderText(self.tr("A folder on an encrypted or access-controlled "
                                               "drive"))
        browse = QPushButton(self.tr("&Browse..."))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.person)
        # a row that is a layout has no buddy of its own: the label is given one, so that
        # "&" underlines a letter (Alt+F reaches the folder) instead of showing as text
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        # to whom the pack goes (DPA 2018 s.62): blank is the person themselves
        self.disclosed_to = QLineEdit()
        self.disclosed_to.setObjectName("sar_disclosed_to")
        self.disclosed_to.setAccessibleName(self.tr("Disclosed to"))
        self.disclosed_to.setPlaceholderText(self.tr("Blank: the person themselves"))
        self.disclosed_org = QLineEdit()
        self.disclosed_org.setObjectName("sar_disclosed_org")
        self.disclosed_org.setAccessibleName(self.tr("Organisation (a solicitor acting for "
                                                     "them)"))
        self.basis = QComboBox()
        self.basis.setObjectName("sar_basis")
        self.basis.setAccessibleName(self.tr("Lawful basis"))
        for b in LawfulBasis:
            self.basis.addItem(b.label[0].upper() + b.label[1:], b.value)
        self.basis.setCurrentIndex(list(LawfulBasis).index(LawfulBasis.SUBJECT_ACCESS))
        form.addRow(self.tr("Disclosed &to:"), self.disclosed_to)
        form.addRow(self.tr("&Organisation:"), self.disclosed_org)
        form.addRow(self.tr("Lawful &basis:"), self.basis)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        note = QLabel(self.tr("Everything held about the person, their documents and who accessed "
                              "their records. Rows about other people are marked for you to "
                              "redact."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the export"),
                                                 documents_folder())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.error.setText(self.tr("Choose a folder for the export."))
            return
        person_id = int(self.person.currentData())
        out = Path(folder) / f"subject-access-{person_id}-{date.today():%Y%m%d}"
        try:
            self.result_ = sar.export(self.ctx.uow(), self.ctx.actor, person_id, out,
                                      disclosed_to=self.disclosed_to.text(),
                                      organisation=self.disclosed_org.text(),
                                      basis=LawfulBasis(self.basis.currentData()))
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
