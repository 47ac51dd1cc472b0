"""Attachments: a scanned or photographed document (PDF, PNG or JPEG) on a case or on one record
of it, such as a signed contract, a consent form or a letter of apology.

A file's type is read from its content, never from its name: a PDF starts ``%PDF-`` and ends
with ``%%EOF``; an image must open in Pillow (which reportlab already depends on) as the PNG or
JPEG its first bytes say, within a pixel budget. Anything else, an empty file or one over
:data:`MAX_BYTES` is refused with a plain message and nothing is saved.

Adding and removing change the case (its lock, version and access rules, one transaction with
the audit row); opening one is audited too, so History lists each attachment's whole life.
Removing keeps the row (who added it, who removed it, when and why) and drops the bytes.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import undefer

from app.db import UnitOfWork
from app.errors import AccessDenied, NotFound, ValidationError, WorkflowError
from app.models.appointments import Appointment
from app.models.attachments import Attachment, MediaType, RecordKind
from app.models.cases import Case, CaseParty, ConsentRecord
from app.models.conferences import AgreementAction, Conference, OutcomeAgreement
from app.models.contracts import Contract, ContractCondition
from app.models.followups import ExitFollowUp
from app.models.pathways import Intervention
from app.models.users import User
from app.services import access, audit
from app.services.cases import load_case, open_for_edit, touch
from app.services.context import Actor

#: A phone photo or a multi-page scan at 300 dpi fits; a video does not.
MAX_BYTES = 10 * 1024 * 1024
#: About a 60-megapixel photograph; Pillow refuses a "decompression bomb" well before memory.
MAX_PIXELS = 60_000_000
MAX_TITLE = 200
MAX_REASON = 500

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True)
class RecordRef:
    """A record on the case an attachment belongs to (``contract:3``, ``consent:12``)."""

    kind: RecordKind
    id: int

    @classmethod
    def parse(cls, text: str) -> RecordRef:
        kind, _, number = text.partition(":")
        try:
            return cls(RecordKind(kind.strip().lower()), int(number))
        except ValueError:
            kinds = ", ".join(k.value for k in RecordKind)
            raise ValidationError(f"A record is KIND:ID, KIND one of {kinds} (e.g. contract:3);"
                                  f" {text!r} is not.", field="record") from None

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True)
class AttachmentSummary:
    """An attachment as listed on the case, without its bytes."""

    id: int
    reference: str
    title: str
    filename: str
    media_type: MediaType
    size_bytes: int
    sha256: str
    record: RecordRef | None
    added_by: str
    added_at: datetime
    removed_by: str | None = None
    removed_at: datetime | None = None
    removed_reason: str | None = None

    @property
    def removed(self) -> bool:
        return self.removed_at is not None

    @property
    def attached_to(self) -> str:
        """Where it belongs, as a reader would say it."""
        return f"{self.record.kind.label} {self.record.id}" if self.record else "the case"


@dataclass(frozen=True)
class AttachmentFile:
    summary: AttachmentSummary
    content: bytes


def detect_type(content: bytes) -> MediaType:
    """What ``content`` is, from its bytes; a ValidationError when it is none of the three or is
    damaged. The file's name plays no part."""
    if not content:
        raise ValidationError("The file is empty.", field="file")
    if len(content) > MAX_BYTES:
        raise ValidationError(f"The file is {len(content) / 1024 / 1024:.1f} MB; an attachment "
                              f"is at most {MAX_BYTES // 1024 // 1024} MB.", field="file")
    if content.startswith(b"%PDF-"):
        if b"%%EOF" not in content[-2048:]:
            raise ValidationError("The PDF is damaged or incomplete (it has no end); scan or "
                                  "save it again.", field="file")
        return MediaType.PDF
    if content.startswith(_PNG):
        return _check_image(content, MediaType.PNG, "PNG")
    if content.startswith(_JPEG):
        return _check_image(content, MediaType.JPEG, "JPEG")
    raise ValidationError("Only a PDF, PNG or JPEG file can be attached, and this file is none "
                          "of them (whatever its name says).", field="file")


