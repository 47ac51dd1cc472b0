"""corrections: records entered in error, who entered each record, and the corrections log

Every record a worker enters gets ``entered_in_error`` (false for every existing row); records
that had no 'entered by' column get ``recorded_by_id`` (null for rows made before: a coordinator
corrects those); ``record_corrections`` keeps each amendment's values before and after.

Revision ID: 0013_corrections
Revises: 0012_user_preferences
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0013_corrections"
down_revision = "0012_user_preferences"
branch_labels = None
depends_on = None

CORRECTABLE = ("interventions", "appointments", "community_hours", "pathway_assessments",
               "consents", "conferences", "agreement_actions", "agreement_followups",
               "exit_followups", "reoffending_checks", "satisfaction_surveys",
               "agency_call_counts", "case_notes")
RECORDED_BY = ("appointments", "conferences", "agreement_actions", "satisfaction_surveys",
               "agency_call_counts")
KINDS = ("intervention", "appointment", "hours entry", "needs assessment", "consent", "meeting",
         "agreement action", "agreement follow-up", "exit follow-up", "reoffending check",
         "satisfaction survey", "agency calls", "case note")


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): a rebuilt 'interventions' would lose the triggers
    # that keep the notes index in step (0002_notes_search).
    for table in CORRECTABLE:
        op.add_column(table, sa.Column("entered_in_error", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in RECORDED_BY:
        name = f"fk_{table}_recorded_by_id_users"
        if sqlite:  # a named column constraint, so SQLite need not rebuild (and re-check) it
            op.execute(f"ALTER TABLE {table} ADD COLUMN recorded_by_id INTEGER "
                       f"CONSTRAINT {name} REFERENCES users (id)")
            continue
        op.add_column(table, sa.Column("recorded_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f(name), table, "users", ["recorded_by_id"], ["id"])
    op.create_table(
        "record_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(*KINDS, name="entrykind", native_enum=False,
                                  create_constraint=False, length=32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.Enum("amended", "entered in error", name="correctionaction",
                                    native_enum=False, create_constraint=False, length=32),
                  nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"],
                                name=op.f("fk_record_corrections_by_id_users")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_record_corrections_case_id_cases"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_corrections")),
    )
    with op.batch_alter_table("record_corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_corrections_case_id"), ["case_id"],
                              unique=False)
        batch_op.create_index("ix_record_corrections_kind_record", ["kind", "record_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_corrections", schema=None) as batch_op:
        batch_op.drop_index("ix_record_corrections_kind_record")
        batch_op.drop_index(batch_op.f("ix_record_corrections_case_id"))
    op.drop_table("record_corrections")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in RECORDED_BY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if not sqlite:  # on SQLite the rebuilt table simply leaves the column out
                batch_op.drop_constraint(f"fk_{table}_recorded_by_id_users", type_="foreignkey")
            batch_op.drop_column("recorded_by_id")
    for table in CORRECTABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("entered_in_error")
