"""Documents from the window: preview, file, reprint; next week's letters in the background."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.models.users import Role
from app.services import appointments, cases, demo, documents
from app.services.enums import Scheme
from tests.factories import make_case, make_user


def test_preview_then_file_then_reprint_a_contract(qtbot, db, open_window, tmp_path) -> None:
    demo.build(db.uow(), cases=40)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    model = window.case_list.model
    ref = next(model.reference_at(r) for r in range(model.rowCount())
               if model.index(r, model.STATUS).data() == "Contract active")
    ws = window.open_case(ref)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(ws, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = ws.document_dialog
    assert dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog._kinds.index(documents.Kind.CONTRACT))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert dialog.findChild(QLabel, "preview_page_1") is not None
    assert ws.table("documents_table").row_count() == 0  # a preview files nothing
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert ws.table("documents_table").row_count() == 1
    # the title is the variant's ("Your Checkpoint contract" in easy read)
    assert "Checkpoint contract" in ws.table("documents_table").text(0, 1)
    filed = dialog.filed_doc
    dialog.accept()
    ws.table("documents_table").selectRow(0)
    out = tmp_path / "again.pdf"
    ws.tab_widget("documents").reprint(str(out))
    assert hashlib.sha256(out.read_bytes()).hexdigest() == filed.sha256


def test_next_weeks_appointment_letters_run_with_progress(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    start, _end = documents.next_week()
    refs = []
    for n in range(3):
        ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
        cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
        when = datetime.combine(start + timedelta(days=n), time(10)).astimezone(UTC)
        appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
            starts_at=when, purpose="Key work session", bail_condition=True))
        refs.append(ref)
    window = open_window("coord")
    batch = window.appointment_letters()
    with qtbot.waitSignal(batch.done, timeout=30000):
        pass
    assert batch.result is not None and not batch.result.cancelled
    assert sorted(d.reference for d in batch.result.documents) == sorted(refs)
    assert "3 appointment letter(s) filed" in window.statusBar().currentMessage()
    for ref in refs:
        assert [d.kind for d in documents.list_documents(db.uow(), coord, ref)] == [
            "appointment"]


def test_cancelled_batch_files_nothing_more(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    start, _end = documents.next_week()
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
        starts_at=datetime.combine(start, time(11)).astimezone(UTC), purpose="Session",
        bail_condition=True))
    window = open_window("coord")
    batch = window.appointment_letters()
    batch.cancel()  # the user presses Cancel before the first letter
    with qtbot.waitSignal(batch.done, timeout=30000):
        pass
    assert batch.result.cancelled and batch.result.documents == ()
    assert documents.list_documents(db.uow(), coord, ref) == []
