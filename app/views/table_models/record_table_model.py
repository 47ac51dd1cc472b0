"""A small list of records as a Qt model, and the table view that shows one.

Every record list on the case workspace is the same shape: a few columns read from a frozen row
DTO, a key that names the record (to act on the selected one, or to open it), and a style that
marks a row as needing attention (red) or as struck through (entered in error, withdrawn). One
model class serves them all, so a new tab declares its columns and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ALERT_COLOUR = QColor("#b00020")
STRUCK_COLOUR = QColor("#6b6b6b")


class RowStyle(Enum):
    """How a row stands out: not at all, in red (overdue, missed), or struck through (void)."""

    NORMAL = "normal"
    ALERT = "alert"
    STRUCK = "struck"


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its heading and how to read its text from a row."""

    title: str
    text: Callable[[R], object]
    tooltip: Callable[[R], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one DTO type under declared columns; each row has a key and a style."""

    KEY_ROLE = int(Qt.ItemDataRole.UserRole)
    STYLE_ROLE = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, columns: Sequence[Column[R]], key: Callable[[R], Hashable] | None = None,
                 style: Callable[[R], RowStyle] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._key = key
        self._style = style
        self._rows: list[R] = []

    # ---- the rows
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def key_at(self, row: int) -> Hashable | None:
        item = self.row_at(row)
        if item is None:
            return None
        return self._key(item) if self._key is not None else row

    def row_of(self, key: Hashable) -> int | None:
        """The row holding ``key``, or None."""
        return next((r for r in range(len(self._rows)) if self.key_at(r) == key), None)

    def style_at(self, row: int) -> RowStyle:
        item = self.row_at(row)
        if item is None or self._style is None:
            return RowStyle.NORMAL
        return self._style(item)

    def text(self, row: int, column: int) -> str:
        item = self.row_at(row)
        if item is None or not 0 <= column < len(self.columns):
            return ""
        value = self.columns[column].text(item)
        return "" if value is None else str(value)

    # ---- the model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.row_at(index.row()) is None \
                or not 0 <= index.column() < len(self.columns):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.columns[col].tooltip
            item = self._rows[row]
            return tip(item) if tip is not None else (self.text(row, col) or None)
        if role == self.KEY_ROLE:
            return self.key_at(row)
        if role == self.STYLE_ROLE:
            return self.style_at(row).value
        style = self.style_at(row)
        if role == Qt.ItemDataRole.ForegroundRole and style is not RowStyle.NORMAL:
            return QBrush(ALERT_COLOUR if style is RowStyle.ALERT else STRUCK_COLOUR)
        if role == Qt.ItemDataRole.FontRole and style is RowStyle.STRUCK:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordTable(QTableView):
    """A read-only, single-row-selection table over a :class:`RecordTableModel`.

    ``row_activated(key)`` fires when a row is opened (double-click, Enter or Return), so a tab
    can show the whole record; ``selected_key()`` gives the row an action applies to.
    """

    row_activated = Signal(object)
    #: Rows the table asks room for; a tab with three lists asks less of each.
    hint_rows = 4

    def __init__(self, name: str, accessible_name: str, model: RecordTableModel[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._fit)
        header.sectionResized.connect(self._column_resized)
        self._rewrap = QTimer(self)
        self._rewrap.setSingleShot(True)
        self._rewrap.setInterval(0)
        self._rewrap.timeout.connect(self.resizeRowsToContents)
        # Double-click and Enter open a row; not 'activated', which some desktops fire on a
        # single click.
        self.doubleClicked.connect(self._activated)

    def sizeHint(self) -> QSize:
        # about four rows: a tab with two lists still fits a 720 px screen; more rows scroll
        hint = super().sizeHint()
        rows = self.verticalHeader().defaultSectionSize() * self.hint_rows
        return QSize(hint.width(), min(hint.height(), self.horizontalHeader().sizeHint().height()
                                       + rows + 2 * self.frameWidth()))

    def record_model(self) -> RecordTableModel[Any]:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        return model

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show new rows, keeping the selected record selected if it is still there."""
        key = self.selected_key()
        self.record_model().set_rows(rows)
        if key is not None:
            self.select_key(key)

    def row_count(self) -> int:
        return self.record_model().rowCount()

    def text(self, row: int, column: int) -> str:
        return self.record_model().text(row, column)

    def selected_key(self) -> Any:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.record_model().key_at(rows[0].row()) if rows else None

    def select_key(self, key: Hashable) -> bool:
        row = self.record_model().row_of(key)
        if row is None:
            return False
        self.selectRow(row)
        return True

    def _fit(self) -> None:
        # Size columns to their text once per reload (not on every repaint), capped so one long
        # summary cannot push the rest off screen; the last column takes what is left.
        self.resizeColumnsToContents()
        cap = max(120, self.viewport().width() // 2)
        for c in range(self.record_model().columnCount() - 1):
            if self.columnWidth(c) > cap:
                self.setColumnWidth(c, cap)
        self.resizeRowsToContents()

    def _column_resized(self, _index: int, _old: int, _new: int) -> None:
        # rows filled before the tab was first shown were wrapped for a narrow column: wrap
        # them again once the columns have settled (a case's lists are short: this is cheap)
        if self.row_count() <= 200 and not self._rewrap.isActive():
            self._rewrap.start()

    def _activated(self, index: QModelIndex) -> None:
        key = self.record_model().key_at(index.row())
        if key is not None:
            self.row_activated.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
