"""Subject access: everything held about one person, with other people's data marked.

Which tables hold something about a person is read from the schema itself (``Base.metadata``),
not from a list kept by hand: the person's row, every case they are a party to, and every row
that reaches those through a foreign key (directly or through a chain, such as
contract -> condition). The audit trail has no foreign keys (it must outlive what it records), so
its rows are added by ``person_id`` and ``case_id``. A table added later is exported without
anyone remembering to add it here, and a test walks the schema to hold this to account.

Each exported row carries ``_redact`` and ``_redact_reason``: a row about another person (a
co-party, a non-party attendee, a case whose participant is someone else) is marked for the
reviewer to redact before release. So is a filed document or attachment that holds another
person's details although it belongs to the requester's own case: a full case summary lists
every party, an outcome agreement names everyone who took part, and a scan may hold anything.
Each row also carries ``_review`` and ``_review_reason``: a free-text column (a note, a summary,
a reason...) that names another person on the requester's cases, by first or last name, is
flagged for the reviewer to read and redact within. Nothing is removed automatically; the
officer decides.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, or_, select

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, ValidationError
from app.models import Base
from app.models.base import utcnow
from app.services import audit
from app.services.context import Actor
from app.services.disclosure import Disclosure, LawfulBasis, disclosure
from app.services.export import write_csv

PEOPLE, CASES, PARTIES, AUDIT = "people", "cases", "case_parties", "audit_events"
ATTACHMENTS = "attachments"
#: Whom a pack goes to unless the officer says otherwise.
SUBJECT = "The person themselves"
#: Staff and configuration: never about the data subject, and never walked into.
NOT_ABOUT_A_PERSON = frozenset({"users", "app_settings", "alembic_version"})


def _loose(table: Table) -> list[str]:
    """``person_id``/``case_id`` columns without a foreign key (the audit trail's kind)."""
    return [c.name for c in table.columns
            if c.name in ("person_id", "case_id") and not c.foreign_keys]


def linked_tables() -> list[Table]:
    """Tables that hold data about a person: ``people``, every table with a foreign-key path
    to it (the path may pass through ``cases`` or ``case_parties``), and tables that name a
    person or case by id without a foreign key (the audit trail), parents first."""
    linked: set[str] = {PEOPLE} | {t.name for t in Base.metadata.sorted_tables if _loose(t)}
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name in linked or table.name in NOT_ABOUT_A_PERSON:
                continue
            if any(fk.column.table.name in linked for fk in table.foreign_keys):
                linked.add(table.name)
                changed = True
    return [t for t in Base.metadata.sorted_tables if t.name in linked]


@dataclass
class SarData:
    """What a subject access export holds, before it is written out."""

    person_id: int
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: document id -> PDF bytes (the documents table lists them, marked like any row)
    documents: dict[int, bytes] = field(default_factory=dict)
    #: attachment id -> the scanned or photographed file (listed in the attachments table)
    attachments: dict[int, bytes] = field(default_factory=dict)

    @property
    def redacted_rows(self) -> int:
        return sum(1 for rows in self.tables.values() for r in rows if r["_redact"])

    @property
    def review_rows(self) -> int:
        return sum(1 for rows in self.tables.values() for r in rows if r["_review"])


@dataclass(frozen=True)
class SarResult:
    person_id: int
    folder: Path
    tables: dict[str, int]
    documents: int
    access_rows: int
    redacted_rows: int
    attachments: int = 0
    #: rows whose free text names another person: read before release
    review_rows: int = 0
    #: to whom the pack is disclosed and why
    disclosure: Disclosure | None = None


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None  # document bytes are written as files beside the data
    return value


def collect(uow: UnitOfWork, actor: Actor, person_id: int, *,
            disclosed: Disclosure | None = None) -> SarData:
    """Everything held about ``person_id``, read in one transaction and audited (with to whom
    the pack is disclosed, when it is written out).

    Only a coordinator may: a subject access request is answered for the whole partnership,
    and only coordinators see every case."""
    if not actor.coordinates:
        raise AccessDenied("Only a coordinator can answer a subject access request.")
    people = Base.metadata.tables[PEOPLE]
    cases = Base.metadata.tables[CASES]
    parties = Base.metadata.tables[PARTIES]
    with uow:
        uow.begin_write()
        s = uow.session
        if s.execute(select(people.c.id).where(people.c.id == person_id)).first() is None:
            raise NotFound(f"There is no person {person_id}.", field="person")
        case_ids = set(s.scalars(select(cases.c.id).where(cases.c.participant_id == person_id)))
        case_ids |= set(s.scalars(select(parties.c.case_id)
                                  .where(parties.c.person_id == person_id)))
        party_person = dict(s.execute(select(parties.c.id, parties.c.person_id)
                                      .where(parties.c.case_id.in_(case_ids))).all())
        people_ids = {person_id, *party_person.values()}
        # case id -> people on it besides the requester
        others_on: dict[int, set[int]] = {c: set() for c in case_ids}
        for case_id, pid in s.execute(select(parties.c.case_id, parties.c.person_id)
                                      .where(parties.c.case_id.in_(case_ids))):
            if pid != person_id:
                others_on[case_id].add(pid)
        for case_id, pid in s.execute(select(cases.c.id, cases.c.participant_id)
                                      .where(cases.c.id.in_(case_ids))):
            if pid != person_id:
                others_on[case_id].add(pid)
        data = SarData(person_id)
        found: dict[str, list[dict[str, Any]]] = {}
        flags: dict[str, dict[Any, tuple[bool, str]]] = {}
        for table in linked_tables():
            rows = _select(uow, table, found, person_id, people_ids, case_ids)
            pk = table.primary_key.columns.values()[0].name
            found[table.name] = rows
            out = []
            for row in rows:
                redact, why = _mark(table, row, person_id, party_person, flags)
                if not redact:
                    redact, why = _holds_others(table, row, others_on)
                flags.setdefault(table.name, {})[row[pk]] = (redact, why)
                clean = {k: _plain(v) for k, v in row.items()}
                clean["_redact"], clean["_redact_reason"] = redact, why
                out.append(clean)
                if table.name == "documents" and row.get("content") is not None:
                    data.documents[row[pk]] = bytes(row["content"])
                if table.name == ATTACHMENTS and row.get("content") is not None:
                    data.attachments[row[pk]] = bytes(row["content"])
            data.tables[table.name] = out
        _flag_named_others(data)
        audit.record(uow, actor, "person.sar", PEOPLE, person_id, person_id=person_id,
                     detail=f"{len(case_ids)} cases, {sum(map(len, data.tables.values()))} "
                            f"rows, {len(data.documents)} documents, "
                            f"{len(data.attachments)} attachments"
                            + (f"; {disclosed.audit_detail}" if disclosed else ""))
        uow.commit()
        return data


def _select(uow: UnitOfWork, table: Table, found: dict[str, list[dict[str, Any]]],
            person_id: int, people_ids: set[int], case_ids: set[int]) -> list[dict[str, Any]]:
    """Rows of ``table`` that hang off rows already found (any foreign key), or that name the
    person directly. A co-party's people row is found through the case, never their other
    cases: ``cases`` is limited to the person's own."""
    if table.name == CASES:
        q = select(table).where(table.c.id.in_(case_ids))
    else:
        conds = []
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if target == PEOPLE and table.name != PEOPLE:
                conds.append(fk.parent == person_id)
            elif target in found and target != PEOPLE:
                values = {r[fk.column.name] for r in found[target]}
                conds.append(fk.parent.in_(values))
        for name in _loose(table):
            conds.append(table.c[name] == person_id if name == "person_id"
                         else table.c[name].in_(case_ids))
        if table.name == PEOPLE:
            conds.append(table.c.id.in_(people_ids))
        q = select(table).where(or_(*conds))
    pk = table.primary_key.columns.values()[0]
    return [dict(r._mapping) for r in uow.session.execute(q.order_by(pk))]


def _mark(table: Table, row: dict[str, Any], person_id: int, party_person: dict[int, int],
          flags: dict[str, dict[Any, tuple[bool, str]]]) -> tuple[bool, str]:
    """Is this row about someone other than the requester? A row that names the requester
    directly is theirs; one that names someone else is not; otherwise it follows its parent."""
    if table.name == PEOPLE:
        return (False, "") if row["id"] == person_id else (True, "another person")
    named_self = named_other = False
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        if value is None:
            continue
        target = fk.column.table.name
        if target == PEOPLE:
            named_self |= value == person_id
            named_other |= value != person_id
        elif target == PARTIES:
            named_self |= party_person.get(value) == person_id
            named_other |= party_person.get(value) != person_id
    if table.name == PARTIES or named_self:
        return (False, "") if named_self else (True, "another party on the case")
    if named_other:
        return True, ("the case's participant is another person" if table.name == CASES
                      else "about another party on the case")
    if table.name == "conference_participants" and row.get("name"):
        return True, "an attendee who is not the requester"
    for fk in table.foreign_keys:
        parent = flags.get(fk.column.table.name, {}).get(row.get(fk.parent.name))
        if parent and parent[0]:
            return parent
    return False, ""


def _holds_others(table: Table, row: dict[str, Any], others_on: dict[int, set[int]]
                  ) -> tuple[bool, str]:
    """A document or attachment on the requester's own case that still holds someone else's
    details (the row itself is the requester's; what it contains is not only theirs)."""
    from app.services.documents import Kind

    if not others_on.get(row.get("case_id") or 0):
        return False, ""
    if table.name == "documents":
        if row.get("kind") == Kind.SUMMARY.value:
            return True, "the full case summary lists every party's name and contact details"
        if row.get("kind") == Kind.AGREEMENT.value:
            return True, "the outcome agreement names everyone who took part"
    if table.name == ATTACHMENTS:
        return True, "a scanned or photographed document on a case with other people: check " \
                     "it for their details"
    return False, ""


def _other_names(data: SarData) -> list[str]:
    """The names by which a note could mention someone else on the requester's cases: each
    other person's first name, last name and both, and each named attendee's name."""
    names: set[str] = set()
    for p in data.tables.get(PEOPLE, []):
        if p["id"] == data.person_id:
            continue
        first, last = (p.get("first_name") or "").strip(), (p.get("last_name") or "").strip()
        names |= {n for n in (first, last, f"{first} {last}".strip()) if len(n) >= 2}
    for a in data.tables.get("conference_participants", []):
        if a.get("name"):
            names |= {w for w in (a["name"].strip(), *a["name"].split()) if len(w) >= 3}
    own = next((p for p in data.tables.get(PEOPLE, []) if p["id"] == data.person_id), {})
    # the requester's own names are theirs, even when someone else shares one of them
    names -= {(own.get("first_name") or "").strip(), (own.get("last_name") or "").strip()}
    return sorted(names, key=len, reverse=True)


def _flag_named_others(data: SarData) -> None:
    """Set ``_review`` on every row of the requester's own whose free text (the columns
    retention treats as typed about someone) names another person on the requester's cases."""
    from app.services.retention import SCRUBBED_TEXT

    names = _other_names(data)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)",
                         re.IGNORECASE) if names else None
    for table, rows in data.tables.items():
        columns = [c.split(".", 1)[1] for c in SCRUBBED_TEXT if c.startswith(f"{table}.")]
        for row in rows:
            # a row marked for redaction goes to the reviewer whole already
            hits = [c for c in columns if table != PEOPLE and pattern is not None
                    and not row["_redact"] and isinstance(row.get(c), str)
                    and pattern.search(row[c])]
            row["_review"] = bool(hits)
            row["_review_reason"] = (f"{', '.join(sorted(hits))} names another person on the "
                                     "case: read it and redact what is theirs") if hits else ""


