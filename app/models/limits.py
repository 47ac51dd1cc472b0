"""Text limits checked before anything is written, the same on SQLite and PostgreSQL.

PostgreSQL refuses a value longer than its column or holding a NUL character, with a driver
error in the middle of a save; SQLite stores either without a word. Checking every new or
changed row just before the flush turns both into a plain ValidationError naming the field,
on both stores, before any row of the save reaches the database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Enum, String, inspect
from sqlalchemy.orm import Session

from app.errors import ValidationError


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def check_text(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush`` hook: every string attribute fits its column and has no NUL."""
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            value = obj.__dict__.get(attr.key)
            if not isinstance(value, str):
                continue
            col_type = attr.columns[0].type
            if "\x00" in value:
                raise ValidationError(f"{_label(attr.key)} contains a character that cannot be "
                                      "stored (NUL); remove it.", field=attr.key)
            length = getattr(col_type, "length", None)
            if isinstance(col_type, String) and not isinstance(col_type, Enum) and length \
                    and len(value) > length:
                raise ValidationError(f"{_label(attr.key)} is too long: at most {length} "
                                      f"characters ({len(value)} given).", field=attr.key)
