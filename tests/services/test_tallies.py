"""The indicator tallies stay equal to a count of their records, whatever writes them.

The reports read the tallies for every scope without a worker (``test_indicators_sql``
compares those figures with a plain Python count); here every kind of change a case worker or
a correction makes, a deleted case and its cascaded records, the demo's bulk build, a copy and
a hand-made drift are each followed by a count made afresh, on both stores.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update

from app.cli import main
from app.db import Database
from app.models.appointments import Appointment, AppointmentStatus
from app.models.cases import Case, CaseStatus, Scheme
from app.models.conferences import AgencyCallCount
from app.models.pathways import AssessmentStage, PathwayAssessment
from app.services import demo, tallies
from app.services.context import Actor
from app.services.indicators import Scope, compute
from app.services.users import sign_in

BUILT_ON = date(2026, 3, 2)


def _out_of_step(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return tallies.out_of_step(conn)


def _counted(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.table.name: int(conn.execute(text(
            f"SELECT coalesce(sum(n), 0) FROM {t.table.name}")).scalar_one())
            for t in tallies.tallies(conn.dialect.name)}


@pytest.fixture
def coordinator(db: Database) -> Actor:
    demo.build(db.uow(), cases=120, seed=5, today=BUILT_ON)
    return sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)


def test_the_demo_build_leaves_every_tally_equal_to_its_records(
        db: Database, coordinator: Actor) -> None:
    assert _out_of_step(db) == []
    totals = _counted(db)
    assert all(totals.values()), totals  # each tally holds real rows
    with db.engine.connect() as conn:
        ended = conn.execute(select(Case.id).where(Case.end_date.is_not(None))).all()
    assert totals["tally_endings"] == len(ended)


def test_every_kind_of_change_keeps_the_tallies_in_step(
        db: Database, coordinator: Actor) -> None:
    with db.uow() as uow:
        s = uow.session
        ended = s.scalars(select(Case.id).where(Case.end_date.is_not(None))
                          .order_by(Case.id)).all()
        open_ = s.scalars(select(Case.id).where(Case.end_date.is_(None),
                                                Case.started_on.is_not(None))
                          .order_by(Case.id)).all()
        assert len(ended) > 10 and len(open_) > 3
        # the end moves, is taken away, comes from a closure instead; outcomes corrected
        s.execute(update(Case).where(Case.id == ended[0])
                  .values(ended_on=BUILT_ON - timedelta(days=400)))
        s.execute(update(Case).where(Case.id == ended[1]).values(ended_on=None, closed_on=None))
        s.execute(update(Case).where(Case.id == open_[0]).values(closed_on=BUILT_ON))
        s.execute(update(Case).where(Case.id == ended[2])
                  .values(result_stage=CaseStatus.BREACHED, outcome_code=None))
        s.execute(update(Case).where(Case.id == ended[3])
                  .values(first_time_entrant=True, outcome_code="22"))
        s.execute(update(Case).where(Case.id == ended[4])
                  .values(started_on=BUILT_ON - timedelta(days=900)))
        s.execute(update(Case).where(Case.id == ended[5])
                  .values(referral_source="  Police  ", referral_date=date(2019, 5, 5)))
        # appointments: outcome recorded, moved, entered in error, deleted
        ap = Appointment
        appointments = s.scalars(select(ap.id).order_by(ap.id)).all()
        assert len(appointments) > 4
        s.execute(update(ap).where(ap.id == appointments[0])
                  .values(status=AppointmentStatus.MISSED))
        first = s.get(ap, appointments[1])
        assert first is not None
        first.starts_at = first.starts_at + timedelta(days=3, hours=20)
        s.execute(update(ap).where(ap.id == appointments[2]).values(entered_in_error=True))
        s.execute(delete(ap).where(ap.id == appointments[3]))
        # assessments: a start corrected after its exit (the exit's start level follows), an
        # exit re-levelled, one entered in error, one deleted
        pa = PathwayAssessment
        exits = s.execute(select(pa.id, pa.case_id, pa.pathway_code)
                          .where(pa.stage == AssessmentStage.EXIT).order_by(pa.id)).all()
        assert len(exits) > 4
        _, case_id, code = exits[0]
        s.execute(update(pa).where(pa.case_id == case_id, pa.pathway_code == code,
                                   pa.stage == AssessmentStage.START).values(level=1))
        s.execute(update(pa).where(pa.id == exits[1][0]).values(level=0))
        s.execute(update(pa).where(pa.id == exits[2][0]).values(entered_in_error=True))
        s.execute(delete(pa).where(pa.id == exits[3][0]))
        # calls to agencies: a count corrected, entered in error, deleted, added; the end of
        # a case with counts moved (its calls' row follows)
        ac = AgencyCallCount
        counts = s.execute(select(ac.id, ac.case_id).order_by(ac.id)).all()
        assert len(counts) > 4
        s.execute(update(ac).where(ac.id == counts[0][0]).values(calls=9, months=12))
        s.execute(update(ac).where(ac.id == counts[1][0]).values(period="after"))
        s.execute(update(ac).where(ac.id == counts[2][0]).values(entered_in_error=True))
        s.execute(delete(ac).where(ac.id == counts[3][0]))
        s.add(AgencyCallCount(case_id=counts[4][1], agency_name="Council", period="before",
                              months=6, calls=2))
        s.execute(update(Case).where(Case.id == counts[4][1])
                  .values(ended_on=BUILT_ON - timedelta(days=30), closed_on=None))
        uow.commit()
    assert _out_of_step(db) == []
    before = _counted(db)
    # a whole case deleted: its appointments and assessments go with it (a cascade)
    with db.uow() as uow:
        s = uow.session
        gone = s.scalar(select(Case.id).join(PathwayAssessment).join(
            Appointment, Appointment.case_id == Case.id)
            .where(Case.end_date.is_not(None), PathwayAssessment.stage == AssessmentStage.EXIT)
            .limit(1))
        assert gone is not None
        s.execute(delete(Case).where(Case.id == gone))
        uow.commit()
    assert _out_of_step(db) == []
    after = _counted(db)
    assert after["tally_endings"] == before["tally_endings"] - 1
    assert after["tally_referrals"] == before["tally_referrals"] - 1
    assert after["tally_appointments"] < before["tally_appointments"]


def test_ten_years_from_the_tallies_equal_the_same_from_the_records(
        db: Database, coordinator: Actor) -> None:
    """A worker's figures are read from the records; the same figures for everyone from the
    tallies. When one worker holds every case, the two must agree figure for figure."""
    with db.uow() as uow:
        worker = uow.session.scalar(select(Case.worker_id).where(Case.worker_id.is_not(None))
                                    .limit(1))
        uow.session.execute(update(Case).values(worker_id=worker))
        uow.commit()
    scope = Scope(BUILT_ON.replace(year=BUILT_ON.year - 10), BUILT_ON)
    everyone = compute(db.uow(), coordinator, scope, today=BUILT_ON, named=False)
    theirs = compute(db.uow(), coordinator, Scope(scope.start, scope.end, worker_id=worker),
                     today=BUILT_ON, named=False)
    assert [(f.id, f.value, f.numerator, f.denominator, f.reason, f.note)
            for f in everyone.figures] == [
        (f.id, f.value, f.numerator, f.denominator, f.reason, f.note) for f in theirs.figures]
    assert everyone.months == theirs.months
    per_scheme = compute(db.uow(), coordinator, Scope(scope.start, scope.end,
                                                      scheme=Scheme.CHECKPOINT),
                         today=BUILT_ON, named=False)
    assert per_scheme.figure("completion_rate.checkpoint") == everyone.figure(
        "completion_rate.checkpoint")


def _tally_rows(db: Database) -> dict[str, list[tuple[str, ...]]]:
    with db.engine.connect() as conn:
        return {t.table.name: sorted(tuple(str(v) for v in row) for row in conn.execute(
            text(f"SELECT * FROM {t.table.name} WHERE n <> 0")))
            for t in tallies.tallies(conn.dialect.name)}


def test_a_copy_carries_the_same_tallies(tmp_path: Path, pg_url: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "desktop.db"
    assert main(["--database", f"sqlite:///{source}", "demo", "--cases", "40"]) == 0
    monkeypatch.setenv("PATHWAYS_PASSWORD", demo.DEMO_PASSWORD)
    for target in (f"sqlite:///{tmp_path / 'copy.db'}", pg_url):
        assert main(["--database", f"sqlite:///{source}", "--user", "admin", "db", "copy",
                     "--to", target]) == 0
        copied, original = Database(target), Database(f"sqlite:///{source}")
        assert _out_of_step(copied) == []
        assert _tally_rows(copied) == _tally_rows(original)
        copied.dispose()
        original.dispose()


def test_db_check_names_a_tally_out_of_step_and_recount_mends_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    url = f"sqlite:///{path}"
    assert main(["--database", url, "demo", "--cases", "30"]) == 0
    db = Database(url)
    with db.engine.begin() as conn:  # a write by hand, past the triggers
        conn.execute(text("UPDATE tally_appointments SET n = n + 1 "
                          "WHERE day = (SELECT min(day) FROM tally_appointments)"))
    db.dispose()
    capsys.readouterr()
    assert main(["--database", url, "db", "check"]) != 0
    err = capsys.readouterr().err
    assert "tally_appointments" in err and "pathways db recount" in err
    assert main(["--database", url, "db", "recount"]) == 0
    assert main(["--database", url, "db", "check"]) == 0
