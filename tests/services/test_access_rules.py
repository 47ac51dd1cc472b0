"""Who may see and change which case: the same answer from opening a case, listing cases and
saving a change."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import AccessDenied
from app.models.cases import CaseStatus, Scheme
from app.models.pathways import InterventionKind
from app.models.settings import AppSetting
from app.models.users import Role
from app.services import access, casefile, cases, pathways
from app.services.casefile import CaseFilter
from app.services.pathways import InterventionInput
from tests.factories import make_case, make_user
from tests.services.journeys import refused


def visible(db, actor) -> set[str]:
    return {r.reference for r in casefile.list_cases(db.uow(), actor, CaseFilter())}


def note(db, actor, ref):
    return lambda: pathways.log_intervention(db.uow(), actor, ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Phone call"))


def allow_navigators_to_read_all(db) -> None:
    uow = db.uow()
    with uow:
        uow.session.add(AppSetting(key=access.NAVIGATORS_READ_ALL, value="1"))
        uow.commit()


@pytest.fixture
def three(db, coord, nav, fac, mentor) -> dict[Scheme, str]:
    return {Scheme.CHECKPOINT: make_case(db, coord, Scheme.CHECKPOINT, worker=nav),
            Scheme.NEIGHBOURHOOD_RESOLUTION: make_case(db, coord,
                                                       Scheme.NEIGHBOURHOOD_RESOLUTION,
                                                       worker=fac),
            Scheme.GATEWAY: make_case(db, coord, Scheme.GATEWAY, worker=mentor)}


def test_a_facilitator_cannot_see_or_edit_a_checkpoint_case(db, coord, fac, three):
    cp = three[Scheme.CHECKPOINT]
    with pytest.raises(AccessDenied, match=f"You do not have access to case {cp}"):
        casefile.get_case(db.uow(), fac, cp)
    refused(db, coord, cp, note(db, fac, cp), AccessDenied, "do not have access")
    refused(db, coord, cp, lambda: cases.change_status(db.uow(), fac, cp, CaseStatus.CLOSED,
                                                       reason="x"),
            AccessDenied, "do not have access")
    assert visible(db, fac) == {three[Scheme.NEIGHBOURHOOD_RESOLUTION]}


def test_a_mentor_sees_only_her_mentees(db, coord, mentor, three):
    other_mentor = make_user(db, Role.MENTOR, full_name="Beth Other")
    hers = three[Scheme.GATEWAY]
    not_hers = make_case(db, coord, Scheme.GATEWAY, worker=other_mentor)
    unassigned = make_case(db, coord, Scheme.GATEWAY)
    assert visible(db, mentor) == {hers}
    assert casefile.get_case(db.uow(), mentor, hers).can_edit
    for ref in (not_hers, unassigned, three[Scheme.CHECKPOINT]):
        with pytest.raises(AccessDenied, match="do not have access"):
            casefile.get_case(db.uow(), mentor, ref)
        refused(db, coord, ref, note(db, mentor, ref), AccessDenied, "do not have access")
    assert casefile.count_cases(db.uow(), mentor, CaseFilter()) == 1


def test_a_navigator_not_assigned_cannot_see_or_edit(db, coord, nav, three):
    other_nav = make_user(db, Role.NAVIGATOR, full_name="Tom Other")
    cp = three[Scheme.CHECKPOINT]
    assert visible(db, other_nav) == set()
    refused(db, coord, cp, note(db, other_nav, cp), AccessDenied, "do not have access")


def test_a_navigator_allowed_to_read_all_still_cannot_edit(db, coord, nav, three):
    other_nav = make_user(db, Role.NAVIGATOR, full_name="Tom Other")
    cp = three[Scheme.CHECKPOINT]
    allow_navigators_to_read_all(db)
    assert visible(db, other_nav) == {cp}
    detail = casefile.get_case(db.uow(), other_nav, cp)
    assert not detail.can_edit
    refused(db, coord, cp, note(db, other_nav, cp), AccessDenied,
            f"You cannot change case {cp}: it is not assigned to you")
    refused(db, coord, cp,
            lambda: cases.change_status(db.uow(), other_nav, cp, CaseStatus.CLOSED,
                                        reason="x"),
            AccessDenied, "not assigned to you")


def test_read_all_never_opens_a_restricted_case(db, coord, nav):
    other_nav = make_user(db, Role.NAVIGATOR, full_name="Tom Other")
    restricted = make_case(db, coord, Scheme.CHECKPOINT, worker=nav,
                           offence_code="domestic-abuse")
    allow_navigators_to_read_all(db)
    assert visible(db, other_nav) == set()
    with pytest.raises(AccessDenied):
        casefile.get_case(db.uow(), other_nav, restricted)
    assert casefile.get_case(db.uow(), nav, restricted).restricted


def test_an_administrator_sees_no_cases(db, coord, three):
    admin = make_user(db, Role.ADMINISTRATOR, full_name="Sam Admin")
    assert visible(db, admin) == set()
    assert casefile.count_cases(db.uow(), admin, CaseFilter()) == 0
    for ref in three.values():
        with pytest.raises(AccessDenied, match="do not have access"):
            casefile.get_case(db.uow(), admin, ref)
        refused(db, coord, ref, note(db, admin, ref), AccessDenied, "do not have access")
    assert casefile.my_work(db.uow(), admin).caseload == ()


def test_an_administrator_who_also_coordinates_sees_every_case(db, three):
    admin = make_user(db, Role.ADMINISTRATOR, full_name="Sam Admin", also_coordinator=True)
    assert visible(db, admin) == set(three.values())
    note(db, admin, three[Scheme.GATEWAY])()


@pytest.mark.parametrize("role", [Role.NAVIGATOR, Role.FACILITATOR, Role.MENTOR,
                                  Role.ADMINISTRATOR])
def test_only_coordinators_decide_referrals(db, coord, three, role):
    user = make_user(db, role)
    ref = three[Scheme.CHECKPOINT]
    refused(db, coord, ref,
            lambda: cases.decide_eligibility(db.uow(), user, ref, eligible=True),
            AccessDenied, "cannot decide eligibility")


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MENTOR, Role.ADMINISTRATOR])
def test_who_may_take_a_referral(db, role):
    from tests.factories import referral

    user = make_user(db, role)
    with pytest.raises(AccessDenied, match="cannot refer"):
        cases.create_referral(db.uow(), user, referral(Scheme.CHECKPOINT))
