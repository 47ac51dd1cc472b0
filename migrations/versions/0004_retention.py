"""retention reviews: the decision (keep, anonymise, delete, legal hold) on a closed case

Revision ID: 0004_retention
Revises: 0003_case_status_index
Create Date: 2026-11-26 05:28:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0004_retention"
down_revision = "0003_case_status_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("case_reference", sa.String(length=20), nullable=False),
        sa.Column("decision", sa.Enum("keep", "anonymise", "delete", "legal hold",
                                      "hold released", name="retentiondecision",
                                      native_enum=False, create_constraint=False, length=32),
                  nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("keep_until", sa.Date(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_retention_reviews_case_id_cases"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"],
                                name=op.f("fk_retention_reviews_decided_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_reviews")),
    )
    with op.batch_alter_table("retention_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retention_reviews_case_id"), ["case_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("retention_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retention_reviews_case_id"))
    op.drop_table("retention_reviews")
