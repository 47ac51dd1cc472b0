"""My work's "follow-ups due" reads only the follow-ups still to do: with ten years of cases
almost every exit follow-up is done, and the list (and its count) walked past all of them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models.users import User
from app.services import casefile, demo, users
from tests.plans import planned


def test_follow_ups_due_read_the_index_of_those_not_done(db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    demo.build(db.uow(), cases=60, seed=5)
    with db.uow() as uow:
        coord = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    work, plans = planned(db, lambda: casefile.my_work(db.uow(), coord),
                          keep=lambda sql: sql.startswith("SELECT") and "exit_followups" in sql)
    steps = [step for _sql, plan in plans for step in plan]
    db.dispose()
    followups = [s for s in steps if "exit_followups" in s]
    assert len(followups) >= 2, steps  # the list and its count
    assert all("ix_exit_followups_due_open" in s for s in followups), followups
    assert all(f.due_on is not None for f in work.followups_due)
