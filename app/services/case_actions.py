"""What can be done to one case now, by this user: every action and stage move the case screen
could offer, each enabled or with the reason it is not.

The screens hold no rule of their own: they show the actions listed here (an action that does not
apply to the case, such as the referral decision once it is made, is not listed), enable the ones
that are enabled, and explain the others. The reasons come from the same checks the use cases
run, so the button and the refusal always agree. Actions whose result is hard to undo carry the
words of a confirmation that says what will happen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.models.appointments import Appointment, AppointmentStatus, GatewayCondition
from app.models.attachments import Attachment
from app.models.base import utcnow
from app.models.cases import Case, CaseStatus, PartyRole, Scheme
from app.models.conferences import AgreementAction, OutcomeAgreement, SatisfactionSurvey
from app.models.contracts import ConditionKind, ConditionState, Contract, ContractStatus
from app.models.documents import Document
from app.models.followups import ExitFollowUp
from app.services import access, cases
from app.services.access import Action
from app.services.context import Actor
from app.services.workflow import allowed


class CaseAction(StrEnum):
    """Every action the case screen offers; the value names its button."""

    DECIDE = "decide"
    ASSIGN = "assign"
    ADD_PARTY = "add_party"
    CONSENT_GIVEN = "consent_given"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    EDIT_PERSON = "edit_person"
    ASSESS_START = "assess_start"
    ASSESS_REVIEW = "assess_review"
    ASSESS_EXIT = "assess_exit"
    LOG_INTERVENTION = "log_intervention"
    DRAFT_CONTRACT = "draft_contract"
    START_CONTRACT = "start_contract"
    LOG_HOURS = "log_hours"
    CONDITION_MET = "condition_met"
    COMPLETE = "complete"
    BREACH = "breach"
    RECORD_MEETING = "record_meeting"
    RECORD_AGREEMENT = "record_agreement"
    ACTION_KEPT = "action_kept"
    ACTION_NOT_KEPT = "action_not_kept"
    RECORD_FOLLOWUP = "record_followup"
    RECORD_SURVEY = "record_survey"
    RECORD_CALLS = "record_calls"
    BOOK_APPOINTMENT = "book_appointment"
    APPOINTMENT_KEPT = "appointment_kept"
    APPOINTMENT_MISSED = "appointment_missed"
    APPOINTMENT_REARRANGE = "appointment_rearrange"
    RECORD_EXIT_FOLLOWUP = "record_exit_followup"
    RECORD_REOFFENDING = "record_reoffending"
    GENERATE_DOCUMENT = "generate_document"
    REPRINT_DOCUMENT = "reprint_document"
    ADD_ATTACHMENT = "add_attachment"
    OPEN_ATTACHMENT = "open_attachment"
    REMOVE_ATTACHMENT = "remove_attachment"
    PRINT_DOCUMENT = "print_document"
    ADD_NOTE = "add_note"
    RECORD_RISK = "record_risk"
    BOOK_MEETING = "book_meeting"
    ADD_GATEWAY_CONDITION = "add_gateway_condition"
    GATEWAY_CONDITION_MET = "gateway_condition_met"
    GATEWAY_CONDITION_NOT_MET = "gateway_condition_not_met"
    CONSENT_EVIDENCE = "consent_evidence"
    VICTIMS_CODE_OFFER = "victims_code_offer"
    RECORD_OBJECTION = "record_objection"
    PARTY_CATEGORY = "party_category"


@dataclass(frozen=True)
class Offer:
    """One action on offer: enabled, or the reason it is not; and what confirming it means."""

    action: CaseAction
    enabled: bool
    reason: str | None = None
    confirm: str | None = None


@dataclass(frozen=True)
class StageMove:
    """A stage the case may be moved to from the stage menu."""

    to: CaseStatus
    enabled: bool
    reason: str | None = None
    needs_reason: bool = False
    confirm: str | None = None


@dataclass(frozen=True)
class CaseActions:
    reference: str
    offers: tuple[Offer, ...]
    moves: tuple[StageMove, ...]

    def get(self, action: CaseAction) -> Offer | None:
        return next((o for o in self.offers if o.action is action), None)

    def enabled(self, action: CaseAction) -> bool:
        offer = self.get(action)
        return offer is not None and offer.enabled


#: Stage moves whose form must give a reason.
REASON_NEEDED = frozenset({CaseStatus.CLOSED, CaseStatus.BREACHED, CaseStatus.NOT_COMPLETED})

#: What happens when a case is moved to a stage that ends its work; shown before it is done.
MOVE_CONSEQUENCES: dict[CaseStatus, str] = {
    CaseStatus.CLOSED: "The case is closed: no more work, appointments or changes can be "
                       "recorded on it; follow-ups and reoffending checks stay possible. "
                       "It cannot be reopened.",
    CaseStatus.BREACHED: "The contract is ended as breached and the case moves to 'Breached'. "
                         "The breach is reported to the police officer in charge; this cannot "
                         "be undone.",
    CaseStatus.COMPLETED: "The case is marked completed and its outcome is recorded. This cannot "
                          "be undone.",
    CaseStatus.NOT_COMPLETED: "The case ends as not completed. This cannot be undone.",
}
MISSED_CONSEQUENCE = ("The appointment is recorded as missed. A missed bail appointment is a "
                      "breach of bail the officer will hear about.")

#: Actions that record what happened after the case ended, so stay open on a closed case.
_AFTER_EXIT = frozenset({CaseAction.RECORD_EXIT_FOLLOWUP, CaseAction.RECORD_REOFFENDING,
                         # a signed form may be scanned after the case closed; a wrong one
                         # must still be removable
                         CaseAction.ADD_ATTACHMENT, CaseAction.REMOVE_ATTACHMENT,
                         CaseAction.ADD_NOTE,
                         # how a party is categorised stays correctable while the data is held
                         CaseAction.PARTY_CATEGORY})
#: Actions that only read the case (documents are made from what is there).
_READ_ONLY = frozenset({CaseAction.GENERATE_DOCUMENT, CaseAction.REPRINT_DOCUMENT,
                        CaseAction.OPEN_ATTACHMENT, CaseAction.PRINT_DOCUMENT})


def allowed_actions(uow: UnitOfWork, actor: Actor, reference: str) -> CaseActions:
    """The actions and stage moves the case screen offers ``actor`` on case ``reference``."""
    with uow:
        case = cases.load_case(uow, reference)
        access.require_view(uow, actor, case)
        return _for_case(uow.session, actor, case)


def _for_case(s: Session, actor: Actor, case: Case) -> CaseActions:
    editable = access.can_edit(actor, case)
    not_yours = f"Case {case.reference} is not assigned to you."
    closed = f"Case {case.reference} is closed."
    offers: list[Offer] = []

    def offer(action: CaseAction, problem: str | None = None, confirm: str | None = None
              ) -> None:
        if action not in _READ_ONLY:
            if not editable:
                problem = not_yours
            elif case.status is CaseStatus.CLOSED and action not in _AFTER_EXIT:
                problem = closed
        offers.append(Offer(action, problem is None, problem, confirm))

    # the case as a whole
    if actor.coordinates and case.status is CaseStatus.REFERRED:
        offer(CaseAction.DECIDE)
    if access.may(actor, Action.ASSIGN):
        offer(CaseAction.ASSIGN)
    # people and pathways
    for action in (CaseAction.ADD_PARTY, CaseAction.CONSENT_GIVEN,
                   CaseAction.CONSENT_WITHDRAWN, CaseAction.EDIT_PERSON,
                   CaseAction.ASSESS_START, CaseAction.ASSESS_REVIEW, CaseAction.ASSESS_EXIT,
                   CaseAction.LOG_INTERVENTION, CaseAction.BOOK_APPOINTMENT,
                   CaseAction.ADD_NOTE):
        offer(action)
    offer(CaseAction.CONSENT_EVIDENCE)
    offer(CaseAction.PARTY_CATEGORY)
    offer(CaseAction.VICTIMS_CODE_OFFER, None if any(
        p.role is PartyRole.HARMED for p in case.parties) else "There is no harmed party on the "
        "case.")
    if case.scheme is Scheme.CHECKPOINT:
        _contract_offers(s, case, offer)
    if case.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        _restorative_offers(s, case, offer)
    if case.scheme is Scheme.GATEWAY:
        _gateway_offers(s, case, offer)
    # appointments
    scheduled = s.scalar(select(Appointment.id).where(
        Appointment.case_id == case.id, Appointment.status == AppointmentStatus.SCHEDULED,
        Appointment.live()).limit(1))
    happened = s.scalar(select(Appointment.id).where(
        Appointment.case_id == case.id, Appointment.status == AppointmentStatus.SCHEDULED,
        Appointment.live(), Appointment.starts_at <= utcnow()).limit(1))
    none_waiting = "No appointment is waiting for its outcome."
    offer(CaseAction.APPOINTMENT_KEPT, None if happened else none_waiting)
    offer(CaseAction.APPOINTMENT_MISSED, None if happened else none_waiting,
          confirm=MISSED_CONSEQUENCE)
    offer(CaseAction.APPOINTMENT_REARRANGE,
          None if scheduled else "No booked appointment to rearrange.")
    # after the scheme
    if case.scheme is Scheme.GATEWAY:
        due = s.scalar(select(ExitFollowUp.id).where(
            ExitFollowUp.case_id == case.id,
            or_(ExitFollowUp.done_on.is_(None), ~ExitFollowUp.live())).limit(1))
        offer(CaseAction.RECORD_EXIT_FOLLOWUP,
              None if due else "No follow-up is waiting to be recorded: they are due 3, 6 "
                               "and 12 months after the case is completed.")
    offer(CaseAction.RECORD_REOFFENDING,
          None if case.ended_on else "Reoffending is checked after the case has ended.")
    # documents
    offer(CaseAction.GENERATE_DOCUMENT, None if access.may(actor, Action.PRINT)
          else f"Your role ({actor.role.label}) cannot print.")
    filed = s.scalar(select(Document.id).where(Document.case_id == case.id).limit(1))
    offer(CaseAction.REPRINT_DOCUMENT, None if filed else "No document is filed on the case yet.")
    offer(CaseAction.PRINT_DOCUMENT, None if filed else "No document is filed on the case yet.")
    _attachment_offers(s, case, offer)
    return CaseActions(case.reference, tuple(offers), _moves(s, case, editable, not_yours))


def _attachment_offers(s: Session, case: Case, offer: _Offer) -> None:
    if case.anonymised:
        return
    held = s.scalar(select(Attachment.id).where(Attachment.case_id == case.id,
                                               Attachment.removed_at.is_(None)).limit(1))
    offer(CaseAction.ADD_ATTACHMENT)
    offer(CaseAction.OPEN_ATTACHMENT, None if held else "No attachment is on the case.")
    offer(CaseAction.REMOVE_ATTACHMENT, None if held else "No attachment is on the case.")


def _moves(s: Session, case: Case, editable: bool, not_yours: str) -> tuple[StageMove, ...]:
    moves = []
    for to in sorted(allowed(case.scheme, case.status), key=lambda st: st.value):
        if cases.own_action_stage(case, to):
            continue  # offered as its own action (decision, assessment, signing)
        problem = not_yours if not editable else cases.move_problem(s, case, to)
        moves.append(StageMove(to, problem is None, problem, to in REASON_NEEDED,
                               MOVE_CONSEQUENCES.get(to)))
    return tuple(moves)


def _contract_offers(s: Session, case: Case, offer: _Offer) -> None:
    contract = s.scalar(select(Contract).where(Contract.case_id == case.id))
    active = contract is not None and contract.status is ContractStatus.ACTIVE
    at = f"{case.reference} is at '{case.status.label}'"
    offer(CaseAction.DRAFT_CONTRACT, None if case.status is CaseStatus.ELIGIBILITY_DECIDED else
          f"A contract is drawn up after the eligibility decision and before it starts; {at}.")
    start: str | None
    if contract is None or contract.status is not ContractStatus.DRAFT:
        start = "There is no draft contract to start."
    else:
        start = cases.move_problem(s, case, CaseStatus.CONTRACT_ACTIVE)
    offer(CaseAction.START_CONTRACT, start)
    not_active = "The contract is not active."
    hours = contract is not None and any(c.kind is ConditionKind.COMMUNITY_HOURS
                                         for c in contract.conditions)
    offer(CaseAction.LOG_HOURS, not_active if not active else
          None if hours else "This contract has no community hours condition.")
    offer(CaseAction.CONDITION_MET, None if active else not_active)
    offer(CaseAction.COMPLETE, cases.move_problem(s, case, CaseStatus.COMPLETED)
          if active else not_active, MOVE_CONSEQUENCES[CaseStatus.COMPLETED])
    offer(CaseAction.BREACH, cases.move_problem(s, case, CaseStatus.BREACHED)
          if active else not_active, MOVE_CONSEQUENCES[CaseStatus.BREACHED])


def _gateway_offers(s: Session, case: Case, offer: _Offer) -> None:
    """The conditions of bail and diversion: set and recorded while the case runs."""
    from app.services.gateway import OPEN_STAGES

    running = None if case.status in OPEN_STAGES else \
        f"{case.reference} is at '{case.status.label}': its conditions can no longer change."
    waiting = s.scalar(select(GatewayCondition.id).where(
        GatewayCondition.case_id == case.id, GatewayCondition.state == ConditionState.OPEN,
        GatewayCondition.live()).limit(1))
    none_open = "No condition is waiting to be recorded."
    offer(CaseAction.ADD_GATEWAY_CONDITION, running)
    offer(CaseAction.GATEWAY_CONDITION_MET, running or (None if waiting else none_open))
    offer(CaseAction.GATEWAY_CONDITION_NOT_MET, running or (None if waiting else none_open))


def _restorative_offers(s: Session, case: Case, offer: _Offer) -> None:
    at = f"{case.reference} is at '{case.status.label}'"
    offer(CaseAction.RECORD_MEETING, None if case.status in (
        CaseStatus.CONSENT_OBTAINED, CaseStatus.MEETING_HELD, CaseStatus.AGREEMENT_MONITORING)
        else f"A meeting can be recorded once consent is obtained; {at}.")
    offer(CaseAction.RECORD_AGREEMENT, None if case.status is CaseStatus.MEETING_HELD else
          f"The outcome agreement is recorded after the meeting is held and before "
          f"monitoring; {at}.")
    has_actions = s.scalar(select(AgreementAction.id).join(
        OutcomeAgreement, OutcomeAgreement.id == AgreementAction.agreement_id)
        .where(OutcomeAgreement.case_id == case.id, AgreementAction.live()).limit(1))
    no_actions = "There is no outcome agreement with actions yet."
    offer(CaseAction.ACTION_KEPT, None if has_actions else no_actions)
    offer(CaseAction.ACTION_NOT_KEPT, None if has_actions else no_actions)
    offer(CaseAction.RECORD_FOLLOWUP, None if case.status is CaseStatus.AGREEMENT_MONITORING
          else "Follow-up comes after the outcome agreement.")
    harmed = {p.id for p in case.parties if p.role is PartyRole.HARMED}
    answered = set(s.scalars(select(SatisfactionSurvey.party_id).where(
        SatisfactionSurvey.case_id == case.id)))
    offer(CaseAction.RECORD_SURVEY, "There is no harmed party on the case." if not harmed
          else None if harmed - answered else "The harmed party's survey is already recorded.")
    offer(CaseAction.RECORD_CALLS)
    # the standards: how consent was evidenced, a party's objection to a facilitator,
    # two-stage risk assessment, and a meeting booked in a slot
    offer(CaseAction.RECORD_OBJECTION)
    offer(CaseAction.RECORD_RISK)
    offer(CaseAction.BOOK_MEETING, None if case.status in (
        CaseStatus.ASSESSED, CaseStatus.CONSENT_OBTAINED, CaseStatus.MEETING_HELD)
        else f"A meeting is booked once the referral is accepted and before monitoring; {at}.")


class _Offer(Protocol):
    """The shape of the ``offer`` callback the helpers above are given."""

    def __call__(self, action: CaseAction, problem: str | None = None,
                 confirm: str | None = None) -> None: ...
