"""Reading cases: the filtered list, one whole case, and a person's work for today.

Lists are Core queries over indexed columns, fetched a page at a time; a whole case is loaded
with one query per kind of record, each run whether or not the case has such records, so the number
of statements is the same for every case (tests/services/test_statement_count.py counts them).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from app.db import UnitOfWork
from app.errors import AccessDenied, ReasonRequired, ValidationError
from app.models.appointments import Appointment, AppointmentStatus, GatewayCondition
from app.models.cases import (
    Case,
    CaseParty,
    CaseStatus,
    ConsentAction,
    DataSubjectCategory,
    Scheme,
    StatusChange,
)
from app.models.conferences import (
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    Conference,
    ConferenceParticipant,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.contracts import (
    CommunityHoursEntry,
    ConditionState,
    Contract,
    ContractCondition,
    ContractStatus,
)
from app.models.documents import Document, LawfulBasis
from app.models.followups import ExitFollowUp, ReoffendingCheck
from app.models.notes import CaseNote
from app.models.pathways import Intervention, PathwayAssessment
from app.models.people import Person
from app.models.reference import Agency, OffenceCategory, Pathway
from app.models.users import User
from app.services import access, audit
from app.services.cases import load_case
from app.services.context import Actor
from app.services.outcomes import Outcome, agreement_kept, case_outcome
from app.services.workflow import ACTIVE_STAGES, allowed

PAGE_SIZE = 200

# ---------------------------------------------------------------- the case list


@dataclass(frozen=True)
class CaseFilter:
    scheme: Scheme | None = None
    status: CaseStatus | None = None
    worker_id: int | None = None
    pathway_code: str | None = None
    referred_from: date | None = None
    referred_to: date | None = None
    search: str | None = None
    active_only: bool = False


SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "reference": Case.reference,
    "participant": Case.participant_search,
    "scheme": Case.scheme,
    "status": Case.status,
    "referral_date": Case.referral_date,
    "crime_reference": Case.crime_reference,
}


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One row of the case list; slotted, as a list scrolled to its end holds 100,000 of them."""

    id: int
    reference: str
    scheme: Scheme
    status: CaseStatus
    participant: str
    worker: str | None
    referral_date: date
    crime_reference: str | None
    offence: str | None
    restricted: bool
    version: int


def _prefix(column: InstrumentedAttribute[Any], text: str) -> ColumnElement[bool]:
    """``column LIKE 'text%'`` as a range, which an ordinary index can serve."""
    return and_(column >= text, column < text + "\U0010ffff")


def _filtered(uow: UnitOfWork, actor: Actor, f: CaseFilter) -> Select[int]:
    return _filter_query(actor, f, access.navigators_read_all(uow))


def _filter_query(actor: Actor, f: CaseFilter, read_all: bool) -> Select[int]:
    """The ids of the cases the actor may see that pass the filter (``read_all``: the
    navigators' setting)."""
    q = select(Case.id)
    visible = access.visible_clause(actor, read_all=read_all)
    if not visible.compare(true()):  # a coordinator sees every case: no "WHERE 1 = 1"
        q = q.where(visible)
    if f.scheme:
        q = q.where(Case.scheme == f.scheme)
    if f.status:
        q = q.where(Case.status == f.status)
    if f.active_only:
        q = q.where(Case.status.in_(ACTIVE_STAGES))
    if f.worker_id is not None:
        q = q.where(or_(Case.worker_id == f.worker_id, Case.coworker_id == f.worker_id))
    if f.referred_from:
        q = q.where(Case.referral_date >= f.referred_from)
    if f.referred_to:
        q = q.where(Case.referral_date <= f.referred_to)
    if f.pathway_code:
        need = exists().where(PathwayAssessment.case_id == Case.id,
                              PathwayAssessment.pathway_code == f.pathway_code,
                              PathwayAssessment.level >= 2, PathwayAssessment.live())
        logged = exists().where(Intervention.case_id == Case.id,
                                Intervention.pathway_code == f.pathway_code,
                                Intervention.live())
        q = q.where(or_(need, logged))
    text = (f.search or "").strip()
    if text:
        lowered = " ".join(text.lower().split())
        words = lowered.split(" ")
        names = [_prefix(Case.participant_search, lowered)]
        if len(words) == 2:  # "jo smith" -> "smith jo"
            names.append(_prefix(Case.participant_search, f"{words[1]} {words[0]}"))
        # A union of one index range per column, rather than an OR beside the other filters:
        # SQLite's planner then walks the scheme or date index and tests every row instead.
        matches = union(*(select(Case.id).where(cond) for cond in (
            _prefix(Case.reference, text.upper()), _prefix(Case.crime_reference, text.upper()),
            *names)))
        q = q.where(Case.id.in_(matches))
    return q


def filtered_ids(uow: UnitOfWork, actor: Actor, f: CaseFilter) -> Select[int]:
    """The ids of the cases the actor may see that pass the filter, as a subquery to build on."""
    return _filtered(uow, actor, f)


def count_cases(uow: UnitOfWork, actor: Actor, f: CaseFilter) -> int:
    """How many cases the list has: ``count(*)`` over the filtered cases themselves, not over a
    subquery of them, so that with no filter SQLite counts an index's pages rather than
    stepping through every row (400,000 at ten years)."""
    with uow:
        q = _filtered(uow, actor, f).with_only_columns(func.count(), maintain_column_froms=True)
        return int(uow.session.scalar(q) or 0)


def _list_detail(f: CaseFilter) -> str:
    """What a list showed, for the audit row: the filters used, never the search text (it may
    be a name)."""
    parts = [f"{k}={v.value if hasattr(v, 'value') else v}"
             for k, v in (("scheme", f.scheme), ("status", f.status), ("worker", f.worker_id),
                          ("pathway", f.pathway_code), ("from", f.referred_from),
                          ("to", f.referred_to)) if v is not None]
    if f.active_only:
        parts.append("active")
    if (f.search or "").strip():
        parts.append("search")
    return " ".join(parts) or "all"


