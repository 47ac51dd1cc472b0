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
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app.db import Database, is_sqlite, sqlcipher_key_pragma
from app.errors import DatabaseProblem, ValidationError

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


def encrypt(db: Database, passphrase: str) -> Path:
    """Encrypt a plaintext desktop database in place, safely: copy, check, then swap.

    The database must not be open elsewhere (an exclusive lock is taken to make sure).
    """
    path = _file(db.url)
    if path is None:
        raise DatabaseProblem("Only a desktop (SQLite) database file can be encrypted; protect "
                              "a PostgreSQL server with its own disk encryption.")
    if not path.exists():
        raise DatabaseProblem(f"There is no database at {path}.")
    if db.passphrase or is_encrypted(db.url):
        raise DatabaseProblem("This database is encrypted already.")
    check_passphrase_strength(passphrase)
    db.dispose()
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    conn = _connect(path, None, timeout=2.0)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        try:
            if busy is not None and busy[0]:
                raise DatabaseProblem("busy")
            # out of WAL, an exclusive lock keeps every other reader and writer out
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
        except Exception as exc:
            raise DatabaseProblem("The database is open elsewhere (another Pathways window?). "
                                  "Close it and try again; nothing was changed.") from exc
        expected = _counts(conn)
        conn.execute("COMMIT")
        export_encrypted(conn, tmp, passphrase)
    except DatabaseProblem:
        tmp.unlink(missing_ok=True)
        raise
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseProblem(f"The encrypted copy could not be written ({exc}); nothing was "
                              "changed.") from exc
    finally:
        conn.close()
    try:
        verify_encrypted(tmp, passphrase, expected)
        _fsync(tmp)
    except DatabaseProblem:
        tmp.unlink(missing_ok=True)
        raise
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
