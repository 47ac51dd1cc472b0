"""Notes: dated free text about the case, newest first, found again by the notes search."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.services import case_notes
from app.services.case_notes import MAX_TEXT, NoteInput
from app.services.enums import EntryKind
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column


def _first_line(text: str) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= 120 and "\n" not in text else line[:117] + "..."


class NotesTab(CaseTab):
    title = QT_TRANSLATE_NOOP("NotesTab", "Notes")
    name = "notes"

    def build(self) -> None:
        self.button(self.tr("&Write a note..."), "add_note", self.add_note)
        self.end_buttons()
        self.records = self.table("notes_table", self.tr("Case notes"), [
            Column(self.tr("Date"), lambda n: day(n.written_on)),
            Column(self.tr("Note"), lambda n: _first_line(n.text), tooltip=lambda n: n.text),
            Column(self.tr("By"), lambda n: n.written_by),
            Column(self.tr("Written"), lambda n: f"{n.created_at.astimezone():%d/%m/%Y %H:%M}"),
        ], key=lambda n: n.id, stretch=1)
        self.opens(self.records, EntryKind.CASE_NOTE)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.notes)

    def add_note(self) -> FormDialog:
        def submit(v: dict[str, Any]) -> int:
            return case_notes.add_note(self.case.uow(), self.case.actor, self.case.reference,
                                       NoteInput(v["written_on"], v["text"]),
                                       expected_version=self.case.version)
        return self.ws.form(self.tr("Write a note"), [
            Field("written_on", self.tr("Date"), "date", True, date.today(),
                  help=self.tr("The day the note is about")),
            Field("text", self.tr("Note"), "multiline", True,
                  check=lambda t: self.tr("A note is at most {MAX_TEXT:,} characters.")
                                         .format(MAX_TEXT=MAX_TEXT)
                  if len(t) > MAX_TEXT else None),
        ], submit)