def export(uow: UnitOfWork, actor: Actor, person_id: int, out_dir: Path, *,
           disclosed_to: str | None = None, organisation: str | None = None,
           basis: LawfulBasis | str | None = None) -> SarResult:
    """Write the subject access pack to ``out_dir`` (new or empty): ``data.json`` (all of it),
    one CSV per table, ``access-record.csv`` (who looked at or changed what, and when),
    ``documents/`` (the filed PDFs, each listed with to whom it was disclosed) and
    ``README.txt`` for the officer who reviews it. The pack records to whom it is disclosed
    (DPA 2018 s.62): the person themselves under their right of access unless
    ``disclosed_to``/``organisation``/``basis`` say otherwise (a solicitor acting for them)."""
    from app.services.files import new_folder, write_file

    if (disclosed_to or "").strip() or (organisation or "").strip():
        shown = disclosure(disclosed_to, organisation, basis or LawfulBasis.SUBJECT_ACCESS)
    else:
        shown = disclosure(SUBJECT, None, basis or LawfulBasis.SUBJECT_ACCESS)

    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise ValidationError(f"{out_dir} is not an empty folder; choose a new one.",
                              field="out")
    data = collect(uow, actor, person_id, disclosed=shown)
    access = data.tables[AUDIT]
    # the pack is written under a hidden name and renamed into place: a failure leaves no
    # partial folder, and every file in it is readable by the user only
    with new_folder(out_dir) as work:
        os.mkdir(work / "tables", 0o700)
        doc_names: dict[int, str] = {}
        if data.documents:
            os.mkdir(work / "documents", 0o700)
            kinds = {r["id"]: r["kind"] for r in data.tables.get("documents", [])}
            for doc_id, content in data.documents.items():
                name = f"{doc_id:06d}-{kinds.get(doc_id, 'document')}.pdf"
                write_file(work / "documents" / name, content)
                doc_names[doc_id] = name
        for row in data.tables.get("documents", []):
            row["file"] = (f"documents/{doc_names[row['id']]}" if row["id"] in doc_names
                           else None)
        _write_attachments(work, data)
        for name, rows in data.tables.items():
            _table_csv(work / "tables" / f"{name}.csv", rows)
        write_csv(work / "access-record.csv",
                  ("when", "user", "action", "record", "record id", "case id", "detail"),
                  ((r["at"], r["username"], r["action"], r["entity"], r["entity_id"],
                    r["case_id"], r["detail"]) for r in access))
        payload = {
            "person_id": person_id,
            "generated_at": utcnow().isoformat(),
            "generated_by": actor.username,
            "disclosed_to": {"name": shown.name, "organisation": shown.organisation,
                             "basis": shown.basis.value},
            "categories": [dict(zip(("case", "role", "category"), c, strict=True))
                           for c in categories(data)],
            "note": "Rows with _redact true concern someone else: review before release. "
                    "Rows with _review true have free text that names someone else: read "
                    "them.",
            "tables": data.tables,
        }
        write_file(work / "data.json", json.dumps(payload, indent=2, ensure_ascii=False,
                                                  default=str).encode("utf-8"))
        write_file(work / "README.txt", _readme(data, shown).encode("utf-8"))
    return SarResult(person_id, out_dir, {k: len(v) for k, v in data.tables.items()},
                     len(data.documents), len(access), data.redacted_rows,
                     attachments=len(data.attachments), review_rows=data.review_rows,
                     disclosure=shown)


