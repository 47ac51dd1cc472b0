"""The audit trail: append-only (the database refuses UPDATE, DELETE and TRUNCATE on it) and
chained: each row carries the SHA-256 of its fields and of the row before it, so an edited or
removed row shows (``app.services.audit.verify_chain``)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    """Who did what to which record, when. ``detail`` never holds names, addresses or notes."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_case_at", "case_id", "at"),
        Index("ix_audit_events_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    case_id: Mapped[int | None] = mapped_column(index=True)
    person_id: Mapped[int | None] = mapped_column(index=True)
    detail: Mapped[str | None] = mapped_column(String(400))
    #: The previous row's ``hash`` (all zeros for the first row) and this row's own.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


#: The ``prev_hash`` of the first row.
GENESIS = "0" * 64
#: PostgreSQL advisory lock held while a transaction appends to the chain, so two desktops
#: never chain to the same previous row.
CHAIN_LOCK_KEY = 0x50415448
_PENDING = "pathways_audit_pending"


def row_hash(prev_hash: str, at: datetime, user_id: int | None, username: str, action: str,
             entity: str, entity_id: int | None, case_id: int | None, person_id: int | None,
             detail: str | None) -> str:
    """SHA-256 over the previous row's hash and this row's fields, in a fixed JSON form."""
    stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload = json.dumps([prev_hash, stamp, user_id, username, action, entity, entity_id,
                          case_id, person_id, detail], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def event_hash(prev_hash: str, e: Any) -> str:
    """``row_hash`` of an AuditEvent or a result row with the same attribute names."""
    return row_hash(prev_hash, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id,
                    e.case_id, e.person_id, e.detail)


def queue(session: Session, event: AuditEvent) -> None:
    """Hold an audit row until its transaction commits; ``seal`` chains and writes it then.

    Chaining at commit keeps the chain lock the last lock a transaction takes, so it can
    never be part of a deadlock with the rows the transaction changed.
    """
    session.info.setdefault(_PENDING, []).append(event)


def seal(session: Session) -> None:
    """``before_commit`` hook: link the transaction's audit rows to the chain's tail."""
    pending: list[AuditEvent] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    if session.connection().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHAIN_LOCK_KEY})
    tail = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    tail = tail or GENESIS
    for e in pending:
        e.prev_hash = tail
        e.hash = tail = event_hash(tail, e)
        session.add(e)


def discard(session: Session, *_args: Any) -> None:
    """``after_rollback`` hook: audit rows of an undone transaction are never written."""
    session.info.pop(_PENDING, None)
