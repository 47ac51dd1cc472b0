"""The practitioner register: who works cases, their DBS checks, RJC registration, training,
CPD, supervision, availability and declared conflicts of interest.

Access (from the issue): coordinators see and change every record; a practitioner sees their
own and may add availability, CPD and conflict declarations to it; administrators manage
accounts, not these records. Every view and change writes an audit row in its transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from app.models.cases import Case, Scheme
from app.models.practitioners import (
    AssignmentConfirmation,
    ConflictDeclaration,
    CpdEntry,
    DbsLevel,
    Practitioner,
    PractitionerKind,
    PractitionerStatus,
    RjcLevel,
    SupervisionKind,
    SupervisionSession,
    TrainingRecord,
    Unavailability,
    VettingCheck,
)
from app.models.users import Role, User
from app.services import audit
from app.services import standards_settings as limits
from app.services.cases import add_months
from app.services.context import Actor

DBS_NUMBER = re.compile(r"^\d{12}$")
CASE_REF = re.compile(r"^(CP|NR|GTC)-\d{4}-\d{4,}$")
MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024
ALERT_DAYS = (60, 30, 7)


# ---------------------------------------------------------------- DTOs


@dataclass(frozen=True)
class CheckInfo:
    id: int
    level: DbsLevel
    certificate_number: str
    issued_on: date
    update_checked_on: date | None
    next_due_on: date


@dataclass(frozen=True)
class TrainingInfo:
    id: int
    course: str
    completed_on: date
    hours: Decimal
    certificate_name: str | None


@dataclass(frozen=True)
class CpdInfo:
    id: int
    on: date
    hours: Decimal
    activity: str


@dataclass(frozen=True)
class SupervisionInfo:
    id: int
    kind: SupervisionKind
    held_on: date
    supervisor: str
    cases_discussed: tuple[str, ...]
    notes: str | None
    actions: str | None
    signed_off_by: str | None
    signed_off_on: date | None


@dataclass(frozen=True)
class UnavailableInfo:
    id: int
    starts_on: date
    ends_on: date
    reason: str | None


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    practitioner: str
    username: str
    person_name: str
    how: str
    declared_on: date


@dataclass(frozen=True)
class PractitionerRow:
    """One line of the register, with what a coordinator checks at a glance."""

    user_id: int
    username: str
    full_name: str
    kind: PractitionerKind
    status: PractitionerStatus
    schemes: tuple[Scheme, ...]
    rjc_level: RjcLevel | None
    rjc_number: str | None
    rjc_renewal_on: date | None
    registered: bool
    check_level: DbsLevel | None
    next_check_due: date | None
    check_lapsed: bool
    last_supervision: date | None
    supervision_overdue: bool
    cpd_hours_12_months: Decimal
    languages: str | None


@dataclass(frozen=True)
class PractitionerDetail:
    row: PractitionerRow
    started_on: date
    version: int
    checks: tuple[CheckInfo, ...]
    training: tuple[TrainingInfo, ...]
    cpd: tuple[CpdInfo, ...]
    supervision: tuple[SupervisionInfo, ...]
    unavailable: tuple[UnavailableInfo, ...]
    conflicts: tuple[ConflictInfo, ...]


@dataclass(frozen=True)
class PractitionerInput:
    kind: PractitionerKind
    schemes: tuple[Scheme, ...]
    started_on: date
    status: PractitionerStatus = PractitionerStatus.ACTIVE
    rjc_level: RjcLevel | None = None
    rjc_number: str | None = None
    rjc_renewal_on: date | None = None
    languages: str | None = None


@dataclass(frozen=True)
class Confirmation:
    """An assignment waiting for its practitioner to confirm there is no conflict."""

    case_reference: str
    asked_on: date


# ---------------------------------------------------------------- access and loading


def _may_manage(actor: Actor) -> None:
    if not actor.coordinates:
        raise AccessDenied("Only coordinators keep the practitioner register.")


def _may_see(actor: Actor, user_id: int) -> None:
    if actor.coordinates or actor.user_id == user_id:
        return
    if actor.administers:
        raise AccessDenied("Administrators manage accounts, not practitioner records.")
    raise AccessDenied("You can see only your own practitioner record.")


def _user(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user {username.strip()!r}.", field="user")
    return user


def load(uow: UnitOfWork, username: str) -> tuple[User, Practitioner]:
    user = _user(uow, username)
    record = uow.session.scalar(select(Practitioner).where(Practitioner.user_id == user.id))
    if record is None:
        raise NotFound(f"{user.full_name} is not on the practitioner register.",
                       field="user")
    return user, record


def _open(uow: UnitOfWork, actor: Actor, username: str, *, own: bool,
          expected_version: int | None = None) -> tuple[User, Practitioner]:
    """Take the write lock and check the actor may change this record (``own``: the
    practitioner may change it too)."""
    uow.begin_write()
    user, record = load(uow, username)
    if not actor.coordinates and not (own and actor.user_id == user.id):
        _may_see(actor, user.id)
        raise AccessDenied("Only coordinators change this part of a practitioner's record.")
    if expected_version is not None and expected_version != record.version:
        raise StaleEdit(f"The record of {user.full_name} was changed by someone else after "
                        "you opened it. Reload it; nothing of yours was saved.")
    return user, record


def _text(value: str | None, message: str, name: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(message, field=name)
    return " ".join(value.split())


def _hours(value: Decimal | float | str, name: str = "hours") -> Decimal:
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.1"))
    except InvalidOperation:
        raise ValidationError(f"{value!r} is not a number of hours.", field=name) from None
    if not Decimal("0") < hours <= Decimal("500"):
        raise ValidationError("Hours run from 0.1 to 500.", field=name)
    return hours


def _not_future(day: date, today: date, what: str, name: str) -> None:
    if day > today:
        raise ValidationError(f"The {what} is in the future.", field=name)


# ---------------------------------------------------------------- derived facts


def latest_check(uow: UnitOfWork, practitioner_id: int) -> VettingCheck | None:
    return uow.session.scalar(
        select(VettingCheck).where(VettingCheck.practitioner_id == practitioner_id)
        .order_by(VettingCheck.issued_on.desc(), VettingCheck.id.desc()).limit(1))


def check_lapse(uow: UnitOfWork, record: Practitioner, on: date) -> str | None:
    """Why this practitioner may not work on ``on`` (no check, a lapsed check, not active),
    in words fit to show; None when they may."""
    user = uow.session.get(User, record.user_id)
    name = user.full_name if user else "This practitioner"
    if record.status is not PractitionerStatus.ACTIVE:
        return f"{name} is {record.status.value} on the practitioner register"
    check = latest_check(uow, record.id)
    if check is None:
        return f"{name} has no DBS check recorded"
    if check.issued_on > on:
        return f"{name}'s DBS check was issued on {check.issued_on:%d %b %Y}, after that day"
    if check.next_due_on < on:
        return (f"{name}'s DBS check lapsed on {check.next_due_on:%d %b %Y} (certificate "
                f"issued {check.issued_on:%d %b %Y})")
    return None


def last_supervision(uow: UnitOfWork, practitioner_id: int) -> date | None:
    return uow.session.scalar(select(func.max(SupervisionSession.held_on)).where(
        SupervisionSession.practitioner_id == practitioner_id))


def cpd_hours(uow: UnitOfWork, practitioner_id: int, today: date) -> Decimal:
    """CPD and training hours in the 12 months up to ``today`` (a rolling total)."""
    since = add_months(today, -12)
    cpd = uow.session.scalar(select(func.coalesce(func.sum(CpdEntry.hours), 0)).where(
        CpdEntry.practitioner_id == practitioner_id, CpdEntry.on > since, CpdEntry.on <= today))
    trained = uow.session.scalar(select(func.coalesce(func.sum(TrainingRecord.hours), 0)).where(
        TrainingRecord.practitioner_id == practitioner_id, TrainingRecord.completed_on > since,
        TrainingRecord.completed_on <= today))
    return Decimal(str(cpd or 0)) + Decimal(str(trained or 0))


def _row(uow: UnitOfWork, user: User, record: Practitioner, today: date) -> PractitionerRow:
    check = latest_check(uow, record.id)
    last = last_supervision(uow, record.id)
    gap = limits.value(uow, "supervision_max_days")
    active = record.status is PractitionerStatus.ACTIVE
    return PractitionerRow(
        user_id=user.id, username=user.username, full_name=user.full_name, kind=record.kind,
        status=record.status, schemes=tuple(Scheme(s) for s in record.schemes.split(",") if s),
        rjc_level=record.rjc_level, rjc_number=record.rjc_number,
        rjc_renewal_on=record.rjc_renewal_on,
        registered=bool(record.rjc_level and record.rjc_renewal_on
                        and record.rjc_renewal_on >= today),
        check_level=check.level if check else None,
        next_check_due=check.next_due_on if check else None,
        check_lapsed=check is None or check.next_due_on < today,
        last_supervision=last,
        supervision_overdue=active and (last or record.started_on) < today - timedelta(days=gap),
        cpd_hours_12_months=cpd_hours(uow, record.id, today), languages=record.languages)


def _names(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(uow.session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))
                .all())


def _detail(uow: UnitOfWork, user: User, record: Practitioner, today: date,
            ) -> PractitionerDetail:
    s = uow.session
    pid = record.id
    sessions = list(s.scalars(select(SupervisionSession).where(
        SupervisionSession.practitioner_id == pid).order_by(SupervisionSession.held_on.desc())))
    names = _names(uow, [x.supervisor_id for x in sessions]
                   + [x.signed_off_by_id for x in sessions])
    return PractitionerDetail(
        row=_row(uow, user, record, today), started_on=record.started_on, version=record.version,
        checks=tuple(CheckInfo(c.id, c.level, c.certificate_number, c.issued_on,
                               c.update_checked_on, c.next_due_on)
                     for c in s.scalars(select(VettingCheck).where(
                         VettingCheck.practitioner_id == pid)
                         .order_by(VettingCheck.issued_on.desc()))),
        training=tuple(TrainingInfo(t.id, t.course, t.completed_on, t.hours, t.certificate_name)
                       for t in s.scalars(select(TrainingRecord).where(
                           TrainingRecord.practitioner_id == pid)
                           .order_by(TrainingRecord.completed_on.desc()))),
        cpd=tuple(CpdInfo(c.id, c.on, c.hours, c.activity) for c in s.scalars(
            select(CpdEntry).where(CpdEntry.practitioner_id == pid)
            .order_by(CpdEntry.on.desc()))),
        supervision=tuple(SupervisionInfo(
            x.id, x.kind, x.held_on, names.get(x.supervisor_id, "-"),
            tuple(r for r in (x.cases_discussed or "").split(",") if r), x.notes, x.actions,
            names.get(x.signed_off_by_id) if x.signed_off_by_id else None, x.signed_off_on)
            for x in sessions),
        unavailable=tuple(UnavailableInfo(u.id, u.starts_on, u.ends_on, u.reason)
                          for u in s.scalars(select(Unavailability).where(
                              Unavailability.practitioner_id == pid)
                              .order_by(Unavailability.starts_on))),
        conflicts=tuple(ConflictInfo(c.id, user.full_name, user.username, c.person_name, c.how,
                                     c.declared_on)
                        for c in s.scalars(select(ConflictDeclaration).where(
                            ConflictDeclaration.practitioner_id == pid)
                            .order_by(ConflictDeclaration.declared_on))),
    )


# ---------------------------------------------------------------- reading


def list_practitioners(uow: UnitOfWork, actor: Actor, today: date | None = None,
                       ) -> list[PractitionerRow]:
    """The register (coordinators), or the practitioner's own line."""
    today = today or date.today()
    if actor.administers and not actor.coordinates:
        raise AccessDenied("Administrators manage accounts, not practitioner records.")
    with uow:
        uow.begin_write()
        q = (select(User, Practitioner).join(Practitioner, Practitioner.user_id == User.id)
             .order_by(User.full_name))
        if not actor.coordinates:
            q = q.where(User.id == actor.user_id)
        rows = [_row(uow, u, p, today) for u, p in uow.session.execute(q)]
        audit.record(uow, actor, "practitioner.list", "practitioners",
                     detail=f"{len(rows)} practitioners")
        uow.commit()
        return rows


