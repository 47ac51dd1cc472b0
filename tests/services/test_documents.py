"""The documents service on a real database: filing, audit, reprint, access, redaction on a
restricted case, the batch of appointment letters, and hostile text typed into a record."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from app.db import Database
from app.errors import AccessDenied, ValidationError, WorkflowError
from app.models.cases import Scheme
from app.models.documents import Document
from app.models.people import DocumentFormat, Gender
from app.models.users import Role
from app.services import appointments, audit, casefile, documents
from app.services.appointments import AppointmentInput
from app.services.documents import Kind
from app.services.organisation import Organisation, get_organisation, set_organisation
from tests.factories import at, make_case, make_user, person

#: The partner agency a partner summary is disclosed to (it has no usual recipient).
AGENCY = "Housing First"

def _text(content: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(content)).pages)


def test_generate_files_audits_and_reprints_the_same_document(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    fac = make_user(db, Role.FACILITATOR)
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    detail = casefile.get_case(db.uow(), fac, ref, audit_view=False)
    harmed = next(p for p in detail.parties if p.role == "harmed party")

    doc = documents.generate(db.uow(), fac, ref, Kind.OUTCOME_HARMED)

    assert doc.id is not None and doc.recipient_party_id == harmed.id
    assert doc.template_name == "outcome-harmed" and doc.template_version == "1.1"
    with db.uow() as uow:
        row = uow.session.get(Document, doc.id)
        assert row is not None
        assert (row.sha256, row.size_bytes, row.created_by_id) == (
            doc.sha256, len(doc.content), fac.user_id)
        assert row.recipient_party_id == harmed.id and row.audience == "harmed party"
        trail = audit.case_history(uow, detail.id)
    assert any(r.action == "document.generate" and r.entity_id == doc.id for r in trail)

    again = documents.reprint(db.uow(), fac, doc.id)
    assert again.content == doc.content and again.sha256 == doc.sha256
    assert _text(again.content) == _text(doc.content)
    listed = documents.list_documents(db.uow(), fac, ref)
    assert [d.id for d in listed] == [doc.id]
    tab = casefile.get_case(db.uow(), fac, ref, audit_view=False).documents
    assert [d.id for d in tab] == [doc.id] and tab[0].recipient == harmed.name


def test_preview_is_not_filed_but_hashes_like_the_filed_copy(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    shown = documents.preview(db.uow(), coord, ref, Kind.SUMMARY_PARTNER,
                              organisation=AGENCY)
    assert shown.id is None and documents.list_documents(db.uow(), coord, ref) == []
    filed = documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER,
                                organisation=AGENCY)
    assert filed.sha256 == shown.sha256


def test_access_rules(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    other_nav = make_user(db, Role.NAVIGATOR)
    mentor = make_user(db, Role.MENTOR)
    admin = make_user(db, Role.ADMINISTRATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    documents.generate(db.uow(), nav, ref, Kind.SUMMARY_PARTNER, organisation=AGENCY)
    for outsider in (other_nav, mentor, admin):
        with pytest.raises(AccessDenied):
            documents.preview(db.uow(), outsider, ref, Kind.SUMMARY_PARTNER)
    with pytest.raises(AccessDenied):
        documents.generate(db.uow(), nav, ref, Kind.SUMMARY)  # full summary: coordinators
    full = documents.generate(db.uow(), coord, ref, Kind.SUMMARY)
    with pytest.raises(AccessDenied):
        documents.reprint(db.uow(), nav, full.id or 0)


def test_wrong_recipient_or_kind_is_refused_plainly(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    harmed = next(p for p in detail.parties if p.role == "harmed party")
    with pytest.raises(ValidationError):
        documents.preview(db.uow(), coord, ref, Kind.OUTCOME_PARTICIPANT, harmed.id)
    with pytest.raises(ValidationError):
        documents.preview(db.uow(), coord, ref, Kind.OUTCOME_HARMED, detail.participant.id)
    with pytest.raises(WorkflowError):
        documents.preview(db.uow(), coord, ref, Kind.CONTRACT)
    with pytest.raises(WorkflowError):
        documents.preview(db.uow(), coord, ref, Kind.OUTCOME_PARTICIPANT)  # no outcome yet
    with pytest.raises(ValidationError):
        documents.preview(db.uow(), coord, ref, Kind.SUMMARY, variant="tiny")


def test_restricted_case_tells_the_harmed_party_and_partners_nothing_of_the_offence(
        db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    harmed = person("Harriet", "Wells", gender=Gender.FEMALE, address_line1="14 Test Street",
                    postcode="DL3 7ZZ", phone="07700 900777", email="harriet@example.org")
    ref = make_case(db, coord, Scheme.CHECKPOINT, harmed=harmed, restricted=True)
    detail = casefile.get_case(db.uow(), coord, ref, audit_view=False)
    assert detail.restricted and detail.offence
    letter = _text(documents.preview(db.uow(), coord, ref, Kind.OUTCOME_HARMED).content)
    assert "Dear Harriet Wells" in letter and "14 Test Street" in letter
    assert "the matter you reported" in letter
    for kind in (Kind.OUTCOME_HARMED, Kind.OUTCOME_OFFICER, Kind.SUMMARY_PARTNER):
        text = _text(documents.preview(db.uow(), coord, ref, kind).content).lower()
        assert detail.offence.lower() not in text, kind
        assert "12 test street" not in text  # the participant's address
        if kind is not Kind.OUTCOME_HARMED:
            assert "14 test street" not in text
    full = _text(documents.preview(db.uow(), coord, ref, Kind.SUMMARY).content)
    assert detail.offence in full  # the team's own record keeps it


def test_batch_appointment_letters_with_progress_and_cancel(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    mentor = make_user(db, Role.MENTOR)
    week = documents.next_week()
    days = (week[0] - at(0).date()).days
    refs = []
    for n in range(3):
        ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor,
                        participant=person(f"Nia{n}", "Hughes", gender=Gender.FEMALE,
                                           document_format=DocumentFormat.LARGE_PRINT))
        appointments.schedule(db.uow(), mentor, ref, AppointmentInput(
            starts_at=at(days + n, hour=11), purpose="Key work session",
            location="Women's Centre", bail_condition=True))
        refs.append(ref)
    outside = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    appointments.schedule(db.uow(), mentor, outside, AppointmentInput(
        starts_at=at(days + 9), purpose="Later", bail_condition=True))

    seen: list[tuple[int, int, str]] = []
    result = documents.appointment_letters(db.uow(), mentor, *week,
                                           progress=lambda d, t, r: seen.append((d, t, r)))
    assert not result.cancelled and not result.skipped
    assert sorted(d.reference for d in result.documents) == sorted(refs)
    assert [s[:2] for s in seen] == [(1, 3), (2, 3), (3, 3)]
    assert all(d.variant == "large-print" and d.id for d in result.documents)
    first = result.documents[0]
    assert "conditions of your bail" in _text(first.content)

    stop = iter([False, True])
    part = documents.appointment_letters(db.uow(), mentor, *week, cancelled=lambda: next(stop))
    assert part.cancelled and len(part.documents) == 1
    assert week[1] - week[0] == timedelta(days=6) and week[0].weekday() == 0


def test_hostile_text_in_a_record_prints_as_typed(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    nasty = person("Zoë <img src=x>", "O'Neill & <font size=40>Şahin</font>",
                   gender=Gender.FEMALE)
    ref = make_case(db, coord, Scheme.GATEWAY, participant=nasty)
    doc = documents.generate(db.uow(), coord, ref, Kind.SUMMARY_PARTNER,
                                organisation=AGENCY)
    text = _text(doc.content)
    assert "Zoë <img src=x> O'Neill & <font size=40>Şahin</font>" in text
    reader = PdfReader(io.BytesIO(doc.content))
    assert sum(len(p.images) for p in reader.pages) == 0


def test_letterhead_comes_from_settings(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    admin = make_user(db, Role.ADMINISTRATOR)
    with pytest.raises(AccessDenied):
        set_organisation(db.uow(), coord, Organisation(name="Nope"))
    set_organisation(db.uow(), admin, Organisation(
        name="Tees Valley Restorative Hub", address=("1 Quay Side", "Stockton TS18 1AA"),
        phone="01642 000000", email="hub@example.org"))
    assert get_organisation(db.uow()).address == ("1 Quay Side", "Stockton TS18 1AA")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    text = _text(documents.preview(db.uow(), coord, ref, Kind.OUTCOME_OFFICER).content)
    assert "Tees Valley Restorative Hub" in text and "01642 000000" in text
    assert "Page 1 of 1" in text
