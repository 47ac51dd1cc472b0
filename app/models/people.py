"""People: participants, harmed parties, supporters. One record per human, shared across cases."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, Versioned, enum_column, utcnow


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non-binary"
    NOT_STATED = "not stated"


class DocumentFormat(enum.StrEnum):
    """How a person wants letters: standard, easy-read or large print."""

    STANDARD = "standard"
    EASY_READ = "easy-read"
    LARGE_PRINT = "large-print"


class Person(Versioned, Base):
    __tablename__ = "people"
    __table_args__ = (Index("ix_people_name_dob", "last_name", "first_name", "date_of_birth"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    #: Lower-cased "last first" for prefix search by range (LIKE 'x%' cannot use an index).
    search_name: Mapped[str] = mapped_column(String(170), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender), default=Gender.NOT_STATED)
    address_line1: Mapped[str | None] = mapped_column(String(120))
    address_line2: Mapped[str | None] = mapped_column(String(120))
    town: Mapped[str | None] = mapped_column(String(80))
    postcode: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    #: ISO 639 code (app/services/languages.py)
    language: Mapped[str] = mapped_column(String(40), default="en")
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    communication_needs: Mapped[str | None] = mapped_column(Text)
    document_format: Mapped[DocumentFormat] = mapped_column(
        enum_column(DocumentFormat), default=DocumentFormat.STANDARD
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