def get_practitioner(uow: UnitOfWork, actor: Actor, username: str,
                     today: date | None = None) -> PractitionerDetail:
    today = today or date.today()
    with uow:
        uow.begin_write()
        user, record = load(uow, username)
        try:
            _may_see(actor, user.id)
        except AccessDenied:
            audit.record(uow, actor, "practitioner.view-refused", "practitioners", record.id)
            uow.commit()
            raise
        detail = _detail(uow, user, record, today)
        audit.record(uow, actor, "practitioner.view", "practitioners", record.id)
        uow.commit()
        return detail


def is_registered(uow: UnitOfWork, user_id: int) -> bool:
    with uow:
        return uow.session.scalar(select(Practitioner.id).where(
            Practitioner.user_id == user_id)) is not None


# ---------------------------------------------------------------- the record itself


def _validate(data: PractitionerInput) -> None:
    if not data.schemes:
        raise ValidationError("Choose the scheme(s) the practitioner works in.", field="schemes")
    if bool(data.rjc_level) != bool((data.rjc_number or "").strip()):
        raise ValidationError("An RJC registration needs both its level and its number.",
                              field="rjc_number")
    if data.rjc_level and data.rjc_renewal_on is None:
        raise ValidationError("Give the date the RJC registration is due for renewal.",
                              field="rjc_renewal_on")


