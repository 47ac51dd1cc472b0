"""Needs assessments per pathway, and the interventions and contacts logged against them."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Correctable, UTCDateTime, Versioned, enum_column, utcnow


class AssessmentStage(enum.StrEnum):
    START = "start"
    REVIEW = "review"
    EXIT = "exit"


class InterventionKind(enum.StrEnum):
    INTERVENTION = "intervention"
    CONTACT = "contact"
    REFERRAL = "referral to agency"


NEED_LEVELS = {
    0: "No need",
    1: "Low need",
    2: "Moderate need",
    3: "High need",
    4: "Critical need",
}


class PathwayAssessment(Correctable, Versioned, Base):
    __tablename__ = "pathway_assessments"
    __table_args__ = (
        Index("uq_pathway_assessments_case_stage_pathway", "case_id", "stage", "pathway_code",
              unique=True),
        # distance travelled: exit assessments in a period with their start level (0023)
        Index("ix_pathway_assessments_indicators_exit", "stage", "pathway_code", "assessed_on",
              "level", "start_level", "entered_in_error", "case_id"),
        CheckConstraint("level BETWEEN 0 AND 4", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    stage: Mapped[AssessmentStage] = mapped_column(enum_column(AssessmentStage))
    pathway_code: Mapped[str] = mapped_column(ForeignKey("pathways.code"))
    level: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: On an exit assessment, the level of the case's live start assessment of the same
    #: pathway (None if there is none), kept by triggers (migration 0023) so that distance
    #: travelled reads the period's exit rows alone; never written by the app.
    start_level: Mapped[int | None] = mapped_column(Integer)


class Intervention(Correctable, Base):
    __tablename__ = "interventions"
    __table_args__ = (Index("ix_interventions_case_when", "case_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[InterventionKind] = mapped_column(enum_column(InterventionKind))
    pathway_code: Mapped[str | None] = mapped_column(ForeignKey("pathways.code"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    occurred_on: Mapped[date] = mapped_column(Date)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
