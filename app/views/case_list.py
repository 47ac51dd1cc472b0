"""The case list: filters, search as you type, sortable columns, lazily fetched rows."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import find, reference, users
from app.services.casefile import CaseFilter
from app.services.enums import CaseStatus, Scheme
from app.services.workflow import statuses
from app.views.context import AppContext
from app.views.date_field import DateField
from app.views.notes_search import NotesSearchDialog
from app.views.table_models.case_table_model import CaseTableModel
from app.views.terms import term

#: How many matches a search shows, best first (more means the words should say more).
FOUND_SHOWN = 100


class CaseListView(QWidget):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: Not loaded yet: the first page is read when the list is first shown (start-up).
        self._deferred = not load
        self.setObjectName("case_list")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(self.tr("Name, reference, date of birth, postcode, phone"))
        self.search.setToolTip(self.tr("Find anyone: part of a reference (0064), a first or last "
                                       "name or both, a date of birth, a postcode, a phone number "
                                       "or a crime reference. Enter opens the best match."))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(
            self.search.placeholderText()) + 40)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Find"))
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)

        self.scheme = QComboBox()
        self.scheme.setObjectName("filter_scheme")
        self.scheme.setAccessibleName(self.tr("Scheme"))
        self.scheme.addItem(self.tr("All schemes"), None)
        for s in Scheme:
            self.scheme.addItem(s.label, s)
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.setAccessibleName(self.tr("Stage"))
        self.worker = QComboBox()
        self.worker.setObjectName("filter_worker")
        self.worker.setAccessibleName(self.tr("Worker"))
        self.worker.addItem(self.tr("Any worker"), None)
        for u in users.list_users(ctx.uow()):
            self.worker.addItem(f"{u.full_name} ({u.role.value})", u.id)
        self.pathway = QComboBox()
        self.pathway.setObjectName("filter_pathway")
        self.pathway.setAccessibleName(self.tr("Pathway"))
        self.pathway.addItem(self.tr("Any pathway"), None)
        for p in reference.pathways(ctx.uow()):
            self.pathway.addItem(p.name, p.code)
        self.use_dates = QCheckBox(self.tr("Referred from"))
        self.use_dates.setAccessibleName(self.tr("Filter by referral date"))
        self.date_from = DateField(date.today() - timedelta(days=365))
        self.date_to = DateField(date.today())
        for d, name in ((self.date_from, self.tr("Referred from")), (self.date_to,
                                                                     self.tr("Referred to"))):
            d.setAccessibleName(name)
            d.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        for combo in (self.scheme, self.status, self.worker, self.pathway):
            # long names (workers, pathways) must not set the window's width
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for combo in (self.scheme, self.status):
            bar.addWidget(combo, 1)
        # the filters used less often fold into a second row, so the list fits a small screen
        self.more_filters = QToolButton()
        self.more_filters.setObjectName("more_filters")
        self.more_filters.setText(self.tr("More filters"))
        self.more_filters.setCheckable(True)
        self.more_filters.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_filters.setArrowType(Qt.ArrowType.DownArrow)
        bar.addWidget(self.more_filters)
        layout.addLayout(bar)
        self.more_row = QWidget()
        self.more_row.setObjectName("more_filters_row")
        more = QHBoxLayout(self.more_row)
        more.setContentsMargins(0, 0, 0, 0)
        for combo in (self.worker, self.pathway):
            more.addWidget(combo, 1)
        more.addWidget(self.use_dates)
        more.addWidget(self.date_from)
        more.addWidget(QLabel(self.tr("to")))
        more.addWidget(self.date_to)
        more.addStretch(1)
        self.more_row.hide()
        self.more_filters.toggled.connect(self.more_row.setVisible)
        self.more_filters.toggled.connect(lambda on: self.more_filters.setArrowType(
            Qt.ArrowType.UpArrow if on else Qt.ArrowType.DownArrow))
        layout.addWidget(self.more_row)

        self.model = CaseTableModel(ctx.uow, ctx.actor)
        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSortIndicator(CaseTableModel.REFERRED,
                                                       Qt.SortOrder.DescendingOrder)
        self._sorted_by = (CaseTableModel.REFERRED, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda idx: self._open(idx.row()))
        self.table.activated.connect(lambda idx: self._open(idx.row()))
        layout.addWidget(self.table)
        foot = QHBoxLayout()
        self.count = QLabel("")
        self.count.setObjectName("case_count")
        foot.addWidget(self.count)
        self.hint = QLabel("")
        self.hint.setObjectName("find_hint")
        self.hint.setWordWrap(True)
        foot.addWidget(self.hint, 1)
        self.notes_button = QPushButton(self.tr("Search the &notes for these words"))
        self.notes_button.setObjectName("search_notes")
        self.notes_button.setToolTip(self.tr("Full-text search of interventions and case notes"))
        self.notes_button.clicked.connect(self.search_notes)
        self.notes_button.hide()
        foot.addWidget(self.notes_button)
        layout.addLayout(foot)
        self.search.returnPressed.connect(self.open_top_hit)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.scheme.currentIndexChanged.connect(self._scheme_changed)
        for w in (self.status, self.worker, self.pathway):
            w.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self._scheme_changed()
        self._restore_columns()

    def _scheme_changed(self) -> None:
        scheme = self._scheme()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Any stage"), None)
        shown = statuses(scheme) if scheme else list(CaseStatus)
        for st in shown:
            self.status.addItem(term(st), st)
        self.status.blockSignals(False)
        self.apply_filter()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Columns the database cannot sort by keep the previous order and its arrow."""
        if column in CaseTableModel.SORT_KEYS:
            self._sorted_by = (column, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted_by)
        header.blockSignals(False)

    def _scheme(self) -> Scheme | None:
        # Qt returns StrEnum data as plain str
        data = self.scheme.currentData()
        return Scheme(data) if data else None

    def current_filter(self) -> CaseFilter:
        dates = self.use_dates.isChecked()
        return CaseFilter(
            scheme=self._scheme(),
            status=CaseStatus(self.status.currentData()) if self.status.currentData() else None,
            worker_id=self.worker.currentData(), pathway_code=self.pathway.currentData(),
            referred_from=self.date_from.date() if dates else None,
            referred_to=self.date_to.date() if dates else None,
            search=self.search.text() or None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._deferred:
            self._deferred = False
            self.apply_filter()

    def apply_filter(self) -> None:
        """No search text: the filtered list, sorted by its columns. Search text: the cases
        that match it (within the filters), best match first (``app/services/find.py``)."""
        self._debounce.stop()
        # a folded filter that is set still says so on its button
        folded = sum((self.worker.currentData() is not None, self.pathway.currentData() is not None,
                      self.use_dates.isChecked()))
        self.more_filters.setText(self.tr("More filters ({folded} set)").format(folded=folded)
                                  if folded else self.tr("More filters"))
        if self._deferred:
            return
        text = self.search.text().strip()
        self.hint.setText("")
        self.notes_button.setVisible(bool(text))
        if not text:
            self.model.set_filter(self.current_filter())
        else:
            try:
                result = find.find(self.ctx.uow(), self.ctx.actor, text, limit=FOUND_SHOWN,
                                   within=self.current_filter())
            except DomainError as exc:
                result = find.FindResult((), exc.message)
            self.model.show_found(result)
            self.hint.setText(result.hint or (
                self.tr("The best {FOUND_SHOWN} matches: type more to narrow the search.")
                       .format(FOUND_SHOWN=FOUND_SHOWN)
                if len(result.hits) >= FOUND_SHOWN else ""))
        n = self.model.total
        self.count.setText(self.tr("1 case") if n == 1 else self.tr("{n:,} cases").format(n=n))
        if self.model.rowCount() and text:
            self.table.selectRow(0)

    def open_top_hit(self) -> None:
        """Enter in the search box opens the best match."""
        if self._debounce.isActive():
            self.apply_filter()
        if self.search.text().strip() and self.model.rowCount():
            self._open(0)

    def search_notes(self) -> None:
        dialog = NotesSearchDialog(self.ctx, self.search.text(), self)
        dialog.open_case.connect(self.open_case)
        self.notes_dialog = dialog
        dialog.open()

    def _open(self, row: int) -> None:
        ref = self.model.reference_at(row)
        if ref:
            self.open_case.emit(ref)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _restore_columns(self) -> None:
        state = QSettings().value("case_list/header")
        if state:
            self.table.horizontalHeader().restoreState(state)
        else:
            for col, width in enumerate((130, 200, 170, 150, 140, 90, 110)):
                self.table.setColumnWidth(col, width)

    def save_state(self) -> None:
        QSettings().setValue("case_list/header", self.table.horizontalHeader().saveState())
