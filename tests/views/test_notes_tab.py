"""The Notes tab: write a dated note on the case, see it newest first, find it by the notes
search; print a filed document from the Documents tab."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.models.users import Role
from app.services import cases, documents, notes_search
from app.services.enums import Scheme
from tests.factories import make_case, make_user


def test_a_note_written_on_the_notes_tab_is_shown_and_found(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    window = open_window("nav")
    ws = window.open_case(ref)
    ws.show_tab("notes")
    button = ws.action_buttons()["add_note"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = ws.dialog
    assert dialog.windowTitle() == "Write a note"
    dialog.form.inputs["written_on"].edit.setText("-2")
    qtbot.keyClicks(dialog.form.inputs["text"], "Her sister will come to the next session.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    table = ws.table("notes_table")
    model = table.record_model()
    assert model.rowCount() == 1
    assert model.text(0, 0) == f"{date.today() - timedelta(days=2):%d/%m/%Y}"
    assert model.text(0, 1) == "Her sister will come to the next session."
    hits = notes_search.search_notes(db.uow(), window.ctx.actor, "sister session")
    assert [h.case_reference for h in hits] == [ref]


def test_print_from_the_documents_tab(qtbot, db, open_window, tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    filed = documents.generate(db.uow(), coord, ref, documents.Kind.SUMMARY)
    window = open_window("coord")
    ws = window.open_case(ref)
    tab = ws.tab_widget("documents")
    assert ws.show_record("documents", filed.id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    pages = tab.print_selected(printer)
    assert pages == len(PdfReader(tmp_path / "paper.pdf").pages) >= 1