def _apply(record: Practitioner, data: PractitionerInput) -> None:
    record.kind = data.kind
    record.schemes = ",".join(s.value for s in data.schemes)
    record.started_on = data.started_on
    record.status = data.status
    record.rjc_level = data.rjc_level
    record.rjc_number = (data.rjc_number or "").strip().upper() or None
    record.rjc_renewal_on = data.rjc_renewal_on if data.rjc_level else None
    record.languages = " ".join((data.languages or "").split()) or None


def add_practitioner(uow: UnitOfWork, actor: Actor, username: str,
                     data: PractitionerInput) -> int:
    """Put an existing user on the register (coordinators). Returns the record's id."""
    _may_manage(actor)
    _validate(data)
    with uow:
        uow.begin_write()
        user = _user(uow, username)
        if user.role is Role.ADMINISTRATOR and not user.also_coordinator:
            raise ValidationError(f"{user.full_name} is an administrator and works no cases.",
                                  field="user")
        if data.kind is PractitionerKind.VOLUNTEER and user.role is not Role.FACILITATOR:
            raise ValidationError(f"{user.full_name} is a {user.role.value}: volunteers are "
                                  "facilitators.", field="kind")
        if uow.session.scalar(select(Practitioner.id).where(Practitioner.user_id == user.id)):
            raise ValidationError(f"{user.full_name} is already on the register.", field="user")
        record = Practitioner(user_id=user.id, updated_by_id=actor.user_id)
        _apply(record, data)
        uow.session.add(record)
        uow.session.flush()
        audit.record(uow, actor, "practitioner.add", "practitioners", record.id,
                     detail=data.kind.value)
        uow.commit()
        return record.id


