"""Neighbourhood Resolution: the restorative meeting, the outcome agreement, follow-up,
the harmed party's satisfaction survey and calls to agencies before and after.

The rule that matters most: no meeting without the consent of everyone on the case who attends
(whatever their role: a harmer, a harmed party, a supporter), given on or before the meeting day
and not withdrawn since. A face-to-face conference is run by a facilitator and a co-facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.db import UnitOfWork
from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import Case, CaseParty, CaseStatus, ConsentAction, PartyRole, Scheme
from app.models.conferences import (
    ActionKind,
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    AttendeeRole,
    Conference,
    ConferenceParticipant,
    MeetingKind,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.users import Role, User
from app.services import audit, practitioner_rules
from app.services.cases import move_within, open_for_edit, touch
from app.services.context import Actor
from app.services.dates import check_date


@dataclass(frozen=True)
class AttendeeInput:
    role: AttendeeRole
    #: None until asked: a form starts with nobody marked as there or not.
    attended: bool | None
    party_id: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class ActionInput:
    kind: ActionKind
    description: str
    owner_party_id: int
    due_on: date


def _nr_case(case: Case, what: str = "Restorative meetings belong") -> None:
    if case.scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
        raise WorkflowError(f"{what} to Neighbourhood Resolution cases.")


def consent_on(party: CaseParty, on: date) -> bool:
    """Did the party's consent stand on that day (latest record on or before it is 'given')?"""
    standing = [c for c in party.consents if c.on <= on]
    return bool(standing) and standing[-1].action is ConsentAction.GIVEN


def _party(case: Case, party_id: int) -> CaseParty:
    party = next((p for p in case.parties if p.id == party_id), None)
    if party is None:
        raise ValidationError("That person is not a party on this case.", field="party")
    return party


def check_party(case: Case, party_id: int) -> CaseParty:
    """The party is on this case (or a plain refusal naming the problem)."""
    return _party(case, party_id)


def _facilitator(uow: UnitOfWork, user_id: int | None, what: str) -> None:
    if user_id is None:
        return
    user = uow.session.get(User, user_id)
    if user is None or not user.active or user.role not in (Role.FACILITATOR, Role.COORDINATOR):
        raise ValidationError(f"The {what} must be an active facilitator.", field=what)


def check_meeting(kind: MeetingKind, held_on: date, facilitator_id: int | None,
                  cofacilitator_id: int | None, venue: str | None,
                  attendees: list[AttendeeInput]) -> None:
    """A meeting's rules that need no database (recording and amending share them)."""
    if not facilitator_id:
        raise ValidationError("Choose the facilitator who ran it.", field="facilitator")
    if held_on > date.today():
        raise ValidationError("A meeting is recorded after it is held; the date is in the "
                              "future.", field="held_on")
    if facilitator_id == cofacilitator_id:
        raise ValidationError("The facilitator and co-facilitator must be two people.",
                              field="cofacilitator")
    if kind is MeetingKind.FACE_TO_FACE and not cofacilitator_id:
        raise ValidationError("A face-to-face conference is run in pairs: choose the "
                              "co-facilitator.", field="cofacilitator")
    check_date(held_on, "meeting date", "held_on")
    if kind is MeetingKind.FACE_TO_FACE and not (venue or "").strip():
        raise ValidationError("Give the venue of the conference.", field="venue")
    if not attendees:
        raise ValidationError("List who took part.", field="attendees")
    if any(a.attended is None for a in attendees):
        raise ValidationError("Say for each person whether they attended.", field="attendees")
    if not any(a.attended for a in attendees):
        raise ValidationError("Nobody is marked as attending.", field="attendees")


def check_meeting_on_case(uow: UnitOfWork, case: Case, held_on: date, facilitator_id: int,
                          cofacilitator_id: int | None, attendees: list[AttendeeInput]) -> None:
    """The facilitators are active facilitators, attendees are parties, and everyone who must
    consent had consent standing on the day."""
    _facilitator(uow, facilitator_id, "facilitator")
    _facilitator(uow, cofacilitator_id, "cofacilitator")
    missing = consent_missing(case, held_on, attendees)
    if missing:
        raise WorkflowError("No meeting without consent: there is no consent on "
                            f"{held_on:%d %b %Y} from " + ", ".join(missing) + ".")


def consent_missing(case: Case, held_on: date, attendees: list[AttendeeInput]) -> list[str]:
    """The names of those who attended and had to consent but had no consent that day."""
    missing = []
    for a in attendees:
        if a.party_id is None:
            if not (a.name or "").strip():
                raise ValidationError("Name each person who is not a party on the case.",
                                      field="attendees")
            if a.role in (AttendeeRole.HARMER, AttendeeRole.HARMED, AttendeeRole.SUPPORTER):
                raise ValidationError(
                    f"A {a.role.value} attends as a party on the case, with their own "
                    "consent: add them to the case first.", field="attendees")
            continue
        party = _party(case, a.party_id)
        # whatever their role: everyone on the case who attends has consent on record that day
        if a.attended and not consent_on(party, held_on):
            missing.append(party.person.full_name)
    return missing


