"""One check for every date a user types: nothing before 1900, nothing absurdly far ahead.

A mistyped year (0226, 2062) is the commonest bad date; it passes every "is it before the
referral?" rule and then skews every figure it reaches. Each service runs its dates through
:func:`check_date` before its own rules, so the message is the same everywhere.
"""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError

EARLIEST = date(1900, 1, 1)
#: How far ahead a date meant to be in the future (an appointment, a due date) may be.
MAX_YEARS_AHEAD = 5


def _fmt(d: date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def check_date(value: date, what: str, field: str, *, future: bool = False,
               today: date | None = None) -> date:
    """``value`` if it is a believable ``what``; otherwise a ValidationError on ``field``.

    ``future`` allows dates ahead of today (at most :data:`MAX_YEARS_AHEAD` years); without it
    a date after today is refused."""
    today = today or date.today()
    if value < EARLIEST:
        raise ValidationError(f"The {what} ({_fmt(value)}) is before 1900: check the year.",
                              field=field)
    if future:
        latest = today.replace(year=today.year + MAX_YEARS_AHEAD, day=min(today.day, 28))
        if value > latest:
            raise ValidationError(
                f"The {what} ({_fmt(value)}) is more than {MAX_YEARS_AHEAD} years ahead: check "
                "the year.", field=field)
    elif value > today:
        raise ValidationError(f"The {what} ({_fmt(value)}) is in the future.", field=field)
    return value
