"""The four journeys of the desktop issue, driven through the real main window as a user would:
typing into fields, clicking buttons, pressing keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from app.models.users import Role
from app.services import casefile, demo
from app.services.casefile import CaseFilter
from app.services.enums import CaseStatus, MeetingKind
from app.views.case import CaseWorkspace
from app.views.confirm import Confirm
from app.views.forms import FormDialog
from app.views.main_window import MainWindow
from app.views.table_models.record_table_model import RecordTable
from tests.factories import answer_referral, make_user

TODAY = date.today()


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type it; QTest cannot synthesise keys outside Latin-1, so those arrive as a paste."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text) if isinstance(widget, QLineEdit) else widget.insertPlainText(text)


def fill(qtbot: Any, form: Any, **values: Any) -> None:
    for name, value in values.items():
        widget = form.inputs[name]
        if isinstance(widget, QLineEdit | QPlainTextEdit) and isinstance(value, str):
            widget.clear()
            type_text(qtbot, widget, value)
        else:
            form.set_value(name, value)


def save(qtbot: Any, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    errors = [label.text() for label in [*dialog.form.errors.values(),
                                         dialog.form.general_error] if label.text()]
    assert not dialog.isVisible(), f"dialog still open: {errors}"


def click(qtbot: Any, ws: CaseWorkspace, name: str) -> FormDialog | None:
    button = {**ws.action_buttons(), "decide": ws.decide_button}[name]
    assert button.isEnabled(), f"{name} is not enabled"
    before = ws.dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return ws.dialog if ws.dialog is not before else None


def confirm(qtbot: Any, ws: CaseWorkspace, says: str) -> None:
    """Answer yes to the question the last click asked, after checking what it says."""
    box = ws.dialog
    assert isinstance(box, Confirm) and box.isVisible() and says in box.text(), box
    qtbot.mouseClick(box.yes_button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def decide(qtbot: Any, ws: CaseWorkspace) -> None:
    """Accept the referral (the decision starts unanswered)."""
    dialog = click(qtbot, ws, "decide")
    fill(qtbot, dialog.form, eligible=True)
    save(qtbot, dialog)


def select_row(table: RecordTable, match: str) -> None:
    for r in range(table.row_count()):
        if any(match in table.text(r, c) for c in range(table.model().columnCount())):
            table.selectRow(r)
            return
    raise AssertionError(f"no row with {match!r}")


def refer(qtbot: Any, window: MainWindow, **values: Any) -> CaseWorkspace:
    window.new_referral_action.trigger()
    dialog = window.dialog
    fill(qtbot, dialog.form, **values)
    answer_referral(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.form.general_error.text()
    ws = window.tabs.currentWidget()
    assert isinstance(ws, CaseWorkspace)
    return ws


def open_by_search(qtbot: Any, window: MainWindow, text: str) -> CaseWorkspace:
    window.find_action.trigger()
    type_text(qtbot, window.case_list.search, text)
    qtbot.waitUntil(lambda: window.case_list.count.text() == "1 case", timeout=3000)
    table = window.case_list.table
    table.setFocus()
    table.setCurrentIndex(window.case_list.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    ws = window.tabs.currentWidget()
    assert isinstance(ws, CaseWorkspace)
    return ws


def test_navigator_takes_checkpoint_case_to_completion(qtbot, db, open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord", "Casey Coordinator")
    make_user(db, Role.NAVIGATOR, "nav", "Nadia Navigator")
    coordinator = open_window("coord")
    ws = refer(qtbot, coordinator, first_name="Rhys", last_name="Llewellyn",
               date_of_birth=date(1990, 4, 2), referral_date=TODAY - timedelta(days=200),
               offence_code="theft-shop", offence_date=TODAY - timedelta(days=205),
               crime_reference="DU26000111", worker_id=_user_id(db, "nav"))
    reference = ws.reference
    dialog = click(qtbot, ws, "decide")
    assert dialog.form.value("eligible") is None and not dialog.ok_button.isEnabled()
    fill(qtbot, dialog.form, eligible=True, on=TODAY - timedelta(days=195))
    save(qtbot, dialog)
    assert ws.detail.status is CaseStatus.ELIGIBILITY_DECIDED

    navigator = open_window("nav")
    ws = open_by_search(qtbot, navigator, reference)
    dialog = click(qtbot, ws, "assess_start")
    assert dialog.form.value("alcohol") is None and not dialog.ok_button.isEnabled()
    levels = {code: 0 for code in ws.controller.pathway_names}
    fill(qtbot, dialog.form, assessed_on=TODAY - timedelta(days=190),
         **{**levels, "alcohol": 3, "accommodation": 2, "finance": 2})
    save(qtbot, dialog)
    dialog = click(qtbot, ws, "draft_contract")
    fill(qtbot, dialog.form, start=TODAY - timedelta(days=130), pathway1="alcohol",
         text1="Attend the alcohol service every week", fifth="hours", community_hours=18)
    save(qtbot, dialog)
    assert [c.kind for c in ws.detail.contract.conditions] == [
        "no reoffending", "victim / restorative", "pathway intervention", "community hours"]
    save(qtbot, click(qtbot, ws, "start_contract"))
    assert ws.detail.status is CaseStatus.CONTRACT_ACTIVE
    for n, pathway in enumerate(("alcohol", "accommodation", "finance"), start=1):
        dialog = click(qtbot, ws, "log_intervention")
        fill(qtbot, dialog.form, occurred_on=TODAY - timedelta(days=120 - n * 10),
             pathway_code=pathway,
             summary=f"Session {n} on {pathway}")
        save(qtbot, dialog)
    assert len(ws.detail.interventions) == 3
    for days in (100, 90):
        dialog = click(qtbot, ws, "log_hours")
        fill(qtbot, dialog.form, worked_on=TODAY - timedelta(days=days), hours="9",
             task="Community garden")
        save(qtbot, dialog)
    for text in ("You must not commit", "letter of apology", "alcohol service"):
        select_row(ws.table("conditions_table"), text)
        click(qtbot, ws, "condition_met")
    click(qtbot, ws, "complete")
    confirm(qtbot, ws, "cannot be undone")
    assert ws.detail.status is CaseStatus.COMPLETED, ws.banner.text()
    assert ws.detail.outcome_code == "22"
    assert "completed" in ws.findChild(QLabel, "contract_summary").text()


def test_facilitator_records_consent_meeting_agreement_and_followup(qtbot, db,
                                                                     open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord", "Casey Coordinator")
    make_user(db, Role.FACILITATOR, "fac", "Fran Facilitator")
    make_user(db, Role.FACILITATOR, "fac2", "Gil Cofacilitator")
    coordinator = open_window("coord")
    ws = refer(qtbot, coordinator, scheme=_scheme("neighbourhood-resolution"),
               first_name="Dylan", last_name="Carr", offence_code="neighbour-dispute",
               harmed_first_name="Edith", harmed_last_name="Wells", worker_id=_user_id(db, "fac"))
    reference = ws.reference
    decide(qtbot, ws)
    assert ws.detail.status is CaseStatus.ASSESSED

    facilitator = open_window("fac")
    ws = open_by_search(qtbot, facilitator, reference)
    for name in ("Dylan Carr", "Edith Wells"):
        select_row(ws.table("people_table"), name)
        save(qtbot, click(qtbot, ws, "consent_given"))
    assert ws.detail.status is CaseStatus.CONSENT_OBTAINED
    save(qtbot, click(qtbot, ws, "record_risk"))  # no meeting without a current assessment
    dialog = click(qtbot, ws, "record_meeting")
    party = {p.name: p.id for p in ws.detail.parties}
    # nothing is answered for the facilitator: kind and attendance start empty
    assert not dialog.ok_button.isEnabled()
    assert dialog.form.value(f"attended_{party['Edith Wells']}") is None
    fill(qtbot, dialog.form, kind=MeetingKind.FACE_TO_FACE, venue="Northgate community centre",
         cofacilitator=_user_id(db, "fac2"), other_name="PCSO Ada Quinn",
         **{f"attended_{pid}": True for pid in party.values()})
    save(qtbot, dialog)
    assert ws.detail.status is CaseStatus.MEETING_HELD
    attendance = ws.table("meetings_table").text(0, 4)
    assert "Dylan Carr (harmer): attended" in attendance
    assert "PCSO Ada Quinn (PCSO): attended" in attendance
    dialog = click(qtbot, ws, "record_agreement")
    assert dialog.form.value("signed") is None
    fill(qtbot, dialog.form, signed=True, text1="Write a letter of apology",
         owner1=party["Dylan Carr"],
         text2="Fix the fence panel", owner2=party["Dylan Carr"],
         due2=TODAY + timedelta(days=21))
    save(qtbot, dialog)
    assert ws.detail.status is CaseStatus.AGREEMENT_MONITORING
    assert ws.table("actions_table").row_count() == 2
    assert ws.table("actions_table").text(1, 1) == "Fix the fence panel"
    dialog = click(qtbot, ws, "record_followup")
    assert dialog.form.value("agreement_kept") is None and not dialog.ok_button.isEnabled()
    fill(qtbot, dialog.form, agreement_kept=True)
    save(qtbot, dialog)
    after = ws.table("after_meeting_table")
    assert (after.text(0, 1), after.text(0, 2)) == ("Follow-up contact", "agreement kept")


def test_mentor_records_kept_and_missed_bail_appointments(qtbot, db, open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord", "Casey Coordinator")
    make_user(db, Role.MENTOR, "mentor", "Mel Mentor")
    coordinator = open_window("coord")
    ws = refer(qtbot, coordinator, scheme=_scheme("gateway-to-change"), first_name="Zofia",
               last_name="Wiśniewski", gender=_gender("female"), offence_code="theft-shop",
               date_of_birth=date(1991, 7, 14),
               referral_date=TODAY - timedelta(days=20), offence_date=TODAY - timedelta(days=22),
               worker_id=_user_id(db, "mentor"))
    reference = ws.reference
    decide(qtbot, ws)
    assert ws.detail.status is CaseStatus.ENGAGED

    mentor = open_window("mentor")
    ws = open_by_search(qtbot, mentor, "wiśniewski")
    for days, purpose in ((3, "First key work session"), (1, "Second key work session")):
        dialog = click(qtbot, ws, "book_appointment")
        when = datetime.combine(TODAY - timedelta(days=days), datetime.min.time()).replace(
            hour=10)
        fill(qtbot, dialog.form, purpose=purpose)
        dialog.form.inputs["starts_at"].setDateTime(when)
        save(qtbot, dialog)
    select_row(ws.table("appointments_table"), "First key work session")
    click(qtbot, ws, "appointment_kept")
    select_row(ws.table("appointments_table"), "Second key work session")
    click(qtbot, ws, "appointment_missed")
    confirm(qtbot, ws, "Second key work session: The appointment is recorded as missed.")
    outcomes = {ws.table("appointments_table").text(r, 1): ws.table("appointments_table").text(r, 4)
                for r in range(ws.table("appointments_table").row_count())}
    assert outcomes == {"First key work session": "kept", "Second key work session": "missed"}
    # nothing is left waiting for an outcome: the buttons say so instead of leading nowhere
    kept = ws.action_buttons()["appointment_kept"]
    assert not kept.isEnabled() and kept.toolTip() == "No appointment is waiting for its outcome."
    mentor.tabs.setCurrentIndex(0)
    missed = mentor.my_work.section_texts("missed")
    assert len(missed) == 1 and reference in missed[0] and "Second key work session" in missed[0]


def test_coordinator_finds_case_by_crime_reference_among_500(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=500)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    actor = window.ctx.actor
    rows = casefile.list_cases(db.uow(), actor, CaseFilter(), offset=321, limit=1)
    crime_reference = rows[0].crime_reference
    ws = open_by_search(qtbot, window, crime_reference.lower())
    assert ws.reference == rows[0].reference
    overview = ws.tab_widget("overview").facts.toPlainText()
    assert crime_reference in overview
    assert rows[0].participant in overview
    # and prints its summary: Ctrl+P, the full case summary, preview, file
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(ws, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = ws.document_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findText("Case summary (full)"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(dialog.preview_doc.content)).pages)
    assert rows[0].reference in text and crime_reference in text
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert ws.table("documents_table").text(0, 1).startswith("Case summary")


def _user_id(db: Any, username: str) -> int:
    from app.services import users

    return next(u.id for u in users.list_users(db.uow()) if u.username == username)


def _scheme(value: str) -> Any:
    from app.services.enums import Scheme

    return Scheme(value)


def _gender(value: str) -> Any:
    from app.services.enums import Gender

    return Gender(value)
