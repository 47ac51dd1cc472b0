"""Find anyone: one search box for a case reference (any part: ``0064``), a name (first, last or
both, in either order), a date of birth, a postcode, a phone number or a crime reference.

Words are folded (accents removed, case ignored: ``wisniewski`` finds ``Wiśniewski``) and kept
in ``search_terms`` (one row per word, index on the word), so each word of a query is one index
range (``term >= 'smi' AND term < 'smi\\U0010ffff'``), fast at 100,000 cases on both stores
where ``LIKE '%smi%'`` would read every row. The index is kept here: every ORM flush that adds or
changes a case, a party or a person re-indexes the cases concerned in the same transaction, so
no writer needs to know of it; writers that bypass the ORM (the demo generator, migrations)
call ``rebuild``.

Results are ranked (an exact reference first, then exact names, dates of birth, postcodes,
then partial matches; the participant before other parties; newer cases first), limited to the
cases the actor may see, and audited as a search ("case.find": how many, never the words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    and_,
    delete,
    event,
    insert,
    inspect,
    intersect,
    select,
)
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.cases import Case, CaseParty, CaseStatus, PartyRole, Scheme
from app.models.people import Person
from app.models.search import SearchTerm, TermKind
from app.services import access, audit
from app.services.access import Action
from app.services.context import Actor
from app.services.people import PersonMatch
from app.services.typed_dates import DateTextError, parse_date

if TYPE_CHECKING:  # casefile reads cases, which imports this module to keep the index
    from app.services.casefile import CaseFilter, CaseRow

MAX_QUERY = 100
DEFAULT_LIMIT = 20
#: Candidates read per kind of match before ranking; more than a screen can show.
CANDIDATES = 400
TOP = "\U0010ffff"

HINT = ("Nothing found. Try part of the reference (0064), a first or last name, a date of "
        "birth (14/07/1985), a postcode, a phone number or a crime reference; or search the "
        "notes for a word written about the case.")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, accents removed, anything but letters and digits a space: the form words
    are stored and searched in."""
    if text.isascii():  # nothing to take off (most references, postcodes, many names)
        plain = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        plain = plain.replace("ł", "l").replace("Ł", "l").replace("ø", "o").replace("ß", "ss")
    return " ".join(re.sub(r"[^\w]+|_", " ", plain.casefold()).split())


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _reference_terms(reference: str) -> set[str]:
    """``CP-2026-0064`` -> cp20260064, 20260064, 0064, 64: a search for any of its parts, or
    the parts from any one onwards, starts one of these."""
    parts = fold(reference).split()
    terms = {"".join(parts[i:]) for i in range(len(parts))}
    terms |= {p.lstrip("0") for p in parts if p.isdigit() and p.lstrip("0")}
    return terms


@lru_cache(maxsize=16384)
def _phone_terms(phone: str) -> frozenset[str]:
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("44") and len(digits) > 10:
        digits = "0" + digits[2:]
    return frozenset({digits, digits[-6:]} if len(digits) >= 6 else
                     ({digits} if digits else set()))


@lru_cache(maxsize=16384)
def _postcode_terms(postcode: str) -> frozenset[str]:
    compact = _compact(postcode)
    outward = fold(postcode).split()
    return frozenset({compact, outward[0]} if len(outward) > 1 else {compact})


def person_terms(first_name: str, last_name: str, date_of_birth: date | None,
                 postcode: str | None, phone: str | None) -> set[tuple[TermKind, str]]:
    """The words a person is found by (for writers that bypass the ORM, as the demo does)."""
    terms = {(TermKind.NAME, word)
             for word in {*fold(first_name).split(), *fold(last_name).split()}}
    if date_of_birth is not None:
        terms.add((TermKind.DATE_OF_BIRTH, date_of_birth.isoformat()))
    terms |= {(TermKind.POSTCODE, t) for t in _postcode_terms(postcode or "")}
    terms |= {(TermKind.PHONE, t) for t in _phone_terms(phone or "")}
    return {(kind, term[:80]) for kind, term in terms if term}


