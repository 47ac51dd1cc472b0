"""The case list's count: the same number as the rows the list holds, for every filter and
reader, and for a coordinator with no filter a bare ``count(*)`` of the cases (SQLite counts
an index's pages for that, rather than stepping through 400,000 rows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.models.cases import CaseStatus, Scheme
from app.services import casefile
from app.services.casefile import CaseFilter
from tests.factories import make_case


def test_the_count_is_the_number_of_rows_listed(db: Any, coord: Any, nav: Any,
                                                mentor: Any) -> None:
    make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    for actor in (coord, nav, mentor):
        for f in (CaseFilter(), CaseFilter(scheme=Scheme.CHECKPOINT),
                  CaseFilter(status=CaseStatus.CLOSED), CaseFilter(worker_id=nav.user_id),
                  CaseFilter(active_only=True), CaseFilter(search="CP-")):
            listed = casefile.list_cases(db.uow(), actor, f, audit_list=False)
            assert casefile.count_cases(db.uow(), actor, f) == len(listed), (actor, f)
    assert casefile.count_cases(db.uow(), coord, CaseFilter()) == 4


def test_a_coordinators_whole_list_is_counted_as_the_cases_table(db: Any, coord: Any) -> None:
    make_case(db, coord, Scheme.CHECKPOINT)
    seen: list[str] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        assert casefile.count_cases(db.uow(), coord, CaseFilter()) == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    counts = [s for s in seen if "count(" in s]
    assert counts == ["SELECT count(*) AS count_1 FROM cases"], seen


def test_the_first_page_and_its_count_come_together_audited_once(db: Any, coord: Any, nav: Any,
                                                                 mentor: Any) -> None:
    from sqlalchemy import func, select

    from app.models.audit import AuditEvent

    for n in range(5):
        if n % 2:
            make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
        else:
            make_case(db, coord, Scheme.GATEWAY, worker=mentor)

    def listed() -> int:
        with db.uow() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)
                                          .where(AuditEvent.action == "case.list")) or 0)

    for actor in (coord, nav, mentor):
        for f in (CaseFilter(), CaseFilter(scheme=Scheme.CHECKPOINT),
                  CaseFilter(search="CP-"), CaseFilter(status=CaseStatus.CLOSED)):
            for limit in (2, 200):  # a full page is counted; a short one is its own count
                before = listed()
                rows, total = casefile.first_page(db.uow(), actor, f, sort="reference",
                                                  descending=False, limit=limit)
                assert listed() == before + 1  # audited as a list shown
                assert rows == casefile.list_cases(db.uow(), actor, f, sort="reference",
                                                   descending=False, limit=limit,
                                                   audit_list=False), (actor, f, limit)
                assert total == casefile.count_cases(db.uow(), actor, f), (actor, f, limit)
    assert casefile.first_page(db.uow(), coord, CaseFilter(), limit=2)[1] == 5
