"""A team database set up by ``pathways db setup-server`` on the real PostgreSQL server.

Roles are server-wide: every one made here is named after the test's own database (a uuid),
and all of them are dropped afterwards with the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.services import server
from tests.conftest import _pg_base, pg_database

pytestmark = pytest.mark.postgres

ADMIN_PASSWORD = "first admin password"


@dataclass(frozen=True)
class Team:
    #: the database as the superuser (the DBA)
    admin_url: str
    #: the address desktops are given: no user name in it
    team_url: str
    roles: server.ServerRoles

    def login(self, username: str, password: str) -> psycopg.Connection:
        """A plain libpq connection as the user's own login role (no services)."""
        u = make_url(self.team_url)
        return psycopg.connect(host=u.host, port=u.port, dbname=u.database,
                               user=self.roles.login(username), password=password,
                               autocommit=True)


def drop_roles(base: str, database: str) -> None:
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            names = conn.execute(text(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE :p OR rolname IN (:o, :g)"),
                {"p": database.replace("_", r"\_") + ".%", "o": f"{database}_owner",
                 "g": f"{database}_app"}).scalars().all()
            for name in sorted(names, key=lambda n: n.endswith(("_owner", "_app"))):
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    finally:
        engine.dispose()


@pytest.fixture
def team() -> Iterator[Team]:
    """An empty database made a team database by ``server.setup``; dropped with its roles."""
    base = _pg_base()
    name = ""
    try:
        with pg_database() as url:
            name = make_url(url).database or ""
            server.setup(url)
            # (URL.set leaves a part alone when given None)
            team_url = make_url(url)._replace(username=None, password=None).render_as_string(
                hide_password=False)
            yield Team(url, team_url, server.roles_for(url))
    finally:
        if name:
            drop_roles(base, name)
