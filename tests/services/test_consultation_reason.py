"""DPA 2018 s.62: opening a restricted case one is not assigned to says why. The service decides
when a reason is needed, keeps it in the audit row of the view, and opens nothing without one."""

from __future__ import annotations

import pytest

from app.errors import ReasonRequired, ValidationError
from app.models.cases import Scheme
from app.models.users import Role
from app.services import audit, casefile
from app.services.context import Actor
from tests.factories import make_case, make_user


def views(db, coord: Actor, ref: str) -> list[str | None]:
    return [r.detail for r in audit.search(db.uow(), coord, action="case.view",
                                           case_reference=ref)]


def test_a_restricted_case_not_assigned_needs_a_reason(db, coord, nav) -> None:
    other = make_user(db, Role.COORDINATOR, full_name="Second Coordinator")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, offence_code="domestic-abuse")
    assert casefile.reason_needed(db.uow(), other, ref)
    with pytest.raises(ReasonRequired, match="restricted and not assigned to you"):
        casefile.get_case(db.uow(), other, ref)
    with pytest.raises(ReasonRequired):
        casefile.get_case(db.uow(), other, ref, reason="   ")
    with pytest.raises(ValidationError, match="keep it to 200"):
        casefile.get_case(db.uow(), other, ref, reason="x" * 201)
    assert views(db, other, ref) == []  # a refusal to say why opened (and recorded) nothing
    detail = casefile.get_case(db.uow(), other, ref,
                               reason="Supervision:\n monthly  caseload review")
    assert detail.restricted
    assert views(db, other, ref) == ["reason: Supervision: monthly caseload review"]


def test_assigned_workers_and_open_cases_need_none(db, coord, nav) -> None:
    restricted = make_case(db, coord, Scheme.CHECKPOINT, worker=nav,
                           offence_code="domestic-abuse")
    open_case = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    assert not casefile.reason_needed(db.uow(), nav, restricted)
    assert casefile.get_case(db.uow(), nav, restricted).restricted
    assert not casefile.reason_needed(db.uow(), coord, open_case)
    casefile.get_case(db.uow(), coord, open_case)
    assert views(db, coord, open_case) == [None]
    # a reader who may not open it at all is not asked: opening refuses them
    other_nav = make_user(db, Role.NAVIGATOR, full_name="Tom Other")
    assert not casefile.reason_needed(db.uow(), other_nav, restricted)


def test_a_reload_of_an_open_case_asks_nothing_more(db, coord, nav) -> None:
    other = make_user(db, Role.COORDINATOR, full_name="Second Coordinator")
    ref = make_case(db, coord, Scheme.GATEWAY, offence_code="domestic-abuse")
    assert casefile.reason_needed(db.uow(), other, ref)
    casefile.get_case(db.uow(), other, ref, reason="Covering for the mentor")
    assert casefile.get_case(db.uow(), other, ref, audit_view=False).reference == ref
