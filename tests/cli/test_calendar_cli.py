"""``pathways calendar``: the diary, one appointment and a person's appointments as .ics files."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from app.models.cases import Scheme
from app.models.users import Role
from app.services import appointments, cases
from app.services.appointments import AppointmentInput
from tests.cli.test_cli import one_line_error, run  # noqa: F401 - the shared fixture
from tests.factories import PASSWORD, at, make_case, make_user
from tests.services.journeys import days_ago


def test_calendar_files_from_the_command_line(db, run, tmp_path: Path,  # noqa: F811
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(28))
    appt = appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
        at(2), "Key-work session", "Women's Centre", bail_condition=True))
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    out = tmp_path / "diary.ics"
    code, stdout, _ = run(db.url, "--user", "mentor", "calendar", "diary", "--out", str(out))
    assert code == 0 and "1 event(s) written" in stdout
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"{ref}: bail-condition appointment"

    code, _, _ = run(db.url, "--user", "mentor", "calendar", "appointment", str(appt),
                     "--names", "--out", str(out))
    assert code == 0 and "Nia Hughes" in out.read_text()

    code, _, _ = run(db.url, "--user", "mentor", "calendar", "letter", ref, "--out", str(out))
    assert code == 0 and ref not in out.read_text()

    code, _, err = run(db.url, "--user", "mentor", "calendar", "diary", "--from", "2026-13-01",
                       "--out", str(out))
    assert code == 2 and "not a date" in one_line_error(err)
    code, _, err = run(db.url, "--user", "mentor", "calendar", "appointment", "999999",
                       "--out", str(out))
    assert code != 0 and "no appointment 999999" in one_line_error(err)
