"""indicator covering: the board report's Victims' Code offers and agency calls from indexes

The standards' "offers made in time" read every harmed party's Victims' Code record due in the
period, each from its table row and its party's row; calls before and after read each resolved
case's counts from their rows. With ten years of cases that is 300,000 and 200,000 row lookups
(about 1.5 s and 1 s of a board report at 400,000 cases). These indexes hold what each figure
reads, so each is a range of one index. The new calls index starts with the case, so it also
serves the cascade from a case and the old single-column index goes.

A harmed party answers the satisfaction survey once (the service has always refused a second
live answer; a mistaken one is entered in error and asked again). A partial unique index now
holds that in the database, so the figure counts a period's answers from its index instead of
ranking each party's answers (a sort of every answer of ten years).

Revision ID: 0027_indicator_covering
Revises: 0026_my_work_missed_bail
Create Date: 2026-12-01 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.errors import DatabaseProblem

revision = "0027_indicator_covering"
down_revision = "0026_my_work_missed_bail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    false = "false" if postgres else "0"
    twice = sorted({reference or f"case id {case_id}" for case_id, reference in op.get_bind()
                    .execute(sa.text(
                        "SELECT s.case_id, c.reference FROM satisfaction_surveys s "
                        "LEFT JOIN cases c ON c.id = s.case_id WHERE s.party_id IN (SELECT "
                        "party_id FROM satisfaction_surveys WHERE entered_in_error IS "
                        f"{false} GROUP BY party_id HAVING count(*) > 1)"))})
    if twice:
        raise DatabaseProblem(
            f"A harmed party has more than one satisfaction survey that stands on "
            f"{len(twice)} case{'s' if len(twice) > 1 else ''} "
            f"({', '.join(twice[:5])}{', ...' if len(twice) > 5 else ''}). "
            "With the version of Pathways that made them, mark all but the right answer "
            "entered in error (the case's History tab), then upgrade again. Nothing was "
            "changed.")
    op.create_index("uq_satisfaction_surveys_live_party", "satisfaction_surveys", ["party_id"],
                    unique=True, sqlite_where=sa.text("entered_in_error IS 0"),
                    postgresql_where=sa.text("entered_in_error IS false"))
    op.create_index("ix_victims_code_records_due_offered", "victims_code_records",
                    ["due_on", "offered_on"])
    op.drop_index("ix_victims_code_records_due_on", table_name="victims_code_records")
    op.create_index("ix_agency_call_counts_indicators", "agency_call_counts",
                    ["case_id", "entered_in_error", "period", "months", "calls"])
    op.drop_index("ix_agency_call_counts_case_id", table_name="agency_call_counts")


def downgrade() -> None:
    op.drop_index("uq_satisfaction_surveys_live_party", table_name="satisfaction_surveys")
    op.create_index("ix_agency_call_counts_case_id", "agency_call_counts", ["case_id"])
    op.drop_index("ix_agency_call_counts_indicators", table_name="agency_call_counts")
    op.create_index("ix_victims_code_records_due_on", "victims_code_records", ["due_on"])
    op.drop_index("ix_victims_code_records_due_offered", table_name="victims_code_records")
