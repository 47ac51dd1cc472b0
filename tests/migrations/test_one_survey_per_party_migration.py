"""0027_indicator_covering: a database where one harmed party has two surveys that stand is
not upgraded; the message names the case and says what to do, and nothing is changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db import Database
from app.errors import DatabaseProblem
from app.services import database


def _surveys(path: Path, *rows: tuple[int, int, int]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for survey_id, party_id, in_error in rows:
        conn.execute("INSERT INTO satisfaction_surveys (id, case_id, party_id, answered_on, "
                     "satisfied, entered_in_error) VALUES (?, 7, ?, '2026-05-01', 1, ?)",
                     (survey_id, party_id, in_error))
    conn.commit()
    conn.close()


def test_two_standing_surveys_of_one_party_stop_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    database.upgrade(old, "0026_my_work_missed_bail")
    old.dispose()
    _surveys(path, (1, 3, 0), (2, 3, 0), (3, 4, 1), (4, 4, 0))
    db = Database(f"sqlite:///{path}")
    with pytest.raises(DatabaseProblem, match=r"more than one satisfaction survey that stands "
                       r"on 1 case \(case id 7\).*entered in error.*Nothing was changed"):
        database.upgrade(db)
    assert database.current_revision(db) == "0026_my_work_missed_bail"
    db.dispose()
    # once the mistaken answer is entered in error, the upgrade goes through
    conn = sqlite3.connect(path)
    conn.execute("UPDATE satisfaction_surveys SET entered_in_error = 1 WHERE id = 1")
    conn.commit()
    conn.close()
    db = Database(f"sqlite:///{path}")
    database.upgrade(db)
    assert database.current_revision(db) == database.head_revision()
    db.dispose()