def case_terms(reference: str, crime_reference: str | None) -> list[tuple[TermKind, str]]:
    """The words a case is found by: its reference's and its crime reference's parts."""
    terms = [(TermKind.REFERENCE, t) for t in _reference_terms(reference)]
    if crime_reference:
        terms += [(TermKind.CRIME_REFERENCE, t) for t in _reference_terms(crime_reference)]
    return terms


def index_cases(conn: Connection, case_ids: Iterable[int]) -> None:
    """Replace the search words of these cases with ones made from their rows now."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(delete(SearchTerm).where(SearchTerm.case_id.in_(chunk)))
        rows: list[dict[str, Any]] = []
        for case_id, reference, crime in conn.execute(
                select(Case.id, Case.reference, Case.crime_reference)
                .where(Case.id.in_(chunk))):
            rows += [dict(case_id=case_id, person_id=None, kind=kind, term=t)
                     for kind, t in case_terms(reference, crime)]
        people = conn.execute(
            select(CaseParty.case_id, Person.id, Person.first_name, Person.last_name,
                   Person.date_of_birth, Person.postcode, Person.phone)
            .join(Person, Person.id == CaseParty.person_id)
            .where(CaseParty.case_id.in_(chunk)))
        for p in people:
            rows += [dict(case_id=p.case_id, person_id=p.id, kind=kind, term=term)
                     for kind, term in person_terms(p.first_name, p.last_name,
                                                    p.date_of_birth, p.postcode, p.phone)]
        if rows:
            conn.execute(insert(SearchTerm), rows)


def rebuild(conn: Connection) -> None:
    """Index every case again (after writers that bypass the ORM, and in the migration)."""
    conn.execute(delete(SearchTerm))
    index_cases(conn, [r[0] for r in conn.execute(select(Case.id))])


#: The columns the search words are made of: a change to any other leaves the index as it is.
_CASE_COLUMNS = ("reference", "crime_reference", "participant_id")
_PERSON_COLUMNS = ("first_name", "last_name", "date_of_birth", "postcode", "phone")


def _changed(obj: object, columns: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return any(state.attrs[c].history.has_changes() for c in columns)


@event.listens_for(Session, "after_flush")
def _follow_changes(session: Session, _context: object) -> None:
    """Re-index the cases whose references, parties or people this flush changed."""
    case_ids: set[int] = set()
    person_ids: set[int] = set()
    for obj in session.new:
        if isinstance(obj, Case):
            case_ids.add(obj.id)
        elif isinstance(obj, CaseParty):
            case_ids.add(obj.case_id)
    for obj in session.dirty:
        if isinstance(obj, Case) and _changed(obj, _CASE_COLUMNS):
            case_ids.add(obj.id)
        elif isinstance(obj, CaseParty) and _changed(obj, ("person_id", "case_id")):
            case_ids.add(obj.case_id)
        elif isinstance(obj, Person) and _changed(obj, _PERSON_COLUMNS):
            person_ids.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, CaseParty):
            case_ids.add(obj.case_id)
    if not case_ids and not person_ids:
        return
    conn = session.connection()
    if person_ids:
        case_ids |= {r[0] for r in conn.execute(
            select(CaseParty.case_id).where(CaseParty.person_id.in_(person_ids)))}
    existing = {r[0] for r in conn.execute(select(Case.id).where(Case.id.in_(case_ids)))}
    index_cases(conn, existing)


# ---------------------------------------------------------------- searching


@dataclass(frozen=True)
class FindHit:
    """One case found, with the person and the detail it was found by (no contact details)."""

    reference: str
    scheme: Scheme
    status: CaseStatus
    participant: str
    person: str | None
    role: PartyRole | None
    matched: TermKind
    referral_date: date
    exact: bool
    #: The case as a row of the case list shows it.
    row: CaseRow | None = None

    @property
    def found_by(self) -> str:
        """Why this case is in the list, in words."""
        who = f" ({self.role.value}: {self.person})" if self.role and self.role is not \
            PartyRole.PARTICIPANT else ""
        return f"Found by {self.matched.value}{who}"


@dataclass(frozen=True)
class FindResult:
    hits: tuple[FindHit, ...]
    #: What to try instead, when nothing was found.
    hint: str | None


_RANK = {TermKind.REFERENCE: 60, TermKind.CRIME_REFERENCE: 55, TermKind.DATE_OF_BIRTH: 50,
         TermKind.NAME: 45, TermKind.POSTCODE: 40, TermKind.PHONE: 35}


def _starts(word: str) -> Any:
    return and_(SearchTerm.term >= word, SearchTerm.term < word + TOP)


def find(uow: UnitOfWork, actor: Actor, text: str, *, limit: int = DEFAULT_LIMIT,
         within: CaseFilter | None = None) -> FindResult:
    """The cases the actor may see that match ``text``, best first; ``within`` narrows them
    by the case list's other filters (its own search text is not used)."""

    if len(text) > MAX_QUERY:
        raise ValidationError(f"Search for at most {MAX_QUERY} characters.", field="text")
    words = fold(text).split()
    if not words:
        raise ValidationError("Type part of a name, a reference, a date of birth, a postcode "
                              "or a phone number.", field="text")
    compact = "".join(words)
    with uow:
        uow.begin_write()
        scoped = _scope(uow, actor, within)
        # (case, person or None, kind, exact)
        found: dict[int, tuple[int, int | None, TermKind, bool]] = {}

        def take(rows: Iterable[Any], kind: TermKind | None = None,
                 exact_of: str | None = None) -> None:
            for r in rows:
                k = kind or r.kind
                exact = exact_of is None or r.term == exact_of
                score = _RANK[k] + (20 if exact else 0) + (3 if r.person_id is None else 0)
                if r.case_id not in found or found[r.case_id][0] < score:
                    found[r.case_id] = (score, r.person_id, k, exact)

        s = uow.session
        base = scoped(select(SearchTerm.case_id, SearchTerm.person_id, SearchTerm.kind,
                             SearchTerm.term))
        # a reference, crime reference, postcode or phone: the whole query as one word
        codes = [TermKind.REFERENCE, TermKind.CRIME_REFERENCE, TermKind.POSTCODE,
                 TermKind.PHONE]
        if compact.isdigit() and len(compact) < 3:
            codes = [TermKind.REFERENCE]  # "64" is a case number, not a phone or a postcode
        take(s.execute(base.where(_starts(compact), SearchTerm.kind.in_(codes))
                       .limit(CANDIDATES)), exact_of=compact)
        if compact.isdigit() and compact.startswith("44") and len(compact) > 10:
            national = "0" + compact[2:]  # +44 7700 900456 is 07700 900456
            take(s.execute(base.where(_starts(national), SearchTerm.kind == TermKind.PHONE)
                           .limit(CANDIDATES)), exact_of=national)
        # a date of birth, typed as a person would: day, month and year apart
        born = None
        if re.fullmatch(r"\s*\d{1,4}\D+\d{1,2}\D+\d{2,4}\s*", text):
            try:
                born = parse_date(text, date.today())
            except DateTextError:
                born = None
        if born is not None:
            take(s.execute(base.where(SearchTerm.kind == TermKind.DATE_OF_BIRTH,
                                      SearchTerm.term == born.isoformat()).limit(CANDIDATES)))
        # names: every word (but numbers, which no name has) starts a name word of one person
        name_words = [w for w in words if not w.isdigit()]
        if name_words:
            each: list[Any] = [scoped(select(SearchTerm.case_id, SearchTerm.person_id)
                                      .where(SearchTerm.kind == TermKind.NAME, _starts(w)))
                               for w in name_words]
            # one word streams from its index range and stops at the limit
            both: Any = intersect(*each) if len(each) > 1 else each[0]
            people = both.subquery()
            pairs = s.execute(select(people).limit(CANDIDATES)).all()
            if pairs:
                # which of them have each typed word as a whole name word: the exact words'
                # entries in the index, kept to the cases found ("+ 0": read from the word,
                # not every word of each case)
                names: dict[tuple[int, int | None], set[str]] = {}
                for case_id, person_id, term in s.execute(
                        select(SearchTerm.case_id, SearchTerm.person_id, SearchTerm.term)
                        .where(SearchTerm.kind == TermKind.NAME,
                               SearchTerm.term.in_(set(name_words)),
                               (SearchTerm.case_id + 0).in_({c for c, _ in pairs}))):
                    names.setdefault((case_id, person_id), set()).add(term)
                take([_Row(c, p, TermKind.NAME, "=" if set(name_words) <= names.get((c, p), set())
                           else "~") for c, p in pairs], exact_of="=")
        hits = _hits(uow, found, limit)
        audit.record(uow, actor, "case.find", "cases", detail=f"find; {len(hits)} hits")
        uow.commit()
    return FindResult(tuple(hits), None if hits else HINT)


