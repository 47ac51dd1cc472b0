"""audit chain: each audit row carries the SHA-256 of its fields and of the row before it;
PostgreSQL also refuses TRUNCATE of the trail

Revision ID: 0007_audit_chain
Revises: 0006_case_notes
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.audit import GENESIS, event_hash
from app.models.base import UTCDateTime

revision = "0007_audit_chain"
down_revision = "0006_case_notes"
branch_labels = None
depends_on = None

_ROWS = sa.table(
    "audit_events", sa.column("id", sa.Integer()), sa.column("at", UTCDateTime()),
    sa.column("user_id", sa.Integer()), sa.column("username", sa.String()),
    sa.column("action", sa.String()), sa.column("entity", sa.String()),
    sa.column("entity_id", sa.Integer()), sa.column("case_id", sa.Integer()),
    sa.column("person_id", sa.Integer()), sa.column("detail", sa.String()),
    sa.column("prev_hash", sa.String()), sa.column("hash", sa.String()))


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _unprotect() -> None:
    if _sqlite():
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    else:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")


def _protect() -> None:
    if _sqlite():
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END")
    else:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")


def upgrade() -> None:
    _unprotect()
    op.add_column("audit_events", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_events", sa.Column("hash", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    tail = GENESIS
    rows = conn.execute(sa.select(_ROWS).order_by(_ROWS.c.id)).all()
    for row in rows:  # the rows written before the chain existed are chained as they stand
        digest = event_hash(tail, row)
        conn.execute(sa.update(_ROWS).where(_ROWS.c.id == row.id)
                     .values(prev_hash=tail, hash=digest))
        tail = digest
    _protect()
    if not _sqlite():
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()")


def downgrade() -> None:
    if not _sqlite():
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
    _unprotect()
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
    _protect()
