"""Documents generated for a case, filed so they can be reprinted exactly."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import Base, UTCDateTime, enum_column, utcnow


class LawfulBasis(enum.StrEnum):
    """Why a disclosure is lawful: the grounds a partnership of police and councils relies on."""

    LAW_ENFORCEMENT = "law enforcement"
    SUBJECT_ACCESS = "subject access"
    CONSENT = "consent"
    SAFEGUARDING = "safeguarding"
    LEGAL_OBLIGATION = "legal obligation"
    PUBLIC_TASK = "public task"
    WITHIN_THE_TEAM = "within the team"

    @property
    def label(self) -> str:
        return {
            "law enforcement": "law enforcement purposes (DPA 2018 Part 3)",
            "subject access": "the person's right of access (DPA 2018 s.45, UK GDPR Art. 15)",
            "consent": "the person's consent",
            "safeguarding": "safeguarding a child or an adult at risk (DPA 2018 Sch. 8 para. 4)",
            "legal obligation": "a court order or other legal obligation",
            "public task": "the partnership's public task (UK GDPR Art. 6(1)(e))",
            "within the team": "the team's own use; not disclosed outside it",
        }[self.value]


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
    #: To whom it is disclosed (a person and/or an organisation) and on what basis (s.62);
    #: None on documents filed before disclosures were recorded (0021).
    disclosed_to: Mapped[str | None] = mapped_column(String(120))
    disclosed_org: Mapped[str | None] = mapped_column(String(120))
    disclosure_basis: Mapped[LawfulBasis | None] = mapped_column(enum_column(LawfulBasis))
