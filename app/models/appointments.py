"""Appointments, including Gateway to Change bail-condition appointments, and the conditions of
bail and diversion a Gateway to Change case carries."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Correctable, UTCDateTime, Versioned, enum_column
from app.models.contracts import ConditionState


class AppointmentStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    KEPT = "kept"
    MISSED = "missed"
    REARRANGED = "rearranged"
    CANCELLED = "cancelled"


class Appointment(Correctable, Versioned, Base):
    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_case_when", "case_id", "starts_at"),
        Index("ix_appointments_status_when", "status", "starts_at"),
        # My work's due lists (0005_my_work_indexes): counted from the index alone
        Index("ix_appointments_status_when_case", "status", "starts_at", "case_id"),
        Index("ix_appointments_status_bail_case", "status", "bail_condition", "case_id"),
        # the indicators' count of kept and missed appointments in a period, from the index
        Index("ix_appointments_indicators", "starts_at", "status", "entered_in_error",
              "case_id"),
        # ... each status's appointments of a period as one range, counted in order (0024)
        Index("ix_appointments_indicators_status", "status", "starts_at", "entered_in_error",
              "case_id"),
        # My work's missed bail appointments, counted newest first from the index alone (0026)
        Index("ix_appointments_status_bail_when", "status", "bail_condition", "starts_at",
              "entered_in_error", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    location: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(200))
    pathway_code: Mapped[str | None] = mapped_column(ForeignKey("pathways.code"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    with_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    bail_condition: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[AppointmentStatus] = mapped_column(
        enum_column(AppointmentStatus), default=AppointmentStatus.SCHEDULED
    )
    outcome_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome_notes: Mapped[str | None] = mapped_column(Text)
    #: The appointment that replaced this one (rearranged, or rebooked after a miss).
    rearranged_to_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    #: Who booked it (null on rows made before this was kept: a coordinator corrects those).
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class GatewayCondition(Correctable, Base):
    """One condition on a Gateway to Change case, from the partnership's list: open until it is
    recorded met or not met, with the date; completing the scheme needs every one met. A wrong
    result is amended; a condition put on the case by mistake is marked entered in error."""

    __tablename__ = "gateway_conditions"
    #: Once per case, among the conditions that stand: one entered in error may be set again.
    __table_args__ = (Index("uq_gateway_conditions_live_kind", "case_id", "kind_code",
                            unique=True, sqlite_where=text("NOT entered_in_error"),
                            postgresql_where=text("NOT entered_in_error")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind_code: Mapped[str] = mapped_column(ForeignKey("gateway_condition_kinds.code"))
    position: Mapped[int] = mapped_column(Integer)
    #: The list's wording when the condition was set (a later edit of the list changes no case).
    description: Mapped[str] = mapped_column(Text)
    state: Mapped[ConditionState] = mapped_column(
        enum_column(ConditionState), default=ConditionState.OPEN)
    decided_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)
