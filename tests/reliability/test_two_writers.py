"""Two people saving on one desktop database file at once: each of two processes makes 2,000
saves (on cases the other also writes to) mixed with reads. No "database is locked" reaches
either of them, and every save is there afterwards."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.config import REPO_ROOT
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from tests.factories import make_case, make_user

SAVES = 2000


def test_two_writers_each_make_2000_saves_and_none_is_lost_or_refused(
        db: Database, db_path: Path, tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    shared = [make_case(db, coord, Scheme.GATEWAY) for _ in range(3)]
    db.dispose()
    start = tmp_path / "start"
    env = dict(os.environ, WRITER_CASES=",".join(shared), WRITER_START=str(start),
               PYTHONPATH=str(REPO_ROOT))
    procs = {name: subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer_worker", str(db_path), name,
         str(SAVES)], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for name in ("WA", "WB")}
    start.touch()
    results = {name: p.communicate(timeout=300) for name, p in procs.items()}
    for name, (out, err) in results.items():
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert (procs[name].returncode, err, out) == (0, "", f"{name} saved {SAVES}\n")

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for name in ("WA", "WB"):
            purposes = {r[0] for r in conn.execute(
                "SELECT purpose FROM appointments WHERE purpose LIKE ?", (f"{name} %",))}
            assert purposes == {f"{name} {i:05d}" for i in range(SAVES) if i % 10}
            crimes = {r[0] for r in conn.execute(
                "SELECT crime_reference FROM cases WHERE crime_reference LIKE ?", (f"{name}-%",))}
            assert crimes == {f"{name}-{i:05d}" for i in range(0, SAVES, 10)}
        # each save bumped its case's version once: none overwrote another
        for ref in shared:
            version, appts = conn.execute(
                "SELECT version, (SELECT count(*) FROM appointments a WHERE a.case_id = c.id) "
                "FROM cases c WHERE reference = ?", (ref,)).fetchone()
            assert version == 1 + appts
        audited = conn.execute("SELECT count(*) FROM audit_events WHERE action = "
                               "'appointment.schedule'").fetchone()[0]
        assert audited == 2 * (SAVES - SAVES // 10)
    finally:
        conn.close()