def update_practitioner(uow: UnitOfWork, actor: Actor, username: str, data: PractitionerInput,
                        expected_version: int | None = None) -> None:
    _validate(data)
    with uow:
        _u, record = _open(uow, actor, username, own=False,
                               expected_version=expected_version)
        _apply(record, data)
        record.updated_by_id = actor.user_id
        audit.record(uow, actor, "practitioner.update", "practitioners", record.id,
                     detail=data.status.value)
        uow.commit()


# ---------------------------------------------------------------- checks, training, CPD


def next_check_due(uow: UnitOfWork, issued_on: date, update_checked_on: date | None) -> date:
    """A certificate is renewed after the scheme's recheck period; an Update Service status
    check confirms it for the next 12 months (whichever is later)."""
    due = add_months(issued_on, 12 * limits.value(uow, "dbs_recheck_years"))
    if update_checked_on is not None:
        due = max(due, add_months(update_checked_on, 12))
    return due


def record_check(uow: UnitOfWork, actor: Actor, username: str, *, level: DbsLevel,
                 certificate_number: str, issued_on: date,
                 update_checked_on: date | None = None, today: date | None = None) -> CheckInfo:
    """Record a DBS check (coordinators): its level, number and dates, never its contents."""
    today = today or date.today()
    _may_manage(actor)
    number = "".join(certificate_number.split())
    if not DBS_NUMBER.match(number):
        raise ValidationError("A DBS certificate number is 12 digits.", field="number")
    _not_future(issued_on, today, "issue date", "issued")
    if update_checked_on is not None:
        _not_future(update_checked_on, today, "Update Service check", "update_checked_on")
        if update_checked_on < issued_on:
            raise ValidationError("The Update Service check is before the certificate was "
                                  "issued.", field="update_checked_on")
    with uow:
        _u, record = _open(uow, actor, username, own=False)
        check = VettingCheck(
            practitioner_id=record.id, level=level, certificate_number=number,
            issued_on=issued_on, update_checked_on=update_checked_on,
            next_due_on=next_check_due(uow, issued_on, update_checked_on),
            recorded_by_id=actor.user_id)
        uow.session.add(check)
        record.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(uow, actor, "practitioner.check", "vetting_checks", check.id,
                     detail=level.value)
        uow.commit()
        return CheckInfo(check.id, check.level, check.certificate_number, check.issued_on,
                         check.update_checked_on, check.next_due_on)