@functools.cache
def _rows_select() -> Select[*tuple[Any, ...]]:
    """What a row of the case list shows, for a join that picks the cases. Built once (a
    statement is immutable; building it took a millisecond, twice in every My work)."""
    worker = aliased(User)
    return (select(Case.id, Case.reference, Case.scheme, Case.status, Person.first_name,
                   Person.last_name, worker.full_name, Case.referral_date, Case.crime_reference,
                   OffenceCategory.name, Case.restricted, Case.version)
            .join(Person, Person.id == Case.participant_id)
            .outerjoin(worker, worker.id == Case.worker_id)
            .outerjoin(OffenceCategory, OffenceCategory.code == Case.offence_code))


def _case_row(r: Any) -> CaseRow:
    # worker and offence names repeat on every page: one string each, not one per row
    return CaseRow(r[0], r[1], r[2], r[3], f"{r[4]} {r[5]}", r[6] and sys.intern(r[6]), r[7],
                   r[8], r[9] and sys.intern(r[9]), r[10], r[11])


def case_rows(uow: UnitOfWork, ids: list[int]) -> dict[int, CaseRow]:
    """Case-list rows for cases already chosen (and access-checked) by the caller, in the
    caller's open unit of work."""
    if not ids:
        return {}
    return {r[0]: _case_row(r) for r in uow.session.execute(
        _rows_select().where(Case.id.in_(ids)))}


def list_cases(
    uow: UnitOfWork, actor: Actor, f: CaseFilter, *, sort: str = "referral_date",
    descending: bool = True, offset: int = 0, limit: int = PAGE_SIZE, audit_list: bool = True,
) -> list[CaseRow]:
    """One page of the cases the actor may see, filtered and sorted. The first page of a list
    or search is audited ("case.list", with the filters but not the search text); later pages
    of the same list are not, so scrolling does not flood the trail."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    audited = audit_list and offset == 0
    with uow:
        if audited:
            uow.begin_write()
        rows = _page(uow, actor, f, sort, descending, offset, limit)
        if audited:
            audit.record(uow, actor, "case.list", "cases",
                         detail=f"{_list_detail(f)}; {len(rows)} rows")
            uow.commit()
        return rows


def first_page(uow: UnitOfWork, actor: Actor, f: CaseFilter, *, sort: str = "referral_date",
               descending: bool = True, limit: int = PAGE_SIZE) -> tuple[list[CaseRow], int]:
    """The first page of a list, audited as ``list_cases`` audits it, and how many cases the
    list has (``count_cases``), read in the same transaction: the case list shows both each
    time a filter changes, and the count then agrees with the page."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    with uow:
        uow.begin_write()
        read_all = access.navigators_read_all(uow)
        rows = [_case_row(r) for r in uow.session.connection().execute(
            _page_query(actor, f, sort, descending, 0, limit, read_all))]
        total = len(rows)
        if total >= limit:
            q = _filter_query(actor, f, read_all).with_only_columns(
                func.count(), maintain_column_froms=True)
            total = int(uow.session.scalar(q) or 0)
        audit.record(uow, actor, "case.list", "cases",
                     detail=f"{_list_detail(f)}; {len(rows)} rows")
        uow.commit()
        return rows, total


def _page(uow: UnitOfWork, actor: Actor, f: CaseFilter, sort: str, descending: bool,
          offset: int, limit: int) -> list[CaseRow]:
    """One page of the list in the caller's open unit of work. Plain columns, so the rows come
    from the connection, without the ORM's result machinery."""
    q = _page_query(actor, f, sort, descending, offset, limit,
                    access.navigators_read_all(uow))
    return [_case_row(r) for r in uow.session.connection().execute(q)]


def _page_query(actor: Actor, f: CaseFilter, sort: str, descending: bool, offset: int,
                limit: int, read_all: bool) -> Select[Any]:
    column = SORT_COLUMNS[sort]
    order = [column.desc() if descending else column.asc(),
             Case.id.desc() if descending else Case.id.asc()]
    ids = (_filter_query(actor, f, read_all).order_by(*order).offset(offset).limit(limit)
           .subquery())
    return _rows_select().join(ids, ids.c.id == Case.id).order_by(*order)


# ---------------------------------------------------------------- one whole case


@dataclass(frozen=True)
class ConsentInfo:
    action: ConsentAction
    on: date
    id: int = 0


@dataclass(frozen=True)
class PartyInfo:
    id: int
    person_id: int
    role: str
    name: str
    date_of_birth: date | None
    gender: str
    address: tuple[str, ...]
    phone: str | None
    email: str | None
    language: str
    interpreter_needed: bool
    communication_needs: str | None
    document_format: str
    wants_updates: bool
    consents: tuple[ConsentInfo, ...]
    #: The person's own version: people are shared between cases, so an edit of their details
    #: passes it back (``people.update_person(person_version=...)``) to catch a stale form.
    person_version: int = 1
    #: The parts, for forms that edit them (``name`` and ``address`` are for reading).
    first_name: str = ""
    last_name: str = ""
    address_line1: str | None = None
    address_line2: str | None = None
    town: str | None = None
    postcode: str | None = None
    #: The ICO's category of data subject on this case (DPA 2018 s.38(3)).
    category: DataSubjectCategory = DataSubjectCategory.OTHER

    @property
    def has_consent(self) -> bool:
        return bool(self.consents) and self.consents[-1].action is ConsentAction.GIVEN


@dataclass(frozen=True)
class AssessmentInfo:
    stage: str
    pathway_code: str
    pathway: str
    level: int
    notes: str | None
    assessed_on: date
    id: int = 0


