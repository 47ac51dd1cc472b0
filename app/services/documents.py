"""Documents: build what one reader may see, render it, file it on the case, reprint it.

Redaction happens here, not in the renderers: for each kind this module builds plain data holding
only what the recipient may read (their own address, never another party's; nothing about the
offence or sensitive pathways on a restricted case for a reader who may not know it), so a
renderer cannot print what it was never given. Every filed document keeps its bytes, sha256,
template version, author and time, and the print is audited in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, ValidationError, WorkflowError
from app.models.appointments import Appointment, AppointmentStatus
from app.models.cases import Case, PartyRole, Scheme
from app.models.documents import Document
from app.models.reference import OutcomeCode, Pathway
from app.models.users import User
from app.reports.agreement import (
    AgreementActionLine,
    AgreementData,
    AgreementPerson,
    AgreementRenderer,
)
from app.reports.base import (
    VARIANTS,
    BaseRenderer,
    Header,
    Letterhead,
    day_in,
    fmt_date,
    fmt_hours,
)
from app.reports.contract import ConditionLine, ContractData, ContractRenderer, HoursLine
from app.reports.letters import (
    AppointmentLetterRenderer,
    HarmedPartyOutcomeRenderer,
    LetterData,
    OfficerOutcomeRenderer,
    ParticipantOutcomeRenderer,
)
from app.reports.summary import CaseSummaryData, CaseSummaryRenderer, SummarySection
from app.services import access, audit, casefile
from app.services.access import Action
from app.services.casefile import CaseDetail, GatewayConditionInfo, PartyInfo
from app.services.cases import load_case
from app.services.context import Actor
from app.services.disclosure import PARTIES, TO_BE_NAMED, Disclosure, LawfulBasis, disclosure
from app.services.languages import ENGLISH, WELSH
from app.services.languages import code_for as language_code
from app.services.languages import name as language_name
from app.services.organisation import Organisation, get_organisation
from app.services.outcomes import Outcome
from app.services.rendering import render_pdf
from app.services.templates import Value, Wording, own_words, wording
from app.services.templates import words as fixed_words
from app.services.workflow import ACTIVE_STAGES


class Kind(StrEnum):
    CONTRACT = "contract"
    AGREEMENT = "agreement"
    OUTCOME_PARTICIPANT = "outcome-participant"
    OUTCOME_HARMED = "outcome-harmed"
    OUTCOME_OFFICER = "outcome-officer"
    APPOINTMENT = "appointment"
    SUMMARY = "summary"
    SUMMARY_PARTNER = "summary-partner"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.CONTRACT: "Checkpoint contract",
    Kind.AGREEMENT: "Outcome agreement",
    Kind.OUTCOME_PARTICIPANT: "Outcome letter to the participant",
    Kind.OUTCOME_HARMED: "Outcome letter to the harmed party",
    Kind.OUTCOME_OFFICER: "Outcome letter to the referring officer",
    Kind.APPOINTMENT: "Appointment letter",
    Kind.SUMMARY: "Case summary (full)",
    Kind.SUMMARY_PARTNER: "Case summary for a partner agency",
}

#: The schemes each kind exists for.
KIND_SCHEMES: dict[Kind, frozenset[Scheme]] = {
    Kind.CONTRACT: frozenset({Scheme.CHECKPOINT}),
    Kind.AGREEMENT: frozenset({Scheme.NEIGHBOURHOOD_RESOLUTION}),
    Kind.OUTCOME_PARTICIPANT: frozenset(Scheme),
    Kind.OUTCOME_HARMED: frozenset({Scheme.CHECKPOINT, Scheme.NEIGHBOURHOOD_RESOLUTION}),
    Kind.OUTCOME_OFFICER: frozenset(Scheme),
    Kind.APPOINTMENT: frozenset({Scheme.GATEWAY}),
    Kind.SUMMARY: frozenset(Scheme),
    Kind.SUMMARY_PARTNER: frozenset(Scheme),
}

#: Kinds addressed to a party on the case (others go to an officer or stay in the team).
PARTY_KINDS = frozenset({Kind.CONTRACT, Kind.AGREEMENT, Kind.OUTCOME_PARTICIPANT,
                         Kind.OUTCOME_HARMED, Kind.APPOINTMENT})



@dataclass(frozen=True)
class GeneratedDocument:
    """A rendered document; ``id`` is None for a preview that was not filed."""

    id: int | None
    reference: str
    kind: str
    title: str
    recipient_party_id: int | None
    recipient: str
    audience: str
    variant: str
    template_name: str
    template_version: str
    sha256: str
    created_by: str
    created_at: datetime | None
    content: bytes
    #: ISO 639 code of the wording ("cy": bilingual Welsh and English)
    language: str = ENGLISH
    #: Why the reader's language was not used (the preview shows it), else None
    language_note: str | None = None
    #: To whom it is disclosed and on what basis (None: filed before this was recorded)
    disclosure: Disclosure | None = None

    @property
    def size_bytes(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class DocumentSummary:
    """A filed document without its bytes, for the case's documents tab."""

    id: int
    kind: str
    title: str
    recipient_party_id: int | None
    audience: str | None
    variant: str
    template_name: str
    template_version: str
    sha256: str
    size_bytes: int
    created_by: str
    created_at: datetime
    #: To whom it was disclosed and why; None for documents filed before this was recorded
    disclosure: Disclosure | None = None


@dataclass(frozen=True)
class BatchResult:
    documents: tuple[GeneratedDocument, ...]
    #: (case reference, why it was not printed)
    skipped: tuple[tuple[str, str], ...]
    cancelled: bool


