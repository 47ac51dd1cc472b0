"""Details a case worker would trip over: locking with a form half-filled, follow-ups after a
case is closed, an unknown date of birth, editing a person without mangling their name or
address, errors that name the right person, contract start dates, readable stage names."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.errors import WorkflowError
from app.models.users import Role
from app.services import casefile, cases, contracts, demo
from app.services.enums import ConditionKind, Gender, Scheme
from app.views.case import CaseWorkspace
from tests.factories import PASSWORD, answer_referral, make_case, make_user, person


def test_lock_hides_a_half_filled_form_and_unlocking_brings_it_back(qtbot, db,
                                                                     open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    window = open_window("coord")
    ws = window.open_case(ref)
    form = ws.tab_widget("interventions").log_intervention()
    summary = form.form.inputs["summary"]
    qtbot.keyClicks(summary, "Notes about a sensitive call")
    qtbot.keyClicks(form.form.inputs["notes"], "She asked us to ring after six")
    form.form.set_value("duration_minutes", 45)
    before = form.form.values()
    window.lock()
    assert window.is_locked
    assert not form.isVisible() and not window.tabs.isVisible()  # nothing of it on screen
    unlock = window.dialog
    qtbot.keyClicks(unlock.password, PASSWORD)
    qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
    assert not window.is_locked
    assert form.isVisible() and window.dialog is form
    assert form.windowModality() is Qt.WindowModality.WindowModal  # still in front of its case
    assert form.form.values() == before  # every field as it was typed
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert ws.detail.interventions[0].summary == "Notes about a sensitive call"


def test_follow_ups_can_be_recorded_after_the_case_is_closed(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=60)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    model = window.case_list.model
    closed = [model.reference_at(r) for r in range(model.rowCount())
              if model.reference_at(r).startswith("GTC-")
              and model.index(r, model.STATUS).data() == "Closed"]
    ref = next(r for r in closed  # one whose woman still has a follow-up to come
               if any(e.done_on is None for e in casefile.get_case(
                   db.uow(), window.ctx.actor, r).exit_followups))
    ws = window.open_case(ref)
    enabled = {name: b.isEnabled() for name, b in ws.action_buttons().items()}
    assert enabled["record_reoffending"] and enabled["record_exit_followup"]
    assert not enabled["book_appointment"]
    timeline = ws.table("timeline")
    assert any(line.startswith("Stage: Closed") or "Stage: Closed" in line
               for line in (timeline.text(r, 1) for r in range(timeline.row_count())))


def test_unknown_date_of_birth_is_stored_as_unknown(qtbot, db, open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord")
    window = open_window("coord")
    window.new_referral_action.trigger()
    dialog = window.dialog
    assert dialog.form.inputs["date_of_birth"].text() == ""
    assert dialog.form.inputs["date_of_birth"].edit.placeholderText() == "Not known"
    assert "No date of birth recorded: Checkpoint is for adults." in dialog.eligibility.text()
    dialog.form.set_value("scheme", Scheme.NEIGHBOURHOOD_RESOLUTION)
    dialog.form.set_value("offence_code", "neighbour-dispute")  # starts unchosen
    qtbot.keyClicks(dialog.form.inputs["first_name"], "Mary Ann")
    qtbot.keyClicks(dialog.form.inputs["last_name"], "Smith")
    qtbot.keyClicks(dialog.form.inputs["harmed_first_name"], "Len")
    qtbot.keyClicks(dialog.form.inputs["harmed_last_name"], "Hall")
    qtbot.keyClicks(dialog.form.inputs["harmed_phone"], "call me")
    answer_referral(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # the harmed party's bad phone number is reported against the harmed party's field
    assert dialog.form.errors["harmed_phone"].text().startswith("Harmed party: A phone number")
    assert not dialog.form.errors["phone"].isVisible()
    dialog.form.inputs["harmed_phone"].clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ws = window.tabs.currentWidget()
    assert isinstance(ws, CaseWorkspace)
    assert ws.detail.participant.date_of_birth is None


def test_editing_keeps_names_and_address_parts(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT, participant=person(
        "Mary Ann", "Smith", gender=Gender.FEMALE, address_line1="Flat 2",
        address_line2="3 Bank Top Way", town=None, postcode="DL1 4XY"))
    window = open_window("coord")
    ws = window.open_case(ref)
    ws.table("people_table").selectRow(0)
    ws.tab_widget("people").edit_person()
    form = ws.dialog.form
    assert (form.value("first_name"), form.value("last_name")) == ("Mary Ann", "Smith")
    assert (form.value("address_line1"), form.value("address_line2"), form.value("town")) == (
        "Flat 2", "3 Bank Top Way", "")
    form.inputs["phone"].clear()
    qtbot.keyClicks(form.inputs["phone"], "07700 900555")
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    p = ws.detail.participant
    assert (p.first_name, p.last_name, p.address_line1, p.address_line2, p.town) == (
        "Mary Ann", "Smith", "Flat 2", "3 Bank Top Way", None)


def test_a_contract_starting_next_week_cannot_be_signed_today(db) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    contracts.draft_contract(db.uow(), nav, ref, start_date=date.today() + timedelta(days=7),
                             conditions=[contracts.ConditionInput(ConditionKind.NO_REOFFENDING)])
    with pytest.raises(WorkflowError, match="mark it signed on or after that day"):
        contracts.start_contract(db.uow(), nav, ref, signed_on=date.today())
