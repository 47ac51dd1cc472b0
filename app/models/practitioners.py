"""The practitioner register: staff and volunteers who work cases, their vetting, training,
CPD, supervision, availability, declared conflicts of interest and expenses.

A DBS certificate's contents are never stored: only its level, number and dates.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import Base, UTCDateTime, Versioned, enum_column, utcnow


class PractitionerKind(enum.StrEnum):
    STAFF = "staff"
    VOLUNTEER = "volunteer"


class PractitionerStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


class RjcLevel(enum.StrEnum):
    """The Restorative Justice Council's practitioner registration levels."""

    REGISTERED = "registered practitioner"
    ACCREDITED = "accredited practitioner"


class DbsLevel(enum.StrEnum):
    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_BARRED = "enhanced with barred lists"


class SupervisionKind(enum.StrEnum):
    SUPERVISION = "supervision"
    OBSERVED = "observed practice"


class ExpenseKind(enum.StrEnum):
    MILEAGE = "mileage"
    OUT_OF_POCKET = "out of pocket"


class ExpenseStatus(enum.StrEnum):
    CLAIMED = "claimed"
    APPROVED = "approved"
    REFUSED = "refused"
    PAID = "paid"


class Practitioner(Versioned, Base):
    """One record per user who works cases."""

    __tablename__ = "practitioners"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    kind: Mapped[PractitionerKind] = mapped_column(enum_column(PractitionerKind))
    #: Scheme values separated by commas (a practitioner may work in more than one).
    schemes: Mapped[str] = mapped_column(String(120))
    started_on: Mapped[date] = mapped_column(Date)
    status: Mapped[PractitionerStatus] = mapped_column(
        enum_column(PractitionerStatus), default=PractitionerStatus.ACTIVE)
    rjc_level: Mapped[RjcLevel | None] = mapped_column(enum_column(RjcLevel, 40))
    rjc_number: Mapped[str | None] = mapped_column(String(40))
    rjc_renewal_on: Mapped[date | None] = mapped_column(Date)
    languages: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class VettingCheck(Base):
    """A DBS check: level, certificate number and dates, never the certificate's contents."""

    __tablename__ = "vetting_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    level: Mapped[DbsLevel] = mapped_column(enum_column(DbsLevel, 40))
    certificate_number: Mapped[str] = mapped_column(String(20))
    issued_on: Mapped[date] = mapped_column(Date)
    #: The latest DBS Update Service status check, if the practitioner subscribes.
    update_checked_on: Mapped[date | None] = mapped_column(Date)
    next_due_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TrainingRecord(Base):
    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    course: Mapped[str] = mapped_column(String(120))
    completed_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    certificate_name: Mapped[str | None] = mapped_column(String(200))
    certificate: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class CpdEntry(Base):
    """Continuing professional development, for the rolling 12-month total."""

    __tablename__ = "cpd_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    activity: Mapped[str] = mapped_column(String(200))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class SupervisionSession(Base):
    """A supervision session or an observation of practice. Cases are named by reference."""

    __tablename__ = "supervision_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SupervisionKind] = mapped_column(enum_column(SupervisionKind))
    held_on: Mapped[date] = mapped_column(Date)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    cases_discussed: Mapped[str | None] = mapped_column(String(400))
    notes: Mapped[str | None] = mapped_column(Text)
    actions: Mapped[str | None] = mapped_column(Text)
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_off_on: Mapped[date | None] = mapped_column(Date)


class Unavailability(Base):
    """Days a facilitator cannot work (holiday, illness, other commitments)."""

    __tablename__ = "unavailability"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(200))


class ConflictDeclaration(Base):
    """A practitioner knows someone who may be a party: assignment to their case is refused."""

    __tablename__ = "conflict_declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    person_name: Mapped[str] = mapped_column(String(170))
    #: Lower-cased, single-spaced name, compared with parties' names.
    match_name: Mapped[str] = mapped_column(String(170), index=True)
    how: Mapped[str] = mapped_column(String(400))
    declared_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class AssignmentConfirmation(Base):
    """Each assignment asks the practitioner to confirm that they know no one on the case."""

    __tablename__ = "assignment_confirmations"
    __table_args__ = (Index("ix_assignment_confirmations_user_open", "user_id", "confirmed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    asked_on: Mapped[date] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)


class FacilitatorObjection(Base):
    """A party objects to a named facilitator: that facilitator is kept off the case."""

    __tablename__ = "facilitator_objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"),
                                          index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(400))
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class MeetingBooking(Versioned, Base):
    """A restorative meeting planned for a time slot, so that nobody is double-booked."""

    __tablename__ = "meeting_bookings"
    __table_args__ = (Index("ix_meeting_bookings_starts", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    venue: Mapped[str | None] = mapped_column(String(200))
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    cofacilitator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class Expense(Versioned, Base):
    """An out-of-pocket or mileage claim against a case or meeting."""

    __tablename__ = "expenses"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                                index=True)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    incurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[ExpenseKind] = mapped_column(enum_column(ExpenseKind))
    miles: Mapped[Decimal | None] = mapped_column(Numeric(7, 1))
    amount: Mapped[Decimal] = mapped_column(Numeric(9, 2))
    description: Mapped[str] = mapped_column(String(200))
    status: Mapped[ExpenseStatus] = mapped_column(
        enum_column(ExpenseStatus), default=ExpenseStatus.CLAIMED)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_reason: Mapped[str | None] = mapped_column(String(400))
    paid_on: Mapped[date | None] = mapped_column(Date)
