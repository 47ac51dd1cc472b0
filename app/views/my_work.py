"""My work, the start screen: what needs doing today, most urgent first. A missed
bail-condition appointment is at the top, in red, the moment it is recorded.

At start-up it is filled from a worker thread (``refresh_in_background``) and says it is loading
meanwhile, so the window is shown at once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import casefile, users
from app.services.casefile import COUNT_CAP, CaseRow, MyWork, WorkItem, WorkSection
from app.services.enums import Role
from app.views.context import AppContext
from app.views.i18n import long_day, translate, week_day
from app.views.terms import term

URGENT = QColor("#b00020")

#: What each section is called, and which field of MyWork holds its rows.
SECTION_TITLES: dict[WorkSection, tuple[str, str]] = {
    WorkSection.MISSED_BAIL: (QT_TRANSLATE_NOOP("MyWork", "Missed bail-condition appointments"),
                              "missed_bail"),
    WorkSection.TODAY: (QT_TRANSLATE_NOOP("MyWork", "Today's appointments"), "appointments_today"),
    WorkSection.OVERDUE: (QT_TRANSLATE_NOOP("MyWork", "Appointments with no outcome recorded"),
                          "overdue_appointments"),
    WorkSection.CONTRACTS_ENDING: (QT_TRANSLATE_NOOP("MyWork", "Contracts ending within 14 days"),
                                   "contracts_ending"),
    WorkSection.ACTIONS_DUE: (QT_TRANSLATE_NOOP("MyWork", "Agreement actions due"), "actions_due"),
    WorkSection.FOLLOWUPS_DUE: (QT_TRANSLATE_NOOP("MyWork", "Follow-ups due"), "followups_due"),
    WorkSection.REFERRALS: (QT_TRANSLATE_NOOP("MyWork", "Referrals awaiting a decision"),
                            "referrals_awaiting"),
    WorkSection.CASELOAD: (QT_TRANSLATE_NOOP("MyWork", "My caseload"), "caseload"),
}
COLUMNS = [QT_TRANSLATE_NOOP("MyWork", "What"), QT_TRANSLATE_NOOP("MyWork", "Case"),
           QT_TRANSLATE_NOOP("MyWork", "Person"), QT_TRANSLATE_NOOP("MyWork", "When")]


class _Signals(QObject):
    loaded = Signal(object)
    failed = Signal(str)


class _Load(QRunnable):
    """casefile.my_work on a pool thread (it opens its own unit of work)."""

    def __init__(self, ctx: AppContext, worker_id: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.worker_id = worker_id
        self.signals = _Signals()

    def run(self) -> None:
        try:
            work = casefile.my_work(self.ctx.uow(), self.ctx.actor, worker_id=self.worker_id)
        except Exception as exc:  # a pool thread must not die silently
            self.signals.failed.emit(getattr(exc, "message", None)
                                     or translate("MyWork", "My work could not be loaded "
                                                            "({error}).")
                                                           .format(error=exc.__class__.__name__))
            return
        self.signals.loaded.emit(work)


class MyWorkView(QWidget):
    open_case = Signal(str)
    #: Open a case at one item: reference, workspace tab, the record's key there (or None).
    open_item = Signal(str, str, object)
    #: A background load has been shown (or has failed).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self._job: _Load | None = None
        self.setObjectName("my_work")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.worker: QComboBox | None = None
        if ctx.actor.coordinates:
            # a coordinator looks at everyone's work, or one worker's
            self.worker = QComboBox()
            self.worker.setObjectName("my_work_worker")
            self.worker.setAccessibleName(self.tr("Worker"))
            self.worker.addItem(self.tr("All workers"), None)
            for u in users.list_users(ctx.uow()):
                if u.role in (Role.NAVIGATOR, Role.FACILITATOR, Role.MENTOR):
                    self.worker.addItem(f"{u.full_name} ({u.role.value})", u.id)
            label = QLabel(self.tr("&Worker"))
            label.setBuddy(self.worker)
            top.addWidget(label)
            top.addWidget(self.worker)
            self.worker.currentIndexChanged.connect(lambda _i: self.refresh())
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setAccessibleName(self.tr("Refresh my work"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setObjectName("my_work_tree")
        self.tree.setAccessibleName(self.tr("My work"))
        self.columns = [translate("MyWork", c) for c in COLUMNS] + (
            [self.tr("Worker")] if ctx.actor.coordinates else [])
        self.tree.setColumnCount(len(self.columns))
        self.tree.setHeaderLabels(self.columns)
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.tree)
        self.sections: dict[str, QTreeWidgetItem] = {}
        self.heading.setText(self.tr("My work - {full_name}")
                                    .format(full_name=self.ctx.actor.full_name))
        if load:
            self.refresh()

    @property
    def worker_id(self) -> int | None:
        return self.worker.currentData() if self.worker is not None else None

    def refresh(self) -> None:
        self.loading = False  # a background load still running is older: it is dropped
        self.show_work(casefile.my_work(self.ctx.uow(), self.ctx.actor,
                                        worker_id=self.worker_id))

    def refresh_in_background(self) -> None:
        """Say it is loading, and fill the sections when the worker thread has them."""
        if self.loading:
            return
        self.loading = True
        self.tree.clear()
        self.sections = {}
        item = QTreeWidgetItem([self.tr("Loading your work...")])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(item)
        job = _Load(self.ctx, self.worker_id)
        job.signals.loaded.connect(self._loaded)
        job.signals.failed.connect(self._failed)
        self._job = job  # keeps the signals alive until delivered
        QThreadPool.globalInstance().start(job)

    def _loaded(self, work: MyWork) -> None:
        if self.loading:
            self.loading = False
            self.show_work(work)
            self.loaded.emit()

    def _failed(self, message: str) -> None:
        if not self.loading:
            return
        self.loading = False
        self.tree.clear()
        self.tree.addTopLevelItem(QTreeWidgetItem([message]))
        self.loaded.emit()

    def show_work(self, work: MyWork) -> None:
        """The sections the services give this person, each with its count."""
        self.tree.clear()
        self.sections = {}
        if not work.sections:
            self.tree.addTopLevelItem(QTreeWidgetItem(
                [self.tr("Your role has no case work: nothing is due here.")]))
        for section in work.sections:
            title, field = SECTION_TITLES[section]
            title = translate("MyWork", title)
            rows = getattr(work, field)
            total = getattr(work.totals, field)
            capped = work.capped(field)
            if section in (WorkSection.REFERRALS, WorkSection.CASELOAD):
                if section is WorkSection.CASELOAD and self.ctx.actor.coordinates:
                    title = self.tr("Open cases")
                self._cases(section.value, title, rows, total, capped,
                            expanded=section is WorkSection.REFERRALS)
            else:
                self._section(section.value, title, rows, total, capped)
        self._standards()
        for col in range(len(self.columns)):
            self.tree.resizeColumnToContents(col)  # follows the font size

    def _standards(self) -> None:
        """The national standards' alerts: checks and registrations lapsing (60/30/7 days),
        supervision overdue, Victims' Code offers and complaint clocks, conflict
        confirmations. A practitioner's row opens nothing; a case's row opens the case."""
        from app.services import standards

        found, total = standards.my_alerts(self.ctx.uow(), self.ctx.actor)
        if not found and not self.ctx.actor.coordinates:
            return
        head = self._header("standards",
                            self.tr("Standards: checks, supervision, Victims' Code and "
                                    "complaints"), total, any(a.urgent for a in found))
        for a in found:
            texts = [a.what, a.case_reference or "", a.who, week_day(a.due)]
            child = QTreeWidgetItem(texts + ([a.username or ""] if self.ctx.actor.coordinates
                                             else []))
            child.setData(0, Qt.ItemDataRole.UserRole, a.case_reference)
            if a.urgent:
                for col in range(len(self.columns)):
                    child.setForeground(col, QBrush(URGENT))
            head.addChild(child)
        self._more(head, len(found), total, False)
        head.setExpanded(bool(found))

    def _header(self, key: str, title: str, count: int, urgent: bool) -> QTreeWidgetItem:
        shown = f"{COUNT_CAP:,}+" if count > COUNT_CAP else f"{count}"
        item = QTreeWidgetItem([f"{title} ({shown})"])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if urgent and count:
            item.setForeground(0, QBrush(URGENT))
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
        self.sections[key] = item
        return item

    def _more(self, head: QTreeWidgetItem, shown: int, total: int, capped: bool) -> None:
        """The rows counted but not shown: a section lists its first SECTION_LIMIT (and its
        count stops at COUNT_CAP)."""
        if total > shown:
            text = (self.tr("... and more than {n} more (see the Cases tab)") if capped
                    else self.tr("... and {n} more (see the Cases tab)"))
            more = QTreeWidgetItem([text.format(n=f"{min(total, COUNT_CAP) - shown:,}")])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.addChild(more)
            more.setFirstColumnSpanned(True)

    def _section(self, key: str, title: str, items: tuple[WorkItem, ...], total: int,
                 capped: bool) -> None:
        # red only for what is overdue: the heading when any row of it is
        head = self._header(key, title, total, any(w.overdue for w in items))
        for w in items:
            texts = [w.what, w.case_reference, w.participant, week_day(w.due)]
            child = QTreeWidgetItem(texts + ([w.worker or self.tr("Unassigned")]
                                             if self.ctx.actor.coordinates else []))
            child.setData(0, Qt.ItemDataRole.UserRole, w.case_reference)
            child.setData(1, Qt.ItemDataRole.UserRole, (w.tab, w.record_id))
            if w.overdue:
                child.setToolTip(0, self.tr("Overdue"))
                for col in range(len(self.columns)):
                    child.setForeground(col, QBrush(URGENT))
            head.addChild(child)
        self._more(head, len(items), total, capped)
        head.setExpanded(bool(items))

    def _cases(self, key: str, title: str, rows: tuple[CaseRow, ...], total: int,
               capped: bool, expanded: bool = True) -> None:
        head = self._header(key, title, total, False)
        for r in rows:
            texts = [f"{r.scheme.label}: {term(r.status)}", r.reference, r.participant,
                     self.tr("referred {day}").format(day=long_day(r.referral_date))]
            child = QTreeWidgetItem(texts + ([r.worker or self.tr("Unassigned")]
                                             if self.ctx.actor.coordinates else []))
            child.setData(0, Qt.ItemDataRole.UserRole, r.reference)
            head.addChild(child)
        self._more(head, len(rows), total, capped)
        head.setExpanded(expanded and bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Open the case at the item itself (the appointment, the action), not at Overview."""
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        if not ref:
            return
        at = item.data(1, Qt.ItemDataRole.UserRole)
        if at:
            self.open_item.emit(ref, at[0], at[1])
        else:
            self.open_case.emit(ref)

    def section_texts(self, key: str) -> list[str]:
        """The rows of one section as text (used by tests and screen readers alike)."""
        head = self.sections[key]
        return [" | ".join(head.child(i).text(c) for c in range(len(self.columns)))
                for i in range(head.childCount())]
