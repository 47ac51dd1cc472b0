"""follow-ups due open: My work's follow-ups due read from an index of the undone ones only

"Follow-ups due" listed the exit follow-ups not done (or entered in error) due within two
weeks, oldest first, over the index of every follow-up by done date and due date: with ten
years of cases almost all are done, and the list walked past hundreds of thousands of them
(about 0.5 s, twice, at 400,000 cases). A partial index holds only the ones still due.

Revision ID: 0025_followups_due_open
Revises: 0024_indicator_appointments
Create Date: 2026-12-01 16:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_followups_due_open"
down_revision = "0024_indicator_appointments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_exit_followups_due_open", "exit_followups", ["due_on", "case_id"],
                    sqlite_where=sa.text("done_on IS NULL OR entered_in_error IS NOT 0"),
                    postgresql_where=sa.text("done_on IS NULL OR entered_in_error IS NOT false"))


def downgrade() -> None:
    op.drop_index("ix_exit_followups_due_open", table_name="exit_followups")
