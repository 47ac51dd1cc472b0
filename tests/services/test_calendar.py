"""Calendar files: a worker's diary, one appointment, and the person's appointments that go with
their letter. Read back with the icalendar library; no name or offence unless asked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from app.errors import AccessDenied, ValidationError
from app.models.cases import Scheme
from app.services import appointments, calendar, cases
from app.services.appointments import AppointmentInput
from tests.factories import at, make_case
from tests.services.journeys import count, days_ago, hold_meeting, nr_consented


def events(content: bytes) -> list[dict[str, str]]:
    cal = Calendar.from_ical(content)
    return [{k: str(v) for k, v in ev.items()} for ev in cal.walk("VEVENT")]


@pytest.fixture
def mentee(db, coord, mentor) -> str:
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(28))
    return ref


def book(db, actor, ref, days_from_now: float) -> int:
    return appointments.schedule(db.uow(), actor, ref, AppointmentInput(
        at(days_from_now), "Key-work session", "Women's Centre, 3 High Row",
        bail_condition=True))


def test_diary_holds_my_appointments_by_reference_and_place_not_name(db, mentor, mentee):
    book(db, mentor, mentee, 2)
    book(db, mentor, mentee, 9)
    book(db, mentor, mentee, 90)  # outside the period
    content = calendar.diary_ics(db.uow(), mentor, date.today(), date.today() + timedelta(30))
    got = events(content)
    assert len(got) == 2
    assert all(e["SUMMARY"] == f"{mentee}: bail-condition appointment" for e in got)
    assert all(e["LOCATION"] == "Women's Centre, 3 High Row" for e in got)
    text = content.decode()
    assert "Nia" not in text and "Hughes" not in text and "theft" not in text.lower()
    assert count(db, "audit_events", "entity = 'diary' AND action = 'export'") == 1


def test_names_only_when_asked(db, mentor, mentee):
    book(db, mentor, mentee, 2)
    content = calendar.diary_ics(db.uow(), mentor, date.today(), date.today() + timedelta(7),
                                 with_names=True)
    assert events(content)[0]["SUMMARY"] == f"{mentee}: bail-condition appointment - Nia Hughes"


def test_another_workers_diary_is_not_mine(db, coord, mentor, mentee):
    from app.models.users import Role
    from tests.factories import make_user

    other = make_user(db, Role.MENTOR)
    book(db, mentor, mentee, 2)
    content = calendar.diary_ics(db.uow(), other, date.today(), date.today() + timedelta(7))
    assert events(content) == []
    # the coordinator sees every case, but a diary is one's own work
    assert events(calendar.diary_ics(db.uow(), coord, date.today(),
                                     date.today() + timedelta(7))) == []


def test_meetings_and_due_checks_are_in_the_facilitators_diary(db, coord, fac, fac2):
    ref = nr_consented(db, coord, fac, fac2)
    hold_meeting(db, fac, fac2, ref, held_days_ago=20)
    for who in (fac, fac2):
        got = events(calendar.diary_ics(db.uow(), who, days_ago(30), date.today()))
        assert [e["SUMMARY"] for e in got] == [f"{ref}: restorative meeting (face to face)"]
        assert got[0]["LOCATION"] == "Community centre"


def test_one_appointment_is_one_event_and_access_is_checked(db, coord, mentor, mentee, fac):
    appt = book(db, mentor, mentee, 3)
    got = events(calendar.appointment_ics(db.uow(), mentor, appt))
    assert len(got) == 1 and got[0]["UID"] == f"appointment-{appt}@pathways"
    with pytest.raises(AccessDenied):
        calendar.appointment_ics(db.uow(), fac, appt)


def test_the_persons_calendar_goes_with_her_letter(db, mentor, mentee):
    book(db, mentor, mentee, 2)
    book(db, mentor, mentee, 9)
    content = calendar.person_appointments_ics(db.uow(), mentor, mentee)
    got = events(content)
    assert len(got) == 2
    assert all(e["SUMMARY"].startswith("Appointment with ") for e in got)
    assert mentee not in content.decode() and "Nia" not in content.decode()


def test_bad_periods_and_no_appointments_are_refused_plainly(db, mentor, mentee):
    with pytest.raises(ValidationError, match="before its start"):
        calendar.diary_ics(db.uow(), mentor, date.today(), days_ago(1))
    with pytest.raises(ValidationError, match="at most two years"):
        calendar.diary_ics(db.uow(), mentor, date.today(), date.today() + timedelta(900))
    with pytest.raises(ValidationError, match="no scheduled appointments"):
        calendar.person_appointments_ics(db.uow(), mentor, mentee)
    assert count(db, "audit_events", "action = 'export'") == 0
