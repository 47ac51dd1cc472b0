"""Case notes: dated, guarded by the case's version like every record on it, refused plainly
when wrong, found by the notes search within what the reader may see, and audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied, StaleEdit, ValidationError
from app.models.cases import Scheme
from app.services import case_notes, casefile, notes_search
from app.services.case_notes import NoteInput
from app.services.context import Actor
from app.services.notes_search import NoteSource
from tests.factories import make_case

TODAY = date.today()


def _actions(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT action FROM audit_events ORDER BY id"))]


def test_a_note_is_written_dated_and_shown_newest_first(db: Database, coord: Actor,
                                                        nav: Actor) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    version = casefile.get_case(db.uow(), nav, ref).version
    first = case_notes.add_note(db.uow(), nav, ref, NoteInput(TODAY - timedelta(days=5),
                                                              "  Rang her mother.  "),
                                expected_version=version)
    second = case_notes.add_note(db.uow(), nav, ref, NoteInput(TODAY, "Housing visit booked."))
    detail = casefile.get_case(db.uow(), nav, ref)
    assert [(n.id, n.written_on, n.text, n.written_by) for n in detail.notes] == [
        (second, TODAY, "Housing visit booked.", "Priya Navigator"),
        (first, TODAY - timedelta(days=5), "Rang her mother.", "Priya Navigator")]
    assert detail.version > version  # the case moved on: a form opened before is stale
    assert _actions(db).count("note.add") == 2


def test_a_stale_or_wrong_note_is_refused_and_nothing_is_saved(db: Database, coord: Actor,
                                                               nav: Actor, fac: Actor) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    version = casefile.get_case(db.uow(), nav, ref).version
    case_notes.add_note(db.uow(), coord, ref, NoteInput(TODAY, "Coordinator's note."))
    with pytest.raises(StaleEdit):
        case_notes.add_note(db.uow(), nav, ref, NoteInput(TODAY, "Mine."),
                            expected_version=version)
    bad = [(NoteInput(TODAY, "   "), "text"),
           (NoteInput(TODAY, "x" * 10_001), "text"),
           (NoteInput(TODAY + timedelta(days=1), "Tomorrow's news"), "written_on"),
           (NoteInput(TODAY - timedelta(days=21), "Before the referral"), "written_on")]
    for data, field in bad:
        with pytest.raises(ValidationError) as refused:
            case_notes.add_note(db.uow(), nav, ref, data)
        assert refused.value.field == field
    with pytest.raises(AccessDenied):
        case_notes.add_note(db.uow(), fac, ref, NoteInput(TODAY, "Not my case."))
    assert [n.text for n in casefile.get_case(db.uow(), coord, ref).notes] == [
        "Coordinator's note."]


def test_the_notes_search_finds_case_notes_the_reader_may_see(db: Database, coord: Actor,
                                                              nav: Actor, mentor: Actor) -> None:
    mine = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    hers = make_case(db, coord, Scheme.GATEWAY, worker=mentor, days_ago=20)
    note = case_notes.add_note(db.uow(), nav, mine, NoteInput(
        TODAY, "Talked about the tenancy arrears.\nShe will bring the letters."))
    case_notes.add_note(db.uow(), mentor, hers, NoteInput(TODAY, "Tenancy arrears again."))
    hits = notes_search.search_notes(db.uow(), nav, "tenancy arr")
    assert [(h.source, h.note_id, h.case_reference, h.summary) for h in hits] == [
        (NoteSource.CASE_NOTE, note, mine, "Talked about the tenancy arrears.")]
    assert {h.case_reference for h in notes_search.search_notes(db.uow(), coord, "arrears")} \
        == {mine, hers}
    assert notes_search.search_notes(db.uow(), nav, "bring letters")[0].notes.endswith(
        "She will bring the letters.")
    # the search is recorded, how many it found but never the words
    with db.engine.connect() as conn:
        details = [r[0] for r in conn.execute(text(
            "SELECT detail FROM audit_events WHERE action = 'notes.search'"))]
    assert len(details) == 3 and not [d for d in details if "arrears" in d or "tenancy" in d]
