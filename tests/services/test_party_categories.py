"""The ICO's categories of data subject (DPA 2018 s.38(3)), held per party per case: set from
the role when the party is added, changed by a worker with the change audited, and carried
into the case summary and the subject access pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import AccessDenied, StaleEdit, ValidationError
from app.models.cases import DataSubjectCategory, PartyRole, Scheme
from app.models.users import Role
from app.services import audit, casefile, documents, people, sar
from tests.factories import make_case, make_user, person
from tests.services.journeys import refused


def test_parties_start_with_their_roles_category(db, coord) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    people.add_party(db.uow(), coord, ref, PartyRole.SUPPORTER, person("Sam", "Friend"))
    people.add_party(db.uow(), coord, ref, PartyRole.HARMER, person("Ray", "Second"))
    detail = casefile.get_case(db.uow(), coord, ref)
    assert [(p.role, p.category) for p in detail.parties] == [
        ("participant", DataSubjectCategory.SUSPECT_OR_OFFENDER),
        ("harmed party", DataSubjectCategory.VICTIM),
        ("supporter", DataSubjectCategory.OTHER),
        ("harmer", DataSubjectCategory.SUSPECT_OR_OFFENDER)]


def test_a_worker_changes_a_category_and_it_is_audited(db, coord, fac) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    supporter = people.add_party(db.uow(), fac, ref, PartyRole.SUPPORTER,
                                 person("Sam", "Friend"))
    version = casefile.get_case(db.uow(), fac, ref).version
    people.set_category(db.uow(), fac, ref, supporter, DataSubjectCategory.WITNESS,
                        expected_version=version)
    detail = casefile.get_case(db.uow(), fac, ref)
    assert detail.party(supporter).category is DataSubjectCategory.WITNESS
    assert detail.version == version + 1
    rows = audit.search(db.uow(), coord, action="party.category", case_reference=ref)
    assert [r.detail for r in rows] == ["other -> witness"]
    with pytest.raises(StaleEdit):
        people.set_category(db.uow(), fac, ref, supporter, DataSubjectCategory.OTHER,
                            expected_version=version)
    refused(db, fac, ref, lambda: people.set_category(
        db.uow(), fac, ref, supporter, DataSubjectCategory.WITNESS), ValidationError,
        "already recorded as witness")
    other = make_user(db, Role.FACILITATOR, full_name="Other Facilitator")
    with pytest.raises(AccessDenied):
        people.set_category(db.uow(), other, ref, supporter, DataSubjectCategory.VICTIM)


def test_the_summary_and_the_subject_access_pack_carry_it(db, coord, tmp_path: Path) -> None:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    detail = casefile.get_case(db.uow(), coord, ref)
    pdf = documents.generate(db.uow(), coord, ref, documents.Kind.SUMMARY)
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf.content)
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)
    assert "(suspect or offender)" in text and "(victim)" in text
    harmed = next(p for p in detail.parties if p.role == "harmed party")
    people.set_category(db.uow(), coord, ref, harmed.id, DataSubjectCategory.WITNESS)
    result = sar.export(db.uow(), coord, harmed.person_id, tmp_path / "pack")
    readme = (result.folder / "README.txt").read_text()
    assert f"  {ref}: witness (harmed party)" in readme
    data = json.loads((result.folder / "data.json").read_text())
    assert data["categories"] == [{"case": ref, "role": "harmed party",
                                   "category": "witness"}]
    assert "category" in (result.folder / "tables" / "case_parties.csv").read_text(
        encoding="utf-8-sig").splitlines()[0].split(",")
