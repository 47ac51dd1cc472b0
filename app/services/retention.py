"""Retention: closed cases are reviewed once their scheme's retention period is over.

The reviewer keeps a case (with a reason, until a date), anonymises it, or deletes it. A case
under legal hold is never offered and cannot be anonymised or deleted. Every decision is a
``retention_reviews`` row and an audit row, written with the change in one transaction.

Anonymising keeps what the partnership's statistics are made of (scheme, dates, stages, outcome
codes, need levels, risk band, eligibility answers, counts) and replaces who the people were
and what was written about them. Every text column of every table that holds data about a person
is classified below as kept or scrubbed; a test fails when a new column is neither, so nothing
slips through unclassified. The people on the case are moved to stand-in records (gender, birth
year and language only); their own records are deleted once no other case needs them.

Deleting removes the case and everything hanging off it, then the people no other case needs.
On SQLite it runs with ``secure_delete`` (freed space is overwritten), merges the notes index so
that no deleted words remain in it, and checkpoints and truncates the WAL, so the person's words
are gone from the file itself, not just unreachable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, exists, func, or_, select, update

from app.db import Database, UnitOfWork, is_sqlite
from app.errors import AccessDenied, ValidationError, WorkflowError
from app.models import Base
from app.models.attachments import Attachment
from app.models.base import utcnow
from app.models.cases import Case, CaseParty, CaseStatus, Scheme
from app.models.documents import Document
from app.models.people import Person
from app.models.retention import ErasureEntry, RetentionDecision, RetentionReview
from app.models.settings import AppSetting
from app.services import audit, find
from app.services.cases import add_months, load_case
from app.services.context import Actor
from app.services.sar import linked_tables

SETTING = "retention_years.{scheme}"
DEFAULT_YEARS = 6
MAX_YEARS = 100
KEEP_FOR = timedelta(days=365)
PLACEHOLDER = "[anonymised]"

#: Text columns anonymising leaves as they are: codes, labels and the record of the review.
KEPT_TEXT = frozenset({
    "audit_events.username", "audit_events.action", "audit_events.entity",
    "audit_events.detail", "audit_events.hash", "audit_events.prev_hash",
    "erasure_ledger.action", "erasure_ledger.person_ids", "erasure_ledger.username",
    "erasure_ledger.case_reference",
    "people.language",
    "cases.reference", "cases.referral_source",
    "agency_call_counts.agency_name", "agency_call_counts.period",
    "documents.kind", "documents.title", "documents.audience", "documents.template_name",
    "documents.template_version", "documents.variant", "documents.sha256",
    "attachments.sha256",
    "retention_reviews.case_reference", "retention_reviews.reason",
    "gateway_conditions.description",  # the partnership's wording of the condition
})
#: Text columns anonymising replaces (names, contacts, notes, anything typed about someone).
SCRUBBED_TEXT = frozenset({
    "documents.disclosed_to", "documents.disclosed_org",  # a party's own name, often
    "people.first_name", "people.last_name", "people.search_name", "people.address_line1",
    "people.address_line2", "people.town", "people.postcode", "people.phone", "people.email",
    "people.communication_needs",
    "cases.participant_search", "cases.referring_officer", "cases.referring_officer_email",
    "cases.offence_summary", "cases.crime_reference", "cases.eligibility_reasons",
    "cases.eligibility_override_reason", "cases.officer_decision", "cases.risk_override_reason",
    "cases.closure_reason",
    "appointments.location", "appointments.purpose", "appointments.outcome_notes",
    "case_parties.notes", "conferences.venue", "conferences.notes", "contracts.breach_reason",
    "exit_followups.notes", "interventions.summary", "interventions.notes",
    "pathway_assessments.notes", "reoffending_checks.notes", "status_changes.reason",
    "agreement_followups.notes", "community_hours.task", "conference_participants.name",
    "consents.notes", "contract_conditions.description", "satisfaction_surveys.comments",
    "agreement_actions.description", "case_notes.text", "search_terms.term",
    "attachments.title", "attachments.filename", "attachments.removed_reason",
    # a correction's old and new values hold whatever the record held, and its reason is typed
    "record_corrections.before", "record_corrections.after", "record_corrections.reason",
    # the standards' records on a case (the signed consent form goes with its name and hash)
    "complaints.about", "complaints.complainant", "complaints.outcome",
    "consent_evidence.form_name", "consent_evidence.form_sha256", "consent_evidence.form",
    "expenses.decision_reason", "expenses.description", "facilitator_objections.reason",
    "meeting_bookings.venue", "risk_assessments.summary", "victims_code_records.how",
    "gateway_conditions.notes",
})


@dataclass(frozen=True)
class ReviewItem:
    """A case due for review: enough to decide on, no names."""

    reference: str
    scheme: Scheme
    closed_on: date
    due_on: date
    last_kept_until: date | None


@dataclass(frozen=True)
class ErasureResult:
    reference: str
    people_removed: int
    #: False when another connection kept the WAL from being emptied (it is at the next one).
    wal_cleared: bool


def _may_review(actor: Actor) -> None:
    if not (actor.coordinates or actor.administers):
        raise AccessDenied("Only coordinators and administrators review retention.")


def _may_decide(actor: Actor) -> None:
    """Keeping, anonymising and deleting a case are the coordinators' decisions: an
    administrator runs the system, not the casework."""
    if not actor.coordinates:
        raise AccessDenied("Only a coordinator can decide what happens to a case at review "
                           "(keep, anonymise or delete).")


#: The partnership's floor per scheme: the shortest period an administrator may set, decided
#: by coordinators (``pathways retention floor``).
FLOOR_SETTING = "retention_floor_years.{scheme}"
DEFAULT_FLOOR_YEARS = 1


def retention_floor(uow: UnitOfWork, scheme: Scheme) -> int:
    row = uow.session.get(AppSetting, FLOOR_SETTING.format(scheme=scheme.value))
    return int(row.value) if row is not None else DEFAULT_FLOOR_YEARS


def set_retention_floor(uow: UnitOfWork, actor: Actor, scheme: Scheme, years: int) -> None:
    """The partnership's floor for a scheme (coordinators); the period is raised to meet it."""
    if not actor.coordinates:
        raise AccessDenied("Only a coordinator can set the partnership's retention floor.")
    if not 1 <= years <= MAX_YEARS:
        raise ValidationError(f"A retention floor is 1 to {MAX_YEARS} years.", field="years")
    with uow:
        uow.begin_write()
        _set(uow, FLOOR_SETTING.format(scheme=scheme.value), years)
        if retention_years(uow, scheme) < years:
            _set(uow, SETTING.format(scheme=scheme.value), years)
        audit.record(uow, actor, "retention.floor", "app_settings",
                     detail=f"{scheme.value} {years} years")
        uow.commit()