def _narrows(f: CaseFilter) -> bool:
    return any(v is not None for v in (f.scheme, f.status, f.worker_id, f.pathway_code,
                                       f.referred_from, f.referred_to)) or f.active_only


def _scope(uow: UnitOfWork, actor: Actor, within: CaseFilter | None) -> Any:
    """How a query on ``search_terms`` is kept to the cases the actor may see (and the case
    list's filters): joined to ``cases`` by id, so the planner starts from the word's index
    range and looks each case up, never the other way round; nothing to add for a coordinator
    with no filters."""
    from app.services import casefile

    clause = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
    narrowed = within is not None and _narrows(within)
    if actor.coordinates and not narrowed:
        return lambda q: q
    chosen = casefile.filtered_ids(uow, actor, replace(within, search=None)) \
        if narrowed and within is not None else None

    def scoped(q: Any) -> Any:
        # "+ 0": the case is looked up from the word, not the word from each case (SQLite
        # would otherwise walk every case of the worker and each of its words)
        q = q.join(Case, Case.id == SearchTerm.case_id + 0).where(clause)
        return q.where(Case.id.in_(chosen)) if chosen is not None else q
    return scoped


@dataclass(frozen=True)
class _Row:
    case_id: int
    person_id: int | None
    kind: TermKind
    term: str