def _check_image(content: bytes, media: MediaType, fmt: str) -> MediaType:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != fmt:
                    raise ValueError(image.format)
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError(str(image.size))
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(f"The image has too many pixels (more than {MAX_PIXELS:,}); "
                              "save a smaller copy.", field="file") from None
    except Exception:  # Pillow raises many kinds for a broken file
        raise ValidationError(f"The {media.label} is damaged and cannot be opened; scan or save "
                              "it again.", field="file") from None
    return media


_RECORD_CASE: dict[RecordKind, Any] = {
    RecordKind.CONTRACT: lambda i: select(Contract.case_id).where(Contract.id == i),
    RecordKind.CONDITION: lambda i: select(Contract.case_id).join(
        ContractCondition, ContractCondition.contract_id == Contract.id)
    .where(ContractCondition.id == i),
    RecordKind.CONSENT: lambda i: select(CaseParty.case_id).join(
        ConsentRecord, ConsentRecord.party_id == CaseParty.id).where(ConsentRecord.id == i),
    RecordKind.MEETING: lambda i: select(Conference.case_id).where(Conference.id == i),
    RecordKind.AGREEMENT: lambda i: select(OutcomeAgreement.case_id)
    .where(OutcomeAgreement.id == i),
    RecordKind.ACTION: lambda i: select(OutcomeAgreement.case_id).join(
        AgreementAction, AgreementAction.agreement_id == OutcomeAgreement.id)
    .where(AgreementAction.id == i),
    RecordKind.INTERVENTION: lambda i: select(Intervention.case_id)
    .where(Intervention.id == i),
    RecordKind.APPOINTMENT: lambda i: select(Appointment.case_id).where(Appointment.id == i),
    RecordKind.FOLLOWUP: lambda i: select(ExitFollowUp.case_id).where(ExitFollowUp.id == i),
}


def add(uow: UnitOfWork, actor: Actor, reference: str, content: bytes, filename: str, *,
        title: str | None = None, record: RecordRef | None = None,
        expected_version: int | None = None) -> AttachmentSummary:
    """Attach a PDF, PNG or JPEG to a case the actor may change (or to a record on it)."""
    media = detect_type(content)
    name = PurePath(filename.replace("\\", "/")).name.strip() or f"attachment.{media.extension}"
    title = " ".join((title if title is not None else PurePath(name).stem).split())
    if not title:
        raise ValidationError("Give the attachment a title (what the document is).",
                              field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"A title is at most {MAX_TITLE} characters.", field="title")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.anonymised:
            raise WorkflowError(f"Case {case.reference} has been anonymised.")
        if record is not None:
            owner = uow.session.scalar(_RECORD_CASE[record.kind](record.id))
            if owner != case.id:
                raise ValidationError(f"There is no {record.kind.label} {record.id} on case "
                                      f"{case.reference}.", field="record")
        row = Attachment(case_id=case.id, record_kind=record.kind if record else None,
                         record_id=record.id if record else None, title=title,
                         filename=name[-MAX_TITLE:], media_type=media,
                         size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest(),
                         content=content, added_by_id=actor.user_id)
        uow.session.add(row)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "attachment.add", "attachments", row.id, case_id=case.id,
                     detail=f"{media.label}, {len(content):,} bytes, on "
                            + (str(record) if record else "the case"))
        summary = _summary(uow, row, case.reference)
        uow.commit()
        return summary


def list_for_case(uow: UnitOfWork, actor: Actor, reference: str) -> list[AttachmentSummary]:
    """The case's attachments, newest first, removed ones included (marked)."""
    with uow:
        case = load_case(uow, reference)
        access.require_view(uow, actor, case)
        rows = uow.session.scalars(select(Attachment).where(Attachment.case_id == case.id)
                                   .order_by(Attachment.added_at.desc(), Attachment.id.desc()))
        return [_summary(uow, r, case.reference) for r in rows]


def case_reference(uow: UnitOfWork, actor: Actor, attachment_id: int) -> str:
    """The reference of the case an attachment is on (one the actor may see), so that a
    command can open the case, with its reason if one is needed, before the file is read."""
    with uow:
        case = uow.session.scalar(select(Case).join(Attachment, Attachment.case_id == Case.id)
                                  .where(Attachment.id == attachment_id))
        if case is None:
            raise NotFound(f"There is no attachment {attachment_id}.")
        access.require_view(uow, actor, case)
        return case.reference


