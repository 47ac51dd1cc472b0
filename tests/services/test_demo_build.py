"""The demo's quick paths make the data the slow ones would: rows made in a second process
are the rows made in one, and the columns the generator fills in itself (for triggers it drops
while it writes) hold what those triggers give."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select, text

from app.db import Database
from app.models import Base
from app.models.base import UTCDateTime
from app.services import demo
from tests.conftest import pg_database

BUILT_ON = date(2026, 3, 2)


@contextmanager
def _second(db_backend: str, request: pytest.FixtureRequest, tmp_path: Path
            ) -> Iterator[Database]:
    """Another migrated database on the same store as ``db``."""
    if db_backend == "postgresql":
        with pg_database(template=request.getfixturevalue("pg_migrated_template")) as url:
            other = Database(url)
            yield other
            other.dispose()
    else:
        path = tmp_path / "second.db"
        path.write_bytes(request.getfixturevalue("migrated_template").read_bytes())
        other = Database(f"sqlite:///{path}")
        yield other
        other.dispose()


def _content(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows by id, without the moments of writing (the build's clock) and the
    password hashes (salted)."""
    content = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "audit_events":
            continue
        columns = [c for c in table.columns if not isinstance(c.type, UTCDateTime)
                   and c.name != "password_hash"]
        content[table.name] = [tuple(row) for row in conn.execute(
            select(*columns).order_by(*table.primary_key.columns))]
    return content


def test_rows_made_in_a_second_process_are_the_rows_made_in_one(
        db: Database, db_backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    demo.build(db.uow(), cases=240, seed=3, today=BUILT_ON, parallel=True)
    with _second(db_backend, request, tmp_path) as other:
        demo.build(other.uow(), cases=240, seed=3, today=BUILT_ON, parallel=False)
        with db.engine.connect() as a, other.engine.connect() as b:
            made, expected = _content(a), _content(b)
    assert sum(map(len, made.values())) > 5_000
    for name, rows in expected.items():
        assert made[name] == rows, name


def test_columns_the_generator_fills_are_what_the_triggers_make(db: Database) -> None:
    demo.build(db.uow(), cases=240, seed=5, today=BUILT_ON)
    cases = "SELECT id, result_stage, end_date FROM cases ORDER BY id"
    exits = "SELECT id, start_level FROM pathway_assessments ORDER BY id"
    with db.engine.begin() as conn:
        filled = conn.execute(text(cases)).all(), conn.execute(text(exits)).all()
        assert any(stage for _, stage, _ in filled[0])
        assert any(level is not None for _, level in filled[1])
        # set the triggers off again over every row: they recompute the three columns
        conn.execute(text("UPDATE cases SET result_stage = NULL, end_date = NULL"))
        conn.execute(text("CREATE TEMPORARY TABLE replay AS SELECT * FROM status_changes"))
        conn.execute(text("DELETE FROM status_changes"))
        conn.execute(text("INSERT INTO status_changes SELECT * FROM replay ORDER BY id"))
        conn.execute(text("UPDATE pathway_assessments SET start_level = NULL"))
        conn.execute(text("UPDATE pathway_assessments SET level = level"))
        assert (conn.execute(text(cases)).all(), conn.execute(text(exits)).all()) == filled
