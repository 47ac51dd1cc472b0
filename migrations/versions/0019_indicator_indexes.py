"""indicator indexes: the dashboard and the board report count from indexes

The indicators are aggregate queries (app/services/indicators.py). A case's outcome depends on
the stages in its history; rather than search ``status_changes`` for every case of ten years,
``cases.result_stage`` keeps the one stage that decides it ('agreement-monitoring' for
Neighbourhood Resolution; else 'completed', then 'breached', then 'not-completed', the first
reached in that order, as ``outcomes.case_outcome`` reads them). A trigger on
``status_changes`` keeps it on both stores, whoever inserts the row (the services, the demo's
bulk insert, a copy between stores). Covering indexes hold the columns each scan reads.

Revision ID: 0019_indicator_indexes
Revises: 0018_condition_corrections
Create Date: 2026-12-01 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_indicator_indexes"
down_revision = "0018_condition_corrections"
branch_labels = None
depends_on = None

NR = "'neighbourhood-resolution'"
#: The new result_stage of case ``c`` once it reaches stage ``to`` (its old one is ``old``).
_NEXT = (f"CASE WHEN {{scheme}} = {NR} THEN "
         "CASE WHEN {to} = 'agreement-monitoring' THEN 'agreement-monitoring' ELSE {old} END "
         "WHEN {to} = 'agreement-monitoring' THEN {old} "
         "WHEN {old} = 'completed' OR {to} = 'completed' THEN 'completed' "
         "WHEN {old} = 'breached' OR {to} = 'breached' THEN 'breached' "
         "ELSE 'not-completed' END")
DECIDING = "('completed', 'breached', 'not-completed', 'agreement-monitoring')"

INDEXES = (
    ("ix_cases_indicators_end", "cases",
     ["scheme", "ended_on", "closed_on", "started_on", "result_stage", "outcome_code",
      "first_time_entrant", "worker_id"]),
    ("ix_cases_indicators_referral", "cases",
     ["referral_date", "referral_source", "scheme", "worker_id"]),
    ("ix_cases_indicators_decision", "cases",
     ["eligibility_decided_on", "eligibility", "scheme", "worker_id"]),
    ("ix_appointments_indicators", "appointments",
     ["starts_at", "status", "entered_in_error", "case_id"]),
    ("ix_pathway_assessments_indicators_exit", "pathway_assessments",
     ["stage", "assessed_on", "case_id", "pathway_code", "level", "entered_in_error"]),
    ("ix_pathway_assessments_indicators_start", "pathway_assessments",
     ["case_id", "pathway_code", "stage", "level", "entered_in_error"]),
)


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("result_stage", sa.String(length=32), nullable=True))
    reached = ("EXISTS (SELECT 1 FROM status_changes s WHERE s.case_id = cases.id "
               "AND s.to_status = '{}')")
    op.execute(
        "UPDATE cases SET result_stage = CASE "
        f"WHEN scheme = {NR} THEN CASE WHEN {reached.format('agreement-monitoring')} "
        "THEN 'agreement-monitoring' END "
        f"WHEN {reached.format('completed')} THEN 'completed' "
        f"WHEN {reached.format('breached')} THEN 'breached' "
        f"WHEN {reached.format('not-completed')} THEN 'not-completed' END")
    if op.get_bind().dialect.name == "postgresql":
        nxt = _NEXT.format(scheme="scheme", to="NEW.to_status", old="result_stage")
        op.execute(
            "CREATE FUNCTION status_changes_result_stage() RETURNS trigger LANGUAGE plpgsql "
            # as the owner: a team login may move a stage without a grant on this column
            "SECURITY DEFINER SET search_path = public, pg_temp AS "
            f"$$ BEGIN UPDATE cases SET result_stage = {nxt} WHERE id = NEW.case_id; "
            "RETURN NULL; END $$")
        op.execute(
            "CREATE TRIGGER status_changes_result_stage AFTER INSERT ON status_changes "
            f"FOR EACH ROW WHEN (NEW.to_status IN {DECIDING}) "
            "EXECUTE FUNCTION status_changes_result_stage()")
    else:
        nxt = _NEXT.format(scheme="scheme", to="NEW.to_status", old="result_stage")
        op.execute(
            "CREATE TRIGGER status_changes_result_stage AFTER INSERT ON status_changes "
            f"WHEN NEW.to_status IN {DECIDING} BEGIN "
            f"UPDATE cases SET result_stage = {nxt} WHERE id = NEW.case_id; END")
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.execute("DROP TRIGGER status_changes_result_stage"
               + (" ON status_changes" if op.get_bind().dialect.name == "postgresql" else ""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION status_changes_result_stage()")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("result_stage")
