"""Gateway to Change: bail appointments (an outcome once), completion and its exit follow-ups,
and the whole journey."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError, WorkflowError
from app.models.appointments import AppointmentStatus
from app.models.cases import CaseStatus, Scheme
from app.models.pathways import AssessmentStage, InterventionKind
from app.services import appointments, casefile, cases, followups, pathways
from app.services.appointments import AppointmentInput
from app.services.pathways import InterventionInput, NeedInput
from tests.factories import at, make_case
from tests.services.journeys import all_needs, count, days_ago, meet_conditions, refused


@pytest.fixture
def engaged(db, coord, mentor) -> str:
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(28))
    return ref


def bail(db, actor, ref, days_from_now: float) -> int:
    return appointments.schedule(db.uow(), actor, ref, AppointmentInput(
        at(days_from_now), "Women's service key-work session", "Women's Centre",
        bail_condition=True))


def test_gateway_needs_a_mentor_to_start(db, coord):
    ref = make_case(db, coord, Scheme.GATEWAY)
    refused(db, coord, ref, lambda: cases.decide_eligibility(db.uow(), coord, ref,
                                                             eligible=True),
            WorkflowError, "Assign a mentor")


def test_an_appointment_outcome_is_recorded_once(db, mentor, engaged):
    appt = bail(db, mentor, engaged, -3)
    appointments.record_outcome(db.uow(), mentor, engaged, appt, AppointmentStatus.KEPT)
    for second in (AppointmentStatus.MISSED, AppointmentStatus.KEPT,
                   AppointmentStatus.CANCELLED):
        refused(db, mentor, engaged,
                lambda second=second: appointments.record_outcome(db.uow(), mentor, engaged,
                                                                  appt, second),
                WorkflowError, r"outcome is already recorded \(kept\)")
    refused(db, mentor, engaged,
            lambda: appointments.rearrange(db.uow(), mentor, engaged, appt, at(3)),
            WorkflowError, r"already recorded \(kept\)")
    assert [a.status for a in casefile.get_case(db.uow(), mentor, engaged).appointments] == \
        ["kept"]


def test_an_outcome_for_a_future_appointment_is_refused(db, mentor, engaged):
    appt = bail(db, mentor, engaged, 3)
    refused(db, mentor, engaged,
            lambda: appointments.record_outcome(db.uow(), mentor, engaged, appt,
                                                AppointmentStatus.MISSED),
            WorkflowError, "has not happened yet")
    refused(db, mentor, engaged,
            lambda: appointments.record_outcome(db.uow(), mentor, engaged, appt,
                                                AppointmentStatus.REARRANGED),
            ValidationError, "use 'rearrange'")


def test_rearranging_keeps_the_old_appointment(db, mentor, engaged):
    appt = bail(db, mentor, engaged, 2)
    new = appointments.rearrange(db.uow(), mentor, engaged, appt, at(5), reason="Childcare")
    statuses = {a.id: a.status for a in casefile.get_case(db.uow(), mentor, engaged).appointments}
    assert statuses == {appt: "rearranged", new: "scheduled"}


def test_a_missed_bail_appointment_shows_at_once(db, coord, mentor, engaged):
    appt = bail(db, mentor, engaged, -1)
    appointments.record_outcome(db.uow(), mentor, engaged, appt, AppointmentStatus.MISSED)
    for actor in (mentor, coord):
        work = casefile.my_work(db.uow(), actor)
        assert [w.case_reference for w in work.missed_bail] == [engaged]
        assert work.missed_bail[0].urgent


def test_completion_refused_with_a_past_bail_appointment_without_outcome(db, mentor, engaged):
    bail(db, mentor, engaged, -2)
    refused(db, mentor, engaged,
            lambda: cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED),
            WorkflowError, r"1 past bail appointment\(s\) have no outcome")
    assert count(db, "exit_followups") == 0


def test_not_completed_needs_a_reason(db, mentor, engaged):
    refused(db, mentor, engaged,
            lambda: cases.change_status(db.uow(), mentor, engaged, CaseStatus.NOT_COMPLETED),
            ValidationError, "Give the reason")


def test_completion_schedules_the_3_6_12_month_follow_ups(db, mentor, engaged):
    on = days_ago(1)
    meet_conditions(db, mentor, engaged, on)
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED, on=on)
    detail = casefile.get_case(db.uow(), mentor, engaged)
    assert detail.status is CaseStatus.COMPLETED
    assert detail.outcome_code == "22"
    assert detail.ended_on == on
    assert [(e.months, e.due_on, e.done_on) for e in detail.exit_followups] == [
        (m, cases.add_months(on, m), None) for m in (3, 6, 12)]
    assert count(db, "exit_followups") == 3


def test_follow_up_months_are_calendar_months_clamped_to_the_month_end():
    start = date(2025, 10, 31)
    assert [cases.add_months(start, m) for m in (3, 4, 6, 12)] == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 4, 30), date(2026, 10, 31)]
    assert cases.add_months(date(2023, 10, 31), 4) == date(2024, 2, 29)


def test_exit_follow_up_is_recorded_once(db, coord, mentor):
    engaged = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=200)
    cases.decide_eligibility(db.uow(), coord, engaged, eligible=True, on=days_ago(198))
    meet_conditions(db, mentor, engaged, days_ago(100))
    cases.change_status(db.uow(), mentor, engaged, CaseStatus.COMPLETED, on=days_ago(92))

    def record():
        followups.record_exit_followup(db.uow(), mentor, engaged, months=3, done_on=date.today(),
                                       reoffended=False, living_independently=True,
                                       free_from_abuse=True)

    record()
    refused(db, mentor, engaged, record, WorkflowError, "3-month follow-up is already recorded")
    refused(db, mentor, engaged,
            lambda: followups.record_exit_followup(
                db.uow(), mentor, engaged, months=9, done_on=date.today(), reoffended=None,
                living_independently=None, free_from_abuse=None),
            ValidationError, "3, 6 or 12 months")


def test_gateway_journey(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=60)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(58))
    pathways.record_assessment(db.uow(), mentor, ref, AssessmentStage.START, days_ago(55),
                               [NeedInput("drugs", 3), NeedInput("accommodation", 4),
                                NeedInput("relationships", 2)])
    kept = [bail(db, mentor, ref, -50 + 7 * i) for i in range(4)]
    for appt in kept[:3]:
        appointments.record_outcome(db.uow(), mentor, ref, appt, AppointmentStatus.KEPT)
    appointments.record_outcome(db.uow(), mentor, ref, kept[3], AppointmentStatus.MISSED,
                                notes="Unwell; phoned later")
    later = bail(db, mentor, ref, -10)
    appointments.record_outcome(db.uow(), mentor, ref, later, AppointmentStatus.KEPT)
    pathways.log_intervention(db.uow(), mentor, ref, InterventionInput(
        InterventionKind.CONTACT, days_ago(20), "Letter of apology to the shop written"))
    pathways.record_assessment(db.uow(), mentor, ref, AssessmentStage.EXIT, days_ago(2),
                               all_needs(level=1))
    meet_conditions(db, mentor, ref, days_ago(3))
    cases.change_status(db.uow(), mentor, ref, CaseStatus.COMPLETED, on=days_ago(1))
    cases.change_status(db.uow(), coord, ref, CaseStatus.CLOSED, reason="Completed")

    detail = casefile.get_case(db.uow(), coord, ref)
    assert [s.to_status for s in detail.stages] == ["referred", "engaged", "completed",
                                                    "closed"]
    assert detail.outcome_code == "22"
    assert detail.started_on == days_ago(58)
    assert sorted(a.status for a in detail.appointments) == ["kept"] * 4 + ["missed"]
    assert [e.months for e in detail.exit_followups] == [3, 6, 12]
    assert len(detail.assessments) == 13
