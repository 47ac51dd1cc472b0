"""What the case screen may offer: every action and stage move for this case and this user,
enabled or with its reason; the reasons are the ones the use cases give when they refuse."""

from __future__ import annotations

import pytest

from app.errors import AccessDenied, DomainError
from app.models.cases import CaseStatus, Scheme
from app.models.users import Role
from app.services import cases, contracts, pathways
from app.services.case_actions import CaseAction, allowed_actions
from tests.factories import make_case, make_user
from tests.services.journeys import (
    STANDARD_CONDITIONS,
    all_needs,
    checkpoint_active,
    checkpoint_eligible,
    days_ago,
    nr_assessed,
)


def test_a_new_checkpoint_referral_offers_the_decision_and_explains_the_rest(db, coord, nav):
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    got = allowed_actions(db.uow(), coord, ref)
    assert got.enabled(CaseAction.DECIDE) and got.enabled(CaseAction.ASSIGN)
    draft = got.get(CaseAction.DRAFT_CONTRACT)
    assert draft is not None and not draft.enabled
    assert "after the eligibility decision" in draft.reason
    assert got.get(CaseAction.START_CONTRACT).reason == "There is no draft contract to start."
    assert got.get(CaseAction.APPOINTMENT_KEPT).reason == \
        "No appointment is waiting for its outcome."
    assert got.get(CaseAction.RECORD_MEETING) is None  # not a restorative case
    assert got.get(CaseAction.RECORD_EXIT_FOLLOWUP) is None  # Gateway only
    # the decision is its own action, not a stage move; closing needs a reason and a warning
    assert [m.to for m in got.moves] == [CaseStatus.CLOSED]
    close = got.moves[0]
    assert close.enabled and close.needs_reason and "cannot be reopened" in close.confirm


def test_a_worker_who_does_not_hold_the_case_is_told_so(db, coord, nav):
    other = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    nav2 = make_user(db, Role.NAVIGATOR)
    with pytest.raises(AccessDenied):
        allowed_actions(db.uow(), nav2, other)  # cannot even see it
    mine = allowed_actions(db.uow(), nav, other)
    assert mine.get(CaseAction.DECIDE) is None and mine.get(CaseAction.ASSIGN) is None
    assert mine.enabled(CaseAction.ADD_PARTY)


def test_the_contract_buttons_follow_the_contract(db, coord, nav):
    ref = checkpoint_eligible(db, coord, nav)
    got = allowed_actions(db.uow(), nav, ref)
    assert got.enabled(CaseAction.DRAFT_CONTRACT)
    contracts.draft_contract(db.uow(), nav, ref, start_date=days_ago(130),
                             conditions=STANDARD_CONDITIONS, community_hours=18)
    start = allowed_actions(db.uow(), nav, ref).get(CaseAction.START_CONTRACT)
    assert not start.enabled and start.reason.startswith("Complete the start needs assessment")
    pathways.record_assessment(db.uow(), nav, ref, pathways.AssessmentStage.START,
                               days_ago(131), all_needs())
    assert allowed_actions(db.uow(), nav, ref).enabled(CaseAction.START_CONTRACT)

    active = checkpoint_active(db, coord, nav)
    got = allowed_actions(db.uow(), nav, active)
    complete = got.get(CaseAction.COMPLETE)
    assert not complete.enabled and complete.reason.startswith("These conditions are not yet met")
    assert "cannot be undone" in complete.confirm
    breach = got.get(CaseAction.BREACH)
    assert breach.enabled and "breach" in breach.confirm.lower()
    assert got.enabled(CaseAction.LOG_HOURS) and got.enabled(CaseAction.CONDITION_MET)
    assert not got.enabled(CaseAction.DRAFT_CONTRACT)


def test_every_refused_move_is_refused_with_the_same_words(db, coord, fac, fac2):
    ref = nr_assessed(db, coord, fac, fac2)
    got = allowed_actions(db.uow(), fac, ref)
    consent = next(m for m in got.moves if m.to is CaseStatus.CONSENT_OBTAINED)
    assert not consent.enabled
    with pytest.raises(DomainError) as exc:
        cases.change_status(db.uow(), fac, ref, CaseStatus.CONSENT_OBTAINED)
    assert exc.value.message == consent.reason
    assert not got.enabled(CaseAction.RECORD_MEETING)
    assert got.enabled(CaseAction.RECORD_CALLS)


def test_a_closed_case_keeps_only_what_comes_after_it(db, coord, mentor):
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    cases.change_status(db.uow(), coord, ref, CaseStatus.CLOSED, reason="Moved away")
    got = allowed_actions(db.uow(), coord, ref)
    assert got.moves == ()
    for offer in got.offers:
        if offer.action in (CaseAction.GENERATE_DOCUMENT, CaseAction.REPRINT_DOCUMENT,
                            CaseAction.RECORD_EXIT_FOLLOWUP, CaseAction.RECORD_REOFFENDING,
                            CaseAction.ADD_ATTACHMENT, CaseAction.OPEN_ATTACHMENT,
                            CaseAction.REMOVE_ATTACHMENT, CaseAction.PRINT_DOCUMENT,
                            CaseAction.ADD_NOTE, CaseAction.PARTY_CATEGORY):
            continue
        assert not offer.enabled and offer.reason == f"Case {ref} is closed.", offer
    assert got.enabled(CaseAction.GENERATE_DOCUMENT)
    assert got.enabled(CaseAction.ADD_NOTE)  # a call after closure is still written down
    # how a party is categorised can be put right while the data is held (a subject access)
    assert got.enabled(CaseAction.PARTY_CATEGORY)
    # a signed form scanned after the case closed can still be attached
    assert got.enabled(CaseAction.ADD_ATTACHMENT)
    assert got.get(CaseAction.OPEN_ATTACHMENT).reason == "No attachment is on the case."
    assert got.get(CaseAction.RECORD_REOFFENDING).reason == \
        "Reoffending is checked after the case has ended."
