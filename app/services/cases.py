"""Referrals, eligibility, assignment and every move of a case between stages.

All stage changes go through ``_move``: it checks the scheme's transition table, the guard for the
target stage (consent before a meeting, a valid contract before it starts...), records the change
and the audit row, and bumps the case version, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import ValidationError, WorkflowError
from app.models.appointments import Appointment, AppointmentStatus, GatewayCondition
from app.models.base import utcnow
from app.models.cases import (
    Case,
    CaseParty,
    CaseStatus,
    ConsentAction,
    Eligibility,
    PartyRole,
    ReferenceCounter,
    RiskBand,
    Scheme,
    StatusChange,
)
from app.models.conferences import AgreementFollowUp, Conference, OutcomeAgreement
from app.models.contracts import ConditionKind, ConditionState, Contract, ContractStatus
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp
from app.models.pathways import AssessmentStage, PathwayAssessment
from app.models.people import Gender, Person
from app.models.reference import CheckpointRule, EligibilityCriterion, OffenceCategory, Pathway
from app.models.users import Role, User
from app.services import access, audit, practitioner_rules
from app.services import find as _find  # noqa: F401  (keeps the search index on every flush)
from app.services.access import Action
from app.services.casecore import check_version as check_version
from app.services.casecore import load_case as load_case
from app.services.casecore import open_for_edit as open_for_edit
from app.services.casecore import touch as touch
from app.services.context import Actor
from app.services.dates import check_date
from app.services.people import PersonInput, new_person
from app.services.reference import match_referral_source
from app.services.workflow import ACCEPTED_STAGE, ACTIVE_STAGES, allowed

# load_case, open_for_edit, check_version and touch: the edit skeleton, kept in casecore and
# re-exported here for the services that import them from this module
DIVERSION_OUTCOME_CODE = "22"
#: Parties whose own consent a Neighbourhood Resolution case needs before any meeting: every
#: person responsible and every harmed party (supporters need it only to attend).
NEEDS_CONSENT = frozenset({PartyRole.PARTICIPANT, PartyRole.HARMER, PartyRole.HARMED})
CHECKPOINT_OFFENCE_MAX_AGE = timedelta(days=92)  # "under three months old"
ADULT_AGE = 18


def add_months(d: date, months: int) -> date:
    """Calendar months, clamped to the month's last day (31 Oct + 4 months = 28/29 Feb)."""
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# ---------------------------------------------------------------- loading and guards


def _need(text: str | None, message: str, field_name: str) -> str:
    if text is None or not text.strip():
        raise ValidationError(message, field=field_name)
    return text.strip()


# ---------------------------------------------------------------- referral and eligibility


@dataclass(frozen=True)
class ReferralInput:
    scheme: Scheme
    person: PersonInput | None
    referral_date: date
    referral_source: str
    existing_person_id: int | None = None
    referring_officer: str | None = None
    referring_officer_email: str | None = None
    offence_code: str | None = None
    offence_date: date | None = None
    offence_summary: str | None = None
    crime_reference: str | None = None
    risk_band: RiskBand | None = None
    officer_decision: str | None = None
    risk_override_reason: str | None = None
    eligibility_answers: dict[str, bool] = field(default_factory=dict)
    worker_id: int | None = None
    coworker_id: int | None = None
    first_time_entrant: bool | None = None
    harmed_party: PersonInput | None = None
    restricted: bool = False
    #: Why to go ahead although the rules say no (recorded at intake, used at the decision).
    eligibility_override_reason: str | None = None


@dataclass(frozen=True)
class EligibilityCheck:
    """What the rules say about a referral: the reasons it fails, and whether it may proceed
    with a recorded override reason (an offence taken on terms, a borderline date)."""

    reasons: tuple[str, ...]
    overridable: bool

    @property
    def passes(self) -> bool:
        return not self.reasons


