"""The board report: the partnership's indicators for a period, with charts and tables.

Takes plain data (the service has already computed and formatted every figure) and lays it out;
charts are drawn with ``reportlab.graphics`` so they are vectors in the PDF, not pictures.
Nothing here names a case: the report is aggregate by design.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from app.reports.base import FONT, FONT_BOLD, BaseRenderer, Header, esc
from app.reports.script import chart_label

SERIES_COLOURS = (colors.HexColor("#1f4e79"), colors.HexColor("#c55a11"),
                  colors.HexColor("#548235"))


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str
    basis: str


@dataclass(frozen=True)
class FigureSection:
    title: str
    rows: tuple[FigureRow, ...]


@dataclass(frozen=True)
class Series:
    name: str
    #: None leaves a gap (the figure does not apply, or is not yet known).
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    value_label: str = ""
    #: Fixed axis range (rates run 0-100); None lets the chart choose.
    value_max: float | None = None
    #: Shown instead of an empty chart.
    empty_text: str = "No data in this period."


@dataclass(frozen=True)
class BoardReportData:
    header: Header
    facts: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    charts: tuple[Chart, ...]
    sections: tuple[FigureSection, ...]


class BoardReportRenderer(BaseRenderer):
    def __init__(self, data: BoardReportData) -> None:
        super().__init__(data.header)
        self.data = data

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [self.para(d.header.title, "title"), self.facts(d.facts)]
        out += [self.para(n, "small") for n in d.notes]
        for whole in d.charts:
            for chart in self.pieces(whole):
                out.append(KeepTogether([self.para(chart.title, "h2"), self.chart(chart)]))
        for section in d.sections:
            if not section.rows:
                continue
            # a long table may split across pages: keep only its heading off a page's foot
            # (the usual keep-with-next would push the whole table on, leaving a blank half page)
            out.append(CondPageBreak(self.size * 9))
            out.append(Paragraph(esc(section.title), ParagraphStyle(
                "h2split", parent=self.styles["h2"], keepWithNext=0)))
            out.append(self.table(("Indicator", "Figure", "Basis"),
                                  [(r.label, r.value, r.basis) for r in section.rows],
                                  (0.47, 0.16, 0.37)))
            out.append(Spacer(1, self.size * 0.4))
        return out

    #: Categories one chart shows; more are drawn as further charts, since a drawing cannot be
    #: split across pages and would not fit on one.
    max_categories: ClassVar[int] = 24

    def pieces(self, chart: Chart) -> list[Chart]:
        """The chart, or consecutive parts of it of at most ``max_categories`` each."""
        n, step = len(chart.categories), self.max_categories
        if n <= step:
            return [chart]
        return [replace(chart, title=f"{chart.title} ({i // step + 1} of {-(-n // step)})",
                        categories=chart.categories[i:i + step],
                        series=tuple(replace(s, values=s.values[i:i + step])
                                     for s in chart.series))
                for i in range(0, n, step)]

    def chart(self, chart: Chart) -> Drawing:
        """A bar chart (grouped when there are several series) with a legend below."""
        width = self.frame_width
        n = len(chart.categories)
        values = [v for s in chart.series for v in s.values if v is not None]
        has_data = n and any(values)
        height = max(90.0, 20.0 * n + 50) if chart.horizontal else 190.0
        # the drawing would otherwise select Helvetica first, a font the PDF never embeds
        drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
        if not has_data:  # one line under the chart's heading, inside its own drawing
            drawing.height = 30
            drawing.add(String(0, 10, chart.empty_text, fontName=FONT, fontSize=10))
            return drawing
        bc = HorizontalBarChart() if chart.horizontal else VerticalBarChart()
        left = 130 if chart.horizontal else 36
        bc.x, bc.y = left, 40
        bc.width = int(width - left - 10)
        bc.height = int(height - 55)
        bc.data = [list(s.values) for s in chart.series]
        bc.categoryAxis.categoryNames = [chart_label(c) for c in chart.categories]
        for axis in (bc.categoryAxis, bc.valueAxis):
            axis.labels.fontName = FONT
            axis.labels.fontSize = 7.5
        bc.valueAxis.valueMin = min(0.0, *values)
        if chart.value_max is not None:
            bc.valueAxis.valueMax = chart.value_max
        if not chart.horizontal and n > 8:
            bc.categoryAxis.labels.angle = 35
            bc.categoryAxis.labels.boxAnchor = "ne"
        if chart.horizontal:
            bc.categoryAxis.reverseDirection = 1  # first category at the top
        bc.barSpacing = 1
        bc.groupSpacing = 6
        for i in range(len(chart.series)):
            bc.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            bc.bars[i].strokeColor = None
        bc.barLabelFormat = "%g" if len(chart.series) * n <= 24 else None
        bc.barLabels.fontName = FONT
        bc.barLabels.fontSize = 6.5
        if chart.horizontal:
            bc.barLabels.dx = 8
        else:
            bc.barLabels.dy = 5
        drawing.add(bc)
        if len(chart.series) > 1 or chart.value_label:
            legend = Legend()
            legend.fontName = FONT
            legend.fontSize = 8
            legend.x, legend.y = left, 10
            legend.alignment = "right"
            legend.columnMaximum = 1
            legend.deltax = 110
            legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], chart_label(s.name))
                                     for i, s in enumerate(chart.series)]
            drawing.add(legend)
        if chart.value_label:
            drawing.add(String(width, height - 10, chart.value_label, fontName=FONT_BOLD,
                               fontSize=7.5, textAnchor="end"))
        return drawing