@dataclass(frozen=True)
class _Context:
    """What a builder needs beyond the case: reference data and the letterhead."""

    actor: Actor
    org: Organisation
    today: date
    sensitive: frozenset[str]
    outcome_codes: dict[str, str]
    #: ISO 639 code the document is written in (where a template exists)
    language: str = ENGLISH
    #: To whom it is disclosed and why (the footer's line, in the document's language)
    disclosure: Disclosure | None = None

    def words(self, name: str, variant: str, when: set[str], values: Mapping[str, Value]
              ) -> Wording:
        return wording(name, variant, when, values, language=self.language)


@dataclass(frozen=True)
class _Built:
    renderer: BaseRenderer
    wording: Wording
    title: str
    recipient: PartyInfo | None
    audience: str


# ---------------------------------------------------------------- public functions


def available_kinds(detail: CaseDetail) -> list[Kind]:
    """The kinds this case's scheme has (the GUI offers these; some may still be refused)."""
    return [k for k in Kind if detail.scheme in KIND_SCHEMES[k]]


def preview(uow: UnitOfWork, actor: Actor, reference: str, kind: Kind | str,
            recipient_party_id: int | None = None, variant: str | None = None, *,
            window: tuple[date, date] | None = None,
            language: str | None = None, disclosed_to: str | None = None,
            organisation: str | None = None,
            basis: LawfulBasis | str | None = None, named: bool = False) -> GeneratedDocument:
    """Render without filing (the GUI shows this before the user files it). Audited.
    ``language`` overrides the reader's own (an ISO 639 code or a language's name);
    ``disclosed_to``, ``organisation`` and ``basis`` override the usual recipient and basis
    (``usual_disclosure``), as in ``generate``. A preview on screen may leave a partner
    agency unnamed for now; one that leaves the app as a file (``named``) may not."""
    doc, case_id = _render(uow, actor, reference, Kind(kind), recipient_party_id, variant,
                           window, language, (disclosed_to, organisation, basis),
                           named=named)
    assert doc.disclosure is not None
    with uow:
        uow.begin_write()
        audit.record(uow, actor, "document.preview", "cases", case_id, case_id=case_id,
                     detail=f"{doc.kind}; {doc.disclosure.audit_detail}")
        uow.commit()
    return doc


def generate(uow: UnitOfWork, actor: Actor, reference: str, kind: Kind | str,
             recipient_party_id: int | None = None, variant: str | None = None, *,
             window: tuple[date, date] | None = None,
             language: str | None = None,
             deliver: Callable[[bytes], object] | None = None,
             disclosed_to: str | None = None, organisation: str | None = None,
             basis: LawfulBasis | str | None = None) -> GeneratedDocument:
    """Render and file a document on the case (who, when, template version, sha256) and audit
    it, in one transaction. Needs edit access: filing adds to the case.

    The document records to whom it is disclosed and on what lawful basis (DPA 2018 s.62),
    prints it in its footer and puts it in the audit row: the usual recipient of the kind
    (``usual_disclosure``: the party it is addressed to, the referring officer, the team)
    unless ``disclosed_to``/``organisation``/``basis`` say otherwise. A summary for a partner
    agency has no usual recipient: it is refused until the agency is named.

    ``deliver(content)`` (writing the file the user asked for) runs inside that transaction,
    after every check and before the commit: if it raises, nothing is filed or audited, so the
    case never lists a document that did not reach its file."""
    k = Kind(kind)
    doc, _ = _render(uow, actor, reference, k, recipient_party_id, variant, window, language,
                     (disclosed_to, organisation, basis))
    shown = doc.disclosure
    assert shown is not None
    with uow:
        uow.begin_write()
        case = load_case(uow, reference)
        access.require_view(uow, actor, case)
        access.require_edit(actor, case)
        row = Document(case_id=case.id, kind=doc.kind, title=doc.title[:200],
                       recipient_party_id=doc.recipient_party_id, audience=doc.audience,
                       template_name=doc.template_name, template_version=doc.template_version,
                       variant=doc.variant, sha256=doc.sha256, size_bytes=len(doc.content),
                       content=doc.content, created_by_id=actor.user_id,
                       disclosed_to=shown.name or None, disclosed_org=shown.organisation or None,
                       disclosure_basis=shown.basis)
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "document.generate", "documents", row.id, case_id=case.id,
                     detail=f"{doc.kind} {doc.template_name}@{doc.template_version} "
                            f"{doc.variant} {doc.sha256[:12]}; {shown.audit_detail}")
        if deliver is not None:
            deliver(doc.content)
        uow.commit()
        return _with_id(doc, row.id, row.created_at)


def reprint(uow: UnitOfWork, actor: Actor, document_id: int) -> GeneratedDocument:
    """The filed bytes, exactly as first printed (same text, same hash). Audited."""
    return _filed_copy(uow, actor, document_id, "document.reprint")


def print_filed(uow: UnitOfWork, actor: Actor, document_id: int) -> GeneratedDocument:
    """The filed bytes, to print on paper; recorded as a print ("document.print"), with the
    same checks as a reprint."""
    return _filed_copy(uow, actor, document_id, "document.print")


