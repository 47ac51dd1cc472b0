"""The case list's Qt model, checked by pytest-qt's model tester over a few hundred demo cases,
while it reads pages as they are asked for (holding only a few), sorts and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.services import casefile, demo, users
from app.services.casefile import CaseFilter
from app.services.enums import Scheme
from app.views.table_models.case_table_model import CaseTableModel


def test_case_table_model_passes_the_model_tester_while_paging(qtmodeltester: Any, db: Any
                                                               ) -> None:
    demo.build(db.uow(), cases=1450)
    actor = users.sign_in(db.uow(), "coordinator", demo.DEMO_PASSWORD)
    model = CaseTableModel(db.uow, actor)
    model.reload()
    assert model.total == 1450 and model.rowCount() == 1450  # every row, counted
    assert model.rows_held == CaseTableModel.PAGE and model.pages_read == 1  # one page read
    assert not model.canFetchMore(QModelIndex())  # no fetching: the view asks for rows
    qtmodeltester.check(model)

    # every row, read page by page: the rows are the service's, and only a few pages are held
    shown = [model.data(model.index(r, CaseTableModel.REFERENCE)) for r in range(1450)]
    every = casefile.list_cases(db.uow(), actor, CaseFilter(), limit=1450)
    assert shown == [row.reference + (" (R)" if row.restricted else "") for row in every]
    assert model.rows_held <= CaseTableModel.PAGES_KEPT * CaseTableModel.PAGE < 1450
    assert model.reference_at(1449) == every[-1].reference
    assert model.reference_at(0) == every[0].reference  # read again after it was dropped
    assert model.data(model.index(1450, 0)) is None
    qtmodeltester.check(model)

    model.sort(CaseTableModel.PARTICIPANT, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 1450 and model.pages_read == 1
    shown = [model.data(model.index(r, CaseTableModel.PARTICIPANT)) for r in range(1450)]
    by_name = casefile.list_cases(db.uow(), actor, CaseFilter(), sort="participant",
                                  descending=False, limit=1450)
    assert shown == [row.participant for row in by_name]
    qtmodeltester.check(model)

    model.set_filter(CaseFilter(scheme=Scheme.GATEWAY, search="GTC-"))
    assert 0 < model.total < 1450
    assert model.rowCount() == model.total
    assert all(model.data(model.index(r, CaseTableModel.SCHEME)) == "Gateway to Change"
               for r in range(model.rowCount()))
    qtmodeltester.check(model)
