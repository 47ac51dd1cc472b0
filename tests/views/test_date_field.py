"""Dates as people type them: every accepted form read right, a wrong one refused in words and
never moved to a nearby date, and a form whose other dates stay exactly as they were."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.services.typed_dates import DateTextError, parse_date, parse_time
from app.views.date_field import DateField, DateTimeField
from app.views.forms import Field, FormWidget

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(("text", "expected"), [
    ("3/12/2026", date(2026, 12, 3)),
    ("03/12/2026", date(2026, 12, 3)),
    ("3.12.26", date(2026, 12, 3)),
    ("3-12-2026", date(2026, 12, 3)),
    ("3/12", date(2026, 12, 3)),
    ("12/3", date(2026, 3, 12)),  # day first, as in the UK
    ("14/7/85", date(1985, 7, 14)),  # a two-digit year far ahead is last century
    ("3 Dec 2026", date(2026, 12, 3)),
    ("3rd december", date(2026, 12, 3)),
    ("2026-12-03", date(2026, 12, 3)),
    ("today", TODAY),
    (" Tomorrow ", TODAY + timedelta(days=1)),
    ("yesterday", TODAY - timedelta(days=1)),
    ("+7", TODAY + timedelta(days=7)),
    ("-3", TODAY - timedelta(days=3)),
    ("+2w", TODAY + timedelta(days=14)),
    ("", None),
])
def test_each_accepted_form(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("31/2/2026", "There is no 31 February 2026."),
    ("3/13/2026", "There is no month 13."),
    ("next friday", "'next friday' is not a date."),
    ("3 Smarch", "'smarch' is not a month."),
])
def test_a_wrong_date_is_refused_not_moved(text: str, message: str) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_date(text, TODAY)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(("text", "expected"), [
    ("14:30", time(14, 30)), ("14.30", time(14, 30)), ("1430", time(14, 30)),
    ("9", time(9, 0)), ("2pm", time(14, 0)), ("2:30 pm", time(14, 30)),
    ("12am", time(0, 0)), ("12pm", time(12, 0)),
])
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13pm", "quarter past", "12345"])
def test_a_wrong_time_is_refused(text: str) -> None:
    with pytest.raises(DateTextError):
        parse_time(text)


def _type(qtbot, field: DateField, text: str) -> None:
    if not field.window().isActiveWindow():
        with qtbot.waitActive(field.window()):
            field.window().activateWindow()
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.window().isActiveWindow() and not field.edit.hasFocus()  # one Tab leaves


@pytest.mark.parametrize(("text", "expected"), [
    ("3/12/2026", date(2026, 12, 3)), ("3/12", date(date.today().year, 12, 3)),
    ("today", date.today()), ("tomorrow", date.today() + timedelta(days=1)),
    ("+7", date.today() + timedelta(days=7)),
])
def test_typing_each_form_in_a_form_changes_that_date_and_nothing_else(
        qtbot, text: str, expected: date) -> None:
    form = FormWidget([
        Field("first", "First date", "date", True, date(2026, 1, 5)),
        Field("when", "When", "date", True, date(2026, 1, 5)),
        Field("birth", "Date of birth", "date", extra={"optional": True}),
        Field("at", "At", "datetime", True, datetime(2026, 1, 5, 10, 0)),
    ])
    qtbot.addWidget(form)
    form.show()
    before = form.values()
    field = form.inputs["when"]
    assert isinstance(field, DateField)
    _type(qtbot, field, text)
    after = form.values()
    assert after["when"] == expected
    assert {k: v for k, v in after.items() if k != "when"} == \
        {k: v for k, v in before.items() if k != "when"}
    # once left, the field shows the date it understood, and its weekday beside it
    assert field.text() == f"{expected:%d/%m/%Y}"
    assert field.weekday.text() == f"{expected:%a}"
    assert form.validate()


def test_a_wrong_date_stays_as_typed_and_says_why(qtbot) -> None:
    form = FormWidget([Field("on", "Held on", "date", True, date(2026, 1, 5)),
                       Field("venue", "Venue")])
    qtbot.addWidget(form)
    form.show()
    _type(qtbot, form.inputs["on"], "31/2/2026")
    assert form.inputs["on"].text() == "31/2/2026"
    assert form.value("on") is None
    assert not form.validate()
    assert form.errors["on"].text() == "There is no 31 February 2026."


def test_unknown_date_is_blank_and_reads_back_as_none(qtbot) -> None:
    form = FormWidget([Field("birth", "Date of birth", "date", extra={"optional": True})])
    qtbot.addWidget(form)
    field = form.inputs["birth"]
    assert field.edit.placeholderText() == "Not known"
    assert form.value("birth") is None and form.validate()
    form.set_value("birth", date(1985, 7, 14))
    assert field.weekday.text() == "Sun"
    form.set_value("birth", None)
    assert form.value("birth") is None


# the offscreen platform cannot raise a popup or grab the keyboard for it; a desktop can
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_one_tab_stop_and_a_calendar_drop_down(qtbot) -> None:
    field = DateField(date(2026, 12, 3))
    qtbot.addWidget(field)
    field.show()
    focusable = [w for w in field.findChildren(QWidget)
                 if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert focusable == [field.edit]
    assert not field.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate().toPython() == date(2026, 12, 3)
    seen: list[object] = []
    field.dateChanged.connect(seen.append)
    field.calendar.clicked.emit(field.calendar.selectedDate().addDays(4))
    assert field.date() == date(2026, 12, 7)
    assert seen == [date(2026, 12, 7)]
    assert not field.calendar.isVisible()


def test_a_wheel_or_an_untouched_field_never_changes_the_date(qtbot) -> None:
    field = DateField(date(2026, 1, 31))
    qtbot.addWidget(field)
    field.show()
    seen: list[object] = []
    field.dateChanged.connect(seen.append)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    field.edit.clearFocus()
    assert field.date() == date(2026, 1, 31) and seen == []


def test_date_and_time_typed(qtbot) -> None:
    field = DateTimeField(datetime(2026, 1, 5, 10, 0))
    qtbot.addWidget(field)
    field.show()
    _type(qtbot, field.date_field, "3/12/2026")
    field.time_edit.selectAll()
    qtbot.keyClicks(field.time_edit, "2:30pm")
    assert field.value() == datetime(2026, 12, 3, 14, 30)
    assert field.dateTime() == datetime(2026, 12, 3, 14, 30).astimezone()
    field.time_edit.setText("25:00")
    assert field.value() is None and field.problem() == "There is no 25:00 in a day."
