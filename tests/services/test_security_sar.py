"""Subject access: the export holds every table linked to a person (read from the schema here,
independently of the service), every row of those tables is reachable from someone's export,
other people's rows are marked for redaction, and the pack on disk is complete."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, String, Table, select, text

from app.db import Database
from app.errors import AccessDenied, NotFound, ValidationError
from app.models import Base
from app.models.cases import PartyRole, Scheme
from app.models.users import Role
from app.services import attachments, case_notes, casefile, demo, documents, sar
from app.services.context import Actor
from app.services.users import sign_in
from tests.factories import make_case, make_user

ROOTS = {"people", "cases", "case_parties"}


def schema_linked() -> set[str]:
    """Every table that can hold data about a person: a foreign-key path to people, cases or
    case_parties, or a person_id / case_id column (the audit trail has no foreign keys)."""
    deps = {t.name: {fk.column.table.name for fk in t.foreign_keys}
            for t in Base.metadata.tables.values()}
    linked = set(ROOTS) | {t.name for t in Base.metadata.tables.values()
                           if {"person_id", "case_id"} & set(t.columns.keys())}
    while True:
        more = {name for name, d in deps.items() if d & linked} - linked
        if not more:
            return linked
        linked |= more


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.build(db.uow(), cases=40, seed=3)
    return db


def coordinator(db: Database) -> Actor:
    return sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)


def test_every_linked_table_is_in_every_export(demo_db: Database) -> None:
    coord = coordinator(demo_db)
    with demo_db.engine.connect() as conn:
        person_id = conn.execute(text("SELECT min(participant_id) FROM cases")).scalar_one()
    data = sar.collect(demo_db.uow(), coord, person_id)
    missing = schema_linked() - set(data.tables)
    assert not missing, f"tables linked to a person but not in the export: {sorted(missing)}"
    assert {t.name for t in sar.linked_tables()} == schema_linked()


def test_every_row_about_people_is_in_someones_export(demo_db: Database) -> None:
    """Exports of every person together cover every row of every linked table: no row about
    a person is out of reach of their subject access request."""
    coord = coordinator(demo_db)
    ref = demo_db.uow()
    with ref:
        first = ref.session.scalar(select(Base.metadata.tables["cases"].c.reference)
                                   .order_by(text("id")))
    assert first is not None
    documents.generate(demo_db.uow(), coord, first, documents.Kind.SUMMARY)
    attachments.add(demo_db.uow(), coord, first, b"%PDF-1.4\n%%EOF\n", "scan.pdf")
    case_notes.add_note(demo_db.uow(), coord, first,
                        case_notes.NoteInput(date.today(), "Spoke on the phone."))
    with demo_db.engine.connect() as conn:
        person_ids = [r[0] for r in conn.execute(text("SELECT id FROM people ORDER BY id"))]
        held: dict[str, set[int]] = {}
        for name in sorted(schema_linked()):
            where = ("WHERE case_id IS NOT NULL OR person_id IS NOT NULL"
                     if name == "audit_events" else "")
            held[name] = {r[0] for r in conn.execute(text(f"SELECT id FROM {name} {where}"))}
    seen: dict[str, set[int]] = {}
    for pid in person_ids:
        data = sar.collect(demo_db.uow(), coord, pid)
        for name, rows in data.tables.items():
            seen.setdefault(name, set()).update(r["id"] for r in rows)
    for name, ids in held.items():
        assert ids <= seen.get(name, set()), f"{name}: rows out of every export"
    # the demo fills most tables: the check above is not vacuous
    filled = {n for n, ids in seen.items() if ids}
    assert len(filled) >= len(schema_linked()) - 2, sorted(schema_linked() - filled)


def test_other_peoples_rows_are_marked_for_redaction(db: Database, coord: Actor,
                                                     fac: Actor) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    detail = casefile.get_case(db.uow(), fac, ref)
    harmed = next(p for p in detail.parties if p.role == PartyRole.HARMED.value)
    other_ref = make_case(db, coord, Scheme.CHECKPOINT)  # someone else entirely
    data = sar.collect(db.uow(), coord, harmed.person_id)
    people = {r["id"]: r for r in data.tables["people"]}
    assert set(people) == {harmed.person_id, detail.participant.person_id}
    assert people[harmed.person_id]["_redact"] is False
    assert people[detail.participant.person_id]["_redact"] is True
    parties = {r["person_id"]: r["_redact"] for r in data.tables["case_parties"]}
    assert parties == {harmed.person_id: False, detail.participant.person_id: True}
    (case_row,) = data.tables["cases"]
    assert case_row["reference"] == ref and case_row["_redact"] is True
    assert other_ref not in json.dumps(data.tables, default=str)
    views = [r for r in data.tables["audit_events"] if r["action"] == "case.view"]
    assert [r["username"] for r in views] == [fac.username]


def test_the_pack_on_disk_and_who_may_make_it(db: Database, coord: Actor, nav: Actor,
                                              tmp_path: Path) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    casefile.get_case(db.uow(), nav, ref)
    doc = documents.generate(db.uow(), coord, ref, documents.Kind.SUMMARY)
    person_id = casefile.get_case(db.uow(), coord, ref).participant.person_id
    out = tmp_path / "sar"
    result = sar.export(db.uow(), coord, person_id, out)
    payload = json.loads((out / "data.json").read_text(encoding="utf-8"))
    assert payload["person_id"] == person_id
    assert set(payload["tables"]) >= schema_linked()
    assert {p.stem for p in (out / "tables").glob("*.csv")} >= schema_linked()
    (filed,) = list((out / "documents").glob("*.pdf"))
    assert filed.read_bytes() == doc.content
    assert payload["tables"]["documents"][0]["file"] == f"documents/{filed.name}"
    with (out / "access-record.csv").open(encoding="utf-8-sig", newline="") as fh:
        access = list(csv.DictReader(fh))
    assert {"case.view", "document.generate", "case.create"} <= {r["action"] for r in access}
    assert nav.username in {r["user"] for r in access}
    assert result.documents == 1 and result.access_rows == len(access)
    assert (out / "README.txt").read_text().startswith("Subject access export")
    with pytest.raises(ValidationError, match="not an empty folder"):
        sar.export(db.uow(), coord, person_id, out)
    with pytest.raises(NotFound, match="There is no person 999999"):
        sar.collect(db.uow(), coord, 999999)
    for role in (Role.NAVIGATOR, Role.ADMINISTRATOR, Role.MENTOR, Role.FACILITATOR):
        with pytest.raises(AccessDenied, match="Only a coordinator"):
            sar.export(db.uow(), make_user(db, role), person_id, tmp_path / role.value)
        assert not (tmp_path / role.value).exists()


def test_a_table_added_later_is_exported_without_being_listed(db: Database, coord: Actor,
                                                               nav: Actor) -> None:
    """The export follows the schema: a new table naming a person is in it at once."""
    extra = Table("test_sar_aliases", Base.metadata,
                  Column("id", Integer, primary_key=True),
                  Column("person_id", ForeignKey("people.id")),
                  Column("alias", String(40)))
    try:
        extra.create(db.engine)
        ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
        pid = casefile.get_case(db.uow(), coord, ref).participant.person_id
        with db.engine.begin() as conn:
            conn.execute(extra.insert().values(person_id=pid, alias="Known as Jo"))
        assert "test_sar_aliases" in schema_linked()
        data = sar.collect(db.uow(), coord, pid)
        assert [r["alias"] for r in data.tables["test_sar_aliases"]] == ["Known as Jo"]
    finally:
        extra.drop(db.engine, checkfirst=True)
        Base.metadata.remove(extra)
