"""Reading a date or a time as a person types it, UK style (day first).

Pure functions, no Qt: the date field calls them and the tests check every accepted form. A text
that is not a real date is refused with a message saying so; nothing is rounded or moved to the
nearest valid day (31/2 is an error, never 28/2 or 3/3).
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

#: How a date is written back into the field once read.
DISPLAY = "%d/%m/%Y"

_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
     ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}

_NUMERIC = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: (\d{2}|\d{4}))?$")
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dw]?)$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm)?$")

HINT = "Type a date such as 3/12/2026, 3/12, today, tomorrow or +7."


class DateTextError(ValueError):
    """The text is not a date (or time); the message says why, in words."""


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    if len(text) == 4:
        return int(text)
    # two digits: this century unless that is more than 20 years ahead (a date of birth '85')
    year = 2000 + int(text)
    return year if year <= today.year + 20 else year - 100


def _make(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateTextError(f"There is no month {month}. {HINT}")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            f"There is no {day} {date(2000, month, 1):%B} {year}.") from None


def parse_date(text: str, today: date) -> date | None:
    """The date ``text`` means, ``today`` being the day it is typed; None for a blank text.

    Accepted: ``3/12/2026``, ``03.12.26``, ``3-12``, ``3/12`` (this year), ``3 Dec 2026``,
    ``3 december``, ``2026-12-03``, ``today``, ``tomorrow``, ``yesterday``, ``+7`` and ``-7``
    (days), ``+2w`` (weeks).
    """
    t = " ".join(text.strip().lower().replace(",", " ").split())
    if not t:
        return None
    if t in _WORDS:
        return today + timedelta(days=_WORDS[t])
    if m := _RELATIVE.match(t):
        sign, amount, unit = m.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        try:
            return today + timedelta(days=days if sign == "+" else -days)
        except OverflowError:
            raise DateTextError(f"That is too far from today. {HINT}") from None
    if m := _ISO.match(t):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(t):
        return _make(_year(m[3], today), int(m[2]), int(m[1]))
    if m := _NAMED.match(t):
        month = _MONTHS.get(m[2])
        if month is None:
            raise DateTextError(f"'{m[2]}' is not a month. {HINT}")
        return _make(_year(m[3], today), month, int(m[1]))
    raise DateTextError(f"'{text.strip()}' is not a date. {HINT}")


def parse_time(text: str) -> time | None:
    """The time of day ``text`` means: ``14:30``, ``14.30``, ``1430``, ``9``, ``2pm``,
    ``2:30 pm``; None for a blank text."""
    t = text.strip().lower().replace(" ", "")
    if not t:
        return None
    m = _TIME.match(t)
    if m is None:
        raise DateTextError(f"'{text.strip()}' is not a time. Type it as 14:30 or 2:30pm.")
    hour_text, minute_text, half = m.groups()
    if minute_text is None and len(hour_text) > 2:
        raise DateTextError("Type the time as 14:30 or 2:30pm.")
    hour, minute = int(hour_text), int(minute_text or 0)
    if half:
        if not 1 <= hour <= 12:
            raise DateTextError(f"There is no {hour}{half}.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateTextError(f"There is no {hour:02d}:{minute:02d} in a day.")
    return time(hour, minute)


def show_date(d: date | None) -> str:
    return "" if d is None else d.strftime(DISPLAY)