def _filed_copy(uow: UnitOfWork, actor: Actor, document_id: int, action: str
                ) -> GeneratedDocument:
    with uow:
        uow.begin_write()
        row = uow.session.get(Document, document_id)
        if row is None:
            raise NotFound(f"There is no document {document_id}.")
        case = uow.session.get(Case, row.case_id)
        assert case is not None
        access.require_view(uow, actor, case)
        if row.kind == Kind.SUMMARY and not actor.coordinates:
            raise AccessDenied("Only a coordinator can print the full case summary.")
        content = bytes(row.content)
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise WorkflowError(f"Document {document_id} does not match its recorded hash; "
                                "it cannot be reprinted. Report this to an administrator.")
        author = uow.session.get(User, row.created_by_id)
        recipient = ""
        if row.recipient_party_id is not None:
            recipient = next((p.person.full_name for p in case.parties
                              if p.id == row.recipient_party_id), "")
        shown = _stored_disclosure(row)
        audit.record(uow, actor, action, "documents", row.id, case_id=case.id,
                     detail=f"{row.kind}; {shown.audit_detail if shown else 'to: not recorded'}")
        uow.commit()
        return GeneratedDocument(
            row.id, case.reference, row.kind, row.title, row.recipient_party_id,
            recipient or (row.audience or ""), row.audience or "", row.variant,
            row.template_name, row.template_version, row.sha256,
            author.full_name if author else "", row.created_at, content,
            language_code(row.template_name.rpartition(".")[2]) or ENGLISH
            if "." in row.template_name else ENGLISH, disclosure=shown)


def _stored_disclosure(row: Document) -> Disclosure | None:
    if row.disclosure_basis is None:
        return None
    return Disclosure(row.disclosed_to or "", row.disclosed_org or "", row.disclosure_basis,
                      row.recipient_party_id)


def list_documents(uow: UnitOfWork, actor: Actor, reference: str) -> list[DocumentSummary]:
    """Documents filed on a case, newest first, without their bytes."""
    with uow:
        case = load_case(uow, reference)
        access.require_view(uow, actor, case)
        users = dict(uow.session.execute(select(User.id, User.full_name)).all())
        rows = uow.session.scalars(select(Document).where(Document.case_id == case.id)
                                   .order_by(Document.created_at.desc(), Document.id.desc()))
        return [DocumentSummary(d.id, d.kind, d.title, d.recipient_party_id, d.audience,
                                d.variant, d.template_name, d.template_version, d.sha256,
                                d.size_bytes, users.get(d.created_by_id, ""), d.created_at,
                                _stored_disclosure(d))
                for d in rows]


def next_week(today: date | None = None) -> tuple[date, date]:
    """Monday to Sunday of the week after ``today``'s."""
    today = today or date.today()
    monday = today + timedelta(days=7 - today.weekday())
    return monday, monday + timedelta(days=6)


def appointment_letters(
    uow: UnitOfWork, actor: Actor, start: date, end: date, *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    variant: str | None = None,
) -> BatchResult:
    """File an appointment letter for every Gateway case the actor may see with a scheduled
    bail appointment from ``start`` to ``end`` (inclusive). ``progress(done, total, reference)``
    is called after each case; ``cancelled()`` is checked before each, and letters already filed
    stay filed. A case that cannot be printed is skipped with the reason, not fatal."""
    lo, hi = _window_datetimes(start, end)
    with uow:
        refs = list(uow.session.scalars(
            select(Case.reference).join(Appointment, Appointment.case_id == Case.id)
            .where(Case.scheme == Scheme.GATEWAY, access.visible_case_ids(uow, actor),
                   Case.status.in_(ACTIVE_STAGES),
                   Appointment.status == AppointmentStatus.SCHEDULED, Appointment.live(),
                   Appointment.bail_condition.is_(True),
                   Appointment.starts_at >= lo, Appointment.starts_at < hi)
            .distinct().order_by(Case.reference)))
    made: list[GeneratedDocument] = []
    skipped: list[tuple[str, str]] = []
    for n, ref in enumerate(refs):
        if cancelled is not None and cancelled():
            return BatchResult(tuple(made), tuple(skipped), True)
        try:
            made.append(generate(uow, actor, ref, Kind.APPOINTMENT, variant=variant,
                                 window=(start, end)))
        except (AccessDenied, WorkflowError, ValidationError) as exc:
            skipped.append((ref, exc.message))
        if progress is not None:
            progress(n + 1, len(refs), ref)
    return BatchResult(tuple(made), tuple(skipped), False)


# ---------------------------------------------------------------- rendering


def _with_id(doc: GeneratedDocument, doc_id: int, at: datetime) -> GeneratedDocument:
    return replace(doc, id=doc_id, created_at=at)


def _render(uow: UnitOfWork, actor: Actor, reference: str, kind: Kind,
            party_id: int | None, variant: str | None,
            window: tuple[date, date] | None,
            language: str | None = None,
            asked: tuple[str | None, str | None, LawfulBasis | str | None] = (None, None, None),
            *, named: bool = True) -> tuple[GeneratedDocument, int]:
    access.require(actor, Action.PRINT)
    if kind is Kind.SUMMARY and not actor.coordinates:
        raise AccessDenied("Only a coordinator can print the full case summary.")
    if variant is not None and variant not in VARIANTS:
        raise ValidationError(f"Unknown variant {variant!r}; use one of: "
                              + ", ".join(VARIANTS) + ".", field="variant")
    detail = casefile.get_case(uow, actor, reference, audit_view=False)
    if detail.scheme not in KIND_SCHEMES[kind]:
        raise WorkflowError(f"A {detail.scheme.label} case has no {kind.label.lower()}.")
    with uow:
        sensitive = frozenset(uow.session.scalars(select(Pathway.code)
                                                  .where(Pathway.sensitive.is_(True))))
        codes = dict(uow.session.execute(select(OutcomeCode.code, OutcomeCode.description)).all())
    recipient = _recipient(detail, kind, party_id)
    chosen = variant or (recipient.document_format if recipient else "standard")
    if chosen not in VARIANTS:
        chosen = "standard"
    org = get_organisation(uow)
    shown = _disclosure(detail, kind, recipient, org, *asked, named=named)
    ctx = _Context(actor, org, date.today(), sensitive, codes,
                   _language(language, recipient), shown)
    built = _BUILDERS[kind](detail, ctx, recipient, chosen, window)
    content = render_pdf(built.renderer, kind.label.lower())
    doc = GeneratedDocument(
        None, detail.reference, kind.value, built.title,
        recipient.id if recipient else None,
        recipient.name if recipient else built.audience, built.audience, chosen,
        built.wording.name, built.wording.version, hashlib.sha256(content).hexdigest(),
        actor.full_name, None, content, built.wording.language, built.wording.note, shown)
    return doc, detail.id


