"""Case-level safeguards the standards ask for: the two-stage risk assessment, parties'
objections to a facilitator, meeting bookings (nobody double-booked), how consent was
evidenced, and the Victims' Code offer of restorative justice to each harmed party.

Each change opens the case for edit (access, lock, version), applies its rule and writes its
audit row in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import Case, CaseParty, CaseStatus, ConsentRecord, PartyRole
from app.models.people import Person
from app.models.practitioners import FacilitatorObjection, MeetingBooking, Practitioner
from app.models.safeguards import (
    ConsentEvidence,
    ConsentMethod,
    RiskAssessment,
    RiskLevel,
    RiskStage,
    SensitiveKind,
    VictimsCodeRecord,
)
from app.models.users import User
from app.services import audit
from app.services import standards_settings as limits
from app.services.access import require_view
from app.services.cases import load_case, open_for_edit, touch
from app.services.context import Actor
from app.services.practitioner_rules import check_meeting

MAX_FORM_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RiskInfo:
    id: int
    stage: RiskStage
    assessed_on: date
    assessed_by: str
    level: RiskLevel
    sensitive: SensitiveKind | None
    summary: str | None


@dataclass(frozen=True)
class BookingInfo:
    id: int
    case_reference: str
    starts_at: datetime
    ends_at: datetime
    venue: str | None
    facilitator: str
    cofacilitator: str | None


@dataclass(frozen=True)
class VictimsCodeInfo:
    party_id: int
    case_reference: str
    name: str
    enhanced_rights: bool
    referral_date: date
    due_on: date
    offered_on: date | None

    @property
    def in_time(self) -> bool | None:
        """None while the offer is still to be made."""
        return None if self.offered_on is None else self.offered_on <= self.due_on


# ---------------------------------------------------------------- risk assessment


def record_risk_assessment(
    uow: UnitOfWork, actor: Actor, reference: str, *, stage: RiskStage, assessed_on: date,
    level: RiskLevel, sensitive: SensitiveKind | None = None, summary: str | None = None,
    expected_version: int | None = None, today: date | None = None,
) -> int:
    """One stage of the restorative risk assessment. A sensitive or complex flag means the
    case must then be led by a staff facilitator (checked at assignment and meeting)."""
    today = today or date.today()
    if assessed_on > today:
        raise ValidationError("A risk assessment is dated the day it was made, not ahead.",
                              field="assessed_on")
    if level is RiskLevel.HIGH and not (summary or "").strip():
        raise ValidationError("Say what makes the risk high and how it is managed.",
                              field="summary")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if assessed_on < case.referral_date:
            raise ValidationError("The assessment is dated before the referral.",
                                  field="assessed_on")
        row = RiskAssessment(case_id=case.id, stage=stage, assessed_on=assessed_on,
                             assessed_by_id=actor.user_id, level=level, sensitive=sensitive,
                             summary=(summary or "").strip() or None)
        uow.session.add(row)
        uow.session.flush()
        touch(case, actor)
        audit.record(uow, actor, "risk.record", "risk_assessments", row.id, case_id=case.id,
                     detail=f"{stage.value}; {level.value}" + ("; sensitive" if sensitive
                                                                 else ""))
        uow.commit()
        return row.id


def risk_assessments(uow: UnitOfWork, actor: Actor, reference: str) -> list[RiskInfo]:
    with uow:
        case = load_case(uow, reference)
        require_view(uow, actor, case)
        rows = uow.session.execute(
            select(RiskAssessment, User.full_name).join(User, User.id ==
                                                        RiskAssessment.assessed_by_id)
            .where(RiskAssessment.case_id == case.id)
            .order_by(RiskAssessment.assessed_on, RiskAssessment.id))
        return [RiskInfo(r.id, r.stage, r.assessed_on, name, r.level, r.sensitive, r.summary)
                for r, name in rows]


# ---------------------------------------------------------------- objections


def record_objection(uow: UnitOfWork, actor: Actor, reference: str, *, party_id: int,
                     facilitator: str, reason: str | None = None,
                     expected_version: int | None = None, today: date | None = None) -> bool:
    """A party objects to a named facilitator. From now on that facilitator is not assigned
    to the case nor facilitates its meetings. Returns True if they are assigned now (the
    coordinator then reassigns the case)."""
    today = today or date.today()
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise NotFound("That person is not a party on this case.", field="party")
        user = uow.session.scalar(select(User).where(
            User.username == facilitator.strip().lower()))
        if user is None:
            raise NotFound(f"There is no user {facilitator.strip()!r}.", field="facilitator")
        row = FacilitatorObjection(case_id=case.id, party_id=party.id, user_id=user.id,
                                   reason=" ".join((reason or "").split()) or None,
                                   recorded_on=today, recorded_by_id=actor.user_id)
        uow.session.add(row)
        uow.session.flush()
        touch(case, actor)
        audit.record(uow, actor, "objection.record", "facilitator_objections", row.id,
                     case_id=case.id, person_id=party.person_id)
        uow.commit()
        return user.id in (case.worker_id, case.coworker_id)


# ---------------------------------------------------------------- meeting bookings


def _clash(uow: UnitOfWork, user_id: int, starts: datetime, ends: datetime,
           ignore: int | None) -> MeetingBooking | None:
    q = select(MeetingBooking).where(
        MeetingBooking.cancelled.is_(False), MeetingBooking.starts_at < ends,
        MeetingBooking.ends_at > starts,
        or_(MeetingBooking.facilitator_id == user_id, MeetingBooking.cofacilitator_id == user_id))
    if ignore is not None:
        q = q.where(MeetingBooking.id != ignore)
    return uow.session.scalar(q.limit(1))


def book_meeting(
    uow: UnitOfWork, actor: Actor, reference: str, *, starts_at: datetime, ends_at: datetime,
    facilitator_id: int, cofacilitator_id: int | None = None, venue: str | None = None,
    expected_version: int | None = None,
) -> int:
    """Plan a meeting in a time slot. Refused when either facilitator is already booked then,
    has said they are unavailable that day, or may not facilitate it (see
    ``practitioner_rules.check_meeting``)."""
    from app.services.practitioners import unavailable_on

    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValidationError("Give the meeting's times with their time zone.", field="starts")
    if ends_at <= starts_at:
        raise ValidationError("The meeting ends before it starts.", field="ends")
    if (ends_at - starts_at).total_seconds() > 8 * 3600:
        raise ValidationError("A meeting is booked for at most eight hours.", field="ends")
    if facilitator_id == cofacilitator_id:
        raise ValidationError("The facilitator and co-facilitator must be two people.",
                              field="cofacilitator")
    day = starts_at.astimezone().date()
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        problems = []
        for user_id in (facilitator_id, cofacilitator_id):
            if user_id is None:
                continue
            user = uow.session.get(User, user_id)
            if user is None or not user.active:
                raise ValidationError("Choose active users as facilitators.",
                                      field="facilitator")
            clash = _clash(uow, user_id, starts_at, ends_at, None)
            if clash is not None:
                other = uow.session.get(Case, clash.case_id)
                problems.append(
                    f"{user.full_name} is already booked from "
                    f"{clash.starts_at.astimezone():%H:%M} to {clash.ends_at.astimezone():%H:%M}"
                    f" on {clash.starts_at.astimezone():%d %b %Y}"
                    + (f" ({other.reference})" if other else ""))
            record = uow.session.scalar(select(Practitioner).where(
                Practitioner.user_id == user_id))
            if record is not None and unavailable_on(uow, record.id, day):
                problems.append(f"{user.full_name} is unavailable on {day:%d %b %Y}")
        if problems:
            raise WorkflowError("Booking refused: " + "; ".join(problems) + ".")
        check_meeting(uow, case, facilitator_id, cofacilitator_id, day)
        row = MeetingBooking(case_id=case.id, starts_at=starts_at.astimezone(UTC),
                             ends_at=ends_at.astimezone(UTC),
                             venue=" ".join((venue or "").split()) or None,
                             facilitator_id=facilitator_id, cofacilitator_id=cofacilitator_id,
                             updated_by_id=actor.user_id)
        uow.session.add(row)
        uow.session.flush()
        touch(case, actor)
        audit.record(uow, actor, "meeting.book", "meeting_bookings", row.id, case_id=case.id)
        uow.commit()
        return row.id


def cancel_booking(uow: UnitOfWork, actor: Actor, reference: str, booking_id: int,
                   expected_version: int | None = None) -> None:
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        row = uow.session.get(MeetingBooking, booking_id)
        if row is None or row.case_id != case.id:
            raise NotFound("That booking is not on this case.")
        if row.cancelled:
            raise WorkflowError("That booking is already cancelled.")
        row.cancelled = True
        row.updated_by_id = actor.user_id
        touch(case, actor)
        audit.record(uow, actor, "meeting.cancel", "meeting_bookings", row.id, case_id=case.id)
        uow.commit()


def bookings(uow: UnitOfWork, actor: Actor, reference: str) -> list[BookingInfo]:
    with uow:
        case = load_case(uow, reference)
        require_view(uow, actor, case)
        rows = list(uow.session.scalars(select(MeetingBooking).where(
            MeetingBooking.case_id == case.id, MeetingBooking.cancelled.is_(False))
            .order_by(MeetingBooking.starts_at)))
        ids = {r.facilitator_id for r in rows} | {r.cofacilitator_id for r in rows
                                                  if r.cofacilitator_id}
        names = dict(uow.session.execute(select(User.id, User.full_name)
                                         .where(User.id.in_(ids))).all()) if ids else {}
        return [BookingInfo(r.id, case.reference, r.starts_at, r.ends_at, r.venue,
                            names[r.facilitator_id],
                            names.get(r.cofacilitator_id) if r.cofacilitator_id else None)
                for r in rows]


# ---------------------------------------------------------------- consent evidence


def record_consent_evidence(
    uow: UnitOfWork, actor: Actor, reference: str, *, party_id: int, method: ConsentMethod,
    taken_by: str, form_name: str | None = None, form: bytes | None = None,
    expected_version: int | None = None,
) -> int:
    """How the party's latest consent (or withdrawal) was given, who took it, and the signed
    form. Consent in writing needs the form attached."""
    if method is ConsentMethod.WRITING and not form:
        raise ValidationError("Consent in writing needs the signed form attached.", field="form")
    if form is not None and len(form) > MAX_FORM_BYTES:
        raise ValidationError("The form file is larger than 5 MB.", field="form")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise NotFound("That person is not a party on this case.", field="party")
        latest = uow.session.scalar(select(ConsentRecord).where(
            ConsentRecord.party_id == party.id).order_by(ConsentRecord.id.desc()).limit(1))
        if latest is None:
            raise WorkflowError(f"There is no consent of {party.person.full_name} to evidence: "
                                "record it first.")
        if uow.session.scalar(select(ConsentEvidence.id).where(
                ConsentEvidence.consent_id == latest.id)):
            raise WorkflowError(f"The latest consent of {party.person.full_name} already has "
                                "its evidence.")
        taker = uow.session.scalar(select(User).where(User.username == taken_by.strip().lower()))
        if taker is None:
            raise NotFound(f"There is no user {taken_by.strip()!r}.", field="taken_by")
        row = ConsentEvidence(
            consent_id=latest.id, method=method, taken_by_id=taker.id,
            form_name=(form_name or "").strip() or ("signed form" if form else None),
            form_sha256=hashlib.sha256(form).hexdigest() if form else None, form=form)
        uow.session.add(row)
        uow.session.flush()
        touch(case, actor)
        audit.record(uow, actor, "consent.evidence", "consent_evidence", row.id,
                     case_id=case.id, person_id=party.person_id, detail=method.value)
        uow.commit()
        return row.id


# ---------------------------------------------------------------- Victims' Code


def offer_due(uow: UnitOfWork, referral_date: date, enhanced: bool) -> date:
    """The Victims' Code deadline: working days from referral (fewer for enhanced rights)."""
    key = "vc_enhanced_working_days" if enhanced else "vc_offer_working_days"
    return limits.add_working_days(referral_date, limits.value(uow, key), limits.nation(uow))