def _hits(uow: UnitOfWork, found: dict[int, tuple[int, int | None, TermKind, bool]],
          limit: int) -> list[FindHit]:
    from app.services.casefile import case_rows

    if not found:
        return []
    s = uow.session
    # only the best (by score, newer cases first) are read: a wide word ("a") finds hundreds
    ids = sorted(found, key=lambda c: (found[c][0], c), reverse=True)[:limit * 2]
    found = {c: found[c] for c in ids}
    rows = case_rows(uow, ids)
    persons = {p for _, p, _, _ in found.values() if p is not None}
    named = {r.id: f"{r.first_name} {r.last_name}" for r in s.execute(
        select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(persons)))}
    # the parties of the cases found, by case only: an IN list on both columns is probed as
    # every pair of them (hundreds of cases times hundreds of people)
    roles = {(r.case_id, r.person_id): r.role for r in s.execute(
        select(CaseParty.case_id, CaseParty.person_id, CaseParty.role)
        .where(CaseParty.case_id.in_(ids))) if r.person_id in persons} if persons else {}
    ranked = []
    for case_id, (score, person_id, kind, exact) in found.items():
        row = rows[case_id]
        role = roles.get((case_id, person_id)) if person_id else None
        participant = person_id is None or role is PartyRole.PARTICIPANT
        ranked.append(((score + (5 if participant else 0), row.referral_date, case_id), FindHit(
            reference=row.reference, scheme=row.scheme, status=row.status,
            participant=row.participant,
            person=named.get(person_id) if person_id else None, role=role,
            matched=kind, referral_date=row.referral_date, exact=exact, row=row)))
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    return [hit for _, hit in ranked[:limit]]


