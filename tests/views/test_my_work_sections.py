"""My work as each role meets it: only that role's sections (decided by the service), counts on
each, red only for what is overdue, a worker column and filter for coordinators, and a
double-click that opens the case at the item itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.models.users import Role
from app.services import appointments, casefile, cases, demo
from app.services.casefile import WorkSection
from app.services.enums import Scheme
from app.views.table_models.record_table_model import RecordTable
from tests.factories import make_case, make_user

S = WorkSection
EXPECTED = {
    "coordinator": list(S),
    "navigator": [S.TODAY, S.OVERDUE, S.CONTRACTS_ENDING, S.CASELOAD],
    "facilitator": [S.TODAY, S.OVERDUE, S.ACTIONS_DUE, S.CASELOAD],
    "mentor": [S.MISSED_BAIL, S.TODAY, S.OVERDUE, S.FOLLOWUPS_DUE, S.CASELOAD],
}


@pytest.fixture
def demo_db(db):
    demo.build(db.uow(), cases=90)
    return db


@pytest.fixture
def booked(db):
    """A Gateway case with an appointment three days ago (no outcome: overdue) and one later
    today (not overdue)."""
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor", "Aisha Mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=20)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    ids = []
    for when in (datetime.now().astimezone() - timedelta(days=3),
                 datetime.now().astimezone().replace(hour=23, minute=0)):
        ids.append(appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
            starts_at=when.astimezone(UTC), purpose="Key work session")))
    return ref, ids[0]


@pytest.mark.parametrize("username", list(EXPECTED))
def test_each_role_sees_only_its_sections_with_counts(qtbot, demo_db, open_window,
                                                      username) -> None:
    window = open_window(username, demo.DEMO_PASSWORD)
    view = window.my_work
    # the national standards' alerts are a section of their own (app.services.standards)
    assert [k for k in view.sections if k != "standards"] == [s.value
                                                              for s in EXPECTED[username]]
    if username in ("coordinator", "navigator", "mentor"):
        assert ("standards" in view.sections) is (username == "coordinator")
    assert list(casefile.work_sections(window.ctx.actor)) == EXPECTED[username]
    for key, head in view.sections.items():
        assert head.text(0).endswith(")"), key  # "Today's appointments (3)"
    assert ("Worker" in view.columns) is (username == "coordinator")
    assert (view.worker is not None) is (username == "coordinator")


def test_red_is_only_for_what_is_overdue(qtbot, db, booked, open_window) -> None:
    window = open_window("coord")
    view = window.my_work
    work = casefile.my_work(db.uow(), window.ctx.actor)
    assert [w.overdue for w in work.overdue_appointments] == [True]
    assert [w.overdue for w in work.appointments_today] == [False]
    for key, head in view.sections.items():
        for i in range(head.childCount()):
            child = head.child(i)
            is_red = child.foreground(0).color().name() == "#b00020"
            assert is_red is (child.toolTip(0) == "Overdue"), (key, child.text(0))
    assert view.sections[S.OVERDUE.value].child(0).foreground(0).color().name() == "#b00020"
    assert view.sections[S.TODAY.value].child(0).foreground(0).color().name() != "#b00020"
    assert view.sections[S.TODAY.value].foreground(0).color().name() != "#b00020"
    assert view.section_texts(S.TODAY.value)[0].endswith("| Aisha Mentor")


def test_a_coordinator_filters_by_worker(qtbot, demo_db, open_window) -> None:
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    view = window.my_work
    index = next(i for i in range(view.worker.count())
                 if view.worker.itemText(i).startswith("Priya"))
    name = view.worker.itemText(index).split(" (")[0]
    view.worker.setCurrentIndex(index)
    rows = [r for key in (S.OVERDUE.value, S.CONTRACTS_ENDING.value, S.CASELOAD.value)
            for r in view.section_texts(key) if not r.startswith("...")]
    assert rows and all(r.endswith(f"| {name}") for r in rows)


def test_double_click_opens_the_case_at_the_item(qtbot, db, booked, open_window) -> None:
    ref, overdue_id = booked
    window = open_window("coord")
    view = window.my_work
    head = view.sections[S.OVERDUE.value]
    view.tree.itemDoubleClicked.emit(head.child(0), 0)
    ws = window.tabs.currentWidget()
    assert ws.reference == ref
    assert ws.tabs.currentWidget().name == "appointments"
    table = ws.tabs.currentWidget().findChild(RecordTable, "appointments_table")
    assert table.selected_key() == overdue_id
    # a case row opens at the overview
    window.tabs.setCurrentIndex(0)
    ws.show_tab("people")
    view.tree.itemActivated.emit(view.sections[S.CASELOAD.value].child(0), 0)
    assert window.tabs.currentWidget() is ws
    assert ws.tabs.currentWidget().name == "people"  # an open case stays where it was
