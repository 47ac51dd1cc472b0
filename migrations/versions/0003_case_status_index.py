"""case status index: referrals awaiting a decision, oldest first, without a table scan

My work lists every case at one stage in referral order; the existing index leads with the
scheme, so with 100,000 cases SQLite walked the date index through most of the table (0.1 s).

Revision ID: 0003_case_status_index
Revises: 0002_notes_search
Create Date: 2026-11-26 05:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0003_case_status_index"
down_revision = "0002_notes_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_status_referral", ["status", "referral_date"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_status_referral")
