"""What every tab of the case workspace shares: a row of action buttons above its body, record
tables built from column declarations, and the way to the case (the controller) and to forms."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.case_actions import CaseAction
from app.services.casefile import CaseDetail
from app.views.i18n import translate
from app.views.style import ERROR_STYLE
from app.views.table_models.record_table_model import (
    Column,
    RecordTable,
    RecordTableModel,
    RowStyle,
)

SAVED_STYLE = "color: #1b5e20;"
#: The Qt property holding the CaseAction a button stands for.
ACTION_PROPERTY = "case_action"

if TYPE_CHECKING:
    from app.views.case.controller import CaseController
    from app.views.case.workspace import CaseWorkspace


class Notice(QLabel):
    """One line under a row of buttons: a short-lived "Saved", or a refusal that stays until
    the next action. Read out by screen readers as it changes."""

    SAVED_MS = 4000

    def __init__(self, name: str) -> None:
        super().__init__("")
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Result of the last action"))
        self.setMinimumHeight(self.fontMetrics().lineSpacing())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def saved(self, text: str | None = None) -> None:
        self.setStyleSheet(SAVED_STYLE)
        self.setText("\N{CHECK MARK} " + (text or self.tr("Saved.")))
        self._timer.start(self.SAVED_MS)

    def refusal(self, message: str) -> None:
        self._timer.stop()
        self.setStyleSheet(ERROR_STYLE)
        self.setText(message)


class CaseTab(QWidget):
    """One room of the workspace. Subclasses build their body and fill it in ``refresh``."""

    title: ClassVar[str] = ""
    name: ClassVar[str] = ""

    def __init__(self, workspace: CaseWorkspace) -> None:
        super().__init__()
        self.ws = workspace
        self.case: CaseController = workspace.controller
        self.setObjectName(f"tab_{self.name}")
        self.body = QVBoxLayout(self)
        self.button_row = QHBoxLayout()
        self.body.addLayout(self.button_row)
        # What the last action on this tab led to ("Saved", or why not), right under its
        # buttons; the line is always there, so a message never moves the tab's layout.
        self.notice = Notice(f"notice_{self.name}")
        self.body.addWidget(self.notice)
        self.buttons: list[QPushButton] = []
        self.build()

    def build(self) -> None:
        """Make the tab's buttons and body (called once, before the first refresh)."""
        raise NotImplementedError

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        """Whether this case has this tab at all (some belong to one scheme)."""
        return True

    @property
    def detail(self) -> CaseDetail:
        return self.case.detail

    def button(self, text: str, name: str, slot: Callable[[], Any],
               action: CaseAction | None = None) -> QPushButton:
        """An action button in the tab's row, shown as the services offer ``action`` (by default
        the action its name names)."""
        b = QPushButton(text)
        b.setObjectName(name)
        b.setProperty(ACTION_PROPERTY, (action or CaseAction(name)).value)
        b.setAccessibleName(text.replace("&", "").replace("...", ""))
        b.clicked.connect(lambda _checked=False: slot())  # drop 'checked', keep our arguments
        self.button_row.addWidget(b)
        self.buttons.append(b)
        return b

    def end_buttons(self) -> None:
        self.button_row.addStretch(1)

    def table(self, name: str, accessible_name: str, columns: Sequence[Column[Any]],
              key: Callable[[Any], Hashable] | None = None,
              style: Callable[[Any], RowStyle] | None = None, stretch: int = 0,
              hint_rows: int = 4) -> RecordTable:
        """A record table added to the tab's body (asking room for ``hint_rows`` rows: fewer
        where a tab holds three lists, so it still fits a laptop screen)."""
        table = RecordTable(name, accessible_name, RecordTableModel(columns, key, style))
        table.hint_rows = hint_rows
        self.body.addWidget(table, stretch)
        return table

    def opens(self, table: RecordTable, kind: Callable[[Any], Any] | Any,
              record_id: Callable[[Any], int | None] = lambda key: key) -> None:
        """Opening a row of ``table`` (double-click, Enter) shows that record whole.
        ``kind`` is the record kind, or a function of the row's key giving it."""
        def open_row(key: Any) -> None:
            rid = record_id(key)
            which = kind(key) if callable(kind) else kind
            if rid is not None and which is not None:
                self.ws.open_record(which, rid)
        table.row_activated.connect(open_row)

    def refused(self, message: str) -> None:
        """Show why an action on this tab cannot be done, under its buttons."""
        self.notice.refusal(message)

    def refresh(self) -> None:
        """Show ``self.detail`` (called after every load)."""
        raise NotImplementedError


def yes_no(value: bool | None) -> str:
    if value is None:
        return "-"
    return translate("CaseTab", "yes") if value else translate("CaseTab", "no")


def num(value: Any) -> str:
    """2.00 -> "2", 2.50 -> "2.5": hours as people write them."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def day(value: Any) -> str:
    return f"{value:%d/%m/%Y}"
