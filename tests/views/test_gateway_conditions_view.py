"""The Gateway to Change conditions tab: each condition recorded met through the window, and
completion refused in words until every one is met."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import casefile, cases
from app.services.enums import CaseStatus, ConditionState, Scheme
from tests.factories import make_case, make_user


def test_a_mentor_records_the_conditions_and_then_completes(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor", "Mel Mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=40)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=date.today())
    window = open_window("mentor")
    ws = window.open_case(ref)
    ws.show_tab("conditions")
    table = ws.table("conditions_table")
    assert [table.text(r, 1) for r in range(table.row_count())] == [
        "Attend the women's service appointments", "Write a letter of apology to the shop"]
    assert [table.text(r, 2) for r in range(table.row_count())] == ["open", "open"]

    complete = next(m for m in ws.controller.actions.moves if m.to is CaseStatus.COMPLETED)
    assert not complete.enabled
    assert "not yet met: 1. Attend the women's service appointments (open)" in complete.reason

    buttons = ws.action_buttons()
    for row in range(2):
        table.selectRow(row)
        qtbot.mouseClick(buttons["gateway_condition_met"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(ws.dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not ws.dialog.isVisible()
    assert [table.text(r, 2) for r in range(table.row_count())] == ["met", "met"]
    assert table.text(0, 3) == f"{date.today():%d/%m/%Y}"

    assert next(m for m in ws.controller.actions.moves if m.to is CaseStatus.COMPLETED).enabled
    dialog = ws.move_to(CaseStatus.COMPLETED)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_box.yes_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.form.general_error.text()
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.status is CaseStatus.COMPLETED
    assert all(c.state is ConditionState.MET for c in detail.gateway_conditions)
    assert "outcome: <b>completed</b>" in ws.header.text()


def test_a_wrong_result_is_amended_from_its_row(qtbot, db, open_window) -> None:
    """Enter on a recorded condition opens it whole; amending 'met' to 'not met' with a
    reason changes the row, and History says what was corrected."""
    from app.services import gateway
    from app.views.case.record_dialog import RecordDialog

    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor", "Mel Mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=40)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=date.today())
    first = casefile.get_case(db.uow(), coord, ref).gateway_conditions[0]
    gateway.record_condition(db.uow(), mentor, ref, first.id, met=True, on=date.today())
    window = open_window("mentor")
    ws = window.open_case(ref)
    ws.show_tab("conditions")
    table = ws.table("conditions_table")
    assert table.select_key(first.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = ws.dialog
    assert isinstance(dialog, RecordDialog) and dialog.amend_button.isEnabled()
    assert "Attend the women's service appointments" in dialog.view.title
    form = dialog.amend()
    form.form.set_value("state", ConditionState.NOT_MET)
    qtbot.keyClicks(form.form.inputs["reason"], "She missed the last two; I clicked met")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible(), form.form.general_error.text()
    assert table.text(table.record_model().row_of(first.id), 2) == "not met"
    ws.show_tab("history")
    corrections_table = ws.table("corrections_table")
    assert "Condition amended: result" in corrections_table.text(0, 2)