def usual_disclosure(detail: CaseDetail, kind: Kind, recipient: PartyInfo | None,
                     org: Organisation) -> Disclosure | None:
    """Whom a kind of document usually goes to: the party it is addressed to, the referring
    officer, the parties to an agreement, the team itself (a full summary); None where only
    the worker knows (a summary for a partner agency)."""
    if recipient is not None:
        return Disclosure(recipient.name, "", LawfulBasis.LAW_ENFORCEMENT, recipient.id)
    if kind is Kind.OUTCOME_OFFICER and detail.referring_officer:
        return Disclosure(detail.referring_officer, "", LawfulBasis.LAW_ENFORCEMENT)
    if kind is Kind.AGREEMENT:
        return Disclosure(PARTIES, "", LawfulBasis.LAW_ENFORCEMENT)
    if kind is Kind.SUMMARY:
        return Disclosure("", org.name, LawfulBasis.WITHIN_THE_TEAM)
    return None


def _disclosure(detail: CaseDetail, kind: Kind, recipient: PartyInfo | None,
                org: Organisation, name: str | None, organisation: str | None,
                basis: LawfulBasis | str | None, *, named: bool) -> Disclosure:
    usual = usual_disclosure(detail, kind, recipient, org)
    if not (name or "").strip() and not (organisation or "").strip():
        if usual is None and not named:
            return disclosure("", TO_BE_NAMED,
                              basis or LawfulBasis.LAW_ENFORCEMENT)
        if usual is None:
            raise ValidationError(f"Say to whom the {kind.label.lower()} is disclosed (the "
                                  "agency, and the person there).", field="disclosed_to")
        return usual if basis is None else disclosure(usual.name, usual.organisation, basis,
                                                      usual.party_id)
    chosen = disclosure(name, organisation, basis if basis is not None
                        else (usual.basis if usual else LawfulBasis.LAW_ENFORCEMENT))
    # still the addressee (her name as printed): the audit keeps naming her by party id
    if usual is not None and usual.party_id is not None and chosen.name == usual.name:
        return replace(chosen, party_id=usual.party_id)
    return chosen


def _language(asked: str | None, recipient: PartyInfo | None) -> str:
    """The language to write in: the one asked for, else the reader's own, else English."""
    if asked:
        code = language_code(asked)
        if code is None:
            raise ValidationError(f"{asked!r} is not a language on the list.", field="language")
        return code
    if recipient is not None:
        return language_code(recipient.language) or ENGLISH
    return ENGLISH


def _recipient(detail: CaseDetail, kind: Kind, party_id: int | None) -> PartyInfo | None:
    """Who the document is for, checked against what the kind allows."""
    if kind not in PARTY_KINDS:
        if party_id is not None:
            raise ValidationError(f"The {kind.label.lower()} is not addressed to a party.",
                                  field="recipient")
        return None
    party = None
    if party_id is not None:
        party = next((p for p in detail.parties if p.id == party_id), None)
        if party is None:
            raise ValidationError(f"Party {party_id} is not on case {detail.reference}.",
                                  field="recipient")
    if kind is Kind.AGREEMENT:
        return party  # a copy for one party, or the signing copy (None)
    if kind is Kind.OUTCOME_HARMED:
        harmed = [p for p in detail.parties if p.role == PartyRole.HARMED.value]
        if party is None:
            if not harmed:
                raise WorkflowError(f"Case {detail.reference} has no harmed party.")
            party = next((p for p in harmed if p.wants_updates), harmed[0])
        if party.role != PartyRole.HARMED.value:
            raise ValidationError(f"{party.name} is not a harmed party on this case.",
                                  field="recipient")
        if not party.wants_updates:
            raise WorkflowError(f"{party.name} asked not to be told about the outcome.")
        return party
    if party is not None and party.id != detail.participant.id:
        raise ValidationError(f"The {kind.label.lower()} goes to the participant, "
                              f"not to {party.name}.", field="recipient")
    return detail.participant


def _header(ctx: _Context, detail: CaseDetail, w: Wording, variant: str) -> Header:
    o = ctx.org
    return Header(Letterhead(o.name, o.address, o.phone, o.email, o.logo), w.title,
                  detail.reference, ctx.today, variant, f"{w.name}@{w.version}",
                  w.language, fixed_words(w.language),
                  ctx.disclosure.line_in(own_words(w.language)) if ctx.disclosure else "")


def _word(w: Wording) -> Callable[[str], str]:
    """The fixed words a builder puts around the wording ("Dear", "to be confirmed"), in the
    language the wording is printed in."""
    known = dict(fixed_words(w.language))
    return lambda text: known.get(text, text)


def _in_words(language: str, text: str) -> Value:
    """One of the app's own words put into a wording (a meeting's kind), in the wording's
    language where the words list has it ("cynhadledd wyneb yn wyneb")."""
    return {ENGLISH: text, language: own_words(language).get(text, text)}


def _values(ctx: _Context, detail: CaseDetail, name: str, **extra: Value
            ) -> dict[str, Value]:
    return {"name": name, "org_name": ctx.org.name, "org_phone": ctx.org.phone,
            "reference": detail.reference, "scheme": detail.scheme.label,
            "worker": detail.worker or "your worker", "today": ctx.today, **extra}


