"""Checkpoint contracts: four months, up to five typed conditions, a community-hours ledger."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Correctable, UTCDateTime, Versioned, enum_column, utcnow

CONTRACT_MONTHS = 4
MAX_CONDITIONS = 5
MIN_COMMUNITY_HOURS = 18
MAX_COMMUNITY_HOURS = 36
MAX_PATHWAY_CONDITIONS = 2


class ContractStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    BREACHED = "breached"


class ConditionKind(enum.StrEnum):
    NO_REOFFENDING = "no reoffending"
    VICTIM = "victim / restorative"
    PATHWAY = "pathway intervention"
    COMMUNITY_HOURS = "community hours"
    TAG = "electronic tag"


class ConditionState(enum.StrEnum):
    OPEN = "open"
    MET = "met"
    NOT_MET = "not met"


class Contract(Versioned, Base):
    __tablename__ = "contracts"
    #: My work's "contracts ending" (0005_my_work_indexes)
    __table_args__ = (Index("ix_contracts_status_end_case", "status", "end_date", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[ContractStatus] = mapped_column(enum_column(ContractStatus))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date, index=True)
    signed_on: Mapped[date | None] = mapped_column(Date)
    community_hours_required: Mapped[int | None] = mapped_column(Integer)
    ended_on: Mapped[date | None] = mapped_column(Date)
    breach_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    conditions: Mapped[list[ContractCondition]] = relationship(
        cascade="all, delete-orphan", order_by="ContractCondition.position"
    )
    #: Live entries only (not those entered in error): every sum of hours reads this.
    hours: Mapped[list[CommunityHoursEntry]] = relationship(
        cascade="all, delete-orphan", order_by="CommunityHoursEntry.worked_on",
        primaryjoin="and_(Contract.id == CommunityHoursEntry.contract_id, "
                    "CommunityHoursEntry.entered_in_error.is_(False))",
    )


class ContractCondition(Base):
    __tablename__ = "contract_conditions"
    __table_args__ = (UniqueConstraint("contract_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ConditionKind] = mapped_column(enum_column(ConditionKind))
    pathway_code: Mapped[str | None] = mapped_column(ForeignKey("pathways.code"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    description: Mapped[str] = mapped_column(Text)
    state: Mapped[ConditionState] = mapped_column(
        enum_column(ConditionState), default=ConditionState.OPEN
    )
    #: For the victim condition: the harmed party declined a restorative approach.
    victim_declined: Mapped[bool] = mapped_column(Boolean, default=False)


class CommunityHoursEntry(Correctable, Base):
    __tablename__ = "community_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    worked_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    task: Mapped[str] = mapped_column(String(200))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
