"""Gateway to Change: the conditions of bail and diversion a woman's case carries.

The usual conditions (attend the women's service appointments, a letter of apology to the
shop) are put on the case when it is accepted; others are added from the partnership's list.
Each is recorded met or not met once, with the date; completing the scheme needs every one met
(``cases._guard_gtc_complete``), and each prints in the case's documents.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.appointments import GatewayCondition
from app.models.cases import Case, CaseStatus, Scheme
from app.models.contracts import ConditionState
from app.models.reference import GatewayConditionKind
from app.services import audit
from app.services.cases import open_for_edit, touch
from app.services.context import Actor
from app.services.dates import check_date

#: Stages at which conditions may be set or recorded: while the case runs.
OPEN_STAGES = frozenset({CaseStatus.REFERRED, CaseStatus.ENGAGED})


def _gateway(case: Case) -> None:
    if case.scheme is not Scheme.GATEWAY:
        raise WorkflowError("Bail and diversion conditions belong to Gateway to Change cases.")
    if case.status not in OPEN_STAGES:
        raise WorkflowError(f"Case {case.reference} is {case.status.label.lower()}: its "
                            "conditions can no longer change.")


def _add(session: Session, case: Case, kind: GatewayConditionKind) -> GatewayCondition:
    position = (session.scalar(select(func.max(GatewayCondition.position)).where(
        GatewayCondition.case_id == case.id)) or 0) + 1
    row = GatewayCondition(case_id=case.id, kind_code=kind.code, position=position,
                           description=kind.text, state=ConditionState.OPEN)
    session.add(row)
    return row


def add_usual_conditions(session: Session, case: Case) -> None:
    """On acceptance: the list's usual conditions, unless the case has conditions already."""
    if session.scalar(select(func.count()).where(GatewayCondition.case_id == case.id)):
        return
    for kind in session.scalars(select(GatewayConditionKind).where(
            GatewayConditionKind.usual.is_(True), GatewayConditionKind.active.is_(True))
            .order_by(GatewayConditionKind.position)):
        _add(session, case, kind)
        session.flush()


def add_condition(uow: UnitOfWork, actor: Actor, reference: str, code: str, *,
                  expected_version: int | None = None) -> int:
    """Put one more condition from the partnership's list on the case; returns its id."""
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _gateway(case)
        kind = uow.session.get(GatewayConditionKind, code)
        if kind is None or not kind.active:
            raise ValidationError(f"{code!r} is not on the partnership's list of conditions.",
                                  field="condition")
        if uow.session.scalar(select(GatewayCondition.id).where(
                GatewayCondition.case_id == case.id, GatewayCondition.kind_code == code,
                GatewayCondition.live())):
            raise WorkflowError(f"The case already has the condition '{kind.text}'.")
        row = _add(uow.session, case, kind)
        uow.session.flush()
        touch(case, actor)
        audit.record(uow, actor, "gateway-condition.add", "gateway_conditions", row.id,
                     case_id=case.id, detail=code)
        uow.commit()
        return row.id


def record_condition(uow: UnitOfWork, actor: Actor, reference: str, condition_id: int, *,
                     met: bool | None, on: date, notes: str | None = None,
                     expected_version: int | None = None) -> None:
    """Met or not met, on a date: once (a second answer is refused, not overwritten)."""
    if met is None:
        raise ValidationError("Say whether the condition was met (yes or no).", field="met")
    check_result_date(on)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _gateway(case)
        row = uow.session.get(GatewayCondition, condition_id)
        if row is None or row.case_id != case.id or row.entered_in_error:
            raise NotFound("That condition is not on this case.")
        if row.state is not ConditionState.OPEN:
            raise WorkflowError(f"'{row.description}' is already recorded as {row.state.value} "
                                f"on {row.decided_on:%d %b %Y}: if that was wrong, open the "
                                "condition and amend it.")
        check_result_on_case(case, on)
        row.state = ConditionState.MET if met else ConditionState.NOT_MET
        row.decided_on = on
        row.recorded_by_id = actor.user_id
        row.notes = (notes or "").strip() or None
        touch(case, actor)
        audit.record(uow, actor, "gateway-condition.record", "gateway_conditions", row.id,
                     case_id=case.id, detail=row.state.value)
        uow.commit()


def check_result_date(on: date) -> None:
    """The day a condition was met or not: a real day, not in the future."""
    if on > date.today():
        raise ValidationError("A condition is recorded once it is met or not; the date is in "
                              "the future.", field="on")
    check_date(on, "date", "on")


def check_result_on_case(case: Case, on: date) -> None:
    if on < case.referral_date:
        raise ValidationError("That date is before the referral.", field="on")


def unmet(session: Session, case: Case) -> list[GatewayCondition]:
    """The case's conditions not (yet) recorded met, in order; empty when all are met (one
    entered in error is not a condition of the case)."""
    return list(session.scalars(select(GatewayCondition).where(
        GatewayCondition.case_id == case.id, GatewayCondition.state != ConditionState.MET,
        GatewayCondition.live()).order_by(GatewayCondition.position)))
