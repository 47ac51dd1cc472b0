"""Checkpoint contracts.

The rules, from the scheme: four months; up to five conditions; 'no reoffending' is always the
first; at most one victim (restorative) condition and two pathway interventions; and either
18 to 36 hours of community work (logged in a ledger) or an electronic tag, not both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import CaseStatus, Scheme
from app.models.contracts import (
    CONTRACT_MONTHS,
    MAX_COMMUNITY_HOURS,
    MAX_CONDITIONS,
    MAX_PATHWAY_CONDITIONS,
    MIN_COMMUNITY_HOURS,
    CommunityHoursEntry,
    ConditionKind,
    ConditionState,
    Contract,
    ContractCondition,
    ContractStatus,
)
from app.models.reference import Pathway
from app.services import audit
from app.services.cases import add_months, move_within, open_for_edit, touch
from app.services.context import Actor
from app.services.dates import check_date

NO_REOFFENDING_TEXT = "You must not commit any offence during the four months of this contract."


@dataclass(frozen=True)
class ConditionInput:
    kind: ConditionKind
    description: str = ""
    pathway_code: str | None = None
    agency_id: int | None = None


def validate_conditions(conditions: list[ConditionInput], community_hours: int | None) -> None:
    """Every contract rule, checked before anything is written."""
    kinds = Counter(c.kind for c in conditions)
    if kinds[ConditionKind.NO_REOFFENDING] != 1:
        raise ValidationError("A contract always has exactly one 'no reoffending' condition.",
                              field="conditions")
    if len(conditions) > MAX_CONDITIONS:
        raise ValidationError(
            f"A contract has at most {MAX_CONDITIONS} conditions; {len(conditions)} were given.",
            field="conditions")
    if kinds[ConditionKind.VICTIM] > 1:
        raise ValidationError("A contract has at most one victim condition.", field="conditions")
    if kinds[ConditionKind.PATHWAY] > MAX_PATHWAY_CONDITIONS:
        raise ValidationError(
            f"A contract has at most {MAX_PATHWAY_CONDITIONS} pathway interventions.",
            field="conditions")
    if kinds[ConditionKind.COMMUNITY_HOURS] and kinds[ConditionKind.TAG]:
        raise ValidationError("Choose community hours or an electronic tag, not both.",
                              field="conditions")
    if kinds[ConditionKind.COMMUNITY_HOURS] > 1 or kinds[ConditionKind.TAG] > 1:
        raise ValidationError("Community hours or a tag appear once at most.", field="conditions")
    if kinds[ConditionKind.COMMUNITY_HOURS]:
        if community_hours is None or not (
            MIN_COMMUNITY_HOURS <= community_hours <= MAX_COMMUNITY_HOURS
        ):
            raise ValidationError(
                f"Community hours must be between {MIN_COMMUNITY_HOURS} and "
                f"{MAX_COMMUNITY_HOURS}; {community_hours} was given.", field="community_hours")
    elif community_hours is not None:
        raise ValidationError("Hours are given but there is no community hours condition.",
                              field="community_hours")
    for c in conditions:
        if c.kind is ConditionKind.PATHWAY and not c.pathway_code:
            raise ValidationError("A pathway intervention names its pathway.",
                                  field="conditions")
        if c.kind is ConditionKind.PATHWAY and not c.description.strip():
            raise ValidationError("Describe the pathway intervention (for example 'attend the "
                                  "alcohol service weekly').", field="conditions")


def _describe(c: ConditionInput, hours: int | None) -> str:
    if c.description.strip():
        return c.description.strip()
    return {
        ConditionKind.NO_REOFFENDING: NO_REOFFENDING_TEXT,
        ConditionKind.VICTIM: "Take part in a restorative approach (a letter of apology or a "
                              "meeting) if the victim wishes.",
        ConditionKind.COMMUNITY_HOURS: f"Complete {hours} hours of voluntary community work.",
        ConditionKind.TAG: "Wear an electronic tag for the length of the contract.",
        ConditionKind.PATHWAY: "",
    }[c.kind]


def draft_contract(
    uow: UnitOfWork, actor: Actor, reference: str, *, start_date: date,
    conditions: list[ConditionInput], community_hours: int | None = None,
    expected_version: int | None = None,
) -> None:
    """Write (or rewrite) the draft contract. It is not in force until started."""
    # 'no reoffending' always comes first, whatever order the form gave.
    conditions = sorted(conditions, key=lambda c: c.kind is not ConditionKind.NO_REOFFENDING)
    validate_conditions(conditions, community_hours)
    check_date(start_date, "contract start date", "start_date", future=True)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.scheme is not Scheme.CHECKPOINT:
            raise WorkflowError("Only Checkpoint cases have contracts.")
        if case.status is not CaseStatus.ELIGIBILITY_DECIDED:
            raise WorkflowError(
                f"A contract is drawn up after the eligibility decision and before it starts; "
                f"{case.reference} is at '{case.status.label}'.")
        known = set(uow.session.scalars(select(Pathway.code)))
        for c in conditions:
            if c.pathway_code and c.pathway_code not in known:
                raise ValidationError(f"Unknown pathway {c.pathway_code!r}.", field="conditions")
        contract = uow.session.scalar(select(Contract).where(Contract.case_id == case.id))
        if contract is None:
            contract = Contract(case_id=case.id, status=ContractStatus.DRAFT)
            uow.session.add(contract)
        contract.start_date = start_date
        contract.end_date = add_months(start_date, CONTRACT_MONTHS)
        contract.community_hours_required = community_hours
        contract.updated_by_id = actor.user_id
        contract.conditions.clear()
        uow.session.flush()
        for pos, c in enumerate(conditions, start=1):
            contract.conditions.append(ContractCondition(
                position=pos, kind=c.kind, pathway_code=c.pathway_code or None,
                agency_id=c.agency_id,
                description=_describe(c, community_hours)))
        touch(case, actor)
        audit.record(uow, actor, "contract.draft", "contracts", case_id=case.id,
                     detail=f"{len(conditions)} conditions")
        uow.commit()


def start_contract(
    uow: UnitOfWork, actor: Actor, reference: str, *, signed_on: date,
    expected_version: int | None = None,
) -> None:
    """Signed: the contract is in force and the case moves to 'contract active'."""
    if signed_on > date.today():
        raise ValidationError("The signing date is in the future.", field="signed_on")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        contract = uow.session.scalar(select(Contract).where(Contract.case_id == case.id))
        if contract is None or contract.status is not ContractStatus.DRAFT:
            raise WorkflowError("There is no draft contract to start.")
        if contract.start_date > date.today():
            raise WorkflowError(
                f"This contract starts on {contract.start_date:%d %B %Y}: mark it signed on "
                "or after that day (or change its start date).")
        validate_conditions(
            [ConditionInput(c.kind, c.description, c.pathway_code) for c in contract.conditions],
            contract.community_hours_required)
        contract.status = ContractStatus.ACTIVE
        contract.signed_on = signed_on
        move_within(uow, actor, case, CaseStatus.CONTRACT_ACTIVE, contract.start_date,
                    "contract signed")
        uow.commit()


def _active_contract(uow: UnitOfWork, case_id: int) -> Contract:
    contract = uow.session.scalar(select(Contract).where(Contract.case_id == case_id))
    if contract is None or contract.status is not ContractStatus.ACTIVE:
        raise WorkflowError("The contract is not active.")
    return contract


def check_hours(worked_on: date, hours: str | Decimal, task: str) -> Decimal:
    """One ledger entry's rules (logging and amending share them); returns the amount."""
    try:
        amount = Decimal(str(hours))
    except InvalidOperation:
        raise ValidationError(f"{hours!r} is not a number of hours.", field="hours") from None
    if not amount.is_finite() or not Decimal("0.25") <= amount <= Decimal("12"):
        raise ValidationError("One entry is between a quarter of an hour and 12 hours.",
                              field="hours")
    if not task.strip():
        raise ValidationError("Say what work was done.", field="task")
    if worked_on > date.today():
        raise ValidationError("Hours cannot be logged for a future date.", field="worked_on")
    return amount


