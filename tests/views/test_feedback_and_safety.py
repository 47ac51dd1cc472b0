"""Feedback and safety on the case workspace, through the real window: what cannot be undone
asks first and says what will happen, a save says so, a refusal appears under the buttons that
caused it, forms open on their first field, the timeline opens its records, history is in words
and an ended contract shows no countdown."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import pathways
from app.services.documents import Kind
from app.services.enums import CaseStatus, InterventionKind, Scheme
from app.views.confirm import Confirm
from app.views.documents import DocumentDialog
from tests.factories import make_case, make_user
from tests.services.journeys import checkpoint_active


def _click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(db: Any, open_window: Any) -> tuple[Any, Any, str]:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = checkpoint_active(db, coord, nav)
    window = open_window("coord")
    return window, window.open_case(ref), ref


def test_a_breach_asks_first_then_offers_the_officer_letter(qtbot, db, open_window) -> None:
    _window, ws, _ref = _open(db, open_window)
    ws.show_tab("contract")
    _click(qtbot, ws.action_buttons()["breach"])
    form = ws.dialog
    qtbot.keyClicks(form.form.inputs["reason"], "Reoffended: theft on 3 March")
    _click(qtbot, form.ok_button)
    box = form.confirm_box
    assert isinstance(box, Confirm) and box.isVisible()
    assert "breached" in box.text() and "cannot be undone" in box.text()
    _click(qtbot, box.button(box.StandardButton.Cancel))  # not yet: nothing is saved
    assert form.isVisible() and ws.detail.status is CaseStatus.CONTRACT_ACTIVE
    _click(qtbot, form.ok_button)
    _click(qtbot, form.confirm_box.yes_button)
    assert not form.isVisible() and ws.detail.status is CaseStatus.BREACHED
    offer = ws.dialog
    assert isinstance(offer, Confirm) and "referring officer" in offer.text()
    _click(qtbot, offer.yes_button)
    letter = ws.dialog
    assert isinstance(letter, DocumentDialog) and letter.isVisible()
    assert letter.kind.currentText() == Kind.OUTCOME_OFFICER.label
    letter.reject()


def test_closing_asks_and_says_it_cannot_be_reopened(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.GATEWAY)
    window = open_window("coord")
    ws = window.open_case(ref)
    close = next(a for a in ws.stage_bar.stage_menu.actions() if a.text() == "Closed")
    close.trigger()
    form = ws.dialog
    qtbot.keyClicks(form.form.inputs["reason"], "Moved out of the area")
    _click(qtbot, form.ok_button)
    assert "cannot be reopened" in form.confirm_box.text()
    _click(qtbot, form.confirm_box.yes_button)
    assert ws.detail.status is CaseStatus.CLOSED


def test_complete_asks_and_cancelling_changes_nothing(qtbot, db, open_window) -> None:
    _window, ws, _ref = _open(db, open_window)
    complete = ws.action_buttons()["complete"]
    # the conditions are not met yet: the button says why instead of leading to a refusal
    assert not complete.isEnabled() and "not yet met" in complete.toolTip()
    ws.tab_widget("contract").complete()
    box = ws.dialog
    assert isinstance(box, Confirm) and "cannot be undone" in box.text()
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)  # Enter is safe
    _click(qtbot, box.button(box.StandardButton.Cancel))
    assert ws.detail.status is CaseStatus.CONTRACT_ACTIVE


def test_a_save_says_saved_and_a_refusal_shows_under_its_buttons(qtbot, db,
                                                                   open_window) -> None:
    window, ws, _ref = _open(db, open_window)
    ws.show_tab("contract")
    header_y = ws.tabs.mapTo(ws, ws.tabs.rect().topLeft()).y()
    _click(qtbot, ws.action_buttons()["condition_met"])  # nothing selected
    notice = ws.tab_widget("contract").notice
    assert notice.text() == "Select a condition first." and notice.isVisible()
    assert not ws.banner.isVisible()
    assert ws.tabs.mapTo(ws, ws.tabs.rect().topLeft()).y() == header_y  # nothing moved

    ws.show_tab("interventions")
    _click(qtbot, ws.action_buttons()["log_intervention"])
    form = ws.dialog
    assert form.focusWidget() is form.form.inputs["kind"]  # ready to type
    qtbot.keyClicks(form.form.inputs["summary"], "Phone call about housing")
    _click(qtbot, form.ok_button)
    assert "Saved" in ws.tab_widget("interventions").notice.text()
    assert window.statusBar().currentMessage().startswith("Saved")
    assert ws.tab_widget("contract").notice.text() == ""  # the old refusal is gone


def test_timeline_rows_open_their_record(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.GATEWAY)
    pathways.log_intervention(db.uow(), coord, ref, pathways.InterventionInput(
        kind=InterventionKind.CONTACT, occurred_on=date.today() - timedelta(days=1),
        summary="Met at the library"))
    window = open_window("coord")
    ws = window.open_case(ref)
    timeline = ws.table("timeline")
    row = next(r for r in range(timeline.row_count()) if "library" in timeline.text(r, 1))
    timeline.setFocus()
    timeline.setCurrentIndex(timeline.model().index(row, 0))
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert ws.tabs.currentWidget() is ws.tab_widget("interventions")
    table = ws.table("interventions_table")
    assert table.selected_key() == ws.detail.interventions[0].id


def test_history_is_in_words_and_an_ended_contract_counts_nothing(qtbot, db,
                                                                   open_window) -> None:
    _window, ws, _ref = _open(db, open_window)
    history = ws.table("history_table")
    texts = [history.text(r, c) for r in range(history.row_count()) for c in (2, 3)]
    assert "Stage changed" in texts and "from Eligibility decided to Contract active" in texts
    codes = [t for t in texts if re.search(r"\w\.\w|@|->|[/\\]\w", t)]
    assert codes == []
    summary = ws.tab_widget("contract").summary.text()  # started 130 days ago: four months over
    assert "four months ended" in summary and "days left" not in summary
