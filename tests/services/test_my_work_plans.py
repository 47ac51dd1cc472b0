"""My work's "follow-ups due" reads only the follow-ups still to do: with ten years of cases
almost every exit follow-up is done, and the list (and its count) walked past all of them."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models.users import User
from app.services import casefile, users
from app.services.context import Actor
from tests.plans import planned


def test_follow_ups_due_read_the_index_of_those_not_done(
        plans_demo: tuple[Database, Actor]) -> None:
    db, coord = plans_demo
    work, plans = planned(db, lambda: casefile.my_work(db.uow(), coord),
                          keep=lambda sql: sql.startswith("SELECT") and "exit_followups" in sql)
    steps = [step for _sql, plan in plans for step in plan]
    followups = [s for s in steps if "exit_followups" in s]
    assert len(followups) >= 2, steps  # the list and its count
    assert all("ix_exit_followups_due_open" in s for s in followups), followups
    assert all(f.due_on is not None for f in work.followups_due)


def test_missed_bail_appointments_are_read_newest_first_from_their_index(
        plans_demo: tuple[Database, Actor]) -> None:
    """Ten years hold a hundred thousand missed bail appointments, nearly all on closed cases:
    the count (like the list) walks the status, bail and time index newest first, reading the
    entered-in-error flag from it, so it stops at the cap after the open cases' recent ones
    instead of looking every old one and its case up."""
    db, coord = plans_demo
    work, plans = planned(db, lambda: casefile.my_work(db.uow(), coord),
                          keep=lambda sql: sql.startswith("SELECT")
                          and "bail_condition IS 1" in sql)
    assert len(plans) == 2, [sql for sql, _plan in plans]  # the count of all sections, the list
    for _sql, plan in plans:
        bail = [s for s in plan if "appointments" in s and "bail" in s]
        assert bail and all("ix_appointments_status_bail_when" in s for s in bail), plan
        assert not any("TEMP B-TREE" in s for s in plan), plan  # read in the index's order
    count_sql, count_plan = next((sql, plan) for sql, plan in plans if "count(*)" in sql)
    assert any("COVERING INDEX ix_appointments_status_bail_when" in s for s in count_plan)
    # the index in either direction has no temporary B-tree: the count must ask for newest first
    bail_count = count_sql[count_sql.index("bail_condition IS 1"):]
    assert "ORDER BY appointments.starts_at DESC" in bail_count.split("AS anon_")[0], count_sql
    assert work.missed_bail == tuple(sorted(work.missed_bail, key=lambda w: w.due, reverse=True))


def test_agreement_actions_due_are_counted_from_their_index_alone(
        plans_demo: tuple[Database, Actor]) -> None:
    """The count of actions due reads whether each is live from the index (0028), looking up
    only its agreement and case, and the list reads them in due order from the same index."""
    db, coord = plans_demo
    _work, plans = planned(db, lambda: casefile.my_work(db.uow(), coord),
                           keep=lambda sql: sql.startswith("SELECT")
                           and "agreement_actions.kept IS NULL" in sql)
    assert len(plans) == 2, [sql for sql, _plan in plans]  # the count of all sections, the list
    for sql, plan in plans:
        actions = [s for s in plan if "agreement_actions" in s]
        assert actions and all("ix_agreement_actions_kept_live_due" in s for s in actions), plan
        assert "entered_in_error=?" in actions[0], plan
        if "count(*)" in sql:
            assert "COVERING INDEX" in actions[0], plan
        else:
            assert not any("TEMP B-TREE" in s for s in plan), plan


def test_a_navigators_my_work_never_lists_every_case_they_may_see(
        plans_demo: tuple[Database, Actor]) -> None:
    """A navigator of a force-wide team may see thousands of cases: each section tests the
    access rule on its own case row, so today's appointments are read from their index and
    each one's case looked up, instead of listing every case the navigator may see first."""
    db, _coord = plans_demo
    with db.uow() as uow:
        navigator = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "navigator")).one())
    work, plans = planned(db, lambda: casefile.my_work(db.uow(), navigator),
                          keep=lambda sql: sql.startswith("SELECT") and "cases" in sql)
    assert len(plans) >= 3, [sql for sql, _plan in plans]
    for sql, plan in plans:
        assert not any("LIST SUBQUERY" in s for s in plan), (sql, plan)
    today = next(plan for sql, plan in plans
                 if "appointments.starts_at >=" in sql and "count(*)" not in sql)
    assert "appointments" in today[0] and "INDEX" in today[0], today
    assert work.caseload  # the navigator has cases, so the plans above read real ones
