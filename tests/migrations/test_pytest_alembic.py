"""pytest-alembic's own migration checks, on a real SQLite file and on the real PostgreSQL
server: one head, upgrade from base step by step, every downgrade undoes its upgrade, and the
models match what the migrations build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_alembic.config import Config
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from app.db import make_engine
from app.services.database import alembic_config as app_alembic_config
from tests.conftest import pg_database

__all__ = ["test_model_definitions_match_ddl", "test_single_head_revision",
           "test_up_down_consistency", "test_upgrade"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """The engine the app itself would build (pragmas included) on an empty database."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'alembic.db'}")
        yield engine
        engine.dispose()
        return
    with pg_database() as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture
def alembic_config() -> Config:
    """The app's own alembic configuration (the same script location the app migrates with)."""
    return Config(alembic_config=app_alembic_config())