@dataclass(frozen=True)
class InterventionInfo:
    id: int
    kind: str
    occurred_on: date
    pathway_code: str | None
    pathway: str | None
    agency: str | None
    summary: str
    notes: str | None
    duration_minutes: int | None
    recorded_by: str


@dataclass(frozen=True)
class NoteInfo:
    """A case note, newest first on the case."""

    id: int
    written_on: date
    text: str
    written_by: str
    created_at: datetime
    version: int


@dataclass(frozen=True)
class AppointmentInfo:
    id: int
    starts_at: datetime
    purpose: str
    location: str | None
    bail_condition: bool
    status: str
    outcome_notes: str | None

    @property
    def overdue(self) -> bool:
        """Past, and no outcome recorded yet."""
        return self.status == AppointmentStatus.SCHEDULED.value and \
            self.starts_at < datetime.now(self.starts_at.tzinfo)


@dataclass(frozen=True)
class ConditionInfo:
    position: int
    kind: str
    description: str
    pathway_code: str | None
    state: str
    victim_declined: bool


@dataclass(frozen=True)
class GatewayConditionInfo:
    """A Gateway to Change condition of bail or diversion, with its result."""

    id: int
    position: int
    code: str
    description: str
    state: ConditionState
    decided_on: date | None
    notes: str | None


@dataclass(frozen=True)
class HoursInfo:
    worked_on: date
    hours: Decimal
    task: str
    id: int = 0


@dataclass(frozen=True)
class ContractInfo:
    status: str
    start_date: date
    end_date: date
    signed_on: date | None
    community_hours_required: int | None
    hours_done: Decimal
    conditions: tuple[ConditionInfo, ...]
    hours: tuple[HoursInfo, ...]
    breach_reason: str | None

    def days_left(self, today: date | None = None) -> int:
        return max(0, (self.end_date - (today or date.today())).days)


@dataclass(frozen=True)
class AttendeeInfo:
    name: str
    role: str
    attended: bool
    party_id: int | None


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    kind: str
    held_on: date
    venue: str | None
    facilitator: str
    cofacilitator: str | None
    attendees: tuple[AttendeeInfo, ...]


@dataclass(frozen=True)
class ActionInfo:
    id: int
    position: int
    kind: str
    description: str
    owner_party_id: int
    owner: str
    due_on: date
    kept: bool | None


@dataclass(frozen=True)
class AgreementInfo:
    id: int
    agreed_on: date
    signed: bool
    actions: tuple[ActionInfo, ...]


@dataclass(frozen=True)
class FollowUpInfo:
    contacted_on: date
    agreement_kept: bool
    notes: str | None
    id: int = 0


@dataclass(frozen=True)
class SurveyInfo:
    party_id: int
    answered_on: date
    satisfied: bool
    felt_heard: int | None
    feels_safer: int | None
    would_recommend: bool | None
    id: int = 0


@dataclass(frozen=True)
class ExitFollowUpInfo:
    months: int
    due_on: date
    done_on: date | None
    reoffended: bool | None
    living_independently: bool | None
    free_from_abuse: bool | None
    id: int = 0


@dataclass(frozen=True)
class ReoffendingInfo:
    checked_on: date
    window_months: int
    offences: int
    first_offence_on: date | None
    id: int = 0


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: str
    title: str
    recipient: str | None
    variant: str
    template_version: str
    sha256: str
    created_by: str
    created_at: datetime
    #: To whom it was disclosed (person, organisation) and on what basis (DPA 2018 s.62);
    #: "" and None for a document filed before disclosures were recorded
    disclosed_to: str = ""
    basis: LawfulBasis | None = None


@dataclass(frozen=True)
class StageInfo:
    to_status: str
    on: date
    by: str
    reason: str | None


@dataclass(frozen=True)
class AgencyCallsInfo:
    agency_name: str
    period: str
    months: int
    calls: int
    id: int = 0


@dataclass(frozen=True)
class CaseDetail:
    id: int
    reference: str
    scheme: Scheme
    status: CaseStatus
    version: int
    next_statuses: tuple[CaseStatus, ...]
    participant: PartyInfo
    parties: tuple[PartyInfo, ...]
    referral_date: date
    referral_source: str
    referring_officer: str | None
    referring_officer_email: str | None
    offence_code: str | None
    offence: str | None
    offence_date: date | None
    offence_summary: str | None
    crime_reference: str | None
    eligibility: str
    eligibility_reasons: str | None
    eligibility_override_reason: str | None
    risk_band: str | None
    officer_decision: str | None
    risk_override_reason: str | None
    worker_id: int | None
    worker: str | None
    coworker_id: int | None
    coworker: str | None
    restricted: bool
    started_on: date | None
    ended_on: date | None
    closed_on: date | None
    closure_reason: str | None
    outcome_code: str | None
    can_edit: bool
    assessments: tuple[AssessmentInfo, ...] = ()
    interventions: tuple[InterventionInfo, ...] = ()
    appointments: tuple[AppointmentInfo, ...] = ()
    contract: ContractInfo | None = None
    meetings: tuple[MeetingInfo, ...] = ()
    agreement: AgreementInfo | None = None
    followups: tuple[FollowUpInfo, ...] = ()
    surveys: tuple[SurveyInfo, ...] = ()
    exit_followups: tuple[ExitFollowUpInfo, ...] = ()
    reoffending_checks: tuple[ReoffendingInfo, ...] = ()
    agency_calls: tuple[AgencyCallsInfo, ...] = ()
    documents: tuple[DocumentInfo, ...] = ()
    stages: tuple[StageInfo, ...] = field(default=())
    notes: tuple[NoteInfo, ...] = ()
    gateway_conditions: tuple[GatewayConditionInfo, ...] = ()

    def party(self, party_id: int) -> PartyInfo:
        return next(p for p in self.parties if p.id == party_id)

    @property
    def outcome(self) -> Outcome:
        """The case's outcome, by the one definition in ``app.services.outcomes``."""
        return case_outcome(
            self.scheme, [CaseStatus(s.to_status) for s in self.stages] + [self.status],
            accepted=self.started_on is not None,
            stopped=self.status is CaseStatus.CLOSED or self.ended_on is not None)

    @property
    def agreement_kept(self) -> bool | None:
        """Neighbourhood Resolution: the latest follow-up's answer (None until one is made)."""
        return agreement_kept((f.contacted_on, f.agreement_kept) for f in self.followups)


