"""The case list as a Qt model over a window of pages: the model has as many rows as the list
(its count), but holds only the few pages near what the view last showed; a page is read from
the service (sorted and filtered in SQL) when the view first asks for one of its rows, and the
page read longest ago is dropped. Memory stays flat whether the list has 100 or 400,000 rows."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.db import UnitOfWork
from app.services import casefile
from app.services.casefile import CaseFilter, CaseRow
from app.services.context import Actor
from app.services.find import FindResult
from app.views.terms import term

Index = QModelIndex | QPersistentModelIndex

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
#: The roles the case list answers.
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole,
                                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole))


class CaseTableModel(QAbstractTableModel):
    REFERENCE, PARTICIPANT, SCHEME, STATUS, WORKER, REFERRED, CRIME_REF, OFFENCE = range(8)
    HEADERS = (QT_TRANSLATE_NOOP("CaseTableModel", "Reference"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Participant"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Scheme"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Stage"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Worker"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Referred"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Crime ref."),
               QT_TRANSLATE_NOOP("CaseTableModel", "Offence"))
    SORT_KEYS = {REFERENCE: "reference", PARTICIPANT: "participant", SCHEME: "scheme",
                 STATUS: "status", REFERRED: "referral_date", CRIME_REF: "crime_reference"}
    PAGE = 200
    #: Pages kept at most (a screenful is under one page; a few either side of it scroll
    #: without a query).
    PAGES_KEPT = 6

    def __init__(self, uow: Callable[[], UnitOfWork], actor: Actor) -> None:
        super().__init__()
        self._uow = uow
        self._actor = actor
        self._filter = CaseFilter()
        self._sort = "referral_date"
        self._descending = True
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self.total = 0
        #: Pages read from the database since the last reload (tests and the bench use it).
        self.pages_read = 0
        #: While a search's results are shown: the rows found, best first, why each was
        #: found, and through which other party (None when listing).
        self._found: list[CaseRow] | None = None
        self._found_by: list[str] = []
        self._party: list[str | None] = []

    # ---- loading
    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self._found = None
        self.reload()

    def show_found(self, result: FindResult) -> None:
        """Show a search's results, best first (all of them: a search finds a screenful)."""
        self.beginResetModel()
        hits = [h for h in result.hits if h.row is not None]
        self._found = [h.row for h in hits if h.row is not None]
        self._found_by = [h.found_by for h in hits]
        self._party = [f"{h.role.value}: {h.person}" if h.role and h.role.value != "participant"
                       else None for h in hits]
        self.total = len(self._found)
        self.endResetModel()

    @property
    def showing_search(self) -> bool:
        return self._found is not None

    def reload(self) -> None:
        """Count the list and read its first page (audited, as a list shown is)."""
        self.beginResetModel()
        self._pages.clear()
        self.pages_read = 0
        first, self.total = casefile.first_page(self._uow(), self._actor, self._filter,
                                                sort=self._sort, descending=self._descending,
                                                limit=self.PAGE)
        self.pages_read = 1
        self._pages[0] = first
        self.endResetModel()

    def _page(self, number: int) -> list[CaseRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        # later pages of the same list are not audited again (the first page was)
        page = casefile.list_cases(self._uow(), self._actor, self._filter, sort=self._sort,
                                   descending=self._descending, offset=number * self.PAGE,
                                   limit=self.PAGE, audit_list=False)
        self.pages_read += 1
        self._pages[number] = page
        while len(self._pages) > self.PAGES_KEPT:
            self._pages.popitem(last=False)
        return page

    def _row(self, row: int) -> CaseRow | None:
        if not 0 <= row < self.total:
            return None
        if self._found is not None:
            return self._found[row]
        page = self._page(row // self.PAGE)
        offset = row % self.PAGE
        return page[offset] if offset < len(page) else None

    @property
    def rows_held(self) -> int:
        """Rows in memory now: a few pages, whatever the length of the list."""
        return sum(len(p) for p in self._pages.values())

    # ---- the model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # painting asks each cell for seven roles: those this model never answers (and the
        # colour of any column but the reference) are turned away before the row is looked up
        if role not in _ROLES or not index.isValid():
            return None
        col = index.column()
        if role == _FOREGROUND and col != self.REFERENCE:
            return None
        row = self._row(index.row())
        if row is None:  # the list changed under the count: blank until the next reload
            return None
        found = self._found is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if found and col == self.PARTICIPANT and self._party[index.row()]:
                return f"{row.participant} ({self._party[index.row()]})"
            return self._text(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.reference
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self._found_by[index.row()] if found else None
            restricted = (self.tr("Restricted case: only its workers and coordinators see it.")
                          if row.restricted else None)
            return "\n".join(t for t in (why, restricted) if t) or None
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
                return term(row.status)
            case self.WORKER:
                return row.worker or self.tr("Unassigned")
            case self.REFERRED:  # as %d/%m/%Y, which is several times slower to format
                d = row.referral_date
                return f"{d.day:02d}/{d.month:02d}/{d.year}"
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
        if self._found is None:  # a search's results stay best first
            self.reload()

    def reference_at(self, row: int) -> str | None:
        found = self._row(row)
        return found.reference if found else None
