"""Retention: the review queue, keep with a reason, legal hold, anonymise with the statistics
unchanged, and deletion that leaves no plaintext of the person in the file, its WAL or the
notes index. Every decision is audited."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import String, Text, inspect, text
from sqlalchemy.types import Enum

from app.db import Database
from app.errors import AccessDenied, ValidationError, WorkflowError
from app.models.cases import CaseStatus, Scheme
from app.models.pathways import AssessmentStage, InterventionKind
from app.models.users import Role
from app.services import attachments, casefile, cases, demo, indicators, pathways, retention
from app.services.context import Actor
from app.services.indicators import Scope
from app.services.pathways import InterventionInput, NeedInput
from app.services.sar import linked_tables
from app.services.users import sign_in
from tests.factories import make_case, make_user, person
from tests.services.journeys import refused

YEAR = 365
#: single distinctive words, so they survive tokenising by the notes index unchanged
FIRST, LAST, STREET, NOTE = "Zqelwynne", "Zqorrimond", "Zqardle Row", "zqnotemarker"
OTHER_FIRST, OTHER_NOTE = "Zqpetronel", "zqkeptnoteword"


def days_ago(n: int) -> date:
    return date.today() - timedelta(days=n)


def closed_case(db: Database, coord: Actor, nav: Actor, *, closed_years_ago: float = 8,
                first: str = FIRST, last: str = LAST, street: str = STREET,
                note: str = NOTE) -> str:
    start = int(closed_years_ago * YEAR) + 60
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=start,
                    participant=person(first, last, address_line1=f"1 {street}",
                                       email=f"{first.lower()}@example.org"))
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(start - 2))
    pathways.record_assessment(db.uow(), nav, ref, AssessmentStage.START, days_ago(start - 5),
                               [NeedInput("alcohol", 3, f"{note} drinks"),
                                NeedInput("accommodation", 2, None)])
    pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
        InterventionKind.CONTACT, days_ago(start - 10), f"Met {first}", notes=f"{note} said"))
    attachments.add(db.uow(), nav, ref, scan(first), "consent.pdf",
                    title=f"Consent form signed by {first}")
    cases.change_status(db.uow(), coord, ref, CaseStatus.CLOSED,
                        on=days_ago(int(closed_years_ago * YEAR)),
                        reason=f"{first} moved away")
    return ref


def scan(first: str) -> bytes:
    """A scanned form whose bytes say whose it is (PDF text is stored as written here)."""
    return f"%PDF-1.4\n% {first.lower()}scanbytes\n%%EOF\n".encode()


def queue(db: Database, actor: Actor, today: date | None = None) -> list[str]:
    return [i.reference for i in retention.review_queue(db.uow(), actor, today)]


def actions(db: Database, prefix: str) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_events WHERE action LIKE :p ORDER BY id"),
            {"p": prefix + "%"})]


def test_every_text_column_about_a_person_is_kept_or_scrubbed_on_purpose() -> None:
    """A new text column on a table about people must be classified before it ships."""
    text_columns = {f"{t.name}.{c.name}" for t in linked_tables() for c in t.columns
                    if isinstance(c.type, String | Text) and not isinstance(c.type, Enum)
                    and not c.foreign_keys}
    unclassified = text_columns - retention.KEPT_TEXT - retention.SCRUBBED_TEXT
    assert not unclassified, f"classify in retention.py: {sorted(unclassified)}"
    assert not retention.KEPT_TEXT & retention.SCRUBBED_TEXT


def test_the_queue_follows_each_schemes_period_holds_and_keeps(
        db: Database, coord: Actor, nav: Actor, mentor: Actor) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    old = closed_case(db, coord, nav, closed_years_ago=8)
    recent = closed_case(db, coord, nav, closed_years_ago=2, first="Recenta", last="Case")
    open_ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    assert queue(db, coord) == [old]  # six years by default
    assert queue(db, admin) == [old]
    for outsider in (nav, mentor):
        with pytest.raises(AccessDenied, match="Only coordinators and administrators"):
            retention.review_queue(db.uow(), outsider)

    with pytest.raises(AccessDenied):
        retention.set_retention_years(db.uow(), coord, Scheme.CHECKPOINT, 1)
    with pytest.raises(ValidationError, match="1 to 100 years"):
        retention.set_retention_years(db.uow(), admin, Scheme.CHECKPOINT, 0)
    retention.set_retention_years(db.uow(), admin, Scheme.CHECKPOINT, 1)
    assert queue(db, coord) == [old, recent]
    retention.set_retention_years(db.uow(), admin, Scheme.GATEWAY, 1)
    assert queue(db, coord) == [old, recent]  # another scheme's period does not apply

    retention.set_legal_hold(db.uow(), coord, old, True, "Civil claim, solicitor's letter")
    assert queue(db, coord) == [recent]
    for decide in (retention.anonymise, retention.delete_case):
        refused(db, coord, old, lambda d=decide: d(db.uow(), coord, old), WorkflowError,
                "under legal hold")
    retention.set_legal_hold(db.uow(), coord, old, False, "Claim settled")

    with pytest.raises(ValidationError, match="Say why the case is kept"):
        retention.keep(db.uow(), coord, old, "  ")
    until = retention.keep(db.uow(), coord, old, "Appeal pending")
    assert queue(db, coord) == [recent]
    assert queue(db, coord, today=until + timedelta(days=1)) == [old, recent]
    refused(db, coord, open_ref, lambda: retention.delete_case(db.uow(), coord, open_ref),
            WorkflowError, "is not closed")
    retention.set_retention_years(db.uow(), admin, Scheme.CHECKPOINT, 6)
    refused(db, coord, recent, lambda: retention.anonymise(db.uow(), coord, recent),
            WorkflowError, "not due for review until")
    decided = [a for a in actions(db, "retention.") if a != "retention.queue"]
    assert decided == ["retention.period", "retention.period", "retention.legal-hold",
                       "retention.hold-released", "retention.keep", "retention.period"]


def _all_text(db: Database) -> str:
    """Every value in every table, as one text, for 'is this word still anywhere?'."""
    with db.engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if not n.startswith("notes_fts")]
        return "\n".join(repr(tuple(r)) for n in names
                         for r in conn.execute(text(f'SELECT * FROM "{n}"')))


def test_anonymising_keeps_the_statistics_and_removes_the_person(
        db: Database, coord: Actor, nav: Actor) -> None:
    ref = closed_case(db, coord, nav)
    kept = closed_case(db, coord, nav, closed_years_ago=1, first=OTHER_FIRST, last="Keptcase",
                       street="Keptcase Road", note=OTHER_NOTE)
    before = casefile.get_case(db.uow(), coord, ref)
    retention.anonymise(db.uow(), coord, ref, "Retention period over")
    after = casefile.get_case(db.uow(), coord, ref)
    same = ("scheme", "status", "referral_date", "closed_on", "offence_code", "outcome_code",
            "risk_band", "eligibility", "restricted", "started_on", "ended_on")
    assert {k: getattr(after, k) for k in same} == {k: getattr(before, k) for k in same}
    assert [(a.stage, a.pathway_code, a.level, a.assessed_on) for a in after.assessments] == \
        [(a.stage, a.pathway_code, a.level, a.assessed_on) for a in before.assessments]
    assert [(i.kind, i.occurred_on) for i in after.interventions] == \
        [(i.kind, i.occurred_on) for i in before.interventions]
    assert [(s.to_status, s.on) for s in after.stages] == \
        [(s.to_status, s.on) for s in before.stages]
    assert after.participant.name == "Anonymised Person"
    assert after.participant.address == () and after.participant.email is None
    assert after.participant.gender == before.participant.gender
    assert after.participant.date_of_birth is not None and before.participant.date_of_birth
    assert after.participant.date_of_birth.year == before.participant.date_of_birth.year
    everything = _all_text(db)
    for word in (FIRST, LAST, STREET, NOTE, FIRST.lower()):
        assert word not in everything, word
    assert OTHER_FIRST in everything and OTHER_NOTE in everything  # the other case is whole
    assert casefile.get_case(db.uow(), coord, kept).participant.name.startswith(OTHER_FIRST)
    with pytest.raises(WorkflowError, match="anonymised already"):
        retention.anonymise(db.uow(), coord, ref)
    assert ref not in queue(db, coord)
    assert actions(db, "retention.anonymise") == ["retention.anonymise"]


def test_anonymising_demo_cases_leaves_every_indicator_unchanged(db: Database) -> None:
    demo.build(db.uow(), cases=60, seed=5)
    coord = sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)
    admin = sign_in(db.uow(), "admin", demo.DEMO_PASSWORD)
    today = date.today()
    scope = Scope(today - timedelta(days=5 * YEAR), today)
    report = indicators.compute(db.uow(), coord, scope, today=today)
    for scheme in Scheme:
        retention.set_retention_years(db.uow(), admin, scheme, 1)
    later = today + timedelta(days=3 * YEAR)
    due = queue(db, coord, today=later)
    assert len(due) >= 5
    for ref in due:
        retention.anonymise(db.uow(), coord, ref, "Retention period over", today=later)
    assert indicators.compute(db.uow(), coord, scope, today=today) == report


def raw_bytes(db_file: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal"):
        p = Path(f"{db_file}{suffix}")
        if p.exists():
            data += p.read_bytes()
    return data.lower()


def test_deletion_leaves_no_trace_of_the_person(db: Database, db_backend: str, coord: Actor,
                                                nav: Actor) -> None:
    ref = closed_case(db, coord, nav)
    kept = closed_case(db, coord, nav, closed_years_ago=1, first=OTHER_FIRST, last="Keptcase",
                       street="Keptcase Road", note=OTHER_NOTE)
    markers = [w.lower().encode() for w in (FIRST, LAST, STREET, NOTE, f"{FIRST}scanbytes")]
    db_file = Path(db.engine.url.database or "") if db_backend == "sqlite" else None
    if db_file is not None:
        found = raw_bytes(db_file)
        assert all(m in found for m in markers), "markers must be visible before (sound test)"
    person_id = casefile.get_case(db.uow(), coord, ref).participant.person_id

    result = retention.delete_case(db.uow(), coord, ref, "Retention period over")
    assert result.reference == ref and result.people_removed == 1 and result.wal_cleared

    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cases WHERE reference = :r"),
                            {"r": ref}).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM people WHERE id = :p"),
                            {"p": person_id}).scalar_one() == 0
        review = conn.execute(text("SELECT case_id, case_reference, decision "
                                   "FROM retention_reviews")).all()
    assert [tuple(r) for r in review] == [(None, ref, "delete")]
    everything = _all_text(db).lower()
    assert not [m for m in markers if m.decode() in everything]
    assert OTHER_FIRST in _all_text(db)
    assert casefile.get_case(db.uow(), coord, kept).interventions
    if db_file is not None:
        left = raw_bytes(db_file)
        assert not [m for m in markers if m in left], "plaintext left in the file or WAL"
        assert OTHER_NOTE.encode() in left  # the other case is still there, in plaintext
        with db.engine.connect() as conn:
            hits = conn.execute(text("SELECT count(*) FROM notes_fts WHERE notes_fts "
                                     "MATCH :w"), {"w": NOTE}).scalar_one()
            assert hits == 0
    assert actions(db, "retention.delete") == ["retention.delete"]
