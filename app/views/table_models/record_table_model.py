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
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ALERT_COLOUR = QColor("#b00020")
STRUCK_COLOUR = QColor("#6b6b6b")
#: A list this short has every row measured by Qt; a longer one only the rows that need it.
FIT_ALL_ROWS = 20
#: Pixels a text stays short of its column's room to count as surely on one line.
ONE_LINE_SLACK = 1 / 64
#: Cells whose text is this close to the widest (in pixels) are measured by Qt too.
NEAR_WIDEST = 2.0


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_KEY = int(Qt.ItemDataRole.UserRole)
#: The roles a record model answers (its key and style are the two after UserRole).
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _FOREGROUND, _FONT, _KEY, _KEY + 1})


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

    KEY_ROLE = _KEY
    STYLE_ROLE = _KEY + 1

    def __init__(self, columns: Sequence[Column[R]], key: Callable[[R], Hashable] | None = None,
                 style: Callable[[R], RowStyle] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._key = key
        self._style = style
        self._rows: list[R] = []
        self._texts: list[tuple[str, ...] | None] = []
        self._styles: list[RowStyle | None] = []

    # ---- the rows
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self._styles = [None] * len(self._rows)
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
        if not 0 <= row < len(self._rows) or self._style is None:
            return RowStyle.NORMAL
        style = self._styles[row]
        if style is None:
            style = self._styles[row] = self._style(self._rows[row])
        return style

    def texts_at(self, row: int) -> tuple[str, ...]:
        """Every column's text of one row, read from the DTO once: a view sizing its rows and
        columns asks for each cell many times."""
        texts = self._texts[row]
        if texts is None:
            item = self._rows[row]
            texts = self._texts[row] = tuple(
                "" if value is None else str(value)
                for value in (column.text(item) for column in self.columns))
        return texts

    def text(self, row: int, column: int) -> str:
        if not 0 <= row < len(self._rows) or not 0 <= column < len(self.columns):
            return ""
        return self.texts_at(row)[column]

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
        # the view asks every cell for a dozen roles while sizing it: roles this model never
        # answers are turned away before anything else is looked at
        if role not in _ROLES:
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not 0 <= col < len(self.columns) \
                or not index.isValid():
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return self.texts_at(row)[col]
        if role == _TOOLTIP:
            tip = self.columns[col].tooltip
            return tip(self._rows[row]) if tip is not None else (self.texts_at(row)[col] or None)
        if role == self.KEY_ROLE:
            return self.key_at(row)
        style = self.style_at(row)
        if role == self.STYLE_ROLE:
            return style.value
        if role == _FOREGROUND and style is not RowStyle.NORMAL:
            return QBrush(ALERT_COLOUR if style is RowStyle.ALERT else STRUCK_COLOUR)
        if role == _FONT and style is RowStyle.STRUCK:
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
        # columns are sized to the text of the rows in view and the next 100, not of all (a
        # 200-intervention timeline read every cell at open); a longer cell further down wraps
        header.setResizeContentsPrecision(100)
        self._fit_due = False
        self._fit_cap = 120
        model.modelReset.connect(self._fit)
        header.sectionResized.connect(self._column_resized)
        self._rewrap = QTimer(self)
        self._rewrap.setSingleShot(True)
        self._rewrap.setInterval(0)
        self._rewrap.timeout.connect(self._wrap_rows)
        self._wrap_due = False
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
        # summary cannot push the rest off screen; the last column takes what is left. Sizing
        # reads every cell, so a table out of sight (a workspace tab not shown yet) is sized
        # when it is first shown, with the cap of the moment its rows came.
        self._fit_cap = max(120, self.viewport().width() // 2)
        if self.isVisible():
            self._fit_now()
        else:
            self._fit_due = True

    def sizeHintForColumn(self, column: int) -> int:
        """The width Qt's own sizing gives ``column`` (over the same rows: those in view and
        the next, up to the header's precision), with Qt measuring only the cells whose text
        is the widest by the font's advance (and any that is not one plain line): measuring a
        cell asks it for a dozen roles, and a column is sized every time its rows change."""
        model = self.record_model()
        rows = self._sizing_rows()
        if len(rows) <= FIT_ALL_ROWS or not 0 <= column < model.columnCount():
            return super().sizeHintForColumn(column)
        self.ensurePolished()  # as Qt's own does: the style and font measured are the final ones
        advance = self._advances()
        measured: list[int] = []
        widths: list[tuple[float, int]] = []
        for row in rows:
            text = model.texts_at(row)[column]
            if model.style_at(row) is RowStyle.STRUCK or not text.isprintable() \
                    or text != text.strip():
                measured.append(row)
            else:
                widths.append((advance(text), row))
        if widths:
            # one cell of each advance near the widest: texts as wide are measured alike
            widest = max(w for w, _ in widths)
            measured += {w: row for w, row in widths if w >= widest - NEAR_WIDEST}.values()
        hint = max(self.sizeHintForIndex(model.index(row, column)).width() for row in measured)
        return hint + 1 if self.showGrid() else hint

    def _sizing_rows(self) -> list[int]:
        """The rows QTableView.sizeHintForColumn reads: those in view, then alternately one
        above and one below, up to the header's resize precision."""
        count = self.row_count()
        precision = self.horizontalHeader().resizeContentsPrecision()
        header = self.verticalHeader()
        top = max(0, header.visualIndexAt(0))
        bottom = header.visualIndexAt(self.viewport().height())
        if not self.isVisible() or bottom == -1:
            bottom = count - 1
        rows = list(range(top, bottom + 1))
        if precision > 0:
            rows = rows[:precision]
        if precision == 0:  # the rows in view only
            return rows
        above, below = top, bottom
        while len(rows) != precision and (above > 0 or below < count - 1):
            if (len(rows) % 2 and above > 0) or below == count - 1:
                above -= 1
                rows.append(above)
            else:
                below += 1
                rows.append(below)
        return rows

    def _advances(self) -> Callable[[str], float]:
        """The advance of a text in the table's font, each text shaped once (dates recur)."""
        metrics = QFontMetricsF(self.font())
        known: dict[str, float] = {}

        def advance(text: str) -> float:
            width = known.get(text)
            if width is None:
                width = known[text] = metrics.horizontalAdvance(text)
            return width
        return advance

    def _fit_now(self, shown: bool = False) -> None:
        self._fit_due = False
        self.resizeColumnsToContents()
        for c in range(self.record_model().columnCount() - 1):
            if self.columnWidth(c) > self._fit_cap:
                self.setColumnWidth(c, self._fit_cap)
        if shown:  # laid out already: no resize to come stretches the last column again
            header = self.horizontalHeader()
            header.setStretchLastSection(False)
            header.setStretchLastSection(True)
            self._rewrap.stop()  # the columns have their widths: the rows are wrapped now
        self._wrap_rows()

    def _wrap_rows(self) -> None:
        # rows are wrapped to the columns' widths where they can be seen, else when first shown
        self._wrap_due = not self.isVisible()
        if not self._wrap_due:
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its text wrapped to the columns, as ``resizeRowsToContents``
        makes it, without measuring every row: Qt asks each cell for a dozen roles to measure
        it (a 200-entry timeline took most of a case's opening). A row whose every text surely
        fits its column on one line is given the height Qt measured for the first such row;
        any other row (wrapped, struck through, with an empty cell) is measured by Qt."""
        model = self.record_model()
        rows, columns = model.rowCount(), model.columnCount()
        if rows <= FIT_ALL_ROWS:
            self.resizeRowsToContents()
            return
        # the room a cell's text has: the column less the grid line and the text's margins
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                               self) + 1) + (1 if self.showGrid() else 0)
        room = [self.columnWidth(c) - margin - ONE_LINE_SLACK for c in range(columns)]
        widest = QFontMetricsF(self.font()).maxWidth()
        advance = self._advances()

        def one_line(text: str, width: float) -> bool:
            if not text:
                return False
            # printable ASCII is drawn in the font itself, no glyph wider than its widest
            if text.isascii() and text.isprintable() and (len(text) + 1) * widest <= width:
                return True
            return "\n" not in text and advance(text) <= width

        header = self.verticalHeader()
        height = 0
        for row in range(rows):
            if model.style_at(row) is not RowStyle.STRUCK and all(
                    one_line(text, width)
                    for text, width in zip(model.texts_at(row), room, strict=True)):
                if height:
                    header.resizeSection(row, height)
                    continue
                self.resizeRowToContents(row)
                height = self.rowHeight(row)
            else:
                self.resizeRowToContents(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_due:
            self._fit_now(shown=True)
        elif self._wrap_due:
            self._wrap_rows()

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
