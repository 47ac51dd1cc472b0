"""Corrections: a record a worker entered is amended (new values and a reason) or marked
entered in error (a reason), never overwritten without trace or deleted.

How it works. The record keeps its one row, so every foreign key, list and document that
points at it stays as it is. A correction first writes a row to ``record_corrections`` with
the changed fields' values before and after, the reason, who and when (``casecore.revise``),
then sets the new values; an entry in error sets ``entered_in_error`` and stores the values it
had. The row is therefore always the record as it now stands (what counts and prints), and the
corrections read back to the original values in History. ``Correctable.live()`` (in
``app/models/base.py``) is the one filter every list, document, indicator and rule uses to leave
entries in error out.

``KINDS`` is the registry: for each kind of record, its editable fields and how to check new
values, which is the same check the service that records it uses (imported from there, not
restated). Who may correct follows ``access``: the case must be editable by the actor, and an
entry made by someone else needs a coordinator.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, ValidationError, WorkflowError
from app.models.appointments import Appointment, AppointmentStatus, GatewayCondition
from app.models.cases import Case, CaseParty, ConsentRecord
from app.models.conferences import (
    ActionKind,
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    Conference,
    MeetingKind,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.contracts import CommunityHoursEntry, ConditionState, Contract, ContractStatus
from app.models.corrections import Correction, CorrectionAction, EntryKind
from app.models.followups import ExitFollowUp, ReoffendingCheck
from app.models.notes import CaseNote
from app.models.pathways import NEED_LEVELS, Intervention, InterventionKind, PathwayAssessment
from app.models.people import Person
from app.models.reference import Agency, Pathway
from app.models.users import Role, User
from app.services import (
    access,
    appointments,
    audit,
    case_notes,
    contracts,
    followups,
    gateway,
    meetings,
    pathways,
)
from app.services import people as people_service
from app.services.casecore import case_edit, json_value, load_case, revise
from app.services.context import Actor


class FieldType(enum.StrEnum):
    TEXT = "text"
    NOTES = "notes"
    DATE = "date"
    DATETIME = "date and time"
    NUMBER = "number"
    HOURS = "hours"
    YES_NO = "yes or no"
    CHOICE = "choice"


@dataclass(frozen=True)
class Option:
    value: Any
    label: str


@dataclass(frozen=True)
class FieldView:
    """One field of a record as the record dialog shows it."""

    name: str
    label: str
    type: FieldType
    value: Any
    display: str
    editable: bool
    optional: bool
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RevisionView:
    """One correction, in words: what was done, by whom, when, why, and what changed."""

    action: CorrectionAction
    at: datetime
    by: str
    reason: str
    changes: tuple[Change, ...]
    kind: EntryKind
    record_id: int
    record: str
    #: The record is now entered in error (History strikes it through).
    record_in_error: bool

    @property
    def what(self) -> str:
        if self.action is CorrectionAction.ENTERED_IN_ERROR:
            return f"{self.kind.label} marked entered in error"
        return f"{self.kind.label} amended: " + ", ".join(c.label.lower() for c in self.changes)


@dataclass(frozen=True)
class RecordView:
    """A whole record, its corrections oldest first, and whether the actor may correct it."""

    kind: EntryKind
    record_id: int
    case_reference: str
    case_version: int
    title: str
    entered_by: str
    entered_in_error: bool
    fields: tuple[FieldView, ...]
    extra: tuple[tuple[str, str], ...]
    revisions: tuple[RevisionView, ...]
    can_correct: bool
    why_not: str | None = None
    #: A missed appointment not yet rebooked: it can be rebooked from its own row.
    can_rebook: bool = False


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class _Field:
    name: str
    label: str
    type: FieldType
    editable: bool = True
    optional: bool = False
    #: For choices: the options on this case (value, label).
    options: Callable[[_Ctx], tuple[Option, ...]] | None = None


@dataclass
class _Ctx:
    """What a kind's rules and labels read: the open session, the case and its names."""

    uow: UnitOfWork
    case: Case
    users: dict[int, str] = field(default_factory=dict)
    parties: dict[int, str] = field(default_factory=dict)

    @property
    def session(self) -> Session:
        return self.uow.session

    @classmethod
    def load(cls, uow: UnitOfWork, case: Case) -> _Ctx:
        s = uow.session
        users = dict(s.execute(select(User.id, User.full_name)).all())
        parties = {
            pid: f"{first} {last} ({role.value})"
            for pid, first, last, role in s.execute(
                select(CaseParty.id, Person.first_name, Person.last_name, CaseParty.role)
                .join(Person, Person.id == CaseParty.person_id)
                .where(CaseParty.case_id == case.id))}
        return cls(uow, case, users, parties)


