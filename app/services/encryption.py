"""Encryption at rest for the desktop database, with SQLCipher (``sqlcipher3``).

An encrypted file has no plaintext header, so whether a passphrase is needed is read from the
file itself. ``encrypt`` writes an encrypted copy beside the database, checks it (opens with the
key, integrity check, every table's row count equal to the original) and only then swaps it in;
the plaintext file is never half-replaced. Backups of an encrypted database are written with
``sqlcipher_export`` under the same key, so a backup is never the weak copy.

PostgreSQL is protected by its server (disk encryption, TLS, roles), not here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app.db import Database, is_sqlite, sqlcipher_key_pragma
from app.errors import AccessDenied, DatabaseProblem, ValidationError
from app.services.context import Actor

PASSPHRASE_ENV = "PATHWAYS_DB_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 12
SQLITE_HEADER = b"SQLite format 3\x00"


def _file(url: str) -> Path | None:
    if not is_sqlite(url):
        return None
    name = make_url(url).database
    if not name or name == ":memory:":
        return None
    return Path(name)


def is_encrypted(url: str) -> bool:
    """True when the URL names an existing file that looks like SQLCipher's: no plaintext
    header, and whole pages (SQLCipher pages are multiples of 512 bytes). Other junk is left
    to the usual "damaged" message."""
    path = _file(url)
    if path is None or not path.exists():
        return False
    size = path.stat().st_size
    if size < 512 or size % 512:
        return False
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER


def passphrase_for(url: str, prompt: Callable[[], str | None] | None = None) -> str | None:
    """The passphrase to open ``url`` with, or None for a plaintext (or PostgreSQL) database.

    An encrypted file takes ``PATHWAYS_DB_PASSPHRASE`` or asks through ``prompt``. A new file
    is created encrypted when the variable is set. A plaintext file opens as it is.
    """
    path = _file(url)
    if path is None:
        return None
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file: give the file's "
                              "path (sqlite:///FOLDER/pathways.db).")
    env = os.environ.get(PASSPHRASE_ENV) or None
    if not path.exists() or path.stat().st_size == 0:
        return env
    if not is_encrypted(url):
        return None
    if env:
        return env
    given = prompt() if prompt else None
    if not given:
        raise DatabaseProblem(f"This database is encrypted: give its passphrase (set "
                              f"{PASSPHRASE_ENV} or run in a terminal).")
    return given


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(f"The database passphrase must be at least "
                              f"{MIN_PASSPHRASE_LENGTH} characters long.", field="passphrase")


def _sqlcipher() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def _connect(path: Path, passphrase: str | None, timeout: float = 10.0) -> Any:
    conn = _sqlcipher().connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if passphrase:
        conn.execute(sqlcipher_key_pragma(passphrase))
    return conn


def _counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]
            for n in names}


def export_encrypted(conn: Any, dest: Path, passphrase: str) -> None:
    """Copy everything the connection's main database holds into a new encrypted file."""
    conn.execute("ATTACH DATABASE ? AS pathways_copy KEY ?",
                 (str(dest), passphrase))
    try:
        conn.execute("SELECT sqlcipher_export('pathways_copy')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA pathways_copy.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE pathways_copy")


def verify_encrypted(path: Path, passphrase: str, expected: dict[str, int] | None = None) -> None:
    """An encrypted copy counts only if its key opens it, it is whole, and nothing is missing."""
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
            raise DatabaseProblem(f"{path.name} is not encrypted.")
    try:
        conn = _connect(path, passphrase)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()
            stamped = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = _counts(conn)
        finally:
            conn.close()
    except Exception as exc:  # the driver's DatabaseError
        raise DatabaseProblem(f"{path.name} does not open with the passphrase ({exc}).") from exc
    if ok is None or ok[0] != "ok":
        raise DatabaseProblem(f"{path.name} fails the integrity check.")
    if stamped is None:
        raise DatabaseProblem(f"{path.name} is not a Pathways database.")
    if expected is not None and counts != expected:
        raise DatabaseProblem(f"{path.name} does not hold every row of the original.")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt(db: Database, actor: Actor, passphrase: str,
            backup_dir: Path | None = None) -> EncryptReport:
    """Encrypt a plaintext desktop database in place, safely: copy, check, then swap
    (administrators). Once the encrypted file is in place, the plaintext backups in
    ``backup_dir`` are removed: they would otherwise keep what the encryption protects.

    The database must not be open elsewhere (an exclusive lock is taken to make sure).
    """
    _require_administrator(actor, "encrypt the database")
    path = _file(db.url)
    if path is None:
        raise DatabaseProblem("Only a desktop (SQLite) database file can be encrypted; protect "
                              "a PostgreSQL server with its own disk encryption.")
    if not path.exists():
        raise DatabaseProblem(f"There is no database at {path}.")
    if db.passphrase or is_encrypted(db.url):
        raise DatabaseProblem("This database is encrypted already.")
    check_passphrase_strength(passphrase)
    rewrite(db, None, passphrase)
    removed = remove_plaintext_backups(backup_dir) if backup_dir is not None else 0
    _audit(db.url, passphrase, actor, "database.encrypt",
           f"encrypted; {removed} plaintext backups removed")
    return EncryptReport(path, removed)