def _set(uow: UnitOfWork, key: str, years: int) -> None:
    row = uow.session.get(AppSetting, key)
    if row is None:
        uow.session.add(AppSetting(key=key, value=str(years)))
    else:
        row.value = str(years)


def retention_years(uow: UnitOfWork, scheme: Scheme) -> int:
    row = uow.session.get(AppSetting, SETTING.format(scheme=scheme.value))
    return int(row.value) if row is not None else DEFAULT_YEARS


def set_retention_years(uow: UnitOfWork, actor: Actor, scheme: Scheme, years: int) -> None:
    """The retention period of one scheme, in whole years after closure (administrators)."""
    if not actor.administers:
        raise AccessDenied("Only an administrator can change retention periods.")
    if not 1 <= years <= MAX_YEARS:
        raise ValidationError(f"A retention period is 1 to {MAX_YEARS} years.", field="years")
    with uow:
        uow.begin_write()
        floor = retention_floor(uow, scheme)
        if years < floor:
            raise ValidationError(
                f"{years} years is below the partnership's floor of {floor} years for "
                f"{scheme.label}; coordinators set the floor.", field="years")
        _set(uow, SETTING.format(scheme=scheme.value), years)
        audit.record(uow, actor, "retention.period", "app_settings",
                     detail=f"{scheme.value} {years} years")
        uow.commit()


