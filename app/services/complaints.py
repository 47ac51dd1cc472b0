"""The complaints register: who complained, about which case or practitioner, and the two
clocks the standards judge a scheme by (acknowledged, then answered, within set working days).
Coordinators keep it; every view and change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, ValidationError, WorkflowError
from app.models.cases import Case
from app.models.safeguards import Complaint
from app.models.users import User
from app.services import audit
from app.services import standards_settings as limits
from app.services.context import Actor


@dataclass(frozen=True)
class ComplaintInfo:
    id: int
    received_on: date
    complainant: str
    case_reference: str | None
    practitioner: str | None
    about: str
    acknowledge_by: date
    respond_by: date
    acknowledged_on: date | None
    resolved_on: date | None
    outcome: str | None
    upheld: bool | None

    @property
    def answered_in_time(self) -> bool | None:
        return None if self.resolved_on is None else self.resolved_on <= self.respond_by


def _coordinator(actor: Actor) -> None:
    if not actor.coordinates:
        raise AccessDenied("Only coordinators keep the complaints register.")


def _text(value: str | None, message: str, name: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(message, field=name)
    return value.strip()


def record_complaint(uow: UnitOfWork, actor: Actor, *, received_on: date, complainant: str,
                     about: str, case_reference: str | None = None,
                     practitioner: str | None = None, today: date | None = None) -> int:
    """Log a complaint; its acknowledgement and response dates are set from the limits."""
    today = today or date.today()
    _coordinator(actor)
    who = " ".join(_text(complainant, "Say who made the complaint.", "complainant").split())
    what = _text(about, "Say what the complaint is about.", "about")
    if received_on > today:
        raise ValidationError("The complaint's date is in the future.", field="received_on")
    with uow:
        uow.begin_write()
        case_id = user_id = None
        if case_reference:
            ref = case_reference.strip().upper()
            case_id = uow.session.scalar(select(Case.id).where(Case.reference == ref))
            if case_id is None:
                raise NotFound(f"There is no case {ref}.", field="case")
        if practitioner:
            user_id = uow.session.scalar(select(User.id).where(
                User.username == practitioner.strip().lower()))
            if user_id is None:
                raise NotFound(f"There is no user {practitioner.strip()!r}.",
                               field="practitioner")
        nation = limits.nation(uow)
        row = Complaint(
            received_on=received_on, complainant=who, case_id=case_id,
            practitioner_user_id=user_id, about=what,
            acknowledge_by=limits.add_working_days(
                received_on, limits.value(uow, "complaint_ack_working_days"), nation),
            respond_by=limits.add_working_days(
                received_on, limits.value(uow, "complaint_response_working_days"), nation),
            recorded_by_id=actor.user_id)
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "complaint.record", "complaints", row.id, case_id=case_id)
        uow.commit()
        return row.id


def _load(uow: UnitOfWork, complaint_id: int) -> Complaint:
    uow.begin_write()
    row = uow.session.get(Complaint, complaint_id)
    if row is None:
        raise NotFound(f"There is no complaint {complaint_id}.")
    return row


def acknowledge(uow: UnitOfWork, actor: Actor, complaint_id: int, on: date,
                today: date | None = None) -> None:
    today = today or date.today()
    _coordinator(actor)
    with uow:
        row = _load(uow, complaint_id)
        if row.acknowledged_on is not None:
            raise WorkflowError(f"Complaint {complaint_id} was acknowledged on "
                                f"{row.acknowledged_on:%d %b %Y}.")
        if not row.received_on <= on <= today:
            raise ValidationError("The acknowledgement is dated between receipt and today.",
                                  field="on")
        row.acknowledged_on = on
        audit.record(uow, actor, "complaint.acknowledge", "complaints", row.id,
                     case_id=row.case_id)
        uow.commit()


def resolve(uow: UnitOfWork, actor: Actor, complaint_id: int, *, on: date, outcome: str,
            upheld: bool, today: date | None = None) -> None:
    today = today or date.today()
    _coordinator(actor)
    text = _text(outcome, "Say what the answer to the complaint was.", "outcome")
    with uow:
        row = _load(uow, complaint_id)
        if row.resolved_on is not None:
            raise WorkflowError(f"Complaint {complaint_id} was answered on "
                                f"{row.resolved_on:%d %b %Y}.")
        if not row.received_on <= on <= today:
            raise ValidationError("The answer is dated between receipt and today.", field="on")
        row.acknowledged_on = row.acknowledged_on or on
        row.resolved_on, row.outcome, row.upheld = on, text, upheld
        audit.record(uow, actor, "complaint.resolve", "complaints", row.id, case_id=row.case_id,
                     detail="upheld" if upheld else "not upheld")
        uow.commit()


def rows(uow: UnitOfWork) -> list[ComplaintInfo]:
    """Every complaint, newest first (an open unit of work is needed; no audit here)."""
    q = (select(Complaint, Case.reference, User.full_name)
         .outerjoin(Case, Case.id == Complaint.case_id)
         .outerjoin(User, User.id == Complaint.practitioner_user_id)
         .order_by(Complaint.received_on.desc(), Complaint.id.desc()))
    return [ComplaintInfo(c.id, c.received_on, c.complainant, ref, name, c.about,
                          c.acknowledge_by, c.respond_by, c.acknowledged_on, c.resolved_on,
                          c.outcome, c.upheld)
            for c, ref, name in uow.session.execute(q)]


def list_complaints(uow: UnitOfWork, actor: Actor) -> list[ComplaintInfo]:
    _coordinator(actor)
    with uow:
        uow.begin_write()
        found = rows(uow)
        audit.record(uow, actor, "complaint.list", "complaints", detail=f"{len(found)} rows")
        uow.commit()
        return found
