"""Calendar files (iCalendar, RFC 5545) for a worker's diary and for a person's appointments.

Workers plan on their phones, and a phone's calendar is not the case file: an event carries the
case reference, the kind of event and the place, never the person's name or the offence, unless
the worker asks for names (``with_names``). Built with the ``icalendar`` library; every export is
audited like any other export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import ColumnElement, or_, select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError
from app.models.appointments import Appointment, AppointmentStatus
from app.models.cases import Case, CaseStatus
from app.models.conferences import AgreementAction, Conference, MeetingKind, OutcomeAgreement
from app.models.followups import ExitFollowUp
from app.services import access, audit, organisation
from app.services.context import Actor

PRODID = "-//Pathways//Case diary//EN"
#: A default appointment or meeting length when the record holds only its start.
APPOINTMENT_LENGTH = timedelta(hours=1)
MAX_DIARY_DAYS = 366 * 2

_MEETING_WORDS = {
    MeetingKind.FACE_TO_FACE: "restorative meeting (face to face)",
    MeetingKind.SHUTTLE: "shuttle mediation",
    MeetingKind.LETTER: "letter exchange",
}


@dataclass(frozen=True)
class DiaryEvent:
    """One entry of a diary: timed (``starts`` is a datetime) or all-day (a date)."""

    uid: str
    starts: datetime | date
    ends: datetime | date
    summary: str
    location: str | None
    description: str
    case_reference: str | None


def _mine(actor: Actor) -> ColumnElement[bool]:
    return or_(Case.worker_id == actor.user_id, Case.coworker_id == actor.user_id)


def _who(case: Case, with_names: bool) -> str:
    return f" - {case.participant.full_name}" if with_names else ""


def diary_events(uow: UnitOfWork, actor: Actor, start: date, end: date, *,
                 with_names: bool = False) -> tuple[DiaryEvent, ...]:
    """The actor's own diary from ``start`` to ``end`` (inclusive): the appointments they keep
    or whose case they work, the meetings they facilitate, and the follow-ups and agreement
    checks due on their cases. Runs in the caller's transaction."""
    if end < start:
        raise ValidationError("The diary's end date is before its start date.")
    if (end - start).days > MAX_DIARY_DAYS:
        raise ValidationError("A diary covers at most two years; choose a shorter period.")
    s = uow.session
    visible = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
    lo = datetime.combine(start, datetime.min.time(), UTC)
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), UTC)
    events: list[DiaryEvent] = []

    appts = s.execute(
        select(Appointment, Case).join(Case, Case.id == Appointment.case_id)
        .where(visible, Appointment.starts_at >= lo, Appointment.starts_at < hi,
               Appointment.status == AppointmentStatus.SCHEDULED, Appointment.live(),
               or_(Appointment.with_user_id == actor.user_id, _mine(actor)))
        .order_by(Appointment.starts_at)).all()
    for appt, case in appts:
        events.append(_appointment_event(appt, case, with_names))

    meetings = s.execute(
        select(Conference, Case).join(Case, Case.id == Conference.case_id)
        .where(visible, Conference.held_on >= start, Conference.held_on <= end,
               Conference.live(), or_(Conference.facilitator_id == actor.user_id,
                   Conference.cofacilitator_id == actor.user_id))
        .order_by(Conference.held_on)).all()
    for meeting, case in meetings:
        events.append(_day_event(
            f"meeting-{meeting.id}", meeting.held_on, case, with_names,
            _MEETING_WORDS.get(meeting.kind, "meeting"), "Restorative meeting", meeting.venue))

    followups = s.execute(
        select(ExitFollowUp, Case).join(Case, Case.id == ExitFollowUp.case_id)
        .where(visible, _mine(actor),
               or_(ExitFollowUp.done_on.is_(None), ~ExitFollowUp.live()),
               ExitFollowUp.due_on >= start, ExitFollowUp.due_on <= end)
        .order_by(ExitFollowUp.due_on)).all()
    for follow, case in followups:
        events.append(_day_event(
            f"followup-{follow.id}", follow.due_on, case, with_names,
            f"{follow.months}-month follow-up due", "Follow-up after the scheme"))

    checks = s.execute(
        select(AgreementAction, Case)
        .join(OutcomeAgreement, OutcomeAgreement.id == AgreementAction.agreement_id)
        .join(Case, Case.id == OutcomeAgreement.case_id)
        .where(visible, _mine(actor), AgreementAction.kept.is_(None), AgreementAction.live(),
               Case.status != CaseStatus.CLOSED,
               AgreementAction.due_on >= start, AgreementAction.due_on <= end)
        .order_by(AgreementAction.due_on)).all()
    for action, case in checks:
        events.append(_day_event(
            f"action-{action.id}", action.due_on, case, with_names,
            "agreement action due - check it was kept", "Outcome agreement action"))
    return tuple(sorted(events, key=_sort_key))


