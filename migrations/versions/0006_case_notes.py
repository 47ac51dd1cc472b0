"""case notes: dated free-text notes on a case, in the notes search (FTS5 on SQLite)

``notes_fts_case`` is an external-content FTS5 table over ``case_notes.text``, kept in step by
triggers as ``notes_fts`` is for interventions (0002_notes_search); its name starts with
``notes_fts`` so that autogenerate leaves it alone (migrations/env.py).

Revision ID: 0006_case_notes
Revises: 0005_my_work_indexes
Create Date: 2026-12-01 09:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0006_case_notes"
down_revision = "0005_my_work_indexes"
branch_labels = None
depends_on = None

TABLE = "notes_fts_case"

_TRIGGERS = {
    "case_notes_fts_insert": (
        "AFTER INSERT ON case_notes BEGIN "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.text); END"),
    "case_notes_fts_delete": (
        "AFTER DELETE ON case_notes BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END"),
    "case_notes_fts_update": (
        "AFTER UPDATE OF text ON case_notes BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.text); END"),
}


def create_case_notes_search() -> None:
    """The FTS5 table and its triggers; a later batch migration that recreates ``case_notes``
    on SQLite drops the triggers and must call this again."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(text, "
        "content='case_notes', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')")
    for name, body in _TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def upgrade() -> None:
    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_case_notes_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["written_by_id"], ["users.id"],
                                name=op.f("fk_case_notes_written_by_id_users")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"],
                                name=op.f("fk_case_notes_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    op.create_index("ix_case_notes_case_when", "case_notes", ["case_id", "written_on"])
    create_case_notes_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    op.drop_index("ix_case_notes_case_when", table_name="case_notes")
    op.drop_table("case_notes")
