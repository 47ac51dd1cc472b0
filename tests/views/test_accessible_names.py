"""A screen reader can name everything: a walk of the accessibility tree (QAccessible, as a
screen reader sees it) of each main screen finds no focusable control, table or chart without a
name; combo boxes are named by their label, not by the value they show; charts carry their
figures as text."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from app.services import demo
from app.services.enums import Scheme
from app.views.main_window import MainWindow


def _walk(iface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    yield iface
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid() and isinstance(child.object(), QWidget):
            yield from _walk(child)


def _unnamed(screen: str, root: QWidget) -> list[str]:
    out = []
    for iface in _walk(QAccessible.queryAccessibleInterface(root)):
        w = iface.object()
        if not isinstance(w, QWidget) or not w.isVisible():
            continue
        state = iface.state()
        needs = state.focusable or isinstance(w, QAbstractItemView | QChartView)
        name = iface.text(QAccessible.Text.Name).strip()
        what = f"{screen}: {type(w).__name__} {w.objectName() or '(no object name)'}"
        if needs and not name:
            out.append(what + " has no name")
        if isinstance(w, QComboBox) and w.count() and name == w.currentText() \
                and not w.accessibleName():
            out.append(what + f" is named by its value {name!r}, not its label")
        if isinstance(w, QChartView) and not iface.text(QAccessible.Text.Description).strip():
            out.append(what + " has no text alternative")
    return out


def test_every_main_screen_names_its_controls_tables_and_charts(qtbot, db,
                                                                 open_window) -> None:
    demo.build(db.uow(), cases=60)
    window: MainWindow = open_window("coordinator", demo.DEMO_PASSWORD)
    app = QApplication.instance()
    problems: list[str] = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
        qtbot.wait(50)
        problems += _unnamed(window.tabs.tabText(i), window)
    window.case_list.more_filters.setChecked(True)
    problems += _unnamed("Cases, more filters", window)
    model = window.case_list.model
    window.tabs.setCurrentWidget(window.case_list)
    for scheme in Scheme:
        ref = next(model.reference_at(r) for r in range(model.rowCount())
                   if model.index(r, model.SCHEME).data() == scheme.label)
        ws = window.open_case(ref)
        for i in range(ws.tabs.count()):
            ws.tabs.setCurrentIndex(i)
            app.processEvents()
            problems += _unnamed(f"{ref} {ws.tabs.tabText(i)}", window)
    window.new_referral()
    app.processEvents()
    problems += _unnamed("New referral", window.dialog)
    assert problems == [], "\n".join(problems)
