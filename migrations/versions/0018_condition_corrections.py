"""condition corrections: a Gateway to Change condition can be corrected like any entered record

``gateway_conditions`` gets ``entered_in_error`` (false for every existing row). A condition
stays once per case among those that stand, so the unique constraint becomes a partial unique
index: a condition entered in error may be put on the case again.

Revision ID: 0018_condition_corrections
Revises: 0017_gateway_conditions
Create Date: 2026-12-01 12:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_condition_corrections"
down_revision = "0017_gateway_conditions"
branch_labels = None
depends_on = None

LIVE = sa.text("NOT entered_in_error")


def upgrade() -> None:
    op.add_column("gateway_conditions", sa.Column("entered_in_error", sa.Boolean(),
                                                  nullable=False, server_default=sa.false()))
    with op.batch_alter_table("gateway_conditions", schema=None) as batch_op:
        batch_op.drop_constraint("uq_gateway_conditions_case_id_kind_code", type_="unique")
    op.create_index("uq_gateway_conditions_live_kind", "gateway_conditions",
                    ["case_id", "kind_code"], unique=True, sqlite_where=LIVE,
                    postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index("uq_gateway_conditions_live_kind", table_name="gateway_conditions")
    with op.batch_alter_table("gateway_conditions", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_gateway_conditions_case_id_kind_code",
                                          ["case_id", "kind_code"])
        batch_op.drop_column("entered_in_error")
