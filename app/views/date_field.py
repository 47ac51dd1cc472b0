"""The one date field of the app: type a date as you would say it, see its weekday beside it.

A single line edit (one Tab stop) reads ``3/12/2026``, ``3/12``, ``today``, ``tomorrow``, ``+7``
and more (``app/services/typed_dates.py``); a calendar drop-down (the button, or Alt+Down / F4)
stays available. Unlike ``QDateEdit`` it never changes a date on its own: no wheel steps, no section
that rolls 31 into 28, no day moved when a month is typed; a text that is not a date stays as
typed and says what is wrong.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.services.typed_dates import DateTextError, parse_date, parse_time, show_date
from app.views.i18n import weekday_name

_BAD = "border: 1px solid #b00020;"


class _DateLine(QLineEdit):
    """The line edit, which opens the calendar on Alt+Down or F4 as a combo box does."""

    calendar_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                    and mods & Qt.KeyboardModifier.AltModifier):
            self.calendar_requested.emit()
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """A date, or (when ``optional``) no date, shown as "Not known". ``dateChanged`` carries the
    new ``date | None`` only when what the text means changes."""

    dateChanged = Signal(object)  # named as QDateEdit's, so callers need not care

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = _DateLine()
        self.edit.setObjectName("date_text")
        self.edit.setPlaceholderText(self.tr("Not known") if optional else self.tr("dd/mm/yyyy"))
        self.edit.setToolTip(self.tr("A date such as 3/12/2026, 3/12, today, tomorrow or +7"))
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/0000") * 2)
        self.button = QToolButton()
        self.button.setObjectName("date_calendar")
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop: the text
        self.button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Choose from a calendar"))
        self.weekday = QLabel("")
        self.weekday.setObjectName("date_weekday")
        self.weekday.setMinimumWidth(self.weekday.fontMetrics().horizontalAdvance("Wed") + 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.weekday)
        self.setFocusProxy(self.edit)
        self._menu = QMenu(self)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("date_popup")
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.clicked.connect(self.show_calendar)
        self.edit.calendar_requested.connect(self.show_calendar)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._tidy)
        self._value: date | None = None
        self._problem: str | None = None
        self.setDate(value)

    # ---- reading and setting
    def date(self) -> date | None:
        """What the text means now (None if blank or not a date: see ``problem``)."""
        return self._value

    def problem(self) -> str | None:
        """Why the text is not an acceptable date, or None."""
        if self._problem:
            return self._problem
        if self._value is None and not self.optional:
            return self.tr("Enter a date.")
        return None

    def text_problem(self) -> str | None:
        """Why the text typed is not a date (a blank field is not a problem here)."""
        return self._problem

    def setDate(self, value: date | QDate | None) -> None:
        if isinstance(value, QDate):
            value = date(value.year(), value.month(), value.day())
        self.edit.setText(show_date(value))

    def text(self) -> str:
        return self.edit.text()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.button.setAccessibleName(self.tr("{name}: choose from a calendar").format(name=name))

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.edit.setToolTip(text)

    # ---- behaviour
    def _text_changed(self, text: str) -> None:
        try:
            value = parse_date(text, date.today())
            self._problem = None
        except DateTextError as exc:
            value, self._problem = None, str(exc)
        self.edit.setStyleSheet(_BAD if self._problem else "")
        self.edit.setAccessibleDescription(self._problem or "")
        self.weekday.setText(weekday_name(value) if value else "")
        self.weekday.setAccessibleName(weekday_name(value, short=False) if value else "")
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _tidy(self) -> None:
        """Once the user leaves the field, write what was understood in full (today -> 01/12/2026),
        so the date saved is the date seen."""
        if self._value is not None and not self._problem:
            shown = show_date(self._value)
            if self.edit.text() != shown:
                self.edit.setText(shown)

    def show_calendar(self) -> None:
        start = self._value or date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self._menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, q: QDate) -> None:
        self._menu.close()
        self.setDate(q)
        self.edit.setFocus()


class DateTimeField(QWidget):
    """A date field and a time typed as ``14:30`` or ``2:30pm``: two Tab stops, one value, in
    local time (``dateTime`` gives it as UTC for the services)."""

    dateTimeChanged = Signal(object)

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_field = DateField()
        self.time_edit = QLineEdit()
        self.time_edit.setObjectName("time_text")
        self.time_edit.setPlaceholderText(self.tr("hh:mm"))
        self.time_edit.setToolTip(self.tr("A time such as 14:30 or 2:30pm"))
        self.time_edit.setMaximumWidth(self.time_edit.fontMetrics().horizontalAdvance("00:00")
                                       * 3)
        self.at = QLabel(self.tr("at"))
        layout.addWidget(self.date_field, 1)
        layout.addWidget(self.at)
        layout.addWidget(self.time_edit)
        self.setFocusProxy(self.date_field)
        self._time: time | None = None
        self._time_problem: str | None = None
        self.time_edit.textChanged.connect(self._time_changed)
        self.time_edit.editingFinished.connect(self._tidy_time)
        self.date_field.dateChanged.connect(lambda _d: self.dateTimeChanged.emit(self.value()))
        self.setDateTime(value or datetime.now().replace(second=0, microsecond=0))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.date_field.setAccessibleName(self.tr("{name}: date").format(name=name))
        self.time_edit.setAccessibleName(self.tr("{name}: time").format(name=name))

    def setDateTime(self, value: datetime | QDateTime) -> None:
        if isinstance(value, QDateTime):
            value = value.toPython()  # type: ignore[assignment]
        assert isinstance(value, datetime)
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        self.date_field.setDate(value.date())
        self.time_edit.setText(f"{value:%H:%M}")

    def value(self) -> datetime | None:
        """The local date and time shown, or None while either part is missing or wrong."""
        d = self.date_field.date()
        if d is None or self._time is None:
            return None
        return datetime.combine(d, self._time)

    def dateTime(self) -> datetime | None:
        """The moment as an aware UTC datetime, as the services store it."""
        local = self.value()
        return None if local is None else local.astimezone().astimezone(UTC)

    def problem(self) -> str | None:
        if p := self.date_field.problem():
            return p
        if self._time_problem:
            return self._time_problem
        return None if self._time is not None else self.tr("Enter a time.")

    def text_problem(self) -> str | None:
        return self.date_field.text_problem() or self._time_problem

    def _time_changed(self, text: str) -> None:
        try:
            value = parse_time(text)
            self._time_problem = None
        except DateTextError as exc:
            value, self._time_problem = None, str(exc)
        self.time_edit.setStyleSheet(_BAD if self._time_problem else "")
        if value != self._time:
            self._time = value
            self.dateTimeChanged.emit(self.value())

    def _tidy_time(self) -> None:
        if self._time is not None and not self._time_problem:
            self.time_edit.setText(f"{self._time:%H:%M}")