def _vc_record(uow: UnitOfWork, case: Case, party: CaseParty) -> VictimsCodeRecord:
    row = uow.session.scalar(select(VictimsCodeRecord).where(
        VictimsCodeRecord.party_id == party.id))
    if row is None:
        row = VictimsCodeRecord(party_id=party.id, case_id=case.id, enhanced_rights=False,
                                due_on=offer_due(uow, case.referral_date, False))
        uow.session.add(row)
    return row


def _harmed(case: Case, party_id: int) -> CaseParty:
    party = next((p for p in case.parties if p.id == party_id), None)
    if party is None or party.role is not PartyRole.HARMED:
        raise ValidationError("The Victims' Code offer is made to a harmed party on this case.",
                              field="party")
    return party


def set_enhanced_rights(uow: UnitOfWork, actor: Actor, reference: str, party_id: int,
                        enhanced: bool, expected_version: int | None = None) -> date:
    """Flag a victim with enhanced rights (the shorter limit applies). Returns the due date."""
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        party = _harmed(case, party_id)
        row = _vc_record(uow, case, party)
        row.enhanced_rights = enhanced
        row.due_on = offer_due(uow, case.referral_date, enhanced)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "victims-code.enhanced", "victims_code_records", row.id,
                     case_id=case.id, person_id=party.person_id, detail=str(enhanced).lower())
        uow.commit()
        return row.due_on


