"""Opening a record from its row, reading it whole, and correcting it through the real window:
a bail appointment wrongly marked missed is put right, a missed one is rebooked from its own
row, and an intervention's notes are read in full and then marked entered in error."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from app.models.users import Role
from app.services import appointments, casefile, cases, pathways
from app.services.appointments import AppointmentInput
from app.services.enums import AppointmentStatus, InterventionKind, Scheme
from app.services.pathways import InterventionInput
from app.views.case.record_dialog import RecordDialog
from tests.factories import at, make_case, make_user


def _gateway_case(db: Any) -> tuple[str, Any]:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor", "Aisha Mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                             on=date.today() - timedelta(days=28))
    return ref, mentor


def _missed(db: Any, mentor: Any, ref: str, days: int, purpose: str) -> int:
    appt = appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
        at(-days), purpose, bail_condition=True))
    appointments.record_outcome(db.uow(), mentor, ref, appt, AppointmentStatus.MISSED)
    return appt


def _open_row(qtbot: Any, ws: Any, table_name: str, key: int) -> RecordDialog:
    table = ws.table(table_name)
    assert table.select_key(key)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = ws.dialog
    assert isinstance(dialog, RecordDialog) and dialog.isVisible()
    return dialog


def _status(db: Any, mentor: Any, ref: str, appt: int) -> str:
    d = casefile.get_case(db.uow(), mentor, ref, audit_view=False)
    return next(a.status for a in d.appointments if a.id == appt)


def test_a_wrongly_missed_bail_appointment_is_corrected_to_kept(qtbot, db, open_window) -> None:
    ref, mentor = _gateway_case(db)
    appt = _missed(db, mentor, ref, 2, "Women's service keyworker")
    window = open_window("mentor")
    ws = window.open_case(ref)
    ws.show_tab("appointments")
    dialog = _open_row(qtbot, ws, "appointments_table", appt)
    assert dialog.amend_button.isEnabled() and dialog.error_button.isEnabled()
    form = dialog.amend()
    form.form.set_value("status", AppointmentStatus.KEPT)
    qtbot.keyClicks(form.form.inputs["reason"], "She came; I pressed the wrong button")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert _status(db, mentor, ref, appt) == AppointmentStatus.KEPT.value
    history = dialog.findChild(object, "record_history").text()
    assert "Outcome <i>missed</i> &rarr; <i>kept</i>" in history and "wrong button" in history
    table = ws.table("appointments_table")
    row = table.record_model().row_of(appt)
    assert table.text(row, 4) == "kept"
    # the correction is in the case's History, in words
    ws.show_tab("history")
    corrections_table = ws.table("corrections_table")
    assert corrections_table.row_count() == 1
    assert "Appointment amended: outcome" in corrections_table.text(0, 2)


def test_a_missed_appointment_is_rebooked_from_its_row(qtbot, db, open_window) -> None:
    ref, mentor = _gateway_case(db)
    appt = _missed(db, mentor, ref, 3, "Keyworker session")
    window = open_window("mentor")
    ws = window.open_case(ref)
    ws.show_tab("appointments")
    table = ws.table("appointments_table")
    table.select_key(appt)
    rect = table.visualRect(table.model().index(table.record_model().row_of(appt), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = ws.dialog
    assert isinstance(dialog, RecordDialog) and dialog.rebook_button.isEnabled()
    form = dialog.rebook()
    when = (datetime.now() + timedelta(days=4)).replace(hour=11, minute=0, second=0,
                                                        microsecond=0).astimezone()
    form.form.set_value("starts_at", when)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    d = casefile.get_case(db.uow(), mentor, ref, audit_view=False)
    assert [(a.status, a.purpose) for a in d.appointments] == [
        (AppointmentStatus.MISSED.value, "Keyworker session"),
        (AppointmentStatus.SCHEDULED.value, "Keyworker session")]
    assert d.appointments[1].starts_at == when
    assert table.row_count() == 2
    assert not dialog.rebook_button.isEnabled()  # rebooked once


def test_an_intervention_is_read_whole_and_marked_entered_in_error(
        qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav", "Priya Navigator")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    notes = "Talked through the housing letter.\n" + "She wants to move nearer work. " * 80
    iid = pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
        InterventionKind.CONTACT, date.today() - timedelta(days=2), "Phone call",
        notes=notes))
    window = open_window("nav")
    ws = window.open_case(ref)
    ws.show_tab("interventions")
    dialog = _open_row(qtbot, ws, "interventions_table", iid)
    shown = dialog.findChild(QPlainTextEdit, "record_notes")
    assert shown is not None and shown.toPlainText() == notes.strip()

    form = dialog.entered_in_error()
    intro = " ".join(w.text() for w in form.findChildren(type(dialog.title)) if w.text())
    assert "counts nowhere" in intro and "struck through" in intro
    qtbot.keyClicks(form.form.inputs["reason"], "Logged on the wrong case")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert ws.table("interventions_table").row_count() == 0
    assert "ENTERED IN ERROR" in dialog.title.text()
    assert not dialog.amend_button.isEnabled()
    ws.show_tab("history")
    history = ws.table("corrections_table")
    model = history.record_model()
    assert model.style_at(0).value == "struck"
    assert "Intervention marked entered in error" in history.text(0, 2)


def test_every_entered_record_opens_whole_from_the_timeline(qtbot, db, open_window) -> None:
    from app.services import demo
    from app.services.enums import EntryKind

    demo.build(db.uow(), cases=60, today=date.today())
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    coord = window.ctx.actor
    model = window.case_list.model
    # a case holding each kind of record the demo makes, found through the services
    wanted: dict[EntryKind, str] = {}
    for ref in (model.reference_at(r) for r in range(model.rowCount())):
        d = casefile.get_case(db.uow(), coord, ref, audit_view=False)
        held = {EntryKind.INTERVENTION: d.interventions, EntryKind.APPOINTMENT: d.appointments,
                EntryKind.ASSESSMENT: d.assessments, EntryKind.MEETING: d.meetings,
                EntryKind.CONSENT: [c for p in d.parties for c in p.consents],
                EntryKind.HOURS: d.contract.hours if d.contract else (),
                EntryKind.AGREEMENT_ACTION: d.agreement.actions if d.agreement else (),
                EntryKind.AGREEMENT_FOLLOWUP: d.followups, EntryKind.SURVEY: d.surveys,
                EntryKind.AGENCY_CALLS: d.agency_calls,
                EntryKind.EXIT_FOLLOWUP: [e for e in d.exit_followups if e.done_on],
                EntryKind.REOFFENDING_CHECK: d.reoffending_checks}
        for kind, records in held.items():
            if records:
                wanted.setdefault(kind, ref)
    assert len(wanted) >= 10, wanted
    for kind, ref in wanted.items():
        ws = window.open_case(ref)
        entry = next(e for e in ws.table("timeline").record_model().rows() if e.kind is kind)
        table = ws.table("timeline")
        table.select_key((entry.tab, entry.key, entry.kind))
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        dialog = ws.dialog
        assert isinstance(dialog, RecordDialog) and dialog.kind is kind, (ref, kind)
        assert dialog.view.title and dialog.view.fields
        dialog.reject()


def test_locking_closes_the_record_and_its_half_filled_amendment(
        qtbot, db, open_window) -> None:
    ref, mentor = _gateway_case(db)
    appt = _missed(db, mentor, ref, 2, "Keyworker session")
    window = open_window("mentor")
    ws = window.open_case(ref)
    ws.show_tab("appointments")
    dialog = _open_row(qtbot, ws, "appointments_table", appt)
    form = dialog.amend()
    qtbot.keyClicks(form.form.inputs["reason"], "Half a reason")
    window.lock()
    assert not form.isVisible() and not dialog.isVisible()
    assert _status(db, mentor, ref, appt) == AppointmentStatus.MISSED.value


def test_follow_ups_surveys_calls_and_reoffending_checks_open_from_their_own_tab(
        qtbot, db, open_window) -> None:
    """Records once shown only as a line of text are rows now: Enter on one opens it whole
    (to amend it or mark it entered in error), as on every other tab."""
    from app.services import demo
    from app.services.enums import EntryKind

    demo.build(db.uow(), cases=60, today=date.today())
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    coord = window.ctx.actor
    model = window.case_list.model
    where = {EntryKind.REOFFENDING_CHECK: ("followups", "reoffending_table"),
             EntryKind.AGREEMENT_FOLLOWUP: ("meetings", "after_meeting_table"),
             EntryKind.SURVEY: ("meetings", "after_meeting_table"),
             EntryKind.AGENCY_CALLS: ("meetings", "after_meeting_table")}
    found: dict[EntryKind, tuple[str, object, int]] = {}
    for ref in (model.reference_at(r) for r in range(model.rowCount())):
        d = casefile.get_case(db.uow(), coord, ref, audit_view=False)
        for kind, records in ((EntryKind.REOFFENDING_CHECK, d.reoffending_checks),
                              (EntryKind.AGREEMENT_FOLLOWUP, d.followups),
                              (EntryKind.SURVEY, d.surveys),
                              (EntryKind.AGENCY_CALLS, d.agency_calls)):
            if records and kind not in found:
                rid = records[0].id
                key = rid if kind is EntryKind.REOFFENDING_CHECK else (kind, rid)
                found.setdefault(kind, (ref, key, rid))
    assert set(found) == set(where), found
    for kind, (ref, key, rid) in found.items():
        tab, table_name = where[kind]
        ws = window.open_case(ref)
        ws.show_tab(tab)
        dialog = _open_row(qtbot, ws, table_name, key)
        assert dialog.kind is kind and dialog.view.record_id == rid, kind
        assert dialog.view.fields
        dialog.reject()


def test_a_consent_opens_whole_from_the_people_tab(qtbot, db, open_window) -> None:
    """Every consent given or withdrawn is a row under the people, newest first; Enter opens
    it whole, to amend its date or mark it entered in error."""
    from app.services import demo
    from app.services.enums import EntryKind

    demo.build(db.uow(), cases=30, today=date.today())
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    coord = window.ctx.actor
    model = window.case_list.model
    ref, consent = next(
        (r, c) for r in (model.reference_at(i) for i in range(model.rowCount()))
        for p in casefile.get_case(db.uow(), coord, r, audit_view=False).parties
        for c in p.consents)
    ws = window.open_case(ref)
    ws.show_tab("people")
    table = ws.table("consents_table")
    dates = [table.text(r, 0) for r in range(table.row_count())]
    assert dates == sorted(dates, key=lambda d: d[6:] + d[3:5] + d[:2], reverse=True)
    dialog = _open_row(qtbot, ws, "consents_table", consent.id)
    assert dialog.kind is EntryKind.CONSENT and dialog.view.record_id == consent.id
