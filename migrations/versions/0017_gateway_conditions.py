"""gateway conditions: the bail and diversion conditions a Gateway to Change case carries

The partnership's list of conditions (``gateway_condition_kinds``) and each case's conditions
(``gateway_conditions``), open until recorded met or not met with a date. Cases already under
way get the usual conditions, open, so that their completion asks for them like a new case's
(the list itself is seeded at start, like every reference list).

Revision ID: 0017_gateway_conditions
Revises: 0016_referral_sources
Create Date: 2026-12-01 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_gateway_conditions"
down_revision = "0016_referral_sources"
branch_labels = None
depends_on = None

#: The list as first seeded (resources/reference/seed.json at this revision).
KINDS = (
    ("attend-appointments", "Attend the women's service appointments", True),
    ("apology-letter", "Write a letter of apology to the shop", True),
    ("stay-away", "Do not enter the shop where the offence took place", False),
    ("keep-in-touch", "Keep in touch with her mentor each week", False),
    ("live-at-address", "Live and sleep at the address given to the court", False),
)


def upgrade() -> None:
    kinds = op.create_table(
        "gateway_condition_kinds",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("usual", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_gateway_condition_kinds")),
    )
    conditions = op.create_table(
        "gateway_conditions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind_code", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("state", sa.Enum("open", "met", "not met", name="conditionstate",
                                   native_enum=False, length=32), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_gateway_conditions_case_id_cases"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["kind_code"], ["gateway_condition_kinds.code"],
            name=op.f("fk_gateway_conditions_kind_code_gateway_condition_kinds")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_gateway_conditions_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gateway_conditions")),
        sa.UniqueConstraint("case_id", "kind_code",
                            name=op.f("uq_gateway_conditions_case_id_kind_code")),
    )
    with op.batch_alter_table("gateway_conditions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gateway_conditions_case_id"), ["case_id"],
                              unique=False)
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("scheme", sa.String),
                     sa.column("status", sa.String))
    running = op.get_bind().execute(sa.select(cases.c.id).where(
        cases.c.scheme == "gateway-to-change", cases.c.status == "engaged")
        .order_by(cases.c.id)).scalars().all()
    usual = [(code, text) for code, text, is_usual in KINDS if is_usual]
    if not running:
        return  # the list itself is seeded at start (seed_reference), like every list
    op.bulk_insert(kinds, [{"code": code, "text": text, "usual": True, "position": pos,
                            "active": True} for pos, (code, text, is_usual) in
                           enumerate(KINDS, start=1) if is_usual])
    op.bulk_insert(conditions, [
        {"case_id": case_id, "kind_code": code, "position": pos, "description": text,
         "state": "open"}
        for case_id in running for pos, (code, text) in enumerate(usual, start=1)])


def downgrade() -> None:
    with op.batch_alter_table("gateway_conditions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gateway_conditions_case_id"))
    op.drop_table("gateway_conditions")
    op.drop_table("gateway_condition_kinds")
