"""Making documents: choose the kind, the recipient and the format, see a preview of the very
PDF that will be filed, then file it. And the batch of next week's appointment letters, which
runs off the GUI thread with a progress dialog and Cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.preview import PreviewUnavailable, pdf_pages_as_png
from app.services import calendar, disclosure, documents, languages, preferences
from app.services.casefile import CaseDetail
from app.services.disclosure import LawfulBasis
from app.services.documents import BatchResult, GeneratedDocument, Kind
from app.views.background import BackgroundTask
from app.views.context import AppContext
from app.views.folders import documents_folder
from app.views.forms import ERROR_STYLE
from app.views.i18n import translate, translated
from app.views.printing import print_document
from app.views.screen import fit_to_screen

VARIANTS = [(QT_TRANSLATE_NOOP("Documents", "The recipient's preference"), None),
            (QT_TRANSLATE_NOOP("Documents", "Standard"), "standard"),
            (QT_TRANSLATE_NOOP("Documents", "Easy read"), "easy-read"),
            (QT_TRANSLATE_NOOP("Documents", "Large print"), "large-print")]


class DocumentDialog(QDialog):
    """Preview first, then file. Filing is what puts the document on the case."""

    filed = Signal(int)

    def __init__(self, ctx: AppContext, detail: CaseDetail, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Document for {reference}").format(reference=detail.reference))
        self.setObjectName("document_dialog")
        self.preview_doc: GeneratedDocument | None = None
        self.filed_doc: GeneratedDocument | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("document_kind")
        self.kind.setAccessibleName(self.tr("Document"))
        self._kinds = documents.available_kinds(detail)
        for k in self._kinds:
            self.kind.addItem(k.label)
        self.recipient = QComboBox()
        self.recipient.setObjectName("document_recipient")
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self._recipients: list[int | None] = [None]
        self.recipient.addItem(self.tr("The usual recipient for this document"))
        for p in detail.parties:
            self.recipient.addItem(f"{p.name} ({p.role})")
            self._recipients.append(p.id)
        self.variant = QComboBox()
        self.variant.setObjectName("document_variant")
        self.variant.setAccessibleName(self.tr("Format"))
        for text, _ in translated("Documents", VARIANTS):
            self.variant.addItem(text)
        # the format the user chose to start with (File > Preferences)
        chosen = preferences.get_preferences(ctx.uow(), ctx.actor).letter_format
        self.variant.setCurrentIndex(next(
            (i for i, (_, v) in enumerate(VARIANTS) if v == chosen), 0))
        self.language = QComboBox()
        self.language.setObjectName("document_language")
        self.language.setAccessibleName(self.tr("Language"))
        self._languages: list[str | None] = [None]
        self.language.addItem(self.tr("The recipient's own language"))
        for lang in languages.LANGUAGES:
            self.language.addItem(lang.label)
            self._languages.append(lang.code)
        form.addRow(self.tr("&Document"), self.kind)
        form.addRow(self.tr("&Recipient"), self.recipient)
        form.addRow(self.tr("&Format"), self.variant)
        form.addRow(self.tr("&Language"), self.language)
        self._disclosure_rows(form)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field and isinstance(label.widget(), QLabel):
                label.widget().setBuddy(field.widget() or self.disclosed_to)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("document_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.confirmation = QLabel("")
        self.confirmation.setObjectName("document_done")
        self.confirmation.setStyleSheet("color: #1b5e20;")
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        layout.addWidget(self.confirmation)
        #: the language the preview is in, and why, when it is not the reader's own
        self.language_note = QLabel("")
        self.language_note.setObjectName("document_language_note")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        layout.addWidget(self.language_note)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        self.pages_holder = holder
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setMinimumHeight(300)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("preview")
        self.file_button = QPushButton(self.tr("&File on the case"))
        self.file_button.setObjectName("file_document")
        self.file_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save a copy as PDF..."))
        self.save_button.setObjectName("save_copy")
        self.save_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("P&rint..."))
        self.print_button.setObjectName("print_document")
        self.print_button.setToolTip(self.tr("Print the filed copy on paper"))
        self.print_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        self.ics_button = QPushButton(self.tr("&Calendar file..."))
        self.ics_button.setObjectName("save_calendar")
        self.ics_button.setToolTip(self.tr("The appointments in this letter as a calendar file "
                                           "(.ics) for her phone"))
        self.ics_button.setEnabled(False)
        for b in (self.preview_button, self.file_button, self.save_button, self.print_button,
                  self.ics_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.preview)
        self.file_button.clicked.connect(self.file)
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.print_button.clicked.connect(lambda: self.print_copy())
        self.ics_button.clicked.connect(lambda: self.save_calendar())
        close.clicked.connect(self.accept)
        for combo in (self.kind, self.recipient, self.variant, self.language, self.basis):
            combo.currentIndexChanged.connect(self._choice_changed)
        for line in (self.disclosed_to, self.disclosed_org):
            line.textChanged.connect(self._choice_changed)
        fit_to_screen(self, 760, 620)

    def _disclosure_rows(self, form: QFormLayout) -> None:
        """To whom it is disclosed and why (DPA 2018 s.62): blank is the usual recipient of the
        document (the service says who), which the preview's footer shows."""
        self.disclosed_to = QLineEdit()
        self.disclosed_to.setObjectName("document_disclosed_to")
        self.disclosed_to.setAccessibleName(self.tr("Disclosed to (person)"))
        self.disclosed_to.setPlaceholderText(self.tr("Person: blank for the usual recipient"))
        self.disclosed_to.setMaxLength(disclosure.LIMIT)
        self.disclosed_org = QLineEdit()
        self.disclosed_org.setObjectName("document_disclosed_org")
        self.disclosed_org.setAccessibleName(self.tr("Disclosed to (organisation)"))
        self.disclosed_org.setPlaceholderText(self.tr("Organisation"))
        self.disclosed_org.setMaxLength(disclosure.LIMIT)
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.disclosed_to, 1)
        row.addWidget(self.disclosed_org, 1)
        self.basis = QComboBox()
        self.basis.setObjectName("document_basis")
        self.basis.setAccessibleName(self.tr("Lawful basis"))
        self._bases: list[LawfulBasis | None] = [None, *LawfulBasis]
        self.basis.addItem(self.tr("The usual basis for this document"))
        for b in LawfulBasis:
            self.basis.addItem(b.label[0].upper() + b.label[1:])
        form.addRow(self.tr("Disclosed &to"), pair)
        form.addRow(self.tr("Lawful &basis"), self.basis)

    def _disclosure(self) -> dict[str, Any]:
        return {"disclosed_to": self.disclosed_to.text(),
                "organisation": self.disclosed_org.text(),
                "basis": self._bases[self.basis.currentIndex()]}

    def select_kind(self, kind: Kind) -> None:
        """Start on ``kind`` (when the case has it), as when a breach offers its letter."""
        if kind in self._kinds:
            self.kind.setCurrentIndex(self._kinds.index(kind))

    def _args(self) -> tuple[Any, int | None, str | None]:
        return (self._kinds[self.kind.currentIndex()], self._recipients[
            self.recipient.currentIndex()], VARIANTS[self.variant.currentIndex()][1])

    @property
    def chosen_language(self) -> str | None:
        return self._languages[self.language.currentIndex()]

    def _choice_changed(self) -> None:
        self.preview_doc = None
        self.file_button.setEnabled(False)

    def _fail(self, message: str) -> None:
        self.confirmation.hide()
        self.error.setText(message)
        self.error.show()

    def _confirm(self, message: str) -> None:
        self.error.hide()
        self.confirmation.setText(message)
        self.confirmation.show()

    def preview(self) -> None:
        kind, recipient, variant = self._args()
        self.error.hide()
        try:
            self.preview_doc = documents.preview(self.ctx.uow(), self.ctx.actor,
                                                 self.detail.reference, kind, recipient, variant,
                                                 language=self.chosen_language,
                                                 **self._disclosure())
        except DomainError as exc:
            self._fail(exc.message)
            return
        self._show_language(self.preview_doc)
        self._show_pages(self.preview_doc.content)
        self.file_button.setEnabled(self.detail.can_edit)

    def _show_language(self, doc: GeneratedDocument) -> None:
        if doc.language_note:
            text = doc.language_note
        elif doc.language == languages.WELSH:
            text = self.tr("In Welsh and English (Welsh first), as the Welsh Language Standards "
                           "ask.")
        elif doc.language != languages.ENGLISH:
            text = self.tr("In {language}, the recipient's language.").format(
                language=languages.name(doc.language))
        else:
            text = ""
        self.language_note.setText(text)
        self.language_note.setVisible(bool(text))

    def _show_pages(self, content: bytes) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        try:
            images = pdf_pages_as_png(content)
        except PreviewUnavailable as exc:
            self.pages.addWidget(QLabel(self.tr("No page preview on this computer ({exc}); the "
                                                "document itself is fine: file it or save a copy.")
                                               .format(exc=exc)))
            return
        for n, png in enumerate(images, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            page = QLabel()
            page.setObjectName(f"preview_page_{n}")
            page.setAccessibleName(self.tr("Page {n} of the preview").format(n=n))
            page.setPixmap(pixmap)
            page.setMinimumSize(pixmap.size())  # never squeeze a page to fit the window
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addWidget(page)
        self.pages_holder.adjustSize()

    def file(self) -> None:
        kind, recipient, variant = self._args()
        try:
            self.filed_doc = documents.generate(self.ctx.uow(), self.ctx.actor,
                                                self.detail.reference, kind, recipient, variant,
                                                language=self.chosen_language,
                                                **self._disclosure())
        except DomainError as exc:
            self._fail(exc.message)
            return
        self.file_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.ics_button.setEnabled(kind is Kind.APPOINTMENT)
        assert self.filed_doc.id is not None
        shown = self.filed_doc.disclosure
        self._confirm(self.tr("Filed on the case {reference}: {title}. Print it or save a copy if "
                              "it is to be sent.")
                             .format(reference=self.detail.reference, title=self.filed_doc.title)
                      + (" " + shown.line if shown else ""))
        self.filed.emit(self.filed_doc.id)

    def save_calendar(self, path: str | None = None) -> Path | None:
        """The letter's appointments as a calendar file for the person (no case reference)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save her calendar file"),
                documents_folder(f"{self.detail.reference}-appointments.ics"),
                self.tr("Calendar (*.ics)"))
            if not path:
                return None
        try:
            content = calendar.person_appointments_ics(self.ctx.uow(), self.ctx.actor,
                                                       self.detail.reference)
            target = Path(path)
            target.write_bytes(content)
        except DomainError as exc:
            self._fail(exc.message)
            return None
        except OSError as exc:
            self._fail(self.tr("Not saved: {error}. Choose another folder.")
                              .format(error=exc.strerror or exc))
            return None
        self._confirm(self.tr("Calendar file saved to {target}: send it with the letter.")
                             .format(target=target))
        return target

    def print_copy(self, printer: QPrinter | None = None) -> int | None:
        """Print the filed copy (the print dialog first, unless a printer is given)."""
        doc = self.filed_doc
        if doc is None or doc.id is None:
            return None
        try:
            pages = print_document(self.ctx, doc.id, self, printer)
        except DomainError as exc:
            self._fail(exc.message)
            return None
        if pages is not None:
            self._confirm(self.tr("Sent to the printer: 1 page.") if pages == 1
                          else self.tr("Sent to the printer: {pages} pages.").format(pages=pages))
        return pages

    def save_copy(self, path: str | None = None) -> Path | None:
        doc = self.filed_doc
        if doc is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save a copy"),
                documents_folder(f"{self.detail.reference}-{doc.kind}.pdf"),
                self.tr("PDF (*.pdf)"))
            if not path:
                return None
        target = Path(path)
        try:
            target.write_bytes(doc.content)
        except OSError as exc:
            self._fail(self.tr("Not saved: {error}. Choose another folder.")
                              .format(error=exc.strerror or exc))
            return None
        self._confirm(self.tr("Saved to {target}.").format(target=target))
        return target


def save_reprint(ctx: AppContext, document_id: int, parent: QWidget | None,
                 path: str | None = None) -> Path | None:
    """Reprint a filed document exactly (same bytes, same hash) to a file the user picks."""
    doc = documents.reprint(ctx.uow(), ctx.actor, document_id)
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent, translate("Documents", "Reprint"),
            documents_folder(f"{doc.reference}-{doc.kind}.pdf"),
            translate("Documents", "PDF (*.pdf)"))
        if not path:
            return None
    target = Path(path)
    target.write_bytes(doc.content)
    return target


def appointment_letters_task(ctx: AppContext, parent: QWidget, start: date | None = None,
                             end: date | None = None) -> BackgroundTask:
    """Next week's appointment letters, off the GUI thread, with progress and Cancel. Letters
    filed before Cancel stay filed (each is its own transaction). Call ``start()`` on it."""
    first, last = documents.next_week()

    def job(progress: Any, cancelled: Any) -> BatchResult:
        return documents.appointment_letters(
            ctx.uow(), ctx.actor, start or first, end or last,
            progress=lambda done, total, ref: progress(done, total,
                                                       f"Letter {done} of {total}: {ref}"),
            cancelled=cancelled)

    return BackgroundTask(parent, translate("Documents", "Appointment letters for next week"),
                          translate("Documents", "Preparing appointment letters..."), job)
