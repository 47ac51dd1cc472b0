"""The case workspace's record lists: one generic Qt model, checked by pytest-qt's model tester
on every table of real demo cases of each scheme, with its key, style and 'open row' signal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTableWidget

from app.services import demo
from app.services.enums import Scheme
from app.views.table_models.record_table_model import (
    Column,
    RecordTable,
    RecordTableModel,
    RowStyle,
)


@dataclass(frozen=True)
class Row:
    id: int
    text: str
    void: bool = False
    late: bool = False


def _model() -> RecordTableModel[Row]:
    return RecordTableModel(
        [Column("No.", lambda r: r.id), Column("Text", lambda r: r.text,
                                               tooltip=lambda r: f"all of {r.text}")],
        key=lambda r: f"row-{r.id}",
        style=lambda r: RowStyle.STRUCK if r.void else RowStyle.ALERT if r.late
        else RowStyle.NORMAL)


def test_record_model_keys_styles_and_text(qtmodeltester: Any) -> None:
    model = _model()
    qtmodeltester.check(model)  # empty
    model.set_rows([Row(1, "first"), Row(2, "entered in error", void=True),
                    Row(3, "overdue", late=True)])
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Text"
    assert model.index(0, 0).data() == "1"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "all of first"
    assert model.index(1, 0).data(RecordTableModel.KEY_ROLE) == "row-2"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(2, 1).data(RecordTableModel.STYLE_ROLE) == "alert"
    assert model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of("row-3") == 2 and model.row_of("nope") is None


def test_record_table_opens_a_row_by_enter_and_double_click(qtbot: Any) -> None:
    table = RecordTable("things", "Things", _model())
    qtbot.addWidget(table)
    table.set_rows([Row(1, "first"), Row(2, "second")])
    table.show()
    opened: list[Any] = []
    table.row_activated.connect(opened.append)
    assert table.select_key("row-2") and table.selected_key() == "row-2"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["row-2", "row-1"]
    table.set_rows([Row(1, "first"), Row(2, "second, changed")])
    assert table.selected_key() == "row-1"  # the selection survives a reload


def test_a_table_filled_out_of_sight_is_sized_when_first_shown(qtbot: Any) -> None:
    table = RecordTable("things", "Things", _model())
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.set_rows([Row(1, "first"), Row(2, "a line long enough to be worth a wide column")])
    header = table.horizontalHeader()
    assert table.columnWidth(0) == header.defaultSectionSize()  # not measured out of sight
    table.show()
    qtbot.waitExposed(table)
    assert table.columnWidth(0) < header.defaultSectionSize()  # "No." fits its text
    # the last column takes what is left, as when the table was sized before it was shown
    assert table.columnWidth(0) + table.columnWidth(1) == table.viewport().width()
    single = table.rowHeight(0)
    table.set_rows([Row(1, "first"), Row(2, "many words " * 40)])  # shown: sized at once
    assert table.rowHeight(1) > single  # the long text wraps onto more lines
    assert table.rowHeight(0) == single


def test_a_long_list_has_each_row_as_tall_as_qt_measures_it(qtbot: Any) -> None:
    # texts on one line, wrapped onto several, struck through, empty, with a line break, and
    # a little shorter and longer than the column: each row as Qt's own sizing makes it
    texts = ["short", "many words " * 30, "", "two\nlines", "x" * 60, "ab " * 19, "ab " * 21,
             "Intervention: Budgeting session"]
    rows = [Row(i, texts[i % len(texts)] + "i" * (i % 7), void=i % 11 == 0, late=i % 5 == 0)
            for i in range(150)]
    table = RecordTable("things", "Things", _model())
    qt = RecordTable("qt", "Qt", _model())
    for t in (table, qt):
        qtbot.addWidget(t)
        t.resize(500, 300)
        t.show()
        qtbot.waitExposed(t)
        t.set_rows(rows)
    assert table.columnWidth(1) == qt.columnWidth(1)
    qt.resizeRowsToContents()
    assert [table.rowHeight(r) for r in range(150)] == [qt.rowHeight(r) for r in range(150)]
    assert len({table.rowHeight(r) for r in range(150)}) > 2  # some wrap, most do not
    for t in (table, qt):  # narrower: the rows are fitted again to the new width
        t.resize(350, 300)
    qt.resizeRowsToContents()
    qtbot.waitUntil(lambda: [table.rowHeight(r) for r in range(150)]
                    == [qt.rowHeight(r) for r in range(150)])


def test_a_long_list_has_each_column_as_wide_as_qt_measures_it(qtbot: Any) -> None:
    # Qt's own sizeHintForColumn (the C++ one) on the same table, wherever it is scrolled to
    dates = ["01 Dec 2026", "31 May 2026", "17 Sep 2025", " padded ", "", "two\nlines",
             "\N{LATIN SMALL LETTER W WITH CIRCUMFLEX}ales", "WWWWWWWWWWW"]
    rows = [Row(i * 37, dates[i % len(dates)] * (1 + i % 3), void=i % 13 == 0)
            for i in range(230)]
    table = RecordTable("things", "Things", _model())
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    for precision in (100, 0, -1, 7):
        table.horizontalHeader().setResizeContentsPrecision(precision)
        for top in (0, 40, 229):
            table.set_rows(rows[top % 5:])
            table.scrollTo(table.model().index(top - top % 5, 0),
                           table.ScrollHint.PositionAtTop)
            for column in (0, 1):
                assert table.sizeHintForColumn(column) \
                    == QTableView.sizeHintForColumn(table, column), (precision, top, column)


def test_every_case_table_is_a_checked_model_and_none_is_a_table_widget(
        qtbot: Any, db: Any, open_window: Any, qtmodeltester: Any) -> None:
    demo.build(db.uow(), cases=60, today=date.today())
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    model = window.case_list.model
    seen: set[str] = set()
    for scheme in Scheme:
        # a case that went a long way has something in most of its lists
        ref = next(model.reference_at(r) for r in range(model.rowCount())
                   if model.index(r, model.SCHEME).data() == scheme.label
                   and model.index(r, model.STATUS).data() in ("Closed", "Completed"))
        ws = window.open_case(ref)
        assert ws.findChildren(QTableWidget) == []
        for table in ws.findChildren(RecordTable):
            qtmodeltester.check(table.model())
            if table.row_count():
                seen.add(table.objectName())
    assert {"people_table", "timeline", "history_table", "pathway_table", "interventions_table",
            "appointments_table", "conditions_table", "meetings_table", "actions_table",
            "exit_table"} <= seen
