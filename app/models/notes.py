"""Case notes: dated free text about a case, one record per note.

A plain record with its own id and version, like the other records on a case, so that the
correction rules (amend with a reason, entered in error) can apply to it as to any other.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Correctable, UTCDateTime, Versioned, utcnow


class CaseNote(Correctable, Versioned, Base):
    __tablename__ = "case_notes"
    __table_args__ = (Index("ix_case_notes_case_when", "case_id", "written_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    #: The day the note is about (usually today; a note written up later says when it happened).
    written_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    written_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
