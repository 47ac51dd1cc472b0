"""The organisation that prints the letters: its name, address and contact details.

Kept in the shared ``app_settings`` table (so a team server prints one letterhead) with sensible
defaults, because a new database must still print a usable letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import UnitOfWork
from app.errors import AccessDenied, ValidationError
from app.models.settings import AppSetting
from app.services import audit
from app.services.context import Actor

KEYS = {"name": "org.name", "address": "org.address", "phone": "org.phone",
        "email": "org.email"}


@dataclass(frozen=True)
class Organisation:
    name: str = "Pathways Partnership"
    #: One line each, as printed under the name.
    address: tuple[str, ...] = ("Community Safety Team", "Town Hall", "Darlington DL1 1ZZ")
    phone: str = "01325 000000"
    email: str = "pathways@example.org"


def get_organisation(uow: UnitOfWork) -> Organisation:
    """The letterhead to print; any setting not yet saved takes its default."""
    default = Organisation()
    with uow:
        rows = {field: uow.session.get(AppSetting, key) for field, key in KEYS.items()}
        values = {field: row.value for field, row in rows.items() if row is not None}
    address = tuple(values["address"].splitlines()) if "address" in values else default.address
    return Organisation(values.get("name", default.name), address,
                        values.get("phone", default.phone), values.get("email", default.email))


def set_organisation(uow: UnitOfWork, actor: Actor, org: Organisation) -> None:
    """Save the letterhead (administrators only); every later document prints it."""
    if not actor.administers:
        raise AccessDenied("Only an administrator can change the organisation's details.")
    if not org.name.strip():
        raise ValidationError("Give the organisation's name.", field="name")
    values = {"name": org.name.strip(), "address": "\n".join(x.strip() for x in org.address
                                                            if x.strip()),
              "phone": org.phone.strip(), "email": org.email.strip()}
    with uow:
        uow.begin_write()
        for field, key in KEYS.items():
            row = uow.session.get(AppSetting, key)
            if row is None:
                uow.session.add(AppSetting(key=key, value=values[field]))
            else:
                row.value = values[field]
        audit.record(uow, actor, "settings.organisation", "app_settings")
        uow.commit()
