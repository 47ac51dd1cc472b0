"""my work missed bail: missed bail appointments counted newest first from one index

My work counts the missed bail-condition appointments of open cases (up to 1,000). The count
walked the index of status, bail condition and case id in case order and looked every row up
twice (the appointment for its entered-in-error flag, the case for its stage): with ten years
of cases that is every missed bail appointment of every closed case first (about 70 ms of My
work's 110 at 400,000 cases, and far more were case ids not in referral order). An index by
status, bail condition and time, holding the flag and the case id, lets the count go newest
first, as the list does, and stop at the cap after about as many rows as it counts.

Revision ID: 0026_my_work_missed_bail
Revises: 0025_followups_due_open
Create Date: 2026-12-01 18:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0026_my_work_missed_bail"
down_revision = "0025_followups_due_open"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_appointments_status_bail_when", "appointments",
                    ["status", "bail_condition", "starts_at", "entered_in_error", "case_id"])


def downgrade() -> None:
    op.drop_index("ix_appointments_status_bail_when", table_name="appointments")
