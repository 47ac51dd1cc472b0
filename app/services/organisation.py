"""The organisation that prints the letters: its name, address and contact details.

Kept in the shared ``app_settings`` table (so a team server prints one letterhead) with sensible
defaults, because a new database must still print a usable letter.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader

from app.db import UnitOfWork
from app.errors import AccessDenied, ValidationError
from app.models.settings import AppSetting
from app.services import audit
from app.services.context import Actor

LOGO_KEY = "org.logo"
KEYS = {"name": "org.name", "address": "org.address", "phone": "org.phone",
        "email": "org.email"}


@dataclass(frozen=True)
class Organisation:
    name: str = "Pathways Partnership"
    #: One line each, as printed under the name.
    address: tuple[str, ...] = ("Community Safety Team", "Town Hall", "Darlington DL1 1ZZ")
    phone: str = "01325 000000"
    email: str = "pathways@example.org"
    #: PNG or JPEG bytes, kept in the database so every desktop of a team prints the same logo.
    logo: bytes | None = None


def get_organisation(uow: UnitOfWork) -> Organisation:
    """The letterhead to print; any setting not yet saved takes its default."""
    with uow:
        return read_organisation(uow)


def read_organisation(uow: UnitOfWork) -> Organisation:
    """``get_organisation`` inside a unit of work the caller already holds open."""
    default = Organisation()
    rows = {field: uow.session.get(AppSetting, key) for field, key in KEYS.items()}
    values = {field: row.value for field, row in rows.items() if row is not None}
    logo_row = uow.session.get(AppSetting, LOGO_KEY)
    logo = base64.b64decode(logo_row.value) if logo_row is not None and logo_row.value \
        else None
    address = tuple(values["address"].splitlines()) if "address" in values else default.address
    return Organisation(values.get("name", default.name), address,
                        values.get("phone", default.phone), values.get("email", default.email),
                        logo)


MAX_LOGO_BYTES = 1_000_000


def check_logo(logo: bytes) -> None:
    """A logo must be a PNG or JPEG reportlab can draw, and small enough for every letter."""
    if len(logo) > MAX_LOGO_BYTES:
        raise ValidationError("The logo is larger than 1 MB; use a smaller image.", field="logo")
    if not (logo.startswith(b"\x89PNG\r\n\x1a\n") or logo.startswith(b"\xff\xd8\xff")):
        raise ValidationError("The logo must be a PNG or JPEG image.", field="logo")
    try:
        ImageReader(io.BytesIO(logo)).getSize()
    except Exception:  # reportlab/PIL raise many kinds for a broken image
        raise ValidationError("The logo image cannot be read; it may be damaged.",
                              field="logo") from None


def set_organisation(uow: UnitOfWork, actor: Actor, org: Organisation) -> None:
    """Save the letterhead (administrators only); every later document prints it."""
    if not actor.administers:
        raise AccessDenied("Only an administrator can change the organisation's details.")
    if not org.name.strip():
        raise ValidationError("Give the organisation's name.", field="name")
    values = {"name": org.name.strip(), "address": "\n".join(x.strip() for x in org.address
                                                            if x.strip()),
              "phone": org.phone.strip(), "email": org.email.strip()}
    if org.logo is not None:
        check_logo(org.logo)
    with uow:
        uow.begin_write()
        logo_row = uow.session.get(AppSetting, LOGO_KEY)
        logo_text = base64.b64encode(org.logo).decode("ascii") if org.logo else ""
        if logo_row is None:
            uow.session.add(AppSetting(key=LOGO_KEY, value=logo_text))
        else:
            logo_row.value = logo_text
        for field, key in KEYS.items():
            row = uow.session.get(AppSetting, key)
            if row is None:
                uow.session.add(AppSetting(key=key, value=values[field]))
            else:
                row.value = values[field]
        audit.record(uow, actor, "settings.organisation", "app_settings")
        uow.commit()
