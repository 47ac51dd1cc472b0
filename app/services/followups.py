"""After a case ends: post-exit follow-ups at 3, 6 and 12 months, and reoffending checks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import Case
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp, ReoffendingCheck
from app.services import audit
from app.services.cases import open_for_edit, touch
from app.services.context import Actor

REOFFENDING_WINDOWS = (12, 24)


def check_exit_followup_date(done_on: date) -> None:
    if done_on > date.today():
        raise ValidationError("The follow-up date is in the future.", field="done_on")


def check_reoffending(window_months: int, offences: int, first_offence_on: date | None) -> None:
    """A reoffending check's rules that need no database (recording and amending share them)."""
    if window_months not in REOFFENDING_WINDOWS:
        raise ValidationError("The follow-up window is 12 or 24 months.", field="window_months")
    if offences < 0:
        raise ValidationError("The number of offences cannot be negative.", field="offences")
    if offences and first_offence_on is None:
        raise ValidationError("Give the date of the first proven offence.",
                              field="first_offence_on")


def check_reoffending_on_case(case: Case, first_offence_on: date | None) -> None:
    if case.ended_on is None:
        raise WorkflowError("Reoffending is checked after the case has ended.")
    if first_offence_on is not None and first_offence_on < case.ended_on:
        raise ValidationError("The offence is before the case ended.",
                              field="first_offence_on")


def record_exit_followup(
    uow: UnitOfWork, actor: Actor, reference: str, *, months: int, done_on: date,
    reoffended: bool | None, living_independently: bool | None, free_from_abuse: bool | None,
    notes: str | None = None, expected_version: int | None = None,
) -> None:
    if months not in EXIT_FOLLOWUP_MONTHS:
        raise ValidationError("Follow-ups are at 3, 6 or 12 months.", field="months")
    check_exit_followup_date(done_on)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        row = uow.session.scalar(select(ExitFollowUp).where(
            ExitFollowUp.case_id == case.id, ExitFollowUp.months == months))
        if row is None:
            raise NotFound(f"Case {case.reference} has no {months}-month follow-up due.")
        if row.done_on is not None and not row.entered_in_error:
            raise WorkflowError(f"The {months}-month follow-up is already recorded.")
        # one marked entered in error is due again; its old answers are in its corrections
        row.entered_in_error = False
        row.done_on = done_on
        row.reoffended = reoffended
        row.living_independently = living_independently
        row.free_from_abuse = free_from_abuse
        row.notes = (notes or "").strip() or None
        row.recorded_by_id = actor.user_id
        touch(case, actor)
        audit.record(uow, actor, "followup.exit", "exit_followups", row.id, case_id=case.id,
                     detail=f"{months} months")
        uow.commit()


def record_reoffending_check(
    uow: UnitOfWork, actor: Actor, reference: str, *, checked_on: date, window_months: int,
    offences: int, first_offence_on: date | None = None, notes: str | None = None,
    expected_version: int | None = None,
) -> None:
    check_reoffending(window_months, offences, first_offence_on)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        check_reoffending_on_case(case, first_offence_on)
        uow.session.add(ReoffendingCheck(
            case_id=case.id, checked_on=checked_on, window_months=window_months,
            offences=offences, first_offence_on=first_offence_on,
            notes=(notes or "").strip() or None, recorded_by_id=actor.user_id))
        touch(case, actor)
        audit.record(uow, actor, "reoffending.check", "reoffending_checks", case_id=case.id)
        uow.commit()
