"""The machine, not the user, gets in the way: a damaged or foreign database file, a read-only
folder, a full disk. Each gives one clear line and loses nothing already saved.

As root (how scripts/test runs in CI) the read-only folder and the full disk are real: a tmpfs
mounted read-only, and a tiny tmpfs filled up. Without root they are made with a read-only
folder mode and with RLIMIT_FSIZE on a child process running the same command.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.config import REPO_ROOT
from app.db import Database
from app.errors import DatabaseProblem
from app.models.cases import Scheme
from app.models.users import Role
from app.services import database, importer
from tests.factories import PASSWORD, make_case, make_user
from tests.services.journeys import snapshot

ROOT = os.geteuid() == 0


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                   check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


@pytest.fixture
def populated(db: Database, db_path: Path) -> Path:
    coord = make_user(db, Role.COORDINATOR, "coord")
    for scheme in Scheme:
        make_case(db, coord, scheme)
    db.dispose()
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path


# ---------------------------------------------------------------- damaged and foreign files


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "accounts.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO ledger VALUES (1, 12.5)")
        conn.commit()
    def content() -> tuple[object, ...]:
        with contextlib.closing(sqlite3.connect(other)) as conn:
            return (conn.execute("SELECT name FROM sqlite_master").fetchall(),
                    conn.execute("SELECT * FROM ledger").fetchall())

    # opening it switches its journal to WAL (a header byte); its tables and rows stay as
    # they were, which is what the owner of the file cares about
    before = content()
    for command in (("db", "upgrade"), ("demo", "--cases", "3"), ("db", "check")):
        code, out, err = cli("--database", f"sqlite:///{other}", *command)
        assert code != 0 and out == ""
        line = one_line(err)
        assert "not a Pathways database" in line or "schema is at no revision" in line, line
    assert content() == before
    db = Database(f"sqlite:///{other}")
    with pytest.raises(DatabaseProblem, match="not a Pathways database; nothing was changed"):
        database.prepare(db, tmp_path / "backups")  # what the window does at start
    db.dispose()
    assert content() == before


def test_a_damaged_pathways_file_is_reported_by_check_and_not_changed(populated: Path) -> None:
    data = bytearray(populated.read_bytes())
    page = 4096
    data[page * 5:page * 7] = bytes(range(256)) * (2 * page // 256)
    populated.write_bytes(bytes(data))
    before = digest(populated)
    code, out, err = cli("--database", f"sqlite:///{populated}", "db", "check")
    assert (code, out) == (4, ""), err
    assert err.startswith("problem: ") and "Traceback" not in err
    assert digest(populated) == before


# ---------------------------------------------------------------- read-only folder


@pytest.fixture
def read_only_copy(populated: Path, tmp_path: Path) -> Iterator[Path]:
    if ROOT:  # root writes through any folder mode; only a read-only mount stops it
        with tmpfs(tmp_path / "share", "4m") as folder:
            shutil.copy(populated, folder / "pathways.db")
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder / "pathways.db"
        return
    folder = tmp_path / "share"
    folder.mkdir()
    shutil.copy(populated, folder / "pathways.db")
    folder.chmod(0o555)
    yield folder / "pathways.db"
    folder.chmod(0o755)


def test_a_read_only_folder_gives_a_clear_message_and_loses_nothing(
        read_only_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    before = digest(read_only_copy)
    url = f"sqlite:///{read_only_copy}"
    for command in (("--user", "coord", "case", "list"), ("db", "upgrade"),
                    ("backup", str(tmp_path / "b.db"))):
        code, out, err = cli("--database", url, *command)
        assert code != 0 and out == ""
        assert "is read-only" in one_line(err) and "nothing was changed" in err
    assert digest(read_only_copy) == before


# ---------------------------------------------------------------- full disk

ROWS = [{"scheme": "nr", "first_name": f"Sam{i}", "last_name": "Filler" * 5,
         "offence_code": "neighbour-dispute", "referral_date": date.today().isoformat(),
         "referral_source": "Housing provider", "eligibility": "all-parties-willing=yes",
         "offence_summary": "y" * 2000}
        for i in range(400)]


def _csv(path: Path, n: int = len(ROWS)) -> Path:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=importer.COLUMNS)
        writer.writeheader()
        writer.writerows(ROWS[:n])
    return path


def without_sign_in(rows: dict[str, list[tuple[object, ...]]]) -> dict[str, object]:
    """The command signs in (and records that) before the import meets the full disk."""
    out: dict[str, object] = {t: r for t, r in rows.items() if t != "users"}
    out["audit_events"] = [r for r in rows["audit_events"] if "sign-in" not in r]
    return out


def _import_on_a_full_disk(db_file: Path, csv_file: Path, tmp_path: Path
                           ) -> tuple[int, str, str]:
    url = f"sqlite:///{db_file}"
    args = ("--database", url, "--user", "coord", "import", "referrals", str(csv_file))
    if ROOT:
        return cli(*args)
    # without root: the same command in a child that may not grow any file past 64 KB more
    limit = db_file.stat().st_size + 64 * 1024
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
            "from app.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, env=dict(os.environ))
    return proc.returncode, proc.stdout, proc.stderr


def test_a_full_disk_keeps_everything_saved_before_and_says_so(
        populated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    csv_file = _csv(tmp_path / "big.csv")
    with contextlib.ExitStack() as stack:
        if ROOT:
            # a small disk: the database and a megabyte beside it (the file grows with the
            # schema's indexes, so a fixed size would one day not even hold it)
            room = populated.stat().st_size // 1024 + 1024
            folder = stack.enter_context(tmpfs(tmp_path / "small", f"{room}k"))
            db_file = folder / "pathways.db"
            shutil.copy(populated, db_file)
            free = shutil.disk_usage(folder).free
            # leave room for SQLite's shared-memory index and a few pages, no more
            (folder / "filler").write_bytes(b"\0" * max(0, free - 96 * 1024))
        else:
            db_file = populated
        saved = Database(f"sqlite:///{db_file}")
        before = snapshot(saved)
        saved.dispose()

        code, out, err = _import_on_a_full_disk(db_file, csv_file, tmp_path)
        assert code == 3 and out == ""
        if ROOT:
            assert one_line(err) == ("pathways: The disk is full: this save was not kept, and "
                                     "everything saved before is safe. Free some space and "
                                     "try again.")
        else:  # a file-size limit reaches SQLite as a failed write, not as a full disk
            assert one_line(err).startswith("pathways: The disk reported an error during the "
                                            "save: it was not kept.")
        after_db = Database(f"sqlite:///{db_file}")
        assert without_sign_in(snapshot(after_db)) == without_sign_in(before)
        assert database.check(after_db).ok
        after_db.dispose()
        if ROOT:  # space freed: the same import now goes through whole
            (db_file.parent / "filler").unlink()
            small = _csv(tmp_path / "small.csv", 20)
            code, out, err = cli("--database", f"sqlite:///{db_file}", "--user", "coord",
                                 "import", "referrals", str(small))
            assert (code, err) == (0, "") and out.startswith("20 referrals imported")
