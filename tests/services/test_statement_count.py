"""Opening a case, and My work, cost the same number of SQL statements whatever the size of the
case or of the database: no query per row.

The statements are counted on the real engine (SQLAlchemy's ``before_cursor_execute`` event), so
a lazy load or a loop of queries slipped into ``get_case`` makes the big case cost more.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event, select

from app.db import Database
from app.models.cases import CaseStatus, Scheme
from app.models.contracts import ConditionKind
from app.models.pathways import InterventionKind
from app.models.users import Role, User
from app.services import casefile, cases, contracts, demo, indicators, pathways, users
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


def _demo_actor(db: Database, username: str) -> Actor:
    with db.uow() as uow:
        return users.actor_for(uow.session.scalars(
            select(User).where(User.username == username)).one())


def test_my_work_costs_the_same_statements_with_ten_times_the_cases(db: Database) -> None:
    """Each section is one LIMITed query and one statement counts them all, so a database ten
    times bigger costs the same statements and shows at most SECTION_LIMIT rows a section."""
    demo.build(db.uow(), cases=60, seed=3)
    coord, nav = _demo_actor(db, "coordinator"), _demo_actor(db, "navigator")
    with counting(db) as small_coord:
        casefile.my_work(db.uow(), coord)
    with counting(db) as small_nav:
        casefile.my_work(db.uow(), nav)

    demo.build(db.uow(), cases=600, seed=4)
    with counting(db) as big_coord:
        work = casefile.my_work(db.uow(), coord)
    with counting(db) as big_nav:
        nav_work = casefile.my_work(db.uow(), nav)

    assert len(big_coord) == len(small_coord)
    assert len(big_nav) == len(small_nav)
    sections = ("caseload", "appointments_today", "overdue_appointments", "missed_bail",
                "contracts_ending", "actions_due", "followups_due", "referrals_awaiting")
    for w in (work, nav_work):
        for name in sections:
            assert len(getattr(w, name)) <= casefile.SECTION_LIMIT
            assert w.more(name) >= 0
    # the counts are the whole sections, not the rows shown
    open_cases = casefile.count_cases(db.uow(), coord, casefile.CaseFilter(active_only=True))
    referred = casefile.count_cases(db.uow(), coord,
                                    casefile.CaseFilter(status=CaseStatus.REFERRED))
    assert work.totals.caseload == open_cases > casefile.SECTION_LIMIT
    assert work.totals.referrals_awaiting == referred
    assert work.more("caseload") == open_cases - casefile.SECTION_LIMIT


#: What the dashboard's figures may cost, whatever the number of cases (one aggregate query per
#: family of figures and a few per follow-up window; docs/indicators.md).
INDICATOR_STATEMENTS = 30


def test_the_dashboard_costs_the_same_statements_with_ten_times_the_cases(db: Database) -> None:
    """The figures are aggregate queries and the cases behind one figure one more query, so
    ten times the cases run the very same statements (and none names a case per row). The
    figures are asked for years later, when every follow-up window has closed, so that both
    sizes take the same branches (a window still open skips the query of its answers)."""
    demo.build(db.uow(), cases=60, seed=3)
    coord = _demo_actor(db, "coordinator")
    scope = indicators.Scope(date.today() - timedelta(days=365), date.today())
    today = date.today() + timedelta(days=4 * 366)
    with counting(db) as small:
        indicators.compute(db.uow(), coord, scope, today=today, named=False)
    with counting(db) as small_cases:
        indicators.figure_cases(db.uow(), coord, scope, "completion_rate.checkpoint",
                                today=today)

    demo.build(db.uow(), cases=600, seed=4)
    with counting(db) as big:
        report = indicators.compute(db.uow(), coord, scope, today=today, named=False)
    with counting(db) as big_cases:
        behind = indicators.figure_cases(db.uow(), coord, scope, "completion_rate.checkpoint",
                                         today=today)

    assert big == small, "\n".join(sorted(set(big) ^ set(small)))
    assert len(big) <= INDICATOR_STATEMENTS
    assert big_cases == small_cases
    completion = report.figure("completion_rate.checkpoint")
    assert len(behind.cases) + behind.unnamed == completion.denominator > 60


def test_my_work_counts_stop_at_the_cap(db: Database) -> None:
    """More than COUNT_CAP open cases: the caseload says '1,000+' rather than counting on."""
    demo.build(db.uow(), cases=1_800, seed=5)
    coord = _demo_actor(db, "coordinator")
    open_cases = casefile.count_cases(db.uow(), coord, casefile.CaseFilter(active_only=True))
    assert open_cases > casefile.COUNT_CAP
    work = casefile.my_work(db.uow(), coord)
    assert work.capped("caseload") and work.totals.caseload == casefile.COUNT_CAP + 1
    assert work.more("caseload") == casefile.COUNT_CAP - casefile.SECTION_LIMIT
    assert len(work.caseload) == casefile.SECTION_LIMIT
    small = [name for name in ("missed_bail", "contracts_ending", "referrals_awaiting")
             if 0 < getattr(work.totals, name) <= casefile.COUNT_CAP]
    assert small and not any(work.capped(name) for name in small)