def _day_event(key: str, day: date, case: Case, with_names: bool, what: str,
               description: str, location: str | None = None) -> DiaryEvent:
    """An all-day entry about a case: its reference and what is due, a name only if asked."""
    return DiaryEvent(uid=f"{key}@pathways", starts=day, ends=day + timedelta(days=1),
                      summary=f"{case.reference}: {what}{_who(case, with_names)}",
                      location=location, description=description,
                      case_reference=case.reference)


def _sort_key(e: DiaryEvent) -> datetime:
    if isinstance(e.starts, datetime):
        return e.starts
    return datetime.combine(e.starts, datetime.min.time(), UTC)


def _appointment_event(appt: Appointment, case: Case, with_names: bool) -> DiaryEvent:
    kind = "bail-condition appointment" if appt.bail_condition else "appointment"
    return DiaryEvent(
        uid=f"appointment-{appt.id}@pathways", starts=appt.starts_at,
        ends=appt.starts_at + APPOINTMENT_LENGTH,
        summary=f"{case.reference}: {kind}{_who(case, with_names)}",
        location=appt.location, description=appt.purpose, case_reference=case.reference)


def to_ics(events: tuple[DiaryEvent, ...], name: str) -> bytes:
    """An iCalendar file of ``events`` (times in UTC; all-day events as dates)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.starts)
        ev.add("dtend", e.ends)
        ev.add("summary", e.summary)
        if e.location:
            ev.add("location", e.location)
        if e.description:
            ev.add("description", e.description)
        cal.add_component(ev)
    return bytes(cal.to_ical())


def diary_ics(uow: UnitOfWork, actor: Actor, start: date, end: date, *,
              with_names: bool = False) -> bytes:
    """The actor's diary as one calendar file; the export is audited (never its contents)."""
    with uow:
        events = diary_events(uow, actor, start, end, with_names=with_names)
        audit.record(uow, actor, "export", "diary",
                     detail=f"calendar {start:%Y-%m-%d} to {end:%Y-%m-%d}, {len(events)} "
                            f"events{', with names' if with_names else ''}")
        uow.commit()
    return to_ics(events, f"Pathways diary ({actor.full_name})")


def appointment_ics(uow: UnitOfWork, actor: Actor, appointment_id: int, *,
                    with_names: bool = False) -> bytes:
    """One appointment as a single event, for the worker's own calendar."""
    with uow:
        appt = uow.session.get(Appointment, appointment_id)
        if appt is None or appt.entered_in_error:
            raise NotFound(f"There is no appointment {appointment_id}.")
        case = uow.session.get(Case, appt.case_id)
        assert case is not None
        access.require_view(uow, actor, case)
        event = _appointment_event(appt, case, with_names)
        audit.record(uow, actor, "export", "appointment", appt.id, case_id=case.id,
                     detail="calendar event" + (", with names" if with_names else ""))
        uow.commit()
    return to_ics((event,), f"Pathways appointment {case.reference}")


def person_appointments_ics(uow: UnitOfWork, actor: Actor, reference: str) -> bytes:
    """The calendar file that goes with an appointment letter: the case's scheduled
    appointments from today, worded for the person (the service's name, the place and the
    purpose; no case reference or offence, which a shared phone could show to others)."""
    with uow:
        case = uow.session.scalar(select(Case).where(Case.reference == reference))
        if case is None:
            raise NotFound(f"There is no case {reference}.")
        access.require_view(uow, actor, case)
        if case.status is CaseStatus.CLOSED:
            raise ValidationError(f"Case {reference} is closed: it has no appointments to send.")
        now = datetime.now(UTC)
        appts = uow.session.scalars(
            select(Appointment).where(Appointment.case_id == case.id,
                                      Appointment.status == AppointmentStatus.SCHEDULED,
                                      Appointment.live(), Appointment.starts_at >= now)
            .order_by(Appointment.starts_at)).all()
        if not appts:
            raise ValidationError(f"Case {reference} has no scheduled appointments to send.")
        service = organisation.read_organisation(uow).name
        events = tuple(DiaryEvent(
            uid=f"appointment-{a.id}-person@pathways", starts=a.starts_at,
            ends=a.starts_at + APPOINTMENT_LENGTH, summary=f"Appointment with {service}",
            location=a.location, description=a.purpose, case_reference=None) for a in appts)
        audit.record(uow, actor, "export", "case", case.id, case_id=case.id,
                     detail=f"appointment calendar for the participant, {len(events)} events")
        uow.commit()
    return to_ics(events, f"Appointments with {service}")