# ---------------------------------------------------------------- the person being referred


#: How alike two folded names must be (difflib's ratio) to offer the person: with the same date
#: of birth a close spelling (Wisniewska / Wisnievska), without one nearly the same name.
SAME_BIRTH_LIKENESS = 0.75
NO_BIRTH_LIKENESS = 0.9
MAX_MATCHES = 5


def _likeness(typed: str, first: str, last: str) -> float:
    forward = SequenceMatcher(None, typed, fold(f"{first} {last}")).ratio()
    backward = SequenceMatcher(None, typed, fold(f"{last} {first}")).ratio()
    return max(forward, backward)


def matching_people(uow: UnitOfWork, actor: Actor, first_name: str, last_name: str,
                    date_of_birth: date | None) -> list[PersonMatch]:
    """People already recorded who may be the person being referred: the same date of birth
    and a close spelling of the name, or nearly the same name where a date of birth is not
    known, best first. Only people on a case the actor may see are offered, with only those
    cases named, so the list tells no one of a case they could not open. Audited
    ("person.match": how many, never the name)."""
    access.require(actor, Action.REFER)
    typed = fold(f"{first_name} {last_name}")
    last = fold(last_name).replace(" ", "")
    if len(fold(first_name)) < 1 or len(last) < 2:
        return []
    with uow:
        uow.begin_write()
        s = uow.session
        clause = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
        scoped = _scope(uow, actor, None)
        first = fold(first_name).split()[0]

        def people(kind: TermKind, term: Any) -> Any:
            return scoped(select(SearchTerm.person_id).where(SearchTerm.kind == kind, term))

        # the very name; a close spelling (same start of the surname, same initial); the date
        exact = intersect(*(people(TermKind.NAME, SearchTerm.term == w)
                            for w in typed.split()))
        close = intersect(people(TermKind.NAME, _starts(fold(last_name).split()[0][:3])),
                          people(TermKind.NAME, _starts(first[:1])))
        queries = [exact, close]
        if date_of_birth is not None:
            queries.append(people(TermKind.DATE_OF_BIRTH,
                                  SearchTerm.term == date_of_birth.isoformat()))
        wanted: set[int] = set()
        for q in queries:  # one at a time: SQLite cannot bracket an INTERSECT inside a UNION
            wanted |= set(s.scalars(select(q.subquery().c.person_id).limit(CANDIDATES)))
        candidates = s.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.date_of_birth)
            .where(Person.id.in_(wanted))).all() if wanted else []
        scored: list[tuple[float, Any]] = []
        for p in candidates:
            likeness = _likeness(typed, p.first_name, p.last_name)
            if date_of_birth is not None and p.date_of_birth is not None:
                if p.date_of_birth != date_of_birth or likeness < SAME_BIRTH_LIKENESS:
                    continue
                scored.append((likeness + 1, p))
            elif likeness >= NO_BIRTH_LIKENESS:
                scored.append((likeness, p))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        best = [p for _, p in scored[:MAX_MATCHES]]
        refs: dict[int, list[str]] = {}
        if best:
            for person_id, reference in s.execute(
                    select(CaseParty.person_id, Case.reference)
                    .join(Case, Case.id == CaseParty.case_id)
                    .where(CaseParty.person_id.in_([p.id for p in best]), clause)
                    .order_by(Case.reference)):
                refs.setdefault(person_id, []).append(reference)
        matches = [PersonMatch(p.id, f"{p.first_name} {p.last_name}", p.date_of_birth,
                               tuple(dict.fromkeys(refs.get(p.id, ()))), p.first_name,
                               p.last_name)
                   for p in best if refs.get(p.id)]
        audit.record(uow, actor, "person.match", "people",
                     detail=f"referral check; {len(matches)} matches")
        uow.commit()
        return matches
