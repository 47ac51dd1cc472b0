"""Neighbourhood Resolution: consent before any meeting, the agreement, follow-up before closure,
and the whole journey."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import NotFound, ValidationError, WorkflowError
from app.models.cases import CaseStatus, ConsentAction, PartyRole, Scheme
from app.models.conferences import ActionKind, AttendeeRole, MeetingKind
from app.services import casefile, cases, meetings, people
from app.services.meetings import ActionInput, AttendeeInput
from tests.factories import make_case, person
from tests.services.journeys import (
    both_attend,
    count,
    days_ago,
    hold_meeting,
    nr_assessed,
    nr_consented,
    nr_parties,
    prepare_meeting,
    refused,
)


@pytest.fixture
def assessed(db, coord, fac, fac2) -> str:
    return nr_assessed(db, coord, fac, fac2)


@pytest.fixture
def consented(db, coord, fac, fac2) -> str:
    return nr_consented(db, coord, fac, fac2)


# ---------------------------------------------------------------- consent


def test_consent_of_both_moves_the_case_on(db, fac, assessed):
    participant, harmed = nr_parties(db, fac, assessed)
    people.record_consent(db.uow(), fac, assessed, participant, ConsentAction.GIVEN,
                          days_ago(30))
    assert casefile.get_case(db.uow(), fac, assessed).status is CaseStatus.ASSESSED
    people.record_consent(db.uow(), fac, assessed, harmed, ConsentAction.GIVEN, days_ago(29))
    detail = casefile.get_case(db.uow(), fac, assessed)
    assert detail.status is CaseStatus.CONSENT_OBTAINED
    assert all(p.has_consent for p in detail.parties)
    assert detail.stages[-1].on == days_ago(29)


def test_consent_obtained_cannot_be_set_by_hand_without_consent(db, fac, assessed):
    participant, _ = nr_parties(db, fac, assessed)
    people.record_consent(db.uow(), fac, assessed, participant, ConsentAction.GIVEN,
                          days_ago(30))
    refused(db, fac, assessed,
            lambda: cases.change_status(db.uow(), fac, assessed, CaseStatus.CONSENT_OBTAINED),
            WorkflowError, "Consent is still needed from: Harriet Wells")


def test_consent_record_rules(db, fac, assessed):
    _, harmed = nr_parties(db, fac, assessed)
    refused(db, fac, assessed,
            lambda: people.record_consent(db.uow(), fac, assessed, harmed,
                                          ConsentAction.WITHDRAWN, days_ago(5)),
            WorkflowError, "no consent to withdraw")
    refused(db, fac, assessed,
            lambda: people.record_consent(db.uow(), fac, assessed, harmed, ConsentAction.GIVEN,
                                          date.today() + timedelta(days=1)),
            ValidationError, "cannot be dated in the future")
    people.record_consent(db.uow(), fac, assessed, harmed, ConsentAction.GIVEN, days_ago(5))
    refused(db, fac, assessed,
            lambda: people.record_consent(db.uow(), fac, assessed, harmed, ConsentAction.GIVEN,
                                          days_ago(4)),
            WorkflowError, "Consent is already given for Harriet Wells")
    refused(db, fac, assessed,
            lambda: people.record_consent(db.uow(), fac, assessed, harmed,
                                          ConsentAction.WITHDRAWN, days_ago(6)),
            ValidationError, "before the last consent record")


# ---------------------------------------------------------------- no meeting without consent


def test_meeting_with_consent_of_both_is_recorded(db, fac, fac2, consented):
    meeting_id = hold_meeting(db, fac, fac2, consented)
    detail = casefile.get_case(db.uow(), fac, consented)
    assert detail.status is CaseStatus.MEETING_HELD
    assert [m.id for m in detail.meetings] == [meeting_id]
    assert {a.role for a in detail.meetings[0].attendees} == {"harmer", "harmed"}
    assert detail.meetings[0].cofacilitator == "Declan Cofacilitator"


@pytest.mark.parametrize("who", ["participant", "harmed"])
def test_meeting_refused_when_consent_was_withdrawn_before_it(db, fac, fac2, consented, who):
    participant, harmed = nr_parties(db, fac, consented)
    party = participant if who == "participant" else harmed
    people.record_consent(db.uow(), fac, consented, party, ConsentAction.WITHDRAWN,
                          days_ago(25))
    name = "Jordan Avery" if who == "participant" else "Harriet Wells"
    refused(db, fac, consented, lambda: hold_meeting(db, fac, fac2, consented, 20),
            WorkflowError, f"No meeting without consent: .* from {name}\\.")
    assert count(db, "conferences") == 0


def test_meeting_refused_when_consent_is_dated_after_it(db, fac, fac2, assessed):
    for party in nr_parties(db, fac, assessed):
        people.record_consent(db.uow(), fac, assessed, party, ConsentAction.GIVEN, days_ago(10))
    held = days_ago(12)
    refused(db, fac, assessed, lambda: hold_meeting(db, fac, fac2, assessed, 12),
            WorkflowError,
            f"there is no consent on {held:%d %b %Y} from Jordan Avery, Harriet Wells")


def test_meeting_is_recorded_when_consent_was_withdrawn_only_after_it(db, fac, fac2, consented):
    _, harmed = nr_parties(db, fac, consented)
    people.record_consent(db.uow(), fac, consented, harmed, ConsentAction.WITHDRAWN, days_ago(2))
    hold_meeting(db, fac, fac2, consented, 20)
    assert casefile.get_case(db.uow(), fac, consented).status is CaseStatus.MEETING_HELD


def test_a_pcso_attends_by_name_but_a_supporter_needs_consent(db, fac, fac2, consented):
    supporter = people.add_party(db.uow(), fac, consented, PartyRole.SUPPORTER,
                                 person("Sam", "Neighbour"))
    attendees = [*both_attend(db, fac, consented),
                 AttendeeInput(AttendeeRole.PCSO, True, name="PCSO Example"),
                 AttendeeInput(AttendeeRole.SUPPORTER, True, supporter)]
    refused(db, fac, consented, lambda: hold_meeting(db, fac, fac2, consented,
                                                     attendees=attendees),
            WorkflowError, "no consent on .* from Sam Neighbour")
    refused(db, fac, consented, lambda: hold_meeting(
        db, fac, fac2, consented, attendees=[*attendees[:3], AttendeeInput(
            AttendeeRole.SUPPORTER, True, name="A neighbour")]),
        ValidationError, "A supporter attends as a party on the case")
    people.record_consent(db.uow(), fac, consented, supporter, ConsentAction.GIVEN,
                          days_ago(25))
    hold_meeting(db, fac, fac2, consented, attendees=attendees)
    detail = casefile.get_case(db.uow(), fac, consented)
    assert len(detail.meetings[0].attendees) == 4


def test_meeting_needs_consent_obtained_first(db, fac, fac2, assessed):
    refused(db, fac, assessed, lambda: hold_meeting(db, fac, fac2, assessed),
            WorkflowError, "once consent is obtained")


def test_meeting_input_rules(db, fac, fac2, consented):
    attendees = both_attend(db, fac, consented)

    def meeting(**kw):
        args = dict(kind=MeetingKind.FACE_TO_FACE, held_on=days_ago(3),
                    facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id,
                    venue="Hall", attendees=attendees)
        args.update(kw)
        return lambda: meetings.record_meeting(db.uow(), fac, consented, **args)

    refused(db, fac, consented, meeting(venue=None), ValidationError, "venue")
    refused(db, fac, consented, meeting(cofacilitator_id=fac.user_id), ValidationError,
            "two people")
    refused(db, fac, consented, meeting(held_on=date.today() + timedelta(days=1)),
            ValidationError, "date is in the future")
    refused(db, fac, consented, meeting(attendees=[]), ValidationError, "who took part")
    refused(db, fac, consented,
            meeting(attendees=[AttendeeInput(AttendeeRole.HARMED, True, name="Someone")]),
            ValidationError, "attends as a party on the case")


# ---------------------------------------------------------------- agreement, follow-up, close


def agree(db, fac, ref, meeting_id=None):
    participant, _ = nr_parties(db, fac, ref)
    return meetings.record_agreement(
        db.uow(), fac, ref, agreed_on=days_ago(20), conference_id=meeting_id, signed=True,
        actions=[ActionInput(ActionKind.APOLOGY, "Write a letter of apology", participant,
                             days_ago(10)),
                 ActionInput(ActionKind.REPAIR, "Repair the fence", participant, days_ago(5))])


def test_agreement_rules(db, fac, fac2, consented):
    participant, _ = nr_parties(db, fac, consented)
    refused(db, fac, consented, lambda: agree(db, fac, consented), WorkflowError,
            "after the meeting is held")
    hold_meeting(db, fac, fac2, consented)
    refused(db, fac, consented,
            lambda: meetings.record_agreement(db.uow(), fac, consented, agreed_on=days_ago(20),
                                              actions=[], signed=True),
            ValidationError, "at least one action")
    refused(db, fac, consented,
            lambda: meetings.record_agreement(
                db.uow(), fac, consented, agreed_on=days_ago(20), signed=True,
                actions=[ActionInput(ActionKind.APOLOGY, "Letter", participant,
                                     days_ago(21))]),
            ValidationError, "due before the agreement")
    refused(db, fac, consented,
            lambda: cases.change_status(db.uow(), fac, consented,
                                        CaseStatus.AGREEMENT_MONITORING),
            WorkflowError, "Record the outcome agreement")


def test_nr_close_refused_before_a_follow_up(db, fac, fac2, consented):
    agree(db, fac, consented, hold_meeting(db, fac, fac2, consented))
    assert casefile.get_case(db.uow(), fac, consented).status is \
        CaseStatus.AGREEMENT_MONITORING
    refused(db, fac, consented,
            lambda: cases.change_status(db.uow(), fac, consented, CaseStatus.CLOSED,
                                        reason="Agreement kept"),
            WorkflowError, "Record the follow-up contact")
    meetings.record_followup(db.uow(), fac, consented, contacted_on=days_ago(1),
                             agreement_kept=True)
    cases.change_status(db.uow(), fac, consented, CaseStatus.CLOSED, reason="Agreement kept")
    assert casefile.get_case(db.uow(), fac, consented).status is CaseStatus.CLOSED


def test_survey_is_for_the_harmed_party_once(db, fac, fac2, consented):
    participant, harmed = nr_parties(db, fac, consented)
    refused(db, fac, consented,
            lambda: meetings.record_survey(db.uow(), fac, consented, party_id=participant,
                                           answered_on=days_ago(1), satisfied=True),
            ValidationError, "for the harmed party")
    meetings.record_survey(db.uow(), fac, consented, party_id=harmed, answered_on=days_ago(1),
                           satisfied=True, felt_heard=5)
    refused(db, fac, consented,
            lambda: meetings.record_survey(db.uow(), fac, consented, party_id=harmed,
                                           answered_on=days_ago(1), satisfied=False),
            WorkflowError, "survey is already recorded")


def test_survey_belongs_to_neighbourhood_resolution(db, coord):
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    harmed = people.add_party(db.uow(), coord, ref, PartyRole.HARMED,
                              person("Harriet", "Wells", age=50))
    refused(db, coord, ref,
            lambda: meetings.record_survey(db.uow(), coord, ref, party_id=harmed,
                                           answered_on=days_ago(1), satisfied=True),
            WorkflowError, "satisfaction survey belongs to Neighbourhood Resolution")


def test_the_database_keeps_one_standing_survey_per_party(db, fac, consented):
    """However the rows are written, a harmed party has at most one survey that stands: a
    second is refused until the first is entered in error (the satisfaction figure counts
    each standing answer as one party's response)."""
    from sqlalchemy.exc import IntegrityError

    from app.models.conferences import SatisfactionSurvey

    _, harmed = nr_parties(db, fac, consented)
    case_id = casefile.get_case(db.uow(), fac, consented).id
    meetings.record_survey(db.uow(), fac, consented, party_id=harmed, answered_on=days_ago(2),
                           satisfied=True)
    with db.uow() as uow, pytest.raises(IntegrityError):
        uow.session.add(SatisfactionSurvey(case_id=case_id, party_id=harmed,
                                           answered_on=days_ago(1), satisfied=False))
        uow.session.flush()
    with db.uow() as uow:
        first = uow.session.query(SatisfactionSurvey).one()
        first.entered_in_error = True
        uow.session.add(SatisfactionSurvey(case_id=case_id, party_id=harmed,
                                           answered_on=days_ago(1), satisfied=False))
        uow.commit()
    assert count(db, "satisfaction_surveys") == 2


def test_marking_an_action_of_another_case_is_refused(db, coord, fac, fac2, consented):
    other = nr_consented(db, coord, fac, fac2)
    agree(db, fac, other, hold_meeting(db, fac, fac2, other))
    action_id = casefile.get_case(db.uow(), fac, other).agreement.actions[0].id
    refused(db, fac, consented,
            lambda: meetings.mark_action(db.uow(), fac, consented, action_id, kept=True,
                                         checked_on=days_ago(1)),
            NotFound, "not on this case")


# ---------------------------------------------------------------- the whole journey


def test_neighbourhood_resolution_journey(db, coord, fac, fac2):
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac,
                    coworker_id=fac2.user_id, days_ago=60, offence_code="asb-nuisance")
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(58),
                             notes="Low risk; both sides live on the same street")
    people.add_party(db.uow(), fac, ref, PartyRole.SUPPORTER, person("Pat", "Avery"))
    prepare_meeting(db, fac, ref, on_days_ago=45)
    participant, harmed = nr_parties(db, fac, ref)
    people.record_consent(db.uow(), fac, ref, participant, ConsentAction.GIVEN, days_ago(50))
    people.record_consent(db.uow(), fac, ref, harmed, ConsentAction.GIVEN, days_ago(49))
    meetings.record_agency_calls(db.uow(), fac, ref, agency_name="Police 101", period="before",
                                 months=6, calls=9)
    meeting_id = meetings.record_meeting(
        db.uow(), fac, ref, kind=MeetingKind.SHUTTLE, held_on=days_ago(40),
        facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id,
        attendees=[AttendeeInput(AttendeeRole.HARMER, True, participant),
                   AttendeeInput(AttendeeRole.HARMED, True, harmed)])
    agree(db, fac, ref, meeting_id)
    detail = casefile.get_case(db.uow(), fac, ref)
    for action in detail.agreement.actions:
        meetings.mark_action(db.uow(), fac, ref, action.id, kept=True, checked_on=days_ago(3))
    meetings.record_followup(db.uow(), fac, ref, contacted_on=days_ago(2), agreement_kept=True,
                             party_id=harmed, notes="Fence repaired")
    meetings.record_survey(db.uow(), fac, ref, party_id=harmed, answered_on=days_ago(2),
                           satisfied=True, felt_heard=5, feels_safer=4, would_recommend=True)
    meetings.record_agency_calls(db.uow(), fac, ref, agency_name="Police 101", period="after",
                                 months=6, calls=1)
    cases.change_status(db.uow(), fac, ref, CaseStatus.CLOSED, reason="Agreement kept")

    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.status is CaseStatus.CLOSED
    assert [s.to_status for s in detail.stages] == [
        "referred", "assessed", "consent-obtained", "meeting-held", "agreement-monitoring",
        "closed"]
    assert [s.on for s in detail.stages][1:5] == [days_ago(58), days_ago(49), days_ago(40),
                                                  days_ago(20)]
    assert len(detail.parties) == 3
    assert all(a.kept for a in detail.agreement.actions)
    assert detail.followups[0].agreement_kept
    assert detail.surveys[0].satisfied
    assert {(c.period, c.calls) for c in detail.agency_calls} == {("before", 9), ("after", 1)}
    assert detail.closure_reason == "Agreement kept"