def _due_on(uow: UnitOfWork, case: Case) -> date | None:
    if case.status is not CaseStatus.CLOSED or case.closed_on is None:
        return None
    return add_months(case.closed_on, 12 * retention_years(uow, case.scheme))


def _kept_until(uow: UnitOfWork, case_id: int) -> date | None:
    return uow.session.scalar(
        select(func.max(RetentionReview.keep_until))
        .where(RetentionReview.case_id == case_id,
               RetentionReview.decision == RetentionDecision.KEEP))


def review_queue(uow: UnitOfWork, actor: Actor, today: date | None = None) -> list[ReviewItem]:
    """Closed cases past their scheme's retention period, not on legal hold, not already
    anonymised, and not kept beyond today; oldest closure first."""
    _may_review(actor)
    today = today or date.today()
    with uow:
        uow.begin_write()
        items: list[ReviewItem] = []
        for scheme in Scheme:
            years = retention_years(uow, scheme)
            # closed on or before this day means due by today
            latest = add_months(today, -12 * years)
            kept = (select(RetentionReview.id)
                    .where(RetentionReview.case_id == Case.id,
                           RetentionReview.decision == RetentionDecision.KEEP,
                           RetentionReview.keep_until > today))
            q = (select(Case).where(Case.scheme == scheme, Case.status == CaseStatus.CLOSED,
                                    Case.closed_on <= latest, Case.legal_hold.is_(False),
                                    Case.anonymised.is_(False), ~exists(kept))
                 .order_by(Case.closed_on, Case.id))
            for case in uow.session.scalars(q):
                assert case.closed_on is not None
                items.append(ReviewItem(case.reference, scheme, case.closed_on,
                                        add_months(case.closed_on, 12 * years),
                                        _kept_until(uow, case.id)))
        items.sort(key=lambda i: (i.closed_on, i.reference))
        audit.record(uow, actor, "retention.queue", "cases", detail=f"{len(items)} due")
        uow.commit()
        return items


def _due_case(uow: UnitOfWork, reference: str, today: date) -> Case:
    case = load_case(uow, reference)
    if case.legal_hold:
        raise WorkflowError(f"Case {case.reference} is under legal hold; release the hold "
                            "first.")
    due = _due_on(uow, case)
    if due is None:
        raise WorkflowError(f"Case {case.reference} is not closed, so it is not due for "
                            "review.")
    if due > today:
        raise WorkflowError(f"Case {case.reference} is not due for review until "
                            f"{due:%d %b %Y}.")
    return case


def _review(uow: UnitOfWork, actor: Actor, case: Case, decision: RetentionDecision,
            reason: str | None, keep_until: date | None = None,
            detail: str | None = None) -> None:
    """The decision's own row and its one audit row (the reason stays out of the audit)."""
    uow.session.add(RetentionReview(
        case_id=case.id, case_reference=case.reference, decision=decision, reason=reason,
        keep_until=keep_until, decided_by_id=actor.user_id))
    audit.record(uow, actor, f"retention.{decision.value.replace(' ', '-')}", "cases", case.id,
                 case_id=case.id,
                 detail=detail or (keep_until.isoformat() if keep_until else None))


def keep(uow: UnitOfWork, actor: Actor, reference: str, reason: str,
         until: date | None = None, *, today: date | None = None) -> date:
    """Keep a due case, for a stated reason, until a date (a year by default)."""
    _may_decide(actor)
    today = today or date.today()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the case is kept.", field="reason")
    until = until or today + KEEP_FOR
    if until <= today:
        raise ValidationError("Keep it until a day after today.", field="until")
    with uow:
        uow.begin_write()
        case = _due_case(uow, reference, today)
        _review(uow, actor, case, RetentionDecision.KEEP, reason, until)
        uow.commit()
    return until


def set_legal_hold(uow: UnitOfWork, actor: Actor, reference: str, hold: bool,
                   reason: str) -> None:
    """Put a case on legal hold (nothing may anonymise or delete it) or release it."""
    if not actor.coordinates:
        raise AccessDenied("Only a coordinator can place or release a legal hold.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why (for example the court order or the request).",
                              field="reason")
    with uow:
        uow.begin_write()
        case = load_case(uow, reference, lock=True)
        if case.legal_hold == hold:
            raise WorkflowError(f"Case {case.reference} is "
                                f"{'already' if hold else 'not'} under legal hold.")
        case.legal_hold = hold
        _review(uow, actor, case, RetentionDecision.LEGAL_HOLD if hold
                else RetentionDecision.HOLD_RELEASED, reason)
        uow.commit()


