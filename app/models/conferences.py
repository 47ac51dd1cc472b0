"""Neighbourhood Resolution: restorative meetings, outcome agreements, follow-up and surveys."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Correctable, UTCDateTime, Versioned, enum_column, utcnow


class MeetingKind(enum.StrEnum):
    FACE_TO_FACE = "face-to-face conference"
    SHUTTLE = "shuttle mediation"
    LETTER = "letter exchange"


class AttendeeRole(enum.StrEnum):
    HARMER = "harmer"
    HARMED = "harmed"
    SUPPORTER = "supporter"
    COUNCILLOR = "councillor"
    PCSO = "PCSO"
    OTHER = "other"


class ActionKind(enum.StrEnum):
    APOLOGY = "apology"
    REPAIR = "repair"
    AMENDS = "making amends"
    REPARATIVE_TASK = "reparative task"
    OTHER = "other"


class Conference(Correctable, Versioned, Base):
    """A restorative meeting (a conference, a round of shuttle mediation or a letter exchange)."""

    __tablename__ = "conferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    held_on: Mapped[date] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(String(200))
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    cofacilitator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    participants: Mapped[list[ConferenceParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="ConferenceParticipant.id"
    )


class ConferenceParticipant(Base):
    __tablename__ = "conference_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    #: A party on the case; null for someone who only attends (a councillor, a PCSO).
    party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"),
                                                 index=True)  # subject access export (0008)
    name: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[AttendeeRole] = mapped_column(enum_column(AttendeeRole))
    attended: Mapped[bool] = mapped_column(Boolean)


class OutcomeAgreement(Versioned, Base):
    __tablename__ = "outcome_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    conference_id: Mapped[int | None] = mapped_column(ForeignKey("conferences.id"),
                                                      index=True)  # subject access export (0008)
    agreed_on: Mapped[date] = mapped_column(Date)
    #: Asked, never assumed: "signed by the parties" has no default.
    signed: Mapped[bool] = mapped_column(Boolean)

    #: Live actions only (not those entered in error).
    actions: Mapped[list[AgreementAction]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementAction.position",
        primaryjoin="and_(OutcomeAgreement.id == AgreementAction.agreement_id, "
                    "AgreementAction.entered_in_error.is_(False))",
    )


class AgreementAction(Correctable, Base):
    __tablename__ = "agreement_actions"
    #: My work's "agreement actions due", the live flag read from the index too (0028)
    __table_args__ = (
        Index("ix_agreement_actions_kept_live_due", "kept", "entered_in_error", "due_on",
              "agreement_id"),
        # the indicators: actions checked in a period (0023)
        Index("ix_agreement_actions_indicators", "checked_on", "kept", "agreement_id",
              "entered_in_error"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("outcome_agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ActionKind] = mapped_column(enum_column(ActionKind))
    description: Mapped[str] = mapped_column(Text)
    owner_party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id"),
                                                index=True)  # subject access export (0008)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    #: None until checked at follow-up.
    kept: Mapped[bool | None] = mapped_column(Boolean)
    checked_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AgreementFollowUp(Correctable, Base):
    """The follow-up contact: was the agreement kept?"""

    __tablename__ = "agreement_followups"
    #: the indicators: contacts in a period, each case's latest (0023)
    __table_args__ = (Index("ix_agreement_followups_indicators", "contacted_on", "case_id",
                            "agreement_kept", "entered_in_error", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    contacted_on: Mapped[date] = mapped_column(Date)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"),
                                                 index=True)  # subject access export (0008)
    agreement_kept: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class SatisfactionSurvey(Correctable, Base):
    """The harmed party's answers: satisfied overall, and a 1-5 score for each question."""

    __tablename__ = "satisfaction_surveys"
    __table_args__ = (
        #: the indicators: answers in a period (0023)
        Index("ix_satisfaction_surveys_indicators", "answered_on", "case_id", "party_id",
              "satisfied", "entered_in_error", "id"),
        #: each harmed party answers once (a mistaken answer is entered in error and asked
        #: again), so a period's answers are its responses, counted without ranking (0027)
        Index("uq_satisfaction_surveys_live_party", "party_id", unique=True,
              sqlite_where=text("entered_in_error IS 0"),
              postgresql_where=text("entered_in_error IS false")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id"),
                                          index=True)  # subject access export (0008)
    answered_on: Mapped[date] = mapped_column(Date)
    satisfied: Mapped[bool] = mapped_column(Boolean)
    felt_heard: Mapped[int | None] = mapped_column(Integer)
    feels_safer: Mapped[int | None] = mapped_column(Integer)
    would_recommend: Mapped[bool | None] = mapped_column(Boolean)
    comments: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AgencyCallCount(Correctable, Base):
    """Calls to agencies about the same problem in the months before and after (impact)."""

    __tablename__ = "agency_call_counts"
    # calls before and after read each resolved case's counts from this index alone
    __table_args__ = (Index("ix_agency_call_counts_indicators", "case_id", "entered_in_error",
                            "period", "months", "calls"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    agency_name: Mapped[str] = mapped_column(String(120))
    period: Mapped[str] = mapped_column(String(8))  # "before" | "after"
    months: Mapped[int] = mapped_column(Integer)
    calls: Mapped[int] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
