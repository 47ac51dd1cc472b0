"""The database as a whole: migrate to head, check, back up.

Backups use SQLite's online backup API (never a file copy of a live database) and are checked
by opening the copy and running an integrity check before they count.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError

from app.config import MIGRATIONS
from app.db import Database, is_sqlite
from app.errors import DatabaseProblem
from app.services import audit
from app.services.files import private_dir, tighten
from app.services.reference import seed_reference

if TYPE_CHECKING:
    from alembic.config import Config

# alembic is imported only where a migration runs or is checked: a start on a database already
# at head does not load it (a third of a second and 15 MB of the start-up).


def alembic_config() -> Config:
    from alembic.config import Config

    # no alembic.ini: the installed app has none, and the app configures logging itself
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            stamps = list(conn.execute(text("SELECT version_num FROM alembic_version"))
                          .scalars())
    except OperationalError as exc:
        # cannot open or reach it (no such folder, no permission, server down): not damage
        reason = (str(exc.orig).strip().splitlines() or ["unknown reason"])[0]
        folder = _read_only_folder(db)
        if folder is not None:
            raise DatabaseProblem(
                f"The database cannot be opened: its folder {folder} is read-only, and "
                "Pathways writes its journal beside the file. Copy it to a folder you can "
                "write to, or ask for write access; nothing was changed.") from exc
        raise DatabaseProblem(f"The database cannot be opened: {reason}") from exc
    except DatabaseError as exc:
        raise DatabaseProblem(
            "This file is not a Pathways database, or it is damaged "
            f"({exc.orig.__class__.__name__}).") from exc
    if len(stamps) > 1:
        raise DatabaseProblem("The database records more than one schema revision; run "
                              "'pathways db check' and ask for support.")
    return stamps[0] if stamps else None


_REVISION = re.compile(r'^revision\s*=\s*"([^"]+)"', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*(.+)$', re.M)


def _head_from_files() -> str | None:
    """The head read from the revision files themselves (no alembic import); None when it is
    not a single plain chain, so the caller asks alembic."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in MIGRATIONS.joinpath("versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            return None
        revisions.add(rev.group(1))
        downs.update(re.findall(r'"([^"]+)"', down.group(1)))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _read_only_folder(db: Database) -> Path | None:
    """The folder of an existing SQLite file that cannot be written to, if that is the case."""
    if not is_sqlite(db.url):
        return None
    database = make_url(db.url).database
    if not database or database == ":memory:":
        return None
    path = Path(database)
    if path.exists() and not os.access(path.parent, os.W_OK):
        return path.parent
    return None


