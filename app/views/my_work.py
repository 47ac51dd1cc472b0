"""My work, the start screen: what needs doing today, most urgent first. A missed
bail-condition appointment is at the top, in red, the moment it is recorded.

At start-up it is filled from a worker thread (``refresh_in_background``) and says it is loading
meanwhile, so the window is shown at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import casefile
from app.services.casefile import CaseRow, MyWork, WorkItem
from app.views.context import AppContext

URGENT = QColor("#b00020")


class _Signals(QObject):
    loaded = Signal(object)
    failed = Signal(str)


class _Load(QRunnable):
    """casefile.my_work on a pool thread (it opens its own unit of work)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.signals = _Signals()

    def run(self) -> None:
        try:
            work = casefile.my_work(self.ctx.uow(), self.ctx.actor)
        except Exception as exc:  # a pool thread must not die silently
            self.signals.failed.emit(getattr(exc, "message", None)
                                     or f"My work could not be loaded ({exc.__class__.__name__}).")
            return
        self.signals.loaded.emit(work)


class MyWorkView(QWidget):
    open_case = Signal(str)
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
        refresh = QPushButton("&Refresh")
        refresh.setAccessibleName("Refresh my work")
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setObjectName("my_work_tree")
        self.tree.setAccessibleName("My work")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["What", "Case", "Person", "When"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.tree)
        self.sections: dict[str, QTreeWidgetItem] = {}
        self.heading.setText(f"My work - {self.ctx.actor.full_name}")
        if load:
            self.refresh()

    def refresh(self) -> None:
        self.loading = False  # a background load still running is older: it is dropped
        self.show_work(casefile.my_work(self.ctx.uow(), self.ctx.actor))

    def refresh_in_background(self) -> None:
        """Say it is loading, and fill the sections when the worker thread has them."""
        if self.loading:
            return
        self.loading = True
        self.tree.clear()
        self.sections = {}
        item = QTreeWidgetItem(["Loading your work..."])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(item)
        job = _Load(self.ctx)
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
        self.tree.clear()
        self.sections = {}
        t = work.totals
        self._section("missed", "Missed bail-condition appointments", work.missed_bail,
                      t.missed_bail, urgent=True)
        self._section("today", "Today's appointments", work.appointments_today,
                      t.appointments_today)
        self._section("overdue", "Appointments with no outcome recorded", work.overdue_appointments,
                      t.overdue_appointments, urgent=True)
        self._section("ending", "Contracts ending within 14 days", work.contracts_ending,
                      t.contracts_ending)
        self._section("actions", "Agreement actions due", work.actions_due, t.actions_due)
        self._section("followups", "Follow-ups due", work.followups_due, t.followups_due)
        if self.ctx.actor.coordinates:
            self._cases("referrals", "Referrals awaiting a decision", work.referrals_awaiting,
                        t.referrals_awaiting)
        self._cases("caseload", "My caseload" if not self.ctx.actor.coordinates else
                    "Open cases", work.caseload, t.caseload, expanded=False)
        for col in range(4):
            self.tree.resizeColumnToContents(col)  # follows the font size

    def _header(self, key: str, title: str, count: int, urgent: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{title} ({count})"])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if urgent and count:
            item.setForeground(0, QBrush(URGENT))
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
        self.sections[key] = item
        return item

    def _more(self, head: QTreeWidgetItem, shown: int, total: int) -> None:
        """The rows counted but not shown: a section lists its first SECTION_LIMIT."""
        if total > shown:
            more = QTreeWidgetItem([f"... and {total - shown:,} more (see the Cases tab)"])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.addChild(more)
            more.setFirstColumnSpanned(True)

    def _section(self, key: str, title: str, items: tuple[WorkItem, ...], total: int,
                 urgent: bool = False) -> None:
        head = self._header(key, title, total, urgent)
        for w in items:
            child = QTreeWidgetItem([w.what, w.case_reference, w.participant,
                                     f"{w.due:%a %d %b %Y}"])
            child.setData(0, Qt.ItemDataRole.UserRole, w.case_reference)
            if urgent or w.urgent:
                for col in range(4):
                    child.setForeground(col, QBrush(URGENT))
            head.addChild(child)
        self._more(head, len(items), total)
        head.setExpanded(bool(items))

    def _cases(self, key: str, title: str, rows: tuple[CaseRow, ...], total: int,
               expanded: bool = True) -> None:
        head = self._header(key, title, total, False)
        for r in rows:
            child = QTreeWidgetItem([f"{r.scheme.label}: {r.status.label}", r.reference,
                                     r.participant, f"referred {r.referral_date:%d %b %Y}"])
            child.setData(0, Qt.ItemDataRole.UserRole, r.reference)
            head.addChild(child)
        self._more(head, len(rows), total)
        head.setExpanded(expanded and bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        if ref:
            self.open_case.emit(ref)

    def section_texts(self, key: str) -> list[str]:
        """The rows of one section as text (used by tests and screen readers alike)."""
        head = self.sections[key]
        return [" | ".join(head.child(i).text(c) for c in range(4))
                for i in range(head.childCount())]
