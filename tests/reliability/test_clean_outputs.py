"""What Pathways writes is the user's alone (files 0600, folders 0700), whole or not at all, and
never through a link; every bad value a user can type, and every odd environment, is one line on
stderr, never a traceback; stored text never reaches the terminal with its control characters."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import database, organisation
from tests.factories import PASSWORD, make_case, make_user
from tests.reliability.test_bad_environment import ROOT, tmpfs


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's refusal of a bad value
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_line(result: tuple[int, str, str], phrase: str) -> None:
    code, out, err = result
    assert code != 0 and out == "", result
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("pathways") and phrase in lines[0], lines[0]


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A new desktop database in the data folder, made by the command line, with a case."""
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    url = f"sqlite:///{tmp_path / 'data' / 'pathways.db'}"
    assert cli("--database", url, "db", "upgrade")[0] == 0
    db = Database(url)
    coord = make_user(db, Role.COORDINATOR)
    make_user(db, Role.ADMINISTRATOR, "boss")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    db.dispose()
    return url, coord.username, ref  # type: ignore[return-value]


def test_what_pathways_writes_is_private(world: tuple[str, str, str], tmp_path: Path) -> None:
    url, coord, ref = world
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    assert cli("--database", url, "backup", str(data / "backups" / "b.db"))[0] == 0
    assert cli("--database", url, "--user", coord, "document", "summary", ref, "--out",
               str(out / "s.pdf"))[0] == 0
    assert cli("--database", url, "--user", coord, "audit", "--csv", str(out / "a.csv"))[0] == 0
    assert cli("--database", url, "--user", coord, "sar", "1", "--out", str(out / "sar"))[0] == 0
    assert mode(data) == mode(data / "backups") == mode(out / "sar") == 0o700
    files = [data / "pathways.db", data / "backups" / "b.db",
             out / "s.pdf", out / "a.csv", *(p for p in (out / "sar").rglob("*") if p.is_file())]
    assert len(files) > 8
    assert {p.name: oct(mode(p)) for p in files} == {p.name: "0o600" for p in files}
    assert [p for p in (out / "sar").rglob("*") if p.is_dir() and mode(p) != 0o700] == []
    assert not list(out.glob(".*"))  # no temporary file left beside them
    open_db = Database(url)  # while it is open, its write-ahead log is private too
    make_case(open_db, make_user(open_db, Role.COORDINATOR), Scheme.GATEWAY)
    assert mode(data / "pathways.db-wal") == mode(data / "pathways.db-shm") == 0o600
    open_db.dispose()


def test_an_old_open_file_is_tightened_at_start(db: Database, db_path: Path) -> None:
    os.chmod(db_path, 0o644)
    database.prepare(db)
    assert mode(db_path) == 0o600


def test_out_never_writes_through_a_link_or_into_a_folder(world: tuple[str, str, str],
                                                          tmp_path: Path) -> None:
    url, coord, ref = world
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("keep me")
    link = tmp_path / "letter.pdf"
    link.symlink_to(victim)
    base = ("--database", url, "--user", coord)
    one_line(cli(*base, "document", "summary", ref, "--out", str(link)), "symbolic link")
    one_line(cli(*base, "audit", "--csv", str(link)), "symbolic link")
    assert victim.read_text() == "keep me" and link.is_symlink()
    one_line(cli(*base, "document", "summary", ref, "--out", str(tmp_path)), "is a folder")
    one_line(cli(*base, "report", "kpi", "--from", "2025-01-01", "--to", "2025-12-31",
                 "--out", str(tmp_path / "no" / "such" / "r.pdf")), "does not exist")
    one_line(cli(*base, "sar", "1", "--out", str(link)), "not an empty folder")
    if ROOT:  # root writes anywhere a folder's mode allows: a read-only mount stops it
        with tmpfs(tmp_path / "ro", "1m") as folder:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            one_line(cli(*base, "document", "summary", ref, "--out", str(folder / "x.pdf")),
                     "cannot be written")
            one_line(cli(*base, "sar", "1", "--out", str(folder / "pack")),
                     "cannot be written")
            assert list(folder.iterdir()) == []


def test_a_full_disk_during_backup_leaves_nothing(world: tuple[str, str, str],
                                                  tmp_path: Path) -> None:
    if not ROOT:  # the full disk needs a tiny tmpfs (scripts/test runs as root)
        pytest.fail("this test needs root, as scripts/test runs it")
    url, _, _ = world
    db = Database(url)
    with db.uow() as uow:  # a database too big for the disk
        from sqlalchemy import text

        uow.session.execute(text("CREATE TABLE ballast (x BLOB)"))
        uow.session.execute(text("INSERT INTO ballast VALUES (randomblob(400000))"))
        uow.commit()
    db.dispose()
    with tmpfs(tmp_path / "small", "256k") as folder:
        one_line(cli("--database", url, "backup", str(folder / "b.db")), "could not be written")
        assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("args", "phrase"), [
    (("audit", "--from", "0001-01-01"), "out of range"),
    (("audit", "--to", "9999-12-31"), "out of range"),
    (("report", "kpi", "--from", "2025-01-01", "--to", "99999-01-01", "--json"), "not a date"),
    (("audit", "--person", "99999999999999999999"), "too large"),
    (("sar", "4294967296", "--out", "x"), "too large"),
    (("case", "list", "--limit", "-1"), "negative"),
    (("calendar", "appointment", "12345678901234", "--out", "x.ics"), "too large"),
    (("demo", "--cases", "3000000000"), "too large"),
    (("retention", "period", "cp", "100000000000"), "too large"),
    (("organisation", "--logo", "/dev/zero"), "not an image file"),
])
def test_bad_values_are_one_line(world: tuple[str, str, str], args: tuple[str, ...],
                                 phrase: str) -> None:
    url, _, _ = world
    one_line(cli("--database", url, "--user", "boss", *args), phrase)


def test_odd_environments_are_one_line(world: tuple[str, str, str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    url, coord, _ = world
    one_line(cli("--database", f"sqlite:///{tmp_path}", "db", "check"), "is a folder")
    one_line(cli("--database", f"sqlite:///{tmp_path}", "--user", coord, "case", "list"),
             "is a folder")
    monkeypatch.setenv("PATHWAYS_IDLE_LOCK_MINUTES", "ten")
    one_line(cli("--database", url, "db", "check"), "PATHWAYS_IDLE_LOCK_MINUTES must be a "
             "whole number")


def test_control_characters_never_reach_the_terminal(world: tuple[str, str, str]) -> None:
    url, _, _ = world
    db = Database(url)
    from app.services.users import sign_in

    boss = sign_in(db.uow(), "boss", PASSWORD)
    current = organisation.get_organisation(db.uow())
    from dataclasses import replace

    organisation.set_organisation(db.uow(), boss, replace(
        current, name="Safe\x1b]0;owned\x07\x1b[2J Partnership\u202e", phone="\x9b31m"))
    db.dispose()
    code, out, err = cli("--database", url, "--user", "boss", "organisation")
    assert (code, err) == (0, "")
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0 for c in out)
    assert "\u202e" not in out
    assert out.splitlines()[0] == "Safe\\x1b]0;owned\\x07\\x1b[2J Partnership\\u202e"
