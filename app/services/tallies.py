"""Figures kept per day as records are written, so that ten years of indicators read a few
thousand rows instead of every case (issue 15).

Each tally is a ``GROUP BY`` of one table's rows, kept in step by triggers: every insert adds
its row's contribution, every delete takes it away, every update of a watched column does
both (old row out, new row in). Because each change only adds and takes away, the order in
which the database fires its other triggers (those that keep ``cases.end_date`` and
``pathway_assessments.start_level``) does not matter: the sum of the changes is the change.

The tallies hold only raw columns (dates, scheme, stage, flags): the rules that turn them into
outcomes stay in :mod:`app.services.indicators`, which reads them when a report covers every
worker (a worker's own figures read the cases, since the tallies hold no worker). They are
not models: the demo's bulk build and ``db copy`` leave them to the triggers and
:func:`rebuild`, and on a team server the desktop group may only read them
(``server.READ_ONLY``); the triggers write them as the schema's owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Column, Connection, Date, Index, Integer, MetaData, String, Table

from app.models.cases import CaseStatus
from app.services.cases import DIVERSION_OUTCOME_CODE
from app.services.outcomes import ENDING_STAGES, Outcome

metadata = MetaData()
#: What the tallies' tables and triggers are named with.
PREFIX = "tally_"


def _key(name: str, type_: Any) -> Column[Any]:
    return Column(name, type_, primary_key=True, nullable=False)


# On SQLite each tally is kept in the order of its key (``sqlite_with_rowid=False``: no rowid
# table beside the key's index), so a period is one range read without a lookup per row.

#: Cases that ended, per day (``end_date``), scheme, deciding stage ('' for none) and the
#: two flags the diversion figures read.
endings = Table("tally_endings", metadata,
                _key("end_date", Date()), _key("scheme", String(32)),
                _key("result_stage", String(32)), _key("diversion", Integer()),
                _key("first_time", Integer()), Column("n", Integer(), nullable=False),
                sqlite_with_rowid=False)
#: Cases that ended in a completing stage, per scheme, days from start to end, day and stage
#: (the median's histogram): kept in the order the median groups them, so that ten years are
#: read without a sort (a few dozen lengths of a case, over some 150,000 rows).
completions = Table("tally_completions", metadata,
                    _key("scheme", String(32)), _key("days", Integer()),
                    _key("end_date", Date()), _key("result_stage", String(32)),
                    Column("n", Integer(), nullable=False), sqlite_with_rowid=False)
#: Referrals per day, scheme and source as typed.
referrals = Table("tally_referrals", metadata,
                  _key("referral_date", Date()), _key("scheme", String(32)),
                  _key("referral_source", String(60)), Column("n", Integer(), nullable=False),
                  sqlite_with_rowid=False)
#: Live appointments per day (UTC) and status.
appointments = Table("tally_appointments", metadata,
                     _key("day", Date()), _key("status", String(32)),
                     Column("n", Integer(), nullable=False), sqlite_with_rowid=False)
#: Live exit assessments with a need at start, per day and pathway: how many, and the sum of
#: their falls in need level.
exits = Table("tally_exits", metadata,
              _key("assessed_on", Date()), _key("pathway_code", String(40)),
              Column("n", Integer(), nullable=False), Column("fall", Integer(), nullable=False),
              sqlite_with_rowid=False)

#: Stages that can complete a case: a Checkpoint or Gateway ending stage meaning completed,
#: and Neighbourhood Resolution's agreement monitoring.
COMPLETING_STAGES = tuple(sorted(
    [s.value for s, o in ENDING_STAGES.items() if o is Outcome.COMPLETED]
    + [CaseStatus.AGREEMENT_MONITORING.value]))


def _days(dialect: str) -> str:
    if dialect == "postgresql":
        return "{r}end_date - {r}started_on"
    return "CAST(julianday({r}end_date) - julianday({r}started_on) AS INTEGER)"


def _day(dialect: str) -> str:
    if dialect == "postgresql":
        return "CAST({r}starts_at AT TIME ZONE 'UTC' AS date)"
    return "date({r}starts_at)"


@dataclass(frozen=True)
class Tally:
    """One tally: the rows of ``source`` that ``where`` takes, grouped by ``keys`` (column,
    expression), counted in ``n`` and summed in ``sums``. Expressions name the source row's
    columns as ``{r}column`` (``NEW.``, ``OLD.`` or nothing)."""

    table: Table
    source: str
    keys: tuple[tuple[str, str], ...]
    where: str
    watched: tuple[str, ...]
    sums: tuple[tuple[str, str], ...] = ()

    def _columns(self) -> list[str]:
        return [k for k, _ in self.keys] + ["n"] + [s for s, _ in self.sums]

    def change_sql(self, row: str, sign: int) -> str:
        """Add (``sign`` 1) or take away (-1) the contribution of the trigger's ``row``."""
        r = f"{row}."
        values = ([e.format(r=r) for _, e in self.keys] + [str(sign)]
                  + [f"{sign} * ({e.format(r=r)})" for _, e in self.sums])
        name = self.table.name
        added = ", ".join(f"{c} = {name}.{c} + excluded.{c}"
                          for c in ["n", *(s for s, _ in self.sums)])
        return (f"INSERT INTO {name} ({', '.join(self._columns())}) "
                f"SELECT {', '.join(values)} WHERE {self.where.format(r=r)} "
                f"ON CONFLICT ({', '.join(k for k, _ in self.keys)}) DO UPDATE SET {added}")

    def counted_sql(self) -> str:
        """The tally as a ``GROUP BY`` of every row of its source."""
        keys = [e.format(r="") for _, e in self.keys]
        sums = [f"coalesce(sum({e.format(r='')}), 0)" for _, e in self.sums]
        groups = ", ".join(str(i + 1) for i in range(len(keys)))
        return (f"SELECT {', '.join([*keys, 'count(*)', *sums])} FROM {self.source} "
                f"WHERE {self.where.format(r='')} GROUP BY {groups}")

    def rebuild_sql(self) -> list[str]:
        """Statements that make the tally afresh from every row of its source."""
        return [f"DELETE FROM {self.table.name}",
                f"INSERT INTO {self.table.name} ({', '.join(self._columns())}) "
                f"{self.counted_sql()}"]


