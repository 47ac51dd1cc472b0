"""Stage moves for every scheme, referral decisions, stale saves and the audit trail.

Each refusal checks the exact error class, that its message names the problem, and (through
``refused``) that no row of any table changed. Scheme-specific rules live beside this file:
test_checkpoint_rules, test_nr_rules, test_gateway_rules, test_access_rules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.errors import StaleEdit, ValidationError, WorkflowError
from app.models.cases import CaseStatus, Eligibility, Scheme
from app.models.pathways import InterventionKind
from app.models.people import Gender
from app.services import casefile, cases, pathways
from app.services.pathways import InterventionInput
from app.services.workflow import ACCEPTED_STAGE, TRANSITIONS, statuses
from tests.factories import make_case, person, referral
from tests.services.journeys import count, days_ago, refused

S = CaseStatus

# ---------------------------------------------------------------- the transition table


@pytest.mark.parametrize(
    ("scheme", "target"),
    [(scheme, target) for scheme in Scheme for target in statuses(scheme)
     if target not in TRANSITIONS[scheme][S.REFERRED]
     and target not in (S.CONTRACT_ACTIVE, S.REFERRED)],
    ids=lambda v: v.value,
)
def test_illegal_moves_from_referred_are_refused(db, coord, scheme, target):
    ref = make_case(db, coord, scheme)
    refused(db, coord, ref, lambda: cases.change_status(db.uow(), coord, ref, target,
                                                        reason="because"),
            WorkflowError, rf"cannot go from 'Referred' to '{target.label}'")


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
def test_every_illegal_move_out_of_referred_names_the_allowed_ones(db, coord, scheme):
    ref = make_case(db, coord, scheme)
    wrong = {Scheme.CHECKPOINT: S.COMPLETED, Scheme.NEIGHBOURHOOD_RESOLUTION: S.MEETING_HELD,
             Scheme.GATEWAY: S.COMPLETED}[scheme]
    err = refused(db, coord, ref, lambda: cases.change_status(db.uow(), coord, ref, wrong),
                  WorkflowError, f"A {scheme.label} case cannot go from 'Referred'")
    assert "From here it can go to:" in err.message
    assert "closed" in err.message


def test_checkpoint_referred_to_completed_is_refused(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    refused(db, coord, ref, lambda: cases.change_status(db.uow(), coord, ref, S.COMPLETED),
            WorkflowError, "cannot go from 'Referred' to 'Completed'")


def test_nr_referred_to_meeting_held_is_refused(db, coord, fac):
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    refused(db, coord, ref, lambda: cases.change_status(db.uow(), coord, ref, S.MEETING_HELD),
            WorkflowError, "cannot go from 'Referred' to 'Meeting held'")


def test_contract_active_only_through_the_contract(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    refused(db, coord, ref,
            lambda: cases.change_status(db.uow(), coord, ref, S.CONTRACT_ACTIVE),
            WorkflowError, "Start the contract from the contract tab")


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
def test_acceptance_only_through_the_referral_decision(db, coord, scheme):
    ref = make_case(db, coord, scheme)
    refused(db, coord, ref,
            lambda: cases.change_status(db.uow(), coord, ref, ACCEPTED_STAGE[scheme]),
            WorkflowError, "Record the referral decision")


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
def test_a_closed_case_cannot_move(db, coord, scheme):
    ref = make_case(db, coord, scheme)
    cases.change_status(db.uow(), coord, ref, S.CLOSED, reason="Referred in error")
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.status is S.CLOSED
    assert detail.closure_reason == "Referred in error"
    assert detail.closed_on == date.today()
    assert detail.next_statuses == ()
    for target in statuses(scheme):
        refused(db, coord, ref,
                lambda target=target: cases.change_status(db.uow(), coord, ref, target,
                                                          reason="again"),
                WorkflowError, "It is closed|Record the referral decision|Start the contract")
    refused(db, coord, ref,
            lambda: cases.change_status(db.uow(), coord, ref, S.CLOSED, reason="again"),
            WorkflowError, "It is closed")


def test_closing_needs_a_reason(db, coord):
    ref = make_case(db, coord, Scheme.GATEWAY)
    refused(db, coord, ref, lambda: cases.change_status(db.uow(), coord, ref, S.CLOSED),
            ValidationError, "reason for closing")
    refused(db, coord, ref,
            lambda: cases.change_status(db.uow(), coord, ref, S.CLOSED, reason="   "),
            ValidationError, "reason for closing")


def test_each_move_is_recorded_with_a_status_change_and_version_bump(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    v1 = casefile.get_case(db.uow(), coord, ref).version
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, expected_version=v1)
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.version == v1 + 1
    assert [s.to_status for s in detail.stages] == ["referred", "eligibility-decided"]
    assert detail.started_on == date.today()


# ---------------------------------------------------------------- referral decisions


def test_decision_is_made_once(db, coord):
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    refused(db, coord, ref, lambda: cases.decide_eligibility(db.uow(), coord, ref,
                                                             eligible=False),
            WorkflowError, "referral decision .* was made already")


def test_not_eligible_closes_the_case_with_the_reasons(db, coord):
    ref = make_case(db, coord, Scheme.CHECKPOINT, offence_code="drink-drive")
    cases.decide_eligibility(db.uow(), coord, ref, eligible=False)
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.status is S.CLOSED
    assert detail.eligibility == Eligibility.NOT_ELIGIBLE.value
    assert "go to court" in (detail.closure_reason or "")
    assert detail.eligibility_override_reason is None


@pytest.mark.parametrize("offence", ["hate-crime", "domestic-abuse", "drink-drive"])
def test_yes_for_an_excluded_offence_needs_an_override_reason(db, coord, offence):
    ref = make_case(db, coord, Scheme.CHECKPOINT, offence_code=offence)
    err = refused(db, coord, ref,
                  lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True),
                  ValidationError, "give an override reason")
    assert err.field == "override_reason"
    assert "excluded" in err.message or "specific terms" in err.message or "court" in \
        err.message
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                                             override_reason="   "),
            ValidationError, "give an override reason")


@pytest.mark.parametrize(("offence", "reason", "restricted"), [
    ("domestic-abuse", "specific terms", True),
    ("hate-crime", "Hate crime is excluded", False),
])
def test_yes_with_an_override_reason_is_accepted_and_stored(db, coord, nav, offence, reason,
                                                            restricted):
    ref = make_case(db, coord, Scheme.CHECKPOINT, offence_code=offence, worker=nav)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                             override_reason="  Victim consulted; supervisor approved ")
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    assert detail.status is S.ELIGIBILITY_DECIDED
    assert detail.eligibility == Eligibility.ELIGIBLE.value
    assert detail.eligibility_override_reason == "Victim consulted; supervisor approved"
    assert reason in (detail.eligibility_reasons or "")
    assert detail.restricted is restricted  # domestic abuse is restricted from referral on
    assert detail.stages[-1].reason == "Victim consulted; supervisor approved"


def test_an_override_reason_given_at_intake_counts_at_the_decision(db, coord):
    data = replace(referral(Scheme.CHECKPOINT, offence_code="domestic-abuse"),
                   eligibility_override_reason="Specialist programme agreed")
    ref = cases.create_referral(db.uow(), coord, data)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    assert detail.status is S.ELIGIBILITY_DECIDED
    assert detail.eligibility_override_reason == "Specialist programme agreed"

def test_failed_criterion_needs_an_override_too(db, coord):
    data = referral(Scheme.CHECKPOINT)
    answers = dict(data.eligibility_answers, **{"on-court-order": True})
    ref = cases.create_referral(db.uow(), coord, replace(data, eligibility_answers=answers))
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True),
            ValidationError, "court order")


def test_an_old_offence_needs_an_override(db, coord):
    data = referral(Scheme.CHECKPOINT)
    old = replace(data, offence_date=data.referral_date - timedelta(days=120))
    ref = cases.create_referral(db.uow(), coord, old)
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True),
            ValidationError, "more than three months old")


def test_a_young_person_cannot_be_accepted_even_with_an_override(db, coord):
    ref = make_case(db, coord, Scheme.CHECKPOINT, participant=person(age=16))
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                                             override_reason="Please"),
            WorkflowError, r"for adults \(18 and over\)")


def test_gateway_refuses_a_male_participant(db, coord, mentor):
    data = referral(Scheme.GATEWAY, worker=mentor, participant=person(gender=Gender.MALE))
    err = refused(db, coord, None, lambda: cases.create_referral(db.uow(), coord, data),
                  ValidationError, "Gateway to Change is for women")
    assert err.field == "gender"
    assert count(db, "cases") == 0
    assert count(db, "people") == 0


@pytest.mark.parametrize("gender", [Gender.NOT_STATED, Gender.NON_BINARY])
def test_gateway_refuses_a_participant_not_recorded_as_a_woman(db, coord, gender):
    data = referral(Scheme.GATEWAY, participant=person("Sam", "Lee", gender=gender))
    refused(db, coord, None, lambda: cases.create_referral(db.uow(), coord, data),
            ValidationError, "for women")


def test_referral_checks_the_worker_is_of_the_scheme(db, coord, fac):
    data = referral(Scheme.CHECKPOINT, worker=fac)
    refused(db, coord, None, lambda: cases.create_referral(db.uow(), coord, data),
            ValidationError, "not a navigator")


def test_references_are_per_scheme_and_never_repeat(db, coord):
    refs = [make_case(db, coord, s) for s in (Scheme.CHECKPOINT, Scheme.CHECKPOINT,
                                              Scheme.GATEWAY, Scheme.NEIGHBOURHOOD_RESOLUTION)]
    year = days_ago(10).year
    assert refs == [f"CP-{year}-0001", f"CP-{year}-0002", f"GTC-{year}-0001",
                    f"NR-{year}-0001"]


# ---------------------------------------------------------------- stale saves


def test_a_stale_save_is_refused_and_names_who_changed_the_case(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    opened = casefile.get_case(db.uow(), nav, ref).version  # both open the case now

    def note(actor, summary):
        return pathways.log_intervention(
            db.uow(), actor, ref, InterventionInput(InterventionKind.CONTACT, date.today(),
                                                    summary), expected_version=opened)

    note(coord, "Phoned about the first appointment")
    err = refused(db, nav, ref, lambda: note(nav, "Saw him at the office"), StaleEdit,
                  "was changed by Morgan Coordinator")
    assert "nothing of yours was saved" in err.message
    assert ref in err.message
    interventions = casefile.get_case(db.uow(), nav, ref).interventions
    assert [i.summary for i in interventions] == ["Phoned about the first appointment"]


def test_a_stale_stage_move_is_refused(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    opened = casefile.get_case(db.uow(), coord, ref).version
    cases.assign(db.uow(), coord, ref, worker_id=nav.user_id, expected_version=opened)
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                                             expected_version=opened),
            StaleEdit, "after you opened it")


def test_saves_with_the_current_version_succeed_one_after_another(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    for i in range(3):
        version = casefile.get_case(db.uow(), nav, ref).version
        pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
            InterventionKind.CONTACT, date.today(), f"Contact {i}"), expected_version=version)
        assert casefile.get_case(db.uow(), nav, ref).version == version + 1


# ---------------------------------------------------------------- the audit trail


def test_a_change_writes_one_audit_row_and_a_refusal_none(db, coord):
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    case_id = casefile.get_case(db.uow(), coord, ref).id
    assert count(db, "audit_events", "action = 'case.create' AND case_id = :c", c=case_id) == 1
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    assert count(db, "audit_events", "action = 'case.status' AND case_id = :c", c=case_id) == 1
    with pytest.raises(WorkflowError):
        cases.change_status(db.uow(), coord, ref, S.COMPLETED)
    assert count(db, "audit_events", "action = 'case.status' AND case_id = :c", c=case_id) == 1


def test_the_change_and_its_audit_row_stand_or_fall_together(db, coord):
    """If the audit row cannot be written, the change it records is not saved either."""
    ref = make_case(db, coord, Scheme.GATEWAY)
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "sqlite":
            conn.execute(text(
                "CREATE TRIGGER test_refuse_status_audit BEFORE INSERT ON audit_events "
                "WHEN NEW.action = 'case.status' "
                "BEGIN SELECT RAISE(ABORT, 'audit store refused'); END"))
        else:  # the same refusal in PostgreSQL's own trigger language
            conn.execute(text(
                "CREATE FUNCTION test_refuse_status_audit() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'audit store refused' USING ERRCODE = 'check_violation'; "
                "END $$ LANGUAGE plpgsql"))
            conn.execute(text(
                "CREATE TRIGGER test_refuse_status_audit BEFORE INSERT ON audit_events "
                "FOR EACH ROW WHEN (NEW.action = 'case.status') "
                "EXECUTE FUNCTION test_refuse_status_audit()"))
    before = casefile.get_case(db.uow(), coord, ref)
    with pytest.raises(IntegrityError, match="audit store refused"):
        cases.change_status(db.uow(), coord, ref, S.CLOSED, reason="Withdrawn")
    after = casefile.get_case(db.uow(), coord, ref)
    assert (after.status, after.version, after.closure_reason) == \
        (before.status, before.version, None)
    assert count(db, "status_changes", "case_id = :c", c=before.id) == 1


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET username = 'someone-else'",
    "DELETE FROM audit_events",
])
def test_the_audit_table_refuses_update_and_delete(db, coord, statement):
    make_case(db, coord, Scheme.CHECKPOINT)
    before = count(db, "audit_events")
    assert before >= 1
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text(statement))
    assert count(db, "audit_events") == before
    assert count(db, "audit_events", "username = 'someone-else'") == 0

