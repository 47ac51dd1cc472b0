"""Put a backup back in place of the desktop database.

A restore must never make things worse: the file offered is checked first (it opens, passes the
integrity check, carries a Pathways schema revision this version knows) and refused with a
plain reason otherwise, before anything is touched. The current database is then backed up
beside the others, and the backup is written into the live file through SQLite's online backup,
page by page under SQLite's own lock, never by copying files over a database in use (an
encrypted backup, or a backup into an encrypted database, is written as a checked encrypted
copy and swapped in). Only an administrator may restore, and a restore never rolls the audit
trail back: rows written after the backup are kept beside it and appended to the restored
trail, followed by the restore itself.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from app.db import Database, is_sqlite
from app.errors import AccessDenied, DatabaseProblem
from app.models.audit import AuditEvent
from app.services import database
from app.services.context import Actor


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    previous_saved_as: Path
    revision: str
    #: Audit rows written after the backup was made: kept beside the saved copy as CSV and
    #: appended again to the restored trail, so a restore never rolls the audit back.
    audit_rows_kept: int = 0
    audit_saved_as: Path | None = None
    #: The passphrase the restored file now opens with (an encrypted backup into a plaintext
    #: database stays encrypted); None for a plaintext file.
    passphrase: str | None = None


_AUDIT_FIELDS = ("at", "user_id", "username", "action", "entity", "entity_id", "case_id",
                 "person_id", "detail")


def _open_ro(path: Path, passphrase: str | None) -> Any:
    """A read-only DB-API connection to a backup, plaintext or SQLCipher."""
    if passphrase:
        from app.services.encryption import _connect

        return _connect(path, passphrase)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def check_restorable(path: Path, passphrase: str | None = None) -> str:
    """The schema revision of a backup fit to restore; a plain refusal otherwise."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseProblem(f"{path} does not exist or is not a file; nothing was restored.")
    try:
        if passphrase:
            from app.services.encryption import verify_encrypted

            verify_encrypted(path, passphrase)
        else:
            database.verify_backup(path)
    except DatabaseProblem as exc:
        raise DatabaseProblem(f"{exc.message} Nothing was restored.") from exc
    conn = _open_ro(path, passphrase)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
    finally:
        conn.close()
    known = {s.revision for s in ScriptDirectory.from_config(
        database.alembic_config()).walk_revisions()}
    if revision not in known:
        raise DatabaseProblem(f"{path.name} was made by another program or a newer version of "
                              f"Pathways (schema {revision!r}); nothing was restored.")
    if not {"cases", "users", "audit_events"} <= tables:
        raise DatabaseProblem(f"{path.name} is not a Pathways database; nothing was restored.")
    return str(revision)


def backup_passphrase(path: Path, db: Database) -> str | None:
    """The passphrase a backup needs: none for a plaintext file; the database's own, or
    ``PATHWAYS_DB_PASSPHRASE``, for an encrypted one."""
    from app.services import encryption

    if not encryption.is_encrypted(f"sqlite:///{Path(path).resolve()}"):
        return None  # plaintext, or junk that the plaintext checks name as such
    given = db.passphrase or os.environ.get(encryption.PASSPHRASE_ENV)
    if not given:
        raise DatabaseProblem(f"{Path(path).name} is encrypted: give its passphrase (set "
                              f"{encryption.PASSPHRASE_ENV}); nothing was restored.")
    return given


def _later_audit_rows(db: Database, source: Path, passphrase: str | None) -> list[dict[str, Any]]:
    """Audit rows of the live database written after the backup's last row."""
    conn = _open_ro(source, passphrase)
    try:
        cols = {r[1] for r in conn.execute("PRAGMA table_info(audit_events)")}
        last_hash = None
        if "hash" in cols:
            row = conn.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
            last_hash = (row.fetchone() or (None,))[0]
        row = conn.execute("SELECT max(at) FROM audit_events").fetchone()
        last_at = row[0] if row else None
    finally:
        conn.close()
    table = AuditEvent.__table__
    try:
        with db.engine.connect() as live:
            after = None
            if last_hash:
                after = live.execute(select(table.c.id).where(table.c.hash == last_hash)
                                     ).scalar()
            q = select(*[table.c[f] for f in _AUDIT_FIELDS]).order_by(table.c.id)
            if after is not None:
                q = q.where(table.c.id > after)
            elif last_at is not None:
                q = q.where(table.c.at > datetime.fromisoformat(str(last_at)).replace(
                    tzinfo=UTC))
            return [dict(r._mapping) for r in live.execute(q)]
    except (DatabaseError, DatabaseProblem):
        return []  # the live file cannot be read: there is nothing to keep from it