def _when(detail: CaseDetail, *more: str) -> set[str]:
    return {detail.scheme.value, "restricted" if detail.restricted else "open", *more}


def outcome_tags(detail: CaseDetail) -> tuple[str, ...]:
    """The template tags for the case's outcome (``app.services.outcomes``): ``completed``,
    ``not-completed`` (breached or not completed: the case goes back to the police),
    ``withdrawn`` or ``in-progress``; for Neighbourhood Resolution also ``agreement-kept`` or
    ``agreement-not-kept`` from the latest follow-up."""
    outcome = detail.outcome
    tag = ("not-completed" if outcome.unsuccessful else
           "withdrawn" if outcome is Outcome.NOT_ACCEPTED else outcome.value)
    kept = detail.agreement_kept
    if detail.scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION or kept is None:
        return (tag,)
    return (tag, "agreement-kept" if kept else "agreement-not-kept")


def _signatory(ctx: _Context, word: Callable[[str], str] = str) -> tuple[str, str]:
    return ctx.actor.full_name, f"{word(ctx.actor.role.label)}, {ctx.org.name}"


def _build_contract(detail: CaseDetail, ctx: _Context, to: PartyInfo | None, variant: str,
                    window: tuple[date, date] | None) -> _Built:
    c = detail.contract
    if c is None:
        raise WorkflowError(f"Case {detail.reference} has no contract yet.")
    assert to is not None
    navigator = detail.worker or "your navigator"
    hours_word = "hours" if c.community_hours_required else "no-hours"
    w = ctx.words("contract", variant, _when(detail, hours_word), _values(
        ctx, detail, to.name, participant=to.name, navigator=navigator,
        start=c.start_date, end=c.end_date,
        hours_required=str(c.community_hours_required or 0)))
    data = ContractData(
        _header(ctx, detail, w, variant), to.name, navigator, c.start_date, c.end_date,
        tuple(ConditionLine(x.position, w.labels.get(x.kind, x.kind.capitalize()),
                            x.description) for x in c.conditions),
        c.community_hours_required,
        tuple(HoursLine(h.worked_on, h.task, h.hours) for h in c.hours),
        w.section("intro"), w.section("hours"), w.section("breach"), w.section("agreement"))
    return _Built(ContractRenderer(data), w, f"{w.title}: {to.name}", to, "participant")


def _build_agreement(detail: CaseDetail, ctx: _Context, to: PartyInfo | None, variant: str,
                     window: tuple[date, date] | None) -> _Built:
    a = detail.agreement
    if a is None or not a.actions:
        raise WorkflowError(f"Case {detail.reference} has no outcome agreement yet.")
    meeting = detail.meetings[-1] if detail.meetings else None
    w = ctx.words("agreement", variant, _when(detail), _values(
        ctx, detail, to.name if to else "", held_on=a.agreed_on,
        meeting_kind=_in_words(ctx.language, meeting.kind if meeting else "meeting")))
    roles = {p.id: p.role for p in detail.parties}
    word = _word(w)
    people = tuple(AgreementPerson(x.name, x.role, x.attended)
                   for x in (meeting.attendees if meeting else ()))
    if not people:
        people = tuple(AgreementPerson(p.name, p.role, True) for p in detail.parties)
    signers: list[tuple[str, str]] = []
    for p in detail.parties:
        if p.role in (PartyRole.PARTICIPANT.value, PartyRole.HARMED.value) or any(
                x.party_id == p.id for x in (meeting.attendees if meeting else ())):
            signers.append((word(roles[p.id]).capitalize(), p.name))
    facilitators = tuple(x for x in ((meeting.facilitator, meeting.cofacilitator) if meeting
                                     else (detail.worker, detail.coworker)) if x)
    signers += [(word("Facilitator"), f) for f in facilitators]
    data = AgreementData(
        _header(ctx, detail, w, variant), meeting.kind if meeting else "meeting",
        meeting.held_on if meeting else a.agreed_on, meeting.venue if meeting else None,
        facilitators, people,
        tuple(AgreementActionLine(x.position, x.description, x.owner, x.due_on)
              for x in a.actions),
        w.section("intro"), w.section("not_binding"), tuple(signers))
    audience = "participant" if to and to.id == detail.participant.id else \
        (to.role if to else "parties")
    return _Built(AgreementRenderer(data), w, w.title + (f": copy for {to.name}" if to else ""),
                  to, audience)


def _build_outcome_participant(detail: CaseDetail, ctx: _Context, to: PartyInfo | None,
                               variant: str, window: tuple[date, date] | None) -> _Built:
    assert to is not None
    if not detail.outcome.ended:
        raise WorkflowError(f"Case {detail.reference} has no outcome yet.")
    ended = detail.ended_on or detail.closed_on
    w = ctx.words("outcome-participant", variant, _when(detail, *outcome_tags(detail)),
                _values(ctx, detail, to.name, ended_on=ended or "-"))
    # her own conditions, with how each ended, are hers to know
    word = _word(w)
    rows = tuple((g.description, _condition_result(g, w.language, word))
                 for g in detail.gateway_conditions)
    return _party_letter(ParticipantOutcomeRenderer, ctx, detail, w, variant, to,
                         "participant", table=(word("Your conditions"),
                                               (word("Condition"), word("Result")), rows,
                                               (0.65, 0.35)) if rows else None)