# ---------------------------------------------------------------- anonymise


def _case_rows(table: Table, case_id: int, found: dict[str, list[Any]]) -> Any:
    """A WHERE clause for the rows of ``table`` that belong to the case (via any foreign key
    to a row already found, or a case_id column)."""
    conds = []
    for fk in table.foreign_keys:
        target = fk.column.table.name
        if target == "cases":
            conds.append(fk.parent == case_id)
        elif target in found and target not in ("people", "users"):
            conds.append(fk.parent.in_(found[target]))
    return or_(*conds) if conds else None


def _scrub_value(table: Table, column: str) -> Any:
    return None if table.c[column].nullable else PLACEHOLDER


def anonymise(uow: UnitOfWork, actor: Actor, reference: str, reason: str | None = None, *,
              today: date | None = None) -> None:
    """Replace who and what was written, keep what is counted; documents and attachments are
    removed (a letter or a scanned form cannot be anonymised)."""
    _may_decide(actor)
    today = today or date.today()
    with uow:
        uow.begin_write()
        case = _due_case(uow, reference, today)
        if case.anonymised:
            raise WorkflowError(f"Case {case.reference} is anonymised already.")
        removed = _anonymise_rows(uow, actor, case)
        _review(uow, actor, case, RetentionDecision.ANONYMISE, reason,
                detail=f"{removed} people records removed")
        uow.commit()
    _clean_sqlite(uow)


def _anonymise_rows(uow: UnitOfWork, actor: Actor | None, case: Case) -> int:
    """Scrub one case (the rule itself), record it in the erasure ledger; people removed."""
    s = uow.session
    case_id, reference = case.id, case.reference
    s.execute(delete(Document).where(Document.case_id == case_id))
    s.execute(delete(Attachment).where(Attachment.case_id == case_id))
    found: dict[str, list[Any]] = {}
    for table in linked_tables():
        if table.name in ("people", "audit_events", "cases", "retention_reviews"):
            continue
        where = _case_rows(table, case_id, found)
        if where is None:
            continue
        pk = table.primary_key.columns.values()[0]
        found[table.name] = list(s.scalars(select(pk).where(where)))
        values = {c: _scrub_value(table, c) for c in _scrubbed(table)}
        if values and found[table.name]:
            if "version" in table.c:
                values["version"] = table.c.version + 1
            s.execute(update(table).where(pk.in_(found[table.name])).values(**values))
    cases = Base.metadata.tables["cases"]
    case_values = {c: _scrub_value(cases, c) for c in _scrubbed(cases)}
    case_values["participant_search"] = "anonymised"
    originals = _move_to_stand_ins(uow, case)
    s.execute(update(cases).where(cases.c.id == case_id).values(
        anonymised=True, version=cases.c.version + 1, updated_at=utcnow(),
        updated_by_id=actor.user_id if actor else None, **case_values))
    s.expire_all()
    # the case's search words now come from the stand-ins (scrubbed crime reference too)
    find.index_cases(s.connection(), [case_id])
    removed = _delete_unneeded(uow, originals)
    _ledger(uow, actor, "anonymise", case_id, reference, originals)
    return removed


def _scrubbed(table: Table) -> list[str]:
    return [c.name for c in table.columns if f"{table.name}.{c.name}" in SCRUBBED_TEXT]


