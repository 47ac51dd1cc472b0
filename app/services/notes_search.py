"""Full-text search of intervention summaries and notes, and of case notes, within what the
actor may see.

On SQLite it is an FTS5 match on the ``notes_fts`` index (migration 0002_notes_search, kept in
step by triggers) and on ``notes_fts_case`` for case notes (0006_case_notes): a selective word
among a million notes is found in about a millisecond, where a LIKE scan of the notes takes a
tenth of a second or more. PostgreSQL uses ILIKE on each word.
Every word must occur; the last one may be a prefix, so results follow the user's typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, column, literal_column, or_, select, table

from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.cases import Case, Scheme
from app.models.notes import CaseNote
from app.models.pathways import Intervention
from app.services import access, audit
from app.services.context import Actor

MAX_QUERY = 200
DEFAULT_LIMIT = 50

_fts = table("notes_fts", column("rowid"), column("rank"))
_case_fts = table("notes_fts_case", column("rowid"), column("rank"))


class NoteSource(StrEnum):
    INTERVENTION = "intervention"
    CASE_NOTE = "case note"


@dataclass(frozen=True)
class NoteHit:
    """One record that holds every word: an intervention (its summary and notes) or a case
    note (``summary`` is the note's first line, ``notes`` the whole text)."""

    intervention_id: int | None
    case_reference: str
    scheme: Scheme
    occurred_on: date
    summary: str
    notes: str | None
    source: NoteSource = NoteSource.INTERVENTION
    note_id: int | None = None


def words_of(text: str) -> list[str]:
    """The words of a query, lower-cased; punctuation (and FTS5 syntax) is not searched for."""
    if len(text) > MAX_QUERY:
        raise ValidationError(f"Search for at most {MAX_QUERY} characters.", field="text")
    found = re.findall(r"\w+", text.lower())
    if not found:
        raise ValidationError("Type at least one word to search the notes for.", field="text")
    return found


def fts_query(words: list[str]) -> str:
    """An FTS5 query: every word quoted (so none is read as an operator), the last a prefix."""
    return " ".join(f'"{w}"' for w in words) + "*"


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= 80 else line[:79] + "…"


def search_notes(uow: UnitOfWork, actor: Actor, text: str, *, limit: int = DEFAULT_LIMIT
                 ) -> list[NoteHit]:
    """Interventions and case notes that hold every word, best match first (SQLite) or newest
    first (PostgreSQL), only on cases the actor may see. Audited as a search ("notes.search",
    how many were found, never the words)."""
    words = words_of(text)
    with uow:
        uow.begin_write()
        visible = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
        q = (select(Intervention.id, Case.reference, Case.scheme, Intervention.occurred_on,
                    Intervention.summary, Intervention.notes)
             .select_from(Intervention).join(Case, Case.id == Intervention.case_id)
             .where(Intervention.live()))
        n = (select(CaseNote.id, Case.reference, Case.scheme, CaseNote.written_on,
                    CaseNote.text)
             .select_from(CaseNote).join(Case, Case.id == CaseNote.case_id)
             .where(CaseNote.live()))
        ranked: list[tuple[Any, NoteHit]] = []
        if uow.engine.dialect.name == "sqlite":
            match = fts_query(words)
            q = (q.add_columns(_fts.c.rank).join(_fts, _fts.c.rowid == Intervention.id)
                 .where(literal_column("notes_fts").op("MATCH")(match), visible)
                 .order_by(_fts.c.rank))
            n = (n.add_columns(_case_fts.c.rank).join(_case_fts, _case_fts.c.rowid == CaseNote.id)
                 .where(literal_column("notes_fts_case").op("MATCH")(match), visible)
                 .order_by(_case_fts.c.rank))
        else:
            q = (q.add_columns(Intervention.occurred_on)
                 .where(visible, and_(*(or_(Intervention.summary.ilike(_like(w), escape="\\"),
                                            Intervention.notes.ilike(_like(w), escape="\\"))
                                        for w in words)))
                 .order_by(Intervention.occurred_on.desc(), Intervention.id.desc()))
            n = (n.add_columns(CaseNote.written_on)
                 .where(visible, and_(*(CaseNote.text.ilike(_like(w), escape="\\")
                                        for w in words)))
                 .order_by(CaseNote.written_on.desc(), CaseNote.id.desc()))
        # the rank (or date) column was added last: rows are read by position
        intervention_rows: list[Any] = list(uow.session.execute(q.limit(limit)))
        for r in intervention_rows:
            ranked.append((r[6], NoteHit(*r[:6])))
        note_rows: list[Any] = list(uow.session.execute(n.limit(limit)))
        for r in note_rows:
            ranked.append((r[5], NoteHit(None, r[1], r[2], r[3], _first_line(r[4]), r[4],
                                         NoteSource.CASE_NOTE, r[0])))
        # best rank first (FTS5's rank is lower for a better match), or newest first
        ranked.sort(key=lambda pair: pair[0], reverse=uow.engine.dialect.name != "sqlite")
        hits = [hit for _, hit in ranked[:limit]]
        audit.record(uow, actor, "notes.search", "notes", detail=f"{len(hits)} hits")
        uow.commit()
        return hits
