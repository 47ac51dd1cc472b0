"""disclosures: to whom each filed document is disclosed, and on what lawful basis

DPA 2018 s.62 asks that disclosures be logged with their recipient. Documents filed before
this revision have none recorded (the columns stay empty: "not recorded").

Revision ID: 0021_disclosures
Revises: 0020_party_categories
Create Date: 2026-12-01 12:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_disclosures"
down_revision = "0020_party_categories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # in place (no rebuild of a table other rows point at)
    op.add_column("documents", sa.Column("disclosed_to", sa.String(length=120), nullable=True))
    op.add_column("documents", sa.Column("disclosed_org", sa.String(length=120), nullable=True))
    op.add_column("documents", sa.Column("disclosure_basis", sa.String(length=32),
                                         nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("disclosure_basis")
        batch.drop_column("disclosed_org")
        batch.drop_column("disclosed_to")