def record_update_check(uow: UnitOfWork, actor: Actor, username: str, checked_on: date,
                        today: date | None = None) -> date:
    """An Update Service status check on the latest certificate; returns the new due date."""
    today = today or date.today()
    _may_manage(actor)
    _not_future(checked_on, today, "Update Service check", "checked_on")
    with uow:
        _u, record = _open(uow, actor, username, own=False)
        check = latest_check(uow, record.id)
        if check is None:
            raise ValidationError("There is no DBS certificate to check: record one first.",
                                  field="checked_on")
        if checked_on < check.issued_on:
            raise ValidationError("The status check is before the certificate was issued.",
                                  field="checked_on")
        check.update_checked_on = checked_on
        check.next_due_on = next_check_due(uow, check.issued_on, checked_on)
        record.updated_by_id = actor.user_id
        audit.record(uow, actor, "practitioner.update-check", "vetting_checks", check.id)
        uow.commit()
        return check.next_due_on



def _add_entry(uow: UnitOfWork, actor: Actor, record: Practitioner, row: Any, action: str,
               entity: str, *, detail: str | None = None) -> int:
    """File one entry on a practitioner's record: the record marked as changed by the actor and
    the entry audited, in the caller's transaction, which this commits."""
    uow.session.add(row)
    record.updated_by_id = actor.user_id
    uow.session.flush()
    audit.record(uow, actor, action, entity, row.id, detail=detail)
    uow.commit()
    return int(row.id)

def record_training(uow: UnitOfWork, actor: Actor, username: str, *, course: str,
                    completed_on: date, hours: Decimal | float | str,
                    certificate_name: str | None = None, certificate: bytes | None = None,
                    today: date | None = None) -> int:
    """A course completed, with its certificate attached if there is one (coordinators)."""
    today = today or date.today()
    _may_manage(actor)
    name = _text(course, "Name the course.", "course")
    _not_future(completed_on, today, "completion date", "completed_on")
    amount = _hours(hours)
    if certificate is not None and len(certificate) > MAX_CERTIFICATE_BYTES:
        raise ValidationError("The certificate file is larger than 5 MB.", field="certificate")
    with uow:
        _u, record = _open(uow, actor, username, own=False)
        row = TrainingRecord(practitioner_id=record.id, course=name, completed_on=completed_on,
                             hours=amount, certificate_name=(certificate_name or "").strip()
                             or ("certificate" if certificate else None),
                             certificate=certificate, recorded_by_id=actor.user_id)
        return _add_entry(uow, actor, record, row, "practitioner.training", "training_records")


