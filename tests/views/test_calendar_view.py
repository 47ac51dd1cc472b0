"""File > Export my diary: a mentor saves her appointments as a calendar file."""

from __future__ import annotations

from icalendar import Calendar
from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import appointments, cases
from app.services.enums import Scheme
from tests.factories import at, make_case, make_user


def test_a_mentor_exports_her_diary_without_names(qtbot, db, open_window, tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
        starts_at=at(3), purpose="Key work session", location="Women's Centre",
        bail_condition=True))
    window = open_window("mentor")
    out = tmp_path / "diary.ics"
    window.export_diary(str(out))
    dialog = window.dialog
    assert dialog.windowTitle() == "Export my diary"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"{ref}: bail-condition appointment"
    assert str(event["LOCATION"]) == "Women's Centre"
    assert "Nia" not in out.read_text() and "Hughes" not in out.read_text()
    assert str(out) in window.statusBar().currentMessage()
