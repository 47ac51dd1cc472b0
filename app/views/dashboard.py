"""The coordinators' dashboard: the partnership's indicators for a period, scheme and worker,
as charts (trends by month, rates by scheme, distance travelled per pathway) and a table of every
figure. Clicking a figure, or a bar, lists the cases behind it; restricted cases are counted but
never listed. All figures come from ``app.services.indicators``: nothing is computed here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QChart,
    QChartView,
)
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.services import indicators, reporting
from app.services.cases import add_months
from app.services.enums import Scheme
from app.services.indicators import Figure, IndicatorReport, Scope
from app.views.background import BackgroundTask, Progress
from app.views.context import AppContext
from app.views.dashboard_charts import draw_bars, new_chart
from app.views.date_field import DateField
from app.views.folders import documents_folder
from app.views.i18n import month_year, translate
from app.views.printing import ask_printer, print_pdf

FIGURE_ROLE = Qt.ItemDataRole.UserRole
UNKNOWN = QColor("#7a5b00")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Compute(QRunnable):
    """Computes the indicators on a pool thread (seconds on a large database), with its own
    unit of work, and hands the report back to the GUI thread through queued signals."""

    def __init__(self, ctx: AppContext, scope: Scope) -> None:
        super().__init__()
        self.ctx, self.scope = ctx, scope
        self.signals = _Signals()

    def run(self) -> None:
        try:
            report = indicators.compute(self.ctx.uow(), self.ctx.actor, self.scope,
                                        named=False)
        except DomainError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # a pool thread must not die silently
            self.signals.failed.emit(translate("Dashboard", "The indicators could not be "
                                                            "computed ({error}).").format(
                                         error=exc.__class__.__name__))
        else:
            self.signals.done.emit(report)


class DashboardView(QWidget):
    open_case = Signal(str)
    #: A new report is on screen (after each computation).
    updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboard")
        self.report: IndicatorReport | None = None
        self.items: dict[str, QTreeWidgetItem] = {}
        self.busy = False
        self._again = False
        self._job: _Compute | None = None
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        today = date.today()
        self.start_edit = self._date_edit("dashboard_from", add_months(today.replace(day=1), -11))
        self.end_edit = self._date_edit("dashboard_to", today)
        self.scheme_box = QComboBox()
        self.scheme_box.setObjectName("dashboard_scheme")
        self.scheme_box.setAccessibleName(self.tr("Scheme"))
        self.scheme_box.addItem(self.tr("All schemes"), None)
        for s in Scheme:
            self.scheme_box.addItem(s.label, s.value)  # Qt would hand back a plain str
        self.worker_box = QComboBox()
        self.worker_box.setObjectName("dashboard_worker")
        self.worker_box.setAccessibleName(self.tr("Worker"))
        self.worker_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.worker_box.setMinimumContentsLength(14)
        self.worker_box.addItem(self.tr("All workers"), None)
        for user_id, name in indicators.list_workers(ctx.uow(), ctx.actor):
            self.worker_box.addItem(name, user_id)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("dashboard_show")
        self.show_button.clicked.connect(self.refresh)
        for text, w in ((self.tr("From"), self.start_edit), (self.tr("To"), self.end_edit),
                        (self.tr("Scheme"), self.scheme_box), (self.tr("Worker"), self.worker_box)):
            label = QLabel(text)
            label.setBuddy(w)
            filters.addWidget(label)
            filters.addWidget(w)
        filters.addWidget(self.show_button)
        self.save_button = QPushButton(self.tr("Save &board report..."))
        self.save_button.setObjectName("dashboard_save_report")
        self.save_button.setAccessibleName(self.tr("Save the board report as PDF"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_board_report())
        self.print_button = QPushButton(self.tr("&Print board report..."))
        self.print_button.setObjectName("dashboard_print_report")
        self.print_button.setAccessibleName(self.tr("Print the board report on paper"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.print_board_report())
        filters.addStretch(1)
        layout.addLayout(filters)
        # the report and the 'as of' line on a row of their own: one row would not fit 1024 px
        report_row = QHBoxLayout()
        report_row.addWidget(self.save_button)
        report_row.addWidget(self.print_button)
        self.as_of = QLabel()
        self.as_of.setObjectName("dashboard_as_of")
        report_row.addWidget(self.as_of, 1)
        layout.addLayout(report_row)

        self.trend_chart, self.trend_view = self._chart("dashboard_trend")
        self.rates_chart, self.rates_view = self._chart("dashboard_rates")
        self.distance_chart, self.distance_view = self._chart("dashboard_distance")
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        for view in (self.trend_view, self.rates_view, self.distance_view):
            row.addWidget(view, 1)

        self.tree = QTreeWidget()
        self.tree.setObjectName("dashboard_figures")
        self.tree.setAccessibleName(self.tr("Indicators"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Indicator"), self.tr("Figure"), self.tr("Basis")])
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(self._figure_chosen)
        self.tree.itemClicked.connect(lambda item, _col: self._figure_chosen(item))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.cases_title = QLabel(self.tr("Choose a figure to see the cases behind it."))
        self.cases_title.setObjectName("dashboard_cases_title")
        self.cases_title.setWordWrap(True)
        self.cases_list = QListWidget()
        self.cases_list.setObjectName("dashboard_cases")
        self.cases_list.setAccessibleName(self.tr("Cases behind the figure"))
        self.cases_list.itemActivated.connect(self._open)
        self.cases_list.itemDoubleClicked.connect(self._open)
        self.unnamed_label = QLabel()
        self.unnamed_label.setObjectName("dashboard_unnamed")
        self.unnamed_label.setWordWrap(True)
        side_layout.addWidget(self.cases_title)
        side_layout.addWidget(self.cases_list, 1)
        side_layout.addWidget(self.unnamed_label)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.tree)
        bottom.addWidget(side)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(bottom)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        layout.addWidget(body, 1)
        # Computed when first shown, not here: the indicators read every case in the period
        # (seconds on 100,000 cases), which must not hold up the main window's start.
        self._computed = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._computed:
            self._computed = True
            self.refresh()

    # ---- building blocks
    def _date_edit(self, name: str, value: date) -> DateField:
        edit = DateField(value)
        edit.setObjectName(name)
        edit.setAccessibleName(self.tr("Period from") if name.endswith("from")
                               else self.tr("Period to"))
        return edit

    def _chart(self, name: str) -> tuple[QChart, QChartView]:
        return new_chart(name)

    def scope(self) -> Scope:
        scheme = self.scheme_box.currentData()
        start, end = self.start_edit.date(), self.end_edit.date()
        if start is None or end is None:
            raise ValidationError(self.start_edit.problem() or self.end_edit.problem()
                                  or self.tr("Enter the period's dates."))
        return Scope(start, end,
                     Scheme(scheme) if scheme else None, self.worker_box.currentData())

    # ---- filling
    def refresh(self) -> None:
        """Compute the figures for the filters off the GUI thread; the window stays usable."""
        if self.busy:
            self._again = True  # the filters changed while computing: once more after
            return
        try:
            scope = self.scope()
            scope.check()
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Indicators"), exc.message)
            return
        self.busy = True
        self.show_button.setEnabled(False)
        self.as_of.setText(self.tr("Computing the indicators..."))
        job = _Compute(self.ctx, scope)
        job.signals.done.connect(self._show_report)
        job.signals.failed.connect(self._failed)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _finished(self) -> bool:
        self.busy = False
        self.show_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()
            return False
        return True

    def _failed(self, message: str) -> None:
        self.as_of.clear()
        if self._finished():
            QMessageBox.warning(self, self.tr("Indicators"), message)

    def save_board_report(self, path: str | None = None) -> BackgroundTask | None:
        """The board report PDF of the figures on screen, drawn off the GUI thread."""
        report = self.report
        if report is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the board report"), documents_folder(
                    f"board-report-{report.scope.start}-{report.scope.end}.pdf"),
                self.tr("PDF (*.pdf)"))
            if not path:
                return None
        target = Path(path)

        def job(progress: Progress, cancelled: Callable[[], bool]) -> Path | None:
            content = reporting.render_board_report(self.ctx.uow(), report)
            if cancelled():
                return None
            target.write_bytes(content)
            return target

        task = BackgroundTask(self, self.tr("Board report"),
                              self.tr("Drawing the board report..."), job)
        task.done.connect(lambda saved: saved and self.as_of.setText(
            self.tr("Saved to {saved}.").format(saved=saved)))
        self.save_task = task
        return task.start()

    def print_board_report(self, printer: QPrinter | None = None) -> BackgroundTask | None:
        """Print the board report of the figures on screen (Qt's print dialog first, unless a
        printer is given): drawn off the GUI thread, then put on paper and audited."""
        report = self.report
        if report is None:
            return None
        if printer is None:
            printer = ask_printer(self)
            if printer is None:
                return None
        chosen = printer

        def job(progress: Progress, cancelled: Callable[[], bool]) -> bytes | None:
            content = reporting.render_board_report(self.ctx.uow(), report)
            return None if cancelled() else content

        def on_paper(content: bytes | None) -> None:
            if not content:
                return
            try:
                reporting.record_board_print(self.ctx.uow(), self.ctx.actor, report.scope)
                pages = print_pdf(content, chosen)
            except DomainError as exc:
                self.as_of.setText(exc.message)
                return
            self.as_of.setText(self.tr("Sent to the printer: 1 page.") if pages == 1 else
                               self.tr("Sent to the printer: {pages} pages.").format(pages=pages))

        task = BackgroundTask(self, self.tr("Board report"),
                              self.tr("Drawing the board report..."), job)
        task.done.connect(on_paper)
        self.print_task = task
        return task.start()

    def _show_report(self, report: IndicatorReport) -> None:
        if not self._finished():
            return
        self.report = report
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.as_of.setText(self.tr("As known on {day}").format(
            day=f"{report.today.day} {month_year(report.today)}"))
        self._fill_tree(report)
        trend, rates, distance = reporting.charts(report)
        self._bars(self.trend_chart, trend, ())
        self._bars(self.rates_chart, rates, (
            [f"completion_rate.{s.value}" for s in self._schemes(report)],
            [f"breach_rate.{s.value}" for s in self._schemes(report)]))
        self._bars(self.distance_chart, distance,
                   ([f.id for f in report.of("distance_travelled")],), horizontal=True)
        self.show_figure(None)
        self.updated.emit()

    @staticmethod
    def _schemes(report: IndicatorReport) -> list[Scheme]:
        return [f.scheme for f in report.of("completion_rate") if f.scheme]

    def _fill_tree(self, report: IndicatorReport) -> None:
        self.tree.clear()
        self.items = {}
        for title, ids in reporting.SECTIONS:
            figures = [f for ind in ids for f in report.of(ind)]
            if not figures:
                continue
            section = QTreeWidgetItem([title])
            font = QFont(section.font(0))
            font.setBold(True)
            section.setFont(0, font)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            for f in figures:
                item = QTreeWidgetItem([f.label, f.display, reporting.basis(f)])
                item.setData(0, FIGURE_ROLE, f.id)
                item.setToolTip(2, reporting.basis(f))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                if not f.known:
                    item.setForeground(1, QBrush(UNKNOWN))
                section.addChild(item)
                self.items[f.id] = item
            section.setExpanded(True)
        self._standards_section(report)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)

    def _standards_section(self, report: IndicatorReport) -> None:
        """The national standards' figures for the same period (as the board report)."""
        from app.services import standards

        found = standards.figures(self.ctx.uow(), self.ctx.actor, report.scope.start,
                                  report.scope.end)
        section = QTreeWidgetItem([standards.TITLE])
        font = QFont(section.font(0))
        font.setBold(True)
        section.setFont(0, font)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(section)
        for label, value, basis in standards.figure_rows(found):
            item = QTreeWidgetItem([label, value, basis])
            item.setToolTip(2, basis)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            section.addChild(item)
        section.setExpanded(True)
        self.standards_item = section

    def _bars(self, chart: QChart, data: reporting.Chart, figure_ids: tuple[list[str], ...],
              *, horizontal: bool = False) -> None:
        """One bar chart; a click on a bar shows the figure behind it (when it has one)."""
        view = next(v for v in (self.trend_view, self.rates_view, self.distance_view)
                    if v.chart() is chart)
        draw_bars(view, data, figure_ids, self._bar_clicked, horizontal=horizontal)

    # ---- the cases behind a figure
    def _bar_clicked(self, ids: list[str], index: int) -> None:
        if 0 <= index < len(ids):
            self.select_figure(ids[index])

    def select_figure(self, figure_id: str) -> None:
        item = self.items.get(figure_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self.show_figure(figure_id)

    def _figure_chosen(self, item: QTreeWidgetItem | None, *_: object) -> None:
        figure_id = item.data(0, FIGURE_ROLE) if item is not None else None
        if figure_id:
            self.show_figure(str(figure_id))

    def show_figure(self, figure_id: str | None) -> None:
        self.cases_list.clear()
        report = self.report
        figure: Figure | None = (report.get(figure_id)
                                 if figure_id and report is not None else None)
        if figure is None or report is None:
            self.cases_title.setText(self.tr("Choose a figure, or a bar, to see the cases "
                                             "behind it."))
            self.unnamed_label.clear()
            return
        self.cases_title.setText(f"{figure.label}: {figure.display}\n{reporting.basis(figure)}")
        try:  # the cases are read only now, for this one figure
            behind = indicators.figure_cases(self.ctx.uow(), self.ctx.actor, report.scope,
                                             figure.id, today=report.today)
        except DomainError as exc:
            self.unnamed_label.setText(exc.message)
            return
        for ref in behind.cases:
            # a figure not yet known has only a cohort: no case is "in the total only" there
            text = ref.reference if ref.counted or not figure.known else \
                self.tr("{reference} (in the total only)").format(reference=ref.reference)
            item = QListWidgetItem(text)
            item.setData(FIGURE_ROLE, ref.reference)
            item.setToolTip(self.tr("{label}; double-click to open").format(
                                label=ref.scheme.label))
            self.cases_list.addItem(item)
        self.unnamed_label.setText(
            self.tr("{n} restricted case(s) are counted in this figure but not listed.")
            .format(n=behind.unnamed) if behind.unnamed else "")
        if not behind.cases and not behind.unnamed:
            self.cases_title.setText(self.tr("{title}\nNo cases behind this figure.").format(
                title=self.cases_title.text()))

    def shown_cases(self) -> list[str]:
        """The references listed now (tests and screen readers use the same list)."""
        return [str(self.cases_list.item(i).data(FIGURE_ROLE))
                for i in range(self.cases_list.count())]

    def _open(self, item: QListWidgetItem) -> None:
        self.open_case.emit(str(item.data(FIGURE_ROLE)))
