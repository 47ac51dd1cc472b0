"""Writing, reading and verifying the audit trail. Rows are written in the caller's transaction,
so an action and its record stand or fall together; ``detail`` must never carry personal data.

Each row is chained to the one before it (``app.models.audit.row_hash``); ``verify`` walks the
chain and checks that the database still refuses to change the trail, naming the first row or
protection that is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select, text

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound
from app.models.audit import GENESIS, AuditEvent, event_hash, queue
from app.models.base import utcnow
from app.services.context import Actor


def record(
    uow: UnitOfWork,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None = None,
    *,
    case_id: int | None = None,
    person_id: int | None = None,
    detail: str | None = None,
    username: str | None = None,
) -> None:
    """Add an audit row to the caller's transaction; it is chained and written at commit."""
    queue(uow.session, AuditEvent(
            at=utcnow(),
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else (username or "-"),
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            person_id=person_id,
            detail=detail[:400] if detail else None,
    ))


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    detail: str | None
    person_id: int | None = None
    case_reference: str | None = None


def _row(e: AuditEvent, reference: str | None = None) -> AuditRow:
    return AuditRow(e.at, e.username, e.action, e.entity, e.entity_id, e.case_id, e.detail,
                    e.person_id, reference)


def case_history(uow: UnitOfWork, case_id: int, limit: int = 500) -> list[AuditRow]:
    """Audit rows of one case, newest first (the caller has already checked access)."""
    # read as columns, not entities: a case opened often has hundreds of rows, each of which
    # the History tab reads as the case opens
    e = AuditEvent
    rows = uow.session.execute(
        select(e.at, e.username, e.action, e.entity, e.entity_id, e.case_id, e.detail,
               e.person_id)
        .where(e.case_id == case_id)
        .order_by(e.at.desc(), e.id.desc())
        .limit(limit)
    )
    return [AuditRow(*r) for r in rows]


def search(
    uow: UnitOfWork,
    actor: Actor,
    *,
    username: str | None = None,
    action: str | None = None,
    case_id: int | None = None,
    case_reference: str | None = None,
    person_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = 1000,
    export_to: Path | None = None,
) -> list[AuditRow]:
    """Filter the trail, newest first; only coordinators and administrators may. With
    ``export_to`` the rows are also written there as a safe CSV. Reading the trail is itself
    recorded ("audit.search" or "audit.export")."""
    if not (actor.coordinates or actor.administers):
        raise AccessDenied("Only coordinators and administrators can read the audit trail.")
    from app.models.cases import Case

    with uow:
        uow.begin_write()
        if case_reference:
            found = uow.session.scalar(select(Case.id).where(
                Case.reference == case_reference.strip().upper()))
            if found is None:
                raise NotFound(f"There is no case {case_reference.strip().upper()}.",
                               field="case")
            case_id = found
        q = (select(AuditEvent, Case.reference)
             .outerjoin(Case, Case.id == AuditEvent.case_id)
             .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))
        if limit is not None:
            q = q.limit(limit)
        if username:
            q = q.where(AuditEvent.username == username.strip().lower())
        if action:
            q = q.where(AuditEvent.action == action)
        if case_id is not None:
            q = q.where(AuditEvent.case_id == case_id)
        if person_id is not None:
            q = q.where(AuditEvent.person_id == person_id)
        if since:
            q = q.where(AuditEvent.at >= since)
        if until:
            q = q.where(AuditEvent.at < until)
        rows = [_row(e, ref) for e, ref in uow.session.execute(q)]
        if export_to is not None:
            write_rows(export_to, rows)
            record(uow, actor, "audit.export", "audit_events", detail=f"{len(rows)} rows")
        else:
            record(uow, actor, "audit.search", "audit_events", detail=f"{len(rows)} rows")
        uow.commit()
        return rows


AUDIT_CSV_HEADER = ("at", "user", "action", "entity", "entity_id", "case_id", "case",
                    "person_id", "detail")


def write_rows(path: Path, rows: list[AuditRow]) -> int:
    """Audit rows as a CSV file (through the formula-safe writer)."""
    from app.services.export import write_csv

    return write_csv(path, AUDIT_CSV_HEADER, (
        (r.at, r.username, r.action, r.entity, r.entity_id, r.case_id, r.case_reference,
         r.person_id, r.detail) for r in rows))


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: rows walked, the last row's hash (note it down: a trail rewritten
    from the start would end elsewhere), and every problem, the first bad row named first."""

    rows: int
    tail: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


#: The triggers that keep the trail append-only, per dialect.
SQLITE_TRIGGERS = ("audit_events_no_update", "audit_events_no_delete")
POSTGRES_TRIGGERS = ("audit_events_append_only", "audit_events_no_truncate")


def verify(conn: Connection) -> ChainReport:
    """Walk the chain in id order and check the protection; nothing is written."""
    problems = _protection_problems(conn)
    expected, previous, count = GENESIS, None, 0
    columns = [AuditEvent.__table__.c[name] for name in (
        "id", "at", "user_id", "username", "action", "entity", "entity_id", "case_id",
        "person_id", "detail", "prev_hash", "hash")]
    result = conn.execution_options(yield_per=5000).execute(
        select(*columns).order_by(AuditEvent.id))
    for row in result:
        count += 1
        if row.hash is None or row.prev_hash is None:
            problems.append(f"audit row {row.id} carries no hash: it was not written by "
                            "Pathways")
            break
        if row.prev_hash != expected:
            where = f"row {previous}" if previous is not None else "the start of the trail"
            problems.append(f"audit row {row.id} does not follow {where}: a row between them "
                            "was removed or altered")
            break
        if event_hash(row.prev_hash, row) != row.hash:
            problems.append(f"audit row {row.id} was altered after it was written")
            break
        expected, previous = row.hash, row.id
    result.close()
    return ChainReport(count, expected, tuple(problems))


def _protection_problems(conn: Connection) -> list[str]:
    if conn.dialect.name == "sqlite":
        found = {name: sql or "" for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'audit_events'")}
        return [f"the audit trail's protection is missing: trigger {name} was dropped"
                for name in SQLITE_TRIGGERS if "RAISE(ABORT" not in found.get(name, "")]
    found_pg: dict[str, str] = dict(conn.execute(text(
        "SELECT tgname, tgenabled FROM pg_trigger "
        "WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal")).all())
    problems = []
    for name in POSTGRES_TRIGGERS:
        state = found_pg.get(name)
        if state is None:
            problems.append(f"the audit trail's protection is missing: trigger {name} was "
                            "dropped")
        elif state == "D":
            problems.append(f"the audit trail's protection is off: trigger {name} is disabled")
    return problems
