"""Volunteers' out-of-pocket and mileage claims against a case or meeting: claimed by the
practitioner (or a coordinator for them), approved or refused by a coordinator, then marked
paid; exported for finance as a formula-safe CSV (``app.services.export``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, StaleEdit, ValidationError, WorkflowError
from app.models.cases import Case
from app.models.conferences import Conference
from app.models.practitioners import Expense, ExpenseKind, ExpenseStatus, Practitioner
from app.models.users import User
from app.services import audit
from app.services import standards_settings as limits
from app.services.context import Actor
from app.services.export import write_csv

MAX_CLAIM = Decimal("500.00")
CSV_HEADER = ("claim", "practitioner", "username", "incurred_on", "kind", "miles", "amount",
              "description", "case", "status", "decided_on", "paid_on")


@dataclass(frozen=True)
class ExpenseInfo:
    id: int
    username: str
    practitioner: str
    incurred_on: date
    kind: ExpenseKind
    miles: Decimal | None
    amount: Decimal
    description: str
    case_reference: str | None
    status: ExpenseStatus
    decided_on: date | None
    decision_reason: str | None
    paid_on: date | None
    version: int


def _decimal(value: Decimal | float | str | None, name: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValidationError(f"{value!r} is not a number.", field=name) from None


def claim(uow: UnitOfWork, actor: Actor, username: str, *, incurred_on: date,
          kind: ExpenseKind, description: str, case_reference: str | None = None,
          conference_id: int | None = None, miles: Decimal | float | str | None = None,
          amount: Decimal | float | str | None = None, today: date | None = None) -> int:
    """A claim by the practitioner themself (or a coordinator for them). Mileage is paid at
    the scheme's rate per mile; out-of-pocket costs at the amount spent."""
    today = today or date.today()
    what = " ".join((description or "").split())
    if not what:
        raise ValidationError("Say what the claim is for (e.g. bus fare to the meeting).",
                              field="description")
    if incurred_on > today:
        raise ValidationError("A claim is for money already spent; the date is in the future.",
                              field="incurred_on")
    if not case_reference:
        raise ValidationError("Claim against the case (or meeting) it was spent on.",
                              field="case")
    miles_d = _decimal(miles, "miles")
    amount_d = _decimal(amount, "amount")
    with uow:
        uow.begin_write()
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
        record = user and uow.session.scalar(select(Practitioner).where(
            Practitioner.user_id == user.id))
        if user is None or record is None:
            raise NotFound(f"{username.strip()!r} is not on the practitioner register.",
                           field="user")
        if not (actor.coordinates or actor.user_id == user.id):
            raise AccessDenied("You can claim expenses only for yourself.")
        case = uow.session.scalar(select(Case).where(
            Case.reference == case_reference.strip().upper()))
        if case is None:
            raise NotFound(f"There is no case {case_reference.strip().upper()}.", field="case")
        if not actor.coordinates and user.id not in (case.worker_id, case.coworker_id):
            raise AccessDenied(f"You do not work on {case.reference}: claim against your own "
                               "cases.")
        if conference_id is not None:
            meeting = uow.session.get(Conference, conference_id)
            if meeting is None or meeting.case_id != case.id:
                raise NotFound("That meeting is not on this case.", field="meeting")
        if kind is ExpenseKind.MILEAGE:
            if miles_d is None or not Decimal("0") < miles_d <= Decimal("1000"):
                raise ValidationError("Give the miles driven (up to 1,000).", field="miles")
            rate = Decimal(limits.value(uow, "mileage_pence_per_mile")) / 100
            amount_d = (miles_d * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
        elif amount_d is None or not Decimal("0") < amount_d:
            raise ValidationError("Give the amount spent.", field="amount")
        assert amount_d is not None
        amount_d = amount_d.quantize(Decimal("0.01"))
        if amount_d > MAX_CLAIM:
            raise ValidationError(f"One claim is at most £{MAX_CLAIM}; split larger costs or "
                                  "ask the coordinator.", field="amount")
        row = Expense(practitioner_id=record.id, case_id=case.id, conference_id=conference_id,
                      incurred_on=incurred_on, kind=kind, miles=miles_d, amount=amount_d,
                      description=what, updated_by_id=actor.user_id)
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "expense.claim", "expenses", row.id, case_id=case.id,
                     detail=f"{kind.value} {amount_d}")
        uow.commit()
        return row.id