def _party_info(party: CaseParty, person: Person, consents: list[ConsentInfo]) -> PartyInfo:
    address = tuple(x for x in (person.address_line1, person.address_line2, person.town,
                                person.postcode) if x)
    return PartyInfo(
        party.id, person.id, party.role.value, person.full_name, person.date_of_birth,
        person.gender.value, address, person.phone, person.email, person.language,
        person.interpreter_needed, person.communication_needs, person.document_format.value,
        party.wants_updates, tuple(consents), person.version, person.first_name,
        person.last_name, person.address_line1, person.address_line2, person.town,
        person.postcode, party.category)


#: The longest reason for opening a case that the audit row keeps.
REASON_LIMIT = 200


def get_case(uow: UnitOfWork, actor: Actor, reference: str, *, audit_view: bool = True,
             reason: str | None = None) -> CaseDetail:
    """Everything on one case that the actor may see; the view is audited.

    Opening (``audit_view``) a restricted case the actor is not assigned to needs ``reason``
    (``reason_needed`` says when): it is kept in the audit row of the view, and without one
    nothing is opened (``ReasonRequired``)."""
    with uow:
        if audit_view:
            uow.begin_write()
        case = load_case(uow, reference)
        try:
            access.require_view(uow, actor, case)
        except AccessDenied:
            # a refused look is worth knowing about; it is recorded even when the caller
            # (printing, for one) does not audit the view itself
            audit.record(uow, actor, "case.view-refused", "cases", case.id, case_id=case.id)
            uow.commit()
            raise
        why = (_consultation_reason(case, reason)
               if audit_view and access.reason_needed(actor, case) else None)
        detail = _detail(uow, actor, case)
        if audit_view:
            audit.record(uow, actor, "case.view", "cases", case.id, case_id=case.id,
                         detail=f"reason: {why}" if why else None)
            uow.commit()
        return detail


def reason_needed(uow: UnitOfWork, actor: Actor, reference: str) -> bool:
    """Whether opening the case must say why (DPA 2018 s.62: a restricted case the actor is
    not assigned to). False when the actor may not open it at all: opening refuses that."""
    with uow:
        case = load_case(uow, reference)
        if not access.can_view(actor, case, read_all=access.navigators_read_all(uow)):
            return False
        return access.reason_needed(actor, case)


def _consultation_reason(case: Case, reason: str | None) -> str:
    why = " ".join((reason or "").split())
    if not why:
        raise ReasonRequired(
            f"Case {case.reference} is restricted and not assigned to you: say why you are "
            "opening it. Nothing was opened.", field="reason")
    if len(why) > REASON_LIMIT:
        raise ValidationError(f"The reason is {len(why)} characters long; keep it to "
                              f"{REASON_LIMIT}.", field="reason")
    return why


