"""Cases, the parties on them, consent, and the record of each status change."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Correctable, UTCDateTime, Versioned, enum_column, utcnow

if TYPE_CHECKING:
    from app.models.people import Person
    from app.models.users import User


class Scheme(enum.StrEnum):
    CHECKPOINT = "checkpoint"
    NEIGHBOURHOOD_RESOLUTION = "neighbourhood-resolution"
    GATEWAY = "gateway-to-change"

    @property
    def label(self) -> str:
        return {
            "checkpoint": "Checkpoint",
            "neighbourhood-resolution": "Neighbourhood Resolution",
            "gateway-to-change": "Gateway to Change",
        }[self.value]

    @property
    def prefix(self) -> str:
        return {"checkpoint": "CP", "neighbourhood-resolution": "NR", "gateway-to-change": "GTC"}[
            self.value
        ]


class CaseStatus(enum.StrEnum):
    REFERRED = "referred"
    ELIGIBILITY_DECIDED = "eligibility-decided"
    CONTRACT_ACTIVE = "contract-active"
    ASSESSED = "assessed"
    CONSENT_OBTAINED = "consent-obtained"
    MEETING_HELD = "meeting-held"
    AGREEMENT_MONITORING = "agreement-monitoring"
    ENGAGED = "engaged"
    COMPLETED = "completed"
    BREACHED = "breached"
    NOT_COMPLETED = "not-completed"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class Eligibility(enum.StrEnum):
    PENDING = "pending"
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not-eligible"


class RiskBand(enum.StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class PartyRole(enum.StrEnum):
    PARTICIPANT = "participant"
    #: Another person responsible (a Neighbourhood Resolution case may have several).
    HARMER = "harmer"
    HARMED = "harmed party"
    SUPPORTER = "supporter"
    GUARDIAN = "parent or guardian"
    OTHER = "other"


class DataSubjectCategory(enum.StrEnum):
    """The ICO's categories of data subject for law-enforcement processing (DPA 2018 s.38(3)),
    held per party per case: the same person may be a victim on one case, a witness on
    another."""

    SUSPECT_OR_OFFENDER = "suspect or offender"
    VICTIM = "victim"
    WITNESS = "witness"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()


#: The category a party starts with, from their role on the case (a worker may change it: a
#: supporter who saw the incident is a witness).
DEFAULT_CATEGORY: dict[PartyRole, DataSubjectCategory] = {
    PartyRole.PARTICIPANT: DataSubjectCategory.SUSPECT_OR_OFFENDER,
    PartyRole.HARMER: DataSubjectCategory.SUSPECT_OR_OFFENDER,
    PartyRole.HARMED: DataSubjectCategory.VICTIM,
    PartyRole.SUPPORTER: DataSubjectCategory.OTHER,
    PartyRole.GUARDIAN: DataSubjectCategory.OTHER,
    PartyRole.OTHER: DataSubjectCategory.OTHER,
}


def _default_category(context: Any) -> str:
    role = PartyRole(context.get_current_parameters()["role"])
    return DEFAULT_CATEGORY[role].value


class ConsentAction(enum.StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ReferenceCounter(Base):
    """Next number per scheme and year, so references never repeat even under two writers."""

    __tablename__ = "reference_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Case(Versioned, Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_scheme_status_referral", "scheme", "status", "referral_date"),
        Index("ix_cases_worker_status", "worker_id", "status"),
        Index("ix_cases_referral_date", "referral_date"),
        # referrals awaiting a decision, oldest first, across schemes (the coordinator's My work)
        Index("ix_cases_status_referral", "status", "referral_date"),
        # the indicators' scans (app/services/indicators.py) read these indexes, not the rows
        Index("ix_cases_indicators_end", "scheme", "ended_on", "closed_on", "started_on",
              "result_stage", "outcome_code", "first_time_entrant", "worker_id", "end_date"),
        Index("ix_cases_indicators_referral", "referral_date", "referral_source", "scheme",
              "worker_id"),
        Index("ix_cases_indicators_decision", "eligibility_decided_on", "eligibility", "scheme",
              "worker_id"),
        # cases by their end date, with what the outcome figures read (migration 0023)
        Index("ix_cases_indicators_ended", "end_date", "scheme", "started_on", "result_stage",
              "outcome_code", "first_time_entrant", "worker_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    scheme: Mapped[Scheme] = mapped_column(enum_column(Scheme))
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus))
    participant_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    #: Denormalised "last first" of the participant, for list sorting and search without a join.
    participant_search: Mapped[str] = mapped_column(String(170), index=True)
    referral_date: Mapped[date] = mapped_column(Date)
    referral_source: Mapped[str] = mapped_column(String(60))
    referring_officer: Mapped[str | None] = mapped_column(String(120))
    referring_officer_email: Mapped[str | None] = mapped_column(String(200))
    offence_code: Mapped[str | None] = mapped_column(ForeignKey("offence_categories.code"))
    offence_date: Mapped[date | None] = mapped_column(Date)
    offence_summary: Mapped[str | None] = mapped_column(Text)
    crime_reference: Mapped[str | None] = mapped_column(String(40), index=True)
    #: Answers to the scheme's eligibility questions, criterion code -> bool.
    eligibility_answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    eligibility: Mapped[Eligibility] = mapped_column(
        enum_column(Eligibility), default=Eligibility.PENDING
    )
    eligibility_reasons: Mapped[str | None] = mapped_column(Text)
    eligibility_override_reason: Mapped[str | None] = mapped_column(Text)
    eligibility_decided_on: Mapped[date | None] = mapped_column(Date)
    risk_band: Mapped[RiskBand | None] = mapped_column(enum_column(RiskBand))
    officer_decision: Mapped[str | None] = mapped_column(Text)
    risk_override_reason: Mapped[str | None] = mapped_column(Text)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    coworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    first_time_entrant: Mapped[bool | None] = mapped_column(Boolean)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    #: The stage in the case's history that decides its outcome (``outcomes.result_stage``),
    #: kept by a trigger on ``status_changes`` (migration 0019) so that the indicators need not
    #: search every case's history.
    result_stage: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus))
    #: When the case ended, for the indicators (``docs/indicators.md``): its outcome date, else
    #: its closure date; None while it runs or if it never started. Kept by triggers from the
    #: three dates (migration 0023), so a period's endings are a range of an index; never
    #: written by the app.
    end_date: Mapped[date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(Text)
    outcome_code: Mapped[str | None] = mapped_column(ForeignKey("outcome_codes.code"))
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    participant: Mapped[Person] = relationship(foreign_keys=[participant_id])
    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    coworker: Mapped[User | None] = relationship(foreign_keys=[coworker_id])
    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParty.id"
    )


class CaseParty(Base):
    __tablename__ = "case_parties"
    __table_args__ = (UniqueConstraint("case_id", "person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(enum_column(PartyRole))
    #: Whether this party may be told the outcome (harmed parties opt in or out).
    wants_updates: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The ICO's category of data subject on this case (from the role unless changed).
    category: Mapped[DataSubjectCategory] = mapped_column(
        enum_column(DataSubjectCategory), default=_default_category, server_default="other")
    notes: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="parties")
    person: Mapped[Person] = relationship()
    #: Live records only (not those entered in error): every consent rule reads this.
    consents: Mapped[list[ConsentRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ConsentRecord.id",
        primaryjoin="and_(CaseParty.id == ConsentRecord.party_id, "
                    "ConsentRecord.entered_in_error.is_(False))",
    )


class ConsentRecord(Correctable, Base):
    """One dated act of giving or withdrawing consent; the latest one is the party's consent now."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        ForeignKey("case_parties.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[ConsentAction] = mapped_column(enum_column(ConsentAction))
    on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)


class StatusChange(Base):
    """Each move of a case between stages, for the timeline and for time-in-stage figures."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus))
    to_status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus))
    on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(Text)