def tallies(dialect: str) -> tuple[Tally, ...]:
    """Every tally, with the SQL of ``dialect`` (``sqlite`` or ``postgresql``)."""
    stages = ", ".join(f"'{s}'" for s in COMPLETING_STAGES)
    live = "{r}entered_in_error = false"
    return (
        Tally(endings, "cases", (
            ("end_date", "{r}end_date"), ("scheme", "{r}scheme"),
            ("result_stage", "coalesce({r}result_stage, '')"),
            ("diversion",
             f"CASE WHEN {{r}}outcome_code = '{DIVERSION_OUTCOME_CODE}' THEN 1 ELSE 0 END"),
            ("first_time", "CASE WHEN {r}first_time_entrant THEN 1 ELSE 0 END")),
            "{r}end_date IS NOT NULL",
            ("end_date", "scheme", "result_stage", "outcome_code", "first_time_entrant")),
        Tally(completions, "cases", (
            ("end_date", "{r}end_date"), ("scheme", "{r}scheme"),
            ("result_stage", "{r}result_stage"), ("days", _days(dialect))),
            f"{{r}}end_date IS NOT NULL AND {{r}}started_on IS NOT NULL "
            f"AND {{r}}result_stage IN ({stages})",
            ("end_date", "scheme", "result_stage", "started_on")),
        Tally(referrals, "cases", (
            ("referral_date", "{r}referral_date"), ("scheme", "{r}scheme"),
            ("referral_source", "{r}referral_source")),
            "{r}referral_date IS NOT NULL", ("referral_date", "scheme", "referral_source")),
        Tally(appointments, "appointments", (
            ("day", _day(dialect)), ("status", "{r}status")),
            live, ("starts_at", "status", "entered_in_error")),
        Tally(exits, "pathway_assessments", (
            ("assessed_on", "{r}assessed_on"), ("pathway_code", "{r}pathway_code")),
            f"{{r}}stage = 'exit' AND {live} AND {{r}}start_level >= 1",
            ("stage", "pathway_code", "assessed_on", "level", "start_level",
             "entered_in_error"),
            sums=(("fall", "coalesce({r}start_level - {r}level, 0)"),)),
    )