def _detail(uow: UnitOfWork, actor: Actor, case: Case) -> CaseDetail:
    s = uow.session
    users = {u.id: u.full_name for u in s.execute(select(User.id, User.full_name))}
    pathway_names = dict(s.execute(select(Pathway.code, Pathway.name)).all())
    agency_names = dict(s.execute(select(Agency.id, Agency.name)).all())
    party_rows = s.execute(
        select(CaseParty, Person).join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id == case.id).order_by(CaseParty.id)
    ).all()
    from app.models.cases import ConsentRecord

    consents: dict[int, list[ConsentInfo]] = {}
    for c in s.scalars(select(ConsentRecord).join(CaseParty).where(CaseParty.case_id == case.id,
                                                                   ConsentRecord.live())
                       .order_by(ConsentRecord.id)):
        consents.setdefault(c.party_id, []).append(ConsentInfo(c.action, c.on, c.id))
    parties = tuple(_party_info(p, person, consents.get(p.id, [])) for p, person in party_rows)
    names = {p.id: p.name for p in parties}
    participant = next(p for p in parties if p.person_id == case.participant_id)
    offence = s.scalar(select(OffenceCategory.name)
                       .where(OffenceCategory.code == case.offence_code))

    assessments = tuple(
        AssessmentInfo(a.stage.value, a.pathway_code, pathway_names.get(a.pathway_code, ""),
                       a.level, a.notes, a.assessed_on, a.id)
        for a in s.scalars(select(PathwayAssessment).where(PathwayAssessment.case_id == case.id,
                                                           PathwayAssessment.live()))
    )
    # the longest list of a case (hundreds of rows): its columns, not ORM objects
    interventions = tuple(
        InterventionInfo(i.id, i.kind.value, i.occurred_on, i.pathway_code,
                         pathway_names.get(i.pathway_code or ""),
                         agency_names.get(i.agency_id) if i.agency_id else None, i.summary,
                         i.notes, i.duration_minutes, users.get(i.recorded_by_id, ""))
        for i in s.execute(select(Intervention.id, Intervention.kind, Intervention.occurred_on,
                                  Intervention.pathway_code, Intervention.agency_id,
                                  Intervention.summary, Intervention.notes,
                                  Intervention.duration_minutes, Intervention.recorded_by_id)
                           .where(Intervention.case_id == case.id, Intervention.live())
                           .order_by(Intervention.occurred_on.desc(), Intervention.id.desc()))
    )
    appointments = tuple(
        AppointmentInfo(a.id, a.starts_at, a.purpose, a.location, a.bail_condition,
                        a.status.value, a.outcome_notes)
        for a in s.scalars(select(Appointment).where(Appointment.case_id == case.id,
                                                     Appointment.live())
                           .order_by(Appointment.starts_at))
    )
    contract_info = None
    contract = s.scalar(select(Contract).where(Contract.case_id == case.id))
    # joined on the case rather than the contract's id, so they run (empty) without a contract
    conditions = s.scalars(
        select(ContractCondition).join(Contract, Contract.id == ContractCondition.contract_id)
        .where(Contract.case_id == case.id).order_by(ContractCondition.position)).all()
    hours = s.scalars(
        select(CommunityHoursEntry).join(Contract, Contract.id == CommunityHoursEntry.contract_id)
        .where(Contract.case_id == case.id, CommunityHoursEntry.live())
        .order_by(CommunityHoursEntry.worked_on)).all()
    if contract is not None:
        contract_info = ContractInfo(
            contract.status.value, contract.start_date, contract.end_date, contract.signed_on,
            contract.community_hours_required, sum((h.hours for h in hours), start=Decimal(0)),
            tuple(ConditionInfo(c.position, c.kind.value, c.description, c.pathway_code,
                                c.state.value, c.victim_declined) for c in conditions),
            tuple(HoursInfo(h.worked_on, h.hours, h.task, h.id) for h in hours),
            contract.breach_reason)
    meeting_rows = s.scalars(select(Conference).where(Conference.case_id == case.id,
                                                      Conference.live())
                             .order_by(Conference.held_on)).all()
    attendee_rows = s.scalars(
        select(ConferenceParticipant).join(Conference)
        .where(Conference.case_id == case.id).order_by(ConferenceParticipant.id)).all()
    meetings = tuple(
        MeetingInfo(m.id, m.kind.value, m.held_on, m.venue, users.get(m.facilitator_id, ""),
                    users.get(m.cofacilitator_id) if m.cofacilitator_id else None,
                    tuple(AttendeeInfo(names.get(a.party_id, "") if a.party_id else
                                       (a.name or ""), a.role.value, a.attended, a.party_id)
                          for a in attendee_rows if a.conference_id == m.id))
        for m in meeting_rows
    )
    agreement_info = None
    agreement = s.scalar(select(OutcomeAgreement).where(OutcomeAgreement.case_id == case.id)
                         .order_by(OutcomeAgreement.id.desc()).limit(1))
    latest = (select(func.max(OutcomeAgreement.id)).where(OutcomeAgreement.case_id == case.id)
              .scalar_subquery())
    actions = s.scalars(select(AgreementAction).where(AgreementAction.agreement_id == latest,
                                                      AgreementAction.live())
                        .order_by(AgreementAction.position)).all()
    if agreement is not None:
        agreement_info = AgreementInfo(
            agreement.id, agreement.agreed_on, agreement.signed,
            tuple(ActionInfo(a.id, a.position, a.kind.value, a.description, a.owner_party_id,
                             names.get(a.owner_party_id, ""), a.due_on, a.kept)
                  for a in actions))
    followups = tuple(
        FollowUpInfo(f.contacted_on, f.agreement_kept, f.notes, f.id)
        for f in s.scalars(select(AgreementFollowUp).where(AgreementFollowUp.case_id == case.id,
                                                           AgreementFollowUp.live())
                           .order_by(AgreementFollowUp.contacted_on, AgreementFollowUp.id)))
    surveys = tuple(
        SurveyInfo(v.party_id, v.answered_on, v.satisfied, v.felt_heard, v.feels_safer,
                   v.would_recommend, v.id)
        for v in s.scalars(select(SatisfactionSurvey).where(
            SatisfactionSurvey.case_id == case.id, SatisfactionSurvey.live())))
    # a follow-up entered in error is due again: shown without its withdrawn answers
    exits = tuple(
        ExitFollowUpInfo(e.months, e.due_on, e.done_on, e.reoffended, e.living_independently,
                         e.free_from_abuse, e.id) if not e.entered_in_error else
        ExitFollowUpInfo(e.months, e.due_on, None, None, None, None, e.id)
        for e in s.scalars(select(ExitFollowUp).where(ExitFollowUp.case_id == case.id)
                           .order_by(ExitFollowUp.months)))
    checks = tuple(
        ReoffendingInfo(r.checked_on, r.window_months, r.offences, r.first_offence_on, r.id)
        for r in s.scalars(select(ReoffendingCheck).where(ReoffendingCheck.case_id == case.id,
                                                          ReoffendingCheck.live())
                           .order_by(ReoffendingCheck.checked_on)))
    calls = tuple(
        AgencyCallsInfo(c.agency_name, c.period, c.months, c.calls, c.id)
        for c in s.scalars(select(AgencyCallCount).where(AgencyCallCount.case_id == case.id,
                                                         AgencyCallCount.live())))
    documents = tuple(
        DocumentInfo(d.id, d.kind, d.title,
                     names.get(d.recipient_party_id) if d.recipient_party_id else d.audience,
                     d.variant, d.template_version, d.sha256, users.get(d.created_by_id, ""),
                     d.created_at, ", ".join(x for x in (d.disclosed_to, d.disclosed_org) if x),
                     d.disclosure_basis)
        for d in s.scalars(select(Document).where(Document.case_id == case.id)
                           .order_by(Document.created_at.desc())))
    notes = tuple(
        NoteInfo(n.id, n.written_on, n.text, users.get(n.written_by_id, ""), n.created_at,
                 n.version)
        for n in s.scalars(select(CaseNote).where(CaseNote.case_id == case.id, CaseNote.live())
                           .order_by(CaseNote.written_on.desc(), CaseNote.id.desc())))
    gateway_conditions = tuple(
        GatewayConditionInfo(g.id, g.position, g.kind_code, g.description, g.state,
                             g.decided_on, g.notes)
        for g in s.scalars(select(GatewayCondition).where(GatewayCondition.case_id == case.id,
                                                          GatewayCondition.live())
                           .order_by(GatewayCondition.position)))
    stages = tuple(
        StageInfo(c.to_status.value, c.on, users.get(c.by_id, ""), c.reason)
        for c in s.scalars(select(StatusChange).where(StatusChange.case_id == case.id)
                           .order_by(StatusChange.id)))
    return CaseDetail(
        id=case.id, reference=case.reference, scheme=case.scheme, status=case.status,
        version=case.version,
        next_statuses=tuple(sorted(allowed(case.scheme, case.status), key=lambda x: x.value)),
        participant=participant, parties=parties, referral_date=case.referral_date,
        referral_source=case.referral_source, referring_officer=case.referring_officer,
        referring_officer_email=case.referring_officer_email, offence_code=case.offence_code,
        offence=offence, offence_date=case.offence_date,
        offence_summary=case.offence_summary, crime_reference=case.crime_reference,
        eligibility=case.eligibility.value, eligibility_reasons=case.eligibility_reasons,
        eligibility_override_reason=case.eligibility_override_reason,
        risk_band=case.risk_band.value if case.risk_band else None,
        officer_decision=case.officer_decision, risk_override_reason=case.risk_override_reason,
        worker_id=case.worker_id, worker=users.get(case.worker_id) if case.worker_id else None,
        coworker_id=case.coworker_id,
        coworker=users.get(case.coworker_id) if case.coworker_id else None,
        restricted=case.restricted, started_on=case.started_on, ended_on=case.ended_on,
        closed_on=case.closed_on, closure_reason=case.closure_reason,
        outcome_code=case.outcome_code, can_edit=access.can_edit(actor, case),
        assessments=assessments, interventions=interventions, appointments=appointments,
        contract=contract_info, meetings=meetings, agreement=agreement_info,
        followups=followups, surveys=surveys, exit_followups=exits, reoffending_checks=checks,
        agency_calls=calls, documents=documents, stages=stages, notes=notes,
        gateway_conditions=gateway_conditions,
    )


