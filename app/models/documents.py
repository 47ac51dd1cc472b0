"""Documents generated for a case, filed so they can be reprinted exactly."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    recipient_party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"),
                                                           index=True)  # SAR (0008)
    audience: Mapped[str | None] = mapped_column(String(40))
    template_name: Mapped[str] = mapped_column(String(80))
    template_version: Mapped[str] = mapped_column(String(20))
    variant: Mapped[str] = mapped_column(String(20), default="standard")
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
