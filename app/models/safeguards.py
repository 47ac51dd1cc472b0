"""What the national standards ask a scheme to show on each case: two-stage risk assessment,
how consent was evidenced, the Victims' Code offer of restorative justice, and complaints."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import Base, UTCDateTime, enum_column, utcnow


class RiskStage(enum.StrEnum):
    ALLOCATION = "before allocation"
    PREPARATION = "before the meeting"


class SensitiveKind(enum.StrEnum):
    """Cases the RJC framework says need extra care (and a staff facilitator)."""

    DOMESTIC_ABUSE = "domestic abuse"
    SEXUAL_OFFENCE = "sexual offence"
    HATE_CRIME = "hate crime"
    STALKING = "stalking"
    OTHER_COMPLEX = "other complex case"


class RiskLevel(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ConsentMethod(enum.StrEnum):
    WRITING = "in writing"
    VERBAL = "verbally"
    PHONE = "by phone"


class RiskAssessment(Base):
    """One stage of the restorative risk assessment of a case."""

    __tablename__ = "risk_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    stage: Mapped[RiskStage] = mapped_column(enum_column(RiskStage))
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    level: Mapped[RiskLevel] = mapped_column(enum_column(RiskLevel))
    #: Set when the case is sensitive or complex: it then needs a staff facilitator.
    sensitive: Mapped[SensitiveKind | None] = mapped_column(enum_column(SensitiveKind))
    summary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ConsentEvidence(Base):
    """How one act of consent (or withdrawal) was given, who took it, and the signed form."""

    __tablename__ = "consent_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consents.id", ondelete="CASCADE"),
                                            unique=True)
    method: Mapped[ConsentMethod] = mapped_column(enum_column(ConsentMethod))
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    form_name: Mapped[str | None] = mapped_column(String(200))
    form_sha256: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))


class VictimsCodeRecord(Base):
    """The Victims' Code clock of one harmed party: when information about restorative
    justice was first offered, against the due date counted in working days from referral."""

    __tablename__ = "victims_code_records"
    # the standards count every offer due in a period and whether it was made in time: a
    # range of this index alone (a ten-year board report reads every harmed party's clock)
    __table_args__ = (Index("ix_victims_code_records_due_offered", "due_on", "offered_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"),
                                          unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    enhanced_rights: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date] = mapped_column(Date)
    offered_on: Mapped[date | None] = mapped_column(Date)
    offered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    how: Mapped[str | None] = mapped_column(String(200))


class Complaint(Base):
    """The complaints register, with its acknowledgement and response clocks."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    complainant: Mapped[str] = mapped_column(String(170))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                                index=True)
    practitioner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    about: Mapped[str] = mapped_column(Text)
    acknowledge_by: Mapped[date] = mapped_column(Date)
    respond_by: Mapped[date] = mapped_column(Date)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    upheld: Mapped[bool | None] = mapped_column(Boolean)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