def record_offer(uow: UnitOfWork, actor: Actor, reference: str, party_id: int, *,
                 offered_on: date, how: str | None = None, today: date | None = None,
                 expected_version: int | None = None) -> bool:
    """The day the harmed party was first offered information about restorative justice.
    Returns whether it was within the Code's time limit."""
    today = today or date.today()
    if offered_on > today:
        raise ValidationError("The offer date is in the future.", field="offered_on")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        party = _harmed(case, party_id)
        if offered_on < case.referral_date:
            raise ValidationError("The offer is dated before the referral.", field="offered_on")
        row = _vc_record(uow, case, party)
        if row.offered_on is not None:
            raise WorkflowError(f"The first offer to {party.person.full_name} is already "
                                f"recorded ({row.offered_on:%d %b %Y}).")
        row.offered_on, row.offered_by_id = offered_on, actor.user_id
        row.how = " ".join((how or "").split()) or None
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "victims-code.offer", "victims_code_records", row.id,
                     case_id=case.id, person_id=party.person_id)
        uow.commit()
        return offered_on <= row.due_on


def victims_code(uow: UnitOfWork, actor: Actor, reference: str) -> list[VictimsCodeInfo]:
    """The clock of each harmed party on one case."""
    with uow:
        case = load_case(uow, reference)
        require_view(uow, actor, case)
        return clocks(uow, [case.id])


