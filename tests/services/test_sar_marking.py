"""Subject access packs mark everything about someone else: a filed document or attachment on
the requester's own case that holds another party's details is marked for redaction, and free
text (a note, an intervention's notes) that names another party is flagged for the reviewer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.db import Database
from app.models.cases import PartyRole, Scheme
from app.models.pathways import InterventionKind
from app.services import attachments, case_notes, casefile, documents, pathways, sar
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import make_case


def test_documents_scans_and_notes_about_another_party_are_marked(
        db: Database, coord: Actor, tmp_path: Path) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    me = detail.participant.person_id
    harmed = next(p for p in detail.parties if p.role == PartyRole.HARMED.value)
    assert harmed.name == "Harriet Wells" and detail.participant.name == "Jordan Avery"
    full = documents.generate(db.uow(), coord, ref, documents.Kind.SUMMARY)
    partner = documents.generate(db.uow(), coord, ref, documents.Kind.SUMMARY_PARTNER,
                                 organisation="Housing First")
    scan = attachments.add(db.uow(), coord, ref, b"%PDF-1.4\n%%EOF\n", "consent.pdf")
    today = date.today()
    mentions = pathways.log_intervention(db.uow(), coord, ref, InterventionInput(
        InterventionKind.CONTACT, today, "Home visit", notes="Jordan said HARRIET was upset"))
    by_surname = pathways.log_intervention(db.uow(), coord, ref, InterventionInput(
        InterventionKind.CONTACT, today, "Talked about Mrs Wells", notes=None))
    plain = pathways.log_intervention(db.uow(), coord, ref, InterventionInput(
        InterventionKind.CONTACT, today, "Phone call", notes="Jordan Avery is doing well; "
        "Harrietta is his sister"))  # his own name, and a longer word, are not a mention
    note = case_notes.add_note(db.uow(), coord, ref, case_notes.NoteInput(
        today, "Harriet Wells would like a letter."))

    result = sar.export(db.uow(), coord, me, tmp_path / "pack")
    tables = json.loads((tmp_path / "pack" / "data.json").read_text(encoding="utf-8"))["tables"]
    docs = {r["id"]: r for r in tables["documents"]}
    assert docs[full.id]["_redact"] is True
    assert "every party" in docs[full.id]["_redact_reason"]
    assert docs[partner.id]["_redact"] is False  # the partner summary names only him
    (att,) = tables["attachments"]
    assert att["id"] == scan.id and att["_redact"] is True
    rows = {r["id"]: r for r in tables["interventions"]}
    assert rows[mentions]["_review"] is True and "notes" in rows[mentions]["_review_reason"]
    assert rows[by_surname]["_review"] is True and "summary" in rows[by_surname]["_review_reason"]
    assert rows[plain]["_review"] is False and rows[plain]["_review_reason"] == ""
    assert {r["id"]: r["_review"] for r in tables["case_notes"]} == {note: True}
    assert all("_review" in r for rs in tables.values() for r in rs)
    assert result.review_rows == 3
    readme = (tmp_path / "pack" / "README.txt").read_text(encoding="utf-8")
    assert "3 rows are marked _review = yes" in readme

    # Harriet's own pack: the case is Jordan's, so its documents and records are marked for
    # redaction whole (and need no separate review flag)
    theirs = sar.collect(db.uow(), coord, harmed.person_id)
    assert {r["id"]: r["_redact"] for r in theirs.tables["documents"]} == {
        full.id: True, partner.id: True}
    assert all(r["_redact"] and not r["_review"] for r in theirs.tables["interventions"])