# ---------------------------------------------------------------- my work


#: How many rows each section of My work shows; the rest is counted ("and N more"), so the
#: screen costs the same with ten years of cases as with one.
SECTION_LIMIT = 50
#: Each section's count stops here and reads "1,000+": counting every one of 235,000 open
#: cases told nobody more and took a second at 400,000 cases.
COUNT_CAP = 1000


class WorkSection(StrEnum):
    """The sections of My work, in the order they are shown."""

    MISSED_BAIL = "missed"
    TODAY = "today"
    OVERDUE = "overdue"
    CONTRACTS_ENDING = "ending"
    ACTIONS_DUE = "actions"
    FOLLOWUPS_DUE = "followups"
    REFERRALS = "referrals"
    CASELOAD = "caseload"


#: Sections that belong to one scheme's work (the rest are everyone's).
_SCHEME_SECTIONS: dict[WorkSection, Scheme] = {
    WorkSection.MISSED_BAIL: Scheme.GATEWAY,
    WorkSection.CONTRACTS_ENDING: Scheme.CHECKPOINT,
    WorkSection.ACTIONS_DUE: Scheme.NEIGHBOURHOOD_RESOLUTION,
    WorkSection.FOLLOWUPS_DUE: Scheme.GATEWAY,
}


def work_sections(actor: Actor) -> tuple[WorkSection, ...]:
    """The sections this person's My work has: coordinators every one (and the referrals
    waiting for them); a worker those of their own scheme (no bail section for a navigator);
    a role with no case work, none."""
    if actor.coordinates:
        return tuple(WorkSection)
    scheme = access.ROLE_SCHEME.get(actor.role)
    if scheme is None:
        return ()
    return tuple(s for s in WorkSection if s is not WorkSection.REFERRALS
                 and _SCHEME_SECTIONS.get(s, scheme) is scheme)


@dataclass(frozen=True)
class WorkItem:
    case_reference: str
    scheme: Scheme
    participant: str
    what: str
    due: date
    #: Needs doing first (a bail condition, a contract ending within three days).
    urgent: bool
    #: Past its date and not done: the only rows shown in red.
    overdue: bool = False
    worker: str | None = None
    #: Where on the case the item is: the workspace tab and the record's key there.
    tab: str = "overview"
    record_id: int | None = None


@dataclass(frozen=True)
class WorkTotals:
    """How many rows each section has in all (each section shows at most SECTION_LIMIT),
    counted up to COUNT_CAP: a section with more holds COUNT_CAP + 1 (``MyWork.capped``)."""

    caseload: int = 0
    appointments_today: int = 0
    overdue_appointments: int = 0
    missed_bail: int = 0
    contracts_ending: int = 0
    actions_due: int = 0
    followups_due: int = 0
    referrals_awaiting: int = 0


@dataclass(frozen=True)
class MyWork:
    caseload: tuple[CaseRow, ...]
    appointments_today: tuple[WorkItem, ...]
    overdue_appointments: tuple[WorkItem, ...]
    missed_bail: tuple[WorkItem, ...]
    contracts_ending: tuple[WorkItem, ...]
    actions_due: tuple[WorkItem, ...]
    followups_due: tuple[WorkItem, ...]
    referrals_awaiting: tuple[CaseRow, ...]
    totals: WorkTotals = field(default_factory=WorkTotals)
    #: The sections this person sees, in order (``work_sections``).
    sections: tuple[WorkSection, ...] = tuple(WorkSection)

    def more(self, section: str) -> int:
        """Rows of ``section`` (a field name) counted but not shown (at least this many when
        the section is ``capped``)."""
        return min(int(getattr(self.totals, section)), COUNT_CAP) - len(getattr(self, section))

    def capped(self, section: str) -> bool:
        """The section has more than COUNT_CAP rows (its count stopped there)."""
        return int(getattr(self.totals, section)) > COUNT_CAP