def offers_due(uow: UnitOfWork, start: date, end: date) -> tuple[int, int]:
    """(due, made in time): the Victims' Code offers the standards count for a period, those
    due in it and made or overdue by ``end``, as :func:`clocks` would list them, counted in the
    database (a ten-year board report covers every harmed party). A party with no record yet
    counts from the standard limit after referral; that deadline never falls as the referral
    day moves on, so the parties overdue in the period are those referred between two days
    found here, counted in the database (no calendar walk per referral day)."""
    s = uow.session
    harmed = (CaseParty.role == PartyRole.HARMED,)
    vc = VictimsCodeRecord
    # a record is only ever made for a harmed party (``_harmed``) and a party's role never
    # changes, so the records are counted from their own index, not joined to their parties
    due, in_time = s.execute(
        select(func.count(), func.coalesce(func.sum(case((vc.offered_on <= vc.due_on, 1),
                                                         else_=0)), 0))
        .where(vc.due_on >= start, vc.due_on <= end,
               or_(vc.offered_on.is_not(None), vc.due_on < end))).one()
    working_days = limits.value(uow, "vc_offer_working_days")
    nation = limits.nation(uow)

    def deadline(referred: date) -> date:
        return limits.add_working_days(referred, working_days, nation)

    # no offer made: counted once it is overdue, when start <= deadline < end
    first = start  # the earliest referral day whose deadline is on or after start
    while deadline(first - timedelta(days=1)) >= start:
        first -= timedelta(days=1)
    last = end  # the latest referral day whose deadline is before end
    while last >= first and deadline(last) >= end:
        last -= timedelta(days=1)
    if first <= last:
        # the referral day is tested, not searched: over years it holds nearly every party,
        # and reading the parties in order beats looking each one up by its case's date
        due += s.scalar(
            select(func.coalesce(func.sum(case(
                (and_(Case.referral_date >= first, Case.referral_date <= last), 1),
                else_=0)), 0))
            .select_from(CaseParty).join(Case, Case.id == CaseParty.case_id)
            .where(*harmed, ~select(vc.id).where(vc.party_id == CaseParty.id).exists())) or 0
    return int(due), int(in_time)