def sources(dialect: str) -> dict[str, list[Tally]]:
    """The tallies of each source table."""
    found: dict[str, list[Tally]] = {}
    for t in tallies(dialect):
        found.setdefault(t.source, []).append(t)
    return found


def trigger_name(source: str, event: str) -> str:
    return f"{PREFIX}{source}_{event.lower()}"


#: Columns a database trigger computes a watched column from (``cases.end_date``: migration
#: 0023). PostgreSQL fires ``UPDATE OF`` only for the columns an update names, not for those
#: a trigger before it changed; SQLite's trigger names ``end_date`` in an update of its own.
_INPUTS = {"end_date": ("started_on", "ended_on", "closed_on")}


def _watched(kept: Iterable[Tally]) -> str:
    watched = {c for t in kept for c in t.watched}
    return ", ".join(sorted(watched.union(*(_INPUTS.get(c, ()) for c in watched))))


#: Each case's live calls to agencies about the same problem, before and after (how many
#: counts and calls of each, and the months they cover: an 'after' count's, else a 'before'
#: one's), beside the case's scheme and end: a row per case, made again from its counts
#: whenever one changes, since ``max`` cannot be taken back.
case_calls = Table(
    "tally_case_calls", metadata,
    Column("case_id", Integer(), primary_key=True, autoincrement=False),
    Column("scheme", String(32), nullable=False), Column("end_date", Date()),
    Column("n_before", Integer(), nullable=False), Column("before", Integer(), nullable=False),
    Column("n_after", Integer(), nullable=False), Column("after", Integer(), nullable=False),
    Column("months", Integer()),
    # a scheme's cases that ended in a period, in the order the figure groups them
    Index("ix_tally_case_calls_ended", "scheme", "end_date", "months", "n_before", "before",
          "n_after", "after"))
CALLS_SOURCE = "agency_call_counts"


def _case_calls_sql(case_id: str | None = None) -> str:
    """``tally_case_calls``'s rows from the counts (of one case, or of every case)."""
    one = f" AND c.case_id = {case_id}" if case_id else ""
    before, after = "c.period = 'before'", "c.period = 'after'"
    return (f"SELECT c.case_id, k.scheme, k.end_date, "
            f"sum(CASE WHEN {before} THEN 1 ELSE 0 END), "
            f"sum(CASE WHEN {before} THEN c.calls ELSE 0 END), "
            f"sum(CASE WHEN {after} THEN 1 ELSE 0 END), "
            f"sum(CASE WHEN {after} THEN c.calls ELSE 0 END), "
            f"coalesce(max(CASE WHEN {after} THEN c.months END), "
            f"max(CASE WHEN {before} THEN c.months END)) "
            f"FROM {CALLS_SOURCE} c JOIN cases k ON k.id = c.case_id "
            f"WHERE c.entered_in_error = false{one} GROUP BY c.case_id, k.scheme, k.end_date")


def _remake_calls(case_id: str | None = None) -> list[str]:
    """Make ``tally_case_calls`` again from the counts: one case's row (``case_id``, such as
    ``NEW.case_id``) or every row."""
    one = f" WHERE case_id = {case_id}" if case_id else ""
    return [f"DELETE FROM {case_calls.name}{one}",
            f"INSERT INTO {case_calls.name} ({', '.join(case_calls.columns.keys())}) "
            f"{_case_calls_sql(case_id)}"]


class _Triggers(NamedTuple):
    """What a source table's triggers do on insert, on delete and on an update of
    ``watched``."""

    insert: list[str]
    delete: list[str]
    update: list[str]
    watched: str


