"""After a case ends: post-exit follow-ups at 3, 6 and 12 months, and reoffending checks."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import Case
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp, ReoffendingCheck
from app.services import audit
from app.services.cases import add_months, open_for_edit, touch
from app.services.context import Actor
from app.services.dates import check_date

REOFFENDING_WINDOWS = (12, 24)
#: A follow-up may be recorded from a month before it is due until three months after.
FOLLOWUP_EARLY_DAYS = 31
FOLLOWUP_LATE_DAYS = 92


def check_exit_followup_date(done_on: date) -> None:
    if done_on > date.today():
        raise ValidationError("The follow-up date is in the future.", field="done_on")
    check_date(done_on, "follow-up date", "done_on")


def check_reoffending(window_months: int, offences: int, first_offence_on: date | None) -> None:
    """A reoffending check's rules that need no database (recording and amending share them)."""
    if window_months not in REOFFENDING_WINDOWS:
        raise ValidationError("The follow-up window is 12 or 24 months.", field="window_months")
    if offences < 0:
        raise ValidationError("The number of offences cannot be negative.", field="offences")
    if offences and first_offence_on is None:
        raise ValidationError("Give the date of the first proven offence.",
                              field="first_offence_on")
    if not offences and first_offence_on is not None:
        raise ValidationError("With no proven offence there is no first offence date.",
                              field="first_offence_on")
    if first_offence_on is not None:
        check_date(first_offence_on, "offence date", "first_offence_on")


def check_reoffending_on_case(case: Case, first_offence_on: date | None, *,
                              checked_on: date | None = None,
                              window_months: int | None = None) -> None:
    """The check after the case ended, not in the future, and its offence inside the window
    it is counted for (from the end date to ``window_months`` after)."""
    if case.ended_on is None:
        raise WorkflowError("Reoffending is checked after the case has ended.")
    if first_offence_on is not None and first_offence_on < case.ended_on:
        raise ValidationError("The offence is before the case ended.",
                              field="first_offence_on")
    if checked_on is not None:
        if checked_on > date.today():
            raise ValidationError("A police check is recorded once it is made; the date is in "
                                  "the future.", field="checked_on")
        check_date(checked_on, "check date", "checked_on")
        if checked_on < case.ended_on:
            raise ValidationError(f"The case ended on {_fmt(case.ended_on)}; a reoffending "
                                  "check comes after that.", field="checked_on")
        if first_offence_on is not None and first_offence_on > checked_on:
            raise ValidationError("The offence is dated after the check that found it.",
                                  field="first_offence_on")
    if window_months is not None and first_offence_on is not None:
        window_end = add_months(case.ended_on, window_months)
        if first_offence_on > window_end:
            raise ValidationError(
                f"The {window_months}-month window runs from {_fmt(case.ended_on)} to "
                f"{_fmt(window_end)}: an offence on {_fmt(first_offence_on)} is not counted in "
                "it.", field="first_offence_on")


def record_exit_followup(
    uow: UnitOfWork, actor: Actor, reference: str, *, months: int, done_on: date,
    reoffended: bool | None, living_independently: bool | None, free_from_abuse: bool | None,
    notes: str | None = None, expected_version: int | None = None,
) -> None:
    if months not in EXIT_FOLLOWUP_MONTHS:
        raise ValidationError("Follow-ups are at 3, 6 or 12 months.", field="months")
    check_exit_followup_date(done_on)
    for name, answer, question in (("independent", living_independently,
                                    "Is she living independently?"),
                                   ("abuse_free", free_from_abuse, "Is she free from abuse?"),
                                   ("reoffended", reoffended, "Has she reoffended?")):
        if answer is None:  # the board counts these: an answer nobody gave is refused
            raise ValidationError(f"Answer the question '{question}' (yes or no).", field=name)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        row = uow.session.scalar(select(ExitFollowUp).where(
            ExitFollowUp.case_id == case.id, ExitFollowUp.months == months))
        if row is None:
            raise NotFound(f"Case {case.reference} has no {months}-month follow-up due.")
        if row.done_on is not None and not row.entered_in_error:
            raise WorkflowError(f"The {months}-month follow-up is already recorded.")
        _check_followup_window(case.ended_on, row.due_on, months, done_on)
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


def _fmt(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def followup_window(due_on: date) -> tuple[date, date]:
    """When a follow-up due on ``due_on`` may be recorded: a month before to three after."""
    return due_on - timedelta(days=FOLLOWUP_EARLY_DAYS), due_on + timedelta(
        days=FOLLOWUP_LATE_DAYS)


def _check_followup_window(ended_on: date | None, due_on: date, months: int,
                           done_on: date) -> None:
    if ended_on is not None and done_on < ended_on:
        raise ValidationError(
            f"A follow-up comes after she left the scheme ({_fmt(ended_on)}); "
            f"{_fmt(done_on)} is before that.", field="done_on")
    first, last = followup_window(due_on)
    if not first <= done_on <= last:
        raise ValidationError(
            f"The {months}-month follow-up is due on {_fmt(due_on)}: record it between "
            f"{_fmt(first)} and {_fmt(last)}.", field="done_on")


def record_reoffending_check(
    uow: UnitOfWork, actor: Actor, reference: str, *, checked_on: date, window_months: int,
    offences: int, first_offence_on: date | None = None, notes: str | None = None,
    expected_version: int | None = None,
) -> None:
    check_reoffending(window_months, offences, first_offence_on)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        check_reoffending_on_case(case, first_offence_on, checked_on=checked_on,
                                  window_months=window_months)
        uow.session.add(ReoffendingCheck(
            case_id=case.id, checked_on=checked_on, window_months=window_months,
            offences=offences, first_offence_on=first_offence_on,
            notes=(notes or "").strip() or None, recorded_by_id=actor.user_id))
        touch(case, actor)
        audit.record(uow, actor, "reoffending.check", "reoffending_checks", case_id=case.id)
        uow.commit()