def waiting_offers(uow: UnitOfWork, stages: Collection[CaseStatus], soon: date,
                   limit: int | None = None) -> tuple[list[VictimsCodeInfo], int]:
    """The Victims' Code offers still to be made whose deadline falls by ``soon``, on cases at
    ``stages``, soonest first: at least the first ``limit`` (with every offer due the same day
    as the last of them, so a caller sorting by more than the day cuts the same rows), and how
    many there are in all. Found in the database, as :func:`clocks` would list them, so My
    work does not read every open case's parties (ten years of cases hold tens of
    thousands)."""
    s = uow.session
    vc = VictimsCodeRecord
    where = (CaseParty.role == PartyRole.HARMED, Case.status.in_(list(stages)))
    columns = (CaseParty.id, Case.reference, Case.referral_date, Person.first_name,
               Person.last_name)

    def joined(q: Any) -> Any:  # the same joins for the counts and the rows
        return (q.select_from(CaseParty).join(Case, Case.id == CaseParty.case_id)
                .join(Person, Person.id == CaseParty.person_id))

    recorded: tuple[ColumnElement[bool], ...] = (*where, vc.offered_on.is_(None),
                                                 vc.due_on <= soon)
    total = s.scalar(joined(select(func.count())).join(vc, vc.party_id == CaseParty.id)
                     .where(*recorded)) or 0
    if limit is not None:  # the first ``limit`` deadlines, and every tie of the last one
        cut = s.scalar(joined(select(vc.due_on)).join(vc, vc.party_id == CaseParty.id)
                       .where(*recorded).order_by(vc.due_on).offset(limit - 1).limit(1))
        if cut is not None:
            recorded = (*recorded, vc.due_on <= cut)
    out = [VictimsCodeInfo(pid, ref, f"{first} {last}", bool(enhanced), referred, due, None)
           for pid, ref, referred, first, last, enhanced, due in s.execute(
               joined(select(*columns, vc.enhanced_rights, vc.due_on))
               .join(vc, vc.party_id == CaseParty.id).where(*recorded))]
    # a party with no record counts from the standard limit after referral; the deadline
    # grows with the referral day, so "due by soon" is "referred on or before the last day
    # whose deadline is by soon"
    working_days = limits.value(uow, "vc_offer_working_days")
    nation = limits.nation(uow)
    last_day = soon
    while limits.add_working_days(last_day, working_days, nation) > soon:
        last_day -= timedelta(days=1)
    unrecorded: tuple[ColumnElement[bool], ...] = (
        *where, ~select(vc.id).where(vc.party_id == CaseParty.id).exists(),
        Case.referral_date <= last_day)
    total += s.scalar(joined(select(func.count())).where(*unrecorded)) or 0
    if limit is not None:
        cut = s.scalar(joined(select(Case.referral_date)).where(*unrecorded)
                       .order_by(Case.referral_date).offset(limit - 1).limit(1))
        if cut is not None:
            unrecorded = (*unrecorded, Case.referral_date <= cut)
    due_for: dict[date, date] = {}
    for pid, ref, referred, first, last in s.execute(joined(select(*columns))
                                                     .where(*unrecorded)):
        if referred not in due_for:
            due_for[referred] = limits.add_working_days(referred, working_days, nation)
        out.append(VictimsCodeInfo(pid, ref, f"{first} {last}", False, referred,
                                   due_for[referred], None))
    out.sort(key=lambda c: (c.due_on, c.case_reference))
    return out, int(total)


def clocks(uow: UnitOfWork, case_ids: list[int] | None = None,
           ) -> list[VictimsCodeInfo]:
    """Victims' Code clocks of harmed parties (of the given cases, or all); an open unit of
    work is needed. Parties with no record yet count from the standard limit."""
    q = (select(CaseParty.id, Case.reference, Case.referral_date, Person.first_name,
                Person.last_name, VictimsCodeRecord)
         .join(Case, Case.id == CaseParty.case_id).join(Person, Person.id == CaseParty.person_id)
         .outerjoin(VictimsCodeRecord, VictimsCodeRecord.party_id == CaseParty.id)
         .where(CaseParty.role == PartyRole.HARMED))
    if case_ids is not None:
        q = q.where(CaseParty.case_id.in_(case_ids))
    out = []
    # the limit and the calendar are read once, and each referral day's deadline worked out
    # once: a ten-year board report lists every harmed party
    working_days = limits.value(uow, "vc_offer_working_days")
    nation = limits.nation(uow)
    due_for: dict[date, date] = {}
    for pid, ref, referred, first, last, row in uow.session.execute(q.order_by(Case.reference)):
        enhanced = bool(row and row.enhanced_rights)
        if row:
            due = row.due_on
        elif referred in due_for:
            due = due_for[referred]
        else:
            due = due_for[referred] = limits.add_working_days(referred, working_days, nation)
        out.append(VictimsCodeInfo(pid, ref, f"{first} {last}", enhanced, referred, due,
                                   row.offered_on if row else None))
    return out
