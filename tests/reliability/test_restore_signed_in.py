"""Restore, copy, encryption and rekeying are an administrator's, signed in and audited; a
restore never rolls the audit trail back; encrypted backups restore; a protected database is not
copied to a plaintext file unless that is asked for, and then with a warning."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import database, encryption
from app.services.context import Actor
from tests.factories import PASSWORD, make_case, make_user

PASSPHRASE = "long enough database passphrase"
OTHER = "another long database passphrase"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def one_line(code: int, out: str, err: str, phrase: str) -> None:
    assert (code, out) == (EXIT_REFUSED, ""), (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and phrase in lines[0], err


def actions(url: str, passphrase: str | None = None) -> list[str]:
    db = Database(url, passphrase=passphrase)
    try:
        with db.engine.connect() as conn:
            return list(conn.execute(text("SELECT action FROM audit_events ORDER BY id"))
                        .scalars())
    finally:
        db.dispose()


@pytest.fixture
def people(db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, Actor]:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    return {"admin": make_user(db, Role.ADMINISTRATOR),
            "coord": make_user(db, Role.COORDINATOR)}


def test_restore_and_copy_without_an_administrator_are_refused(
        db: Database, db_path: Path, people: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{db_path}"
    make_case(db, people["coord"], Scheme.GATEWAY)
    backup = database.backup(db, tmp_path / "b.db")
    db.dispose()
    monkeypatch.delenv("PATHWAYS_USER", raising=False)
    one_line(*cli("--database", url, "restore", str(backup)), "give --user NAME")
    one_line(*cli("--database", url, "db", "copy", "--to", f"sqlite:///{tmp_path / 'c.db'}"),
             "give --user NAME")
    coord = people["coord"].username
    one_line(*cli("--database", url, "--user", coord, "restore", str(backup)),
             "Only an administrator can restore a backup.")
    one_line(*cli("--database", url, "--user", coord, "db", "copy", "--to",
                  f"sqlite:///{tmp_path / 'c.db'}"), "Only an administrator can copy")
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    one_line(*cli("--database", url, "--user", coord, "db", "encrypt"),
             "Only an administrator can encrypt the database.")
    assert not (tmp_path / "c.db").exists()
    assert not encryption.is_encrypted(url)
    assert actions(url)[-3:] == ["sign-in"] * 3  # only the coordinator's sign-ins


def test_a_restore_keeps_the_audit_rows_written_after_the_backup(
        db: Database, db_path: Path, people: dict[str, Actor], tmp_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    make_case(db, people["coord"], Scheme.GATEWAY)
    backup = database.backup(db, tmp_path / "monday.db")
    at_backup = actions(f"sqlite:///{backup}")
    later = make_case(db, people["coord"], Scheme.CHECKPOINT)
    since = actions(url)[len(at_backup):]
    assert "case.create" in since
    db.dispose()

    code, out, err = cli("--database", url, "--user", people["admin"].username, "restore",
                         str(backup))
    assert (code, err) == (0, "")
    now = actions(url)
    assert now[:len(at_backup)] == at_backup
    assert now[len(at_backup):-1] == [*since, "sign-in"]  # the restorer's sign-in too
    assert now[-1] == "database.restore"
    assert "audit rows written since the backup were kept" in out
    restored = Database(url)
    assert database.check(restored).ok  # the chain runs on through the kept rows
    with restored.engine.connect() as conn:
        refs = set(conn.execute(text("SELECT reference FROM cases")).scalars())
    restored.dispose()
    assert later not in refs  # the data is the backup's; only the trail goes on
    kept = next((tmp_path / "data" / "backups").glob("before-restore-*-later-audit.csv"))
    with kept.open(encoding="utf-8-sig") as fh:
        assert [r["action"] for r in csv.DictReader(fh)] == [*since, "sign-in"]


def test_encrypted_backups_restore_and_a_passphrase_can_change(
        db: Database, db_path: Path, people: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{db_path}"
    first = make_case(db, people["coord"], Scheme.GATEWAY)
    plain_backup = database.backup(db, tmp_path / "data" / "backups" / "pathways-old.db")
    db.dispose()
    admin = people["admin"].username
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    code, out, err = cli("--database", url, "--user", admin, "db", "encrypt")
    assert (code, err) == (0, ""), out
    assert "1 unencrypted backups were removed" in out
    assert not plain_backup.exists()  # it would keep what the encryption protects
    enc = Database(url, passphrase=PASSPHRASE)
    backup = database.backup(enc, tmp_path / "enc.db")
    make_case(enc, people["coord"], Scheme.CHECKPOINT)
    enc.dispose()

    code, out, err = cli("--database", url, "--user", admin, "restore", str(backup))
    assert (code, err) == (0, ""), out
    assert actions(url, PASSPHRASE)[-1] == "database.restore"

    monkeypatch.setenv("PATHWAYS_DB_NEW_PASSPHRASE", OTHER)
    code, out, err = cli("--database", url, "--user", admin, "db", "rekey")
    assert (code, err) == (0, ""), out
    code, _, err = cli("--database", url, "db", "check")
    assert code != 0 and "passphrase is not right" in err
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, OTHER)
    code, out, err = cli("--database", url, "db", "check")
    assert (code, err) == (0, "")
    assert actions(url, OTHER)[-2:] == ["sign-in", "database.rekey"]

    # an encrypted backup into a plaintext database: the result stays encrypted
    plain = tmp_path / "plain.db"
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    code, out, err = cli("--database", f"sqlite:///{plain}", "--user", admin, "restore",
                         str(backup))
    assert (code, err) == (0, ""), out
    assert encryption.is_encrypted(f"sqlite:///{plain}")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(plain).execute("SELECT count(*) FROM cases").fetchone()
    restored = Database(f"sqlite:///{plain}", passphrase=PASSPHRASE)
    with restored.engine.connect() as conn:
        assert set(conn.execute(text("SELECT reference FROM cases")).scalars()) == {first}
    assert database.check(restored).ok
    restored.dispose()


def test_a_protected_database_is_copied_to_plaintext_only_when_asked(
        db: Database, db_path: Path, people: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{db_path}"
    make_case(db, people["coord"], Scheme.GATEWAY)
    db.dispose()
    admin = people["admin"].username
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    assert cli("--database", url, "--user", admin, "db", "encrypt")[0] == 0
    monkeypatch.delenv(encryption.PASSPHRASE_ENV)
    copy = tmp_path / "copy.db"
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)

    # a new target file is made under PATHWAYS_DB_PASSPHRASE: encrypted, allowed
    code, out, err = cli("--database", url, "--user", admin, "db", "copy", "--to",
                         f"sqlite:///{copy}")
    assert (code, err) == (0, ""), out
    assert encryption.is_encrypted(f"sqlite:///{copy}")
    assert actions(url, PASSPHRASE)[-1] == "database.copy"

    # with --plaintext the copy is a plain file, and the command warns
    plain = tmp_path / "plain.db"
    code, out, err = cli("--database", url, "--user", admin, "db", "copy", "--plaintext",
                         "--to", f"sqlite:///{plain}")
    assert code == 0 and "all identical" in out
    assert err.startswith("pathways: warning: the copy is NOT encrypted")
    assert not encryption.is_encrypted(f"sqlite:///{plain}")
    with sqlite3.connect(plain) as conn:
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)


@pytest.mark.postgres
def test_a_server_database_is_not_copied_to_a_plain_file_unasked(
        pg_migrated_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = Database(pg_migrated_url)
    admin = make_user(server, Role.ADMINISTRATOR)
    server.dispose()
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    plain = tmp_path / "desk.db"
    one_line(*cli("--database", pg_migrated_url, "--user", admin.username, "db", "copy",
                  "--to", f"sqlite:///{plain}"), "unencrypted file of a protected database")
    assert not plain.exists()
    assert actions(pg_migrated_url)[-1] == "sign-in"  # nothing recorded as copied
