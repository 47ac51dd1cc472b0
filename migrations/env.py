"""Alembic environment: models' metadata as the target, the URL from Pathways settings.

Callers in the app pass an open connection (``config.attributes["connection"]``) so that the
migration runs on the engine the app configured (pragmas included).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Engine

from app.config import database_url
from app.db import make_engine
from app.models import Base

config = context.config
target_metadata = Base.metadata

#: Tables the models leave out on purpose, which autogenerate would otherwise drop: SQLite's
#: FTS5 index of intervention notes and its shadow tables (migration 0002_notes_search), and
#: the indicator tallies that triggers keep (``app.services.tallies``, 0029).
UNMODELLED_PREFIXES = ("notes_fts", "tally_")


def _include_name(name: str | None, type_: str, _parents: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(UNMODELLED_PREFIXES))


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if isinstance(connection, Engine):  # pytest-alembic hands over its engine
        with connection.connect() as conn:
            _run(conn)
            conn.commit()
        return
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
