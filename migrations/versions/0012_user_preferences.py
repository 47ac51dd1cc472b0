"""user preferences: each user's idle-lock minutes, letter format, documents folder, language

Revision ID: 0012_user_preferences
Revises: 0011_search_terms
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0012_user_preferences"
down_revision = "0011_search_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=True),
        sa.Column("letter_format", sa.String(length=20), nullable=True),
        sa.Column("documents_folder", sa.String(length=500), nullable=True),
        sa.Column("ui_language", sa.String(length=8), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_user_preferences_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_preferences")),
    )


def downgrade() -> None:
    op.drop_table("user_preferences")
