"""Users of every role, made once per test on the test's own database."""

from __future__ import annotations

import pytest

from app.models.users import Role
from app.services.context import Actor
from tests.factories import make_user


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
