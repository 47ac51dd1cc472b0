"""Corrections of entered records: each amendment or 'entered in error', with the values
before and after, the reason, who and when. Rows are only ever added (retention anonymising
scrubs their values with the rest of the case)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, enum_column, utcnow


class EntryKind(enum.StrEnum):
    """The kinds of record a worker enters and may correct."""

    INTERVENTION = "intervention"
    APPOINTMENT = "appointment"
    HOURS = "hours entry"
    ASSESSMENT = "needs assessment"
    CONSENT = "consent"
    MEETING = "meeting"
    AGREEMENT_ACTION = "agreement action"
    AGREEMENT_FOLLOWUP = "agreement follow-up"
    EXIT_FOLLOWUP = "exit follow-up"
    REOFFENDING_CHECK = "reoffending check"
    SURVEY = "satisfaction survey"
    AGENCY_CALLS = "agency calls"
    CASE_NOTE = "case note"
    GATEWAY_CONDITION = "condition"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class CorrectionAction(enum.StrEnum):
    AMENDED = "amended"
    ENTERED_IN_ERROR = "entered in error"


class Correction(Base):
    __tablename__ = "record_corrections"
    __table_args__ = (Index("ix_record_corrections_kind_record", "kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EntryKind] = mapped_column(enum_column(EntryKind))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[CorrectionAction] = mapped_column(enum_column(CorrectionAction))
    #: The corrected fields' values before and after (JSON-safe: dates as ISO text).
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