def _triggers(dialect: str) -> dict[str, _Triggers]:
    """The triggers of each source table."""
    found: dict[str, _Triggers] = {}
    for source, kept in sources(dialect).items():
        added = [t.change_sql("NEW", 1) for t in kept]
        taken = [t.change_sql("OLD", -1) for t in kept]
        found[source] = _Triggers(added, taken, [*taken, *added], _watched(kept))
    # a case's end and scheme follow it into its calls' row: read from the row as it is now,
    # since on SQLite the update that sets ``end_date`` may fire this before the one that
    # changed its dates (whose ``NEW`` still holds the end before)
    now = "(SELECT {c} FROM cases WHERE id = NEW.id)"
    found["cases"].update.append(
        f"UPDATE {case_calls.name} SET end_date = {now.format(c='end_date')}, "
        f"scheme = {now.format(c='scheme')} WHERE case_id = NEW.id")
    found["cases"].delete.append(f"DELETE FROM {case_calls.name} WHERE case_id = OLD.id")
    found[CALLS_SOURCE] = _Triggers(
        _remake_calls("NEW.case_id"), _remake_calls("OLD.case_id"),
        [*_remake_calls("OLD.case_id"), *_remake_calls("NEW.case_id")],
        "calls, case_id, entered_in_error, months, period")
    return found


def install(conn: Connection) -> None:
    """Make the tables, fill them from the rows there are and create the triggers that keep
    them (the migration's ``upgrade``)."""
    dialect = conn.dialect.name
    metadata.create_all(conn)
    rebuild(conn)
    for source, (added, taken, updated, watched) in _triggers(dialect).items():
        if dialect == "postgresql":
            fn = f"{PREFIX}{source}()"
            conn.exec_driver_sql(
                f"CREATE FUNCTION {fn} RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                "SET search_path = public, pg_temp AS $$ BEGIN "
                f"IF TG_OP = 'INSERT' THEN {'; '.join(added)}; "
                f"ELSIF TG_OP = 'DELETE' THEN {'; '.join(taken)}; "
                f"ELSE {'; '.join(updated)}; END IF; RETURN NULL; END $$")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {trigger_name(source, 'change')} AFTER INSERT OR DELETE "
                f"OR UPDATE OF {watched} ON {source} FOR EACH ROW EXECUTE FUNCTION {fn}")
            continue
        for event, body in (("INSERT", added), ("DELETE", taken),
                            (f"UPDATE OF {watched}", updated)):
            conn.exec_driver_sql(
                f"CREATE TRIGGER {trigger_name(source, event.split()[0])} AFTER {event} "
                f"ON {source} BEGIN {'; '.join(body)}; END")


def remove(conn: Connection) -> None:
    """Everything :func:`install` made (the migration's ``downgrade``)."""
    dialect = conn.dialect.name
    for source in _triggers(dialect):
        if dialect == "postgresql":
            conn.exec_driver_sql(f"DROP TRIGGER {trigger_name(source, 'change')} ON {source}")
            conn.exec_driver_sql(f"DROP FUNCTION {PREFIX}{source}()")
        else:
            for event in ("insert", "delete", "update"):
                conn.exec_driver_sql(f"DROP TRIGGER {trigger_name(source, event)}")
    metadata.drop_all(conn)


def rebuild(conn: Connection, sources_written: Iterable[str] | None = None) -> None:
    """Make the tallies of ``sources_written`` (every one by default) afresh from their rows,
    after writes made with their triggers dropped (the demo's bulk build)."""
    wanted = None if sources_written is None else set(sources_written)
    for t in tallies(conn.dialect.name):
        if wanted is None or t.source in wanted:
            for sql in t.rebuild_sql():
                conn.exec_driver_sql(sql)
    if wanted is None or wanted & {"cases", CALLS_SOURCE}:
        for sql in _remake_calls():
            conn.exec_driver_sql(sql)


def out_of_step(conn: Connection) -> list[str]:
    """The tallies that differ from a count of their rows made now (``db check``): only a
    write made with the triggers off, or by hand, can make one differ."""
    wrong = []
    checks = [(t.table.name, f"SELECT {', '.join(t._columns())} FROM {t.table.name} "
               "WHERE n <> 0", t.counted_sql()) for t in tallies(conn.dialect.name)]
    checks.append((case_calls.name, f"SELECT * FROM {case_calls.name}", _case_calls_sql()))
    for name, kept, counted in checks:
        if (sorted(map(_plain, conn.exec_driver_sql(kept)))
                != sorted(map(_plain, conn.exec_driver_sql(counted)))):
            wrong.append(name)
    return wrong


def _plain(row: Iterable[object]) -> tuple[str, ...]:
    """A row as text, so a date read back as text on SQLite equals one computed as a date."""
    return tuple(str(v) for v in row)