def record_cpd(uow: UnitOfWork, actor: Actor, username: str, *, on: date,
               hours: Decimal | float | str, activity: str, today: date | None = None) -> int:
    """CPD hours (coordinators, or the practitioner themself)."""
    today = today or date.today()
    what = _text(activity, "Say what the CPD activity was.", "activity")
    _not_future(on, today, "CPD date", "on")
    amount = _hours(hours)
    with uow:
        _u, record = _open(uow, actor, username, own=True)
        row = CpdEntry(practitioner_id=record.id, on=on, hours=amount, activity=what,
                       recorded_by_id=actor.user_id)
        return _add_entry(uow, actor, record, row, "practitioner.cpd", "cpd_entries")


def add_unavailability(uow: UnitOfWork, actor: Actor, username: str, *, starts_on: date,
                       ends_on: date, reason: str | None = None) -> int:
    """Days the practitioner cannot work (coordinators, or the practitioner themself)."""
    if ends_on < starts_on:
        raise ValidationError("The last day is before the first.", field="ends_on")
    if (ends_on - starts_on).days > 366:
        raise ValidationError("Give at most a year at a time.", field="ends_on")
    with uow:
        _u, record = _open(uow, actor, username, own=True)
        row = Unavailability(practitioner_id=record.id, starts_on=starts_on, ends_on=ends_on,
                             reason=" ".join((reason or "").split()) or None)
        return _add_entry(uow, actor, record, row, "practitioner.unavailable", "unavailability")


def unavailable_on(uow: UnitOfWork, practitioner_id: int, day: date) -> bool:
    return uow.session.scalar(select(Unavailability.id).where(
        Unavailability.practitioner_id == practitioner_id, Unavailability.starts_on <= day,
        Unavailability.ends_on >= day).limit(1)) is not None


# ---------------------------------------------------------------- supervision


def _case_refs(uow: UnitOfWork, refs: Sequence[str]) -> str | None:
    clean = []
    for ref in refs:
        ref = ref.strip().upper()
        if not ref:
            continue
        if not CASE_REF.match(ref) or uow.session.scalar(
                select(Case.id).where(Case.reference == ref)) is None:
            raise ValidationError(f"There is no case {ref}: name cases by their reference.",
                                  field="cases")
        if ref not in clean:
            clean.append(ref)
    text = ",".join(clean)
    if len(text) > 400:
        raise ValidationError("Name at most about thirty cases per session.", field="cases")
    return text or None


def record_supervision(uow: UnitOfWork, actor: Actor, username: str, *, held_on: date,
                       supervisor: str, kind: SupervisionKind = SupervisionKind.SUPERVISION,
                       cases_discussed: Sequence[str] = (), notes: str | None = None,
                       actions: str | None = None, sign_off: bool = False,
                       today: date | None = None) -> int:
    """A supervision session or an observation of practice (coordinators). The supervisor is
    another user; ``sign_off`` records the acting coordinator's sign-off the same day."""
    today = today or date.today()
    _may_manage(actor)
    _not_future(held_on, today, "session date", "held_on")
    with uow:
        user, record = _open(uow, actor, username, own=False)
        boss = _user(uow, supervisor)
        if boss.id == user.id:
            raise ValidationError("A practitioner cannot supervise themself.",
                                  field="supervisor")
        if not boss.active or (boss.role not in (Role.COORDINATOR, Role.NAVIGATOR,
                                                Role.MENTOR) and not boss.also_coordinator):
            raise ValidationError(f"{boss.full_name} is not a member of staff who can "
                                  "supervise.", field="supervisor")
        row = SupervisionSession(
            practitioner_id=record.id, kind=kind, held_on=held_on, supervisor_id=boss.id,
            cases_discussed=_case_refs(uow, cases_discussed),
            notes=(notes or "").strip() or None, actions=(actions or "").strip() or None,
            signed_off_by_id=actor.user_id if sign_off else None,
            signed_off_on=today if sign_off else None)
        return _add_entry(uow, actor, record, row, "practitioner.supervision",
                          "supervision_sessions", detail=kind.value)


