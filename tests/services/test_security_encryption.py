"""Encryption at rest: a real SQLite file encrypted with SQLCipher through ``pathways db encrypt``,
then read back, written to, and backed up. Marker strings planted in the data must not appear in
the bytes of the database file, its WAL or its backups."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.errors import DatabaseProblem, ValidationError
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import database, encryption, pathways
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import PASSWORD, make_case, make_user, person

PASSPHRASE = "long enough database passphrase"
MARKERS = [b"Xylofane", b"Quorvikstone", b"Zebrafinch Lane", b"marker-note-9f3c",
           b"Yarrowmint", b"second-marker-note-7d1e"]


def plant(db: Database, first: str, last: str, street: str, note: str) -> str:
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav,
                    participant=person(first, last, address_line1=street))
    pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Phone call", notes=note))
    return ref


def admin(url: str) -> Actor:
    """An administrator (encrypting needs one); its password is the factories' PASSWORD."""
    db = Database(url)
    try:
        return make_user(db, Role.ADMINISTRATOR)
    finally:
        db.dispose()


def found(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [m for m in MARKERS if m in data]


@pytest.fixture
def plain(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "pathways.db"
    shutil.copy(migrated_template, path)
    return path


def test_encrypted_database_wal_and_backups_hold_no_plaintext(
        plain: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{plain}"
    db = Database(url)
    ref = plant(db, "Xylofane", "Quorvikstone", "1 Zebrafinch Lane", "marker-note-9f3c")
    db.dispose()
    assert found(plain), "the markers should be readable in a plaintext file (test is sound)"

    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    assert main(["--database", url, "--user", admin(url).username, "db", "encrypt"]) == 0
    assert "is now encrypted" in capsys.readouterr().out
    assert encryption.is_encrypted(url)
    assert not list(tmp_path.glob("*.encrypting"))

    # the same data opens with the passphrase, and new writes go through the WAL encrypted
    enc = Database(url, passphrase=encryption.passphrase_for(url))
    second = plant(enc, "Yarrowmint", "Quorvikstone", "2 Zebrafinch Lane",
                   "second-marker-note-7d1e")
    wal = Path(f"{plain}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert found(plain) == [] and found(wal) == []
    backup = database.backup(enc, tmp_path / "backups" / "copy.db")
    rotated = database.rotate_backup(enc, tmp_path / "rotated", keep=2)
    assert rotated is not None
    for copy in (backup, rotated):
        assert found(copy) == []
        encryption.verify_encrypted(copy, PASSPHRASE)
    enc.dispose()

    # a backup restores with the same passphrase and holds both cases
    restored = Database(f"sqlite:///{backup}", passphrase=PASSPHRASE)
    with restored.engine.connect() as conn:
        refs = {r[0] for r in conn.exec_driver_sql("SELECT reference FROM cases")}
        names = {r[0] for r in conn.exec_driver_sql("SELECT first_name FROM people")}
    restored.dispose()
    assert {ref, second} <= refs
    assert {"Xylofane", "Yarrowmint"} <= names


def test_cli_needs_the_passphrase_and_says_so_in_one_line(
        plain: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{plain}"
    db = Database(url)
    plant(db, "Xylofane", "Quorvikstone", "1 Zebrafinch Lane", "marker-note-9f3c")
    db.dispose()
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    assert main(["--database", url, "--user", admin(url).username, "db", "encrypt"]) == 0
    assert main(["--database", url, "db", "check"]) == 0
    assert "ok: integrity check passed" in capsys.readouterr().out

    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "not the passphrase at all")
    assert main(["--database", url, "db", "check"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["pathways: The database passphrase is not right for this database."]

    monkeypatch.delenv(encryption.PASSPHRASE_ENV)
    assert main(["--database", url, "db", "check"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "This database is encrypted" in err[0]


def test_encrypting_twice_or_with_a_short_passphrase_changes_nothing(plain: Path) -> None:
    url = f"sqlite:///{plain}"
    who = admin(url)
    before = plain.read_bytes()
    db = Database(url)
    with pytest.raises(ValidationError, match="at least 12 characters"):
        encryption.encrypt(db, who, "short")
    assert plain.read_bytes() == before
    encryption.encrypt(Database(url), who, PASSPHRASE)
    with pytest.raises(DatabaseProblem, match="encrypted already"):
        encryption.encrypt(Database(url, passphrase=PASSPHRASE), who, PASSPHRASE)


HOLD_OPEN = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM cases").fetchone()
print("open", flush=True)
sys.stdin.readline()
"""


def test_encrypt_refuses_while_the_database_is_open_elsewhere(plain: Path) -> None:
    """Another process (another Pathways window) reading the file: refused, nothing changed."""
    url = f"sqlite:///{plain}"
    who = admin(url)
    before = plain.read_bytes()
    other = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(plain)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseProblem, match="open elsewhere"):
            encryption.encrypt(Database(url), who, PASSPHRASE)
    finally:
        other.communicate("\n", timeout=30)
    assert not encryption.is_encrypted(url)
    assert not list(plain.parent.glob("*.encrypting"))
    assert plain.read_bytes()[100:] == before[100:]  # the header may note the journal mode
