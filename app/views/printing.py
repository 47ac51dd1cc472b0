"""Printing on paper, and where files are saved.

A document is printed from the very PDF filed on the case: each page is drawn by PDFium
(``pypdfium2``; the Qt wheels for this platform carry no QtPdf) at up to 300 dots per inch and
painted on the printer's page, which takes the PDF's own page size, so the paper copy is the
filed copy. The print is recorded in the audit trail by the service that hands out the bytes.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import DomainError
from app.services import documents
from app.views.context import AppContext
from app.views.i18n import translate

#: Enough for text and the letterhead on paper, without a 100 MB bitmap per page.
MAX_DPI = 300


class PrintFailed(DomainError):
    """The printer could not be started; nothing was printed."""


def _not_started() -> PrintFailed:
    return PrintFailed(translate("Printing", "The printer could not be started: check it is on "
                                             "and chosen, then print again. Nothing was "
                                             "printed."))


def _page_image(page: pdfium.PdfPage, dpi: int) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB(x), as QImage reads it
    fmt = QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
    return image.copy()  # own the pixels before the bitmap goes


def print_pdf(content: bytes, printer: QPrinter) -> int:
    """Draw every page of the PDF on the printer, each on its own sheet of the PDF's size.
    Returns how many pages were printed."""
    pdf = pdfium.PdfDocument(content)
    try:
        if len(pdf) == 0:
            return 0
        width, height = pdf[0].get_size()
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(width, height), QPageSize.Unit.Point),
                                          QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise _not_started()
        try:
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            for n in range(len(pdf)):
                if n:
                    printer.newPage()
                painter.drawImage(target, _page_image(pdf[n], dpi))
        finally:
            painter.end()
        return len(pdf)
    finally:
        pdf.close()


def print_image(image: QImage, printer: QPrinter) -> int:
    """A scan or photo on one A4 sheet, as large as fits within the margins, never stretched.
    Returns the pages printed (1)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if image.width() > image.height()
                               else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise _not_started()
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        size = image.size().scaled(int(area.width()), int(area.height()),
                                   Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
    return 1


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """Qt's print dialog; the printer chosen, or None if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_document(ctx: AppContext, document_id: int, parent: QWidget | None,
                   printer: QPrinter | None = None) -> int | None:
    """Print a filed document: the print dialog (unless a printer is given), then the pages.
    Returns the pages printed, or None if the user cancelled."""
    if printer is None:
        printer = ask_printer(parent)
        if printer is None:
            return None
    doc = documents.print_filed(ctx.uow(), ctx.actor, document_id)
    return print_pdf(doc.content, printer)
