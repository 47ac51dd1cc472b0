"""0016_referral_sources: free-text sources folded onto the list, so one source is one figure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import Database
from app.services import database


def _case(conn: sqlite3.Connection, n: int, source: str) -> None:
    conn.execute(
        "INSERT INTO cases (id, reference, scheme, status, participant_id, participant_search, "
        "referral_date, referral_source, eligibility_answers, eligibility, restricted, "
        "legal_hold, anonymised, created_at, version, updated_at) VALUES "
        "(?, ?, 'checkpoint', 'referred', 1, 'x', '2026-01-05', ?, '{}', 'pending', 0, 0, 0, "
        "'2026-01-05 10:00:00', 1, '2026-01-05 10:00:00')", (n, f"CP-2026-{n:04d}", source))


def test_free_text_sources_are_folded_onto_the_list(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    database.upgrade(old, "0015_practitioners")
    old.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    typed = ["Police custody", "police  custody", " POLICE CUSTODY ", "Housing provider",
             "Youth club", "youth  Club", "Youth club", "Church"]
    for n, source in enumerate(typed, start=1):
        _case(conn, n, source)
    conn.commit()
    conn.close()

    db = Database(f"sqlite:///{path}")
    database.upgrade(db)
    db.dispose()
    conn = sqlite3.connect(path)
    by_case = [r[0] for r in conn.execute("SELECT referral_source FROM cases ORDER BY id")]
    listed = [r[0] for r in conn.execute("SELECT name FROM referral_sources ORDER BY position")]
    conn.close()
    assert by_case == ["Police custody"] * 3 + ["Housing provider"] + ["Youth club"] * 3 + [
        "Church"]
    # the migration adds the sources in use; the rest of the list is seeded, in its places
    assert listed[:4] == ["Police custody", "Neighbourhood policing team", "Police (other)",
                          "Housing provider"]
    assert listed[-2:] == ["Church", "Youth club"]
    assert len(listed) == len(set(listed)) == 15
