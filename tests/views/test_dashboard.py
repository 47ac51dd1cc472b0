"""The Dashboard tab in the real main window, on the real services: a click on a figure (or a
bar) lists the cases behind it, a restricted case is counted but never listed, a listed case
opens, the filters change what is shown, and front-line workers do not get the tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChartView
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsTextItem, QTreeWidget

from app.db import Database
from app.models import Scheme
from app.models.users import Role
from app.views.case import CaseWorkspace
from app.views.dashboard import DashboardView
from app.views.main_window import MainWindow
from tests.factories import make_user
from tests.indicator_data import DataSet, Made

T = date.today()


def ago(days: int) -> date:
    return T - timedelta(days=days)


@pytest.fixture
def cases(db: Database) -> dict[str, Made]:
    coord = make_user(db, Role.COORDINATOR, "coord", "Morgan Coordinator")
    make_user(db, Role.NAVIGATOR, "nav", "Priya Navigator")
    mentor = make_user(db, Role.MENTOR, "mentor", "Aisha Mentor")
    d = DataSet(db, coord)
    cp, gtc = Scheme.CHECKPOINT, Scheme.GATEWAY
    return {
        "cp1": d.case(cp, referred=ago(200), decided=ago(195), ended=ago(75),
                      outcome="completed", first_time=True),
        "cp2": d.case(cp, referred=ago(190), decided=ago(185), ended=ago(65),
                      outcome="completed", restricted=True, name="Hidden Person"),
        "cp3": d.case(cp, referred=ago(180), decided=ago(175), ended=ago(90),
                      outcome="breached"),
        "g1": d.case(gtc, referred=ago(150), decided=ago(140), ended=ago(20),
                     outcome="completed", worker=mentor),
    }


def dashboard_of(qtbot: Any, window: MainWindow) -> DashboardView:
    """Show the Dashboard tab and wait for its first figures (computed off the GUI thread)."""
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Dashboard" in titles
    assert window.dashboard is None  # not even built while the window started
    widget = window.show_dashboard()
    assert isinstance(widget, DashboardView)
    assert widget.report is None
    with qtbot.waitSignal(widget.updated, timeout=20_000):
        pass  # it computes when first shown
    return widget


def show(qtbot: Any, dash: DashboardView) -> None:
    """Press Show and wait for the new figures."""
    with qtbot.waitSignal(dash.updated, timeout=20_000):
        qtbot.mouseClick(dash.show_button, Qt.MouseButton.LeftButton)
    assert dash.show_button.isEnabled() and not dash.busy


def click_figure(qtbot: Any, tree: QTreeWidget, figure_id: str, dash: DashboardView) -> None:
    item = dash.items[figure_id]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_click_a_figure_lists_its_cases_and_opens_one(
        qtbot: Any, open_window: Callable[..., MainWindow], cases: dict[str, Made]) -> None:
    window = open_window("coord")
    dash = dashboard_of(qtbot, window)
    diverted = dash.items["diverted"]
    assert diverted.text(1) == "3"  # cp1, cp2 (restricted) and g1
    click_figure(qtbot, dash.tree, "diverted", dash)
    assert dash.shown_cases() == sorted([cases["cp1"].reference, cases["g1"].reference])
    assert cases["cp2"].reference not in dash.shown_cases()
    assert "1 restricted case(s) are counted" in dash.unnamed_label.text()
    assert "Diverted from prosecution: 3" in dash.cases_title.text()
    # a rate lists its cohort too, marking the cases only in the total
    click_figure(qtbot, dash.tree, "completion_rate.checkpoint", dash)
    assert dash.items["completion_rate.checkpoint"].text(1) == "66.7%"
    assert dash.shown_cases() == [cases["cp1"].reference, cases["cp3"].reference]
    texts = [dash.cases_list.item(i).text() for i in range(dash.cases_list.count())]
    assert texts[1].endswith("(in the total only)")
    # double-click a case: it opens in its own tab
    item = dash.cases_list.item(0)
    rect = dash.cases_list.visualItemRect(item)
    qtbot.mouseClick(dash.cases_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dash.cases_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(window.tabs.currentWidget(), CaseWorkspace)
    assert window.tabs.currentWidget().reference == cases["cp1"].reference
    # the dashboard tab cannot be closed like a case tab
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index("Dashboard")
    window.close_tab(index)
    assert "Dashboard" in [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_a_click_on_a_bar_lists_that_figures_cases(
        qtbot: Any, open_window: Callable[..., MainWindow], cases: dict[str, Made]) -> None:
    dash = dashboard_of(qtbot, open_window("coord"))
    view: QChartView = dash.rates_view
    qtbot.waitUntil(lambda: view.isVisible())
    series = dash.rates_chart.series()[0]
    assert isinstance(series, QBarSeries)
    # Checkpoint's completion bar: first category, first of two bars (66.7%)
    scene = dash.rates_chart.mapToPosition(QPointF(-0.12, 30), series)
    pos = view.mapFromScene(dash.rates_chart.mapToScene(scene))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert dash.tree.currentItem() is dash.items["completion_rate.checkpoint"]
    assert dash.shown_cases() == [cases["cp1"].reference, cases["cp3"].reference]


def test_filters_and_not_yet_known(qtbot: Any, open_window: Callable[..., MainWindow],
                                   cases: dict[str, Made]) -> None:
    dash = dashboard_of(qtbot, open_window("coord"))
    # g1 left 20 days ago: her 3-month follow-up is not due, so the figure is not yet known
    item = dash.items["women_independent.3m"]
    assert item.text(1) == "not yet known" and "not yet due" in item.text(2)
    dash.scheme_box.setCurrentIndex(dash.scheme_box.findText("Gateway to Change"))
    show(qtbot, dash)
    assert "completion_rate.checkpoint" not in dash.items
    assert dash.items["referrals"].text(1) == "1"
    dash.scheme_box.setCurrentIndex(0)
    dash.worker_box.setCurrentIndex(dash.worker_box.findText("Aisha Mentor"))
    show(qtbot, dash)
    assert dash.items["referrals"].text(1) == "1"
    assert dash.items["completion_rate.gateway-to-change"].text(1) == "100.0%"


def test_only_coordinators_have_the_dashboard(open_window: Callable[..., MainWindow],
                                              cases: dict[str, Made]) -> None:
    window = open_window("nav")
    assert "Dashboard" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert window.dashboard is None


def test_save_the_board_report_of_the_figures_on_screen(
        qtbot: Any, open_window: Callable[..., MainWindow], cases: dict[str, Made],
        tmp_path: Any) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    window = open_window("coord")
    dash = dashboard_of(qtbot, window)
    assert dash.save_button.isEnabled()
    out = tmp_path / "board.pdf"
    task = dash.save_board_report(str(out))
    qtbot.waitUntil(lambda: task.finished, timeout=20_000)
    assert task.error is None and task.result == out
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(out.read_bytes())).pages)
    assert "Partnership board report" in text
    assert "Hidden Person" not in text  # restricted cases are counted, never named
    diverted = dash.report.of("diverted")[0]
    assert diverted.label in text


def test_print_the_board_report_on_paper(
        qtbot: Any, open_window: Callable[..., MainWindow], cases: dict[str, Made],
        db: Database, tmp_path: Any) -> None:
    """The board report goes through QPrinter (to a PDF file here, as a driver gets it), page
    for page, and the print is in the audit trail."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    from sqlalchemy import text

    window = open_window("coord")
    dash = dashboard_of(qtbot, window)
    assert dash.print_button.isEnabled()
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    task = dash.print_board_report(printer)
    qtbot.waitUntil(lambda: task.finished and dash.as_of.text().startswith("Sent"),
                    timeout=20_000)
    sheets = PdfReader(out).pages
    assert len(sheets) >= 2 and all(p.images for p in sheets)
    assert dash.as_of.text() == f"Sent to the printer: {len(sheets)} pages."
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT detail FROM audit_events "
                                 "WHERE action = 'report.print'")).scalars().all()
    scope = dash.report.scope
    assert rows == [f"board report: {scope.start.isoformat()}..{scope.end.isoformat()}"]


@pytest.mark.parametrize("width", [1280, 1440])
def test_chart_labels_are_drawn_whole_on_a_laptop(
        qtbot: Any, open_window: Callable[..., MainWindow], cases: dict[str, Made],
        width: int) -> None:
    """Every month, scheme and pathway on the charts' axes is drawn in full: Qt's own elision
    turned them into "..." on a 1440 px screen."""
    window = open_window("coord")
    window.resize(width, 720 if width == 1280 else 900)
    widget = dashboard_of(qtbot, window)
    qtbot.wait(50)
    for view in widget.findChildren(QChartView):
        # Qt Charts draws each label as a text item; its Python wrapper comes by way of
        # toGraphicsObject()
        texts = [item.toGraphicsObject() for item in view.scene().items()]
        drawn = {t.toPlainText() for t in texts
                 if isinstance(t, QGraphicsTextItem) and t.isVisible() and t.toPlainText()}
        assert not [t for t in drawn if "…" in t or t.endswith("...")], view.objectName()
        axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
        for category in axis.categories():
            # a two-line label is one text item drawn as two lines
            assert category.replace("<br>", "\n") in {t.replace("\u2029", "\n") for t in drawn}
