"""Printing on paper: the filed PDF goes through QPrinter (here to a PDF file, as a print
driver would get it), page for page, and the print is in the audit trail; saving says where."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import text

from app.config import Settings
from app.models.users import Role
from app.services import casefile, documents
from app.services.enums import Scheme
from app.views.context import AppContext
from app.views.documents import DocumentDialog
from app.views.folders import documents_folder
from tests.factories import make_case, make_user


def _filed_summary(qtbot, db):
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    ctx = AppContext(db.uow, coord, Settings(database_url=db.url))
    dialog = DocumentDialog(ctx, casefile.get_case(db.uow(), coord, ref))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog._kinds.index(documents.Kind.SUMMARY))
    dialog.preview()
    assert not dialog.print_button.isEnabled()  # only the filed copy is printed
    dialog.file()
    assert dialog.confirmation.text().startswith(f"Filed on the case {ref}")
    return dialog, ref


def test_a_print_goes_through_qprinter_page_for_page_and_is_audited(qtbot, db, tmp_path) -> None:
    dialog, _ref = _filed_summary(qtbot, db)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert dialog.print_button.isEnabled()
    pages = dialog.print_copy(printer)
    filed = PdfReader(BytesIO(dialog.filed_doc.content))
    printed = PdfReader(out)
    assert pages == len(filed.pages) == len(printed.pages) >= 1
    # each sheet is the filed page's size (A4), drawn from the filed bytes
    assert [round(float(p.mediabox.width)) for p in printed.pages] == \
        [round(float(p.mediabox.width)) for p in filed.pages]
    assert printed.pages[0].images, "the page is drawn on the sheet"
    plural = "s" if pages > 1 else ""
    assert dialog.confirmation.text() == f"Sent to the printer: {pages} page{plural}."
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, entity_id, detail FROM audit_events "
                                 "WHERE action = 'document.print'")).all()
    # the print is recorded with to whom the summary is disclosed (s.62): the team itself
    ((action, entity, detail),) = [tuple(r) for r in rows]
    assert (action, entity) == ("document.print", dialog.filed_doc.id)
    assert detail.startswith("summary; to: ") and detail.endswith("; basis: within the team")


def test_saving_a_copy_says_where_and_opens_in_documents(qtbot, db, tmp_path) -> None:
    dialog, _ref = _filed_summary(qtbot, db)
    target = dialog.save_copy(str(tmp_path / "copy.pdf"))
    assert target is not None and target.read_bytes() == dialog.filed_doc.content
    assert dialog.confirmation.text() == f"Saved to {target}."
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert documents_folder("x.pdf") == f"{folder}/x.pdf"
    refused = dialog.save_copy(str(tmp_path / "no-such-folder" / "copy.pdf"))
    assert refused is None and dialog.error.text().startswith("Not saved:")
