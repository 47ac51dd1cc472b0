"""erasure ledger: every retention deletion and anonymisation by record numbers, re-applied
after a restore

Revision ID: 0014_erasure_ledger
Revises: 0013_corrections
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0014_erasure_ledger"
down_revision = "0013_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasure_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_reference", sa.String(length=20), nullable=False),
        sa.Column("person_ids", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_ledger")),
    )


def downgrade() -> None:
    op.drop_table("erasure_ledger")
