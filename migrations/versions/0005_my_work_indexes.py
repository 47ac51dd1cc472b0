"""my work indexes: each due list of the start screen read, and counted, from one index

With ten years of cases (400,000) My work's sections walked the status index and looked up
every row in the table to test it; these composite indexes hold each section's filter columns
and the case id, so a section's first rows and its count come from the index.

Revision ID: 0005_my_work_indexes
Revises: 0004_retention
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005_my_work_indexes"
down_revision = "0004_retention"
branch_labels = None
depends_on = None

INDEXES = (
    ("appointments", "ix_appointments_status_when_case", ["status", "starts_at", "case_id"]),
    ("appointments", "ix_appointments_status_bail_case", ["status", "bail_condition", "case_id"]),
    ("contracts", "ix_contracts_status_end_case", ["status", "end_date", "case_id"]),
    ("agreement_actions", "ix_agreement_actions_kept_due", ["kept", "due_on", "agreement_id"]),
    ("exit_followups", "ix_exit_followups_done_due_case", ["done_on", "due_on", "case_id"]),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
