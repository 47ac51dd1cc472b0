"""The find-anyone index: every way a person may look a case up, folded to plain lower-case
words (accents removed), one row per word, so that "starts with" is an index range.

Kept by ``app/services/find.py`` (in the same flush as the change it follows); no one reads it
but the search. Rows hold words of names, postcodes and phone numbers: anonymising scrubs them
and deleting a case deletes them with it.
"""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class TermKind(enum.StrEnum):
    REFERENCE = "reference"
    CRIME_REFERENCE = "crime reference"
    NAME = "name"
    DATE_OF_BIRTH = "date of birth"
    POSTCODE = "postcode"
    PHONE = "phone"


class SearchTerm(Base):
    __tablename__ = "search_terms"
    __table_args__ = (
        # each kind of word is its own range, answered from the index (0022_find_kind_term)
        Index("ix_search_terms_kind_term", "kind", "term", "case_id", "person_id"),
        Index("ix_search_terms_case", "case_id"),
        Index("ix_search_terms_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    #: The party the word belongs to; None for the case's own words (its references).
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[TermKind] = mapped_column(enum_column(TermKind, 20))
    term: Mapped[str] = mapped_column(String(80))
