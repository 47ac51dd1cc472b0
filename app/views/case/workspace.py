"""The case workspace: one main-window tab per open case, with a tab per part of the casework.

The workspace is the frame: the case header, the stale-edit banner, the case-wide actions and the
tabs. Each tab is its own module; the controller holds the case and runs the services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.errors import DomainError, StaleEdit
from app.services.case_actions import CaseAction, Offer
from app.services.casefile import CaseDetail
from app.services.documents import Kind, available_kinds
from app.services.enums import CaseStatus, EntryKind
from app.views.case.appointments import AppointmentsTab
from app.views.case.attachments import AttachmentsTab
from app.views.case.conditions import ConditionsTab
from app.views.case.contract import ContractTab
from app.views.case.controller import CaseController
from app.views.case.documents import DocumentsTab
from app.views.case.followups import FollowUpsTab
from app.views.case.history import HistoryTab
from app.views.case.interventions import InterventionsTab
from app.views.case.meetings import MeetingsTab
from app.views.case.notes import NotesTab
from app.views.case.overview import OverviewTab
from app.views.case.pathways import PathwaysTab
from app.views.case.people import PeopleTab
from app.views.case.record_dialog import RecordDialog
from app.views.case.stage import StageBar
from app.views.case.tab import ACTION_PROPERTY, CaseTab, esc
from app.views.confirm import Confirm, ask
from app.views.context import AppContext
from app.views.documents import DocumentDialog
from app.views.forms import ERROR_STYLE, Field, FormDialog
from app.views.i18n import translate
from app.views.table_models.record_table_model import RecordTable
from app.views.terms import term

#: The tabs in the order they appear; a tab whose ``applies`` says no is left out.
TABS: tuple[type[CaseTab], ...] = (
    OverviewTab, PeopleTab, PathwaysTab, ContractTab, ConditionsTab, MeetingsTab, AppointmentsTab,
    InterventionsTab, FollowUpsTab, NotesTab, DocumentsTab, AttachmentsTab, HistoryTab,
)


def show_offer(button: QPushButton, offer: Offer | None) -> None:
    """Show a button as the services offer its action: hidden, enabled, or greyed with why."""
    button.setVisible(offer is not None)
    if offer is None:
        return
    button.setEnabled(offer.enabled)
    button.setToolTip(offer.reason or "")
    button.setAccessibleDescription(offer.reason or "")


class CaseWorkspace(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, reference_: str, window: QWidget | None = None, *,
                 reason: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.reference = reference_
        self.window_ = window
        self.setObjectName(f"workspace_{reference_}")
        self.controller = CaseController(ctx, reference_, self, reason=reason)
        self.controller.reloaded.connect(self.refresh_view)
        self.controller.stale.connect(self.show_stale)
        self.controller.refused.connect(self.show_refusal)
        self.controller.changed.connect(self.show_saved)
        self.controller.changed.connect(self.changed)
        self.dialog: QWidget | None = None
        self.document_dialog: DocumentDialog | None = None

        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("case_header")
        # one line each for who and where the case is: wrapping would make the frame taller
        self.header.setWordWrap(False)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        banner_row = QHBoxLayout()
        self.banner = QLabel("")
        self.banner.setObjectName("stale_banner")
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("reload")
        self.reload_button.clicked.connect(lambda _checked=False: self.reload())
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.reload_button)
        self.banner.hide()
        self.reload_button.hide()
        layout.addLayout(banner_row)
        self.stage_bar = StageBar(self)
        self.decide_button = self.stage_bar.decide_button
        self.stage_button = self.stage_bar.stage_button
        self.assign_button = self.stage_bar.assign_button
        layout.addWidget(self.stage_bar)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.setAccessibleName(self.tr("Parts of case {reference_}")
                                           .format(reference_=reference_))
        layout.addWidget(self.tabs, 1)
        self.tab_of: dict[str, CaseTab] = {}
        for cls in TABS:
            if cls.applies(self.detail):
                tab = cls(self)
                self.tab_of[tab.name] = tab
                self.tabs.addTab(tab, tab.tr(tab.title))
        self.tab_of["overview"].timeline.row_activated.connect(self.show_in_tab)
        self.refresh_view()

    # ---- the case
    @property
    def detail(self) -> CaseDetail:
        return self.controller.detail

    @property
    def v(self) -> int:
        return self.controller.version

    def tab_widget(self, name: str) -> Any:
        """The tab called ``name`` (its module's class), for callers that act on it."""
        return self.tab_of[name]

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.tab_of[name])

    def show_record(self, tab: str, key: Any = None) -> bool:
        """Open the case at one tab and select one record on it (My work opens an item this
        way); False if this case has no such tab or record."""
        if tab not in self.tab_of:
            return False
        self.show_tab(tab)
        if key is None:
            return True
        tables = self.tab_of[tab].findChildren(RecordTable)
        return any(table.select_key(key) for table in tables)

    def table(self, name: str) -> RecordTable:
        """The record table with object name ``name`` on any tab."""
        table = self.tabs.findChild(RecordTable, name)
        assert table is not None, name
        return table

    def action_buttons(self) -> dict[str, QPushButton]:
        """Every action button of every tab, by object name (the action it stands for)."""
        return {b.objectName(): b for tab in self.tab_of.values() for b in tab.buttons}

    # ---- forms and one-click actions
    def opened(self, dialog: QWidget) -> None:
        """Remember the dialog open now (the window's idle lock and tests look at it)."""
        self.dialog = dialog
        if self.window_ is not None and hasattr(self.window_, "dialog"):
            self.window_.dialog = dialog

    def form(self, title: str, fields: Sequence[Field], submit: Callable[[dict[str, Any]], Any],
             intro: str | None = None, confirm: str | None = None) -> FormDialog:
        """Open a form whose Save calls ``submit``; a stale case shows the reload banner.
        With ``confirm``, Save first asks, saying what will happen."""
        def run(values: dict[str, Any]) -> Any:
            try:
                return submit(values)
            except StaleEdit as exc:
                self.show_stale(exc.message)
                raise

        dialog = FormDialog(title, fields, run, self, intro=intro, confirm=confirm)
        dialog.accepted.connect(self.controller.saved)
        self.opened(dialog)
        dialog.open()
        return dialog

    def open_record(self, kind: EntryKind, record_id: int) -> RecordDialog | None:
        """Show one record whole, with Amend and Entered in error (a row opened in a tab)."""
        try:
            dialog = RecordDialog(self, kind, record_id)
        except DomainError as exc:
            self.show_refusal(exc.message)
            return None
        self.opened(dialog)
        dialog.open()
        return dialog

    def act(self, fn: Callable[[], Any]) -> bool:
        """Run a one-click service call; a refusal is shown plainly."""
        return self.controller.run(fn)

    def confirm(self, title: str, text: str, yes_text: str, on_yes: Callable[[], object]
                ) -> Confirm:
        """Ask before a step that is hard to undo; ``on_yes`` runs only when confirmed."""
        box = ask(self, title, text, yes_text, on_yes)
        self.opened(box)
        return box

    def offer_breach_letter(self) -> Confirm | None:
        """After a breach: offer the letter that tells the referring officer."""
        if not self.controller.actions.enabled(CaseAction.GENERATE_DOCUMENT) \
                or Kind.OUTCOME_OFFICER not in available_kinds(self.detail):
            return None
        return self.confirm(
            self.tr("Tell the officer"),
            self.tr("The contract is breached. Write the letter to the referring officer now? "
                    "You will see it before it is filed."), self.tr("Write the letter"),
            lambda: self.tab_widget("documents").generate_document(Kind.OUTCOME_OFFICER))

    def show_in_tab(self, key: object) -> None:
        """Go to what a timeline row stands for: its tab, with its record selected (an entered
        record also opens whole, from the Overview tab)."""
        if not isinstance(key, tuple) or key[0] not in self.tab_of:
            return
        tab = self.tab_of[key[0]]
        self.tabs.setCurrentWidget(tab)
        for table in tab.findChildren(RecordTable):
            if table.select_key(key[1]):
                table.setFocus()
                return

    def move_to(self, status: CaseStatus) -> FormDialog:
        return self.stage_bar.move_to(status)

    def generate_document(self) -> DocumentDialog:
        dialog: DocumentDialog = self.tab_widget("documents").generate_document()
        return dialog

    # ---- showing
    def show_stale(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
        self.reload_button.show()

    def current_tab(self) -> CaseTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, CaseTab)
        return tab

    def show_refusal(self, message: str) -> None:
        """A refusal appears under the buttons of the tab where the action was."""
        self.current_tab().notice.refusal(message)

    def show_saved(self) -> None:
        self.current_tab().notice.saved()
        bar = getattr(self.window_, "statusBar", None)
        if callable(bar):
            bar().showMessage(self.tr("Saved to case {reference}.")
                                     .format(reference=self.reference), 4000)

    def reload(self) -> None:
        self.controller.reload()

    def refresh_view(self) -> None:
        d = self.detail
        self.banner.hide()
        self.reload_button.hide()
        restricted = (" &nbsp;<b style='color:#8a1c1c'>" + self.tr("RESTRICTED") + "</b>"
                      if d.restricted else "")
        self.header.setText(
            f"<span style='font-size:large'><b>{d.reference}</b> &nbsp; "
            f"{esc(d.participant.name)}</span>{restricted}<br>"
            + self.tr("{scheme} - stage: <b>{stage}</b>").format(scheme=d.scheme.label,
                                                                 stage=term(d.status))
            + _outcome(d) + " &nbsp; "
            + self.tr("Worker: {worker}").format(worker=esc(d.worker or self.tr("unassigned")))
            + (f", {esc(d.coworker)}" if d.coworker else ""))
        self.stage_bar.refresh()
        for b in [*self.stage_bar.buttons, *self.action_buttons().values()]:
            show_offer(b, self.controller.actions.get(CaseAction(b.property(ACTION_PROPERTY))))
        for tab in self.tab_of.values():
            tab.notice.clear()
            tab.refresh()


def _outcome(d: CaseDetail) -> str:
    """The outcome beside the stage, by the services' one definition of it."""
    if not d.outcome.ended:
        return ""
    kept = d.agreement_kept
    if kept is None:
        return translate("CaseWorkspace", " (outcome: <b>{outcome}</b>)").format(
            outcome=term(d.outcome))
    if kept:
        return translate("CaseWorkspace", " (outcome: <b>{outcome}</b>; agreement kept)").format(
            outcome=term(d.outcome))
    return translate("CaseWorkspace", " (outcome: <b>{outcome}</b>; agreement not kept)").format(
        outcome=term(d.outcome))
