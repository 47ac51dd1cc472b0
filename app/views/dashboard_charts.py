"""The dashboard's charts: bar charts drawn from the figures ``app.services.reporting`` gives,
each with a text alternative in words for screen readers, and axis labels kept whole on a
laptop screen. Strings keep the dashboard's translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app.services import reporting
from app.views.i18n import translate

COLOURS = ("#1f4e79", "#c55a11", "#548235")


def chart_text(data: reporting.Chart) -> str:
    """A chart as a sentence per category: the text alternative for the picture."""
    parts = []
    for i, category in enumerate(data.categories):
        values = [f"{s.name} {_figure(s.values[i])}" for s in data.series if i < len(s.values)]
        parts.append(f"{category}: " + ", ".join(values))
    return f"{data.title}. " + ("; ".join(parts) if parts
                                else translate("Dashboard", "No figures.")) + "."


def _axis_label(category: str, *, wrap: bool) -> str:
    """A category as the axis shows it: "Employment (education, training)" -> "Employment",
    and a long name over two lines ("Neighbourhood / Resolution") where the bars are wide."""
    label = category.split(" (")[0]
    if wrap and len(label) > 12 and " " in label:
        first, _, rest = label.partition(" ")
        return f"{first}<br>{rest}"
    return label


def _figure(value: float | None) -> str:
    return translate("Dashboard", "not known") if value is None else f"{value:g}"


def new_chart(name: str) -> tuple[QChart, QChartView]:
    """A chart view; its name and text alternative are set when it is filled."""
    chart = QChart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))  # the plot, not white space, gets the room
    view = QChartView(chart)
    view.setObjectName(name)
    view.setAccessibleName(translate("DashboardView", "Chart (being computed)"))
    view.setAccessibleDescription(translate("DashboardView", "The figures are being computed."))
    view.viewport().setAccessibleName(translate("DashboardView", "Chart"))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)  # three across and the figures below fit 720 px
    view.setMinimumWidth(260)
    return chart, view


def draw_bars(view: QChartView, data: reporting.Chart, figure_ids: tuple[list[str], ...],
              on_click: Callable[[list[str], int], None], *, horizontal: bool = False) -> None:
    """Fill ``view``'s chart with ``data`` as bars; a click on a bar of series i calls
    ``on_click(figure_ids[i], index)``."""
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(data.title)
    # what a screen reader says instead of the picture: the same figures, in words
    view.setAccessibleName(translate("DashboardView", "Chart: {title}").format(title=data.title))
    view.setAccessibleDescription(chart_text(data))
    if horizontal:
        # Qt draws the first category at the bottom; the table reads from the top
        data = reporting.Chart(data.title, data.categories[::-1], tuple(
            reporting.Series(s.name, s.values[::-1]) for s in data.series))
        figure_ids = tuple(ids[::-1] for ids in figure_ids)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    for i, s in enumerate(data.series):
        bar_set = QBarSet(s.name)
        bar_set.setColor(QColor(COLOURS[i % len(COLOURS)]))
        for v in s.values:
            bar_set.append(v if v is not None else 0.0)
        if i < len(figure_ids):
            ids = figure_ids[i]
            bar_set.clicked.connect(lambda index, ids=ids: on_click(ids, index))
        series.append(bar_set)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_axis_label(c, wrap=not horizontal and len(data.categories) <= 6)
                       for c in data.categories] or [""])
    if len(data.categories) > 6 and not horizontal:
        categories.setLabelsAngle(-90)
    small = QFont(categories.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    values = QValueAxis()
    for axis in (categories, values):
        # Qt elides a label to "..." long before it runs out of room at laptop widths;
        # the labels are short enough (see _axis_label) to be drawn whole
        axis.setTruncateLabels(False)
        axis.setLabelsFont(small)
    chart.legend().setFont(small)
    top = max([v for s in data.series for v in s.values if v is not None] or [0.0])
    values.setRange(min(0.0, *[v for s in data.series for v in s.values
                               if v is not None] or [0.0]),
                    data.value_max or max(1.0, top * 1.1))
    values.setLabelFormat("%.0f" if data.value_max or top >= 5 else "%.1f")
    if not data.value_max:
        values.applyNiceNumbers()  # ticks at 0, 20, 40 rather than 0, 27, 54
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal
                  else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal
                  else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().setVisible(len(data.series) > 1)