def attendees_of(meeting: Conference) -> list[AttendeeInput]:
    return [AttendeeInput(p.role, p.attended, p.party_id, p.name) for p in meeting.participants]


def record_meeting(
    uow: UnitOfWork, actor: Actor, reference: str, *, kind: MeetingKind, held_on: date,
    facilitator_id: int, attendees: list[AttendeeInput], venue: str | None = None,
    cofacilitator_id: int | None = None, notes: str | None = None,
    expected_version: int | None = None,
) -> int:
    check_meeting(kind, held_on, facilitator_id, cofacilitator_id, venue, attendees)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _nr_case(case)
        if case.status not in (CaseStatus.CONSENT_OBTAINED, CaseStatus.MEETING_HELD,
                               CaseStatus.AGREEMENT_MONITORING):
            raise WorkflowError(
                f"A meeting can be recorded once consent is obtained; {case.reference} is at "
                f"'{case.status.label}'.")
        check_meeting_on_case(uow, case, held_on, facilitator_id, cofacilitator_id, attendees)
        practitioner_rules.check_meeting(uow, case, facilitator_id, cofacilitator_id, held_on)
        meeting = Conference(
            case_id=case.id, kind=kind, held_on=held_on, venue=(venue or "").strip() or None,
            facilitator_id=facilitator_id, cofacilitator_id=cofacilitator_id,
            notes=(notes or "").strip() or None, updated_by_id=actor.user_id,
            recorded_by_id=actor.user_id)
        for a in attendees:
            meeting.participants.append(ConferenceParticipant(
                party_id=a.party_id, name=(a.name or "").strip() or None, role=a.role,
                attended=bool(a.attended)))
        uow.session.add(meeting)
        uow.session.flush()
        if case.status is CaseStatus.CONSENT_OBTAINED:
            move_within(uow, actor, case, CaseStatus.MEETING_HELD, held_on)
        touch(case, actor)
        audit.record(uow, actor, "meeting.record", "conferences", meeting.id, case_id=case.id,
                     detail=kind.value)
        uow.commit()
        return meeting.id


def check_action(a: ActionInput, agreed_on: date) -> None:
    """One agreement action's rules (recording and amending share them)."""
    if not a.description.strip():
        raise ValidationError("Describe each action.", field="actions")
    if a.due_on < agreed_on:
        raise ValidationError("An action is due before the agreement was made.",
                              field="actions")
    check_date(a.due_on, "action's due date", "actions", future=True)


def record_agreement(
    uow: UnitOfWork, actor: Actor, reference: str, *, agreed_on: date,
    actions: list[ActionInput], conference_id: int | None = None, signed: bool | None = None,
    expected_version: int | None = None,
) -> int:
    if signed is None:
        raise ValidationError("Say whether the parties signed the agreement.", field="signed")
    check_date(agreed_on, "agreement date", "agreed_on")
    if agreed_on > date.today():
        raise ValidationError("The agreement date is in the future.", field="agreed_on")
    if not actions:
        raise ValidationError("An outcome agreement has at least one action.", field="actions")
    for a in actions:
        check_action(a, agreed_on)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _nr_case(case)
        if case.status is not CaseStatus.MEETING_HELD:
            raise WorkflowError("The outcome agreement is recorded after the meeting is held "
                                f"and before monitoring; {case.reference} is at "
                                f"'{case.status.label}'.")
        if conference_id is not None:
            meeting = uow.session.get(Conference, conference_id)
            if meeting is None or meeting.case_id != case.id:
                raise NotFound("That meeting is not on this case.")
        for a in actions:
            _party(case, a.owner_party_id)
        agreement = OutcomeAgreement(case_id=case.id, conference_id=conference_id,
                                     agreed_on=agreed_on, signed=signed,
                                     updated_by_id=actor.user_id)
        for pos, a in enumerate(actions, start=1):
            agreement.actions.append(AgreementAction(
                position=pos, kind=a.kind, description=a.description.strip(),
                owner_party_id=a.owner_party_id, due_on=a.due_on,
                recorded_by_id=actor.user_id))
        uow.session.add(agreement)
        uow.session.flush()
        move_within(uow, actor, case, CaseStatus.AGREEMENT_MONITORING, agreed_on)
        audit.record(uow, actor, "agreement.record", "outcome_agreements", agreement.id,
                     case_id=case.id, detail=f"{len(actions)} actions")
        uow.commit()
        return agreement.id


def mark_action(
    uow: UnitOfWork, actor: Actor, reference: str, action_id: int, *, kept: bool,
    checked_on: date, expected_version: int | None = None,
) -> None:
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        action = uow.session.get(AgreementAction, action_id)
        agreement = uow.session.get(OutcomeAgreement, action.agreement_id) if action else None
        if action is None or agreement is None or agreement.case_id != case.id \
                or action.entered_in_error:
            raise NotFound("That action is not on this case.")
        action.kept = kept
        action.checked_on = checked_on
        touch(case, actor)
        audit.record(uow, actor, "agreement.action", "agreement_actions", action.id,
                     case_id=case.id, detail="kept" if kept else "not kept")
        uow.commit()


