"""Appointments. A bail-condition appointment is a condition of the woman's bail: its outcome is
recorded once, and a missed one shows at once on the worker's and coordinator's lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.appointments import Appointment, AppointmentStatus
from app.models.base import utcnow
from app.models.cases import CaseStatus
from app.models.reference import Pathway
from app.services import audit
from app.services.casecore import case_edit
from app.services.cases import open_for_edit, touch
from app.services.context import Actor
from app.services.dates import check_date
from app.services.workflow import ACTIVE_STAGES


@dataclass(frozen=True)
class AppointmentInput:
    starts_at: datetime
    purpose: str
    location: str | None = None
    bail_condition: bool = False
    pathway_code: str | None = None
    agency_id: int | None = None


def _validate(data: AppointmentInput) -> None:
    if data.starts_at.tzinfo is None:
        raise ValidationError("The appointment time needs a time zone.", field="starts_at")
    if not data.purpose.strip():
        raise ValidationError("Say what the appointment is for.", field="purpose")
    check_date(data.starts_at.date(), "appointment date", "starts_at", future=True)


def schedule(
    uow: UnitOfWork, actor: Actor, reference: str, data: AppointmentInput,
    *, expected_version: int | None = None,
) -> int:
    _validate(data)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.status not in ACTIVE_STAGES:
            raise WorkflowError(f"Case {case.reference} is {case.status.label.lower()}: "
                                "appointments are booked only while a case is running.")
        if data.starts_at.astimezone().date() < case.referral_date:  # the local day
            raise ValidationError("The appointment is before the referral date.",
                                  field="starts_at")
        if data.pathway_code and uow.session.get(Pathway, data.pathway_code) is None:
            raise ValidationError(f"Unknown pathway {data.pathway_code!r}.", field="pathway_code")
        appt = Appointment(
            case_id=case.id, starts_at=data.starts_at, purpose=data.purpose.strip(),
            location=(data.location or "").strip() or None, bail_condition=data.bail_condition,
            pathway_code=data.pathway_code, agency_id=data.agency_id,
            with_user_id=case.worker_id, updated_by_id=actor.user_id,
            recorded_by_id=actor.user_id)
        uow.session.add(appt)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "appointment.schedule", "appointments", appt.id,
                     case_id=case.id, detail="bail condition" if data.bail_condition else None)
        uow.commit()
        return appt.id


def _scheduled(uow: UnitOfWork, case_id: int, appointment_id: int) -> Appointment:
    """An appointment of this case that has no outcome yet (an outcome is recorded once)."""
    appt = uow.session.get(Appointment, appointment_id)
    if appt is None or appt.case_id != case_id or appt.entered_in_error:
        raise NotFound("That appointment is not on this case.")
    if appt.status is not AppointmentStatus.SCHEDULED:
        raise WorkflowError(
            f"This appointment's outcome is already recorded ({appt.status.value}).")
    return appt


def _close(appt: Appointment, status: AppointmentStatus, actor: Actor, notes: str | None
           ) -> None:
    appt.status = status
    appt.outcome_recorded_at = utcnow()
    appt.outcome_by_id = actor.user_id
    appt.outcome_notes = (notes or "").strip() or None
    appt.updated_by_id = actor.user_id


OUTCOMES = (AppointmentStatus.KEPT, AppointmentStatus.MISSED, AppointmentStatus.CANCELLED)


def check_outcome_kind(outcome: AppointmentStatus) -> None:
    if outcome not in OUTCOMES:
        raise ValidationError("An outcome is kept, missed or cancelled; use 'rearrange' to move "
                              "an appointment.", field="outcome")


def check_outcome(appt: Appointment, outcome: AppointmentStatus) -> None:
    """Kept or missed only once the appointment's time has come."""
    check_outcome_kind(outcome)
    if outcome is not AppointmentStatus.CANCELLED and appt.starts_at > utcnow():
        raise WorkflowError("The appointment has not happened yet.")


def record_outcome(
    uow: UnitOfWork, actor: Actor, reference: str, appointment_id: int,
    outcome: AppointmentStatus, *, notes: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Kept, missed or cancelled: once. A second outcome is refused, not overwritten (a wrong
    one is amended through app/services/corrections.py, with a reason)."""
    check_outcome_kind(outcome)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        appt = _scheduled(uow, case.id, appointment_id)
        check_outcome(appt, outcome)
        _close(appt, outcome, actor, notes)
        touch(case, actor)
        audit.record(uow, actor, f"appointment.{outcome.value}", "appointments", appt.id,
                     case_id=case.id)
        uow.commit()


def rearrange(
    uow: UnitOfWork, actor: Actor, reference: str, appointment_id: int, new_start: datetime,
    *, reason: str | None = None, expected_version: int | None = None,
) -> int:
    """Move an appointment: the old one is kept as 'rearranged' and points at the new one."""
    if new_start.tzinfo is None:
        raise ValidationError("The new time needs a time zone.", field="starts_at")
    check_date(new_start.date(), "appointment date", "starts_at", future=True)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        appt = _scheduled(uow, case.id, appointment_id)
        new = Appointment(
            case_id=case.id, starts_at=new_start, purpose=appt.purpose, location=appt.location,
            bail_condition=appt.bail_condition, pathway_code=appt.pathway_code,
            agency_id=appt.agency_id, with_user_id=appt.with_user_id,
            updated_by_id=actor.user_id, recorded_by_id=actor.user_id)
        uow.session.add(new)
        uow.session.flush()
        _close(appt, AppointmentStatus.REARRANGED, actor, reason)
        appt.rearranged_to_id = new.id
        touch(case, actor)
        audit.record(uow, actor, "appointment.rearrange", "appointments", appt.id,
                     case_id=case.id)
        uow.commit()
        return new.id


def rebook(
    uow: UnitOfWork, actor: Actor, reference: str, appointment_id: int, new_start: datetime,
    *, expected_version: int | None = None,
) -> int:
    """Book again after a missed appointment, from its own row: the miss stays on record (it
    still counts as missed) and points at the new booking."""
    if new_start.tzinfo is None:
        raise ValidationError("The new time needs a time zone.", field="starts_at")
    if new_start <= utcnow():
        raise ValidationError("Rebook for a time that is still to come.", field="starts_at")
    with case_edit(uow, actor, reference, expected_version) as edit:
        case = edit.case
        if case.status is CaseStatus.CLOSED:
            raise WorkflowError(f"Case {case.reference} is closed.")
        appt = uow.session.get(Appointment, appointment_id)
        if appt is None or appt.case_id != case.id or appt.entered_in_error:
            raise NotFound("That appointment is not on this case.")
        if appt.status is not AppointmentStatus.MISSED:
            raise WorkflowError("Only a missed appointment is rebooked; move a booked one with "
                                "'rearrange'.")
        if appt.rearranged_to_id is not None:
            raise WorkflowError("This missed appointment has been rebooked already.")
        new = Appointment(
            case_id=case.id, starts_at=new_start, purpose=appt.purpose, location=appt.location,
            bail_condition=appt.bail_condition, pathway_code=appt.pathway_code,
            agency_id=appt.agency_id, with_user_id=appt.with_user_id,
            updated_by_id=actor.user_id, recorded_by_id=actor.user_id)
        uow.session.add(new)
        uow.session.flush()
        appt.rearranged_to_id = new.id
        appt.updated_by_id = actor.user_id
        edit.audit("appointment.rebook", "appointments", appt.id,
                   detail="bail condition" if appt.bail_condition else None)
        return new.id
