"""Needs assessments per pathway and the interventions and contacts logged against them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import ValidationError, WorkflowError
from app.models.cases import Case, CaseStatus
from app.models.corrections import EntryKind
from app.models.pathways import (
    NEED_LEVELS,
    AssessmentStage,
    Intervention,
    InterventionKind,
    PathwayAssessment,
)
from app.models.reference import Agency, Pathway
from app.services import audit
from app.services.casecore import revise
from app.services.cases import open_for_edit, touch
from app.services.context import Actor


@dataclass(frozen=True)
class NeedInput:
    pathway_code: str
    level: int
    notes: str | None = None


def check_assessment_date(on: date) -> None:
    if on > date.today():
        raise ValidationError("The assessment date is in the future.", field="assessed_on")


def check_need_level(level: int, pathway_code: str) -> None:
    if level not in NEED_LEVELS:
        raise ValidationError(
            f"A need level is 0 to 4; {level} was given for {pathway_code}.", field="needs")


def record_assessment(
    uow: UnitOfWork, actor: Actor, reference: str, stage: AssessmentStage, on: date,
    needs: list[NeedInput], *, expected_version: int | None = None,
) -> None:
    """Record the needs at one stage, for any number of pathways at once. A pathway already
    assessed at this stage is re-recorded as an amendment (its old values kept in History)."""
    check_assessment_date(on)
    if not needs:
        raise ValidationError("Give the need level for at least one pathway.", field="needs")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.status is CaseStatus.CLOSED:
            raise WorkflowError(f"Case {case.reference} is closed.")
        known = set(uow.session.scalars(select(Pathway.code)))
        existing = {
            a.pathway_code: a
            for a in uow.session.scalars(
                select(PathwayAssessment).where(
                    PathwayAssessment.case_id == case.id, PathwayAssessment.stage == stage)
            )
        }
        seen: set[str] = set()
        for need in needs:
            if need.pathway_code not in known:
                raise ValidationError(f"Unknown pathway {need.pathway_code!r}.", field="needs")
            if need.pathway_code in seen:
                raise ValidationError(f"Pathway {need.pathway_code!r} is given twice.",
                                      field="needs")
            seen.add(need.pathway_code)
            check_need_level(need.level, need.pathway_code)
            row = existing.get(need.pathway_code)
            values = {"level": need.level, "assessed_on": on,
                      "notes": need.notes.strip() if need.notes and need.notes.strip() else None}
            if row is None:
                row = PathwayAssessment(case_id=case.id, stage=stage,
                                        pathway_code=need.pathway_code,
                                        assessed_by_id=actor.user_id, **values)
                uow.session.add(row)
            elif row.entered_in_error:  # one row per stage and pathway: it stands again
                revise(uow, actor, case, EntryKind.ASSESSMENT, row,
                       {**values, "entered_in_error": False, "assessed_by_id": actor.user_id},
                       "Recorded again after the earlier entry was marked entered in error")
            else:
                revise(uow, actor, case, EntryKind.ASSESSMENT, row, values,
                       "Recorded again from the assessment form")
            row.updated_by_id = actor.user_id
        touch(case, actor)
        audit.record(uow, actor, "assessment.record", "pathway_assessments", case_id=case.id,
                     detail=f"{stage.value}: {len(needs)} pathways")
        uow.commit()


@dataclass(frozen=True)
class InterventionInput:
    kind: InterventionKind
    occurred_on: date
    summary: str
    pathway_code: str | None = None
    agency_id: int | None = None
    duration_minutes: int | None = None
    notes: str | None = None


def check_intervention(data: InterventionInput) -> None:
    """The rules of an intervention that need no database (logging and amending share them)."""
    if not data.summary.strip():
        raise ValidationError("Say briefly what happened.", field="summary")
    if len(data.summary) > 200:
        raise ValidationError("Keep the summary under 200 characters; use the notes for more.",
                              field="summary")
    if data.occurred_on > date.today():
        raise ValidationError("An intervention cannot be logged for a future date; book an "
                              "appointment instead.", field="occurred_on")
    if data.duration_minutes is not None and not 0 < data.duration_minutes <= 24 * 60:
        raise ValidationError("The duration is in minutes, between 1 and 1440.",
                              field="duration_minutes")
    if data.kind is InterventionKind.REFERRAL and data.agency_id is None:
        raise ValidationError("A referral names the agency it went to.", field="agency_id")


def check_intervention_on_case(session: Session, case: Case, data: InterventionInput) -> None:
    """The rules of an intervention that look at the case and the reference data."""
    if data.occurred_on < case.referral_date:
        raise ValidationError("That date is before the referral.", field="occurred_on")
    if data.pathway_code and session.get(Pathway, data.pathway_code) is None:
        raise ValidationError(f"Unknown pathway {data.pathway_code!r}.", field="pathway_code")
    if data.agency_id is not None and session.get(Agency, data.agency_id) is None:
        raise ValidationError("The agency chosen is not in the directory.", field="agency_id")


def log_intervention(
    uow: UnitOfWork, actor: Actor, reference: str, data: InterventionInput,
    *, expected_version: int | None = None,
) -> int:
    check_intervention(data)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.status is CaseStatus.CLOSED:
            raise WorkflowError(f"Case {case.reference} is closed.")
        check_intervention_on_case(uow.session, case, data)
        row = Intervention(
            case_id=case.id, kind=data.kind, pathway_code=data.pathway_code,
            agency_id=data.agency_id, occurred_on=data.occurred_on,
            duration_minutes=data.duration_minutes, summary=data.summary.strip(),
            notes=data.notes.strip() if data.notes and data.notes.strip() else None,
            recorded_by_id=actor.user_id)
        uow.session.add(row)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "intervention.log", "interventions", row.id, case_id=case.id,
                     detail=data.kind.value)
        uow.commit()
        return row.id
