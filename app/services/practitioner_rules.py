"""The standards' rules on who may work a case or a meeting, called from the assignment and
meeting use cases inside their transactions (so a refusal saves nothing):

- a practitioner on the register whose DBS check has lapsed (or who has none, or is paused or
  has left) is not assigned to a case or a meeting;
- a practitioner who declared they know a party is not assigned to that party's case, and each
  new assignment asks the practitioner to confirm that they know no one on it;
- a facilitator a party objected to is kept off that case;
- a case flagged sensitive or complex (domestic abuse, sexual offences, hate crime, stalking)
  is led by a staff facilitator;
- a case goes to a registered volunteer only after its allocation risk assessment, and a
  meeting needs a current pre-meeting risk assessment.

Users who are not on the register (accounts from before it existed) are checked only for
conflicts, objections and the staff rule; putting them on the register brings the rest.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import WorkflowError
from app.models.cases import Case, CaseParty
from app.models.people import Person
from app.models.practitioners import (
    AssignmentConfirmation,
    ConflictDeclaration,
    FacilitatorObjection,
    Practitioner,
    PractitionerKind,
)
from app.models.safeguards import RiskAssessment, RiskStage
from app.models.users import Role, User
from app.services import standards_settings as limits
from app.services.context import Actor


def _record(uow: UnitOfWork, user_id: int) -> Practitioner | None:
    return uow.session.scalar(select(Practitioner).where(Practitioner.user_id == user_id))


def is_staff(uow: UnitOfWork, user_id: int) -> bool:
    record = _record(uow, user_id)
    if record is not None:
        return record.kind is PractitionerKind.STAFF
    user = uow.session.get(User, user_id)
    return user is not None and user.role is not Role.FACILITATOR


def _party_names(uow: UnitOfWork, case_id: int) -> dict[str, str]:
    """match name -> name as written, of everyone who is a party on the case."""
    from app.services.practitioners import match_name

    rows = uow.session.execute(
        select(Person.first_name, Person.last_name).join(CaseParty, CaseParty.person_id
                                                         == Person.id)
        .where(CaseParty.case_id == case_id))
    return {match_name(f"{first} {last}"): f"{first} {last}" for first, last in rows}


def cases_naming(session: Session, user_id: int, name: str) -> list[str]:
    """Open cases assigned to ``user_id`` that have a party called ``name`` (match form)."""
    from app.services.practitioners import match_name
    from app.services.workflow import ACTIVE_STAGES

    rows = session.execute(
        select(Case.reference, Person.first_name, Person.last_name)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .join(Person, Person.id == CaseParty.person_id)
        .where((Case.worker_id == user_id) | (Case.coworker_id == user_id),
               Case.status.in_(ACTIVE_STAGES)))
    return sorted({ref for ref, first, last in rows if match_name(f"{first} {last}") == name})


def current_risk(uow: UnitOfWork, case_id: int, stage: RiskStage | None = None,
                 ) -> RiskAssessment | None:
    """The latest risk assessment of the case (of one stage, if given)."""
    q = select(RiskAssessment).where(RiskAssessment.case_id == case_id)
    if stage is not None:
        q = q.where(RiskAssessment.stage == stage)
    return uow.session.scalar(q.order_by(RiskAssessment.assessed_on.desc(),
                                         RiskAssessment.id.desc()).limit(1))


def _conflict(uow: UnitOfWork, case: Case, user_id: int) -> str | None:
    record = _record(uow, user_id)
    if record is None:
        return None
    names = _party_names(uow, case.id)
    hit = uow.session.scalar(select(ConflictDeclaration).where(
        ConflictDeclaration.practitioner_id == record.id,
        ConflictDeclaration.match_name.in_(list(names))).limit(1))
    if hit is None:
        return None
    user = uow.session.get(User, user_id)
    assert user is not None
    return (f"{user.full_name} declared that they know {names[hit.match_name]} "
            f"({hit.how}), a party on {case.reference}")


def _objected(uow: UnitOfWork, case: Case, user_id: int) -> str | None:
    if uow.session.scalar(select(FacilitatorObjection.id).where(
            FacilitatorObjection.case_id == case.id,
            FacilitatorObjection.user_id == user_id).limit(1)) is None:
        return None
    user = uow.session.get(User, user_id)
    assert user is not None
    return f"a party on {case.reference} has objected to {user.full_name} as facilitator"


def _worker_problems(uow: UnitOfWork, case: Case, user_id: int, on: date) -> list[str]:
    from app.services.practitioners import check_lapse

    problems = []
    record = _record(uow, user_id)
    if record is not None:
        lapse = check_lapse(uow, record, on)
        if lapse:
            problems.append(lapse)
    for rule in (_conflict, _objected):
        found = rule(uow, case, user_id)
        if found:
            problems.append(found)
    return problems


def _staff_rule(uow: UnitOfWork, case: Case, lead_id: int | None, on: date) -> list[str]:
    if lead_id is None:
        return []
    risk = current_risk(uow, case.id)
    if risk is None or risk.assessed_on > on or risk.sensitive is None or is_staff(uow, lead_id):
        return []
    user = uow.session.get(User, lead_id)
    name = user.full_name if user else "the lead"
    return [f"{case.reference} is flagged {risk.sensitive.value}: it needs a staff "
            f"facilitator to lead it, and {name} is a volunteer"]


def _refuse(what: str, problems: list[str]) -> None:
    if problems:
        raise WorkflowError(f"{what} refused: " + "; ".join(problems) + ".")


def check_assignment(uow: UnitOfWork, actor: Actor, case: Case, worker_id: int | None,
                     coworker_id: int | None, on: date | None = None,
                     previous: tuple[int | None, int | None] | None = None) -> None:
    """Refuse an assignment that breaks a rule, naming every reason; then ask each newly
    assigned person to confirm there is no conflict. ``previous`` is who worked the case
    before (by default its workers now: call before the case changes)."""
    on = on or date.today()
    before = previous if previous is not None else (case.worker_id, case.coworker_id)
    problems: list[str] = []
    new = [u for u in (worker_id, coworker_id) if u is not None and u not in before]
    for user_id in (worker_id, coworker_id):
        if user_id is not None:
            problems += _worker_problems(uow, case, user_id, on)
    problems += _staff_rule(uow, case, worker_id, on)
    if case.id is not None and any(
            (r := _record(uow, u)) is not None and r.kind is PractitionerKind.VOLUNTEER
            for u in new) and current_risk(uow, case.id, RiskStage.ALLOCATION) is None:
        problems.append(f"{case.reference} has no risk assessment before allocation yet, and "
                        "a case goes to a volunteer only after one")
    _refuse("Assignment", problems)
    for user_id in new:
        uow.session.add(AssignmentConfirmation(case_id=case.id, user_id=user_id, asked_on=on))


def check_meeting(uow: UnitOfWork, case: Case, facilitator_id: int,
                  cofacilitator_id: int | None, on: date) -> None:
    """Refuse a meeting that breaks a rule (lapsed check, conflict, objection, no current
    risk assessment, a sensitive case without a staff lead)."""
    problems: list[str] = []
    for user_id in (facilitator_id, cofacilitator_id):
        if user_id is not None:
            problems += _worker_problems(uow, case, user_id, on)
    risk = current_risk(uow, case.id, RiskStage.PREPARATION)
    valid = timedelta(days=limits.value(uow, "risk_assessment_valid_days"))
    if risk is None or risk.assessed_on > on:
        problems.append(f"{case.reference} has no risk assessment in preparation for the "
                        "meeting")
    elif risk.assessed_on < on - valid:
        problems.append(f"the risk assessment of {case.reference} ({risk.assessed_on:%d %b %Y})"
                        f" is more than {valid.days} days old: assess it again")
    problems += _staff_rule(uow, case, facilitator_id, on)
    _refuse("Meeting", problems)
