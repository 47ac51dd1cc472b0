"""Backups and restore: a checked backup comes back exactly; a damaged or foreign file is
refused in one plain line and nothing is replaced; the automatic backups at start rotate."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import database
from tests.factories import PASSWORD, make_case, make_user
from tests.services.journeys import snapshot


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def cases_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT reference FROM cases")}
    finally:
        conn.close()


def test_restore_brings_a_backup_back_and_keeps_the_database_it_replaced(
        db: Database, db_path: Path, tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR)
    admin = make_user(db, Role.ADMINISTRATOR)
    first = make_case(db, coord, Scheme.GATEWAY)
    url = f"sqlite:///{db_path}"
    copy = tmp_path / "monday.db"
    assert cli("--database", url, "backup", str(copy))[0] == 0
    later = make_case(db, coord, Scheme.CHECKPOINT)
    at_backup = snapshot(Database(f"sqlite:///{copy}"))
    db.dispose()

    code, out, err = cli("--database", url, "--user", admin.username, "restore", str(copy))
    assert (code, err) == (0, "")
    assert cases_in(db_path) == {first}
    saved = Path(out.rsplit(" ", 1)[1].strip())
    assert saved.parent == tmp_path / "data" / "backups"
    assert cases_in(saved) == {first, later}  # what was replaced is kept, checked
    database.verify_backup(saved)
    restored = Database(url)
    now = snapshot(restored)
    # the audit trail is not rolled back: it goes on after the backup's rows
    assert now.pop("audit_events")[:len(at_backup["audit_events"])] == \
        at_backup.pop("audit_events")
    assert now == at_backup
    assert database.check(restored).ok
    restored.dispose()


def _damaged(tmp_path: Path, good: Path) -> Path:
    bad = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xa5" * (4096 * 3)  # pages in the middle overwritten
    bad.write_bytes(bytes(data))
    return bad


def _foreign(tmp_path: Path, _good: Path) -> Path:
    other = tmp_path / "recipes.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('9f3a1c2b7d4e')")
    conn.commit()
    conn.close()
    return other


def _not_sqlite(tmp_path: Path, _good: Path) -> Path:
    text = tmp_path / "notes.db"
    text.write_text("Shopping list: milk, bread.\n" * 200)
    return text


def _truncated(tmp_path: Path, good: Path) -> Path:
    cut = tmp_path / "cut.db"
    cut.write_bytes(good.read_bytes()[:10_000])
    return cut


@pytest.mark.parametrize(("make_bad", "phrase"), [
    (_damaged, "malformed"),
    (_foreign, "another program or a newer version"),
    (_not_sqlite, "not a readable Pathways database"),
    (_truncated, "not a readable Pathways database"),
    (lambda tmp, _g: tmp / "missing.db", "does not exist"),
])
def test_restore_refuses_a_bad_file_and_replaces_nothing(db: Database, db_path: Path,
                                                         tmp_path: Path, make_bad, phrase) -> None:
    coord = make_user(db, Role.COORDINATOR)
    admin = make_user(db, Role.ADMINISTRATOR)
    make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    good = tmp_path / "good.db"
    database.backup(db, good)
    bad = make_bad(tmp_path, good)
    before = snapshot(db)
    db.dispose()
    code, out, err = cli("--database", f"sqlite:///{db_path}", "--user", admin.username,
                         "restore", str(bad))
    assert (code, out) == (3, "")
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert phrase in lines[0] and "nothing was restored" in lines[0].lower(), err
    assert snapshot(db) == before
    assert not (tmp_path / "data" / "backups").exists()  # not even a safety copy was needed


def test_automatic_backups_at_start_are_checked_and_rotate(db: Database, tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR)
    folder = tmp_path / "auto"
    made = []
    for _ in range(5):
        made.append(make_case(db, coord, Scheme.GATEWAY))
        database.prepare(db, folder, keep=3)  # what the app does at each start
    copies = sorted(folder.glob("pathways-*.db"))
    assert len(copies) == 3
    for n, copy in enumerate(copies, start=3):
        database.verify_backup(copy)
        assert cases_in(copy) == set(made[:n])