def check_eligibility(
    session: Session,
    scheme: Scheme,
    *,
    offence_code: str | None,
    offence_date: date | None,
    answers: dict[str, Any],
    on: date,
    participant_dob: date | None = None,
    participant_gender: Gender | None = None,
) -> EligibilityCheck:
    """Apply the configured rules for the scheme; nothing here is a hard-coded offence list."""
    reasons: list[str] = []
    overridable = True
    offence = session.get(OffenceCategory, offence_code) if offence_code else None
    if scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
        if participant_dob is None:
            reasons.append(f"No date of birth recorded: {scheme.label} is for adults.")
        elif age_on(participant_dob, on) < ADULT_AGE:
            reasons.append(f"{scheme.label} is for adults (18 and over).")
            overridable = False
    if scheme is Scheme.CHECKPOINT:
        if offence is None:
            reasons.append("No offence recorded.")
        elif offence.checkpoint_rule is CheckpointRule.EXCLUDED:
            reasons.append(offence.rule_reason or f"{offence.name} is excluded.")
        elif offence.checkpoint_rule is CheckpointRule.ON_TERMS:
            reasons.append(offence.rule_reason or f"{offence.name} only on specific terms.")
        if offence_date is None:
            reasons.append("No offence date recorded.")
        elif on - offence_date > CHECKPOINT_OFFENCE_MAX_AGE:
            reasons.append("The offence is more than three months old.")
    if scheme is Scheme.GATEWAY:
        if participant_gender is not None and participant_gender is not Gender.FEMALE:
            reasons.append("Gateway to Change is for women.")
            overridable = False
        if offence is not None and not offence.is_theft:
            reasons.append(f"Gateway to Change takes theft offences, not {offence.name.lower()}.")
    for crit in session.scalars(
        select(EligibilityCriterion)
        .where(EligibilityCriterion.scheme == scheme.value)
        .order_by(EligibilityCriterion.position)
    ):
        answer = answers.get(crit.code)
        if answer is None:
            reasons.append(f"Not answered: {crit.question}.")
        elif bool(answer) == crit.excludes_when:
            reasons.append(crit.reason)
    return EligibilityCheck(tuple(reasons), overridable)


def preview_eligibility(uow: UnitOfWork, data: ReferralInput) -> EligibilityCheck:
    """The intake form shows this as the user fills it in."""
    with uow:
        dob = data.person.date_of_birth if data.person else None
        gender = data.person.gender if data.person else None
        return check_eligibility(
            uow.session, data.scheme, offence_code=data.offence_code,
            offence_date=data.offence_date, answers=data.eligibility_answers,
            on=data.referral_date, participant_dob=dob, participant_gender=gender)


def _next_reference(session: Session, scheme: Scheme, year: int) -> str:
    counter = session.get(ReferenceCounter, (scheme.prefix, year))
    if counter is None:
        counter = ReferenceCounter(prefix=scheme.prefix, year=year, last_number=0)
        session.add(counter)
    counter.last_number += 1
    return f"{scheme.prefix}-{year}-{counter.last_number:04d}"


def _check_worker(session: Session, user_id: int | None, scheme: Scheme, what: str) -> None:
    if user_id is None:
        return
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise ValidationError(f"The {what} chosen is not an active user.", field=what)
    wanted = {v: k for k, v in access.ROLE_SCHEME.items()}[scheme]
    if user.role not in (wanted, Role.COORDINATOR):
        raise ValidationError(
            f"{user.full_name} is a {user.role.value}, not a {wanted.value}: "
            f"choose a {wanted.value} as {what} for {scheme.label}.", field=what)


#: Schemes that divert from prosecution: the board counts their first-time entrants.
ASKS_FIRST_TIME_ENTRANT = frozenset({Scheme.CHECKPOINT, Scheme.GATEWAY})


def _require_answers(session: Session, data: ReferralInput) -> None:
    """Every question the referral asks needs an answer given, not a default: eligibility
    decisions and the board's figures are made from them."""
    unanswered = [c.question for c in session.scalars(
        select(EligibilityCriterion).where(EligibilityCriterion.scheme == data.scheme.value)
        .order_by(EligibilityCriterion.position))
        if not isinstance(data.eligibility_answers.get(c.code), bool)]
    if unanswered:
        raise ValidationError("Answer every eligibility question (yes or no); not answered: "
                              + "; ".join(unanswered) + ".", field="eligibility")
    if data.scheme in ASKS_FIRST_TIME_ENTRANT and data.first_time_entrant is None:
        raise ValidationError("Say whether this is a first-time entrant to the justice system "
                              "(yes or no).", field="first_time_entrant")


