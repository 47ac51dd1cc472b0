"""Attachments: scanned or photographed documents on the case (a signed contract, a consent form,
a letter of apology). Add one from a file, open it to see it, remove a wrong one with a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog

from app.errors import DomainError
from app.services import attachments
from app.services.attachments import AttachmentSummary, RecordRef
from app.services.enums import RecordKind
from app.views.attachments import AttachmentViewer
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.i18n import translate
from app.views.table_models.record_table_model import Column, RowStyle
from app.views.terms import term

FILE_FILTER = QT_TRANSLATE_NOOP("CaseAttachments", "Scans and photos (*.pdf *.png *.jpg "
                                                   "*.jpeg);;All files (*)")


class AttachmentsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("AttachmentsTab", "Attachments")
    name = "attachments"

    def build(self) -> None:
        self.button(self.tr("Add a&ttachment..."), "add_attachment", self.add_attachment)
        self.button(self.tr("&Open"), "open_attachment", self.open_selected)
        self.button(self.tr("Re&move..."), "remove_attachment", self.remove_selected)
        self.end_buttons()
        self.records = self.table("attachments_table", self.tr("Attachments on the case"), [
            Column(self.tr("Added"), lambda a: f"{a.added_at.astimezone():%d/%m/%Y %H:%M}"),
            Column(self.tr("Title"), lambda a: a.title),
            Column(self.tr("Type"), lambda a: term(a.media_type)),
            Column(self.tr("Attached to"), lambda a: a.attached_to),
            Column(self.tr("Size"),
                   lambda a: self.tr("{size:,.0f} KB").format(size=a.size_bytes / 1024)),
            Column(self.tr("Added by"), lambda a: a.added_by),
            Column(self.tr("Removed"), lambda a: self.tr("{day} by {who}: {reason}").format(
                day=f"{a.removed_at.astimezone():%d/%m/%Y}", who=a.removed_by,
                reason=a.removed_reason) if a.removed_at else ""),
        ], key=lambda a: a.id,
            style=lambda a: RowStyle.STRUCK if a.removed else RowStyle.NORMAL, stretch=1)
        self.records.row_activated.connect(lambda key: self.open_attachment(key))
        self.rows: list[AttachmentSummary] = []
        self.viewer: AttachmentViewer | None = None

    def refresh(self) -> None:
        try:
            self.rows = attachments.list_for_case(self.case.uow(), self.case.actor,
                                                  self.case.reference)
        except DomainError as exc:
            self.refused(exc.message)
            self.rows = []
        self.records.set_rows(self.rows)

    def _records(self) -> list[tuple[str, RecordRef | None]]:
        """What an attachment can belong to on this case: the case, or one record on it."""
        d = self.detail
        out: list[tuple[str, RecordRef | None]] = [(self.tr("The case as a whole"), None)]
        if d.agreement is not None:
            out.append((self.tr("The outcome agreement"), RecordRef(RecordKind.AGREEMENT,
                                                           d.agreement.id)))
            out += [(f"Action {a.position}: {a.description[:50]}",
                     RecordRef(RecordKind.ACTION, a.id)) for a in d.agreement.actions]
        out += [(self.tr("Meeting on {day}").format(day=day(m.held_on)),
                 RecordRef(RecordKind.MEETING, m.id))
                for m in d.meetings]
        out += [(f"Appointment {a.starts_at.astimezone():%d/%m/%Y %H:%M}: {a.purpose[:40]}",
                 RecordRef(RecordKind.APPOINTMENT, a.id)) for a in d.appointments]
        out += [(f"Intervention {day(i.occurred_on)}: {i.summary[:50]}",
                 RecordRef(RecordKind.INTERVENTION, i.id)) for i in d.interventions]
        return out

    def add_attachment(self, path: str | None = None) -> FormDialog | None:
        """Pick a file, then say what it is and what it belongs to; Save attaches it."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a scan or photo"), "",
                                                  translate("CaseAttachments", FILE_FILTER))
            if not path:
                return None
        source = Path(path)

        def submit(v: dict[str, Any]) -> None:
            try:
                content = source.read_bytes()
            except OSError as exc:
                raise DomainError(self.tr("{name} cannot be read: {strerror}.")
                                         .format(name=source.name, strerror=exc.strerror),
                                  field="title") from None
            attachments.add(self.case.uow(), self.case.actor, self.case.reference, content,
                            source.name, title=v["title"], record=v["record"],
                            expected_version=self.case.version)
        return self.ws.form(self.tr("Attach {name}").format(name=source.name), [
            Field("title", self.tr("What it is"), required=True, default=source.stem,
                  check=lambda s: self.tr("Keep it under 200 characters.")
                  if len(s) > 200 else None),
            Field("record", self.tr("Belongs to"), "choice", default=None, choices=self._records()),
        ], submit, intro=self.tr("PDF, PNG or JPEG, at most 10 MB. The file is kept in the case "
                                 "record; the original can then be shredded."))

    def open_selected(self) -> AttachmentViewer | None:
        key = self.records.selected_key()
        if key is None:
            self.refused(self.tr("Select an attachment first."))
            return None
        return self.open_attachment(key)

    def open_attachment(self, attachment_id: int) -> AttachmentViewer | None:
        """Show one attachment (audited by the service); a removed one says so."""
        try:
            f = attachments.open_file(self.case.uow(), self.case.actor, attachment_id)
        except DomainError as exc:
            self.refused(exc.message)
            return None
        self.viewer = AttachmentViewer(self.case.ctx, f, self.ws)
        self.ws.opened(self.viewer)
        self.viewer.open()
        return self.viewer

    def remove_selected(self) -> FormDialog | None:
        key = self.records.selected_key()
        if key is None:
            self.refused(self.tr("Select an attachment first."))
            return None
        row = next(r for r in self.rows if r.id == key)

        def submit(v: dict[str, Any]) -> None:
            attachments.remove(self.case.uow(), self.case.actor, key, v["reason"],
                               expected_version=self.case.version)
        return self.ws.form(self.tr("Remove {title}").format(title=row.title), [
            Field("reason", self.tr("Why"), required=True),
        ], submit, intro=self.tr("The file is deleted from the case; the record that it was "
                                 "attached, by whom and why it was removed stays in History."))


