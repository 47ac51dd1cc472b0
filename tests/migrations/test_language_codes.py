"""Migration 0010: languages typed as free text become ISO 639 codes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db import Database
from app.services import database


def test_typed_languages_become_codes_and_unknown_ones_not_known(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    database.upgrade(db, "0009_attachments")
    typed = {"English": "en", " welsh ": "cy", "Cymraeg": "cy", "POLISH": "pl",
             "Polski": "pl", "Farsi": "fa", "BSL": "bfi", "Klingon": "und", "": "en"}
    with db.engine.begin() as conn:
        for n, value in enumerate(typed):
            conn.execute(text(
                "INSERT INTO people (first_name, last_name, search_name, gender, language, "
                "interpreter_needed, document_format, version, created_at, updated_at) VALUES "
                "('A', :last, :last, 'female', :lang, 0, 'standard', 1, :day, :day)"),
                {"last": f"P{n}", "lang": value, "day": "2026-01-01"})
    database.upgrade(db)
    with db.engine.connect() as conn:
        got = dict(conn.execute(text("SELECT last_name, language FROM people")).all())
    assert got == {f"P{n}": code for n, code in enumerate(typed.values())}
    db.dispose()
