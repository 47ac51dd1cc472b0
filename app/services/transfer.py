"""Move a desktop database to a team's PostgreSQL server (or any empty Pathways database).

The copy is row for row in one transaction on the target: tables in foreign-key order, ids kept
(so references, document hashes and the audit trail stay exactly as they were), sequences moved
past the copied ids. Afterwards every table is read back from both sides and compared row by
row; only a copy that matches counts. A target that already holds tables is refused, so nothing
of a team's server is ever overwritten.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, inspect, select, text, update

from app.db import Database, is_sqlite
from app.errors import AccessDenied, DatabaseProblem
from app.models import Base
from app.services import audit, database
from app.services.context import Actor

BATCH = 500


@dataclass(frozen=True)
class CopyReport:
    tables: tuple[tuple[str, int], ...]  # (table, rows), in copy order
    documents: int
    #: The copy is a plaintext file made from a protected (encrypted or server) database.
    weakened: bool = False

    @property
    def rows(self) -> int:
        return sum(n for _, n in self.tables)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _self_refs(table: Table) -> list[str]:
    """Columns pointing into their own table (who last edited a user): written in a second
    pass, since a row may point at one copied after it."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _ordered(conn: Connection, table: Table) -> Generator[list[dict[str, Any]]]:
    query = select(table).order_by(*table.primary_key.columns)
    with conn.execution_options(stream_results=True, yield_per=BATCH).execute(query) as result:
        for part in result.mappings().partitions(BATCH):
            yield [dict(row) for row in part]


def _require_empty(target: Database) -> None:
    try:
        with target.engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
    except Exception as exc:  # cannot connect: say why in one line
        reason = (str(getattr(exc, "orig", exc)).strip().splitlines() or ["unknown"])[0]
        raise DatabaseProblem(f"The target database cannot be opened: {reason}") from exc
    if names:
        raise DatabaseProblem(
            f"The target database is not empty (it has {len(names)} tables, such as "
            f"{names[0]!r}); copy into a new, empty database. Nothing was copied.")


def weakens(source: Database, target: Database) -> bool:
    """Whether the copy would be a plaintext file of an encrypted or server database."""
    protected = bool(source.passphrase) or not is_sqlite(source.url)
    return protected and is_sqlite(target.url) and not target.passphrase


def copy_database(source: Database, target: Database, actor: Actor, *,
                  plaintext: bool = False) -> CopyReport:
    """Copy every row of ``source`` into the empty ``target`` and prove the copy matches
    (administrators; recorded in the audit trail of both). A plaintext file made from an
    encrypted or server database is refused unless ``plaintext`` says it is meant."""
    if not actor.administers:
        raise AccessDenied("Only an administrator can copy the database.")
    if source.url == target.url:
        raise DatabaseProblem("The source and the target are the same database.")
    weakened = weakens(source, target)
    if weakened and not plaintext:
        raise DatabaseProblem(
            "The copy would be an unencrypted file of a protected database: set "
            "PATHWAYS_DB_PASSPHRASE to encrypt it, or give --plaintext if that is what you "
            "mean. Nothing was copied.")
    revision = database.current_revision(source)
    if revision != database.head_revision():
        raise DatabaseProblem("Bring this database to the latest version first "
                              "('pathways db upgrade'); nothing was copied.")
    _require_empty(target)
    # recorded before the rows are read, so the copy carries its own record and matches
    kind = ("a PostgreSQL server" if not is_sqlite(target.url) else
            "an encrypted file" if target.passphrase else "a plaintext file")
    with source.uow() as uow:
        uow.begin_write()
        audit.record(uow, actor, "database.copy", "database", detail=f"copy to {kind}")
        uow.commit()
    database.upgrade(target, revision)  # the schema only: reference data comes with the rows
    counts: list[tuple[str, int]] = []
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in _tables():
            deferred = _self_refs(table)
            later: list[dict[str, Any]] = []
            n = 0
            for rows in _ordered(src, table):
                if deferred:
                    later.extend({**{c: r[c] for c in deferred},
                                  **{k.name: r[k.name] for k in table.primary_key.columns}}
                                 for r in rows if any(r[c] is not None for c in deferred))
                    rows = [{**r, **dict.fromkeys(deferred)} for r in rows]
                dst.execute(table.insert(), rows)
                n += len(rows)
            for row in later:
                pk = [k == row[k.name] for k in table.primary_key.columns]
                dst.execute(update(table).where(*pk).values({c: row[c] for c in deferred}))
            counts.append((table.name, n))
        if dst.dialect.name == "postgresql":
            _move_sequences(dst)
    _compare(source, target)
    documents = dict(counts).get("documents", 0)
    return CopyReport(tuple(counts), documents, weakened)


def _move_sequences(conn: Connection) -> None:
    """Ids were copied as they were; new rows must be numbered after them."""
    for table in _tables():
        for col in table.primary_key.columns:
            if col.autoincrement is True or (col.autoincrement == "auto"
                                             and col.type.python_type is int
                                             and len(table.primary_key.columns) == 1):
                seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                   {"t": table.name, "c": col.name}).scalar()
                if seq:
                    conn.execute(text(
                        f'SELECT setval(:s, COALESCE((SELECT max("{col.name}") FROM '
                        f'"{table.name}"), 0) + 1, false)'), {"s": seq})


def _compare(source: Database, target: Database) -> None:
    """Every table, row by row, both sides read through the same column types."""
    with source.engine.connect() as a, target.engine.connect() as b:
        for table in _tables():
            count = 0
            with closing(_flat(_ordered(a, table))) as left, \
                    closing(_flat(_ordered(b, table))) as right:
                for x, y in zip(left, right, strict=False):
                    if x != y:
                        key = {k.name: x[k.name] for k in table.primary_key.columns}
                        raise DatabaseProblem(
                            f"The copy differs from the original in table {table.name!r} at "
                            f"{key}; the copy is not usable.")
                    count += 1
            n_a = a.execute(select(func.count()).select_from(table)).scalar()
            n_b = b.execute(select(func.count()).select_from(table)).scalar()
            if not n_a == n_b == count:
                raise DatabaseProblem(f"Table {table.name!r} has {n_a} rows in the original and "
                                      f"{n_b} in the copy; the copy is not usable.")


def _flat(parts: Generator[list[dict[str, Any]]]) -> Generator[dict[str, Any]]:
    with closing(parts):
        for part in parts:
            yield from part
