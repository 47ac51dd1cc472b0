"""party categories: the ICO's category of data subject for each party on a case

DPA 2018 s.38(3) asks law-enforcement processing to tell apart suspects and offenders,
victims, witnesses and others. Each party row gets its category; parties already recorded get
the one their role gives (the participant and any other person responsible: suspect or
offender; a harmed party: victim; everyone else: other), which a worker may then change.

Revision ID: 0020_party_categories
Revises: 0019_indicator_indexes
Create Date: 2026-12-01 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_party_categories"
down_revision = "0019_indicator_indexes"
branch_labels = None
depends_on = None

#: role -> category as at this revision (app.models.cases.DEFAULT_CATEGORY)
BY_ROLE = {"participant": "suspect or offender", "harmer": "suspect or offender",
           "harmed party": "victim"}


def upgrade() -> None:
    # added in place (no table rebuild on SQLite: consents and documents point at this table),
    # "other" until the role says more
    op.add_column("case_parties", sa.Column("category", sa.String(length=32), nullable=False,
                                            server_default="other"))
    parties = sa.table("case_parties", sa.column("role", sa.String),
                       sa.column("category", sa.String))
    for role, category in BY_ROLE.items():
        op.execute(parties.update().where(parties.c.role == role).values(category=category))


def downgrade() -> None:
    with op.batch_alter_table("case_parties") as batch:
        batch.drop_column("category")
