"""Documents: letters, contracts and summaries filed on the case; make a new one or reprint."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtPrintSupport import QPrinter

from app.errors import DomainError
from app.services.documents import Kind
from app.views.case.tab import CaseTab
from app.views.documents import DocumentDialog, save_reprint
from app.views.printing import print_document
from app.views.table_models.record_table_model import Column


class DocumentsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("DocumentsTab", "Documents")
    name = "documents"

    def build(self) -> None:
        self.generate_button = self.button(self.tr("&Generate document..."), "generate_document",
                                           self.generate_document)
        self.reprint_button = self.button(self.tr("&Reprint..."), "reprint_document", self.reprint)
        self.reprint_button.setAccessibleName(self.tr("Reprint the selected document"))
        self.print_button = self.button(self.tr("&Print..."), "print_document", self.print_selected)
        self.print_button.setAccessibleName(self.tr("Print the selected document on paper"))
        self.end_buttons()
        self.records = self.table("documents_table", self.tr("Documents filed on the case"), [
            Column(self.tr("Made"), lambda d: f"{d.created_at.astimezone():%d/%m/%Y %H:%M}"),
            Column(self.tr("Document"), lambda d: d.title),
            Column(self.tr("For"), lambda d: d.recipient),
            # to whom it was disclosed and why (DPA 2018 s.62)
            Column(self.tr("Disclosed to"), lambda d: (
                f"{d.disclosed_to} ({d.basis.value})" if d.basis is not None
                else self.tr("not recorded"))),
            Column(self.tr("Format"), lambda d: d.variant),
            Column(self.tr("Template"), lambda d: d.template_version),
            Column(self.tr("By"), lambda d: d.created_by),
        ], key=lambda d: d.id)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.documents)

    def generate_document(self, kind: Kind | None = None) -> DocumentDialog:
        """Open the document dialog (preview, then file), on ``kind`` if given; the list
        refreshes when filed."""
        self.ws.show_tab(self.name)
        dialog = DocumentDialog(self.case.ctx, self.detail, self.ws)
        if kind is not None:
            dialog.select_kind(kind)
        dialog.filed.connect(lambda _id: self.case.saved())
        self.ws.document_dialog = dialog
        self.ws.opened(dialog)
        dialog.open()
        return dialog

    def print_selected(self, printer: QPrinter | None = None) -> int | None:
        """Print the selected filed document (the print dialog first, unless given a printer)."""
        document_id = self.records.selected_key()
        if document_id is None:
            self.refused(self.tr("Select a document first."))
            return None
        try:
            return print_document(self.case.ctx, document_id, self.ws, printer)
        except DomainError as exc:
            self.refused(exc.message)
            return None

    def reprint(self, path: str | None = None) -> None:
        document_id = self.records.selected_key()
        if document_id is None:
            self.refused(self.tr("Select a document first."))
            return
        try:
            save_reprint(self.case.ctx, document_id, self.ws, path)
        except DomainError as exc:
            self.refused(exc.message)