def check_followup_date(contacted_on: date) -> None:
    if contacted_on > date.today():
        raise ValidationError("The follow-up date is in the future.", field="contacted_on")
    check_date(contacted_on, "follow-up date", "contacted_on")


def record_followup(
    uow: UnitOfWork, actor: Actor, reference: str, *, contacted_on: date,
    agreement_kept: bool | None, party_id: int | None = None, notes: str | None = None,
    expected_version: int | None = None,
) -> None:
    check_followup_date(contacted_on)
    if agreement_kept is None:  # "agreements kept" is a board figure: only from an answer
        raise ValidationError("Answer whether the agreement was kept (yes or no).",
                              field="agreement_kept")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _nr_case(case)
        if case.status is not CaseStatus.AGREEMENT_MONITORING:
            raise WorkflowError("Follow-up comes after the outcome agreement.")
        agreed_on = uow.session.scalar(select(func.max(OutcomeAgreement.agreed_on)).where(
            OutcomeAgreement.case_id == case.id))
        if agreed_on is not None and contacted_on < agreed_on:
            raise ValidationError(f"The agreement was made on {agreed_on:%d %b %Y}; the follow-up "
                                  "comes after it.", field="contacted_on")
        if party_id is not None:
            _party(case, party_id)
        uow.session.add(AgreementFollowUp(
            case_id=case.id, contacted_on=contacted_on, party_id=party_id,
            agreement_kept=agreement_kept, notes=(notes or "").strip() or None,
            recorded_by_id=actor.user_id))
        touch(case, actor)
        audit.record(uow, actor, "agreement.followup", "agreement_followups", case_id=case.id)
        uow.commit()


def check_survey_scores(felt_heard: int | None, feels_safer: int | None) -> None:
    for name, score in (("felt_heard", felt_heard), ("feels_safer", feels_safer)):
        if score is not None and not 1 <= score <= 5:
            raise ValidationError("Scores run from 1 to 5.", field=name)


def check_survey_party(case: Case, party_id: int) -> None:
    if _party(case, party_id).role is not PartyRole.HARMED:
        raise ValidationError("The satisfaction survey is for the harmed party.", field="party")


def record_survey(
    uow: UnitOfWork, actor: Actor, reference: str, *, party_id: int, answered_on: date,
    satisfied: bool | None, felt_heard: int | None = None, feels_safer: int | None = None,
    would_recommend: bool | None = None, comments: str | None = None,
    expected_version: int | None = None,
) -> None:
    """One harmed party's answers; each harmed party is asked (and counted) on their own."""
    if satisfied is None:  # the board's satisfaction figure counts this answer
        raise ValidationError("Answer whether they are satisfied overall (yes or no).",
                              field="satisfied")
    if answered_on > date.today():
        raise ValidationError("The survey date is in the future.", field="answered_on")
    check_date(answered_on, "survey date", "answered_on")
    check_survey_scores(felt_heard, feels_safer)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _nr_case(case, "The satisfaction survey belongs")
        check_survey_party(case, party_id)
        if uow.session.scalar(select(SatisfactionSurvey.id).where(
                SatisfactionSurvey.case_id == case.id, SatisfactionSurvey.party_id == party_id,
                SatisfactionSurvey.live())):
            raise WorkflowError("This party's survey is already recorded.")
        uow.session.add(SatisfactionSurvey(
            case_id=case.id, party_id=party_id, answered_on=answered_on, satisfied=satisfied,
            felt_heard=felt_heard, feels_safer=feels_safer, would_recommend=would_recommend,
            comments=(comments or "").strip() or None, recorded_by_id=actor.user_id))
        touch(case, actor)
        audit.record(uow, actor, "survey.record", "satisfaction_surveys", case_id=case.id)
        uow.commit()


def check_agency_calls(agency_name: str, period: str, months: int, calls: int) -> None:
    if period not in ("before", "after"):
        raise ValidationError("The period is 'before' or 'after'.", field="period")
    if not 1 <= months <= 24 or calls < 0:
        raise ValidationError("Months run from 1 to 24 and calls cannot be negative.",
                              field="calls")
    if not agency_name.strip():
        raise ValidationError("Name the agency that was called.", field="agency_name")


def record_agency_calls(
    uow: UnitOfWork, actor: Actor, reference: str, *, agency_name: str, period: str,
    months: int, calls: int, expected_version: int | None = None,
) -> None:
    check_agency_calls(agency_name, period, months, calls)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        _nr_case(case)
        uow.session.add(AgencyCallCount(case_id=case.id, agency_name=agency_name.strip(),
                                        period=period, months=months, calls=calls,
                                        recorded_by_id=actor.user_id))
        touch(case, actor)
        audit.record(uow, actor, "agency-calls.record", "agency_call_counts", case_id=case.id)
        uow.commit()
