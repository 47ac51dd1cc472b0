"""Fixtures shared by every layer's tests.

Each test gets its own real SQLite file, made by running the real migrations (once per session,
then copied while closed), and never touches the user's real data directory.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWAYS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PATHWAYS_DATABASE_URL", raising=False)
    monkeypatch.delenv("PATHWAYS_PASSWORD", raising=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.db import Database
    from app.services import database

    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database(f"sqlite:///{path}")
    database.upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "pathways.db"
    shutil.copy(migrated_template, path)
    return path


#: Test folders whose every test using ``db`` runs twice: on a SQLite file and on PostgreSQL.
BOTH_BACKENDS = ("services", "cli")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The same service and CLI tests run on both stores, since the same code serves both."""
    if "db_backend" not in metafunc.fixturenames:
        return
    parts = Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent).parts
    if parts and parts[0] in BOTH_BACKENDS:
        metafunc.parametrize(
            "db_backend",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
            indirect=True)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``; tests outside BOTH_BACKENDS use SQLite only."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db(db_backend: str, request: pytest.FixtureRequest) -> Iterator[object]:
    from app.db import Database

    if db_backend == "postgresql":
        url = request.getfixturevalue("pg_migrated_url")
    else:
        url = f"sqlite:///{request.getfixturevalue('db_path')}"
    database = Database(url)
    yield database
    database.dispose()


def _pg_base() -> str:
    base = os.environ.get("PATHWAYS_TEST_PG_URL")
    if not base:
        pytest.fail("PATHWAYS_TEST_PG_URL is not set: run the suite with scripts/test, which "
                    "starts a PostgreSQL server on loopback")
    return base


@contextmanager
def pg_database(template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (empty, or a copy of ``template``), dropped afterwards."""
    base = _pg_base()
    name = f"pw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # a file copy is the quicker way to clone a small template
        suffix = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
    try:
        yield base.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server scripts/test started."""
    with pg_database() as url:
        yield url


@pytest.fixture(scope="session")
def pg_migrated_template() -> Iterator[str]:
    """Migrated and seeded once; each test's database is a server-side copy of it."""
    from app.db import Database
    from app.services import database

    with pg_database() as url:
        db = Database(url)
        database.upgrade(db)
        db.dispose()
        yield url.rsplit("/", 1)[1]


@pytest.fixture
def pg_migrated_url(pg_migrated_template: str) -> Iterator[str]:
    with pg_database(template=pg_migrated_template) as url:
        yield url
