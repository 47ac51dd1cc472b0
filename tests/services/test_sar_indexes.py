"""The subject access export finds a person's rows through indexes: on SQLite, no statement it
runs scans a table (a scan of documents reads every filed letter, 4 GB at 400,000 cases)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.models.cases import Case, Scheme
from app.services import sar
from tests.plans import demo_database, planned


def test_the_subject_access_export_scans_no_table(db_path: Path) -> None:
    db, coord = demo_database(db_path)
    with db.uow() as uow:
        person = uow.session.scalars(select(Case.participant_id).where(
            Case.scheme == Scheme.NEIGHBOURHOOD_RESOLUTION).order_by(Case.id.desc())).first()
    # the audit chain's last row is read by its key, newest first
    data, plans = planned(db, lambda: sar.collect(db.uow(), coord, int(person)),
                          keep=lambda sql: sql.startswith("SELECT") and " WHERE " in sql)
    assert data.tables["cases"] and data.tables["case_parties"]
    scans = [f"{step} in: {statement[:120]}" for statement, plan in plans for step in plan
             if step.startswith("SCAN ") and not step.startswith(
                 ("SCAN CONSTANT ROW", "SCAN (subquery"))]
    db.dispose()
    assert not scans, "\n".join(scans)