def _decide(uow: UnitOfWork, actor: Actor, expense_id: int, expected_version: int | None,
            ) -> Expense:
    if not actor.coordinates:
        raise AccessDenied("Only coordinators approve, refuse or pay expenses.")
    uow.begin_write()
    row = uow.session.get(Expense, expense_id)
    if row is None:
        raise NotFound(f"There is no expense claim {expense_id}.")
    if expected_version is not None and expected_version != row.version:
        raise StaleEdit(f"Claim {expense_id} was changed by someone else after you opened it; "
                        "reload it. Nothing of yours was saved.")
    return row


def decide(uow: UnitOfWork, actor: Actor, expense_id: int, *, approve: bool,
           reason: str | None = None, expected_version: int | None = None,
           today: date | None = None) -> None:
    """Approve a claim, or refuse it with a reason (coordinators)."""
    today = today or date.today()
    why = " ".join((reason or "").split()) or None
    if not approve and why is None:
        raise ValidationError("Say why the claim is refused.", field="reason")
    with uow:
        row = _decide(uow, actor, expense_id, expected_version)
        if row.status is not ExpenseStatus.CLAIMED:
            raise WorkflowError(f"Claim {expense_id} is already {row.status.value}.")
        row.status = ExpenseStatus.APPROVED if approve else ExpenseStatus.REFUSED
        row.decided_by_id, row.decided_on, row.decision_reason = actor.user_id, today, why
        row.updated_by_id = actor.user_id
        audit.record(uow, actor, "expense.decide", "expenses", row.id, case_id=row.case_id,
                     detail=row.status.value)
        uow.commit()


def mark_paid(uow: UnitOfWork, actor: Actor, expense_id: int, *, paid_on: date,
              expected_version: int | None = None, today: date | None = None) -> None:
    today = today or date.today()
    with uow:
        row = _decide(uow, actor, expense_id, expected_version)
        if row.status is not ExpenseStatus.APPROVED:
            raise WorkflowError(f"Claim {expense_id} is {row.status.value}: only an approved "
                                "claim is paid.")
        if row.decided_on and not row.decided_on <= paid_on <= today:
            raise ValidationError("The payment is dated between approval and today.",
                                  field="paid_on")
        row.status, row.paid_on = ExpenseStatus.PAID, paid_on
        row.updated_by_id = actor.user_id
        audit.record(uow, actor, "expense.paid", "expenses", row.id, case_id=row.case_id)
        uow.commit()


def _rows(uow: UnitOfWork, actor: Actor, status: ExpenseStatus | None) -> list[ExpenseInfo]:
    q = (select(Expense, User.username, User.full_name, Case.reference)
         .join(Practitioner, Practitioner.id == Expense.practitioner_id)
         .join(User, User.id == Practitioner.user_id)
         .outerjoin(Case, Case.id == Expense.case_id)
         .order_by(Expense.incurred_on, Expense.id))
    if not actor.coordinates:
        q = q.where(User.id == actor.user_id)
    if status is not None:
        q = q.where(Expense.status == status)
    return [ExpenseInfo(e.id, username, name, e.incurred_on, e.kind, e.miles, e.amount,
                        e.description, ref, e.status, e.decided_on, e.decision_reason,
                        e.paid_on, e.version)
            for e, username, name, ref in uow.session.execute(q)]


def list_expenses(uow: UnitOfWork, actor: Actor, status: ExpenseStatus | None = None,
                  ) -> list[ExpenseInfo]:
    """Coordinators see every claim; a practitioner their own."""
    if actor.administers and not actor.coordinates:
        raise AccessDenied("Administrators manage accounts, not expense claims.")
    with uow:
        uow.begin_write()
        found = _rows(uow, actor, status)
        audit.record(uow, actor, "expense.list", "expenses", detail=f"{len(found)} claims")
        uow.commit()
        return found


def export_csv(uow: UnitOfWork, actor: Actor, path: Path,
               status: ExpenseStatus | None = ExpenseStatus.APPROVED) -> int:
    """Claims for finance (approved ones by default) as a formula-safe CSV; audited."""
    if not actor.coordinates:
        raise AccessDenied("Only coordinators export expenses for finance.")
    with uow:
        uow.begin_write()
        found = _rows(uow, actor, status)
        count = write_csv(path, CSV_HEADER, (
            (e.id, e.practitioner, e.username, e.incurred_on, e.kind, e.miles, e.amount,
             e.description, e.case_reference, e.status, e.decided_on, e.paid_on)
            for e in found))
        audit.record(uow, actor, "expense.export", "expenses", detail=f"{count} claims")
        uow.commit()
        return count
