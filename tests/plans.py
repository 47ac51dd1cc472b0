"""What SQLite does for a service call: each statement it ran and the query plan of each, for
the tests that a use case reads its rows through indexes (never scanning a growing table)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event

from app.db import Database
from app.services.context import Actor

T = TypeVar("T")


def planned(db: Database, call: Callable[[], T], keep: Callable[[str], bool]
            ) -> tuple[T, list[tuple[str, list[str]]]]:
    """``call()``'s result, and (statement, plan steps) for each statement it ran that ``keep``
    selects, planned with the parameters it ran with."""
    seen: list[tuple[str, Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        result = call()
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    with db.engine.connect() as conn:
        plans = [(statement, [r[3] for r in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", params)])
                 for statement, params in seen if keep(statement)]
    return result, plans


def demo_database(path: Path) -> tuple[Database, Actor]:
    """A 60-case demo (seed 5) in a new file at ``path``, and its coordinator: the data the
    plan tests read (a module builds it once, in a fixture)."""
    from sqlalchemy import select

    from app.models.users import User
    from app.services import demo, users

    db = Database(f"sqlite:///{path}")
    demo.build(db.uow(), cases=60, seed=5)
    with db.uow() as uow:
        coord = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    return db, coord
