"""The SQL indicators give exactly what a plain Python count gives, on both stores.

``tests/indicator_oracle.py`` is the engine the app used before its figures became aggregate
queries: it loads every case in scope and counts in loops. Here both run over demo data made
more varied on purpose (cases ending on the 29th to 31st, police checks the day before, on and
after each window closes, some entered in error, start assessments corrected after their exit
was recorded), for periods whose windows are open, closed
and half closed, per scheme and per worker; every figure (value, parts, reason, note, the cases
behind it and how many are unnamed) and every month must agree.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from app.db import Database
from app.models.cases import Case, Scheme
from app.models.followups import ReoffendingCheck
from app.models.pathways import AssessmentStage, PathwayAssessment
from app.models.users import User
from app.services import demo, indicators
from app.services.cases import add_months
from app.services.context import Actor
from app.services.indicators import PROVING_MONTHS, IndicatorReport, Scope
from app.services.users import sign_in
from tests.indicator_oracle import python_compute

BUILT_ON = date(2025, 3, 31)


def _vary(db: Database) -> None:
    """Month-end endings and police checks around each window's close."""
    with db.uow() as uow:
        s = uow.session
        by = s.scalar(select(User.id).where(User.username == "coordinator"))
        ended = s.execute(select(Case.id, Case.ended_on, Case.scheme)
                          .where(Case.ended_on.is_not(None)).order_by(Case.id)).all()
        for n, (case_id, ended_on, scheme) in enumerate(ended):
            if n % 3 == 0:  # move the end to the month's last days (29th, 30th or 31st)
                last = add_months(ended_on.replace(day=1), 1) - timedelta(days=1 + n % 3)
                ended_on = min(last, BUILT_ON)
                s.execute(update(Case).where(Case.id == case_id).values(ended_on=ended_on))
            if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
                continue
            for window in (12, 24):
                closes = add_months(ended_on, window + PROVING_MONTHS)
                for k, (day, offences) in enumerate(((closes - timedelta(days=1), 4),
                                                     (closes, n % 3), (closes, 1),
                                                     (closes + timedelta(days=40), n % 2))):
                    if (n + k) % 4 == 0:
                        continue
                    s.add(ReoffendingCheck(case_id=case_id, checked_on=day,
                                           window_months=window, offences=offences,
                                           recorded_by_id=by, entered_in_error=(n + k) % 7 == 0))
        # start assessments corrected after their exit was recorded: the exit's kept start
        # level must follow (entered in error, amended, restored, moved to another pathway)
        pa = PathwayAssessment
        exits = s.execute(select(pa.case_id, pa.pathway_code)
                          .where(pa.stage == AssessmentStage.EXIT).order_by(pa.id)).all()
        codes = sorted({code for _, code in exits})
        for n, (case_id, code) in enumerate(exits):
            start = update(pa).where(pa.case_id == case_id, pa.pathway_code == code,
                                     pa.stage == AssessmentStage.START)
            if n % 5 == 0:
                s.execute(start.values(entered_in_error=True))
            elif n % 5 == 1:
                s.execute(start.values(level=(n // 5) % 5))
            elif n % 5 == 2:
                s.execute(start.values(entered_in_error=True))
                s.execute(start.values(entered_in_error=False, level=4))
            elif n % 5 == 3 and n % 2:
                taken = set(s.scalars(select(pa.pathway_code).where(
                    pa.case_id == case_id, pa.stage == AssessmentStage.START)))
                free = [c for c in codes if c not in taken]
                if free:
                    s.execute(start.values(pathway_code=free[0]))
        assert exits
        uow.commit()


@pytest.fixture
def coordinator(db: Database) -> Actor:
    demo.build(db.uow(), cases=150, seed=7, today=BUILT_ON)
    _vary(db)
    return sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)


def _worker(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(Case.worker_id).where(Case.worker_id.is_not(None))
                                      .group_by(Case.worker_id)
                                      .order_by(func.count().desc()).limit(1)))


def _same(sql: IndicatorReport, python: IndicatorReport) -> None:
    assert [f.id for f in sql.figures] == [f.id for f in python.figures]
    for mine, theirs in zip(sql.figures, python.figures, strict=True):
        assert mine == theirs, (mine, theirs)
    assert sql.months == python.months
    assert sql == python


def test_every_figure_agrees_with_the_python_count(db: Database, coordinator: Actor) -> None:
    worker = _worker(db)
    cases = [  # (scope, today)
        (Scope(date(2024, 4, 1), BUILT_ON), BUILT_ON),  # a dashboard's 12 months
        (Scope(date(2015, 4, 1), BUILT_ON), BUILT_ON),  # ten years: every window open
        (Scope(date(2022, 1, 1), date(2023, 12, 31)), date(2027, 6, 30)),  # all closed
        (Scope(date(2022, 6, 1), date(2024, 6, 30)), date(2026, 2, 28)),  # half closed
        (Scope(date(2022, 1, 1), date(2024, 12, 31), scheme=Scheme.CHECKPOINT),
         date(2028, 1, 1)),
        (Scope(date(2022, 1, 1), date(2024, 12, 31), scheme=Scheme.GATEWAY), date(2026, 1, 1)),
        (Scope(date(2022, 1, 1), BUILT_ON, scheme=Scheme.NEIGHBOURHOOD_RESOLUTION),
         date(2027, 1, 1)),
        (Scope(date(2022, 1, 1), BUILT_ON, worker_id=worker), date(2027, 1, 1)),
        (Scope(date(2031, 1, 1), date(2031, 12, 31)), date(2032, 1, 1)),  # nothing at all
    ]
    known = 0
    for scope, today in cases:
        sql = indicators.compute(db.uow(), coordinator, scope, today=today)
        python = python_compute(db.uow(), coordinator, scope, today=today)
        _same(sql, python)
        known += sum(1 for f in sql.figures if f.known and f.cases)
    assert known > 40  # the data set gives real figures, not only "not yet known"


def test_the_cases_behind_one_figure_are_the_ones_the_report_names(
        db: Database, coordinator: Actor) -> None:
    scope, today = Scope(date(2022, 1, 1), date(2024, 6, 30)), date(2027, 6, 30)
    report = indicators.compute(db.uow(), coordinator, scope, today=today)
    bare = indicators.compute(db.uow(), coordinator, scope, today=today, named=False)
    assert bare == replace(report, figures=tuple(replace(f, cases=(), unnamed=0)
                                                 for f in report.figures))
    for f in report.figures:
        found = indicators.figure_cases(db.uow(), coordinator, scope, f.id, today=today)
        assert (found.cases, found.unnamed) == (f.cases, f.unnamed), f.id
    assert any(f.unnamed for f in report.figures)  # restricted cases are counted, not named


def test_add_months_in_sql_is_the_python_rule(db: Database) -> None:
    days = [date(2023, 1, 28) + timedelta(days=n) for n in range(0, 800, 3)]
    days += [date(2024, 2, 29), date(2023, 10, 31), date(2024, 8, 31), date(2023, 12, 31)]
    with db.uow() as uow:
        s = uow.session
        dialect = s.get_bind().dialect.name
        for months in (1, 3, 6, 12, 18, 30):
            for d in days:
                got = s.scalar(select(indicators._add_months_sql(dialect, func.date(d)
                                      if dialect == "sqlite" else d, months)))
                assert indicators._as_date(got) == add_months(d, months), (d, months)
