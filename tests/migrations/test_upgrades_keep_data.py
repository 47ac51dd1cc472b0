"""Upgrading keeps every row: for each revision a database could be at, a populated database at
that revision is brought to head and every row it held is compared with what is there after.

Written over the script directory, so each new revision is covered as soon as it is added. The
rows come from a demo database at head, poured into the older schema column by column (the
columns both schemas have), which is what a real database at that revision would hold.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app.cli import main
from app.db import Database
from app.services import database, tallies

REVISIONS = [s.revision for s in ScriptDirectory.from_config(database.alembic_config())
             .walk_revisions()]


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("populated") / "demo.db"
    assert main(["--database", f"sqlite:///{path}", "demo", "--cases", "40"]) == 0
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _tables(conn: sqlite3.Connection, schema: str = "main") -> dict[str, list[str]]:
    """Tables that hold data; full-text indexes (virtual tables and their shadow tables) and
    the indicator tallies are derived from those tables by triggers, so they are left to the
    triggers."""
    rows = conn.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'").fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    names = [n for n, _ in rows if not any(n == v or n.startswith(v + "_") for v in virtual)
             and not n.startswith(tallies.PREFIX)]
    return {n: [c[1] for c in conn.execute(f'PRAGMA {schema}.table_info("{n}")')]
            for n in names}


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple[object, ...]]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return sorted(conn.execute(f'SELECT {cols} FROM "{table}"').fetchall(), key=repr)


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_each_revision_keeps_every_row(revision: str, populated: Path,
                                                    tmp_path: Path) -> None:
    path = tmp_path / f"at-{revision}.db"
    old = Database(f"sqlite:///{path}")
    database.upgrade(old, revision)
    old.dispose()

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS src", (str(populated),))
    source = _tables(conn, "src")
    at_revision = _tables(conn)
    kept: dict[str, list[str]] = {}
    for table, columns in at_revision.items():
        common = [c for c in columns if c in source.get(table, [])]
        if common:
            cols = ", ".join(f'"{c}"' for c in common)
            conn.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM src."{table}"')
            kept[table] = common
    conn.commit()
    before = {t: _rows(conn, t, cols) for t, cols in kept.items()}
    conn.execute("DETACH DATABASE src")
    conn.close()
    assert sum(len(r) for r in before.values()) > 1000  # a real amount of data went in
    assert before["cases"] and before["audit_events"]

    upgraded = Database(f"sqlite:///{path}")
    database.upgrade(upgraded)
    result = database.check(upgraded)
    upgraded.dispose()
    assert result.ok, result.problems
    conn = sqlite3.connect(path)
    try:
        for table, cols in kept.items():
            assert _rows(conn, table, cols) == before[table], table
    finally:
        conn.close()
