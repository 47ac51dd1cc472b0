"""Retention reviews: what was decided about a closed case once its retention period was over.

The row outlives the case it records (``case_id`` is cleared when the case is deleted), so the
partnership can show what it deleted, when and why, without keeping anything about the person.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, enum_column, utcnow


class RetentionDecision(enum.StrEnum):
    KEEP = "keep"
    ANONYMISE = "anonymise"
    DELETE = "delete"
    LEGAL_HOLD = "legal hold"
    HOLD_RELEASED = "hold released"


class RetentionReview(Base):
    __tablename__ = "retention_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    #: The reference stays when the case is gone; it names no one.
    case_reference: Mapped[str] = mapped_column(String(20))
    decision: Mapped[RetentionDecision] = mapped_column(enum_column(RetentionDecision))
    reason: Mapped[str | None] = mapped_column(Text)
    #: For "keep": the case comes back to the queue on this day.
    keep_until: Mapped[date | None] = mapped_column(Date)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ErasureEntry(Base):
    """One deletion or anonymisation, by record numbers only: after a restore the ledger is
    applied again, so an erased person never comes back from an older copy."""

    __tablename__ = "erasure_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: "delete" or "anonymise"
    action: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[int]
    #: With the id, so that a later case given the same id is never taken for the erased one.
    case_reference: Mapped[str] = mapped_column(String(20))
    #: The people on the case, as ids separated by spaces.
    person_ids: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None]
    username: Mapped[str] = mapped_column(String(64))