def check_hours_in_contract(contract: Contract, worked_on: date) -> None:
    if worked_on < contract.start_date:
        raise ValidationError("That date is before the contract started.", field="worked_on")


def settle_hours_condition(contract: Contract) -> None:
    """The community hours condition follows the ledger: met once the live entries reach the
    hours required, open again if a correction takes them below."""
    if not contract.community_hours_required:
        return
    done = sum((e.hours for e in contract.hours), start=Decimal(0))
    for c in contract.conditions:
        if c.kind is ConditionKind.COMMUNITY_HOURS:
            if done >= contract.community_hours_required:
                c.state = ConditionState.MET
            elif c.state is ConditionState.MET:
                c.state = ConditionState.OPEN


def log_hours(
    uow: UnitOfWork, actor: Actor, reference: str, *, worked_on: date, hours: str | Decimal,
    task: str, expected_version: int | None = None,
) -> None:
    amount = check_hours(worked_on, hours, task)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        contract = _active_contract(uow, case.id)
        if not contract.community_hours_required:
            raise WorkflowError("This contract has no community hours condition.")
        check_hours_in_contract(contract, worked_on)
        contract.hours.append(CommunityHoursEntry(worked_on=worked_on, hours=amount,
                                                  task=task.strip(),
                                                  recorded_by_id=actor.user_id))
        settle_hours_condition(contract)
        touch(case, actor)
        audit.record(uow, actor, "contract.hours", "contracts", contract.id, case_id=case.id,
                     detail=f"{amount} h")
        uow.commit()


def set_condition_state(
    uow: UnitOfWork, actor: Actor, reference: str, position: int, state: ConditionState,
    *, victim_declined: bool = False, expected_version: int | None = None,
) -> None:
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        contract = _active_contract(uow, case.id)
        cond = next((c for c in contract.conditions if c.position == position), None)
        if cond is None:
            raise NotFound(f"The contract has no condition {position}.")
        if victim_declined and cond.kind is not ConditionKind.VICTIM:
            raise ValidationError("Only the victim condition can be declined by the victim.")
        if cond.kind is ConditionKind.NO_REOFFENDING and state is ConditionState.MET \
                and date.today() < contract.end_date:
            raise WorkflowError("'No reoffending' is met only at the end of the four months.")
        cond.state = state
        cond.victim_declined = victim_declined
        touch(case, actor)
        audit.record(uow, actor, "contract.condition", "contract_conditions", cond.id,
                     case_id=case.id, detail=f"{position}: {state.value}")
        uow.commit()