def rekey(db: Database, actor: Actor, new_passphrase: str) -> Path:
    """Change an encrypted database's passphrase (administrators): an encrypted copy under
    the new key is written, checked and swapped in, as for ``encrypt``. Backups made before
    keep the old passphrase."""
    _require_administrator(actor, "change the database passphrase")
    path = _file(db.url)
    if path is None or not db.passphrase:
        raise DatabaseProblem("This database is not encrypted: use 'pathways db encrypt'.")
    check_passphrase_strength(new_passphrase)
    if new_passphrase == db.passphrase:
        raise ValidationError("The new passphrase is the one in use; nothing was changed.",
                              field="passphrase")
    rewrite(db, db.passphrase, new_passphrase)
    _audit(db.url, new_passphrase, actor, "database.rekey", "passphrase changed")
    return path


@dataclass(frozen=True)
class EncryptReport:
    path: Path
    plaintext_backups_removed: int


def _require_administrator(actor: Actor, what: str) -> None:
    if not actor.administers:
        raise AccessDenied(f"Only an administrator can {what}.")


def _audit(url: str, passphrase: str | None, actor: Actor, action: str, detail: str) -> None:
    """The audit row goes into the database as it is now (under its new key)."""
    from app.services import audit

    done = Database(url, passphrase=passphrase)
    try:
        with done.uow() as uow:
            uow.begin_write()
            audit.record(uow, actor, action, "database", detail=detail)
            uow.commit()
    finally:
        done.dispose()


def remove_plaintext_backups(folder: Path) -> int:
    """Delete the unencrypted backups in ``folder`` (after the database was encrypted)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for copy in folder.glob("*.db"):
        with copy.open("rb") as fh:
            plain = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
        if plain:
            copy.unlink()
            removed += 1
    return removed


def lock_exclusive(path: Path, passphrase: str | None) -> Any:
    """A connection holding the only lock on the file (out of WAL, so nobody else can read
    it either), or a plain refusal when another window has it open."""
    conn = _connect(path, passphrase, timeout=2.0)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy is not None and busy[0]:
            raise DatabaseProblem("busy")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    except Exception as exc:
        conn.close()
        raise DatabaseProblem("The database is open elsewhere (another Pathways window?). "
                              "Close it and try again; nothing was changed.") from exc
    return conn


def rewrite(db: Database, old: str | None, new: str, source: Path | None = None,
            source_passphrase: str | None = None) -> Path:
    """Replace the desktop file with an encrypted copy under ``new``: of itself, or of
    ``source`` (a restore). The copy is checked (key, integrity, every table's rows) before it
    is swapped in, so the file is never half-replaced."""
    path = _file(db.url)
    assert path is not None
    db.dispose()
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    live = lock_exclusive(path, old) if path.exists() else None
    try:
        # private before a byte is in it (SQLCipher writes into the empty file)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
        if source is None:
            assert live is not None
            expected = _counts(live)
            live.execute("COMMIT")
            export_encrypted(live, tmp, new)
        else:
            src = _connect(source, source_passphrase)
            try:
                expected = _counts(src)
                export_encrypted(src, tmp, new)
            finally:
                src.close()
        verify_encrypted(tmp, new, expected)
        _fsync(tmp)
    except DatabaseProblem:
        tmp.unlink(missing_ok=True)
        raise
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseProblem(f"The encrypted copy could not be written ({exc}); nothing was "
                              "changed.") from exc
    finally:
        if live is not None:
            live.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    with contextlib.suppress(OSError):  # some filesystems cannot fsync a directory
        _fsync(path.parent)
    return path


def backup_encrypted(db: Database, dest: Path) -> None:
    """An online copy of an encrypted database, encrypted under the same passphrase."""
    assert db.passphrase
    raw = db.engine.raw_connection()
    try:
        export_encrypted(raw.driver_connection, dest, db.passphrase)
    finally:
        raw.close()
