"""Fixtures shared by every layer's tests.

Each test gets its own real SQLite file, made by running the real migrations (once per session,
then copied while closed), and never touches the user's real data directory.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
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


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    from app.db import Database

    database = Database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server scripts/test started."""
    base = os.environ.get("PATHWAYS_TEST_PG_URL")
    if not base:
        pytest.fail("PATHWAYS_TEST_PG_URL is not set: run the suite with scripts/test, which "
                    "starts a PostgreSQL server on loopback")
    name = f"pw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