def sign_off_supervision(uow: UnitOfWork, actor: Actor, session_id: int,
                         today: date | None = None) -> None:
    today = today or date.today()
    _may_manage(actor)
    with uow:
        uow.begin_write()
        row = uow.session.get(SupervisionSession, session_id)
        if row is None:
            raise NotFound("There is no such supervision session.")
        if row.signed_off_on is not None:
            raise ValidationError("This session is already signed off.", field="session")
        row.signed_off_by_id, row.signed_off_on = actor.user_id, today
        audit.record(uow, actor, "practitioner.supervision-signed", "supervision_sessions",
                     row.id)
        uow.commit()


# ---------------------------------------------------------------- conflicts of interest


def match_name(name: str) -> str:
    """The form names are compared in: lower case, single spaces."""
    return " ".join(name.lower().split())


def declare_conflict(uow: UnitOfWork, actor: Actor, username: str, *, person_name: str,
                     how: str, today: date | None = None) -> list[str]:
    """A practitioner knows someone (coordinators, or the practitioner themself). Returns the
    references of open cases they are assigned to that name that person, for reassignment."""
    from app.services.practitioner_rules import cases_naming

    today = today or date.today()
    name = _text(person_name, "Name the person you know.", "person")
    why = _text(how, "Say how you know them.", "how")
    with uow:
        user, record = _open(uow, actor, username, own=True)
        row = ConflictDeclaration(practitioner_id=record.id, person_name=name,
                                  match_name=match_name(name), how=why, declared_on=today,
                                  recorded_by_id=actor.user_id)
        uow.session.add(row)
        record.updated_by_id = actor.user_id
        uow.session.flush()
        affected = cases_naming(uow.session, user.id, row.match_name)
        audit.record(uow, actor, "practitioner.conflict", "conflict_declarations", row.id,
                     detail=f"{len(affected)} assigned cases affected")
        uow.commit()
        return affected


def conflict_register(uow: UnitOfWork, actor: Actor) -> list[ConflictInfo]:
    """Every declaration, for coordinators to review."""
    _may_manage(actor)
    with uow:
        uow.begin_write()
        rows = [ConflictInfo(c.id, u.full_name, u.username, c.person_name, c.how, c.declared_on)
                for c, u in uow.session.execute(
                    select(ConflictDeclaration, User)
                    .join(Practitioner, Practitioner.id == ConflictDeclaration.practitioner_id)
                    .join(User, User.id == Practitioner.user_id)
                    .order_by(ConflictDeclaration.declared_on.desc()))]
        audit.record(uow, actor, "practitioner.conflicts", "conflict_declarations",
                     detail=f"{len(rows)} declarations")
        uow.commit()
        return rows


def pending_confirmations(uow: UnitOfWork, actor: Actor) -> list[Confirmation]:
    """Assignments this user has still to confirm carry no conflict of interest."""
    with uow:
        return [Confirmation(ref, asked) for ref, asked in uow.session.execute(
            select(Case.reference, AssignmentConfirmation.asked_on)
            .join(Case, Case.id == AssignmentConfirmation.case_id)
            .where(AssignmentConfirmation.user_id == actor.user_id,
                   AssignmentConfirmation.confirmed_on.is_(None))
            .order_by(AssignmentConfirmation.asked_on))]


