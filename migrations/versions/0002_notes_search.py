"""notes search: an FTS5 index over intervention summaries and notes (SQLite)

The index is an external-content FTS5 table (it stores only the index, the text stays in
``interventions``), kept in step by triggers, so every writer (the services, the demo generator,
a bulk import) keeps it right without knowing of it. PostgreSQL needs nothing here: the search
service uses ILIKE there.

Beware: a later batch migration that recreates ``interventions`` on SQLite drops these triggers
with the old table; such a migration must call ``create_notes_search`` again.

Revision ID: 0002_notes_search
Revises: 0001
Create Date: 2026-11-26 05:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0002_notes_search"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "notes_fts"

_TRIGGERS = {
    "interventions_fts_insert": (
        "AFTER INSERT ON interventions BEGIN "
        f"INSERT INTO {TABLE}(rowid, summary, notes) VALUES (new.id, new.summary, new.notes); "
        "END"),
    "interventions_fts_delete": (
        "AFTER DELETE ON interventions BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, summary, notes) "
        "VALUES ('delete', old.id, old.summary, old.notes); END"),
    "interventions_fts_update": (
        "AFTER UPDATE OF summary, notes ON interventions BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, summary, notes) "
        "VALUES ('delete', old.id, old.summary, old.notes); "
        f"INSERT INTO {TABLE}(rowid, summary, notes) VALUES (new.id, new.summary, new.notes); "
        "END"),
}


def create_notes_search() -> None:
    """The FTS5 table, its triggers, and the index built over the rows already there."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(summary, notes, "
        "content='interventions', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')")
    for name, body in _TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def upgrade() -> None:
    create_notes_search()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