@dataclass(frozen=True)
class _Kind:
    kind: EntryKind
    model: type[Any]
    fields: tuple[_Field, ...]
    #: The case a row belongs to (a select of Case.id given the row's id).
    case_of: Callable[[Session, Any], int]
    entered_by: Callable[[Any], int | None]
    title: Callable[[_Ctx, Any], str]
    #: Check the merged values (current overlaid with new) with the recording service's rules;
    #: return them cleaned (stripped text, exact amounts).
    check: Callable[[_Ctx, Any, dict[str, Any]], dict[str, Any]]
    #: Derived state to put right after a correction (the hours condition, say), or a refusal.
    settle: Callable[[_Ctx, Any], None] | None = None
    #: A refusal before marking entered in error (nothing recorded yet, say).
    may_withdraw: Callable[[_Ctx, Any], None] | None = None
    extra: Callable[[_Ctx, Any], tuple[tuple[str, str], ...]] | None = None


def _enum_options(enum_cls: type[enum.Enum]) -> Callable[[_Ctx], tuple[Option, ...]]:
    return lambda ctx: tuple(Option(m, str(m.value)) for m in enum_cls)


def _pathways(ctx: _Ctx) -> tuple[Option, ...]:
    return tuple(Option(code, name) for code, name in ctx.session.execute(
        select(Pathway.code, Pathway.name).order_by(Pathway.position)))


def _agencies(ctx: _Ctx) -> tuple[Option, ...]:
    return tuple(Option(i, name) for i, name in ctx.session.execute(
        select(Agency.id, Agency.name).order_by(Agency.name)))


def _parties(ctx: _Ctx) -> tuple[Option, ...]:
    return tuple(Option(i, name) for i, name in ctx.parties.items())


def _facilitators(ctx: _Ctx) -> tuple[Option, ...]:
    return tuple(Option(i, name) for i, name in ctx.session.execute(
        select(User.id, User.full_name).where(
            User.role.in_([Role.FACILITATOR, Role.COORDINATOR])).order_by(User.full_name)
    ))


def _fixed(*pairs: tuple[Any, str]) -> Callable[[_Ctx], tuple[Option, ...]]:
    return lambda ctx: tuple(Option(v, label) for v, label in pairs)


_SCORES = _fixed(*((n, f"{n} of 5") for n in range(1, 6)))


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _case_id(s: Session, query: Select[int]) -> int:
    """The case a record hangs off through its parent (contract, party, agreement)."""
    case_id = s.scalar(query)
    assert case_id is not None, "a record's parent always belongs to a case"
    return case_id


