"""The case list's Qt model, checked by pytest-qt's model tester over a few hundred demo cases,
while it fetches pages lazily, sorts and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services import casefile, demo, users
from app.services.casefile import CaseFilter
from app.services.enums import Scheme
from app.views.table_models.case_table_model import CaseTableModel


def test_case_table_model_passes_the_model_tester_while_paging(qtmodeltester: Any, db: Any
                                                               ) -> None:
    demo.build(db.uow(), cases=450)
    actor = users.sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)
    model = CaseTableModel(db.uow, actor)
    model.reload()
    assert model.rowCount() == CaseTableModel.PAGE  # one page, not the whole list
    assert model.total == 450 and model.canFetchMore()
    qtmodeltester.check(model)

    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    qtmodeltester.check(model)

    model.sort(CaseTableModel.PARTICIPANT, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == CaseTableModel.PAGE
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.data(model.index(r, CaseTableModel.PARTICIPANT)) for r in range(450)]
    by_name = casefile.list_cases(db.uow(), actor, CaseFilter(), sort="participant",
                                  descending=False, limit=450)
    assert shown == [row.participant for row in by_name]
    assert shown[0].endswith("Ap Rhys") and model.rowCount() == 450  # loaded all again
    qtmodeltester.check(model)

    model.set_filter(CaseFilter(scheme=Scheme.GATEWAY, search="GTC-"))
    assert 0 < model.total < 450
    assert model.rowCount() == model.total  # under a page: all of it, nothing more to fetch
    assert not model.canFetchMore()
    assert all(model.data(model.index(r, CaseTableModel.SCHEME)) == "Gateway to Change"
               for r in range(model.rowCount()))
    qtmodeltester.check(model)
