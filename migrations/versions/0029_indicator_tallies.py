"""indicator tallies: figures kept per day by triggers, for reports over years

A ten-year board report read every case, appointment and exit assessment of the period (over
three million rows at 400,000 cases). The tallies of ``app.services.tallies`` hold the same
rows grouped per day (a few thousand a year), kept in step by triggers on ``cases``,
``appointments`` and ``pathway_assessments`` whoever writes them, and filled here from the
rows there are.

Revision ID: 0029_indicator_tallies
Revises: 0028_my_work_actions
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from alembic import op

from app.services import tallies

revision = "0029_indicator_tallies"
down_revision = "0028_my_work_actions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tallies.install(op.get_bind())


def downgrade() -> None:
    tallies.remove(op.get_bind())
