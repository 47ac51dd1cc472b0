"""Checkpoint: the contract's rules, its start, completion and breach, and the whole journey."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.errors import ValidationError, WorkflowError
from app.models.cases import CaseStatus, Eligibility, Scheme
from app.models.contracts import ConditionKind, ConditionState
from app.models.pathways import AssessmentStage, InterventionKind
from app.services import casefile, cases, contracts, pathways
from app.services.contracts import ConditionInput
from app.services.pathways import InterventionInput, NeedInput
from tests.factories import make_case
from tests.services.journeys import (
    STANDARD_CONDITIONS,
    all_needs,
    checkpoint_active,
    checkpoint_eligible,
    count,
    days_ago,
    refused,
)

NO_REOFF = ConditionInput(ConditionKind.NO_REOFFENDING)
VICTIM = ConditionInput(ConditionKind.VICTIM)
HOURS = ConditionInput(ConditionKind.COMMUNITY_HOURS)
TAG = ConditionInput(ConditionKind.TAG)


def pathway(code: str = "alcohol") -> ConditionInput:
    return ConditionInput(ConditionKind.PATHWAY, f"Attend the {code} service", code)


@pytest.fixture
def eligible(db, coord, nav) -> str:
    return checkpoint_eligible(db, coord, nav)


def draft(db, nav, ref, conditions, hours=None):
    return contracts.draft_contract(db.uow(), nav, ref, start_date=days_ago(130),
                                    conditions=conditions, community_hours=hours)


# ---------------------------------------------------------------- the contract's conditions


@pytest.mark.parametrize(("conditions", "hours", "match"), [
    pytest.param([VICTIM, pathway(), HOURS], 20, "exactly one 'no reoffending' condition",
                  id="no-reoffending-missing"),
    pytest.param([NO_REOFF, NO_REOFF, VICTIM], None, "exactly one 'no reoffending'",
                  id="no-reoffending-twice"),
    pytest.param([NO_REOFF, VICTIM, pathway(), pathway("drugs"), HOURS, TAG], 20,
                 "at most 5 conditions; 6 were given", id="six-conditions"),
    pytest.param([NO_REOFF, HOURS], 17, "between 18 and 36; 17 was given", id="17-hours"),
    pytest.param([NO_REOFF, HOURS], 37, "between 18 and 36; 37 was given", id="37-hours"),
    pytest.param([NO_REOFF, HOURS], None, "between 18 and 36; None", id="hours-not-given"),
    pytest.param([NO_REOFF, HOURS, TAG], 20, "community hours or an electronic tag, not both",
                 id="hours-and-tag"),
    pytest.param([NO_REOFF, pathway(), pathway("drugs"), pathway("finance")], None,
                 "at most 2 pathway interventions", id="three-pathways"),
    pytest.param([NO_REOFF, VICTIM, VICTIM], None, "at most one victim condition",
                 id="two-victim"),
    pytest.param([NO_REOFF, TAG], 20, "no community hours condition", id="hours-without-cond"),
    pytest.param([NO_REOFF, ConditionInput(ConditionKind.PATHWAY, "Attend")], None,
                 "names its pathway", id="pathway-unnamed"),
    pytest.param([NO_REOFF, ConditionInput(ConditionKind.PATHWAY, " ", "drugs")], None,
                 "Describe the pathway intervention", id="pathway-undescribed"),
    pytest.param([NO_REOFF, pathway("gardening")], None, "Unknown pathway 'gardening'",
                 id="pathway-unknown"),
])
def test_contract_rules_refuse(db, nav, eligible, conditions, hours, match):
    refused(db, nav, eligible, lambda: draft(db, nav, eligible, conditions, hours),
            ValidationError, match)
    assert casefile.get_case(db.uow(), nav, eligible).contract is None


@pytest.mark.parametrize("hours", [18, 36])
def test_community_hours_at_the_limits_are_accepted(db, nav, eligible, hours):
    draft(db, nav, eligible, [HOURS, pathway(), VICTIM, NO_REOFF, pathway("drugs")], hours)
    contract = casefile.get_case(db.uow(), nav, eligible).contract
    assert contract is not None
    assert contract.community_hours_required == hours
    assert contract.status == "draft"
    assert contract.conditions[0].kind == ConditionKind.NO_REOFFENDING.value
    assert len(contract.conditions) == 5
    assert any(f"Complete {hours} hours" in c.description for c in contract.conditions)
    assert contract.start_date == days_ago(130)
    assert cases.add_months(contract.start_date, 4) == contract.end_date


def test_a_tag_instead_of_hours_is_accepted(db, nav, eligible):
    draft(db, nav, eligible, [NO_REOFF, TAG])
    contract = casefile.get_case(db.uow(), nav, eligible).contract
    assert contract is not None
    assert [c.kind for c in contract.conditions] == ["no reoffending", "electronic tag"]
    assert contract.community_hours_required is None


def test_redrafting_replaces_the_conditions(db, nav, eligible):
    draft(db, nav, eligible, STANDARD_CONDITIONS, 20)
    draft(db, nav, eligible, [NO_REOFF, TAG])
    contract = casefile.get_case(db.uow(), nav, eligible).contract
    assert contract is not None and len(contract.conditions) == 2
    assert count(db, "contracts") == 1
    assert count(db, "contract_conditions") == 2


def test_a_contract_needs_the_eligibility_decision(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    refused(db, nav, ref, lambda: draft(db, nav, ref, STANDARD_CONDITIONS, 20),
            WorkflowError, "after the eligibility decision")


def test_other_schemes_have_no_contract(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    refused(db, coord, ref, lambda: draft(db, coord, ref, STANDARD_CONDITIONS, 20),
            WorkflowError, "Only Checkpoint cases have contracts")


# ---------------------------------------------------------------- starting it


def test_start_is_refused_until_all_ten_pathways_are_assessed(db, nav, eligible):
    pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.START, days_ago(135),
                               all_needs(skip=1))
    draft(db, nav, eligible, STANDARD_CONDITIONS, 20)
    refused(db, nav, eligible,
            lambda: contracts.start_contract(db.uow(), nav, eligible, signed_on=days_ago(130)),
            WorkflowError, r"start needs assessment first \(9 of 10 pathways assessed\)")
    detail = casefile.get_case(db.uow(), nav, eligible)
    assert detail.status is CaseStatus.ELIGIBILITY_DECIDED
    assert detail.contract is not None and detail.contract.status == "draft"
    assert detail.contract.signed_on is None


def test_an_exit_or_review_assessment_does_not_count_for_the_start(db, nav, eligible):
    pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.REVIEW, days_ago(135),
                               all_needs())
    draft(db, nav, eligible, STANDARD_CONDITIONS, 20)
    refused(db, nav, eligible,
            lambda: contracts.start_contract(db.uow(), nav, eligible, signed_on=days_ago(130)),
            WorkflowError, r"\(0 of 10 pathways assessed\)")


def test_start_is_accepted_once_all_ten_are_assessed(db, nav, eligible):
    pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.START, days_ago(135),
                               all_needs(skip=1))
    pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.START, days_ago(134),
                               [NeedInput("drugs", 3, "cannabis daily")])
    draft(db, nav, eligible, STANDARD_CONDITIONS, 20)
    contracts.start_contract(db.uow(), nav, eligible, signed_on=days_ago(130))
    detail = casefile.get_case(db.uow(), nav, eligible)
    assert detail.status is CaseStatus.CONTRACT_ACTIVE
    assert detail.contract is not None
    assert (detail.contract.status, detail.contract.signed_on) == ("active", days_ago(130))
    assert detail.stages[-1].on == days_ago(130)


def test_start_without_a_draft_is_refused(db, nav, eligible):
    pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.START, days_ago(135),
                               all_needs())
    refused(db, nav, eligible,
            lambda: contracts.start_contract(db.uow(), nav, eligible, signed_on=days_ago(130)),
            WorkflowError, "no draft contract")


def test_assessment_levels_are_checked(db, nav, eligible):
    refused(db, nav, eligible,
            lambda: pathways.record_assessment(db.uow(), nav, eligible, AssessmentStage.START,
                                               date.today(), [NeedInput("drugs", 5)]),
            ValidationError, "need level is 0 to 4; 5 was given")
    refused(db, nav, eligible,
            lambda: pathways.record_assessment(
                db.uow(), nav, eligible, AssessmentStage.START, date.today(),
                [NeedInput("drugs", 1), NeedInput("drugs", 2)]),
            ValidationError, "given twice")


# ---------------------------------------------------------------- completion and breach


@pytest.fixture
def active(db, coord, nav) -> str:
    return checkpoint_active(db, coord, nav)


def meet_all(db, nav, ref, positions=(1, 2, 3, 4)):
    for pos in positions:
        contracts.set_condition_state(db.uow(), nav, ref, pos, ConditionState.MET)


def test_completion_refused_while_conditions_are_open(db, nav, active):
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(100), hours="10",
                        task="Litter pick")
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(90), hours="8",
                        task="Charity shop")
    meet_all(db, nav, active, positions=(1, 2))
    refused(db, nav, active,
            lambda: cases.change_status(db.uow(), nav, active, CaseStatus.COMPLETED),
            WorkflowError, "not yet met: 3. pathway intervention")
    detail = casefile.get_case(db.uow(), nav, active)
    assert detail.contract is not None and detail.contract.status == "active"
    assert detail.outcome_code is None


def test_completion_refused_while_community_hours_are_short(db, nav, active):
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(100), hours="10.5",
                        task="Litter pick")
    meet_all(db, nav, active)  # the hours condition marked met by hand, the ledger says no
    refused(db, nav, active,
            lambda: cases.change_status(db.uow(), nav, active, CaseStatus.COMPLETED),
            WorkflowError, "Only 10.5 of 18 community hours are logged")


def test_no_reoffending_is_met_only_after_the_four_months(db, coord, nav):
    ref = checkpoint_active(db, coord, nav, start_days_ago=30)
    refused(db, nav, ref,
            lambda: contracts.set_condition_state(db.uow(), nav, ref, 1, ConditionState.MET),
            WorkflowError, "only at the end of the four months")


def test_hours_ledger_rules(db, nav, active):
    refused(db, nav, active,
            lambda: contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(140),
                                        hours="2", task="Before"),
            ValidationError, "before the contract started")
    refused(db, nav, active,
            lambda: contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(1),
                                        hours="13", task="Too long"),
            ValidationError, "between a quarter of an hour and 12 hours")
    refused(db, nav, active,
            lambda: contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(1),
                                        hours="lots", task="x"),
            ValidationError, "is not a number of hours")


def test_the_ledger_meets_the_hours_condition(db, nav, active):
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(100), hours="12",
                        task="Litter pick")
    contract = casefile.get_case(db.uow(), nav, active).contract
    assert contract is not None and contract.conditions[3].state == "open"
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(99), hours="6",
                        task="Litter pick")
    contract = casefile.get_case(db.uow(), nav, active).contract
    assert contract is not None
    assert contract.hours_done == Decimal(18)
    assert contract.conditions[3].state == "met"


def test_completion_sets_outcome_code_22(db, nav, active):
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(100), hours="12",
                        task="Litter pick")
    contracts.log_hours(db.uow(), nav, active, worked_on=days_ago(95), hours="6",
                        task="Food bank")
    meet_all(db, nav, active, positions=(1, 3))
    contracts.set_condition_state(db.uow(), nav, active, 2, ConditionState.OPEN,
                                  victim_declined=True)
    cases.change_status(db.uow(), nav, active, CaseStatus.COMPLETED)
    detail = casefile.get_case(db.uow(), nav, active)
    assert detail.status is CaseStatus.COMPLETED
    assert detail.outcome_code == "22"
    assert detail.ended_on == date.today()
    assert detail.contract is not None and detail.contract.status == "completed"


def test_breach_needs_a_reason(db, nav, active):
    for reason in (None, "  "):
        refused(db, nav, active,
                lambda reason=reason: cases.change_status(db.uow(), nav, active,
                                                          CaseStatus.BREACHED, reason=reason),
                ValidationError, "Say how the contract was breached")


def test_breach_for_reoffending_records_it(db, nav, active):
    cases.change_status(db.uow(), nav, active, CaseStatus.BREACHED,
                        reason="Reoffended: shop theft on 3 March")
    detail = casefile.get_case(db.uow(), nav, active)
    assert detail.status is CaseStatus.BREACHED
    assert detail.ended_on == date.today()
    assert detail.outcome_code is None
    assert detail.contract is not None
    assert detail.contract.status == "breached"
    assert detail.contract.breach_reason == "Reoffended: shop theft on 3 March"
    assert detail.contract.conditions[0].state == "not met"
    refused(db, nav, active,
            lambda: cases.change_status(db.uow(), nav, active, CaseStatus.COMPLETED),
            WorkflowError, "cannot go from 'Breached' to 'Completed'")


# ---------------------------------------------------------------- the whole journey


def test_checkpoint_journey(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=200,
                    offence_code="criminal-damage")
    assert casefile.get_case(db.uow(), nav, ref).status is CaseStatus.REFERRED
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(198))
    pathways.record_assessment(db.uow(), nav, ref, AssessmentStage.START, days_ago(190),
                               all_needs(level=3))
    pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
        InterventionKind.INTERVENTION, days_ago(150), "Alcohol brief intervention",
        pathway_code="alcohol", duration_minutes=45))
    contracts.draft_contract(db.uow(), nav, ref, start_date=days_ago(130),
                             conditions=STANDARD_CONDITIONS, community_hours=24)
    contracts.start_contract(db.uow(), nav, ref, signed_on=days_ago(130))
    for i, h in enumerate(("8", "8", "8")):
        contracts.log_hours(db.uow(), nav, ref, worked_on=days_ago(120 - 10 * i), hours=h,
                            task="Community garden")
    meet_all(db, nav, ref, positions=(1, 2, 3))
    pathways.record_assessment(db.uow(), nav, ref, AssessmentStage.EXIT, days_ago(1),
                               all_needs(level=1))
    cases.change_status(db.uow(), nav, ref, CaseStatus.COMPLETED)
    cases.change_status(db.uow(), coord, ref, CaseStatus.CLOSED, reason="Completed")
    detail = casefile.get_case(db.uow(), coord, ref)
    assert detail.status is CaseStatus.CLOSED
    assert detail.eligibility == Eligibility.ELIGIBLE.value
    assert detail.outcome_code == "22"
    assert detail.started_on == days_ago(198)
    assert [s.to_status for s in detail.stages] == [
        "referred", "eligibility-decided", "contract-active", "completed", "closed"]
    assert detail.contract is not None
    assert all(c.state == "met" for c in detail.contract.conditions)
    assert detail.contract.hours_done == Decimal(24)
    assert len([a for a in detail.assessments if a.stage == "exit"]) == 10
    assert len(detail.interventions) == 1
    assert count(db, "audit_events", "case_id = :c AND action = 'case.status'",
                 c=detail.id) == 4
