"""Declarative base, naming convention and the columns every editable aggregate shares."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    TypeDecorator,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints let alembic's batch mode (SQLite) alter tables that have them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back as aware datetimes (SQLite drops zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_column(enum_cls: type[enum.Enum], length: int = 32) -> Enum:
    """Store an enum by its value as plain text, so both SQLite and PostgreSQL read it alike."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Optimistic locking: a stale save is refused instead of silently overwriting.

    ``updated_by_id``/``updated_at`` let the refusal say who saved and when.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id"), nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Correctable:
    """A record a worker enters (an intervention, an appointment outcome, a consent...).

    It is never deleted or silently overwritten: an amendment keeps the old values in
    ``record_corrections`` (app/services/corrections.py), and a record *entered in error* stays
    in the table for History but counts and prints nowhere. ``live()`` is the one test of
    that, for every query that counts or shows such records.
    """

    entered_in_error: Mapped[bool] = mapped_column(Boolean, default=False,
                                                   server_default=false())

    @classmethod
    def live(cls) -> ColumnElement[bool]:
        """SQL: the record stands (it was not marked entered in error)."""
        return live(cls)


def live(entity: Any) -> ColumnElement[bool]:
    """The one 'is live' test, for a Correctable class or an alias of one."""
    return entity.entered_in_error.is_(False)  # type: ignore[no-any-return]
