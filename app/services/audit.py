"""Writing and reading the audit trail. Rows are written in the caller's transaction, so an
action and its record stand or fall together; ``detail`` must never carry personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import AccessDenied
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


def _row(e: AuditEvent) -> AuditRow:
    return AuditRow(e.at, e.username, e.action, e.entity, e.entity_id, e.case_id, e.detail)


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
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 1000,
) -> list[AuditRow]:
    """Filter the trail; only coordinators and administrators may."""
    if not (actor.coordinates or actor.administers):
        raise AccessDenied("Only coordinators and administrators can read the audit trail.")
    with uow:
        q = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
        if username:
            q = q.where(AuditEvent.username == username)
        if action:
            q = q.where(AuditEvent.action == action)
        if case_id is not None:
            q = q.where(AuditEvent.case_id == case_id)
        if since:
            q = q.where(AuditEvent.at >= since)
        if until:
            q = q.where(AuditEvent.at < until)
        rows = [_row(e) for e in uow.session.scalars(q)]
        record(uow, actor, "audit.search", "audit_events", detail=f"{len(rows)} rows")
        uow.commit()
        return rows
