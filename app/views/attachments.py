"""Looking at an attachment: a scanned or photographed document shown in the window.

Images are shown with QPixmap, scaled to the dialog's width (never up); a PDF's pages are drawn
by poppler's pdftoppm, as the document preview does (this PySide6 build has no QtPdf module).
What is shown is the bytes the service handed over after checking them against their hash, and
opening it is audited there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.preview import PreviewUnavailable, pdf_pages_as_png
from app.services import attachments
from app.services.attachments import AttachmentFile
from app.services.enums import MediaType
from app.views.context import AppContext
from app.views.folders import documents_folder
from app.views.printing import ask_printer, print_image, print_pdf
from app.views.terms import term

#: Widest a page or photo is drawn before it is scaled down to fit.
MAX_WIDTH = 900


class AttachmentViewer(QDialog):
    """One attachment, page by page or as its picture, with Print and Save a copy (each
    audited by the service that hands the bytes over again)."""

    def __init__(self, ctx: AppContext, attachment: AttachmentFile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attachment = attachment
        s = attachment.summary
        self.setObjectName("attachment_viewer")
        self.setWindowTitle(f"{s.title} ({s.reference})")
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("{label}, {size_bytes:,} bytes, on {attached_to}. Added by "
                               "{added_by} on {added_on:%d/%m/%Y %H:%M}.").format(
                           label=term(s.media_type), size_bytes=s.size_bytes,
                           attached_to=s.attached_to, added_by=s.added_by,
                           added_on=s.added_at.astimezone()))
        about.setWordWrap(True)
        layout.addWidget(about)
        self.pages_holder = QWidget()
        self.pages = QVBoxLayout(self.pages_holder)
        scroll = QScrollArea()
        scroll.setObjectName("attachment_pages")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages_holder)
        layout.addWidget(scroll, 1)
        self.shown: list[QLabel] = []
        self._show()
        # what the last print or save did (or why it did not), beside the buttons
        self.confirmation = QLabel()
        self.confirmation.setObjectName("attachment_confirmation")
        self.confirmation.setWordWrap(True)
        layout.addWidget(self.confirmation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print..."))
        self.print_button.setObjectName("print_attachment")
        self.print_button.setAccessibleName(self.tr("Print the attachment on paper"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_copy())
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = QPushButton(self.tr("&Save a copy..."))
        self.save_button.setObjectName("save_attachment")
        self.save_button.clicked.connect(lambda _checked=False: self.save_copy())
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _images(self) -> list[bytes]:
        if self.attachment.summary.media_type is MediaType.PDF:
            return pdf_pages_as_png(self.attachment.content, dpi=70, max_pages=20)
        return [self.attachment.content]

    def _show(self) -> None:
        try:
            images = self._images()
        except PreviewUnavailable as exc:
            self.pages.addWidget(QLabel(self.tr("No preview on this computer ({exc}); save a "
                                                "copy to open it in another program.").format(
                                            exc=exc)))
            return
        for n, data in enumerate(images, start=1):
            pixmap = QPixmap()
            if not pixmap.loadFromData(data):
                self.pages.addWidget(QLabel(self.tr("This file cannot be shown here; save a "
                                                    "copy to open it in another program.")))
                return
            if pixmap.width() > MAX_WIDTH:
                pixmap = pixmap.scaledToWidth(MAX_WIDTH,
                                              Qt.TransformationMode.SmoothTransformation)
            page = QLabel()
            page.setObjectName(f"attachment_page_{n}")
            page.setAccessibleName(self.tr("Page {n} of {title}").format(
                                       n=n, title=self.attachment.summary.title))
            page.setPixmap(pixmap)
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addWidget(page)
            self.shown.append(page)

    def print_copy(self, printer: QPrinter | None = None) -> int | None:
        """Print the attachment (the print dialog first, unless a printer is given): a PDF
        page for page, a photo on one sheet. Returns the pages printed, None if not."""
        if printer is None:
            printer = ask_printer(self)
            if printer is None:
                return None
        try:
            f = attachments.print_file(self.ctx.uow(), self.ctx.actor,
                                       self.attachment.summary.id)
            if f.summary.media_type is MediaType.PDF:
                pages = print_pdf(f.content, printer)
            else:
                image = QImage.fromData(f.content)
                if image.isNull():
                    self._say(self.tr("Not printed: this file cannot be drawn here. Save a "
                                      "copy and print it from another program."))
                    return None
                pages = print_image(image, printer)
        except DomainError as exc:
            self._say(exc.message)
            return None
        self._say(self.tr("Sent to the printer: 1 page.") if pages == 1
                  else self.tr("Sent to the printer: {pages} pages.").format(pages=pages))
        return pages

    def save_copy(self, path: str | None = None) -> Path | None:
        """Save the attachment as a file (audited as a copy); says where, or why not."""
        s = self.attachment.summary
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save a copy"), documents_folder(s.filename),
                f"{s.media_type.label} (*.{s.media_type.extension})")
            if not path:
                return None
        target = Path(path)
        try:
            target.write_bytes(self.attachment.content)
        except OSError as exc:
            self._say(self.tr("Not saved: {error}. Choose another folder.").format(
                          error=exc.strerror or exc))
            return None
        try:
            attachments.record_copy(self.ctx.uow(), self.ctx.actor, s.id)
        except DomainError as exc:
            target.unlink(missing_ok=True)  # not audited, so not kept
            self._say(exc.message)
            return None
        self._say(self.tr("Saved to {target}.").format(target=target))
        return target

    def _say(self, text: str) -> None:
        self.confirmation.setText(text)
