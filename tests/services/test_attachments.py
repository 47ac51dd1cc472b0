"""Attachments on both stores: a real PDF, PNG and JPEG attached to a case and to a record on it,
type read from the content (never the name), size capped, refusals saving nothing, access and
staleness as for any change, every add, view and removal in the case's History."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from app.db import Database
from app.errors import AccessDenied, StaleEdit, ValidationError, WorkflowError
from app.models.attachments import Attachment, MediaType, RecordKind
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.services import attachments, audit, casefile, pathways, sar
from app.services.attachments import RecordRef
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import make_case


def pdf_bytes(text: str = "Signed contract") -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 720, text)
    canvas.save()
    return buf.getvalue()


def image_bytes(fmt: str, size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buf, fmt)
    return buf.getvalue()


def count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Attachment)) or 0)


def version(db: Database, coord: Actor, ref: str) -> int:
    return casefile.get_case(db.uow(), coord, ref, audit_view=False).version


@pytest.fixture
def case_ref(db: Database, coord: Actor, nav: Actor) -> str:
    return make_case(db, coord, Scheme.CHECKPOINT, worker=nav)


def test_attach_to_the_case_and_to_a_record_then_open_each(db: Database, coord: Actor,
                                                           nav: Actor, case_ref: str) -> None:
    pdf, png, jpeg = pdf_bytes(), image_bytes("PNG"), image_bytes("JPEG")
    contact = pathways.log_intervention(db.uow(), nav, case_ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Wrote the apology letter"))
    a = attachments.add(db.uow(), nav, case_ref, pdf, "C:\\scans\\contract-signed.pdf")
    b = attachments.add(db.uow(), nav, case_ref, png, "letter.png",
                        title="Letter of apology to the shop",
                        record=RecordRef(RecordKind.INTERVENTION, contact))
    c = attachments.add(db.uow(), nav, case_ref, jpeg, "consent photo.jpg")
    assert (a.media_type, b.media_type, c.media_type) == (MediaType.PDF, MediaType.PNG,
                                                         MediaType.JPEG)
    assert (a.title, a.filename, a.attached_to) == ("contract-signed", "contract-signed.pdf",
                                                    "the case")
    assert b.record == RecordRef(RecordKind.INTERVENTION, contact)
    assert b.attached_to == f"intervention {contact}"
    listed = attachments.list_for_case(db.uow(), coord, case_ref)
    assert [x.id for x in listed] == [c.id, b.id, a.id]
    for item, content in ((a, pdf), (b, png), (c, jpeg)):
        opened = attachments.open_file(db.uow(), coord, item.id)
        assert opened.content == content and opened.summary.size_bytes == len(content)
    case_id = casefile.get_case(db.uow(), coord, case_ref, audit_view=False).id
    with db.uow() as uow:
        history = audit.case_history(uow, case_id)
    actions = [h.action for h in history if h.entity == "attachments"]
    assert actions.count("attachment.add") == 3 and actions.count("attachment.view") == 3
    added = next(h for h in history if h.action == "attachment.add" and h.entity_id == b.id)
    assert added.detail == f"PNG image, {len(png):,} bytes, on intervention:{contact}"


def test_the_type_comes_from_the_content_not_the_name(db: Database, nav: Actor,
                                                      case_ref: str) -> None:
    png_named_pdf = attachments.add(db.uow(), nav, case_ref, image_bytes("PNG"), "form.pdf")
    assert png_named_pdf.media_type is MediaType.PNG
    before = version(db, nav, case_ref)
    refused = {
        b"Dear Sir, this is a text file": "none of them",
        b"": "empty",
        b"%PDF-1.7\n1 0 obj <<>> endobj\n": "damaged or incomplete",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64: "PNG image is damaged",
        image_bytes("JPEG")[:200]: "JPEG image is damaged",
        image_bytes("GIF"): "none of them",
        b"%PDF-1.4\n" + b"0" * attachments.MAX_BYTES + b"\n%%EOF": "at most 10 MB",
    }
    for content, message in refused.items():
        with pytest.raises(ValidationError, match=message):
            attachments.add(db.uow(), nav, case_ref, content, "scan.pdf")
    assert count(db) == 1 and version(db, nav, case_ref) == before


def test_a_picture_with_too_many_pixels_is_refused(db: Database, nav: Actor,
                                                   case_ref: str) -> None:
    huge = image_bytes("PNG", (8000, 8000))  # one colour: small file, 64 million pixels
    assert len(huge) < attachments.MAX_BYTES
    with pytest.raises(ValidationError, match="too many pixels"):
        attachments.add(db.uow(), nav, case_ref, huge, "photo.png")
    assert count(db) == 0


def test_a_record_must_be_on_the_same_case(db: Database, coord: Actor, nav: Actor,
                                           case_ref: str) -> None:
    other = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    contact = pathways.log_intervention(db.uow(), nav, other, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Phoned"))
    for record in (RecordRef(RecordKind.INTERVENTION, contact),
                   RecordRef(RecordKind.CONTRACT, 999_999)):
        with pytest.raises(ValidationError, match=f"There is no {record.kind.label}"):
            attachments.add(db.uow(), nav, case_ref, pdf_bytes(), "x.pdf", record=record)
    with pytest.raises(ValidationError, match="KIND:ID"):
        RecordRef.parse("letter:4")
    assert RecordRef.parse(" Contract:3") == RecordRef(RecordKind.CONTRACT, 3)
    with pytest.raises(ValidationError, match="title is at most 200"):
        attachments.add(db.uow(), nav, case_ref, pdf_bytes(), "x.pdf", title="t" * 201)
    assert count(db) == 0


def test_access_staleness_and_removal(db: Database, coord: Actor, nav: Actor, mentor: Actor,
                                      case_ref: str) -> None:
    with pytest.raises(AccessDenied):
        attachments.add(db.uow(), mentor, case_ref, pdf_bytes(), "x.pdf")
    stale = version(db, nav, case_ref)
    added = attachments.add(db.uow(), nav, case_ref, pdf_bytes(), "x.pdf",
                            expected_version=stale)
    with pytest.raises(StaleEdit):
        attachments.add(db.uow(), nav, case_ref, pdf_bytes(), "y.pdf", expected_version=stale)
    with pytest.raises(AccessDenied):
        attachments.open_file(db.uow(), mentor, added.id)
    with pytest.raises(ValidationError, match="Say why"):
        attachments.remove(db.uow(), nav, added.id, "  ")
    by_coord = attachments.add(db.uow(), coord, case_ref, image_bytes("PNG"), "z.png")
    with pytest.raises(AccessDenied, match="Only the person who added"):
        attachments.remove(db.uow(), nav, by_coord.id, "wrong case")
    gone = attachments.remove(db.uow(), nav, added.id, "The wrong person's form")
    assert gone.removed and gone.removed_by == "Priya Navigator"
    assert gone.removed_reason == "The wrong person's form"
    assert attachments.remove(db.uow(), coord, by_coord.id, "Duplicate").removed
    with pytest.raises(WorkflowError, match="was removed"):
        attachments.open_file(db.uow(), coord, added.id)
    with pytest.raises(WorkflowError, match="removed already"):
        attachments.remove(db.uow(), coord, added.id, "again")
    listed = attachments.list_for_case(db.uow(), coord, case_ref)
    assert [x.removed for x in listed] == [True, True]
    with db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Attachment)
                                  .where(Attachment.content.is_not(None))) == 0
    case_id = casefile.get_case(db.uow(), coord, case_ref, audit_view=False).id
    with db.uow() as uow:
        actions = [h.action for h in audit.case_history(uow, case_id)]
    assert actions.count("attachment.remove") == 2


def test_the_subject_access_pack_holds_the_files(db: Database, coord: Actor, nav: Actor,
                                                 case_ref: str, tmp_path: Path) -> None:
    png, pdf = image_bytes("PNG"), pdf_bytes("Consent form")
    kept = attachments.add(db.uow(), nav, case_ref, png, "apology.png")
    removed = attachments.add(db.uow(), nav, case_ref, pdf, "wrong.pdf")
    attachments.remove(db.uow(), nav, removed.id, "Attached to the wrong case")
    person_id = casefile.get_case(db.uow(), coord, case_ref, audit_view=False) \
        .participant.person_id
    result = sar.export(db.uow(), coord, person_id, tmp_path / "pack")
    assert result.attachments == 1 and result.tables["attachments"] == 2
    assert (tmp_path / "pack" / f"attachments/{kept.id:06d}.png").read_bytes() == png
    rows = {r["id"]: r for r in json.loads((tmp_path / "pack" / "data.json").read_text(
        encoding="utf-8"))["tables"]["attachments"]}
    assert rows[kept.id]["file"] == f"attachments/{kept.id:06d}.png"
    assert rows[removed.id]["file"] is None
    assert rows[removed.id]["removed_reason"] == "Attached to the wrong case"
