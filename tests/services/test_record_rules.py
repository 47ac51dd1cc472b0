"""The rules users rely on (issue 11, items 2, 3, 5 and 7): unanswered questions refused,
impossible dates refused, completion and closure rules, several households on a restorative
case, and one meaning for each outcome. Each rule accepted and refused; a refusal saves nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.errors import ValidationError, WorkflowError
from app.models.appointments import AppointmentStatus
from app.models.cases import CaseStatus, ConsentAction, PartyRole, Scheme
from app.models.conferences import AttendeeRole, MeetingKind
from app.models.contracts import ConditionState
from app.services import (
    appointments,
    casefile,
    cases,
    contracts,
    documents,
    followups,
    gateway,
    indicators,
    meetings,
    people,
)
from app.services.appointments import AppointmentInput
from app.services.dates import check_date
from app.services.documents import Kind
from app.services.meetings import AttendeeInput
from app.services.outcomes import Outcome, agreement_kept, case_outcome
from tests.factories import at, make_case, person, referral
from tests.reports.conftest import pdf_text
from tests.services.journeys import (
    both_attend,
    checkpoint_active,
    count,
    days_ago,
    hold_meeting,
    meet_conditions,
    nr_assessed,
    nr_consented,
    nr_parties,
    refused,
)

# ---------------------------------------------------------------- one date check everywhere


def test_the_shared_date_check():
    today = date(2026, 12, 1)
    assert check_date(date(1900, 1, 1), "date", "d", today=today) == date(1900, 1, 1)
    assert check_date(date(2031, 11, 28), "date", "d", future=True, today=today)
    with pytest.raises(ValidationError, match=r"\(31 Dec 1899\) is before 1900"):
        check_date(date(1899, 12, 31), "date", "d", today=today)
    with pytest.raises(ValidationError, match="in the future"):
        check_date(date(2026, 12, 2), "date", "d", today=today)
    with pytest.raises(ValidationError, match="more than 5 years ahead"):
        check_date(date(2032, 1, 1), "date", "d", future=True, today=today)


@pytest.mark.parametrize("change, match", [
    (dict(referral_date=date(1899, 6, 1)), "referral date .* is before 1900"),
    (dict(offence_date=date(1850, 1, 1)), "offence date .* is before 1900"),
    (dict(person=replace(person(), date_of_birth=date(1899, 6, 1))),
     "date of birth .* is before 1900"),
])
def test_a_referral_with_a_date_before_1900_is_refused(db, coord, change, match):
    data = replace(referral(Scheme.CHECKPOINT), **change)
    refused(db, coord, None, lambda: cases.create_referral(db.uow(), coord, data),
            ValidationError, match)


def test_an_appointment_absurdly_far_ahead_is_refused(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(28))
    refused(db, mentor, ref, lambda: appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
        at(365 * 40), "Key work", bail_condition=True)), ValidationError, "years ahead")
    assert appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
        at(30), "Key work", bail_condition=True))


# ---------------------------------------------------------------- Checkpoint completion


def test_checkpoint_completion_waits_for_the_contracts_end_date(db, coord, nav):
    ref = checkpoint_active(db, coord, nav, start_days_ago=130)
    contracts.log_hours(db.uow(), nav, ref, worked_on=days_ago(100), hours="12", task="Litter")
    contracts.log_hours(db.uow(), nav, ref, worked_on=days_ago(95), hours="6", task="Food bank")
    for pos in (1, 2, 3):
        contracts.set_condition_state(db.uow(), nav, ref, pos, ConditionState.MET)
    end = casefile.get_case(db.uow(), nav, ref).contract.end_date
    refused(db, nav, ref, lambda: cases.change_status(
        db.uow(), nav, ref, CaseStatus.COMPLETED, on=end - timedelta(days=1)),
        WorkflowError, "completed on or after its contract's end date")
    cases.change_status(db.uow(), nav, ref, CaseStatus.COMPLETED, on=end)
    detail = casefile.get_case(db.uow(), nav, ref)
    assert detail.ended_on == end and detail.outcome is Outcome.COMPLETED


# ---------------------------------------------------------------- Gateway: closing the case


@pytest.fixture
def engaged(db, coord, mentor) -> str:
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=200)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(198))
    return ref


def _book(db, mentor, ref, days_from_now) -> int:
    return appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
        at(days_from_now), "Women's service session", "Women's Centre", bail_condition=True))


@pytest.mark.parametrize("end, reason", [(CaseStatus.COMPLETED, None),
                                         (CaseStatus.NOT_COMPLETED, "Stopped engaging")])
def test_ending_a_gateway_case_cancels_its_booked_appointments(db, mentor, engaged, end,
                                                                reason):
    kept = _book(db, mentor, engaged, -5)
    appointments.record_outcome(db.uow(), mentor, engaged, kept, AppointmentStatus.KEPT)
    for days in (3, 10):
        _book(db, mentor, engaged, days)
    meet_conditions(db, mentor, engaged)
    cases.change_status(db.uow(), mentor, engaged, end, reason=reason)
    detail = casefile.get_case(db.uow(), mentor, engaged)
    assert [a.status for a in detail.appointments] == ["kept", "cancelled", "cancelled"]
    assert all(f"case was {end.label.lower()}" in (a.outcome_notes or "")
               for a in detail.appointments[1:])
    if reason:
        assert reason in detail.appointments[1].outcome_notes
    assert count(db, "audit_events", "action = 'appointment.cancelled'") == 2
    refused(db, mentor, engaged, lambda: _book(db, mentor, engaged, 4), WorkflowError,
            "booked only while a case is running")


def test_closing_without_an_outcome_cancels_too(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=20)
    appt = _book(db, mentor, ref, 2)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=False, notes="Moved away")
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.appointments[0].id == appt and detail.appointments[0].status == "cancelled"
    assert detail.outcome is Outcome.NOT_ACCEPTED


def test_no_appointment_letter_for_a_case_that_has_ended(db, coord, mentor, engaged):
    _book(db, mentor, engaged, 3)
    assert documents.preview(db.uow(), coord, engaged, Kind.APPOINTMENT,
                             casefile.get_case(db.uow(), coord, engaged).participant.id)
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.NOT_COMPLETED,
                        reason="Stopped engaging")
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.CLOSED, reason="Returned")
    participant = casefile.get_case(db.uow(), coord, engaged).participant.id
    refused(db, coord, engaged, lambda: documents.generate(
        db.uow(), coord, engaged, Kind.APPOINTMENT, participant), WorkflowError,
        "no appointment letter is made for a case that has ended")
    start = date.today()
    result = documents.appointment_letters(db.uow(), coord, start, start + timedelta(days=7))
    assert result.documents == () and result.skipped == ()


# ---------------------------------------------------------------- exit follow-ups


def test_exit_follow_ups_come_after_the_exit_near_when_they_are_due(db, mentor, engaged):
    meet_conditions(db, mentor, engaged, days_ago(150))
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED, on=days_ago(100))
    due = next(e.due_on for e in casefile.get_case(db.uow(), mentor, engaged).exit_followups
               if e.months == 3)

    def record(done_on, **answers):
        args = dict(reoffended=False, living_independently=True, free_from_abuse=True)
        args.update(answers)
        return lambda: followups.record_exit_followup(db.uow(), mentor, engaged, months=3,
                                                      done_on=done_on, **args)

    refused(db, mentor, engaged, record(days_ago(101)), ValidationError,
            "after she left the scheme")
    refused(db, mentor, engaged, record(due - timedelta(days=40)), ValidationError,
            "3-month follow-up is due on .*: record it between")
    refused(db, mentor, engaged, record(due, living_independently=None), ValidationError,
            "living independently")
    refused(db, mentor, engaged, record(due, free_from_abuse=None), ValidationError,
            "free from abuse")
    refused(db, mentor, engaged, record(due, reoffended=None), ValidationError,
            "reoffended")
    record(due)()
    answered = casefile.get_case(db.uow(), mentor, engaged).exit_followups[0]
    assert (answered.done_on, answered.living_independently) == (due, True)


# ---------------------------------------------------------------- reoffending checks


def test_reoffending_check_rules(db, mentor, engaged):
    meet_conditions(db, mentor, engaged, days_ago(195))
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED, on=days_ago(190))
    ended = days_ago(190)

    def check(checked_on, offences=1, first=None, window=12):
        return lambda: followups.record_reoffending_check(
            db.uow(), mentor, engaged, checked_on=checked_on, window_months=window,
            offences=offences, first_offence_on=first)

    refused(db, mentor, engaged, check(date.today() + timedelta(days=1), 0), ValidationError,
            "the date is in the future")
    refused(db, mentor, engaged, check(ended - timedelta(days=1), 0), ValidationError,
            "a reoffending check comes after that")
    refused(db, mentor, engaged, check(date.today(), 1, ended - timedelta(days=3)),
            ValidationError, "before the case ended")
    refused(db, mentor, engaged, check(days_ago(10), 1, days_ago(5)), ValidationError,
            "dated after the check")
    refused(db, mentor, engaged, check(date.today(), 0, days_ago(5)), ValidationError,
            "no first offence date")
    check(date.today(), 2, days_ago(30))()
    assert casefile.get_case(db.uow(), mentor, engaged).reoffending_checks[0].offences == 2


# ---------------------------------------------------------------- unanswered questions


def test_restorative_questions_cannot_be_saved_unanswered(db, fac, fac2, coord):
    ref = nr_consented(db, coord, fac, fac2)
    participant, harmed = nr_parties(db, fac, ref)
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref, attendees=[
        AttendeeInput(AttendeeRole.HARMER, True, participant),
        AttendeeInput(AttendeeRole.HARMED, None, harmed)]), ValidationError,
        "whether they attended")
    meeting = hold_meeting(db, fac, fac2, ref)
    detail = casefile.get_case(db.uow(), fac, ref)

    def agree(signed):
        return lambda: meetings.record_agreement(
            db.uow(), fac, ref, agreed_on=days_ago(20), conference_id=meeting, signed=signed,
            actions=[meetings.ActionInput(meetings.ActionKind.APOLOGY, "Write a letter",
                                          participant, days_ago(10))])

    refused(db, fac, ref, agree(None), ValidationError, "signed the agreement")
    agree(False)()
    assert casefile.get_case(db.uow(), fac, ref).agreement.signed is False
    refused(db, fac, ref, lambda: meetings.record_followup(
        db.uow(), fac, ref, contacted_on=days_ago(1), agreement_kept=None), ValidationError,
        "whether the agreement was kept")
    refused(db, fac, ref, lambda: meetings.record_followup(
        db.uow(), fac, ref, contacted_on=days_ago(21), agreement_kept=True), ValidationError,
        "the follow-up comes after it")
    refused(db, fac, ref, lambda: meetings.record_survey(
        db.uow(), fac, ref, party_id=harmed, answered_on=days_ago(1), satisfied=None),
        ValidationError, "satisfied overall")
    assert detail.version < casefile.get_case(db.uow(), fac, ref).version


# ---------------------------------------------------------------- several households


def test_several_harmers_and_harmed_each_need_their_own_consent(db, coord, fac, fac2):
    ref = nr_assessed(db, coord, fac, fac2)
    harmer2 = people.add_party(db.uow(), fac, ref, PartyRole.HARMER, person("Kai", "Second"))
    harmed2 = people.add_party(db.uow(), fac, ref, PartyRole.HARMED, person("Lee", "Other"))
    participant, harmed = nr_parties(db, fac, ref)
    for party in (participant, harmed, harmed2):
        people.record_consent(db.uow(), fac, ref, party, ConsentAction.GIVEN, days_ago(30))
    assert casefile.get_case(db.uow(), fac, ref).status is CaseStatus.ASSESSED
    refused(db, fac, ref, lambda: cases.change_status(
        db.uow(), fac, ref, CaseStatus.CONSENT_OBTAINED), WorkflowError,
        "Consent is still needed from: Kai Second")
    people.record_consent(db.uow(), fac, ref, harmer2, ConsentAction.GIVEN, days_ago(29))
    assert casefile.get_case(db.uow(), fac, ref).status is CaseStatus.CONSENT_OBTAINED
    hold_meeting(db, fac, fac2, ref, attendees=[
        *both_attend(db, fac, ref), AttendeeInput(AttendeeRole.HARMER, True, harmer2),
        AttendeeInput(AttendeeRole.HARMED, False, harmed2)])
    assert len(casefile.get_case(db.uow(), fac, ref).meetings[0].attendees) == 4


def test_a_second_harmer_only_on_a_restorative_case(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    refused(db, coord, ref, lambda: people.add_party(db.uow(), coord, ref, PartyRole.HARMER,
                                                     person("Kai", "Second")),
            ValidationError, "one person responsible")


def test_a_face_to_face_conference_needs_a_co_facilitator(db, coord, fac, fac2):
    ref = nr_consented(db, coord, fac, fac2)

    def meeting(kind, co):
        return lambda: meetings.record_meeting(
            db.uow(), fac, ref, kind=kind, held_on=days_ago(10), facilitator_id=fac.user_id,
            cofacilitator_id=co, venue="Hall", attendees=both_attend(db, fac, ref))

    refused(db, fac, ref, meeting(MeetingKind.FACE_TO_FACE, None), ValidationError,
            "run in pairs: choose the co-facilitator")
    meeting(MeetingKind.SHUTTLE, None)()
    meeting(MeetingKind.FACE_TO_FACE, fac2.user_id)()
    assert [m.cofacilitator for m in casefile.get_case(db.uow(), fac, ref).meetings] == \
        [None, fac2.full_name]


def _close_with_two_harmed(db, coord, fac, fac2, *, kept: bool) -> str:
    ref = nr_assessed(db, coord, fac, fac2)
    harmed2 = people.add_party(db.uow(), fac, ref, PartyRole.HARMED, person("Lee", "Other"))
    participant, harmed = nr_parties(db, fac, ref)
    for party in (participant, harmed, harmed2):
        people.record_consent(db.uow(), fac, ref, party, ConsentAction.GIVEN, days_ago(30))
    meeting = hold_meeting(db, fac, fac2, ref)
    meetings.record_agreement(
        db.uow(), fac, ref, agreed_on=days_ago(20), conference_id=meeting, signed=True,
        actions=[meetings.ActionInput(meetings.ActionKind.APOLOGY, "Write a letter",
                                      participant, days_ago(10))])
    meetings.record_followup(db.uow(), fac, ref, contacted_on=days_ago(3), agreement_kept=True)
    meetings.record_followup(db.uow(), fac, ref, contacted_on=days_ago(2), agreement_kept=kept)
    meetings.record_survey(db.uow(), fac, ref, party_id=harmed, answered_on=days_ago(2),
                           satisfied=True)
    meetings.record_survey(db.uow(), fac, ref, party_id=harmed2, answered_on=days_ago(2),
                           satisfied=False)
    cases.change_status(db.uow(), fac, ref, CaseStatus.CLOSED, reason="Followed up")
    return ref


def test_satisfaction_is_counted_per_harmed_party(db, coord, fac, fac2):
    _close_with_two_harmed(db, coord, fac, fac2, kept=True)
    report = indicators.compute(db.uow(), coord, indicators.Scope(days_ago(90), date.today()))
    satisfied = report.figure("harmed_satisfied")
    assert (satisfied.numerator, satisfied.denominator, satisfied.value) == (1, 2, 50.0)


# ---------------------------------------------------------------- one meaning per outcome


def test_case_outcome_definitions():
    S = CaseStatus
    nr, cp, gtc = Scheme.NEIGHBOURHOOD_RESOLUTION, Scheme.CHECKPOINT, Scheme.GATEWAY
    assert case_outcome(cp, [S.COMPLETED], accepted=True, stopped=True) is Outcome.COMPLETED
    assert case_outcome(cp, [S.BREACHED, S.CLOSED], accepted=True, stopped=True) is \
        Outcome.BREACHED
    assert case_outcome(gtc, [S.NOT_COMPLETED], accepted=True, stopped=True).unsuccessful
    assert case_outcome(cp, [S.CONTRACT_ACTIVE], accepted=True, stopped=False) is \
        Outcome.IN_PROGRESS
    assert case_outcome(cp, [S.CLOSED], accepted=True, stopped=True) is Outcome.WITHDRAWN
    assert case_outcome(nr, [S.AGREEMENT_MONITORING], accepted=True, stopped=False) is \
        Outcome.IN_PROGRESS
    assert case_outcome(nr, [S.AGREEMENT_MONITORING, S.CLOSED], accepted=True,
                        stopped=True) is Outcome.COMPLETED
    assert case_outcome(nr, [S.CLOSED], accepted=False, stopped=True) is Outcome.NOT_ACCEPTED
    day = date(2026, 5, 1)
    assert agreement_kept([]) is None
    assert agreement_kept([(day, True), (day - timedelta(days=1), False)]) is True
    assert agreement_kept([(day, True), (day, False)]) is False


def test_indicators_letters_and_screens_agree_on_a_restorative_outcome(db, coord, fac, fac2):
    ref = _close_with_two_harmed(db, coord, fac, fac2, kept=False)
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.outcome is Outcome.COMPLETED and detail.agreement_kept is False
    report = indicators.compute(db.uow(), coord, indicators.Scope(days_ago(90), date.today()))
    completion = report.figure(f"completion_rate.{Scheme.NEIGHBOURHOOD_RESOLUTION.value}")
    assert (completion.numerator, completion.denominator) == (1, 1)
    assert report.figure("agreements_kept").numerator == 0
    letter = documents.preview(db.uow(), coord, ref, Kind.OUTCOME_PARTICIPANT,
                               detail.participant.id)
    text = " ".join(pdf_text(letter.content).split())
    assert "were not all done" in text and "have been done" not in text


# ---------------------------------------------------------------- referrals: answers and lists


@pytest.mark.parametrize("scheme, change, match", [
    (Scheme.CHECKPOINT, dict(referral_source="The pub"),
     "'The pub' is not on the partnership's list of referral sources; choose one of: Police"),
    (Scheme.CHECKPOINT, dict(eligibility_answers={"lives-in-area": True}),
     "Answer every eligibility question .* not answered: Offence committed in the area"),
    (Scheme.GATEWAY, dict(eligibility_answers={"charged-theft": True, "agrees-to-engage": None}),
     "not answered: Agrees to attend"),
    (Scheme.CHECKPOINT, dict(first_time_entrant=None), "first-time entrant"),
    (Scheme.GATEWAY, dict(first_time_entrant=None), "first-time entrant"),
])
def test_a_referral_needs_its_answers_and_a_listed_source(db, coord, scheme, change, match):
    data = replace(referral(scheme), **change)
    refused(db, coord, None, lambda: cases.create_referral(db.uow(), coord, data),
            ValidationError, match)


def test_a_listed_source_is_matched_whatever_its_case_and_spacing(db, coord):
    ref = cases.create_referral(db.uow(), coord, replace(
        referral(Scheme.NEIGHBOURHOOD_RESOLUTION), referral_source="  housing   PROVIDER ",
        first_time_entrant=None))
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.referral_source == "Housing provider"
    report = indicators.compute(db.uow(), coord, indicators.Scope(days_ago(30), date.today()))
    assert [(f.label, f.value) for f in report.of("referrals_by_source")] == [
        ("Housing provider", 1)]


# ---------------------------------------------------------------- Gateway conditions


def test_an_accepted_gateway_case_carries_the_usual_conditions(db, mentor, engaged, coord, nav):
    conditions = casefile.get_case(db.uow(), mentor, engaged).gateway_conditions
    assert [(c.description, c.state) for c in conditions] == [
        ("Attend the women's service appointments", ConditionState.OPEN),
        ("Write a letter of apology to the shop", ConditionState.OPEN)]
    gateway.add_condition(db.uow(), mentor, engaged, "stay-away")
    assert [c.code for c in casefile.get_case(db.uow(), mentor, engaged).gateway_conditions][
        -1] == "stay-away"
    refused(db, mentor, engaged, lambda: gateway.add_condition(db.uow(), mentor, engaged,
                                                               "stay-away"),
            WorkflowError, "already has the condition")
    refused(db, mentor, engaged, lambda: gateway.add_condition(db.uow(), mentor, engaged,
                                                               "dance"),
            ValidationError, "not on the partnership's list of conditions")
    cp = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    refused(db, coord, cp, lambda: gateway.add_condition(db.uow(), coord, cp, "stay-away"),
            WorkflowError, "belong to Gateway to Change cases")


def test_each_condition_is_recorded_once_with_its_date(db, mentor, engaged):
    first, second = casefile.get_case(db.uow(), mentor, engaged).gateway_conditions

    def record(condition, met, on):
        return lambda: gateway.record_condition(db.uow(), mentor, engaged, condition.id,
                                                met=met, on=on)

    refused(db, mentor, engaged, record(first, None, days_ago(1)), ValidationError,
            "whether the condition was met")
    refused(db, mentor, engaged, record(first, True, date.today() + timedelta(days=1)),
            ValidationError, "the date is in the future")
    refused(db, mentor, engaged, record(first, True, days_ago(201)), ValidationError,
            "before the referral")
    record(first, True, days_ago(5))()
    refused(db, mentor, engaged, record(first, False, days_ago(1)), WorkflowError,
            "already recorded as met on")
    refused(db, mentor, engaged, lambda: cases.change_status(
        db.uow(), mentor, engaged, CaseStatus.COMPLETED), WorkflowError,
        "not yet met: 2. Write a letter of apology to the shop \\(open\\)")
    record(second, False, days_ago(2))()
    refused(db, mentor, engaged, lambda: cases.change_status(
        db.uow(), mentor, engaged, CaseStatus.COMPLETED), WorkflowError,
        "not yet met: 2. Write a letter of apology to the shop \\(not met\\)")
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.NOT_COMPLETED,
                        reason="No apology written")
    detail = casefile.get_case(db.uow(), mentor, engaged)
    assert [(c.state, c.decided_on) for c in detail.gateway_conditions] == [
        (ConditionState.MET, days_ago(5)), (ConditionState.NOT_MET, days_ago(2))]
    refused(db, mentor, engaged, lambda: gateway.add_condition(db.uow(), mentor, engaged,
                                                               "stay-away"),
            WorkflowError, "can no longer change")


def test_completion_needs_every_condition_met_and_the_documents_print_them(db, coord, mentor,
                                                                           engaged):
    meet_conditions(db, mentor, engaged, days_ago(3))
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED, on=days_ago(1))
    detail = casefile.get_case(db.uow(), coord, engaged)
    assert detail.outcome is Outcome.COMPLETED
    met_on = f"met on {days_ago(3).day} {days_ago(3):%B %Y}"
    for kind, to in ((Kind.SUMMARY, None), (Kind.OUTCOME_OFFICER, None),
                     (Kind.OUTCOME_PARTICIPANT, detail.participant.id)):
        text = " ".join(pdf_text(documents.preview(db.uow(), coord, engaged, kind, to)
                                 .content).split())
        assert "Write a letter of apology to the shop" in text, kind
        assert met_on in text, kind


def test_an_offence_after_the_window_is_not_counted_in_it(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=500)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(498))
    meet_conditions(db, mentor, ref, days_ago(460))
    cases.change_status(db.uow(), mentor, ref, CaseStatus.COMPLETED, on=days_ago(450))
    refused(db, mentor, ref, lambda: followups.record_reoffending_check(
        db.uow(), mentor, ref, checked_on=date.today(), window_months=12, offences=1,
        first_offence_on=days_ago(50)), ValidationError, "12-month window runs from")
    followups.record_reoffending_check(db.uow(), mentor, ref, checked_on=date.today(),
                                       window_months=24, offences=1,
                                       first_offence_on=days_ago(50))
