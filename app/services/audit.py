"""Writing and reading the audit trail. Rows are written in the caller's transaction, so an
action and its record stand or fall together; ``detail`` must never carry personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound
from app.models.audit import AuditEvent
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
    uow.session.add(
        AuditEvent(
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else (username or "-"),
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            person_id=person_id,
            detail=detail[:400] if detail else None,
        )
    )


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
    rows = uow.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.case_id == case_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return [_row(e) for e in rows]


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