def _write_attachments(out_dir: Path, data: SarData) -> None:
    """Scanned and photographed documents as files, named by id and type, each listed in
    ``tables/attachments.csv`` with its file (a removed one is listed with no file)."""
    rows = data.tables.get(ATTACHMENTS, [])
    from app.services.files import write_file

    if data.attachments:
        os.mkdir(out_dir / ATTACHMENTS, 0o700)
    for row in rows:
        content = data.attachments.get(row["id"])
        if content is None:
            row["file"] = None
            continue
        ext = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(
            row["media_type"], "bin")
        name = f"{row['id']:06d}.{ext}"
        write_file(out_dir / ATTACHMENTS / name, content)
        row["file"] = f"{ATTACHMENTS}/{name}"


def _table_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    header: list[str] = []
    for row in rows:
        header.extend(k for k in row if k not in header)
    write_csv(path, header, ([r.get(k) for k in header] for r in rows))


def categories(data: SarData) -> list[tuple[str, str, str]]:
    """(case reference, role, ICO category) of the person on each of their cases: how the
    partnership's law-enforcement processing sorts them (DPA 2018 s.38(3))."""
    refs = {r["id"]: r["reference"] for r in data.tables.get(CASES, [])}
    return sorted((refs.get(r["case_id"], str(r["case_id"])), r["role"], r["category"])
                  for r in data.tables.get(PARTIES, []) if r["person_id"] == data.person_id)