def _party_letter(renderer: Callable[[LetterData], BaseRenderer], ctx: _Context,
                  detail: CaseDetail, w: Wording, variant: str, to: PartyInfo,
                  audience: str, table: tuple[str, tuple[str, ...],
                                              tuple[tuple[str, ...], ...],
                                              tuple[float, ...]] | None = None) -> _Built:
    """A plain outcome letter to one party: their own address only, the template's body
    (and a table of their own, if given: title, head, rows, widths)."""
    word = _word(w)
    who, role = _signatory(ctx, word)
    title, head, rows, widths = table or ("", (), (), ())
    data = LetterData(_header(ctx, detail, w, variant), to.name, to.address,
                      f"{word('Dear')} {to.name}", w.section("body"), table_title=title,
                      table_head=head, table_rows=rows, table_widths=widths, signatory=who,
                      signatory_role=role, sign_off=word("Yours sincerely"))
    return _Built(renderer(data), w, f"{w.title}: {to.name}", to, audience)


def _matter(detail: CaseDetail) -> dict[str, str]:
    """How a harmed party's letter names the matter, in each language the letter is written
    in (the offence as it was recorded): nothing of it on a restricted case."""
    if detail.restricted or not detail.offence:
        return {ENGLISH: "the matter you reported", WELSH: "y mater y rhoesoch wybod amdano"}
    what = detail.offence[0].lower() + detail.offence[1:]
    when = detail.offence_date
    return {ENGLISH: f"the {what}" + (f" on {day_in(when, ENGLISH)}" if when else ""),
            WELSH: f"y digwyddiad ({what})" + (f" ar {day_in(when, WELSH)}" if when else "")}


def _build_outcome_harmed(detail: CaseDetail, ctx: _Context, to: PartyInfo | None,
                          variant: str, window: tuple[date, date] | None) -> _Built:
    assert to is not None
    w = ctx.words("outcome-harmed", variant, _when(detail, *outcome_tags(detail)),
                _values(ctx, detail, to.name, matter=_matter(detail)))
    return _party_letter(HarmedPartyOutcomeRenderer, ctx, detail, w, variant, to,
                         "harmed party")


def _condition_label(kind: str) -> str:
    """Conditions by type only: the officer needs whether each was met, not health detail."""
    return {"pathway intervention": "Support intervention"}.get(kind, kind.capitalize())


def _build_outcome_officer(detail: CaseDetail, ctx: _Context, to: PartyInfo | None,
                           variant: str, window: tuple[date, date] | None) -> _Built:
    if not detail.referring_officer:
        raise WorkflowError(f"Case {detail.reference} has no referring officer recorded.")
    outcome = detail.outcome
    code = detail.outcome_code
    w = ctx.words("outcome-officer", variant, _when(detail, *outcome_tags(detail)), _values(
        ctx, detail, detail.referring_officer, participant=detail.participant.name,
        crime_reference=detail.crime_reference or "not recorded", outcome=outcome.label))
    facts = [("Participant", detail.participant.name),
             ("Crime reference", detail.crime_reference or "not recorded"),
             ("Scheme", detail.scheme.label)]
    if not detail.restricted and detail.offence:
        facts.append(("Offence", detail.offence))
    facts += [("Referred on", fmt_date(detail.referral_date)),
              ("Outcome", outcome.label.capitalize()),
              ("Ended on", fmt_date(detail.ended_on or detail.closed_on)),
              ("Police outcome code", f"{code}: {ctx.outcome_codes.get(code, '')}".rstrip(": ")
               if code else "none recorded")]
    rows: tuple[tuple[str, ...], ...] = ()
    if detail.contract is not None:
        c = detail.contract
        if outcome.unsuccessful:
            facts.append(("Breach", "Held on the case: ask the coordinator"
                          if detail.restricted else (c.breach_reason or "not recorded")))
        rows = tuple((str(x.position), _condition_label(x.kind),
                      "declined by victim" if x.victim_declined else x.state)
                     for x in c.conditions)
        if c.community_hours_required:
            facts.append(("Community hours", f"{fmt_hours(c.hours_done)} of "
                                             f"{c.community_hours_required} done"))
    if detail.scheme is Scheme.GATEWAY:
        rows = tuple((str(g.position), g.description, _condition_result(g))
                     for g in detail.gateway_conditions)
        kept = sum(a.status == AppointmentStatus.KEPT.value for a in detail.appointments
                   if a.bail_condition)
        missed = sum(a.status == AppointmentStatus.MISSED.value for a in detail.appointments
                     if a.bail_condition)
        facts.append(("Bail appointments", f"{kept} kept, {missed} missed"))
    who, role = _signatory(ctx)
    email = (detail.referring_officer_email,) if detail.referring_officer_email else ()
    data = LetterData(_header(ctx, detail, w, variant), detail.referring_officer, email,
                      f"Dear {detail.referring_officer}", w.section("body"),
                      facts=tuple(facts), table_title=("" if not rows else
                                                       "Contract conditions" if detail.contract
                                                       else "Conditions of bail and diversion"),
                      table_head=("", "Condition", "Result"), table_rows=rows,
                      table_widths=(0.08, 0.6, 0.32), signatory=who, signatory_role=role)
    return _Built(OfficerOutcomeRenderer(data), w, f"{w.title}: {detail.referring_officer}",
                  None, "referring officer")


