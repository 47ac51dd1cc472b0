"""Forms as a case worker meets them: eligibility shown while typing, errors beside the field,
stale saves caught, roles offered only what they may do, every input labelled."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.models.users import Role
from app.services import cases, demo, people
from app.services.enums import ConsentAction, Gender, Scheme
from app.views.case import CaseWorkspace
from tests.factories import answer_referral, make_case, make_user, person


def _inputs(widget: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QSpinBox)
    return [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)
            and w.isVisibleTo(widget) and not isinstance(w.parent(), QComboBox | QSpinBox
                                                         | QDateEdit)]


def test_excluded_offence_needs_an_override_reason_at_intake(qtbot, db, open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord")
    window = open_window("coord")
    window.new_referral_action.trigger()
    dialog = window.dialog
    qtbot.keyClicks(dialog.form.inputs["first_name"], "Reece")
    qtbot.keyClicks(dialog.form.inputs["last_name"], "Todd")
    dialog.form.set_value("offence_code", "hate-crime")
    assert "Answer each eligibility question (7 not answered yet)" in dialog.eligibility.text()
    dialog.form.set_value("referral_source", "Police custody")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.general_error.text() == "Answer every eligibility question (yes or no)."
    answer_referral(dialog)
    assert "Hate crime is excluded from Checkpoint." in dialog.eligibility.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.override.errors["override_reason"].text() == (
        "The rules say no: give an override reason to go ahead.")
    qtbot.keyClicks(dialog.override.inputs["override_reason"],
                    "Victim asked for a restorative approach; inspector agreed")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    ws = window.tabs.currentWidget()
    assert isinstance(ws, CaseWorkspace)
    assert ws.detail.eligibility_override_reason.startswith("Victim asked")


def test_duplicate_person_warning(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    existing = make_case(db, coord, Scheme.CHECKPOINT,
                         participant=person("Owen", "Quinn", age=30))
    detail_dob = next(p for p in people.possible_duplicates(
        db.uow(), coord, "Owen", "Quinn", date.today() - timedelta(days=30 * 365 + 40)))
    window = open_window("coord")
    window.new_referral_action.trigger()
    dialog = window.dialog
    dialog.form.set_value("date_of_birth", detail_dob.date_of_birth)
    qtbot.keyClicks(dialog.form.inputs["first_name"], "Owen")
    qtbot.keyClicks(dialog.form.inputs["last_name"], "Quinn")
    qtbot.waitUntil(dialog.duplicate.isVisible, timeout=3000)
    assert existing in dialog.duplicate.text()


def test_service_error_is_shown_beside_its_field(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    window = open_window("nav")
    ws = window.open_case(ref)
    button = ws.action_buttons()["log_intervention"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = ws.dialog
    qtbot.keyClicks(dialog.form.inputs["summary"], "Phone call")
    dialog.form.set_value("kind", "referral to agency")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.errors["agency_id"].text() == "A referral names the agency it went to."
    assert ws.detail.interventions == ()


def test_someone_elses_save_is_never_overwritten(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord", "Morgan Coordinator")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=None)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    del nav
    window = open_window("coord")
    ws = window.open_case(ref)
    party = ws.detail.parties[0].id
    # meanwhile the same case is changed elsewhere
    people.record_consent(db.uow(), coord, ref, party, ConsentAction.GIVEN, date.today())
    ws.table("people_table").selectRow(0)
    ws.tab_widget("people").consent(ConsentAction.GIVEN)
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ws.banner.isVisible()
    assert "changed by Morgan Coordinator" in ws.banner.text()
    qtbot.mouseClick(ws.reload_button, Qt.MouseButton.LeftButton)
    assert not ws.banner.isVisible()
    assert ws.detail.parties[0].has_consent
    assert len(ws.detail.parties[0].consents) == 1


def test_roles_are_offered_only_what_they_may_do(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=40)
    navigator = open_window("navigator", demo.DEMO_PASSWORD)
    model = navigator.case_list.model
    ref = model.reference_at(0)
    ws = navigator.open_case(ref)
    assert not ws.decide_button.isVisible()
    assert not ws.assign_button.isVisible()
    mentor = open_window("mentor", demo.DEMO_PASSWORD)
    schemes = {mentor.case_list.model.index(r, 2).data()
               for r in range(mentor.case_list.model.rowCount())}
    assert schemes == {"Gateway to Change"}
    assert not mentor.new_referral_action.isEnabled()


def test_every_input_has_a_label_and_an_accessible_name(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=20)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    unnamed = [w.objectName() or type(w).__name__ for w in _inputs(window)
               if not w.accessibleName()]
    window.new_referral_action.trigger()
    unnamed += [w.objectName() or type(w).__name__ for w in _inputs(window.dialog)
                if not w.accessibleName()]
    ws = window.open_case(window.case_list.model.reference_at(0))
    ws.tab_widget("interventions").log_intervention()
    unnamed += [w.objectName() or type(w).__name__ for w in _inputs(ws.dialog)
                if not w.accessibleName()]
    assert unnamed == []


def test_change_of_address_and_a_reoffending_check(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=40)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    model = window.case_list.model
    ref = next(model.reference_at(r) for r in range(model.rowCount())
               if model.reference_at(r).startswith("CP-")
               and model.index(r, model.STATUS).data() == "Completed")
    ws = window.open_case(ref)
    ws.table("people_table").selectRow(0)
    ws.tab_widget("people").edit_person()
    form = ws.dialog.form
    form.inputs["address_line1"].clear()
    qtbot.keyClicks(form.inputs["address_line1"], "7 New Street")
    form.inputs["postcode"].clear()
    qtbot.keyClicks(form.inputs["postcode"], "not a postcode")
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert form.errors["postcode"].text() == "'not a postcode' is not a UK postcode."
    form.inputs["postcode"].clear()
    qtbot.keyClicks(form.inputs["postcode"], "DL3 6JX")
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "7 New Street" in ws.table("people_table").text(0, 3)
    checks = ws.table("reoffending_table")
    before = checks.row_count()  # the demo case may have been checked already
    ws.tab_widget("followups").record_reoffending_check()
    assert not ws.dialog.ok_button.isEnabled()  # window and count start unanswered
    ws.dialog.form.set_value("window_months", 12)
    ws.dialog.form.set_value("offences", "0")
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert checks.row_count() == before + 1
    assert ("12 months", "0") in {(checks.text(r, 1), checks.text(r, 2))
                                  for r in range(checks.row_count())}


def test_a_person_changed_on_another_case_is_not_overwritten(qtbot, db, open_window) -> None:
    from dataclasses import replace

    from tests.factories import referral

    coord = make_user(db, Role.COORDINATOR, "coord", "Morgan Coordinator")
    first = make_case(db, coord, Scheme.CHECKPOINT,
                      participant=person("Ffion", "Pryce", gender=Gender.FEMALE))
    window = open_window("coord")
    ws = window.open_case(first)
    person_id = ws.detail.participant.person_id
    # the same woman is referred to Gateway to Change, and her phone is changed on that case
    second = cases.create_referral(db.uow(), coord, replace(
        referral(Scheme.GATEWAY), person=None, existing_person_id=person_id))
    people.update_person(db.uow(), coord, second, person_id,
                         person("Ffion", "Pryce", gender=Gender.FEMALE, phone="07700 900999"))
    ws.table("people_table").selectRow(0)
    ws.tab_widget("people").edit_person()  # this form still holds the details as they were
    qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ws.banner.isVisible() and "Morgan Coordinator" in ws.banner.text()
    qtbot.mouseClick(ws.reload_button, Qt.MouseButton.LeftButton)
    assert "07700 900999" in ws.table("people_table").text(0, 3)
