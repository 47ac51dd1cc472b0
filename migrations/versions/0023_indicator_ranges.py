"""indicator ranges: every family of figures reads only the period's rows

The dashboard's twelve months must not cost more as the years pile up (issue 15):

* ``cases.end_date``: when a case ended (its outcome date, else its closure date; none if it
  never started), kept by triggers from the three dates, and ``ix_cases_indicators_ended`` on
  it with the columns the outcome figures read, so a period's endings are a range of the index
  instead of a test of every case;
* the Neighbourhood Resolution answers (surveys, follow-up contacts, checked actions) by their
  date, so a period's answers are found without visiting every such case;
* ``pathway_assessments.start_level``: on an exit assessment, the level of the same case's
  live start assessment of that pathway. Distance travelled then reads one range of exit rows
  instead of looking up each exit's start. Triggers keep it on both stores, whoever writes the
  rows (the services, corrections, the demo's bulk insert, a copy between stores).

Revision ID: 0023_indicator_ranges
Revises: 0022_find_kind_term
Create Date: 2026-12-01 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_indicator_ranges"
down_revision = "0022_find_kind_term"
branch_labels = None
depends_on = None

#: Sets ``start_level`` on exit rows from the live start row of the same case and pathway
#: (at most one of each: the unique index on case, stage and pathway).
_SET = ("UPDATE pathway_assessments SET start_level = (SELECT s.level "
        "FROM pathway_assessments s WHERE s.case_id = pathway_assessments.case_id "
        "AND s.pathway_code = pathway_assessments.pathway_code AND s.stage = 'start' "
        "AND s.entered_in_error = {false}) WHERE stage = 'exit'")
#: The same for the one case and pathway of the row that changed (``NEW`` or ``OLD``).
_REFRESH = _SET + " AND case_id = {row}.case_id AND pathway_code = {row}.pathway_code"
#: The columns whose change can change an exit row's ``start_level``.
_WATCHED = "level, entered_in_error, stage, case_id, pathway_code"

INDEXES = (
    ("ix_satisfaction_surveys_indicators", "satisfaction_surveys",
     ["answered_on", "case_id", "party_id", "satisfied", "entered_in_error", "id"]),
    ("ix_agreement_followups_indicators", "agreement_followups",
     ["contacted_on", "case_id", "agreement_kept", "entered_in_error", "id"]),
    ("ix_agreement_actions_indicators", "agreement_actions",
     ["checked_on", "kept", "agreement_id", "entered_in_error"]),
)
ENDED_COLUMNS = ["end_date", "scheme", "started_on", "result_stage", "outcome_code",
                 "first_time_entrant", "worker_id"]
#: ``end_date`` from a case row's dates (``{row}.`` names it in a trigger).
_END = ("CASE WHEN {row}started_on IS NULL THEN NULL "
        "ELSE coalesce({row}ended_on, {row}closed_on) END")
#: by pathway, then date: each pathway's exits of a period are one range, read in order
EXIT_COLUMNS = ["stage", "pathway_code", "assessed_on", "level", "start_level",
                "entered_in_error", "case_id"]
#: the reoffending and women's cohorts (0019's index) also read end_date, for the outcome
END_COLUMNS = ["scheme", "ended_on", "closed_on", "started_on", "result_stage", "outcome_code",
               "first_time_entrant", "worker_id"]
OLD_EXIT_COLUMNS = ["stage", "assessed_on", "case_id", "pathway_code", "level",
                    "entered_in_error"]
OLD_START_COLUMNS = ["case_id", "pathway_code", "stage", "level", "entered_in_error"]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    _upgrade_end_date(postgres)
    op.add_column("pathway_assessments", sa.Column("start_level", sa.Integer(), nullable=True))
    false = "false" if postgres else "0"
    op.execute(_SET.format(false=false))
    if postgres:
        refresh_new = _REFRESH.format(false=false, row="NEW")
        refresh_old = _REFRESH.format(false=false, row="OLD")
        op.execute(
            "CREATE FUNCTION pathway_assessments_start_level() RETURNS trigger "
            # as the owner: row security never hides the exit row of the case being written
            "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN "
            f"IF TG_OP <> 'DELETE' THEN {refresh_new}; END IF; "
            f"IF TG_OP <> 'INSERT' THEN {refresh_old}; END IF; "
            "RETURN NULL; END $$")
        # UPDATE OF: the trigger's own update of start_level does not fire it again
        op.execute(
            "CREATE TRIGGER pathway_assessments_start_level "
            f"AFTER INSERT OR DELETE OR UPDATE OF {_WATCHED} ON pathway_assessments "
            "FOR EACH ROW EXECUTE FUNCTION pathway_assessments_start_level()")
    else:
        for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)),
                            (f"UPDATE OF {_WATCHED}", ("NEW", "OLD"))):
            body = "; ".join(_REFRESH.format(false=false, row=r) for r in rows)
            name = event.split()[0].lower()
            op.execute(f"CREATE TRIGGER pathway_assessments_start_level_{name} AFTER {event} "
                       f"ON pathway_assessments BEGIN {body}; END")
    op.drop_index("ix_pathway_assessments_indicators_exit", table_name="pathway_assessments")
    op.drop_index("ix_pathway_assessments_indicators_start", table_name="pathway_assessments")
    op.create_index("ix_pathway_assessments_indicators_exit", "pathway_assessments",
                    EXIT_COLUMNS)
    op.create_index("ix_cases_indicators_ended", "cases", ENDED_COLUMNS)
    op.drop_index("ix_cases_indicators_end", table_name="cases")
    op.create_index("ix_cases_indicators_end", "cases", [*END_COLUMNS, "end_date"])
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def _upgrade_end_date(postgres: bool) -> None:
    op.add_column("cases", sa.Column("end_date", sa.Date(), nullable=True))
    op.execute(f"UPDATE cases SET end_date = {_END.format(row='')}")
    if postgres:
        op.execute(
            "CREATE FUNCTION cases_end_date() RETURNS trigger LANGUAGE plpgsql "
            f"SET search_path = public, pg_temp AS $$ BEGIN NEW.end_date := "
            f"{_END.format(row='NEW.')}; RETURN NEW; END $$")
        op.execute("CREATE TRIGGER cases_end_date BEFORE INSERT OR UPDATE ON cases "
                   "FOR EACH ROW EXECUTE FUNCTION cases_end_date()")
        return
    # only when it is out of step, so the trigger's own update does not fire it again
    for event in ("INSERT", "UPDATE"):
        op.execute(f"CREATE TRIGGER cases_end_date_{event.lower()} AFTER {event} ON cases "
                   f"WHEN NEW.end_date IS NOT ({_END.format(row='NEW.')}) BEGIN "
                   f"UPDATE cases SET end_date = {_END.format(row='')} WHERE id = NEW.id; END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_cases_indicators_ended", table_name="cases")
    op.drop_index("ix_cases_indicators_end", table_name="cases")
    op.create_index("ix_cases_indicators_end", "cases", END_COLUMNS)
    if postgres:
        op.execute("DROP TRIGGER cases_end_date ON cases")
        op.execute("DROP FUNCTION cases_end_date()")
    else:
        for name in ("insert", "update"):
            op.execute(f"DROP TRIGGER cases_end_date_{name}")
    # not a batch (a copy of the table): other tables' triggers name cases
    op.drop_column("cases", "end_date")
    op.drop_index("ix_pathway_assessments_indicators_exit", table_name="pathway_assessments")
    if postgres:
        op.execute("DROP TRIGGER pathway_assessments_start_level ON pathway_assessments")
        op.execute("DROP FUNCTION pathway_assessments_start_level()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER pathway_assessments_start_level_{name}")
    op.drop_column("pathway_assessments", "start_level")
    op.create_index("ix_pathway_assessments_indicators_exit", "pathway_assessments",
                    OLD_EXIT_COLUMNS)
    op.create_index("ix_pathway_assessments_indicators_start", "pathway_assessments",
                    OLD_START_COLUMNS)