def create_referral(uow: UnitOfWork, actor: Actor, data: ReferralInput) -> str:
    """Take a referral: a new case at stage 'referred'. Returns its reference."""
    access.require(actor, Action.REFER, data.scheme)
    _need(data.referral_source, "Say where the referral came from.", "referral_source")
    today = date.today()
    if data.referral_date > today:
        raise ValidationError("The referral date cannot be in the future.", field="referral_date")
    check_date(data.referral_date, "referral date", "referral_date")
    if data.offence_date is not None:
        check_date(data.offence_date, "offence date", "offence_date")
    if data.offence_date and data.offence_date > data.referral_date:
        raise ValidationError("The offence date is after the referral date.", field="offence_date")
    if data.scheme is Scheme.CHECKPOINT and not data.offence_code:
        raise ValidationError("Choose the offence for a Checkpoint referral.", field="offence_code")
    if data.risk_override_reason and data.risk_band is None:
        raise ValidationError("An override needs the advisory risk band it overrides.",
                              field="risk_band")
    with uow:
        uow.begin_write()
        s = uow.session
        source = match_referral_source(s, data.referral_source)
        _require_answers(s, data)
        offence = None
        if data.offence_code:
            offence = s.get(OffenceCategory, data.offence_code)
            if offence is None:
                raise ValidationError(f"Unknown offence category {data.offence_code!r}.",
                                      field="offence_code")
        if data.existing_person_id is not None:
            person = s.get(Person, data.existing_person_id)
            if person is None:
                raise ValidationError("The person chosen no longer exists.", field="person")
        elif data.person is not None:
            person = new_person(data.person)
            s.add(person)
        else:
            raise ValidationError("Enter the person referred.", field="person")
        if data.scheme is Scheme.GATEWAY and person.gender is not Gender.FEMALE:
            raise ValidationError("Gateway to Change is for women: check the gender recorded.",
                                  field="gender")
        _check_worker(s, data.worker_id, data.scheme, "worker")
        _check_worker(s, data.coworker_id, data.scheme, "co-worker")
        s.flush()
        case = Case(
            reference=_next_reference(s, data.scheme, data.referral_date.year),
            scheme=data.scheme,
            status=CaseStatus.REFERRED,
            participant_id=person.id,
            participant_search=person.search_name,
            referral_date=data.referral_date,
            referral_source=source,
            referring_officer=(data.referring_officer or "").strip() or None,
            referring_officer_email=(data.referring_officer_email or "").strip() or None,
            offence_code=data.offence_code,
            offence_date=data.offence_date,
            offence_summary=(data.offence_summary or "").strip() or None,
            crime_reference=(data.crime_reference or "").strip().upper() or None,
            risk_band=data.risk_band,
            officer_decision=(data.officer_decision or "").strip() or None,
            risk_override_reason=(data.risk_override_reason or "").strip() or None,
            eligibility_answers=dict(data.eligibility_answers),
            eligibility_override_reason=(data.eligibility_override_reason or "").strip() or None,
            worker_id=data.worker_id,
            coworker_id=data.coworker_id,
            restricted=data.restricted or bool(offence and offence.restricted),
            first_time_entrant=data.first_time_entrant,
            updated_by_id=actor.user_id,
        )
        s.add(case)
        s.flush()
        s.add(CaseParty(case_id=case.id, person_id=person.id, role=PartyRole.PARTICIPANT))
        if data.harmed_party is not None:
            try:
                harmed = new_person(data.harmed_party)
            except ValidationError as exc:  # say whose detail it is, and point at their field
                raise ValidationError(f"Harmed party: {exc.message}",
                                      field=f"harmed_{exc.field}") from None
            s.add(harmed)
            s.flush()
            s.add(CaseParty(case_id=case.id, person_id=harmed.id, role=PartyRole.HARMED))
        s.add(StatusChange(case_id=case.id, from_status=None, to_status=CaseStatus.REFERRED,
                           on=data.referral_date, by_id=actor.user_id))
        if data.worker_id or data.coworker_id:
            s.flush()
            practitioner_rules.check_assignment(uow, actor, case, data.worker_id,
                                                data.coworker_id, previous=(None, None))
        audit.record(uow, actor, "case.create", "cases", case.id, case_id=case.id,
                     person_id=person.id, detail=f"referral {data.scheme.value}")
        uow.commit()
        return case.reference