def open_file(uow: UnitOfWork, actor: Actor, attachment_id: int) -> AttachmentFile:
    """The attachment's bytes, checked against their hash, to show. Audited as a view."""
    return _hand_out(uow, actor, attachment_id, "attachment.view")


def print_file(uow: UnitOfWork, actor: Actor, attachment_id: int) -> AttachmentFile:
    """The bytes again, to print on paper: the print is its own audit event
    ("attachment.print"), as a document's is, since paper leaves the system."""
    return _hand_out(uow, actor, attachment_id, "attachment.print")


def record_copy(uow: UnitOfWork, actor: Actor, attachment_id: int) -> None:
    """Audit a copy saved outside the app ("attachment.copy"), once the file is written: a
    save that failed took nothing out."""
    with uow:
        uow.begin_write()
        row, case = _load(uow, actor, attachment_id)
        audit.record(uow, actor, "attachment.copy", "attachments", row.id, case_id=case.id)
        uow.commit()


def _hand_out(uow: UnitOfWork, actor: Actor, attachment_id: int, action: str
              ) -> AttachmentFile:
    with uow:
        uow.begin_write()
        row, case = _load(uow, actor, attachment_id)
        if row.content is None:
            raise WorkflowError(f"Attachment {attachment_id} was removed; only its record is "
                                "kept.")
        content = bytes(row.content)
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise WorkflowError(f"Attachment {attachment_id} does not match its recorded hash; "
                                "report this to an administrator.")
        audit.record(uow, actor, action, "attachments", row.id, case_id=case.id)
        summary = _summary(uow, row, case.reference)
        uow.commit()
        return AttachmentFile(summary, content)


def remove(uow: UnitOfWork, actor: Actor, attachment_id: int, reason: str, *,
           expected_version: int | None = None) -> AttachmentSummary:
    """Remove an attachment's bytes (attached to the wrong case, the wrong person's form...),
    keeping the record of it with the reason. The person who added it or a coordinator may."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why the attachment is removed.", field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(f"A reason is at most {MAX_REASON} characters.", field="reason")
    with uow:
        uow.begin_write()
        row = uow.session.get(Attachment, attachment_id)
        if row is None:
            raise NotFound(f"There is no attachment {attachment_id}.")
        case = uow.session.get(Case, row.case_id)
        assert case is not None
        case = open_for_edit(uow, actor, case.reference, expected_version)
        if row.removed_at is not None:
            raise WorkflowError(f"Attachment {attachment_id} was removed already.")
        if row.added_by_id != actor.user_id and not actor.coordinates:
            raise AccessDenied("Only the person who added an attachment, or a coordinator, "
                               "can remove it.")
        row.content = None
        row.removed_by_id = actor.user_id
        row.removed_at = datetime.now().astimezone()
        row.removed_reason = reason
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "attachment.remove", "attachments", row.id, case_id=case.id,
                     detail=f"{row.media_type.label}, {row.size_bytes:,} bytes")
        summary = _summary(uow, row, case.reference)
        uow.commit()
        return summary


def _load(uow: UnitOfWork, actor: Actor, attachment_id: int) -> tuple[Attachment, Case]:
    row = uow.session.scalar(select(Attachment).where(Attachment.id == attachment_id)
                             .options(undefer(Attachment.content)))
    if row is None:
        raise NotFound(f"There is no attachment {attachment_id}.")
    case = uow.session.get(Case, row.case_id)
    assert case is not None
    access.require_view(uow, actor, case)
    return row, case


def _summary(uow: UnitOfWork, row: Attachment, reference: str) -> AttachmentSummary:
    def name(user_id: int | None) -> str | None:
        user = uow.session.get(User, user_id) if user_id is not None else None
        return user.full_name if user else None

    record = RecordRef(row.record_kind, row.record_id) \
        if row.record_kind is not None and row.record_id is not None else None
    return AttachmentSummary(
        id=row.id, reference=reference, title=row.title, filename=row.filename,
        media_type=row.media_type, size_bytes=row.size_bytes, sha256=row.sha256,
        record=record, added_by=name(row.added_by_id) or "", added_at=row.added_at,
        removed_by=name(row.removed_by_id), removed_at=row.removed_at,
        removed_reason=row.removed_reason)
