"""Attachments from the window: add a photo and a scanned PDF to a case, see each in the
viewer, refuse a file that is neither, remove one with a reason; History lists it all."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from reportlab.pdfgen.canvas import Canvas

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
