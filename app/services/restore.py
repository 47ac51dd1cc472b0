"""Put a backup back in place of the desktop database.

A restore must never make things worse: the file offered is checked first (it opens, passes the
integrity check, carries a Pathways schema revision this version knows) and refused with a
plain reason otherwise, before anything is touched. The current database is then backed up
beside the others, and the backup is written into the live file through SQLite's online backup,
page by page under SQLite's own lock, never by copying files over a database in use.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from app.db import Database, is_sqlite
from app.errors import DatabaseProblem
from app.services import database


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    previous_saved_as: Path
    revision: str


def check_restorable(path: Path) -> str:
    """The schema revision of a backup fit to restore; a plain refusal otherwise."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseProblem(f"{path} does not exist or is not a file; nothing was restored.")
    try:
        database.verify_backup(path)
    except DatabaseProblem as exc:
        raise DatabaseProblem(f"{exc.message} Nothing was restored.") from exc
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def restore(db: Database, source: Path, backup_dir: Path) -> RestoreReport:
    """Replace the desktop database with ``source``, keeping the current one as a backup."""
    if not is_sqlite(db.url):
        raise DatabaseProblem("Restore a PostgreSQL server with its own tools (pg_restore); "
                              "this command restores a desktop (SQLite) database.")
    if db.passphrase:
        raise DatabaseProblem("This database is encrypted; restoring into it is not supported "
                              "yet. Nothing was restored.")
    live = database.sqlite_path(db.url)
    if Path(source).resolve() == live.resolve():
        raise DatabaseProblem("That is the database in use, not a backup; nothing was restored.")
    revision = check_restorable(source)
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
    db.engine.dispose()  # connections opened before the restore see the old schema cache
    database.upgrade(db)  # an older backup is brought to this version's schema
    return RestoreReport(Path(source), saved, revision)
