"""Notes search results as a Qt model: one row per intervention or case note found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.notes_search import NoteHit
from app.views.terms import named

Index = QModelIndex | QPersistentModelIndex


class NoteHitModel(QAbstractTableModel):
    DATE, CASE, KIND, TEXT = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("NoteHitModel", "Date"), QT_TRANSLATE_NOOP("NoteHitModel", "Case"),
               QT_TRANSLATE_NOOP("NoteHitModel", "Record"),
               QT_TRANSLATE_NOOP("NoteHitModel", "What was written"))

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[NoteHit] = []

    def set_hits(self, hits: list[NoteHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> NoteHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case self.DATE:
                    return f"{hit.occurred_on:%d/%m/%Y}"
                case self.CASE:
                    return hit.case_reference
                case self.KIND:
                    return named(hit.source)
                case self.TEXT:
                    more = (hit.notes or "").replace("\n", " ")
                    if hit.source.value == "case note":
                        return more[:160]
                    return f"{hit.summary}: {more[:140]}" if more else hit.summary
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return hit.notes or hit.summary
        return None