@functools.cache
def _work_select() -> Select[*tuple[Any, ...]]:
    """The case columns every My work item shows (reference, scheme, participant, worker),
    for each section to add its own to; built once, as ``_rows_select``."""
    worker = aliased(User)
    return (select(Case.reference, Case.scheme, Person.first_name, Person.last_name,
                   worker.full_name)
            .join(Person, Person.id == Case.participant_id)
            .outerjoin(worker, worker.id == Case.worker_id))


@dataclass(frozen=True)
class _WorkQueries:
    """My work's statements for one person (None: a section they do not have). The day's
    dates are bound parameters (``_work_params``), so the statements are built once."""

    totals: Select[Any]
    caseload: Select[Any] | None
    today: Select[Any] | None
    overdue: Select[Any] | None
    missed: Select[Any] | None
    ending: Select[Any] | None
    actions: Select[Any] | None
    followups: Select[Any] | None
    awaiting: Select[Any] | None


def _work_params(today: date) -> dict[str, Any]:
    start = datetime.combine(today, datetime.min.time()).astimezone()
    return {"day_start": start, "day_end": start + timedelta(days=1),
            "ending_by": today + timedelta(days=14), "actions_by": today + timedelta(days=7),
            "followups_by": today + timedelta(days=14)}


@functools.lru_cache(maxsize=32)
def _work_queries(actor: Actor, worker_id: int | None, read_all: bool) -> _WorkQueries:
    """Built once per person, narrowing and navigators' setting: building them took about a
    third of My work's Python (and its garbage) on every call."""
    shown = work_sections(actor)
    mine = CaseFilter(worker_id=worker_id, active_only=True)
    awaiting_filter = CaseFilter(status=CaseStatus.REFERRED, worker_id=worker_id)
    # every section selects from ``cases``: the rule is tested on each section's case row,
    # rather than as ``cases.id IN`` a list of every case the person may see (a navigator
    # of a force-wide team may see 16,000, listed before today's few appointments are read)
    scope = access.visible_clause(actor, read_all=read_all)
    if worker_id is not None:
        scope = and_(scope, or_(Case.worker_id == worker_id, Case.coworker_id == worker_id))
    base = _work_select().where(scope)
    # each section's joins and conditions, shared by its rows and its count
    # (records entered in error are in none of them)
    today_c = (Appointment.starts_at >= bindparam("day_start"),
               Appointment.starts_at < bindparam("day_end"),
               Appointment.status == AppointmentStatus.SCHEDULED, Appointment.live())
    overdue_c = (Appointment.starts_at < bindparam("day_start"),
                 Appointment.status == AppointmentStatus.SCHEDULED, Appointment.live())
    missed_c = (Appointment.status == AppointmentStatus.MISSED, Appointment.live(),
                Appointment.bail_condition.is_(True), Case.status.in_(ACTIVE_STAGES))
    ending_c = (Contract.status == ContractStatus.ACTIVE,
                Contract.end_date <= bindparam("ending_by"))
    actions_c = (AgreementAction.kept.is_(None), AgreementAction.live(),
                 AgreementAction.due_on <= bindparam("actions_by"),
                 Case.status == CaseStatus.AGREEMENT_MONITORING)
    # a follow-up entered in error is due again
    followups_c = (or_(ExitFollowUp.done_on.is_(None), ~ExitFollowUp.live()),
                   ExitFollowUp.due_on <= bindparam("followups_by"))

    def on_appointments(q: Select[Any]) -> Select[Any]:
        return q.join(Appointment, Appointment.case_id == Case.id)

    def on_actions(q: Select[Any]) -> Select[Any]:
        return (q.join(OutcomeAgreement, OutcomeAgreement.case_id == Case.id)
                .join(AgreementAction, AgreementAction.agreement_id == OutcomeAgreement.id))

    def counted(child: type[Any], join: Callable[[Select[Any]], Select[Any]],
                conds: tuple[ColumnElement[bool], ...], tests_case: bool = False,
                order: ColumnElement[Any] | None = None) -> ScalarSelect[int]:
        if actor.coordinates and worker_id is None and not tests_case:
            # every case is in scope and the section tests no case column: the child
            # table's own index answers alone
            return of(select(literal(1)).select_from(child).where(*conds))
        return of(join(select(literal(1)).select_from(Case)).where(scope, *conds), order)

    def of(q: Select[Any], order: ColumnElement[Any] | None = None) -> ScalarSelect[int]:
        """How many rows ``q`` has, up to one past COUNT_CAP; walked in ``order`` when
        given (the order in which the rows that count come first)."""
        if order is not None:
            q = q.order_by(order)
        return select(func.count()).select_from(q.limit(COUNT_CAP + 1).subquery()) \
            .scalar_subquery()

    zero = literal(0)

    def when(section: WorkSection, count: ScalarSelect[int]) -> Any:
        return count if section in shown else zero

    def only(section: WorkSection, q: Select[Any]) -> Select[Any] | None:
        return q if section in shown else None

    totals = select(
        when(WorkSection.CASELOAD, of(_filter_query(actor, mine, read_all))),
        when(WorkSection.TODAY, counted(Appointment, on_appointments, today_c)),
        when(WorkSection.OVERDUE, counted(Appointment, on_appointments, overdue_c)),
        # newest first, as listed: ten years of missed bail appointments are mostly on
        # closed cases, and the open cases' ones are the recent (0026_my_work_missed_bail)
        when(WorkSection.MISSED_BAIL,
             counted(Appointment, on_appointments, missed_c, tests_case=True,
                     order=Appointment.starts_at.desc())),
        when(WorkSection.CONTRACTS_ENDING,
             counted(Contract, lambda q: q.join(Contract, Contract.case_id == Case.id),
                     ending_c)),
        when(WorkSection.ACTIONS_DUE,
             counted(AgreementAction, on_actions, actions_c, tests_case=True)),
        when(WorkSection.FOLLOWUPS_DUE,
             counted(ExitFollowUp,
                     lambda q: q.join(ExitFollowUp, ExitFollowUp.case_id == Case.id),
                     followups_c)),
        when(WorkSection.REFERRALS, of(_filter_query(actor, awaiting_filter, read_all))),
    )

    def appts(conds: tuple[ColumnElement[bool], ...], newest_first: bool = False
              ) -> Select[Any]:
        order = Appointment.starts_at.desc() if newest_first else Appointment.starts_at
        return on_appointments(base.add_columns(
            Appointment.starts_at, Appointment.purpose, Appointment.bail_condition,
            Appointment.id)).where(*conds).order_by(order).limit(SECTION_LIMIT)

    return _WorkQueries(
        totals=totals,
        # the caseload is always shown; the referrals only to coordinators
        caseload=_page_query(actor, mine, "referral_date", True, 0, SECTION_LIMIT, read_all),
        today=only(WorkSection.TODAY, appts(today_c)),
        overdue=only(WorkSection.OVERDUE, appts(overdue_c)),
        # the latest first: a missed appointment is at the top the moment it is recorded
        missed=only(WorkSection.MISSED_BAIL, appts(missed_c, newest_first=True)),
        ending=only(WorkSection.CONTRACTS_ENDING,
                    base.add_columns(Contract.end_date)
                    .join(Contract, Contract.case_id == Case.id)
                    .where(*ending_c).order_by(Contract.end_date).limit(SECTION_LIMIT)),
        actions=only(WorkSection.ACTIONS_DUE,
                     on_actions(base.add_columns(AgreementAction.due_on,
                                                 AgreementAction.description,
                                                 AgreementAction.id))
                     .where(*actions_c).order_by(AgreementAction.due_on).limit(SECTION_LIMIT)),
        followups=only(WorkSection.FOLLOWUPS_DUE,
                       base.add_columns(ExitFollowUp.due_on, ExitFollowUp.months)
                       .join(ExitFollowUp, ExitFollowUp.case_id == Case.id)
                       .where(*followups_c).order_by(ExitFollowUp.due_on)
                       .limit(SECTION_LIMIT)),
        awaiting=only(WorkSection.REFERRALS,
                      _page_query(actor, awaiting_filter, "referral_date", False, 0,
                                  SECTION_LIMIT, read_all)),
    )


