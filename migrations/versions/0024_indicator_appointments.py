"""indicator appointments: kept and missed appointments counted per status from an index

The missed-appointments figures counted every appointment of the period with a test of its
status (ten years hold over a million); by status, then date, each status's appointments of a
period are one range of the index, counted in order.

Revision ID: 0024_indicator_appointments
Revises: 0023_indicator_ranges
Create Date: 2026-12-01 15:35:00
"""

from __future__ import annotations

from alembic import op

revision = "0024_indicator_appointments"
down_revision = "0023_indicator_ranges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_appointments_indicators_status", "appointments",
                    ["status", "starts_at", "entered_in_error", "case_id"])


def downgrade() -> None:
    op.drop_index("ix_appointments_indicators_status", table_name="appointments")