def _window_datetimes(start: date, end: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(start, time.min).astimezone()
    return lo, datetime.combine(end + timedelta(days=1), time.min).astimezone()


def _build_appointment(detail: CaseDetail, ctx: _Context, to: PartyInfo | None,
                       variant: str, window: tuple[date, date] | None) -> _Built:
    assert to is not None
    if detail.status not in ACTIVE_STAGES:
        raise WorkflowError(f"Case {detail.reference} is {detail.status.label.lower()}: no "
                            "appointment letter is made for a case that has ended.")
    lo, hi = _window_datetimes(*window) if window else (datetime.now().astimezone(), None)
    due = [a for a in detail.appointments
           if a.status == AppointmentStatus.SCHEDULED.value and lo <= a.starts_at
           and (hi is None or a.starts_at < hi)]
    if not due:
        raise WorkflowError(f"Case {detail.reference} has no scheduled appointments to send.")
    due.sort(key=lambda a: a.starts_at)
    first = due[0].starts_at.astimezone()
    w = ctx.words("appointment", variant, _when(detail), _values(
        ctx, detail, to.name, first_appointment=first))
    word = _word(w)
    rows = tuple((day_in(a.starts_at.astimezone().date(), w.language),
                  f"{a.starts_at.astimezone():%H:%M}", a.location or word("to be confirmed"),
                  a.purpose + (f" ({word('bail condition')})" if a.bail_condition and
                               "bail" not in a.purpose.lower() else ""))
                 for a in due)
    who, role = _signatory(ctx, word)
    label = w.labels.get  # the letter's own words around the wording, in its language
    data = LetterData(_header(ctx, detail, w, variant), to.name, to.address,
                      f"{label('dear', word('Dear'))} {to.name}", w.section("body"),
                      table_title=label("table_title", word("Your appointments")),
                      table_head=tuple(label(k, word(k.capitalize()))
                                       for k in ("date", "time", "where", "what")),
                      table_rows=rows, table_widths=(0.28, 0.16, 0.28, 0.28),
                      closing=w.section("closing"), signatory=who, signatory_role=role,
                      sign_off=label("sign_off", word("Yours sincerely")))
    return _Built(AppointmentLetterRenderer(data), w, f"{w.title}: {to.name}", to,
                  "participant")


def _yes(v: bool | None) -> str:
    return "-" if v is None else ("yes" if v else "no")


def _build_summary(detail: CaseDetail, ctx: _Context, to: PartyInfo | None, variant: str,
                   window: tuple[date, date] | None) -> _Built:
    """Everything, for the team: the one document that may hold every party's details."""
    d = detail
    w = ctx.words("case-summary", variant, _when(d, "full"),
                _values(ctx, d, "", audience="the team"))
    case_facts = [
        ("Reference", d.reference), ("Scheme", d.scheme.label), ("Stage", d.status.label),
        ("Restricted", "yes" if d.restricted else "no"),
        ("Referred", f"{fmt_date(d.referral_date)} by {d.referral_source}"),
        ("Referring officer", " ".join(x for x in (d.referring_officer,
                                                    d.referring_officer_email) if x) or "-"),
        ("Crime reference", d.crime_reference or "-"), ("Offence", d.offence or "-"),
        ("Offence date", fmt_date(d.offence_date)),
        ("Offence summary", d.offence_summary or "-"),
        ("Eligibility", d.eligibility + (f": {d.eligibility_reasons}"
                                         if d.eligibility_reasons else "")),
    ]
    if d.eligibility_override_reason:
        case_facts.append(("Eligibility override", d.eligibility_override_reason))
    if d.risk_band:
        case_facts.append(("Risk band", d.risk_band))
    if d.officer_decision:
        case_facts.append(("Officer's decision", d.officer_decision))
    if d.risk_override_reason:
        case_facts.append(("Risk override", d.risk_override_reason))
    case_facts += [("Worker", d.worker or "-"), ("Co-worker", d.coworker or "-"),
                   ("Started", fmt_date(d.started_on)), ("Ended", fmt_date(d.ended_on)),
                   ("Closed", fmt_date(d.closed_on) + (f" ({d.closure_reason})"
                                                       if d.closure_reason else "")),
                   ("Police outcome code", d.outcome_code or "-")]
    sections = [SummarySection("The case", tuple(case_facts))]
    sections.append(SummarySection(
        "People", head=("Name", "Role", "Born", "Contact", "Letters"),
        rows=tuple((p.name, f"{p.role} ({p.category.value})", fmt_date(p.date_of_birth),
                    "\n".join((*p.address, p.phone or "", p.email or "")).strip(),
                    f"{p.document_format}, {language_name(p.language)}"
                    + (", interpreter" if p.interpreter_needed else ""))
                   for p in d.parties),
        widths=(0.2, 0.17, 0.15, 0.29, 0.19)))
    sections += _pathway_sections(d, hide=frozenset(), notes=True)
    sections += _scheme_sections(d)
    if d.stages:
        sections.append(SummarySection(
            "Stages", head=("Date", "Stage", "By", "Reason"),
            rows=tuple((fmt_date(s.on), s.to_status.replace("-", " "), s.by, s.reason or "")
                       for s in d.stages), widths=(0.2, 0.25, 0.2, 0.35)))
    data = CaseSummaryData(_header(ctx, d, w, variant), f"{ctx.org.name} team (coordinator)",
                           w.section("notice"), tuple(sections))
    return _Built(CaseSummaryRenderer(data), w, f"{w.title} (full)", None, "coordinator")


def _build_summary_partner(detail: CaseDetail, ctx: _Context, to: PartyInfo | None,
                           variant: str, window: tuple[date, date] | None) -> _Built:
    """For a partner agency: the participant's name, the case's shape and non-sensitive support;
    no contact details, no date of birth, no other party, no offence on a restricted case."""
    d = detail
    audience = "a partner agency"
    w = ctx.words("case-summary", variant, _when(d, "partner"),
                _values(ctx, d, "", audience=audience))
    facts = [("Reference", d.reference), ("Person supported", d.participant.name),
             ("Scheme", d.scheme.label), ("Stage", d.status.label),
             ("Referred", fmt_date(d.referral_date))]
    if not d.restricted and d.offence:
        facts.append(("Offence", d.offence))
    facts += [("Worker", d.worker or "-"), ("Started", fmt_date(d.started_on)),
              ("Ended", fmt_date(d.ended_on))]
    sections = [SummarySection("The case", tuple(facts))]
    sections += _pathway_sections(d, hide=ctx.sensitive, notes=False)
    if d.appointments:
        sections.append(SummarySection(
            "Appointments", head=("Date", "What", "Result"),
            rows=tuple((fmt_date(a.starts_at.astimezone().date()), a.purpose, a.status)
                       for a in d.appointments), widths=(0.25, 0.5, 0.25)))
    data = CaseSummaryData(_header(ctx, d, w, variant), audience.capitalize(),
                           w.section("notice"), tuple(sections))
    return _Built(CaseSummaryRenderer(data), w, f"{w.title} (partner agency)", None,
                  "partner agency")


def _pathway_sections(d: CaseDetail, *, hide: frozenset[str], notes: bool
                      ) -> list[SummarySection]:
    out: list[SummarySection] = []
    assessed = [a for a in d.assessments if a.pathway_code not in hide]
    if assessed:
        out.append(SummarySection(
            "Needs by pathway", head=("Pathway", "Stage", "Level", "Notes") if notes
            else ("Pathway", "Stage", "Level"),
            rows=tuple((a.pathway, a.stage, str(a.level), *((a.notes or "",) if notes else ()))
                       for a in assessed),
            widths=(0.3, 0.15, 0.1, 0.45) if notes else (0.5, 0.25, 0.25),
            note="Levels: 0 no need to 4 severe." + ("" if notes else
                                                      " Some pathways are not shown.")))
    done = [i for i in d.interventions if i.pathway_code not in hide]
    if done:
        out.append(SummarySection(
            "Interventions", head=("Date", "Pathway", "Agency", "What"),
            rows=tuple((fmt_date(i.occurred_on), i.pathway or "-", i.agency or "-",
                        i.summary + (f"\n{i.notes}" if notes and i.notes else ""))
                       for i in done), widths=(0.16, 0.25, 0.27, 0.32)))
    return out


def _condition_result(g: GatewayConditionInfo, language: str = ENGLISH,
                      word: Callable[[str], str] = str) -> str:
    """'met on 3 March 2026', 'not met on ...' or 'open', in the letter's language."""
    if g.decided_on is None:
        return word(g.state.value)
    return word("{result} on {day}").format(result=word(g.state.value),
                                            day=day_in(g.decided_on, language))


def _scheme_sections(d: CaseDetail) -> list[SummarySection]:
    out: list[SummarySection] = []
    if d.gateway_conditions:
        out.append(SummarySection(
            "Conditions of bail and diversion", head=("", "Condition", "Result"),
            rows=tuple((str(g.position), g.description + (f"\n{g.notes}" if g.notes else ""),
                        _condition_result(g)) for g in d.gateway_conditions),
            widths=(0.07, 0.63, 0.3)))
    if d.contract is not None:
        c = d.contract
        out.append(SummarySection(
            "Contract", (("Status", c.status), ("Runs", f"{fmt_date(c.start_date)} to "
                                                        f"{fmt_date(c.end_date)}"),
                         ("Community hours", f"{fmt_hours(c.hours_done)} of "
                                             f"{c.community_hours_required or 0}"),
                         ("Breach", c.breach_reason or "-")),
            head=("", "Condition", "State"),
            rows=tuple((str(x.position), f"{x.kind}: {x.description}", x.state)
                       for x in c.conditions), widths=(0.07, 0.7, 0.23)))
    for m in d.meetings:
        out.append(SummarySection(
            f"Meeting: {m.kind}", (("Held", fmt_date(m.held_on)), ("Venue", m.venue or "-"),
                                   ("Facilitators", ", ".join(
                                       x for x in (m.facilitator, m.cofacilitator) if x))),
            head=("Name", "Role", "Attended"),
            rows=tuple((a.name, a.role, _yes(a.attended)) for a in m.attendees),
            widths=(0.45, 0.35, 0.2)))
    if d.agreement is not None:
        out.append(SummarySection(
            "Outcome agreement", (("Agreed", fmt_date(d.agreement.agreed_on)),
                                  ("Signed", _yes(d.agreement.signed))),
            head=("What", "Who", "Due", "Kept"),
            rows=tuple((a.description, a.owner, fmt_date(a.due_on), _yes(a.kept))
                       for a in d.agreement.actions), widths=(0.45, 0.22, 0.2, 0.13)))
    if d.appointments:
        out.append(SummarySection(
            "Appointments", head=("When", "What", "Where", "Result"),
            rows=tuple((f"{a.starts_at.astimezone():%d %b %Y %H:%M}", a.purpose,
                        a.location or "-", a.status) for a in d.appointments),
            widths=(0.22, 0.33, 0.3, 0.15)))
    if d.exit_followups:
        out.append(SummarySection(
            "Follow-ups after leaving", head=("Months", "Due", "Done", "Independent",
                                              "Free from abuse"),
            rows=tuple((str(e.months), fmt_date(e.due_on), fmt_date(e.done_on),
                        _yes(e.living_independently), _yes(e.free_from_abuse))
                       for e in d.exit_followups), widths=(0.12, 0.22, 0.22, 0.2, 0.24)))
    return out


_BUILDERS: dict[Kind, Callable[[CaseDetail, _Context, PartyInfo | None, str,
                                tuple[date, date] | None], _Built]] = {
    Kind.CONTRACT: _build_contract,
    Kind.AGREEMENT: _build_agreement,
    Kind.OUTCOME_PARTICIPANT: _build_outcome_participant,
    Kind.OUTCOME_HARMED: _build_outcome_harmed,
    Kind.OUTCOME_OFFICER: _build_outcome_officer,
    Kind.APPOINTMENT: _build_appointment,
    Kind.SUMMARY: _build_summary,
    Kind.SUMMARY_PARTNER: _build_summary_partner,
}