def _looks_foreign(db: Database) -> bool:
    """Tables but no alembic stamp: somebody else's database, which we must not touch."""
    with db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    return bool(names) and "alembic_version" not in names


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` and seed any missing reference data."""
    if current_revision(db) is None and _looks_foreign(db):
        raise DatabaseProblem("This database has tables but is not a Pathways database; "
                              "nothing was changed.")
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    if revision == "head":
        seed_reference(db.uow())


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[str, ...]
    revision: str | None
    head: str
    #: Audit rows in the verified chain and the last one's hash (None when it was not walked).
    audit_rows: int | None = None
    audit_tail: str | None = None
    #: A team server's own enforcement (roles, grants, policies) was checked too.
    server_enforced: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database, *, quick: bool = False) -> CheckResult:
    """Integrity, foreign keys, schema version, and the audit trail (its hash chain and the
    database's refusal to change it); every problem named.

    ``quick`` (start-up) reads what does not grow with the data: the schema version, the
    schema itself and every table the app needs; the full check reads every page, which takes
    tens of seconds on ten years of cases, so it runs on demand (``pathways db check``)."""
    problems: list[str] = []
    revision = current_revision(db)
    head = head_revision()
    if revision != head:
        problems.append(f"schema is at {revision or 'no revision'}, not at head {head}")
    if quick:
        from app.models import Base

        try:
            with db.engine.connect() as conn:
                present = set(inspect(conn).get_table_names())
        except DatabaseError as exc:
            problems.append(f"the schema cannot be read ({exc.orig}); restore the latest "
                            "backup with 'pathways restore FILE'")
            present = set(Base.metadata.tables)
        missing = sorted(set(Base.metadata.tables) - present)
        if missing:
            problems.append(f"tables missing: {', '.join(missing)}")
        return CheckResult(tuple(problems), revision, head)
    if is_sqlite(db.url):
        try:
            with db.engine.connect() as conn:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems.extend(f"integrity: {r}" for r in result[:20])
                fks = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fks:
                    problems.append(f"{len(fks)} rows break foreign keys "
                                    f"(first in {fks[0][0]})")
        except DatabaseError as exc:  # damage bad enough that the check itself cannot finish
            problems.append(f"integrity: the file is damaged ({exc.orig}); restore the latest "
                            "backup with 'pathways restore FILE'")
    else:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    if revision != head:
        return CheckResult(tuple(problems), revision, head)
    chain = verify_audit(db)
    problems.extend(chain.problems)
    problems.extend(_check_tallies(db))
    enforced = _check_server(db, problems)
    return CheckResult(tuple(problems), revision, head, chain.rows, chain.tail, enforced)


def _check_tallies(db: Database) -> list[str]:
    """The indicator tallies against a count of their rows made now (a tally can only drift
    if rows were written with its triggers off, or by hand). Skipped for a server role that
    row security shows only some cases: its count would differ from the tallies anyway."""
    from app.services import tallies

    with db.engine.connect() as conn:
        if not _sees_every_case(conn):
            return []
        wrong = tallies.out_of_step(conn)
    return [f"indicator tallies out of step with their records ({', '.join(wrong)}): the "
            "reports would count wrongly until they are counted again with 'pathways db "
            "recount'"] if wrong else []


def _sees_every_case(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return True
    return bool(conn.execute(text(
        "SELECT NOT c.relrowsecurity OR r.rolsuper OR r.rolbypassrls OR "
        "(pg_has_role(current_user, c.relowner, 'USAGE') AND NOT c.relforcerowsecurity) "
        "FROM pg_class c, pg_roles r WHERE c.oid = 'public.cases'::regclass "
        "AND r.rolname = current_user")).scalar())


def recount(db: Database) -> None:
    """Count the indicator tallies afresh from their records, in one transaction."""
    from app.services import tallies

    try:
        with db.engine.begin() as conn:
            if not _sees_every_case(conn):
                raise DatabaseProblem(_RECOUNT_AS_OWNER)
            tallies.rebuild(conn)
    except DBAPIError as exc:
        raise DatabaseProblem(f"{_RECOUNT_AS_OWNER} ({exc.orig})") from exc


_RECOUNT_AS_OWNER = ("The tallies can only be counted again by the database's owner: run "
                     "'pathways db recount' with the owner's address, as for 'db upgrade'. "
                     "Nothing was changed.")


def _check_server(db: Database, problems: list[str]) -> bool:
    """A team server set up to enforce access (``db setup-server``): its roles, grants and
    policies, each one missing named. False when the server was never set up so."""
    from app.services import server

    if is_sqlite(db.url):
        return False
    with db.engine.connect() as conn:
        if not server.is_set_up(conn):
            return False
        problems.extend(server.check(conn))
    return True


def verify_audit(db: Database) -> audit.ChainReport:
    """The audit trail's hash chain and protection (``pathways audit verify``)."""
    try:
        with db.engine.connect() as conn:
            return audit.verify(conn)
    except DatabaseError as exc:
        raise DatabaseProblem(f"The audit trail cannot be read ({exc.orig}).") from exc


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise DatabaseProblem("This database is not a file and cannot be backed up this way.")
    return Path(database)


#: Pages copied per step of an online backup, so a large file reports its progress.
BACKUP_STEP_PAGES = 16384


def backup(db: Database, dest: Path,
           progress: Callable[[int, int], None] | None = None) -> Path:
    """An online, checked copy of a SQLite database; ``progress(done, total)`` in pages."""
    if not is_sqlite(db.url):
        raise DatabaseProblem("Back up a PostgreSQL server with pg_dump; this command copies a "
                              "desktop (SQLite) database.")
    dest = Path(dest)
    if dest.exists():
        raise DatabaseProblem(f"{dest} exists already; choose a new file name.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:  # made private before a byte is in it
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    except OSError as exc:
        raise DatabaseProblem(f"The backup could not be written: {exc.strerror}") from exc
    if db.passphrase:
        return _backup_encrypted(db, tmp, dest)
    raw = db.engine.raw_connection()
    try:
        target = sqlite3.connect(tmp)
        try:
            raw.driver_connection.backup(  # type: ignore[union-attr]
                target, pages=BACKUP_STEP_PAGES if progress else -1,
                progress=(lambda _status, remaining, total:
                          progress(total - remaining, total)) if progress else None)
            # a backup is one self-contained file: no -wal/-shm beside it
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except (OperationalError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise DatabaseProblem("The backup could not be written: the disk is full. Nothing "
                                  "was left behind; free some space and try again.") from exc
        raise DatabaseProblem(f"The backup could not be written: {exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseProblem(f"The backup could not be written: {exc.strerror}") from exc
    finally:
        raw.close()
    try:
        verify_backup(tmp)
    except DatabaseProblem:
        tmp.unlink(missing_ok=True)  # nothing half-made is left beside the backups
        raise
    tmp.replace(dest)
    return dest


def _backup_encrypted(db: Database, tmp: Path, dest: Path) -> Path:
    """An encrypted database is backed up encrypted, under the same passphrase."""
    from app.services import encryption

    assert db.passphrase
    try:
        encryption.backup_encrypted(db, tmp)
        encryption.verify_encrypted(tmp, db.passphrase)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, DatabaseProblem):
            raise
        raise DatabaseProblem(f"The backup could not be written: {exc}") from exc
    tmp.replace(dest)
    return dest


def verify_backup(path: Path) -> None:
    """A backup counts only if it opens, passes the integrity check and is ours."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            stamped = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(f"{path.name} is not a readable Pathways database ({exc}).") \
            from exc
    if result is None or result[0] != "ok":
        raise DatabaseProblem(f"{path.name} fails the integrity check.")
    if stamped is None:
        raise DatabaseProblem(f"{path.name} is not a Pathways database.")


def rotate_backup(db: Database, folder: Path, keep: int, *,
                  min_age_hours: float | None = None,
                  progress: Callable[[int, int], None] | None = None) -> Path | None:
    """The automatic backup at start: one new copy, the oldest beyond ``keep`` removed. With
    ``min_age_hours``, none is made while the newest copy is younger than that."""
    if not is_sqlite(db.url) or not sqlite_path(db.url).exists():
        return None
    if current_revision(db) is None:
        return None
    if min_age_hours is not None and folder.is_dir():
        newest = max((p.stat().st_mtime for p in folder.glob("pathways-*.db")), default=None)
        if newest is not None and time.time() - newest < min_age_hours * 3600:
            return None
    private_dir(folder)
    dest = folder / f"pathways-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
    backup(db, dest, progress)
    copies = sorted(folder.glob("pathways-*.db"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return dest


def needs_upgrade(db: Database) -> bool:
    """Whether start-up will migrate: only then must the backup come first, synchronously."""
    head = _head_from_files()
    return head is None or current_revision(db) != head


def prepare(db: Database, backup_dir: Path | None = None, keep: int = 7) -> None:
    """At start: back up an existing database, then bring it to head. The file is made
    readable by its user only (an older install may have left it open to others)."""
    if is_sqlite(db.url) and make_url(db.url).database not in (None, "", ":memory:"):
        tighten(sqlite_path(db.url))
    if backup_dir is not None:
        rotate_backup(db, backup_dir, keep)
    head = _head_from_files()
    if head is not None and current_revision(db) == head:
        seed_reference(db.uow())
        return
    upgrade(db)
