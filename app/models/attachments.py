"""Scanned or photographed documents attached to a case, or to one record on it.

The bytes live in the database, not beside it, so that everything that protects or moves the
case data covers them too: SQLCipher encryption, backups, the copy to a team's PostgreSQL server,
subject access and retention. A removed attachment keeps its row (who added it, who removed it,
when and why) and loses its bytes: the record shows it was there, the document is gone.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import Base, UTCDateTime, enum_column, utcnow


class MediaType(enum.StrEnum):
    """What an attachment is, as read from its content (never from its name)."""

    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"

    @property
    def label(self) -> str:
        return {MediaType.PDF: "PDF", MediaType.PNG: "PNG image",
                MediaType.JPEG: "JPEG image"}[self]

    @property
    def extension(self) -> str:
        return {MediaType.PDF: "pdf", MediaType.PNG: "png", MediaType.JPEG: "jpg"}[self]


class RecordKind(enum.StrEnum):
    """The records on a case a document can belong to."""

    CONTRACT = "contract"
    CONDITION = "condition"
    CONSENT = "consent"
    MEETING = "meeting"
    AGREEMENT = "agreement"
    ACTION = "action"
    INTERVENTION = "intervention"
    APPOINTMENT = "appointment"
    FOLLOWUP = "followup"

    @property
    def label(self) -> str:
        return {RecordKind.CONTRACT: "contract", RecordKind.CONDITION: "contract condition",
                RecordKind.CONSENT: "consent entry", RecordKind.MEETING: "meeting",
                RecordKind.AGREEMENT: "outcome agreement",
                RecordKind.ACTION: "agreement action",
                RecordKind.INTERVENTION: "intervention", RecordKind.APPOINTMENT: "appointment",
                RecordKind.FOLLOWUP: "follow-up"}[self]


class Attachment(Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_case_added", "case_id", "added_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    #: The record on the case it belongs to; both empty for the case as a whole.
    record_kind: Mapped[RecordKind | None] = mapped_column(enum_column(RecordKind, 20))
    record_id: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(200))
    #: The file's name when it was attached, for the reader; its type comes from its content.
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[MediaType] = mapped_column(enum_column(MediaType, 40))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    #: None once removed.
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    removed_reason: Mapped[str | None] = mapped_column(String(500))
