"""After the case: post-exit follow-ups (3, 6, 12 months) and proven-reoffending checks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Correctable

EXIT_FOLLOWUP_MONTHS = (3, 6, 12)


class ExitFollowUp(Correctable, Base):
    __tablename__ = "exit_followups"
    __table_args__ = (
        UniqueConstraint("case_id", "months"),
        # My work's "follow-ups due" (0005_my_work_indexes)
        Index("ix_exit_followups_done_due_case", "done_on", "due_on", "case_id"),
        # ... and the due ones alone, oldest first (0025_followups_due_open): ten years hold
        # hundreds of thousands of follow-ups done, which the list had walked past
        Index("ix_exit_followups_due_open", "due_on", "case_id",
              sqlite_where=text("done_on IS NULL OR entered_in_error IS NOT 0"),
              postgresql_where=text("done_on IS NULL OR entered_in_error IS NOT false")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    months: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    reoffended: Mapped[bool | None] = mapped_column(Boolean)
    living_independently: Mapped[bool | None] = mapped_column(Boolean)
    free_from_abuse: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ReoffendingCheck(Correctable, Base):
    """A check of police records for proven reoffending after the case ended.

    ``offences`` counts proven offences committed within ``window_months`` of the end date.
    """

    __tablename__ = "reoffending_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    window_months: Mapped[int] = mapped_column(Integer)
    offences: Mapped[int] = mapped_column(Integer)
    first_offence_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
