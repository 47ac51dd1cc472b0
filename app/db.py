"""Engines, sessions and the unit of work: the only place that builds them.

SQLite is the desktop store. Every connection gets WAL, ``synchronous=FULL`` (a save reported is a
save on disk), foreign keys and a busy timeout. pysqlite's own transaction handling is switched off
so that a writer can start with ``BEGIN IMMEDIATE`` and take the write lock up front, which turns a
mid-transaction "database is locked" into a wait at the start. PostgreSQL needs none of this.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseProblem

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "pathways_immediate"
T = TypeVar("T")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlcipher_key_pragma(passphrase: str) -> str:
    """``PRAGMA key`` for a passphrase (quoted; SQLCipher derives the key from it)."""
    return "PRAGMA key = '" + passphrase.replace("'", "''") + "'"


def make_engine(url: str, *, echo: bool = False, passphrase: str | None = None) -> Engine:
    """Build an engine with the pragmas and transaction handling this app relies on.

    With a ``passphrase`` a SQLite file is opened through SQLCipher (``sqlcipher3``): the URL
    stays ``sqlite:///FILE`` so the key never sits in a URL that could be printed or logged.
    """
    try:
        make_url(url).get_dialect().import_dbapi()
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseProblem(
            "The database address is not one Pathways can use: give sqlite:///FILE or "
            f"postgresql+psycopg://USER@HOST/NAME ({exc.__class__.__name__}).") from exc
    if not is_sqlite(url):
        if passphrase:
            raise DatabaseProblem("A database passphrase applies to a desktop (SQLite) "
                                  "database only; PostgreSQL is protected by its server.")
        return create_engine(url, echo=echo, pool_pre_ping=True)
    extra: dict[str, Any] = {}
    if passphrase:
        from sqlcipher3 import dbapi2 as sqlcipher

        extra["module"] = sqlcipher
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        **extra,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        if passphrase:
            cur.execute("PRAGMA cipher_log_level = NONE")
            cur.execute(sqlcipher_key_pragma(passphrase))
            try:
                cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except Exception as exc:  # the driver's DatabaseError: wrong key or not SQLCipher
                cur.close()
                raise DatabaseProblem(
                    "The database passphrase is not right for this database.") from exc
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if ":memory:" not in url and url not in ("sqlite://", "sqlite:///"):
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    from app.models.audit import discard, seal
    from app.models.limits import check_text

    factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
    event.listen(factory, "before_flush", check_text)  # same text rules on both stores
    event.listen(factory, "before_commit", seal)  # audit rows join the hash chain
    event.listen(factory, "after_rollback", discard)
    return factory


class UnitOfWork:
    """One transaction: ``with uow: ...; uow.commit()``. Leaving without commit rolls back.

    A unit of work can be entered again after it is left; each entry is a fresh session.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'with' block")
        return self._session

    @property
    def engine(self) -> Engine:
        bind = self._factory.kw["bind"]
        assert isinstance(bind, Engine)
        return bind

    def __enter__(self) -> UnitOfWork:
        if self._session is not None:
            raise RuntimeError("unit of work is already open")
        self._session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None
        problem = storage_problem(exc)
        if problem is not None:  # the disk, not the user's input: say so plainly
            raise problem from exc

    def begin_write(self) -> None:
        """Take the write lock now (SQLite), so a save never fails half-way for a lock."""
        if is_sqlite(str(self.engine.url)) and not self.session.in_transaction():
            session = self.session

            def start() -> None:
                try:
                    session.connection(execution_options={_IMMEDIATE: True})
                except OperationalError:
                    session.rollback()  # nothing was done yet; the next try starts clean
                    raise

            # the busy timeout waits first; a writer that holds on longer still gets a few
            # more tries before the user is told, in plain words, to try again
            retry_locked(start)

    def commit(self) -> None:
        self.session.commit()


#: What SQLite says when the storage, not the input, stops a save; and what the user is told.
_STORAGE = (
    ("disk is full", "The disk is full: this save was not kept, and everything saved before "
                     "is safe. Free some space and try again."),
    ("readonly database", "The database cannot be written (the file or its folder is "
                          "read-only): this save was not kept; everything saved before is "
                          "safe."),
    ("disk i/o error", "The disk reported an error during the save: it was not kept. Check "
                       "the disk, then run 'pathways db check'."),
)


def storage_problem(exc: BaseException | None) -> DatabaseProblem | None:
    """A full disk or a read-only file as a plain DatabaseProblem; None for anything else."""
    seen = 0
    while exc is not None and seen < 5:  # SQLite may undo the transaction itself on a full
        if isinstance(exc, OperationalError):  # disk; what follows then hides the cause
            text = str(exc.orig).lower()
            for phrase, message in _STORAGE:
                if phrase in text:
                    return DatabaseProblem(message)
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None


def retry_locked(fn: Callable[[], T], *, attempts: int = 6, first_wait: float = 0.05) -> T:
    """Run ``fn`` again when SQLite reports a lock, within a bound, then say so plainly."""
    wait = first_wait
    for attempt in range(attempts):
        try:
            return fn()
        except OperationalError as exc:
            text = str(exc.orig).lower()
            if "locked" not in text and "busy" not in text:
                raise
            if attempt == attempts - 1:
                raise DatabaseProblem(
                    "The database is busy with another user's save. Please try again."
                ) from exc
            time.sleep(wait)
            wait *= 2
    raise AssertionError("unreachable")


class Database:
    """An engine and its unit-of-work factory, built once per process for one URL."""

    def __init__(self, url: str, *, echo: bool = False, passphrase: str | None = None) -> None:
        self.url = url
        #: Set when the SQLite file is SQLCipher-encrypted; backups are then encrypted too.
        self.passphrase = passphrase or None
        self.engine = make_engine(url, echo=echo, passphrase=self.passphrase)
        self.factory = session_factory(self.engine)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.factory)

    @contextmanager
    def connect(self) -> Iterator[Any]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