def restore(db: Database, actor: Actor, source: Path, backup_dir: Path,
            keep: int = 7) -> RestoreReport:
    """Replace the desktop database with ``source`` (administrators), keeping the current one
    as a backup and every audit row written since the backup was made."""
    if not actor.administers:
        raise AccessDenied("Only an administrator can restore a backup.")
    if not is_sqlite(db.url):
        raise DatabaseProblem("Restore a PostgreSQL server with its own tools (pg_restore); "
                              "this command restores a desktop (SQLite) database.")
    live = database.sqlite_path(db.url)
    source = Path(source)
    if source.exists() and source.resolve() == live.resolve():
        raise DatabaseProblem("That is the database in use, not a backup; nothing was restored.")
    if not source.is_file():
        raise DatabaseProblem(f"{source} does not exist or is not a file; nothing was "
                              "restored.")
    source_key = backup_passphrase(source, db)
    revision = check_restorable(source, source_key)
    later = _later_audit_rows(db, source, source_key) if live.exists() else []
    ledger = _ledger_rows(db) if live.exists() else []
    saved = backup_dir / f"before-restore-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
    if live.exists():
        try:
            database.backup(db, saved)
        except DatabaseProblem:
            # the current file cannot be read as a database (often why one restores): keep
            # its bytes as they are, since there is no consistent copy to take
            backup_dir.mkdir(parents=True, exist_ok=True)
            saved = saved.with_suffix(".damaged")
            shutil.copyfile(live, saved)
    audit_csv = None
    if later:
        from app.services.export import write_csv

        audit_csv = saved.with_name(saved.stem + "-later-audit.csv")
        write_csv(audit_csv, _AUDIT_FIELDS, ([r[f] for f in _AUDIT_FIELDS] for r in later))
    key = db.passphrase or source_key
    if key is None:
        _write_in(db, source, saved)
    else:
        from app.services import encryption

        encryption.rewrite(db, db.passphrase, key, source=source, source_passphrase=source_key)
    db.engine.dispose()  # connections opened before the restore see the old schema cache
    restored = db if key == db.passphrase else Database(db.url, passphrase=key)
    try:
        database.upgrade(restored)  # an older backup is brought to this version's schema
        # what was erased since the backup is erased again before anyone can sign in
        from app.services import retention

        retention.reapply_ledger(restored.uow(), ledger)
        _append_audit(restored, actor, later, source)
    finally:
        if restored is not db:
            restored.dispose()
    _prune_before_restore(backup_dir, keep)
    return RestoreReport(source, saved, revision, len(later), audit_csv, key)


def _ledger_rows(db: Database) -> list[Any]:
    from app.services import retention

    try:
        return retention.ledger_rows(db.uow())
    except (DatabaseError, DatabaseProblem):
        return []  # unreadable, or older than the ledger: nothing erased to carry over


def _prune_before_restore(backup_dir: Path, keep: int) -> None:
    """``before-restore`` copies are kept like the start-up backups: the newest ``keep``."""
    copies = sorted(p for p in backup_dir.glob("before-restore-*")
                    if p.suffix in (".db", ".damaged"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)


def _write_in(db: Database, source: Path, saved: Path) -> None:
    """A plaintext backup into a plaintext database: SQLite's online backup, page by page."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    raw = db.engine.raw_connection()
    try:
        src.backup(raw.driver_connection)  # type: ignore[arg-type]
    except sqlite3.Error as exc:
        raise DatabaseProblem(f"The restore could not be written ({exc}); the database as it "
                              f"was is kept in {saved}.") from exc
    finally:
        raw.close()
        src.close()


def _append_audit(db: Database, actor: Actor, later: list[dict[str, Any]],
                  source: Path) -> None:
    """The rows written since the backup, then the restore itself, onto the restored chain.
    A user the backup does not know keeps their name; the row loses only its user id."""
    from app.models.audit import queue
    from app.models.base import utcnow
    from app.models.users import User

    with db.uow() as uow:
        uow.begin_write()
        known = dict(uow.session.execute(select(User.username, User.id)).all())
        for row in later:
            uid = known.get(row["username"])
            queue(uow.session, AuditEvent(**{**row, "user_id": uid if uid == row["user_id"]
                                             else None}))
        queue(uow.session, AuditEvent(
            at=utcnow(), user_id=known.get(actor.username), username=actor.username,
            action="database.restore", entity="database",
            detail=f"restored from {source.name[:200]}; {len(later)} later audit rows kept"))
        uow.commit()


def administrator_in_backup(source: Path, passphrase: str | None, username: str,
                            password: str) -> Actor:
    """Sign in against the backup itself, read-only, when there is no database to sign in to
    (the damaged file was moved aside). The restore's own audit row records who it was."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    from app.errors import AuthenticationFailed
    from app.models.users import Role
    from app.services.users import HASHER

    check_restorable(source, passphrase)
    conn = _open_ro(Path(source), passphrase)
    try:
        row = conn.execute(
            "SELECT id, username, full_name, role, also_coordinator, password_hash, active "
            "FROM users WHERE username = ?", (username.strip().lower(),)).fetchone()
    finally:
        conn.close()
    refusal = AuthenticationFailed("The user name or password is not right.")
    if row is None:
        HASHER.hash(password)  # the same work as a known name, so timing tells nothing
        raise refusal
    try:
        HASHER.verify(row[5], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise refusal from None
    if not row[6]:
        raise AuthenticationFailed("This account is disabled. Ask an administrator.")
    return Actor(row[0], row[1], row[2], Role(row[3]), bool(row[4]))
