"""Case notes: dated free text written on a case by the people who work it.

A note is its own record (id and version) on the case, so it is guarded like the case's other
records: writing one takes the case's write lock and its version, and bumps it, so two people
writing on the same case never silently pass each other. The full-text notes search
(``app/services/notes_search.py``) covers notes as well as interventions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.db import UnitOfWork
from app.errors import ValidationError, WorkflowError
from app.models.cases import Case
from app.models.notes import CaseNote
from app.services import audit
from app.services.cases import open_for_edit, touch
from app.services.context import Actor

#: A page of writing; longer belongs in a document filed on the case.
MAX_TEXT = 10_000


@dataclass(frozen=True)
class NoteInput:
    written_on: date
    text: str


def validate_note(data: NoteInput) -> str:
    """The note's text, trimmed, or a domain error naming what is wrong."""
    text = data.text.strip()
    if not text:
        raise ValidationError("Write the note.", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"A note is at most {MAX_TEXT:,} characters; file a longer "
                              "account as a document.", field="text")
    if data.written_on > date.today():
        raise ValidationError("A note cannot be dated in the future.", field="written_on")
    return text


def check_note_on_case(case: Case, data: NoteInput) -> None:
    if data.written_on < case.referral_date:
        raise ValidationError("That date is before the referral.", field="written_on")


def add_note(uow: UnitOfWork, actor: Actor, reference: str, data: NoteInput,
             *, expected_version: int | None = None) -> int:
    """Write a note on a case the actor may change. Returns the note's id."""
    text = validate_note(data)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if case.anonymised:
            raise WorkflowError(f"Case {case.reference} has been anonymised.")
        check_note_on_case(case, data)
        note = CaseNote(case_id=case.id, written_on=data.written_on, text=text,
                        written_by_id=actor.user_id, updated_by_id=actor.user_id)
        uow.session.add(note)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "note.add", "case_notes", note.id, case_id=case.id)
        uow.commit()
        return note.id
