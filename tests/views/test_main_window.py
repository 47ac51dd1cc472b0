"""The main window on a freshly migrated demo database."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from app.services import demo
from app.views.main_window import MainWindow


def test_views_never_import_sqlalchemy_or_models() -> None:
    root = Path(__file__).resolve().parents[2] / "app" / "views"
    offenders = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.startswith(("sqlalchemy", "app.models"))]
    assert offenders == []


def test_window_opens_on_demo_database(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=60)
    window: MainWindow = open_window("coordinator", demo.DEMO_PASSWORD)
    who = window.findChild(QLabel, "signed_in_as")
    assert who.text() == "Signed in as Morgan Hale (Coordinator)"
    assert window.tabs.tabText(0) == "My work"
    assert window.my_work.sections["missed"].childCount() > 0
    window.tabs.setCurrentIndex(1)
    assert window.case_list.model.rowCount() == 60
    assert window.case_list.count.text() == "60 cases"


def test_facilitator_sees_only_her_neighbourhood_cases(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=60)
    window = open_window("facilitator", demo.DEMO_PASSWORD)
    model = window.case_list.model
    schemes = {model.index(r, model.SCHEME).data() for r in range(model.rowCount())}
    assert schemes == {"Neighbourhood Resolution"}
    assert not window.new_referral_action.isEnabled()


def test_search_as_you_type_filters_the_list(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=60)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    window.find()
    qtbot.keyClicks(window.case_list.search, "GTC-")
    qtbot.waitUntil(lambda: window.case_list.count.text() == "15 cases", timeout=2000)
    model = window.case_list.model
    assert all(model.reference_at(r).startswith("GTC-") for r in range(model.rowCount()))
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.case_list.search, "nobody-matches-this")
    qtbot.waitUntil(lambda: window.case_list.count.text() == "0 cases", timeout=2000)


def test_a_column_the_list_cannot_sort_by_keeps_the_order(qtbot, db, open_window) -> None:
    demo.build(db.uow(), cases=30)
    window = open_window("coordinator", demo.DEMO_PASSWORD)
    view = window.case_list
    model = view.model
    before = [model.reference_at(r) for r in range(model.rowCount())]
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(
                         header.sectionViewportPosition(model.WORKER) + 5, 5))
    assert header.sortIndicatorSection() == model.REFERRED
    assert [model.reference_at(r) for r in range(model.rowCount())] == before
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(
                         header.sectionViewportPosition(model.REFERENCE) + 5, 5))
    assert header.sortIndicatorSection() == model.REFERENCE
    refs = [model.reference_at(r) for r in range(model.rowCount())]
    assert refs == sorted(refs) or refs == sorted(refs, reverse=True)
