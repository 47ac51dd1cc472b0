"""Looking at an attachment: a scanned or photographed document shown in the window.

Images are shown with QPixmap, scaled to the dialog's width (never up); a PDF's pages are drawn
by poppler's pdftoppm, as the document preview does (this PySide6 build has no QtPdf module).
What is shown is the bytes the service handed over after checking them against their hash, and
opening it is audited there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
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

from app.reports.preview import PreviewUnavailable, pdf_pages_as_png
from app.services.attachments import AttachmentFile
from app.services.enums import MediaType

#: Widest a page or photo is drawn before it is scaled down to fit.
MAX_WIDTH = 900


class AttachmentViewer(QDialog):
    """One attachment, page by page or as its picture, with Save a copy."""

    def __init__(self, attachment: AttachmentFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachment = attachment
        s = attachment.summary
        self.setObjectName("attachment_viewer")
        self.setWindowTitle(f"{s.title} ({s.reference})")
        layout = QVBoxLayout(self)
        about = QLabel(f"{s.media_type.label}, {s.size_bytes:,} bytes, on {s.attached_to}. "
                       f"Added by {s.added_by} on {s.added_at.astimezone():%d/%m/%Y %H:%M}.")
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save a copy...")
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
            self.pages.addWidget(QLabel(f"No preview on this computer ({exc}); save a copy to "
                                        "open it in another program."))
            return
        for n, data in enumerate(images, start=1):
            pixmap = QPixmap()
            if not pixmap.loadFromData(data):
                self.pages.addWidget(QLabel("This file cannot be shown here; save a copy to "
                                            "open it in another program."))
                return
            if pixmap.width() > MAX_WIDTH:
                pixmap = pixmap.scaledToWidth(MAX_WIDTH,
                                              Qt.TransformationMode.SmoothTransformation)
            page = QLabel()
            page.setObjectName(f"attachment_page_{n}")
            page.setAccessibleName(f"Page {n} of {self.attachment.summary.title}")
            page.setPixmap(pixmap)
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addWidget(page)
            self.shown.append(page)

    def save_copy(self, path: str | None = None) -> Path | None:
        s = self.attachment.summary
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save a copy", s.filename, f"{s.media_type.label} (*.{s.media_type.extension}"
                ")")
            if not path:
                return None
        target = Path(path)
        target.write_bytes(self.attachment.content)
        return target