def _move_to_stand_ins(uow: UnitOfWork, case: Case) -> set[int]:
    """Point the case at stand-in people (gender, birth year, language); return who was there."""
    s = uow.session
    originals: set[int] = {case.participant_id}
    stand_in: dict[int, int] = {}
    for party in s.scalars(select(CaseParty).where(CaseParty.case_id == case.id)):
        originals.add(party.person_id)
    for person_id in originals:
        person = s.get(Person, person_id)
        assert person is not None
        dob = date(person.date_of_birth.year, 7, 1) if person.date_of_birth else None
        new = Person(first_name="Anonymised", last_name="Person",
                     search_name="anonymised person", date_of_birth=dob, gender=person.gender,
                     language=person.language, interpreter_needed=person.interpreter_needed,
                     document_format=person.document_format)
        s.add(new)
        s.flush()
        stand_in[person_id] = new.id
    parties = Base.metadata.tables["case_parties"]
    for old, new_id in stand_in.items():
        s.execute(update(parties).where(parties.c.case_id == case.id,
                                        parties.c.person_id == old).values(person_id=new_id))
    cases = Base.metadata.tables["cases"]
    s.execute(update(cases).where(cases.c.id == case.id)
              .values(participant_id=stand_in[case.participant_id]))
    return originals


def _delete_unneeded(uow: UnitOfWork, person_ids: set[int]) -> int:
    """Delete the people records that nothing refers to any more."""
    people = Base.metadata.tables["people"]
    refs = [(t, fk) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
            if fk.column.table.name == "people" and t.name != "people"]
    removed = 0
    for pid in sorted(person_ids):
        used = any(uow.session.execute(select(fk.parent).where(fk.parent == pid).limit(1))
                   .first() for _, fk in refs)
        if not used:
            uow.session.execute(delete(people).where(people.c.id == pid))
            removed += 1
    return removed


# ---------------------------------------------------------------- delete


def delete_case(uow: UnitOfWork, actor: Actor, reference: str, reason: str | None = None, *,
                today: date | None = None) -> ErasureResult:
    """Delete a due case and everything on it, and the people no other case needs; then make
    sure the deleted text is not left in the file (SQLite)."""
    _may_decide(actor)
    today = today or date.today()
    with uow:
        uow.begin_write()
        if is_sqlite(str(uow.engine.url)):
            uow.session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        case = _due_case(uow, reference, today)
        s = uow.session
        case_id, ref = case.id, case.reference
        removed = _delete_rows(uow, actor, case)
        # written after the case is gone: the review keeps the reference, not the link
        s.add(RetentionReview(case_id=None, case_reference=ref,
                              decision=RetentionDecision.DELETE, reason=reason,
                              decided_by_id=actor.user_id))
        audit.record(uow, actor, "retention.delete", "cases", case_id, case_id=case_id,
                     detail=f"{ref}; {removed} people records removed")
        uow.commit()
    cleared = _clean_sqlite(uow)
    return ErasureResult(ref, removed, cleared)


def _delete_rows(uow: UnitOfWork, actor: Actor | None, case: Case) -> int:
    """Delete one case and the people no other case needs (the rule itself), record it in
    the erasure ledger; people removed."""
    s = uow.session
    case_id, reference = case.id, case.reference
    people_ids = {case.participant_id} | set(s.scalars(
        select(CaseParty.person_id).where(CaseParty.case_id == case_id)))
    s.expunge_all()
    _delete_case_rows(uow, case_id)
    removed = _delete_unneeded(uow, people_ids)
    _ledger(uow, actor, "delete", case_id, reference, people_ids)
    return removed


def _ledger(uow: UnitOfWork, actor: Actor | None, action: str, case_id: int,
            reference: str, people_ids: set[int]) -> None:
    exists_already = uow.session.scalar(select(ErasureEntry.id).where(
        ErasureEntry.action == action, ErasureEntry.case_id == case_id))
    if exists_already is None:  # re-applying after a restore keeps the first entry
        uow.session.add(ErasureEntry(
            action=action, case_id=case_id, case_reference=reference,
            person_ids=" ".join(map(str, sorted(people_ids))),
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else "-"))


@dataclass(frozen=True)
class LedgerRow:
    at: datetime
    action: str
    case_id: int
    case_reference: str
    person_ids: str
    user_id: int | None
    username: str


def ledger_rows(uow: UnitOfWork) -> list[LedgerRow]:
    """The whole erasure ledger, oldest first (a restore carries it into the older copy)."""
    with uow:
        return [LedgerRow(e.at, e.action, e.case_id, e.case_reference, e.person_ids,
                          e.user_id, e.username)
                for e in uow.session.scalars(select(ErasureEntry).order_by(ErasureEntry.id))]


