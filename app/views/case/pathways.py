"""Pathways: the need in each resettlement pathway at start, review and exit, as a table and a
chart, with the assessments and interventions that change them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPainter, QShowEvent

from app.services import pathways
from app.services.case_actions import CaseAction
from app.services.enums import NEED_LEVELS, AssessmentStage, EntryKind
from app.views.case.tab import CaseTab
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column
from app.views.terms import named


@dataclass(frozen=True)
class PathwayRow:
    """One pathway's need level at each assessment stage (None: not assessed)."""

    code: str
    name: str
    levels: tuple[int | None, ...]  # in AssessmentStage order

    @property
    def distance(self) -> str:
        start, exit_ = self.levels[0], self.levels[-1]
        return "" if start is None or exit_ is None else f"{start - exit_:+d}"


def _level(n: int) -> Column[PathwayRow]:
    return Column(named(list(AssessmentStage)[n]),
                  lambda r: "" if r.levels[n] is None else r.levels[n])


class PathwaysTab(CaseTab):
    title = QT_TRANSLATE_NOOP("PathwaysTab", "Pathways")
    name = "pathways"

    def build(self) -> None:
        labels = {"start": self.tr("Start assessment..."),
                  "review": self.tr("Review assessment..."), "exit": self.tr("Exit assessment...")}
        for stage in AssessmentStage:
            self.button(labels.get(stage.value, stage.value),
                        f"assess_{stage.value}",
                        lambda s=stage: self.assess(s))
        self.button(self.tr("Log &intervention..."), "log_intervention_p",
                    lambda: self.ws.tab_widget("interventions").log_intervention(),
                    CaseAction.LOG_INTERVENTION)
        self.end_buttons()
        self.records = self.table(
            "pathway_table", self.tr("Need by pathway"),
            [Column(self.tr("Pathway"), lambda r: r.name),
             *(_level(n) for n in range(len(AssessmentStage))),
             Column(self.tr("Distance travelled"), lambda r: r.distance)],
            key=lambda r: r.code, stretch=3)
        self.opens(self.records, EntryKind.ASSESSMENT, self._latest_assessment)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Need level at start and exit (0 none - 4 critical)"))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("pathway_chart")
        self.chart_view.setAccessibleName(self.tr("Chart: need level at start and exit by pathway"))
        self.chart_view.viewport().setAccessibleName(self.tr("Chart"))
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(180)
        self.body.addWidget(self.chart_view, 2)
        #: the rows the chart is still to show (drawn when the tab is in sight)
        self._chart_rows: list[PathwayRow] | None = None

    def _latest_assessment(self, code: str) -> int | None:
        """Opening a pathway's row shows its latest assessment (each one is on the Overview's
        timeline too)."""
        order = [s.value for s in AssessmentStage]
        found = sorted((order.index(a.stage), a.id) for a in self.detail.assessments
                       if a.pathway_code == code)
        return found[-1][1] if found else None

    def rows(self) -> list[PathwayRow]:
        levels: dict[str, dict[str, int]] = {}
        for a in self.detail.assessments:
            levels.setdefault(a.pathway_code, {})[a.stage] = a.level
        return [PathwayRow(code, name, tuple(levels.get(code, {}).get(s.value)
                                             for s in AssessmentStage))
                for code, name in self.case.pathway_names.items()]

    def refresh(self) -> None:
        rows = self.rows()
        self.records.set_rows(rows)
        self.chart_view.setAccessibleDescription("; ".join(
            f"{r.name}: start {'-' if r.levels[0] is None else r.levels[0]}, "
            f"exit {'-' if r.levels[-1] is None else r.levels[-1]}" for r in rows))
        # the chart lays out its axes and labels when its series change, seen or not: a tab
        # out of sight draws it when first shown
        self._chart_rows = rows
        if self.isVisible():
            self._draw_chart()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_chart()

    def _draw_chart(self) -> None:
        rows = self._chart_rows
        if rows is None:
            return
        self._chart_rows = None
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        start_set, exit_set = QBarSet(self.tr("Start")), QBarSet(self.tr("Exit"))
        for r in rows:
            start_set.append(r.levels[0] or 0)
            exit_set.append(r.levels[-1] or 0)
        series = QBarSeries()
        series.append(start_set)
        series.append(exit_set)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([r.name.split(" (")[0] for r in rows])
        y = QValueAxis()
        y.setRange(0, 4)
        y.setTickCount(5)
        y.setLabelFormat("%d")
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def assess(self, stage: AssessmentStage) -> FormDialog:
        current = {a.pathway_code: a.level for a in self.detail.assessments
                   if a.stage == stage.value}
        levels = [(f"{n} - {t}", n) for n, t in NEED_LEVELS.items()]
        names = self.case.pathway_names
        fields = [Field("assessed_on", self.tr("Assessed on"), "date", True, date.today())]
        # each level is the worker's answer (distance travelled is counted from it): a pathway
        # not assessed before starts unanswered, not at "0 - none"
        fields += [Field(code, name, "choice", True, current.get(code), levels)
                   for code, name in names.items()]

        def submit(v: dict[str, Any]) -> None:
            needs = [pathways.NeedInput(code, v[code]) for code in names]
            pathways.record_assessment(self.case.uow(), self.case.actor, self.case.reference,
                                       stage, v["assessed_on"], needs,
                                       expected_version=self.case.version)
        return self.ws.form(
            {"start": self.tr("Start needs assessment"),
             "review": self.tr("Review needs assessment"),
             "exit": self.tr("Exit needs assessment")}.get(stage.value, stage.value),
            fields, submit,
            intro=self.tr("Need in each pathway: 0 none, 1 low, 2 moderate, 3 high, 4 critical."))
