"""Attachments from the window: add a photo and a scanned PDF to a case, see each in the
viewer, refuse a file that is neither, remove one with a reason; History lists it all."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import text as sql_text

from app.models.users import Role
from app.services import attachments
from app.services.enums import Scheme
from tests.factories import make_case, make_user


def test_add_open_and_remove_attachments(qtbot, db, open_window, tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    photo = tmp_path / "apology letter.jpg"
    Image.new("RGB", (1200, 1600), (250, 250, 240)).save(photo, "JPEG")
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 720, "Consent form")
    canvas.showPage()
    canvas.drawString(72, 720, "Page two")
    canvas.save()
    scan = tmp_path / "consent.pdf"
    scan.write_bytes(buf.getvalue())
    bogus = tmp_path / "notes.png"
    bogus.write_text("not a picture")

    window = open_window("nav")
    ws = window.open_case(ref)
    tab = ws.tab_widget("attachments")
    ws.show_tab("attachments")
    buttons = ws.action_buttons()
    assert buttons["add_attachment"].isEnabled()
    assert not buttons["open_attachment"].isEnabled()  # nothing to open yet

    dialog = tab.add_attachment(str(photo))
    assert dialog.form.values()["title"] == "apology letter"
    dialog.form.set_value("title", "Letter of apology to the shop")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog = tab.add_attachment(str(bogus))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Only a PDF, PNG or JPEG" in dialog.form.general_error.text()
    dialog.reject()
    dialog = tab.add_attachment(str(scan))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    table = ws.table("attachments_table")
    assert table.row_count() == 2
    assert table.text(1, 1) == "Letter of apology to the shop"
    assert table.text(0, 2) == "PDF" and table.text(1, 2) == "JPEG image"

    table.selectRow(1)
    viewer = tab.open_selected()
    assert viewer is not None and len(viewer.shown) == 1
    assert viewer.shown[0].pixmap().width() <= 900  # a big photo is scaled to fit
    viewer.reject()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter opens the row too
    viewer = tab.viewer
    assert viewer is not None and viewer.isVisible() and len(viewer.shown) == 2
    saved = viewer.save_copy(str(tmp_path / "copy.pdf"))
    assert saved is not None and saved.read_bytes() == scan.read_bytes()
    viewer.reject()

    table.selectRow(0)
    dialog = tab.remove_selected()
    dialog.form.set_value("reason", "Attached to the wrong case")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Attached to the wrong case" in table.text(0, 6)
    listed = attachments.list_for_case(db.uow(), coord, ref)
    assert [a.removed for a in listed] == [True, False]

    ws.show_tab("history")
    history = ws.table("history_table")
    actions = [history.text(r, 2) for r in range(history.row_count())]
    assert actions.count("Attachment added") == 2
    assert "Attachment opened" in actions and "Attachment removed" in actions


def test_an_attachment_prints_on_paper_and_the_print_is_audited(
        qtbot, db, open_window, tmp_path: Path) -> None:
    """A scanned PDF prints page for page and a photo on one sheet, through QPrinter (here to a
    PDF file, as a print driver would get it); each print and the saved copy are audited."""
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    buf = io.BytesIO()
    canvas = Canvas(buf)
    for text_ in ("Consent form", "Page two", "Page three"):
        canvas.drawString(72, 720, text_)
        canvas.showPage()
    canvas.save()
    attachments.add(db.uow(), coord, ref, buf.getvalue(), "consent.pdf", title="Consent form")
    photo = io.BytesIO()
    Image.new("RGB", (1600, 1200), (200, 40, 40)).save(photo, "PNG")
    attachments.add(db.uow(), coord, ref, photo.getvalue(), "photo.png", title="Apology card")

    window = open_window("coord")
    ws = window.open_case(ref)
    tab = ws.tab_widget("attachments")
    ws.show_tab("attachments")
    printed = []
    for row, (title, expected) in enumerate((("Apology card", 1), ("Consent form", 3))):
        table = ws.table("attachments_table")
        table.selectRow(row)
        assert table.text(row, 1) == title
        viewer = tab.open_selected()
        assert viewer is not None and viewer.print_button.isEnabled()
        out = tmp_path / f"printed-{row}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        assert viewer.print_copy(printer) == expected
        sheets = PdfReader(out).pages
        assert len(sheets) == expected and sheets[0].images, "the pages are drawn on paper"
        word = "page" if expected == 1 else "pages"
        assert viewer.confirmation.text() == f"Sent to the printer: {expected} {word}."
        printed.append(viewer.attachment.summary.id)
        viewer.reject()
    viewer = tab.open_selected()
    target = viewer.save_copy(str(tmp_path / "no-such-folder" / "copy.pdf"))
    assert target is None and viewer.confirmation.text().startswith("Not saved:")
    target = viewer.save_copy(str(tmp_path / "copy.pdf"))
    assert target is not None and viewer.confirmation.text() == f"Saved to {target}."
    with db.engine.connect() as conn:
        rows = conn.execute(sql_text("SELECT action, entity_id FROM audit_events WHERE action "
                                     "LIKE 'attachment.%' AND action != 'attachment.add' "
                                     "ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [
        ("attachment.view", printed[0]), ("attachment.print", printed[0]),
        ("attachment.view", printed[1]), ("attachment.print", printed[1]),
        ("attachment.view", printed[1]), ("attachment.copy", printed[1])]