def my_work(uow: UnitOfWork, actor: Actor, today: date | None = None,
            worker_id: int | None = None) -> MyWork:
    """The start screen: what needs doing, for the cases this person works (coordinators: all).

    Each section is one query with a LIMIT over an index made for it (migration
    0005_my_work_indexes), and one more statement counts every section at once, each up to
    COUNT_CAP: the same statements and at most that much counting whatever the size of the
    database (tests/services/test_statement_count.py).
    Only the actor's sections are read (``work_sections``); a coordinator may narrow it all
    to one worker's cases (``worker_id``).
    One transaction, the write lock first as opening a case does, for the reads and their
    audit row; the statements are built once (``_work_queries``) and their rows read from the
    connection (plain columns: no ORM result machinery)."""
    today = today or date.today()
    shown = work_sections(actor)
    if not actor.coordinates:
        worker_id = actor.user_id
    with uow:
        uow.begin_write()
        conn = uow.session.connection()
        q = _work_queries(actor, worker_id, access.navigators_read_all(uow))
        params = _work_params(today)

        def rows(stmt: Select[Any] | None) -> list[Any]:
            return [] if stmt is None else list(conn.execute(stmt, params))

        caseload = tuple(_case_row(r) for r in rows(q.caseload))
        totals = WorkTotals(*(int(n) for n in conn.execute(q.totals, params).one()))

        def item(r: Any, what: str, due: date, *, urgent: bool, overdue: bool, tab: str,
                 record_id: int | None) -> WorkItem:
            return WorkItem(r[0], r[1], f"{r[2]} {r[3]}", what, due, urgent, overdue,
                            r[4] and sys.intern(r[4]), tab, record_id)

        def appts(stmt: Select[Any] | None, section: WorkSection) -> list[WorkItem]:
            return [item(r, f"{r[5].astimezone():%H:%M} {r[6]}"
                         + (" (bail condition)" if r[7] else ""), r[5].astimezone().date(),
                         urgent=bool(r[7]), overdue=section is not WorkSection.TODAY,
                         tab="appointments", record_id=r[8])
                    for r in rows(stmt)]

        today_items = appts(q.today, WorkSection.TODAY)
        overdue = appts(q.overdue, WorkSection.OVERDUE)
        missed = appts(q.missed, WorkSection.MISSED_BAIL)
        ending = [
            item(r, f"Contract ends {r[5]:%d %b %Y}" if r[5] >= today else
                 f"Contract ended {r[5]:%d %b %Y}: record completion or breach", r[5],
                 urgent=r[5] <= today + timedelta(days=3), overdue=r[5] < today,
                 tab="contract", record_id=None)
            for r in rows(q.ending)]
        actions = [
            item(r, f"Agreement action due: {r[6][:60]}", r[5], urgent=r[5] < today,
                 overdue=r[5] < today, tab="meetings", record_id=r[7])
            for r in rows(q.actions)]
        followups = [
            item(r, f"{r[6]}-month follow-up due", r[5], urgent=r[5] < today,
                 overdue=r[5] < today, tab="followups", record_id=r[6])
            for r in rows(q.followups)]
        awaiting = tuple(_case_row(r) for r in rows(q.awaiting))
        narrowed = f" worker={worker_id}" if actor.coordinates and worker_id else ""
        audit.record(uow, actor, "case.list", "cases",
                     detail=f"my work{narrowed}; {len(caseload)} cases")
        uow.commit()
    return MyWork(caseload, tuple(today_items), tuple(overdue), tuple(missed), tuple(ending),
                  tuple(actions), tuple(followups), awaiting, totals, shown)