def decide_eligibility(
    uow: UnitOfWork,
    actor: Actor,
    reference: str,
    *,
    eligible: bool,
    on: date | None = None,
    notes: str | None = None,
    override_reason: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Record the referral decision (Checkpoint eligibility, Neighbourhood Resolution suitability
    and risk, Gateway to Change acceptance). 'Yes' against the rules needs an override reason;
    'no' closes the case with the reasons."""
    access.require(actor, Action.DECIDE_ELIGIBILITY)
    on = check_date(on or date.today(), "decision date", "on")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.status is not CaseStatus.REFERRED:
            raise WorkflowError(
                f"The referral decision for {case.reference} was made already "
                f"(it is at stage '{case.status.label}').")
        person = case.participant
        check = check_eligibility(
            uow.session, case.scheme, offence_code=case.offence_code,
            offence_date=case.offence_date, answers=case.eligibility_answers or {},
            on=case.referral_date, participant_dob=person.date_of_birth,
            participant_gender=person.gender)
        override = (override_reason or "").strip() or case.eligibility_override_reason
        if eligible and not check.passes:
            if not check.overridable:
                raise WorkflowError("This referral cannot be accepted: " + " ".join(check.reasons))
            if override is None:
                raise ValidationError(
                    "The rules say no (" + " ".join(check.reasons) + ") - give an override "
                    "reason to accept it.", field="override_reason")
        case.eligibility = Eligibility.ELIGIBLE if eligible else Eligibility.NOT_ELIGIBLE
        case.eligibility_decided_on = on
        case.eligibility_reasons = "; ".join(check.reasons) or None
        if notes:
            case.eligibility_reasons = "; ".join(filter(None, [case.eligibility_reasons,
                                                               notes.strip()]))
        case.eligibility_override_reason = override if eligible else None
        if eligible:
            _move(uow, actor, case, ACCEPTED_STAGE[case.scheme], on=on,
                  reason=override or notes)
        else:
            reason = "Not eligible: " + ("; ".join(check.reasons) or (notes or "").strip() or
                                         "decision of the coordinator")
            _move(uow, actor, case, CaseStatus.CLOSED, on=on, reason=reason)
        uow.commit()


def assign(
    uow: UnitOfWork,
    actor: Actor,
    reference: str,
    *,
    worker_id: int | None,
    coworker_id: int | None = None,
    expected_version: int | None = None,
) -> None:
    access.require(actor, Action.ASSIGN)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if worker_id is not None and worker_id == coworker_id:
            raise ValidationError("The worker and co-worker must be two different people.",
                                  field="co-worker")
        _check_worker(uow.session, worker_id, case.scheme, "worker")
        _check_worker(uow.session, coworker_id, case.scheme, "co-worker")
        practitioner_rules.check_assignment(uow, actor, case, worker_id, coworker_id)
        case.worker_id, case.coworker_id = worker_id, coworker_id
        touch(case, actor)
        audit.record(uow, actor, "case.assign", "cases", case.id, case_id=case.id)
        uow.commit()


# ---------------------------------------------------------------- stage moves


def change_status(
    uow: UnitOfWork,
    actor: Actor,
    reference: str,
    to: CaseStatus,
    *,
    on: date | None = None,
    reason: str | None = None,
    outcome_code: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Move a case to another stage, if its scheme allows that move and the guard passes."""
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        problem = own_action_stage(case, to)
        if problem:
            raise WorkflowError(problem)
        if outcome_code:
            case.outcome_code = outcome_code
        _move(uow, actor, case, to, on=on or date.today(), reason=reason)
        uow.commit()


def own_action_stage(case: Case, to: CaseStatus) -> str | None:
    """Stages reached through their own use case, never a plain stage move: what to do instead."""
    if to in (CaseStatus.ELIGIBILITY_DECIDED, CaseStatus.ASSESSED) or (
        to is CaseStatus.ENGAGED and case.status is CaseStatus.REFERRED
    ):
        return "Record the referral decision to accept a referral."
    if to is CaseStatus.CONTRACT_ACTIVE:
        return "Start the contract from the contract tab to make it active."
    return None


def move_problem(session: Session, case: Case, to: CaseStatus) -> str | None:
    """Why the case cannot move to ``to`` now (None: it can), from the same rules a move runs.

    Only the looking part of each guard runs (nothing is changed); a reason the user still has
    to type is not a problem here, the form asks for it.
    """
    if to not in allowed(case.scheme, case.status):
        return f"A {case.scheme.label} case cannot go from '{case.status.label}' to '{to.label}'."
    check = _CHECKS.get((case.scheme, to))
    try:
        if check is not None:
            check(session, case)
    except WorkflowError as exc:
        return exc.message
    return None


def _move(
    uow: UnitOfWork, actor: Actor, case: Case, to: CaseStatus, *, on: date,
    reason: str | None
) -> None:
    if to not in allowed(case.scheme, case.status):
        nexts = ", ".join(sorted(s.label.lower() for s in allowed(case.scheme, case.status)))
        raise WorkflowError(
            f"A {case.scheme.label} case cannot go from '{case.status.label}' to "
            f"'{to.label}'." + (f" From here it can go to: {nexts}." if nexts else
                                " It is closed."))
    if on > date.today():
        raise ValidationError("A stage change cannot be dated in the future.", field="on")
    check_date(on, "date", "on")
    if on < case.referral_date:
        raise ValidationError("That date is before the referral.", field="on")
    _GUARDS.get((case.scheme, to), _no_guard)(uow.session, case, on, reason)
    if to is CaseStatus.CLOSED:
        case.closure_reason = _need(reason, "Give a reason for closing the case.", "reason")
        case.closed_on = on
    if to in (ACCEPTED_STAGE[case.scheme],) and case.started_on is None:
        case.started_on = on
    if to in (CaseStatus.COMPLETED, CaseStatus.BREACHED, CaseStatus.NOT_COMPLETED):
        case.ended_on = on
    if to not in ACTIVE_STAGES:
        _cancel_booked(uow, actor, case, to, on, reason)
    previous = case.status
    case.status = to
    touch(case, actor)
    uow.session.add(StatusChange(case_id=case.id, from_status=previous, to_status=to, on=on,
                                 by_id=actor.user_id, reason=(reason or "").strip() or None))
    audit.record(uow, actor, "case.status", "cases", case.id, case_id=case.id,
                 detail=f"{previous.value} -> {to.value}")


def _cancel_booked(uow: UnitOfWork, actor: Actor, case: Case, to: CaseStatus, on: date,
                   reason: str | None) -> None:
    """When a case ends or closes, appointments still booked from now on are cancelled, with
    the reason on each (a bail appointment must never wait for a woman whose case is over).
    Past ones keep waiting for their outcome: kept or missed is part of the record."""
    why = f"Cancelled: the case was {to.label.lower()} on {on:%d %b %Y}" + (
        f" ({reason.strip()})" if reason and reason.strip() else "") + "."
    now = utcnow()
    for appt in uow.session.scalars(select(Appointment).where(
            Appointment.case_id == case.id, Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= now)):
        appt.status = AppointmentStatus.CANCELLED
        appt.outcome_recorded_at = now
        appt.outcome_by_id = actor.user_id
        appt.outcome_notes = why[:2000]
        appt.updated_by_id = actor.user_id
        audit.record(uow, actor, "appointment.cancelled", "appointments", appt.id,
                     case_id=case.id, detail=f"case {to.value}")


def _no_guard(session: Session, case: Case, on: date, reason: str | None) -> None:
    return None


def current_consent(session: Session, case: Case) -> dict[int, bool]:
    """Party id -> has consent now (latest record is 'given')."""
    result: dict[int, bool] = {}
    for party in case.parties:
        latest = party.consents[-1] if party.consents else None
        result[party.id] = latest is not None and latest.action is ConsentAction.GIVEN
    return result


def _guard_consent(session: Session, case: Case, on: date, reason: str | None) -> None:
    consent = current_consent(session, case)
    missing = [p.person.full_name for p in case.parties
               if p.role in NEEDS_CONSENT and not consent[p.id]]
    if not any(p.role is PartyRole.HARMED for p in case.parties):
        raise WorkflowError("Add the harmed party to the case before recording consent.")
    if missing:
        raise WorkflowError("Consent is still needed from: " + ", ".join(missing) + ".")


def _guard_meeting(session: Session, case: Case, on: date, reason: str | None) -> None:
    if not session.scalar(select(func.count()).where(Conference.case_id == case.id,
                                                     Conference.live())):
        raise WorkflowError("Record the restorative meeting first.")


def _guard_agreement(session: Session, case: Case, on: date, reason: str | None) -> None:
    agreement = session.scalar(select(OutcomeAgreement).where(OutcomeAgreement.case_id == case.id))
    if agreement is None or not agreement.actions:
        raise WorkflowError("Record the outcome agreement, with at least one action, first.")


def _guard_nr_close(session: Session, case: Case, on: date, reason: str | None) -> None:
    if case.status is CaseStatus.AGREEMENT_MONITORING and not session.scalar(
        select(func.count()).where(AgreementFollowUp.case_id == case.id,
                                   AgreementFollowUp.live())
    ):
        raise WorkflowError("Record the follow-up contact (was the agreement kept?) before "
                            "closing the case.")


def _contract(session: Session, case: Case) -> Contract:
    contract = session.scalar(select(Contract).where(Contract.case_id == case.id))
    if contract is None:
        raise WorkflowError(f"Case {case.reference} has no contract.")
    return contract


def _check_cp_complete(session: Session, case: Case, on: date | None = None) -> None:
    contract = _contract(session, case)
    if (on or date.today()) < contract.end_date:
        raise WorkflowError(
            f"The contract runs until {contract.end_date:%d %b %Y}: a Checkpoint case is "
            "completed on or after its contract's end date, not before.")
    open_conditions = [c for c in contract.conditions
                       if c.state is not ConditionState.MET and not c.victim_declined]
    if open_conditions:
        raise WorkflowError(
            "These conditions are not yet met: "
            + "; ".join(f"{c.position}. {c.kind.value}" for c in open_conditions) + ".")
    if contract.community_hours_required:
        done = sum((e.hours for e in contract.hours), start=0)
        if done < contract.community_hours_required:
            raise WorkflowError(
                f"Only {float(done):g} of {contract.community_hours_required} community hours are "
                "logged.")


def _guard_cp_complete(session: Session, case: Case, on: date, reason: str | None) -> None:
    _check_cp_complete(session, case, on)
    contract = _contract(session, case)
    contract.status = ContractStatus.COMPLETED
    contract.ended_on = on
    case.outcome_code = DIVERSION_OUTCOME_CODE


def _guard_cp_breach(session: Session, case: Case, on: date, reason: str | None) -> None:
    why = _need(reason, "Say how the contract was breached.", "reason")
    contract = _contract(session, case)
    contract.status = ContractStatus.BREACHED
    contract.ended_on = on
    contract.breach_reason = why
    for c in contract.conditions:
        if c.kind is ConditionKind.NO_REOFFENDING and "reoffend" in why.lower():
            c.state = ConditionState.NOT_MET


def _check_gtc_engaged(session: Session, case: Case) -> None:
    if case.worker_id is None:
        raise WorkflowError("Assign a mentor before she starts on the scheme.")


def _guard_gtc_engaged(session: Session, case: Case, on: date, reason: str | None) -> None:
    _check_gtc_engaged(session, case)
    from app.services.gateway import add_usual_conditions  # gateway builds on this module

    add_usual_conditions(session, case)


def _check_gtc_complete(session: Session, case: Case) -> None:
    pending = session.scalar(
        select(func.count()).where(
            Appointment.case_id == case.id,
            Appointment.bail_condition.is_(True),
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at < utcnow(),
            Appointment.live(),
        )
    )
    if pending:
        raise WorkflowError(f"{pending} past bail appointment(s) have no outcome recorded.")
    from app.services.gateway import unmet

    if not session.scalar(select(func.count()).where(GatewayCondition.case_id == case.id)):
        raise WorkflowError("Record her conditions of bail and diversion first.")
    not_met = unmet(session, case)
    if not_met:
        raise WorkflowError("These conditions are not yet met: " + "; ".join(
            f"{c.position}. {c.description} ({c.state.value})" for c in not_met) + ".")


def _guard_gtc_complete(session: Session, case: Case, on: date, reason: str | None) -> None:
    _check_gtc_complete(session, case)
    case.outcome_code = DIVERSION_OUTCOME_CODE
    for months in EXIT_FOLLOWUP_MONTHS:
        session.add(ExitFollowUp(case_id=case.id, months=months, due_on=add_months(on, months)))


def _guard_reason(session: Session, case: Case, on: date, reason: str | None) -> None:
    _need(reason, "Give the reason.", "reason")


def guard_contract_start(session: Session, case: Case, on: date, reason: str | None) -> None:
    """A contract starts only after a start needs assessment across all the pathways."""
    pathway_count = session.scalar(select(func.count()).select_from(Pathway)) or 0
    assessed = session.scalar(
        select(func.count()).where(
            PathwayAssessment.case_id == case.id,
            PathwayAssessment.stage == AssessmentStage.START,
            PathwayAssessment.live(),
        )
    ) or 0
    if assessed < pathway_count:
        raise WorkflowError(
            f"Complete the start needs assessment first ({assessed} of {pathway_count} "
            "pathways assessed).")


_GUARDS = {
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.CONSENT_OBTAINED): _guard_consent,
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.MEETING_HELD): _guard_meeting,
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.AGREEMENT_MONITORING): _guard_agreement,
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.CLOSED): _guard_nr_close,
    (Scheme.CHECKPOINT, CaseStatus.CONTRACT_ACTIVE): guard_contract_start,
    (Scheme.CHECKPOINT, CaseStatus.COMPLETED): _guard_cp_complete,
    (Scheme.CHECKPOINT, CaseStatus.BREACHED): _guard_cp_breach,
    (Scheme.GATEWAY, CaseStatus.ENGAGED): _guard_gtc_engaged,
    (Scheme.GATEWAY, CaseStatus.COMPLETED): _guard_gtc_complete,
    (Scheme.GATEWAY, CaseStatus.NOT_COMPLETED): _guard_reason,
}


