"""Full-text search of intervention summaries and notes, within what the actor may see.

On SQLite it is an FTS5 match on the ``notes_fts`` index (migration 0002_notes_search, kept in
step by triggers): a selective word among a million notes is found in about a millisecond, where a
LIKE scan of the notes takes a tenth of a second or more. PostgreSQL uses ILIKE on each word.
Every word must occur; the last one may be a prefix, so results follow the user's typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, column, literal_column, or_, select, table

from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.cases import Case, Scheme
from app.models.pathways import Intervention
from app.services import access
from app.services.context import Actor

MAX_QUERY = 200
DEFAULT_LIMIT = 50

_fts = table("notes_fts", column("rowid"), column("rank"))


@dataclass(frozen=True)
class NoteHit:
    intervention_id: int
    case_reference: str
    scheme: Scheme
    occurred_on: date
    summary: str
    notes: str | None


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


def search_notes(uow: UnitOfWork, actor: Actor, text: str, *, limit: int = DEFAULT_LIMIT
                 ) -> list[NoteHit]:
    """Interventions whose summary or notes hold every word, best match first (SQLite) or
    newest first (PostgreSQL), only on cases the actor may see."""
    words = words_of(text)
    with uow:
        visible = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
        q = (select(Intervention.id, Case.reference, Case.scheme, Intervention.occurred_on,
                    Intervention.summary, Intervention.notes)
             .select_from(Intervention).join(Case, Case.id == Intervention.case_id))
        if uow.engine.dialect.name == "sqlite":
            q = (q.join(_fts, _fts.c.rowid == Intervention.id)
                 .where(literal_column("notes_fts").op("MATCH")(fts_query(words)), visible)
                 .order_by(_fts.c.rank))
        else:
            def like(w: str) -> str:
                escaped = w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                return f"%{escaped}%"
            q = (q.where(visible, and_(*(or_(Intervention.summary.ilike(like(w), escape="\\"),
                                             Intervention.notes.ilike(like(w), escape="\\"))
                                         for w in words)))
                 .order_by(Intervention.occurred_on.desc(), Intervention.id.desc()))
        return [NoteHit(*row) for row in uow.session.execute(q.limit(limit))]