def confirm_no_conflict(uow: UnitOfWork, actor: Actor, reference: str,
                        today: date | None = None) -> None:
    """The assigned practitioner confirms they know no one on the case."""
    today = today or date.today()
    with uow:
        uow.begin_write()
        rows = list(uow.session.scalars(
            select(AssignmentConfirmation).join(Case, Case.id == AssignmentConfirmation.case_id)
            .where(Case.reference == reference.strip().upper(),
                   AssignmentConfirmation.user_id == actor.user_id,
                   AssignmentConfirmation.confirmed_on.is_(None))))
        if not rows:
            raise NotFound(f"There is nothing to confirm on {reference.strip().upper()}.")
        for row in rows:
            row.confirmed_on = today
        audit.record(uow, actor, "practitioner.no-conflict", "assignment_confirmations",
                     rows[0].id, case_id=rows[0].case_id)
        uow.commit()


# ---------------------------------------------------------------- the supervision record


def supervision_record_pdf(uow: UnitOfWork, actor: Actor, username: str,
                           today: date | None = None) -> bytes:
    """The redacted supervision record a provider sends with its registration renewal:
    sessions, observations, actions and sign-off, with cases named by reference only and the
    session notes withheld (they may name the people on a case). Coordinators; audited."""
    from app.reports.base import Header, Letterhead
    from app.reports.summary import CaseSummaryData, CaseSummaryRenderer, SummarySection
    from app.services.organisation import get_organisation

    today = today or date.today()
    _may_manage(actor)
    org = get_organisation(uow)  # the letterhead (its own read, before the write)
    with uow:
        uow.begin_write()
        user, record = load(uow, username)
        detail = _detail(uow, user, record, today)
        r = detail.row
        sections = (
            SummarySection("Practitioner", facts=(
                ("Name", r.full_name), ("Role", f"{r.kind.value.capitalize()}, "
                                                + ", ".join(s.label for s in r.schemes)),
                ("Started", f"{detail.started_on:%d %B %Y}"),
                ("RJC registration", f"{r.rjc_level.value}, {r.rjc_number}, renewal "
                                     f"{r.rjc_renewal_on:%d %B %Y}"
                 if r.rjc_level and r.rjc_renewal_on else "not registered"),
                ("DBS check", f"{r.check_level.value}, next due {r.next_check_due:%d %B %Y}"
                 if r.check_level and r.next_check_due else "none recorded"),
                ("CPD and training, last 12 months", f"{r.cpd_hours_12_months} hours"))),
            SummarySection(
                "Supervision and observed practice",
                head=("Date", "Kind", "Supervisor", "Cases (by reference)",
                      "Actions and sign-off"),
                rows=tuple((f"{x.held_on:%d/%m/%y}", x.kind.value, x.supervisor,
                            ", ".join(x.cases_discussed) or "-",
                            (x.actions or "No actions.") + (
                                f" Signed off by {x.signed_off_by} on {x.signed_off_on:%d/%m/%y}."
                                if x.signed_off_by and x.signed_off_on else " Not signed off."))
                           for x in detail.supervision),
                widths=(0.13, 0.17, 0.18, 0.22, 0.30),
                note="" if detail.supervision else "No sessions recorded."),
            SummarySection("Training", head=("Completed", "Course", "Hours"),
                           rows=tuple((f"{t.completed_on:%d/%m/%Y}", t.course, f"{t.hours}")
                                      for t in detail.training),
                           widths=(0.18, 0.67, 0.15),
                           note="" if detail.training else "No training recorded."),
        )
        data = CaseSummaryData(
            header=Header(Letterhead(org.name, org.address, org.phone, org.email, org.logo),
                          "Supervision record", user.username, today),
            audience="the Restorative Justice Council (registration renewal)",
            notice=("Redacted: cases are named by reference only and the notes of each "
                    "session are withheld.",),
            sections=sections)
        pdf = CaseSummaryRenderer(data).render()
        audit.record(uow, actor, "practitioner.print", "practitioners", record.id,
                     detail="supervision record")
        uow.commit()
        return pdf