def _d(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


# -- interventions and contacts


def _check_intervention(ctx: _Ctx, row: Intervention, v: dict[str, Any]) -> dict[str, Any]:
    data = pathways.InterventionInput(
        kind=v["kind"], occurred_on=v["occurred_on"], summary=v["summary"] or "",
        pathway_code=v["pathway_code"], agency_id=v["agency_id"],
        duration_minutes=v["duration_minutes"], notes=v["notes"])
    pathways.check_intervention(data)
    pathways.check_intervention_on_case(ctx.session, ctx.case, data)
    return {**v, "summary": data.summary.strip(), "notes": _text(data.notes)}


# -- appointments


def _check_appointment(ctx: _Ctx, row: Appointment, v: dict[str, Any]) -> dict[str, Any]:
    if v["status"] is not row.status:
        if row.status not in appointments.OUTCOMES:
            raise WorkflowError("This appointment has no outcome to correct: record its outcome "
                                "from the appointments list.")
        appointments.check_outcome(row, v["status"])
    return {**v, "outcome_notes": _text(v["outcome_notes"])}


def _appointment_extra(ctx: _Ctx, row: Appointment) -> tuple[tuple[str, str], ...]:
    lines = [("Bail condition", "yes" if row.bail_condition else "no")]
    if row.rearranged_to_id is not None:
        new = ctx.session.get(Appointment, row.rearranged_to_id)
        if new is not None:
            lines.append(("Booked again for", f"{new.starts_at.astimezone():%d %b %Y %H:%M}"))
    return tuple(lines)


# -- community hours


def _contract_of(ctx: _Ctx, row: CommunityHoursEntry) -> Contract:
    contract = ctx.session.get(Contract, row.contract_id)
    assert contract is not None
    return contract


def _check_hours(ctx: _Ctx, row: CommunityHoursEntry, v: dict[str, Any]) -> dict[str, Any]:
    amount = contracts.check_hours(v["worked_on"], v["hours"], v["task"] or "")
    contracts.check_hours_in_contract(_contract_of(ctx, row), v["worked_on"])
    return {**v, "hours": amount, "task": v["task"].strip()}


def _settle_hours(ctx: _Ctx, row: CommunityHoursEntry) -> None:
    contract = _contract_of(ctx, row)
    ctx.session.flush()
    ctx.session.expire(contract, ["hours"])
    if contract.status is ContractStatus.ACTIVE:
        contracts.settle_hours_condition(contract)


# -- needs assessments


def _check_assessment(ctx: _Ctx, row: PathwayAssessment, v: dict[str, Any]) -> dict[str, Any]:
    pathways.check_assessment_date(v["assessed_on"])
    pathways.check_need_level(v["level"], row.pathway_code)
    return {**v, "notes": _text(v["notes"])}


# -- consent


def _consent_neighbours(ctx: _Ctx, row: ConsentRecord) -> tuple[date | None, date | None]:
    others = list(ctx.session.scalars(select(ConsentRecord).where(
        ConsentRecord.party_id == row.party_id, ConsentRecord.live(),
        ConsentRecord.id != row.id).order_by(ConsentRecord.id)))
    before = [c.on for c in others if c.id < row.id]
    after = [c.on for c in others if c.id > row.id]
    return (before[-1] if before else None, after[0] if after else None)


def _check_consent(ctx: _Ctx, row: ConsentRecord, v: dict[str, Any]) -> dict[str, Any]:
    previous, following = _consent_neighbours(ctx, row)
    people_service.check_consent_date(v["on"], previous, following)
    return {**v, "notes": _text(v["notes"])}


def _settle_consent(ctx: _Ctx, row: ConsentRecord) -> None:
    """No meeting may be left standing on consent that is no longer on record."""
    ctx.session.flush()
    for party in ctx.case.parties:
        ctx.session.expire(party, ["consents"])
    for meeting in ctx.session.scalars(select(Conference).where(
            Conference.case_id == ctx.case.id, Conference.live())):
        missing = meetings.consent_missing(ctx.case, meeting.held_on,
                                           meetings.attendees_of(meeting))
        if missing:
            raise WorkflowError(
                f"The meeting on {_d(meeting.held_on)} relied on this consent: "
                + ", ".join(missing) + " would have no consent that day. Correct the meeting "
                "first (or mark it entered in error).")


# -- meetings


def _check_meeting(ctx: _Ctx, row: Conference, v: dict[str, Any]) -> dict[str, Any]:
    attendees = meetings.attendees_of(row)
    meetings.check_meeting(v["kind"], v["held_on"], v["facilitator_id"], v["cofacilitator_id"],
                           v["venue"], attendees)
    meetings.check_meeting_on_case(ctx.uow, ctx.case, v["held_on"], v["facilitator_id"],
                                   v["cofacilitator_id"], attendees)
    return {**v, "venue": _text(v["venue"]), "notes": _text(v["notes"])}


def _meeting_extra(ctx: _Ctx, row: Conference) -> tuple[tuple[str, str], ...]:
    return tuple(
        (p.role.value.capitalize(),
         (ctx.parties.get(p.party_id, "") if p.party_id else (p.name or ""))
         + ("" if p.attended else " (did not attend)"))
        for p in row.participants)


# -- agreement actions and follow-ups


def _check_action(ctx: _Ctx, row: AgreementAction, v: dict[str, Any]) -> dict[str, Any]:
    agreement = ctx.session.get(OutcomeAgreement, row.agreement_id)
    assert agreement is not None
    meetings.check_action(meetings.ActionInput(v["kind"], v["description"] or "",
                                               v["owner_party_id"], v["due_on"]),
                          agreement.agreed_on)
    meetings.check_party(ctx.case, v["owner_party_id"])
    if (v["kept"] is None) != (v["checked_on"] is None):
        raise ValidationError("Whether the action was kept and the day it was checked go "
                              "together: give both, or neither.", field="checked_on")
    return {**v, "description": v["description"].strip()}


def _check_followup(ctx: _Ctx, row: AgreementFollowUp, v: dict[str, Any]) -> dict[str, Any]:
    meetings.check_followup_date(v["contacted_on"])
    if v["party_id"] is not None:
        meetings.check_party(ctx.case, v["party_id"])
    return {**v, "notes": _text(v["notes"])}


def _recorded_yet(ctx: _Ctx, row: ExitFollowUp) -> None:
    if row.done_on is None:
        raise WorkflowError(f"Nothing is recorded for the {row.months}-month follow-up yet: "
                            "record it instead.")


def _check_exit(ctx: _Ctx, row: ExitFollowUp, v: dict[str, Any]) -> dict[str, Any]:
    _recorded_yet(ctx, row)
    followups.check_exit_followup_date(v["done_on"])
    return {**v, "notes": _text(v["notes"])}


def _check_reoffending(ctx: _Ctx, row: ReoffendingCheck, v: dict[str, Any]) -> dict[str, Any]:
    followups.check_reoffending(v["window_months"], v["offences"], v["first_offence_on"])
    followups.check_reoffending_on_case(ctx.case, v["first_offence_on"],
                                        checked_on=v["checked_on"],
                                        window_months=v["window_months"])
    return {**v, "notes": _text(v["notes"])}


def _check_survey(ctx: _Ctx, row: SatisfactionSurvey, v: dict[str, Any]) -> dict[str, Any]:
    meetings.check_survey_scores(v["felt_heard"], v["feels_safer"])
    return {**v, "comments": _text(v["comments"])}


def _check_calls(ctx: _Ctx, row: AgencyCallCount, v: dict[str, Any]) -> dict[str, Any]:
    meetings.check_agency_calls(v["agency_name"] or "", v["period"], v["months"], v["calls"])
    return {**v, "agency_name": v["agency_name"].strip()}


def _check_note(ctx: _Ctx, row: CaseNote, v: dict[str, Any]) -> dict[str, Any]:
    data = case_notes.NoteInput(v["written_on"], v["text"] or "")
    text = case_notes.validate_note(data)
    case_notes.check_note_on_case(ctx.case, data)
    return {**v, "text": text}


def _conditions_running(ctx: _Ctx, row: GatewayCondition) -> None:
    """A finished case's conditions are what its outcome was decided on: they stay."""
    if ctx.case.status not in gateway.OPEN_STAGES:
        raise WorkflowError(f"Case {ctx.case.reference} is {ctx.case.status.label.lower()}: "
                            "its conditions can no longer change.")


def _check_condition(ctx: _Ctx, row: GatewayCondition, v: dict[str, Any]) -> dict[str, Any]:
    """Open has no date; met or not met has its day, as when it was first recorded."""
    _conditions_running(ctx, row)
    if v["state"] is ConditionState.OPEN:
        return {**v, "decided_on": None, "notes": _text(v["notes"])}
    if v["decided_on"] is None:
        raise ValidationError("Give the day the condition was met or not met.",
                              field="decided_on")
    gateway.check_result_date(v["decided_on"])
    gateway.check_result_on_case(ctx.case, v["decided_on"])
    return {**v, "notes": _text(v["notes"])}


def _condition_title(ctx: _Ctx, row: GatewayCondition) -> str:
    result = row.state.value + (f" on {_d(row.decided_on)}" if row.decided_on else "")
    return f"Condition {row.position}: {row.description} ({result})"


def _own_case(s: Session, row: Any) -> int:
    return int(row.case_id)


_NOTES = _Field("notes", "Notes", FieldType.NOTES, optional=True)

KINDS: dict[EntryKind, _Kind] = {k.kind: k for k in (
    _Kind(
        EntryKind.INTERVENTION, Intervention,
        (_Field("kind", "Kind", FieldType.CHOICE, options=_enum_options(InterventionKind)),
         _Field("occurred_on", "Date", FieldType.DATE),
         _Field("summary", "Summary", FieldType.TEXT),
         _Field("pathway_code", "Pathway", FieldType.CHOICE, optional=True, options=_pathways),
         _Field("agency_id", "Agency", FieldType.CHOICE, optional=True, options=_agencies),
         _Field("duration_minutes", "Minutes", FieldType.NUMBER, optional=True),
         _NOTES),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"{r.kind.value.capitalize()} on {_d(r.occurred_on)}: {r.summary}",
        _check_intervention),
    _Kind(
        EntryKind.APPOINTMENT, Appointment,
        (_Field("starts_at", "When", FieldType.DATETIME, editable=False),
         _Field("purpose", "Purpose", FieldType.TEXT, editable=False),
         _Field("location", "Where", FieldType.TEXT, editable=False, optional=True),
         _Field("status", "Outcome", FieldType.CHOICE,
                options=_fixed(*((s, s.value) for s in appointments.OUTCOMES))),
         _Field("outcome_notes", "Notes on the outcome", FieldType.NOTES, optional=True)),
        _own_case, lambda r: r.outcome_by_id or r.recorded_by_id,
        lambda ctx, r: f"Appointment {r.starts_at.astimezone():%d %b %Y %H:%M}: {r.purpose} "
                       f"({r.status.value})",
        _check_appointment, extra=_appointment_extra),
    _Kind(
        EntryKind.HOURS, CommunityHoursEntry,
        (_Field("worked_on", "Date", FieldType.DATE),
         _Field("hours", "Hours", FieldType.HOURS),
         _Field("task", "Work done", FieldType.TEXT)),
        lambda s, r: _case_id(s, select(Contract.case_id).where(Contract.id == r.contract_id)),
        lambda r: r.recorded_by_id,
        lambda ctx, r: f"Community hours on {_d(r.worked_on)}: {float(r.hours):g} h, {r.task}",
        _check_hours, settle=_settle_hours),
    _Kind(
        EntryKind.ASSESSMENT, PathwayAssessment,
        (_Field("stage", "Stage", FieldType.TEXT, editable=False),
         _Field("pathway_code", "Pathway", FieldType.CHOICE, editable=False, options=_pathways),
         _Field("level", "Need", FieldType.CHOICE,
                options=_fixed(*((n, f"{n} {label}") for n, label in NEED_LEVELS.items()))),
         _Field("assessed_on", "Assessed on", FieldType.DATE),
         _NOTES),
        _own_case, lambda r: r.assessed_by_id,
        lambda ctx, r: f"Needs assessment ({r.stage.value}), {r.pathway_code}: level {r.level}",
        _check_assessment),
    _Kind(
        EntryKind.CONSENT, ConsentRecord,
        (_Field("party_id", "Party", FieldType.CHOICE, editable=False, options=_parties),
         _Field("action", "Consent", FieldType.TEXT, editable=False),
         _Field("on", "Date", FieldType.DATE),
         _NOTES),
        lambda s, r: _case_id(s, select(CaseParty.case_id).where(CaseParty.id == r.party_id)),
        lambda r: r.recorded_by_id,
        lambda ctx, r: f"Consent {r.action.value} on {_d(r.on)}: "
                       f"{ctx.parties.get(r.party_id, '')}",
        _check_consent, settle=_settle_consent),
    _Kind(
        EntryKind.MEETING, Conference,
        (_Field("kind", "Kind", FieldType.CHOICE, options=_enum_options(MeetingKind)),
         _Field("held_on", "Held on", FieldType.DATE),
         _Field("venue", "Venue", FieldType.TEXT, optional=True),
         _Field("facilitator_id", "Facilitator", FieldType.CHOICE, options=_facilitators),
         _Field("cofacilitator_id", "Co-facilitator", FieldType.CHOICE, optional=True,
                options=_facilitators),
         _Field("notes", "Minutes and notes", FieldType.NOTES, optional=True)),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"{r.kind.value.capitalize()} on {_d(r.held_on)}",
        _check_meeting, extra=_meeting_extra),
    _Kind(
        EntryKind.AGREEMENT_ACTION, AgreementAction,
        (_Field("kind", "Kind", FieldType.CHOICE, options=_enum_options(ActionKind)),
         _Field("description", "Action", FieldType.NOTES),
         _Field("owner_party_id", "Who does it", FieldType.CHOICE, options=_parties),
         _Field("due_on", "Due", FieldType.DATE),
         _Field("kept", "Kept", FieldType.YES_NO, optional=True),
         _Field("checked_on", "Checked on", FieldType.DATE, optional=True)),
        lambda s, r: _case_id(s, select(OutcomeAgreement.case_id).where(
            OutcomeAgreement.id == r.agreement_id)),
        lambda r: r.recorded_by_id,
        lambda ctx, r: f"Agreement action {r.position}: {r.description[:80]}",
        _check_action),
    _Kind(
        EntryKind.AGREEMENT_FOLLOWUP, AgreementFollowUp,
        (_Field("contacted_on", "Contacted on", FieldType.DATE),
         _Field("agreement_kept", "Agreement kept", FieldType.YES_NO),
         _Field("party_id", "Who was contacted", FieldType.CHOICE, optional=True,
                options=_parties),
         _NOTES),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"Follow-up on {_d(r.contacted_on)}",
        _check_followup),
    _Kind(
        EntryKind.EXIT_FOLLOWUP, ExitFollowUp,
        (_Field("months", "Months after exit", FieldType.NUMBER, editable=False),
         _Field("due_on", "Due", FieldType.DATE, editable=False),
         _Field("done_on", "Done on", FieldType.DATE),
         _Field("reoffended", "Reoffended", FieldType.YES_NO, optional=True),
         _Field("living_independently", "Living independently", FieldType.YES_NO,
                optional=True),
         _Field("free_from_abuse", "Free from abuse", FieldType.YES_NO, optional=True),
         _NOTES),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"{r.months}-month follow-up",
        _check_exit, may_withdraw=_recorded_yet),
    _Kind(
        EntryKind.REOFFENDING_CHECK, ReoffendingCheck,
        (_Field("checked_on", "Checked on", FieldType.DATE),
         _Field("window_months", "Window", FieldType.CHOICE,
                options=_fixed(*((m, f"{m} months") for m in followups.REOFFENDING_WINDOWS))),
         _Field("offences", "Proven offences", FieldType.NUMBER),
         _Field("first_offence_on", "First offence on", FieldType.DATE, optional=True),
         _NOTES),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"Reoffending check on {_d(r.checked_on)} ({r.window_months} months)",
        _check_reoffending),
    _Kind(
        EntryKind.SURVEY, SatisfactionSurvey,
        (_Field("party_id", "Harmed party", FieldType.CHOICE, editable=False, options=_parties),
         _Field("answered_on", "Answered on", FieldType.DATE),
         _Field("satisfied", "Satisfied", FieldType.YES_NO),
         _Field("felt_heard", "Felt heard", FieldType.CHOICE, optional=True, options=_SCORES),
         _Field("feels_safer", "Feels safer", FieldType.CHOICE, optional=True, options=_SCORES),
         _Field("would_recommend", "Would recommend", FieldType.YES_NO, optional=True),
         _Field("comments", "Comments", FieldType.NOTES, optional=True)),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"Satisfaction survey on {_d(r.answered_on)}",
        _check_survey),
    _Kind(
        EntryKind.AGENCY_CALLS, AgencyCallCount,
        (_Field("agency_name", "Agency", FieldType.TEXT),
         _Field("period", "Period", FieldType.CHOICE,
                options=_fixed(("before", "before"), ("after", "after"))),
         _Field("months", "Months", FieldType.NUMBER),
         _Field("calls", "Calls", FieldType.NUMBER)),
        _own_case, lambda r: r.recorded_by_id,
        lambda ctx, r: f"Calls to {r.agency_name}, {r.months} months {r.period}",
        _check_calls),
    _Kind(
        EntryKind.CASE_NOTE, CaseNote,
        (_Field("written_on", "Date", FieldType.DATE),
         _Field("text", "Note", FieldType.NOTES)),
        _own_case, lambda r: r.written_by_id,
        lambda ctx, r: f"Note of {_d(r.written_on)}: {r.text.splitlines()[0][:80]}",
        _check_note),
    _Kind(
        EntryKind.GATEWAY_CONDITION, GatewayCondition,
        (_Field("description", "Condition", FieldType.TEXT, editable=False),
         _Field("state", "Result", FieldType.CHOICE, options=_enum_options(ConditionState)),
         _Field("decided_on", "On", FieldType.DATE, optional=True),
         _NOTES),
        _own_case, lambda r: r.recorded_by_id,
        _condition_title, _check_condition, may_withdraw=_conditions_running),
)}


# ---------------------------------------------------------------- showing values in words


def _display(ctx: _Ctx, f: _Field, value: Any, options: tuple[Option, ...] | None = None
             ) -> str:
    """A stored value (a live one, or one from the log as JSON) as History shows it."""
    if value is None or value == "":
        return "not answered" if f.type is FieldType.YES_NO else "(none)"
    if f.type is FieldType.YES_NO:
        return "yes" if value else "no"
    if f.type is FieldType.DATE:
        return _d(value if isinstance(value, date) else date.fromisoformat(value))
    if f.type is FieldType.DATETIME:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return f"{when.astimezone():%d %b %Y %H:%M}"
    if f.type is FieldType.HOURS:
        return f"{float(Decimal(str(value))):g} h"
    if f.type is FieldType.CHOICE:
        opts = options if options is not None else (f.options(ctx) if f.options else ())
        for o in opts:
            if json_value(o.value) == json_value(value):
                return o.label
    return str(json_value(value))


def _changes(ctx: _Ctx, spec: _Kind, c: Correction) -> tuple[Change, ...]:
    if c.action is CorrectionAction.ENTERED_IN_ERROR:
        return ()
    labels = {f.name: f for f in spec.fields}
    out = []
    for name, old in (c.before or {}).items():
        f = labels.get(name) or _Field(name, name.replace("_", " ").capitalize(),
                                       FieldType.YES_NO if isinstance(old, bool)
                                       else FieldType.TEXT)
        out.append(Change(f.label, _display(ctx, f, old), _display(ctx, f, (c.after or {})
                                                                   .get(name))))
    return tuple(out)


def _revision(ctx: _Ctx, c: Correction, row: Any | None) -> RevisionView:
    spec = KINDS[c.kind]
    return RevisionView(
        action=c.action, at=c.at, by=ctx.users.get(c.by_id, ""), reason=c.reason,
        changes=_changes(ctx, spec, c), kind=c.kind, record_id=c.record_id,
        record=spec.title(ctx, row) if row is not None else c.kind.label,
        record_in_error=bool(row is not None and row.entered_in_error))


# ---------------------------------------------------------------- use cases


def _row(ctx: _Ctx, kind: EntryKind, record_id: int) -> tuple[_Kind, Any]:
    spec = KINDS[kind]
    row = ctx.session.get(spec.model, record_id)
    if row is None or spec.case_of(ctx.session, row) != ctx.case.id:
        raise NotFound(f"That {kind.value} is not on case {ctx.case.reference}.")
    return spec, row


def _why_not(ctx: _Ctx, actor: Actor, spec: _Kind, row: Any) -> str | None:
    """Why the actor may not correct this record, or None when they may."""
    if not access.can_edit(actor, ctx.case):
        return f"Case {ctx.case.reference} is not assigned to you."
    if row.entered_in_error:
        return f"This {spec.kind.value} was marked entered in error; it is kept only for History."
    by = spec.entered_by(row)
    if by != actor.user_id and not actor.coordinates:
        if by is None:
            return (f"Who entered this {spec.kind.value} is not recorded: a coordinator "
                    "corrects it.")
        return (f"This {spec.kind.value} was entered by {ctx.users.get(by, 'someone else')}: "
                "a coordinator corrects someone else's entry.")
    return None


def _may_correct(ctx: _Ctx, actor: Actor, spec: _Kind, row: Any) -> None:
    why = _why_not(ctx, actor, spec, row)
    if why is None:
        return
    if row.entered_in_error:
        raise WorkflowError(why)
    raise AccessDenied(why)


def _revisions_of(ctx: _Ctx, kind: EntryKind, row: Any) -> tuple[RevisionView, ...]:
    rows = ctx.session.scalars(select(Correction).where(
        Correction.kind == kind, Correction.record_id == row.id,
        Correction.case_id == ctx.case.id).order_by(Correction.at, Correction.id))
    return tuple(_revision(ctx, c, row) for c in rows)


def open_record(uow: UnitOfWork, actor: Actor, reference: str, kind: EntryKind,
                record_id: int) -> RecordView:
    """One record, whole (notes and minutes included), with its corrections; audited."""
    with uow:
        uow.begin_write()
        case = load_case(uow, reference)
        access.require_view(uow, actor, case)
        ctx = _Ctx.load(uow, case)
        spec, row = _row(ctx, kind, record_id)
        fields = []
        for f in spec.fields:
            options = f.options(ctx) if f.options else ()
            value = getattr(row, f.name)
            fields.append(FieldView(f.name, f.label, f.type, value,
                                    _display(ctx, f, value, options), f.editable, f.optional,
                                    options))
        by = spec.entered_by(row)
        why = _why_not(ctx, actor, spec, row)
        view = RecordView(
            kind=kind, record_id=row.id, case_reference=case.reference,
            case_version=case.version, title=spec.title(ctx, row),
            entered_by=ctx.users.get(by, "") if by else "not recorded",
            entered_in_error=row.entered_in_error, fields=tuple(fields),
            extra=spec.extra(ctx, row) if spec.extra else (),
            revisions=_revisions_of(ctx, kind, row), can_correct=why is None, why_not=why,
            can_rebook=(kind is EntryKind.APPOINTMENT and why is None
                        and row.status is AppointmentStatus.MISSED
                        and row.rearranged_to_id is None))
        audit.record(uow, actor, "record.view", spec.model.__tablename__, row.id,
                     case_id=case.id, detail=kind.value)
        uow.commit()
        return view


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("Give the reason for the correction.", field="reason")
    return text


def amend(uow: UnitOfWork, actor: Actor, reference: str, kind: EntryKind, record_id: int,
          values: Mapping[str, Any], reason: str, *, expected_version: int | None = None
          ) -> None:
    """New values for some fields of a record, with the reason; the old ones stay in History.

    Values are checked by the rules that recording the record uses; nothing is saved when one
    fails, when nothing would change, or when the actor may not correct the record.
    """
    why = _reason(reason)
    with case_edit(uow, actor, reference, expected_version) as edit:
        ctx = _Ctx.load(uow, edit.case)
        spec, row = _row(ctx, kind, record_id)
        _may_correct(ctx, actor, spec, row)
        editable = {f.name: f for f in spec.fields if f.editable}
        unknown = sorted(set(values) - set(editable))
        if unknown:
            raise ValidationError(f"{', '.join(unknown)}: not a field that can be amended on "
                                  f"a {kind.value}.", field=unknown[0])
        for name, value in values.items():
            if (value is None or value == "") and not editable[name].optional:
                raise ValidationError(f"{editable[name].label} is needed.", field=name)
        merged = {name: values.get(name, getattr(row, name)) for name in editable}
        cleaned = spec.check(ctx, row, merged)
        changed = revise(uow, actor, edit.case, kind, row,
                         {k: cleaned[k] for k in editable}, why)
        if not changed:
            raise ValidationError("Nothing was changed: give the new values to amend.",
                                  field="values")
        if spec.settle is not None:
            spec.settle(ctx, row)
        edit.audit("record.amend", spec.model.__tablename__, row.id,
                   detail=f"{kind.value}: " + ", ".join(sorted(changed)))


def mark_entered_in_error(uow: UnitOfWork, actor: Actor, reference: str, kind: EntryKind,
                          record_id: int, reason: str, *, expected_version: int | None = None
                          ) -> None:
    """The record should never have been entered: from now on it counts and prints nowhere,
    and History shows it struck through with the reason."""
    why = _reason(reason)
    with case_edit(uow, actor, reference, expected_version) as edit:
        ctx = _Ctx.load(uow, edit.case)
        spec, row = _row(ctx, kind, record_id)
        _may_correct(ctx, actor, spec, row)
        if spec.may_withdraw is not None:
            spec.may_withdraw(ctx, row)
        uow.session.add(Correction(
            case_id=edit.case.id, kind=kind, record_id=row.id,
            action=CorrectionAction.ENTERED_IN_ERROR,
            before={f.name: json_value(getattr(row, f.name)) for f in spec.fields},
            after=None, reason=why, by_id=actor.user_id))
        row.entered_in_error = True
        if spec.settle is not None:
            spec.settle(ctx, row)
        edit.audit("record.entered-in-error", spec.model.__tablename__, row.id,
                   detail=kind.value)


def case_corrections(uow: UnitOfWork, actor: Actor, reference: str
                     ) -> tuple[RevisionView, ...]:
    """Every correction on a case, newest first, in words (the History tab reads this)."""
    with uow:
        case = load_case(uow, reference)
        access.require_view(uow, actor, case)
        ctx = _Ctx.load(uow, case)
        out = []
        for c in uow.session.scalars(select(Correction).where(Correction.case_id == case.id)
                                     .order_by(Correction.at.desc(), Correction.id.desc())):
            row = uow.session.get(KINDS[c.kind].model, c.record_id)
            out.append(_revision(ctx, c, row))
        return tuple(out)
