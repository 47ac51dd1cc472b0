"""sar indexes: the subject access export finds a person's rows by index, not by scanning

The export selects each table's rows that hang off the person's cases OR name one of their
parties; a party column without an index made SQLite scan the whole table, and for documents
(about 40 KB each, 4 GB at 400,000 cases) that is every filed letter.

Revision ID: 0008_sar_indexes
Revises: 0007_audit_chain
Create Date: 2026-12-01 09:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0008_sar_indexes"
down_revision = "0007_audit_chain"
branch_labels = None
depends_on = None

INDEXES = (
    ("documents", "recipient_party_id"),
    ("conference_participants", "party_id"),
    ("outcome_agreements", "conference_id"),
    ("agreement_actions", "owner_party_id"),
    ("agreement_followups", "party_id"),
    ("satisfaction_surveys", "party_id"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
