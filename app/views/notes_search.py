"""Searching what was written: interventions and case notes holding every word typed, on the
cases the user may see; reached from the case list's search ("Search the notes")."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import notes_search
from app.views.context import AppContext
from app.views.table_models.note_hit_model import NoteHitModel


class NotesSearchDialog(QDialog):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Search the notes"))
        self.setObjectName("notes_search_dialog")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(text)
        self.search.setObjectName("notes_search_text")
        self.search.setAccessibleName(self.tr("Words to find in the notes"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Words"))
        label.setBuddy(self.search)
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.model = NoteHitModel()
        self.table = QTableView()
        self.table.setObjectName("notes_search_results")
        self.table.setAccessibleName(self.tr("Notes found"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda idx: self._open(idx.row()))
        self.table.activated.connect(lambda idx: self._open(idx.row()))
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setObjectName("notes_search_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.run)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter)
        self.resize(760, 420)
        self.run()

    def run(self) -> None:
        self._debounce.stop()
        try:
            hits = notes_search.search_notes(self.ctx.uow(), self.ctx.actor, self.search.text())
        except DomainError as exc:
            self.model.set_hits([])
            self.status.setText(exc.message)
            return
        self.model.set_hits(hits)
        n = len(hits)
        self.status.setText((self.tr("1 record found") if n == 1 else
                             self.tr("{n} records found").format(n=n)) if n else
                            self.tr("Nothing written holds all these words. Try fewer words, or "
                                    "the start of a word."))
        if n:
            self.table.selectRow(0)

    def _enter(self) -> None:
        if self._debounce.isActive():
            self.run()
        if self.model.rowCount():
            self._open(0)

    def _open(self, row: int) -> None:
        hit = self.model.hit_at(row)
        if hit is not None:
            self.open_case.emit(hit.case_reference)
            self.accept()