def reapply_ledger(uow: UnitOfWork, carried: list[LedgerRow]) -> int:
    """After a restore, before anyone signs in: add the ledger entries the restored copy
    lacks, then erase again every case and person the ledger names that came back. Returns
    how many cases were erased again."""
    with uow:
        uow.begin_write()
        s = uow.session
        if is_sqlite(str(uow.engine.url)):
            s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        have = set(s.execute(select(ErasureEntry.action, ErasureEntry.case_id)).all())
        for row in carried:
            if (row.action, row.case_id) not in have:
                s.add(ErasureEntry(at=row.at, action=row.action, case_id=row.case_id,
                                   case_reference=row.case_reference,
                                   person_ids=row.person_ids, user_id=row.user_id,
                                   username=row.username))
        s.flush()
        again = 0
        entries = [(e.action, e.case_id, e.case_reference, e.person_ids) for e in
                   s.scalars(select(ErasureEntry).order_by(ErasureEntry.id))]
        for action, case_id, reference, person_ids in entries:
            case = s.get(Case, case_id)
            if case is not None and case.reference != reference:
                case = None  # the id now belongs to a later case: not the one erased
            if case is not None and (action == "delete" or not case.anonymised):
                if action == "delete":
                    _delete_rows(uow, None, case)
                else:
                    _anonymise_rows(uow, None, case)
                audit.record(uow, None, "retention.reapplied", "cases", case_id,
                             case_id=case_id, detail=f"{action} applied again after a restore")
                again += 1
            ids = {int(x) for x in person_ids.split()}
            _delete_unneeded(uow, ids)  # a person whose last case went is gone again
        uow.commit()
    _clean_sqlite(uow)
    return again


def purge_backups(db: Database, backup_dir: Path, keep: int) -> int:
    """After an erasure: every backup the app keeps (start-up copies, before-restore copies)
    holds what was erased, so each is removed and one fresh, checked backup made in their
    place. Returns how many were removed."""
    from app.services import database

    if not is_sqlite(db.url) or not backup_dir.is_dir():
        return 0
    old = [p for p in backup_dir.iterdir()
           if p.is_file() and (p.suffix in (".db", ".damaged") or p.name.endswith(".part"))]
    for path in old:
        path.unlink(missing_ok=True)
    database.rotate_backup(db, backup_dir, keep)
    return len(old)


def _delete_case_rows(uow: UnitOfWork, case_id: int) -> None:
    """Children before parents, found through the schema (no table is forgotten)."""
    found: dict[str, list[Any]] = {}
    order = [t for t in linked_tables()
             if t.name not in ("people", "audit_events", "cases", "retention_reviews")]
    for table in order:
        where = _case_rows(table, case_id, found)
        if where is None:
            continue
        pk = table.primary_key.columns.values()[0]
        found[table.name] = list(uow.session.scalars(select(pk).where(where)))
    for table in reversed(order):
        ids = found.get(table.name)
        if ids:
            pk = table.primary_key.columns.values()[0]
            # a self-reference (a rearranged appointment) must not block its own rows
            for fk in table.foreign_keys:
                if fk.column.table is table:
                    uow.session.execute(update(table).where(pk.in_(ids))
                                        .values({fk.parent.name: None}))
            uow.session.execute(delete(table).where(pk.in_(ids)))
    cases = Base.metadata.tables["cases"]
    uow.session.execute(delete(cases).where(cases.c.id == case_id))


def _clean_sqlite(uow: UnitOfWork) -> bool:
    """Merge full-text indexes (deleted words leave them), then checkpoint and truncate the
    WAL. Returns whether the WAL could be emptied now."""
    engine = uow.engine
    if not is_sqlite(str(engine.url)):
        return True
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection  # autocommit: a checkpoint cannot run in a transaction
        assert conn is not None
        conn.execute("PRAGMA secure_delete = ON")
        fts = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]
        for name in fts:
            conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'optimize\')')
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        conn.execute("PRAGMA secure_delete = OFF")
    finally:
        raw.close()
    return busy is None or not busy[0]

