"""The case list as a Qt model: pages of rows fetched as the view scrolls (canFetchMore /
fetchMore), sorting and filtering done by the service in SQL, never in Python over all rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db import UnitOfWork
from app.services import casefile
from app.services.casefile import CaseFilter, CaseRow
from app.services.context import Actor

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    REFERENCE, PARTICIPANT, SCHEME, STATUS, WORKER, REFERRED, CRIME_REF, OFFENCE = range(8)
    HEADERS = ("Reference", "Participant", "Scheme", "Stage", "Worker", "Referred",
               "Crime ref.", "Offence")
    SORT_KEYS = {REFERENCE: "reference", PARTICIPANT: "participant", SCHEME: "scheme",
                 STATUS: "status", REFERRED: "referral_date", CRIME_REF: "crime_reference"}
    PAGE = 200

    def __init__(self, uow: Callable[[], UnitOfWork], actor: Actor) -> None:
        super().__init__()
        self._uow = uow
        self._actor = actor
        self._filter = CaseFilter()
        self._sort = "referral_date"
        self._descending = True
        self._rows: list[CaseRow] = []
        self._exhausted = False
        self._changing = False
        self.total = 0

    # ---- loading
    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._fetch_page()
        self.total = casefile.count_cases(self._uow(), self._actor, self._filter)
        # No rows may be inserted while a change is still being announced (a listener that asks
        # for more would nest an insert inside it, and fetch the same page twice).
        self._changing = True
        try:
            self.endResetModel()
        finally:
            self._changing = False

    def _fetch_page(self) -> list[CaseRow]:
        page = casefile.list_cases(self._uow(), self._actor, self._filter, sort=self._sort,
                                   descending=self._descending, offset=len(self._rows),
                                   limit=self.PAGE)
        self._rows.extend(page)
        self._exhausted = len(page) < self.PAGE
        return page

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._changing

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._changing:
            return
        start = len(self._rows)
        page = casefile.list_cases(self._uow(), self._actor, self._filter, sort=self._sort,
                                   descending=self._descending, offset=start, limit=self.PAGE)
        self._exhausted = len(page) < self.PAGE
        if page:
            self._changing = True
            try:
                self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
            finally:
                self._changing = False

    # ---- the model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.reference
        if role == Qt.ItemDataRole.ToolTipRole and row.restricted:
            return "Restricted case: only its workers and coordinators see it."
        if role == Qt.ItemDataRole.ForegroundRole and row.restricted and col == self.REFERENCE:
            return QBrush(QColor("#8a1c1c"))
        return None

    def _text(self, row: CaseRow, col: int) -> str:
        match col:
            case self.REFERENCE:
                return row.reference + (" (R)" if row.restricted else "")
            case self.PARTICIPANT:
                return row.participant
            case self.SCHEME:
                return row.scheme.label
            case self.STATUS:
                return row.status.label
            case self.WORKER:
                return row.worker or "Unassigned"
            case self.REFERRED:
                return f"{row.referral_date:%d/%m/%Y}"
            case self.CRIME_REF:
                return row.crime_reference or ""
            case self.OFFENCE:
                return row.offence or ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def reference_at(self, row: int) -> str | None:
        return self._rows[row].reference if 0 <= row < len(self._rows) else None
