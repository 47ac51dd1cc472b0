"""The limits the national standards leave to each scheme, kept as shared settings.

Working days are counted with the ``holidays`` library's UK bank holidays for the scheme's
nation (England by default; Wales, Scotland and Northern Ireland differ), so a Victims' Code
or complaint deadline never falls on a bank holiday by mistake. The library is maintained,
versioned with each year's announced holidays (the coronation, jubilee days), and saves
hand-keeping a table of dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from app.db import UnitOfWork
from app.errors import AccessDenied, ValidationError
from app.models.settings import AppSetting
from app.services import audit
from app.services.context import Actor


@dataclass(frozen=True)
class Limit:
    key: str
    label: str
    default: int
    low: int
    high: int


LIMITS: dict[str, Limit] = {limit.key: limit for limit in (
    Limit("vc_offer_working_days", "Victims' Code offer, working days from referral", 10, 1, 60),
    Limit("vc_enhanced_working_days", "Victims' Code offer for victims with enhanced rights, "
          "working days", 5, 1, 60),
    Limit("complaint_ack_working_days", "Complaint acknowledged within, working days", 3, 1, 30),
    Limit("complaint_response_working_days", "Complaint answered within, working days", 20, 1,
          90),
    Limit("supervision_max_days", "Longest gap between supervision sessions, days", 90, 14, 365),
    Limit("dbs_recheck_years", "A DBS check is renewed after, years", 3, 1, 10),
    Limit("risk_assessment_valid_days", "A pre-meeting risk assessment stays current, days", 90,
          7, 365),
    Limit("mileage_pence_per_mile", "Mileage rate, pence per mile", 45, 1, 200),
)}
SETTING_PREFIX = "standards."
#: Subdivision codes of the ``holidays`` library for the UK's nations.
NATIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}
NATION_KEY = SETTING_PREFIX + "nation"


def value(uow: UnitOfWork, key: str) -> int:
    """A limit's value (the default until someone sets it); needs an open unit of work."""
    limit = LIMITS[key]
    row = uow.session.get(AppSetting, SETTING_PREFIX + key)
    return int(row.value) if row is not None else limit.default


def nation(uow: UnitOfWork) -> str:
    row = uow.session.get(AppSetting, NATION_KEY)
    return row.value if row is not None else "england"


def set_value(uow: UnitOfWork, actor: Actor, key: str, new: int | str) -> None:
    """Change one limit (coordinators and administrators), audited."""
    if not (actor.coordinates or actor.administers):
        raise AccessDenied("Only coordinators and administrators change the standards' limits.")
    if key == "nation":
        if new not in NATIONS:
            raise ValidationError("The nation is one of: " + ", ".join(NATIONS) + ".",
                                  field="nation")
        stored, full_key = str(new), NATION_KEY
    else:
        if key not in LIMITS:
            raise ValidationError(f"There is no setting {key!r}.", field="key")
        limit = LIMITS[key]
        if not isinstance(new, int) or not limit.low <= new <= limit.high:
            raise ValidationError(f"{limit.label}: give a whole number from {limit.low} to "
                                  f"{limit.high}.", field=key)
        stored, full_key = str(new), SETTING_PREFIX + key
    with uow:
        uow.begin_write()
        row = uow.session.get(AppSetting, full_key)
        if row is None:
            uow.session.add(AppSetting(key=full_key, value=stored))
        else:
            row.value = stored
        audit.record(uow, actor, "standards.setting", "app_settings", detail=f"{key}={stored}")
        uow.commit()


@lru_cache(maxsize=8)
def _bank_holidays(subdiv: str) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=subdiv)


def is_working_day(day: date, nation_name: str = "england") -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(NATIONS[nation_name])


def warm_up() -> None:
    """Build the bank-holiday calendar now (for a background thread): the library's first
    calendar in a process imports every country's module, about a fifth of a second; the
    other nations' calendars are then quick to build."""
    is_working_day(date.today())


def add_working_days(start: date, days: int, nation_name: str = "england") -> date:
    """The date ``days`` working days after ``start`` (the start day itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, nation_name):
            left -= 1
    return day
