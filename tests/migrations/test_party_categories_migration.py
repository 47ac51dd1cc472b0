"""0020_party_categories: parties already on cases get the ICO category their role gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import Database
from app.services import database


def test_existing_parties_get_the_category_of_their_role(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    database.upgrade(old, "0019_indicator_indexes")
    old.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    roles = ["participant", "harmed party", "harmer", "supporter", "parent or guardian", "other"]
    for n, role in enumerate(roles, start=1):
        conn.execute("INSERT INTO case_parties (id, case_id, person_id, role, wants_updates) "
                     "VALUES (?, 1, ?, ?, 1)", (n, n, role))
    conn.commit()
    conn.close()

    db = Database(f"sqlite:///{path}")
    database.upgrade(db)
    db.dispose()
    conn = sqlite3.connect(path)
    got = [r[0] for r in conn.execute("SELECT category FROM case_parties ORDER BY id")]
    nullable = [r[3] for r in conn.execute("PRAGMA table_info(case_parties)")
                if r[1] == "category"]
    conn.close()
    assert got == ["suspect or offender", "victim", "suspect or offender", "other", "other",
                   "other"]
    assert nullable == [1]  # NOT NULL
