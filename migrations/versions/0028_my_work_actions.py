"""my work actions: agreement actions due counted from an index holding their live flag

My work counts the agreement actions not yet checked, due within a week, on cases in
agreement monitoring (up to 1,000). The index of kept, due date and agreement had no
entered-in-error flag, so each action was looked up in the table before its agreement and
case; the index now holds the flag after kept (both are tested for equality), so the count
and the list (and the calendar's actions) read the actions from the index alone. It replaces
the old index, which served nothing else.

Revision ID: 0028_my_work_actions
Revises: 0027_indicator_covering
Create Date: 2026-12-01 18:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0028_my_work_actions"
down_revision = "0027_indicator_covering"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_agreement_actions_kept_live_due", "agreement_actions",
                    ["kept", "entered_in_error", "due_on", "agreement_id"])
    op.drop_index("ix_agreement_actions_kept_due", table_name="agreement_actions")


def downgrade() -> None:
    op.create_index("ix_agreement_actions_kept_due", "agreement_actions",
                    ["kept", "due_on", "agreement_id"])
    op.drop_index("ix_agreement_actions_kept_live_due", table_name="agreement_actions")