def _has_contract(session: Session, case: Case) -> None:
    _contract(session, case)


def _looks(guard: Callable[[Session, Case, date, str | None], None]
           ) -> Callable[[Session, Case], None]:
    """A guard that only looks, as a check (it needs no date or reason)."""
    return lambda session, case: guard(session, case, date.today(), None)


#: The looking part of each guard in ``_GUARDS`` (the breach needs only its contract).
_CHECKS: dict[tuple[Scheme, CaseStatus], Callable[[Session, Case], None]] = {
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.CONSENT_OBTAINED): _looks(_guard_consent),
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.MEETING_HELD): _looks(_guard_meeting),
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.AGREEMENT_MONITORING): _looks(_guard_agreement),
    (Scheme.NEIGHBOURHOOD_RESOLUTION, CaseStatus.CLOSED): _looks(_guard_nr_close),
    (Scheme.CHECKPOINT, CaseStatus.CONTRACT_ACTIVE): _looks(guard_contract_start),
    (Scheme.CHECKPOINT, CaseStatus.COMPLETED): _check_cp_complete,
    (Scheme.CHECKPOINT, CaseStatus.BREACHED): _has_contract,
    (Scheme.GATEWAY, CaseStatus.ENGAGED): _check_gtc_engaged,
    (Scheme.GATEWAY, CaseStatus.COMPLETED): _check_gtc_complete,
}


def move_within(uow: UnitOfWork, actor: Actor, case: Case, to: CaseStatus, on: date,
                reason: str | None = None) -> None:
    """For other services that change a case's stage as part of their own save."""
    _move(uow, actor, case, to, on=on, reason=reason)
