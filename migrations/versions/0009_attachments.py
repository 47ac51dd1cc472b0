"""attachments: scanned or photographed documents on a case or on one record of it

The bytes are kept in the table (so encryption, backups, the server copy, subject access and
retention cover them); a removed attachment keeps its row with the bytes cleared.

Revision ID: 0009_attachments
Revises: 0008_sar_indexes
Create Date: 2026-12-01 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0009_attachments"
down_revision = "0008_sar_indexes"
branch_labels = None
depends_on = None

RECORD_KINDS = ("contract", "condition", "consent", "meeting", "agreement", "action",
                "intervention", "appointment", "followup")
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg")


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.Enum(*RECORD_KINDS, name="recordkind", native_enum=False,
                                         create_constraint=False, length=20), nullable=True),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.Enum(*MEDIA_TYPES, name="mediatype", native_enum=False,
                                        create_constraint=False, length=40), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
        sa.Column("removed_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["added_by_id"], ["users.id"],
                                name=op.f("fk_attachments_added_by_id_users")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_attachments_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["removed_by_id"], ["users.id"],
                                name=op.f("fk_attachments_removed_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.create_index("ix_attachments_case_added", ["case_id", "added_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.drop_index("ix_attachments_case_added")
    op.drop_table("attachments")
