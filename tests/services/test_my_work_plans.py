"""My work's "follow-ups due" reads only the follow-ups still to do: with ten years of cases
almost every exit follow-up is done, and the list (and its count) walked past all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from app.db import Database
from app.models.users import User
from app.services import casefile, demo, users


def test_follow_ups_due_read_the_index_of_those_not_done(db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    demo.build(db.uow(), cases=60, seed=5)
    with db.uow() as uow:
        coord = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    seen: list[tuple[str, Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        work = casefile.my_work(db.uow(), coord)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    steps: list[str] = []
    with db.engine.connect() as conn:
        for statement, params in seen:
            if statement.startswith("SELECT") and "exit_followups" in statement:
                steps += [r[3] for r in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", params)]
    db.dispose()
    followups = [s for s in steps if "exit_followups" in s]
    assert len(followups) >= 2, steps  # the list and its count
    assert all("ix_exit_followups_due_open" in s for s in followups), followups
    assert all(f.due_on is not None for f in work.followups_due)