def _readme(data: SarData, shown: Disclosure) -> str:
    held_as = [f"  {ref}: {category} ({role})" for ref, role, category in categories(data)]
    given = [f"  {r['file'] or r['title']}: " + (
        ", ".join(x for x in (r.get("disclosed_to"), r.get("disclosed_org")) if x)
        + f" ({r['disclosure_basis']})" if r.get("disclosure_basis") else "not recorded")
        for r in data.tables.get("documents", [])]
    lines: Iterable[str] = [
        f"Subject access export for person {data.person_id}",
        shown.line,
        "",
        "data.json          everything below in one file",
        "tables/*.csv       one file per kind of record",
        "access-record.csv  who viewed, changed, printed or exported these records, and when",
        "documents/         the letters and documents filed on the person's cases",
        "attachments/       scanned or photographed documents attached to those cases",
        "",
        f"{data.redacted_rows} rows are marked _redact = yes: they are about someone else (a",
        "co-party, an attendee, a case whose participant is another person), or are a filed",
        "document or attachment that holds someone else's details (a full case summary, an",
        "outcome agreement, a scan). Review and redact them before release.",
        f"{data.review_rows} rows are marked _review = yes: a note or other free text in them",
        "names another person on the case (_review_reason says which columns). Read them and",
        "redact what is about that person. Other notes may mention people by other words.",
        "",
        "How the person is recorded on each case (the ICO's categories of data subject for",
        "law-enforcement processing: suspect or offender, victim, witness, other):",
        *(held_as or ["  on no case"]),
        "",
        "To whom each filed document was disclosed, and on what basis:",
        *(given or ["  no documents"]),
    ]
    return "\n".join(lines) + "\n"
