"""Users of every role, made once per test on the test's own database; the plan tests'
demo."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database
from app.models.users import Role
from app.services.context import Actor
from tests.factories import make_user
from tests.plans import demo_database


@pytest.fixture
def coord(db: object) -> Actor:
    return make_user(db, Role.COORDINATOR, full_name="Morgan Coordinator")  # type: ignore[arg-type]


@pytest.fixture
def nav(db: object) -> Actor:
    return make_user(db, Role.NAVIGATOR, full_name="Priya Navigator")  # type: ignore[arg-type]


@pytest.fixture
def fac(db: object) -> Actor:
    return make_user(db, Role.FACILITATOR, full_name="Gwen Facilitator")  # type: ignore[arg-type]


@pytest.fixture
def fac2(db: object) -> Actor:
    return make_user(db, Role.FACILITATOR, full_name="Declan Cofacilitator")  # type: ignore[arg-type]


@pytest.fixture
def mentor(db: object) -> Actor:
    return make_user(db, Role.MENTOR, full_name="Aisha Mentor")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def plans_demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
               ) -> Iterator[tuple[Database, Actor]]:
    """The plan tests' 60-case demo and its coordinator, built once per module (each test
    only reads it, and what it audits changes no plan)."""
    path = tmp_path_factory.mktemp("plans") / "demo.db"
    shutil.copy(migrated_template, path)
    db, coordinator = demo_database(path)
    yield db, coordinator
    db.dispose()
