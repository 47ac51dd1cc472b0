"""DPA 2018 s.62: every filed document, print and subject access pack records to whom it is
disclosed and on what lawful basis. The usual recipient is the service's to decide; a partner
summary names its agency or is not filed; the audit names a party on the case by id only."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.models.cases import Scheme
from app.services import audit, casefile, documents, sar
from app.services.disclosure import LawfulBasis
from app.services.documents import Kind
from tests.factories import make_case


def _text(content: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(content)).pages)


def _details(db, coord, ref: str, action: str) -> list[str]:
    return [r.detail or "" for r in audit.search(db.uow(), coord, action=action,
                                                 case_reference=ref)]


def test_a_letter_is_disclosed_to_its_addressee_by_default(db, coord) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    harmed = next(p for p in detail.parties if p.role == "harmed party")
    doc = documents.generate(db.uow(), coord, ref, Kind.OUTCOME_HARMED, harmed.id)
    assert doc.disclosure is not None and doc.disclosure.party_id == harmed.id
    text = _text(doc.content)
    assert f"Disclosed to {harmed.name}. Lawful basis: law enforcement purposes" in text
    [filed] = documents.list_documents(db.uow(), coord, ref)
    assert filed.disclosure == doc.disclosure
    shown = casefile.get_case(db.uow(), coord, ref, audit_view=False).documents
    assert [(d.disclosed_to, d.basis) for d in shown] == [
        (harmed.name, LawfulBasis.LAW_ENFORCEMENT)]
    [generated] = _details(db, coord, ref, "document.generate")
    assert generated.endswith(f"; to: party {harmed.id}; basis: law enforcement")
    assert harmed.name not in generated  # the trail outlives an erasure: no name in it
    documents.print_filed(db.uow(), coord, doc.id)
    assert _details(db, coord, ref, "document.print") == [
        f"outcome-harmed; to: party {harmed.id}; basis: law enforcement"]


def test_the_officer_and_the_team_are_the_usual_recipients(db, coord) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    officer = documents.generate(db.uow(), coord, ref, Kind.OUTCOME_OFFICER)
    assert officer.disclosure is not None
    assert officer.disclosure.recipient == "PC 1234 Example"
    full = documents.generate(db.uow(), coord, ref, Kind.SUMMARY)
    assert full.disclosure is not None
    assert full.disclosure.basis is LawfulBasis.WITHIN_THE_TEAM
    assert "Lawful basis: the team's own use; not disclosed outside it" in _text(full.content)


def test_a_partner_summary_names_its_agency_or_is_not_filed(db, coord) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    with pytest.raises(ValidationError, match="Say to whom the case summary for a partner"):
        documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER)
    assert documents.list_documents(db.uow(), coord, ref) == []
    assert _details(db, coord, ref, "document.generate") == []
    # on screen it may wait to be named; it is not filed so
    draft = documents.preview(db.uow(), coord, ref, Kind.SUMMARY_PARTNER)
    assert "(to be named before it is filed)" in _text(draft.content)
    with pytest.raises(ValidationError):
        documents.preview(db.uow(), coord, ref, Kind.SUMMARY_PARTNER, named=True)
    doc = documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER,
                             disclosed_to="Ann Lee", organisation="Housing First",
                             basis="safeguarding")
    assert "Disclosed to Ann Lee, Housing First. Lawful basis: safeguarding" in _text(doc.content)
    assert _details(db, coord, ref, "document.generate")[0].endswith(
        "; to: Ann Lee, Housing First; basis: safeguarding")
    with pytest.raises(ValidationError, match="not a lawful basis"):
        documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER,
                           organisation="Housing First", basis="because")
    with pytest.raises(ValidationError, match="120 characters"):
        documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER, organisation="x" * 121)
    assert len(documents.list_documents(db.uow(), coord, ref)) == 1


def test_a_letter_given_to_someone_else_says_so(db, coord) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    doc = documents.generate(db.uow(), coord, ref, Kind.SUMMARY, disclosed_to="Her solicitor",
                             organisation="Law and Co", basis=LawfulBasis.CONSENT)
    assert doc.disclosure is not None and doc.disclosure.party_id is None
    assert doc.disclosure.basis is LawfulBasis.CONSENT


def test_a_subject_access_pack_records_its_recipient(db, coord, tmp_path: Path) -> None:
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    documents.generate(db.uow(), coord, ref, Kind.OUTCOME_OFFICER)
    me = detail.participant.person_id
    with pytest.raises(ValidationError):
        sar.export(db.uow(), coord, me, tmp_path / "bad", organisation="Law and Co",
                   basis="whim")
    assert not (tmp_path / "bad").exists()
    result = sar.export(db.uow(), coord, me, tmp_path / "pack")
    readme = (result.folder / "README.txt").read_text()
    assert ("Disclosed to The person themselves. Lawful basis: the person's right of access"
            in readme)
    assert "PC 1234 Example (law enforcement)" in readme  # the officer letter's recipient
    data = json.loads((result.folder / "data.json").read_text())
    assert data["disclosed_to"] == {"name": "The person themselves", "organisation": "",
                                    "basis": "subject access"}
    packs = [r.detail or "" for r in audit.search(db.uow(), coord, action="person.sar")]
    assert packs[0].endswith("; to: The person themselves; basis: subject access")
    other = sar.export(db.uow(), coord, me, tmp_path / "pack2", disclosed_to="A Solicitor",
                       organisation="Law and Co")
    assert other.disclosure is not None
    assert other.disclosure.basis is LawfulBasis.SUBJECT_ACCESS
    assert other.disclosure.recipient == "A Solicitor, Law and Co"
