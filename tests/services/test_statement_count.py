"""Opening a case costs the same number of SQL statements whatever its size: no query per row.

The statements are counted on the real engine (SQLAlchemy's ``before_cursor_execute`` event), so
a lazy load or a loop of queries slipped into ``get_case`` makes the big case cost more.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from app.db import Database
from app.models.cases import Scheme
from app.models.contracts import ConditionKind
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import casefile, cases, contracts, pathways
from app.services.context import Actor
from app.services.contracts import ConditionInput
from tests.factories import make_case, make_user


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)


def _accepted_case(db: Database, coord: Actor, nav: Actor) -> str:
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=60)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    return ref


def test_a_case_with_200_interventions_costs_the_same_statements_as_a_small_one(
        db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    small = _accepted_case(db, coord, nav)
    big = _accepted_case(db, coord, nav)
    for n in range(200):
        pathways.log_intervention(db.uow(), nav, big, pathways.InterventionInput(
            kind=InterventionKind.CONTACT, occurred_on=date.today() - timedelta(days=n % 50),
            summary=f"Phone check-in {n}", pathway_code="accommodation" if n % 2 else None,
            notes="Talked about the tenancy." if n % 3 == 0 else None))

    with counting(db) as small_statements:
        small_detail = casefile.get_case(db.uow(), coord, small)
    with counting(db) as big_statements:
        big_detail = casefile.get_case(db.uow(), coord, big)

    assert len(small_detail.interventions) == 0
    assert len(big_detail.interventions) == 200
    assert len(big_statements) == len(small_statements), (
        "opening the big case ran a different set of statements:\n"
        + "\n".join(sorted(set(big_statements) ^ set(small_statements))))


def test_the_statement_count_does_not_depend_on_which_records_a_case_has(db: Database) -> None:
    """A referral with nothing on it and a case with a contract and assessments cost the same."""
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    bare = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    fuller = _accepted_case(db, coord, nav)
    pathways.log_intervention(db.uow(), nav, fuller, pathways.InterventionInput(
        kind=InterventionKind.INTERVENTION, occurred_on=date.today(), summary="Home visit"))
    contracts.draft_contract(
        db.uow(), nav, fuller, start_date=date.today(), community_hours=18,
        conditions=[ConditionInput(ConditionKind.NO_REOFFENDING),
                    ConditionInput(ConditionKind.COMMUNITY_HOURS)])

    with counting(db) as bare_statements:
        casefile.get_case(db.uow(), coord, bare)
    with counting(db) as fuller_statements:
        detail = casefile.get_case(db.uow(), coord, fuller)
    assert detail.contract is not None and len(detail.contract.conditions) == 2
    assert len(bare_statements) == len(fuller_statements)
