"""The case workspace: one tab per open case, with a tab per part of the casework.

Every change goes through a service with the version of the case this screen shows; if someone
else saved the case meanwhile, the save is refused and a banner offers to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, StaleEdit, ValidationError
from app.services import (
    appointments,
    audit,
    casefile,
    cases,
    contracts,
    followups,
    meetings,
    pathways,
    people,
    reference,
    users,
)
from app.services.access import Action, may
from app.services.casefile import CaseDetail
from app.services.enums import (
    NEED_LEVELS,
    ActionKind,
    AppointmentStatus,
    AssessmentStage,
    AttendeeRole,
    CaseStatus,
    ConditionKind,
    ConditionState,
    ConsentAction,
    DocumentFormat,
    Gender,
    InterventionKind,
    MeetingKind,
    PartyRole,
    Role,
    Scheme,
)
from app.views.context import AppContext
from app.views.documents import DocumentDialog, save_reprint
from app.views.forms import ERROR_STYLE, Field, FormDialog

RED = QColor("#b00020")


def _yes_no(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


class CaseWorkspace(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, reference_: str, window: QWidget | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.reference = reference_
        self.window_ = window
        self.setObjectName(f"workspace_{reference_}")
        self.detail: CaseDetail = casefile.get_case(ctx.uow(), ctx.actor, reference_)
        self.pathway_names = {p.code: p.name for p in reference.pathways(ctx.uow())}
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        banner_row = QHBoxLayout()
        self.banner = QLabel("")
        self.banner.setObjectName("stale_banner")
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.reload_button = QPushButton("Reload")
        self.reload_button.setObjectName("reload")
        self.reload_button.clicked.connect(self.reload)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.reload_button)
        self.banner.hide()
        self.reload_button.hide()
        layout.addLayout(banner_row)
        actions = QHBoxLayout()
        self.decide_button = QPushButton("Referral &decision...")
        self.decide_button.setObjectName("decide")
        self.decide_button.clicked.connect(self.decide)
        self.stage_button = QPushButton("Move to &stage")
        self.stage_button.setObjectName("stage")
        self.stage_menu = QMenu(self)
        self.stage_button.setMenu(self.stage_menu)
        self.assign_button = QPushButton("&Assign...")
        self.assign_button.clicked.connect(self.assign)
        for b in (self.decide_button, self.stage_button, self.assign_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        layout.addWidget(self.tabs, 1)
        self.dialog: FormDialog | None = None
        self._build_tabs()
        self.refresh_view()

    # ------------------------------------------------------------ plumbing
    def _table(self, name: str, headers: Sequence[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setObjectName(name)
        t.setAccessibleName(name.replace("_", " "))
        t.setHorizontalHeaderLabels(list(headers))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.setAlternatingRowColors(True)
        t.horizontalHeader().setStretchLastSection(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.setWordWrap(True)
        return t

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[Sequence[Any]], keys: Sequence[Any] = (),
              red: Callable[[int], bool] | None = None) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                if keys:
                    item.setData(Qt.ItemDataRole.UserRole, keys[r])
                if red is not None and red(r):
                    item.setForeground(QBrush(RED))
                table.setItem(r, c, item)
        table.resizeRowsToContents()

    @staticmethod
    def _selected(table: QTableWidget) -> Any:
        items = table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _page(self, title: str, name: str) -> tuple[QWidget, QVBoxLayout, QHBoxLayout]:
        page = QWidget()
        page.setObjectName(f"tab_{name}")
        v = QVBoxLayout(page)
        buttons = QHBoxLayout()
        v.addLayout(buttons)
        self.tabs.addTab(page, title)
        return page, v, buttons

    def _button(self, row: QHBoxLayout, text: str, name: str, slot: Callable[[], None]
                ) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", "").replace("...", ""))
        b.clicked.connect(lambda _checked=False: slot())  # drop 'checked', keep our arguments
        row.addWidget(b)
        self._edit_buttons.append(b)
        return b

    def form(self, title: str, fields: Sequence[Field], submit: Callable[[dict[str, Any]], Any],
             intro: str | None = None) -> FormDialog:
        """Open a form whose Save calls ``submit``; a stale case shows the reload banner."""
        def run(values: dict[str, Any]) -> Any:
            try:
                return submit(values)
            except StaleEdit as exc:
                self.show_stale(exc.message)
                raise

        dialog = FormDialog(title, fields, run, self, intro=intro)
        dialog.accepted.connect(self.after_change)
        self.dialog = dialog
        if self.window_ is not None and hasattr(self.window_, "dialog"):
            self.window_.dialog = dialog
        dialog.open()
        return dialog

    @property
    def v(self) -> int:
        return self.detail.version

    def show_stale(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
        self.reload_button.show()

    def after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def reload(self) -> None:
        self.detail = casefile.get_case(self.ctx.uow(), self.ctx.actor, self.reference,
                                        audit_view=False)
        self.banner.hide()
        self.reload_button.hide()
        self.refresh_view()

    def act(self, fn: Callable[[], Any]) -> bool:
        """Run a one-click service call; show a refusal plainly."""
        try:
            fn()
        except StaleEdit as exc:
            self.show_stale(exc.message)
            return False
        except DomainError as exc:
            self.banner.setText(exc.message)
            self.banner.show()
            return False
        self.after_change()
        return True

    # ------------------------------------------------------------ tabs
    def _build_tabs(self) -> None:
        self._edit_buttons: list[QPushButton] = []
        scheme = self.detail.scheme
        # overview
        _page, v, _ = self._page("Overview", "overview")
        self.overview = QTextBrowser()
        self.overview.setObjectName("overview_text")
        v.addWidget(self.overview, 2)
        v.addWidget(QLabel("Timeline"))
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName("Timeline")
        v.addWidget(self.timeline, 3)
        # people
        _page, v, b = self._page("People", "people")
        self._button(b, "Add &party...", "add_party", self.add_party)
        self._button(b, "Consent &given...", "consent_given",
                     lambda: self.consent(ConsentAction.GIVEN))
        self._button(b, "Consent &withdrawn...", "consent_withdrawn",
                     lambda: self.consent(ConsentAction.WITHDRAWN))
        self._button(b, "&Edit details...", "edit_person", self.edit_person)
        b.addStretch(1)
        self.people_table = self._table("people_table", ["Role", "Name", "Consent", "Contact",
                                                         "Language", "Letters"])
        v.addWidget(self.people_table)
        # pathways
        _page, v, b = self._page("Pathways", "pathways")
        for stage in AssessmentStage:
            self._button(b, f"{stage.value.capitalize()} assessment...", f"assess_{stage.value}",
                         lambda s=stage: self.assess(s))
        self._button(b, "Log &intervention...", "log_intervention_p", self.log_intervention)
        b.addStretch(1)
        self.pathway_table = self._table("pathway_table", ["Pathway", "Start", "Review", "Exit",
                                                           "Distance travelled"])
        v.addWidget(self.pathway_table, 3)
        self.chart = QChart()
        self.chart.setTitle("Need level at start and exit (0 none - 4 critical)")
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        v.addWidget(self.chart_view, 2)
        # contract
        if scheme is Scheme.CHECKPOINT:
            _page, v, b = self._page("Contract", "contract")
            self._button(b, "&Draw up contract...", "draft_contract", self.draft_contract)
            self._button(b, "Contract &signed", "start_contract", self.start_contract)
            self._button(b, "Log &hours...", "log_hours", self.log_hours)
            self._button(b, "Condition &met", "condition_met", self.condition_met)
            self._button(b, "&Complete", "complete", self.complete)
            self._button(b, "&Breach...", "breach", self.breach)
            b.addStretch(1)
            self.contract_summary = QLabel("No contract yet.")
            self.contract_summary.setObjectName("contract_summary")
            self.contract_summary.setWordWrap(True)
            v.addWidget(self.contract_summary)
            self.conditions_table = self._table("conditions_table",
                                                ["No.", "Condition", "Details", "State"])
            v.addWidget(self.conditions_table, 2)
            v.addWidget(QLabel("Community hours ledger"))
            self.hours_table = self._table("hours_table", ["Date", "Hours", "Work"])
            v.addWidget(self.hours_table, 1)
        # meetings
        if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
            _page, v, b = self._page("Restorative meetings", "meetings")
            self._button(b, "Record &meeting...", "record_meeting", self.record_meeting)
            self._button(b, "Outcome &agreement...", "record_agreement", self.record_agreement)
            self._button(b, "Action &kept", "action_kept", lambda: self.mark_action(True))
            self._button(b, "Action &not kept", "action_not_kept",
                         lambda: self.mark_action(False))
            self._button(b, "&Follow-up...", "record_followup", self.record_followup)
            self._button(b, "&Survey...", "record_survey", self.record_survey)
            self._button(b, "Agency &calls...", "record_calls", self.record_agency_calls)
            b.addStretch(1)
            self.meetings_table = self._table("meetings_table", ["Date", "Kind", "Venue",
                                                                 "Facilitators", "Attendance"])
            v.addWidget(self.meetings_table, 1)
            v.addWidget(QLabel("Outcome agreement actions"))
            self.actions_table = self._table("actions_table", ["No.", "Action", "Who",
                                                               "Due", "Kept"])
            v.addWidget(self.actions_table, 1)
            self.followup_label = QLabel("")
            self.followup_label.setObjectName("followup_label")
            self.followup_label.setWordWrap(True)
            v.addWidget(self.followup_label)
        # appointments
        _page, v, b = self._page("Appointments", "appointments")
        self._button(b, "&Book...", "book_appointment", self.book_appointment)
        self._button(b, "&Kept", "appointment_kept",
                     lambda: self.appointment_outcome(AppointmentStatus.KEPT))
        self._button(b, "&Missed", "appointment_missed",
                     lambda: self.appointment_outcome(AppointmentStatus.MISSED))
        self._button(b, "&Rearrange...", "appointment_rearrange", self.rearrange)
        b.addStretch(1)
        self.appointments_table = self._table("appointments_table",
                                              ["When", "Purpose", "Where", "Bail condition",
                                               "Outcome"])
        v.addWidget(self.appointments_table)
        # interventions
        _page, v, b = self._page("Interventions", "interventions")
        self._button(b, "Log &intervention...", "log_intervention", self.log_intervention)
        b.addStretch(1)
        self.interventions_table = self._table("interventions_table",
                                               ["Date", "Kind", "Pathway", "Agency", "Summary",
                                                "By"])
        v.addWidget(self.interventions_table)
        # follow-ups after exit
        _page, v, b = self._page("Follow-ups", "followups")
        if scheme is Scheme.GATEWAY:
            self._button(b, "Record &follow-up...", "record_exit_followup",
                         self.record_exit_followup)
        self._button(b, "&Reoffending check...", "record_reoffending",
                     self.record_reoffending_check)
        b.addStretch(1)
        self.exit_table = self._table("exit_table", ["Months", "Due", "Done", "Reoffended",
                                                     "Living independently",
                                                     "Free from abuse"])
        v.addWidget(self.exit_table)
        self.reoffending_label = QLabel("")
        self.reoffending_label.setWordWrap(True)
        v.addWidget(self.reoffending_label)
        # documents
        _page, v, b = self._page("Documents", "documents")
        self.generate_button = QPushButton("&Generate document...")
        self.generate_button.setObjectName("generate_document")
        self.generate_button.clicked.connect(self.generate_document)
        b.addWidget(self.generate_button)
        self.reprint_button = QPushButton("&Reprint...")
        self.reprint_button.setObjectName("reprint_document")
        self.reprint_button.setAccessibleName("Reprint the selected document")
        self.reprint_button.clicked.connect(lambda: self.reprint())
        b.addWidget(self.reprint_button)
        b.addStretch(1)
        self.documents_table = self._table("documents_table", ["Made", "Document", "For",
                                                               "Format", "Template", "By"])
        v.addWidget(self.documents_table)
        # history
        _page, v, b = self._page("History", "history")
        b.addStretch(1)
        self.history_table = self._table("history_table", ["When", "Who", "What", "Detail"])
        v.addWidget(self.history_table)

    # ------------------------------------------------------------ showing
    def refresh_view(self) -> None:
        d = self.detail
        restricted = " &nbsp;<b style='color:#8a1c1c'>RESTRICTED</b>" if d.restricted else ""
        self.header.setText(
            f"<span style='font-size:large'><b>{d.reference}</b> &nbsp; "
            f"{_esc(d.participant.name)}</span>{restricted}<br>{d.scheme.label} - stage: "
            f"<b>{d.status.label}</b> &nbsp; Worker: {_esc(d.worker or 'unassigned')}"
            + (f", {_esc(d.coworker)}" if d.coworker else ""))
        coordinator = self.ctx.actor.coordinates
        self.decide_button.setVisible(coordinator and d.status is CaseStatus.REFERRED)
        self.assign_button.setVisible(may(self.ctx.actor, Action.ASSIGN))
        self.stage_menu.clear()
        for st in d.next_statuses:
            if st in (CaseStatus.ELIGIBILITY_DECIDED, CaseStatus.ASSESSED,
                      CaseStatus.CONTRACT_ACTIVE) or (st is CaseStatus.ENGAGED and
                                                      d.status is CaseStatus.REFERRED):
                continue
            self.stage_menu.addAction(st.label, lambda s=st: self.move_to(s))
        self.stage_button.setEnabled(d.can_edit and not self.stage_menu.isEmpty())
        after_exit = {"record_exit_followup", "record_reoffending"}  # due after closure too
        for b in self._edit_buttons:
            b.setEnabled(d.can_edit and (d.status is not CaseStatus.CLOSED
                                         or b.objectName() in after_exit))
        self._overview()
        self._people()
        self._pathways()
        if d.scheme is Scheme.CHECKPOINT:
            self._contract()
        if d.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
            self._meetings()
        self._fill(self.appointments_table,
                   [(f"{a.starts_at.astimezone():%a %d %b %Y %H:%M}", a.purpose, a.location,
                     "yes" if a.bail_condition else "", a.status + (" - no outcome yet"
                                                                  if a.overdue else ""))
                    for a in d.appointments], [a.id for a in d.appointments],
                   red=lambda r: d.appointments[r].status == "missed" or d.appointments[r].overdue)
        self._fill(self.interventions_table,
                   [(f"{i.occurred_on:%d/%m/%Y}", i.kind, i.pathway, i.agency, i.summary,
                     i.recorded_by) for i in d.interventions])
        self._fill(self.exit_table,
                   [(e.months, f"{e.due_on:%d/%m/%Y}",
                     f"{e.done_on:%d/%m/%Y}" if e.done_on else "not yet", _yes_no(e.reoffended),
                     _yes_no(e.living_independently), _yes_no(e.free_from_abuse))
                    for e in d.exit_followups], [e.months for e in d.exit_followups])
        self.reoffending_label.setText(
            "Reoffending checks: " + ("; ".join(
                f"{r.checked_on:%d/%m/%Y}: {r.offences} proven offence(s) within "
                f"{r.window_months} months" for r in d.reoffending_checks) or "none yet."))
        self._fill(self.documents_table,
                   [(f"{doc.created_at.astimezone():%d/%m/%Y %H:%M}", doc.title, doc.recipient,
                     doc.variant, doc.template_version, doc.created_by)
                    for doc in d.documents], [doc.id for doc in d.documents])
        history = self._history()
        self._fill(self.history_table,
                   [(f"{h.at.astimezone():%d/%m/%Y %H:%M}", h.username, h.action, h.detail)
                    for h in history])

    def _history(self) -> list[audit.AuditRow]:
        uow = self.ctx.uow()
        with uow:
            return audit.case_history(uow, self.detail.id)

    def _overview(self) -> None:
        d = self.detail
        rows = [
            ("Participant", d.participant.name),
            ("Date of birth", f"{d.participant.date_of_birth:%d %b %Y}"
             if d.participant.date_of_birth else "not recorded"),
            ("Referred", f"{d.referral_date:%d %b %Y} by {d.referral_source}"),
            ("Referring officer", d.referring_officer or "-"),
            ("Offence / incident", d.offence or "-"),
            ("Offence date", f"{d.offence_date:%d %b %Y}" if d.offence_date else "-"),
            ("Crime reference", d.crime_reference or "-"),
            ("Eligibility", d.eligibility + (f" ({d.eligibility_reasons})"
                                             if d.eligibility_reasons else "")),
            ("Override reason", d.eligibility_override_reason or "-"),
            ("Advisory risk band", (d.risk_band or "not given") +
             (f"; officer: {d.officer_decision}" if d.officer_decision else "") +
             (f"; override: {d.risk_override_reason}" if d.risk_override_reason else "")),
            ("Outcome code", d.outcome_code or "-"),
            ("Closed", f"{d.closed_on:%d %b %Y}: {d.closure_reason}" if d.closed_on else "-"),
        ]
        self.overview.setHtml("<table cellpadding='3'>" + "".join(
            f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(str(val))}</td></tr>" for k, val in rows)
            + "</table>")
        events: list[tuple[date, str]] = []
        for st in d.stages:
            events.append((st.on, f"Stage: {CaseStatus(st.to_status).label}" + (f" - {st.reason}"
                                                               if st.reason else "")))
        for i in d.interventions:
            events.append((i.occurred_on, f"{i.kind.capitalize()}: {i.summary}"))
        for a in d.appointments:
            events.append((a.starts_at.astimezone().date(), f"Appointment ({a.status}): "
                           f"{a.purpose}"))
        for m in d.meetings:
            events.append((m.held_on, f"Meeting: {m.kind}"))
        for f in d.followups:
            events.append((f.contacted_on, "Follow-up: agreement " +
                           ("kept" if f.agreement_kept else "not kept")))
        for doc in d.documents:
            events.append((doc.created_at.astimezone().date(), f"Document: {doc.title}"))
        events.sort(key=lambda e: e[0], reverse=True)
        self.timeline.clear()
        for when, text in events:
            self.timeline.addItem(f"{when:%d %b %Y}  {text}")

    def _people(self) -> None:
        d = self.detail
        rows = []
        for p in d.parties:
            consent = "given" if p.has_consent else ("withdrawn" if p.consents else "none")
            if p.consents:
                consent += f" ({p.consents[-1].on:%d/%m/%Y})"
            contact = ", ".join(x for x in (p.phone, p.email, *p.address) if x)
            rows.append((p.role, p.name, consent, contact, p.language, p.document_format))
        self._fill(self.people_table, rows, [p.id for p in d.parties])

    def _pathways(self) -> None:
        d = self.detail
        levels: dict[str, dict[str, int]] = {}
        for a in d.assessments:
            levels.setdefault(a.pathway_code, {})[a.stage] = a.level
        rows = []
        for code, name in self.pathway_names.items():
            got = levels.get(code, {})
            start, exit_ = got.get("start"), got.get("exit")
            dist = "" if start is None or exit_ is None else f"{start - exit_:+d}"
            rows.append((name, *(got.get(s.value, "") for s in AssessmentStage), dist))
        self._fill(self.pathway_table, rows, list(self.pathway_names))
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        start_set, exit_set = QBarSet("Start"), QBarSet("Exit")
        for code in self.pathway_names:
            start_set.append(levels.get(code, {}).get("start", 0))
            exit_set.append(levels.get(code, {}).get("exit", 0))
        series = QBarSeries()
        series.append(start_set)
        series.append(exit_set)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([n.split(" (")[0] for n in self.pathway_names.values()])
        y = QValueAxis()
        y.setRange(0, 4)
        y.setTickCount(5)
        y.setLabelFormat("%d")
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _contract(self) -> None:
        c = self.detail.contract
        if c is None:
            self.contract_summary.setText("No contract yet. Draw one up after the eligibility "
                                          "decision and the start needs assessment.")
            self._fill(self.conditions_table, [])
            self._fill(self.hours_table, [])
            return
        hours = (f"; community hours {_num(c.hours_done)} of {c.community_hours_required}"
                 if c.community_hours_required else "")
        left = f"{c.days_left()} days left" if c.status == "active" else c.status
        self.contract_summary.setText(
            f"Contract {c.status}: {c.start_date:%d %b %Y} to {c.end_date:%d %b %Y} "
            f"({left}){hours}." + (f" Breach: {c.breach_reason}" if c.breach_reason else ""))
        self._fill(self.conditions_table,
                   [(k.position, k.kind, k.description, k.state + (" (victim declined)"
                                                                  if k.victim_declined else ""))
                    for k in c.conditions], [k.position for k in c.conditions])
        self._fill(self.hours_table, [(f"{h.worked_on:%d/%m/%Y}", _num(h.hours), h.task)
                                      for h in c.hours])

    def _meetings(self) -> None:
        d = self.detail
        self._fill(self.meetings_table,
                   [(f"{m.held_on:%d/%m/%Y}", m.kind, m.venue or "",
                     ", ".join(x for x in (m.facilitator, m.cofacilitator) if x),
                     "; ".join(f"{a.name} ({a.role}): {'attended' if a.attended else 'absent'}"
                               for a in m.attendees))
                    for m in d.meetings], [m.id for m in d.meetings])
        actions = d.agreement.actions if d.agreement else ()
        self._fill(self.actions_table,
                   [(a.position, a.description, a.owner, f"{a.due_on:%d/%m/%Y}",
                     _yes_no(a.kept)) for a in actions], [a.id for a in actions])
        parts = [f"Follow-up {f.contacted_on:%d/%m/%Y}: agreement "
                 f"{'kept' if f.agreement_kept else 'not kept'}" for f in d.followups]
        parts += [f"Survey {s.answered_on:%d/%m/%Y}: "
                  + ("satisfied" if s.satisfied else "not satisfied") for s in d.surveys]
        parts += [f"{c.agency_name}: {c.calls} call(s) in the {c.months} months {c.period}"
                  for c in d.agency_calls]
        self.followup_label.setText("; ".join(parts) or "No follow-up recorded yet.")

    # ------------------------------------------------------------ stage actions
    def decide(self) -> None:
        def submit(v: dict[str, Any]) -> None:
            cases.decide_eligibility(self.ctx.uow(), self.ctx.actor, self.reference,
                                     eligible=v["eligible"], on=v["on"], notes=v["notes"] or None,
                                     override_reason=v["override_reason"] or None,
                                     expected_version=self.v)
        reasons = self.detail.eligibility_reasons
        self.form("Referral decision", [
            Field("eligible", "Decision", "choice", True, True,
                  [("Accept onto the scheme", True), ("Not eligible / not suitable", False)]),
            Field("on", "Decided on", "date", True, date.today()),
            Field("notes", "Notes (suitability, risk)", "multiline"),
            Field("override_reason", "Override reason", "multiline",
                  default=self.detail.eligibility_override_reason or "",
                  help="Needed to accept a referral the rules say no to"),
        ], submit, intro=reasons)

    def move_to(self, status: CaseStatus) -> None:
        needs_reason = status in (CaseStatus.CLOSED, CaseStatus.BREACHED,
                                  CaseStatus.NOT_COMPLETED)

        def submit(v: dict[str, Any]) -> None:
            cases.change_status(self.ctx.uow(), self.ctx.actor, self.reference, status,
                                on=v["on"], reason=v["reason"] or None, expected_version=self.v)
        self.form(f"Move to {status.label.lower()}", [
            Field("on", "Date", "date", True, date.today()),
            Field("reason", "Reason", "multiline", needs_reason),
        ], submit)

    def assign(self) -> None:
        wanted = {Scheme.CHECKPOINT: Role.NAVIGATOR, Scheme.GATEWAY: Role.MENTOR,
                  Scheme.NEIGHBOURHOOD_RESOLUTION: Role.FACILITATOR}[self.detail.scheme]
        # coordinators may hold cases too; leaving them out would unassign one on save
        people_ = [u for u in users.list_users(self.ctx.uow())
                   if u.role in (wanted, Role.COORDINATOR)]
        choices = [("Unassigned", None)] + [(f"{u.full_name} ({u.role.value})", u.id)
                                            for u in people_]

        def submit(v: dict[str, Any]) -> None:
            cases.assign(self.ctx.uow(), self.ctx.actor, self.reference,
                         worker_id=v["worker"], coworker_id=v["coworker"],
                         expected_version=self.v)
        self.form("Assign workers", [
            Field("worker", f"{wanted.label}", "choice", default=self.detail.worker_id,
                  choices=choices),
            Field("coworker", "Co-worker", "choice", default=self.detail.coworker_id,
                  choices=choices),
        ], submit)

    # ------------------------------------------------------------ people
    def add_party(self) -> None:
        def submit(v: dict[str, Any]) -> None:
            people.add_party(self.ctx.uow(), self.ctx.actor, self.reference, v["role"],
                             people.PersonInput(first_name=v["first_name"],
                                                last_name=v["last_name"],
                                                phone=v["phone"] or None,
                                                email=v["email"] or None,
                                                address_line1=v["address_line1"] or None,
                                                postcode=v["postcode"] or None),
                             expected_version=self.v)
        self.form("Add a party", [
            Field("role", "Role", "choice", True, PartyRole.HARMED,
                  [(r.value.capitalize(), r) for r in PartyRole if r is not PartyRole.PARTICIPANT]),
            Field("first_name", "First name", required=True),
            Field("last_name", "Last name", required=True),
            Field("phone", "Phone"), Field("email", "Email"),
            Field("address_line1", "Address"), Field("postcode", "Postcode"),
        ], submit)

    def consent(self, action: ConsentAction) -> None:
        choices = [(f"{p.name} ({p.role})", p.id) for p in self.detail.parties]
        selected = self._selected(self.people_table)

        def submit(v: dict[str, Any]) -> None:
            people.record_consent(self.ctx.uow(), self.ctx.actor, self.reference, v["party"],
                                  action, v["on"], notes=v["notes"] or None,
                                  expected_version=self.v)
        self.form(f"Consent {action.value}", [
            Field("party", "Party", "choice", True, selected or choices[0][1], choices),
            Field("on", "Date", "date", True, date.today()),
            Field("notes", "Notes", "multiline"),
        ], submit)

    def edit_person(self) -> None:
        party_id = self._selected(self.people_table) or self.detail.participant.id
        p = self.detail.party(party_id)
        formats = [(f.capitalize(), f) for f in ("standard", "easy-read", "large-print")]

        def submit(v: dict[str, Any]) -> None:
            people.update_person(
                self.ctx.uow(), self.ctx.actor, self.reference, p.person_id,
                people.PersonInput(
                    first_name=v["first_name"], last_name=v["last_name"],
                    date_of_birth=p.date_of_birth, gender=Gender(p.gender),
                    address_line1=v["address_line1"] or None,
                    address_line2=v["address_line2"] or None,
                    town=v["town"] or None, postcode=v["postcode"] or None,
                    phone=v["phone"] or None, email=v["email"] or None,
                    language=v["language"] or "English",
                    interpreter_needed=v["interpreter"],
                    communication_needs=v["needs"] or None,
                    document_format=DocumentFormat(v["format"])),
                expected_version=self.v, person_version=p.person_version)
        self.form(f"Details of {p.name}", [
            Field("first_name", "First name", required=True, default=p.first_name),
            Field("last_name", "Last name", required=True, default=p.last_name),
            Field("address_line1", "Address", default=p.address_line1 or ""),
            Field("address_line2", "Address line 2", default=p.address_line2 or ""),
            Field("town", "Town", default=p.town or ""),
            Field("postcode", "Postcode", default=p.postcode or ""),
            Field("phone", "Phone", default=p.phone or ""),
            Field("email", "Email", default=p.email or ""),
            Field("language", "Language", default=p.language),
            Field("interpreter", "Interpreter", "check", default=p.interpreter_needed,
                  extra={"text": "needs an interpreter"}),
            Field("needs", "Communication needs", "multiline",
                  default=p.communication_needs or ""),
            Field("format", "Letters in", "choice", True, p.document_format, formats),
        ], submit)

    def record_reoffending_check(self) -> None:
        self.form("Proven reoffending check", [
            Field("checked_on", "Checked on", "date", True, date.today()),
            Field("window_months", "Follow-up window", "choice", True, 12,
                  [("12 months", 12), ("24 months", 24)]),
            Field("offences", "Proven offences in the window", "int", default=0, maximum=99),
            Field("first_offence_on", "Date of the first proven offence", "date",
                  default=date.today()),
        ], lambda v: followups.record_reoffending_check(
            self.ctx.uow(), self.ctx.actor, self.reference, checked_on=v["checked_on"],
            window_months=v["window_months"], offences=v["offences"],
            first_offence_on=v["first_offence_on"] if v["offences"] else None,
            expected_version=self.v),
            intro="From police records, after the case has ended.")

    def record_agency_calls(self) -> None:
        self.form("Calls to agencies about the same problem", [
            Field("agency_name", "Agency", required=True, default="Police (101)"),
            Field("period", "Period", "choice", True, "before",
                  [("Before the intervention", "before"), ("After the intervention", "after")]),
            Field("months", "Over how many months", "int", default=6, minimum=1, maximum=24),
            Field("calls", "Number of calls", "int", default=0, maximum=999),
        ], lambda v: meetings.record_agency_calls(
            self.ctx.uow(), self.ctx.actor, self.reference, agency_name=v["agency_name"],
            period=v["period"], months=v["months"], calls=v["calls"], expected_version=self.v))

    # ------------------------------------------------------------ pathways
    def assess(self, stage: AssessmentStage) -> None:
        current = {a.pathway_code: a.level for a in self.detail.assessments
                   if a.stage == stage.value}
        levels = [(f"{n} - {t}", n) for n, t in NEED_LEVELS.items()]
        fields = [Field("assessed_on", "Assessed on", "date", True, date.today())]
        fields += [Field(code, name, "choice", True, current.get(code, 0), levels)
                   for code, name in self.pathway_names.items()]

        def submit(v: dict[str, Any]) -> None:
            needs = [pathways.NeedInput(code, v[code]) for code in self.pathway_names]
            pathways.record_assessment(self.ctx.uow(), self.ctx.actor, self.reference, stage,
                                       v["assessed_on"], needs, expected_version=self.v)
        self.form(f"{stage.value.capitalize()} needs assessment", fields, submit,
                  intro="Need in each pathway: 0 none, 1 low, 2 moderate, 3 high, 4 critical.")

    def log_intervention(self) -> None:
        agencies = reference.agencies(self.ctx.uow())

        def submit(v: dict[str, Any]) -> None:
            pathways.log_intervention(self.ctx.uow(), self.ctx.actor, self.reference,
                                      pathways.InterventionInput(
                                          kind=v["kind"], occurred_on=v["occurred_on"],
                                          summary=v["summary"], pathway_code=v["pathway_code"],
                                          agency_id=v["agency_id"],
                                          duration_minutes=v["duration_minutes"] or None,
                                          notes=v["notes"] or None),
                                      expected_version=self.v)
        self.form("Log an intervention or contact", [
            Field("kind", "Kind", "choice", True, InterventionKind.INTERVENTION,
                  [(k.value.capitalize(), k) for k in InterventionKind]),
            Field("occurred_on", "Date", "date", True, date.today()),
            Field("pathway_code", "Pathway", "choice", default=None,
                  choices=[("None", None)] + [(n, c) for c, n in self.pathway_names.items()]),
            Field("agency_id", "Agency", "choice", default=None,
                  choices=[("None", None)] + [(a.name, a.id) for a in agencies]),
            Field("summary", "Summary", required=True,
                  check=lambda s: "Keep it under 200 characters." if len(s) > 200 else None),
            Field("duration_minutes", "Minutes", "int", default=30, maximum=1440),
            Field("notes", "Notes", "multiline"),
        ], submit)

    # ------------------------------------------------------------ contract
    def draft_contract(self) -> None:
        pathway_choices = [("None", None)] + [(n, c) for c, n in self.pathway_names.items()]

        def submit(v: dict[str, Any]) -> None:
            conds = [contracts.ConditionInput(ConditionKind.NO_REOFFENDING)]
            if v["victim"]:
                conds.append(contracts.ConditionInput(ConditionKind.VICTIM))
            for n in (1, 2):
                if v[f"text{n}"].strip() and not v[f"pathway{n}"]:
                    raise ValidationError(f"Choose the pathway of intervention {n}.",
                                          field=f"pathway{n}")
                if v[f"pathway{n}"]:
                    conds.append(contracts.ConditionInput(
                        ConditionKind.PATHWAY, v[f"text{n}"], v[f"pathway{n}"]))
            hours = None
            if v["fifth"] == "hours":
                conds.append(contracts.ConditionInput(ConditionKind.COMMUNITY_HOURS))
                hours = v["community_hours"]
            elif v["fifth"] == "tag":
                conds.append(contracts.ConditionInput(ConditionKind.TAG))
            contracts.draft_contract(self.ctx.uow(), self.ctx.actor, self.reference,
                                     start_date=v["start"], conditions=conds,
                                     community_hours=hours, expected_version=self.v)
        self.form("Draw up the contract", [
            Field("start", "Start date", "date", True, date.today()),
            Field("victim", "Victim condition", "check", default=True,
                  extra={"text": "Restorative approach if the victim wishes"}),
            Field("pathway1", "Pathway intervention 1", "choice", choices=pathway_choices),
            Field("text1", "What, for intervention 1"),
            Field("pathway2", "Pathway intervention 2", "choice", choices=pathway_choices),
            Field("text2", "What, for intervention 2"),
            Field("fifth", "Fifth condition", "choice", default="hours",
                  choices=[("Community hours", "hours"), ("Electronic tag", "tag"),
                           ("None", None)]),
            Field("community_hours", "Community hours (18-36)", "int", default=18, minimum=0,
                  maximum=99, check=lambda h: None if 18 <= h <= 36 else
                  "Community hours are 18 to 36."),
        ], submit, intro="'No reoffending' is always condition 1. The contract lasts four "
                         "months from the start date.")

    def start_contract(self) -> None:
        self.form("Contract signed", [Field("signed_on", "Signed on", "date", True, date.today())],
                  lambda v: contracts.start_contract(self.ctx.uow(), self.ctx.actor,
                                                     self.reference, signed_on=v["signed_on"],
                                                     expected_version=self.v))

    def log_hours(self) -> None:
        self.form("Log community hours", [
            Field("worked_on", "Date", "date", True, date.today()),
            Field("hours", "Hours", required=True, default="3"),
            Field("task", "Work done", required=True),
        ], lambda v: contracts.log_hours(self.ctx.uow(), self.ctx.actor, self.reference,
                                         worked_on=v["worked_on"], hours=v["hours"], task=v["task"],
                                         expected_version=self.v))

    def condition_met(self) -> None:
        position = self._selected(self.conditions_table)
        if position is None:
            self.banner.setText("Select a condition first.")
            self.banner.show()
            return
        self.act(lambda: contracts.set_condition_state(
            self.ctx.uow(), self.ctx.actor, self.reference, position, ConditionState.MET,
            expected_version=self.v))

    def complete(self) -> None:
        self.act(lambda: cases.change_status(self.ctx.uow(), self.ctx.actor, self.reference,
                                             CaseStatus.COMPLETED, expected_version=self.v))

    def breach(self) -> None:
        self.move_to(CaseStatus.BREACHED)

    # ------------------------------------------------------------ meetings
    def record_meeting(self) -> None:
        d = self.detail
        facilitators = [(f"{u.full_name} ({u.role.value})", u.id)
                        for u in users.list_users(self.ctx.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        fields = [
            Field("kind", "Kind", "choice", True, MeetingKind.FACE_TO_FACE,
                  [(k.value.capitalize(), k) for k in MeetingKind]),
            Field("held_on", "Held on", "date", True, date.today()),
            Field("venue", "Venue"),
            Field("facilitator", "Facilitator", "choice", True, d.worker_id, facilitators),
            Field("cofacilitator", "Co-facilitator", "choice", default=d.coworker_id,
                  choices=[("None", None), *facilitators]),
        ]
        fields += [Field(f"attended_{p.id}", f"{p.name} ({p.role})", "check", default=True,
                         extra={"text": "attended"}) for p in d.parties]
        fields += [Field("other_name", "Also attending (name)"),
                   Field("other_role", "Their role", "choice", default=AttendeeRole.PCSO,
                         choices=[(r.value, r) for r in (AttendeeRole.PCSO,
                                                         AttendeeRole.COUNCILLOR,
                                                         AttendeeRole.OTHER)])]
        role_map = {PartyRole.PARTICIPANT.value: AttendeeRole.HARMER,
                    PartyRole.HARMED.value: AttendeeRole.HARMED,
                    PartyRole.SUPPORTER.value: AttendeeRole.SUPPORTER}

        def submit(v: dict[str, Any]) -> int:
            attendees = [meetings.AttendeeInput(role_map.get(p.role, AttendeeRole.OTHER),
                                                v[f"attended_{p.id}"], party_id=p.id)
                         for p in d.parties]
            if v["other_name"].strip():
                attendees.append(meetings.AttendeeInput(v["other_role"], True,
                                                        name=v["other_name"]))
            return meetings.record_meeting(
                self.ctx.uow(), self.ctx.actor, self.reference, kind=v["kind"],
                held_on=v["held_on"], facilitator_id=v["facilitator"],
                cofacilitator_id=v["cofacilitator"], venue=v["venue"], attendees=attendees,
                expected_version=self.v)
        self.form("Record the restorative meeting", fields, submit)

    def record_agreement(self) -> None:
        d = self.detail
        owners = [(f"{p.name} ({p.role})", p.id) for p in d.parties]
        kinds = [(k.value.capitalize(), k) for k in ActionKind]
        fields = [Field("agreed_on", "Agreed on", "date", True,
                        d.meetings[-1].held_on if d.meetings else date.today()),
                  Field("signed", "Signed", "check", default=True,
                        extra={"text": "signed by the parties"})]
        for n in (1, 2, 3):
            fields += [Field(f"kind{n}", f"Action {n}", "choice", default=ActionKind.APOLOGY,
                             choices=kinds),
                       Field(f"text{n}", f"Action {n}: what", required=n == 1),
                       Field(f"owner{n}", f"Action {n}: who", "choice",
                             default=owners[0][1] if owners else None, choices=owners),
                       Field(f"due{n}", f"Action {n}: by", "date",
                             default=date.today() + timedelta(days=14))]

        def submit(v: dict[str, Any]) -> int:
            actions = [meetings.ActionInput(v[f"kind{n}"], v[f"text{n}"], v[f"owner{n}"],
                                            v[f"due{n}"])
                       for n in (1, 2, 3) if v[f"text{n}"].strip()]
            return meetings.record_agreement(
                self.ctx.uow(), self.ctx.actor, self.reference, agreed_on=v["agreed_on"],
                actions=actions, conference_id=d.meetings[-1].id if d.meetings else None,
                signed=v["signed"], expected_version=self.v)
        self.form("Outcome agreement", fields, submit,
                  intro="Not legally binding. Each action has who does it and by when.")

    def mark_action(self, kept: bool) -> None:
        action_id = self._selected(self.actions_table)
        if action_id is None:
            self.banner.setText("Select an action first.")
            self.banner.show()
            return
        self.act(lambda: meetings.mark_action(self.ctx.uow(), self.ctx.actor, self.reference,
                                              action_id, kept=kept, checked_on=date.today(),
                                              expected_version=self.v))

    def record_followup(self) -> None:
        self.form("Follow-up contact", [
            Field("contacted_on", "Contacted on", "date", True, date.today()),
            Field("agreement_kept", "Was the agreement kept?", "choice", True, True,
                  [("Yes", True), ("No", False)]),
            Field("notes", "Notes", "multiline"),
        ], lambda v: meetings.record_followup(
            self.ctx.uow(), self.ctx.actor, self.reference, contacted_on=v["contacted_on"],
            agreement_kept=v["agreement_kept"], notes=v["notes"] or None, expected_version=self.v))

    def record_survey(self) -> None:
        harmed = [(p.name, p.id) for p in self.detail.parties if p.role == "harmed party"]
        scores = [(str(n), n) for n in range(1, 6)]
        self.form("Harmed party's satisfaction survey", [
            Field("party", "Harmed party", "choice", True,
                  harmed[0][1] if harmed else None, harmed),
            Field("answered_on", "Answered on", "date", True, date.today()),
            Field("satisfied", "Satisfied overall?", "choice", True, True,
                  [("Yes", True), ("No", False)]),
            Field("felt_heard", "Felt heard (1-5)", "choice", default=4, choices=scores),
            Field("feels_safer", "Feels safer (1-5)", "choice", default=4, choices=scores),
        ], lambda v: meetings.record_survey(
            self.ctx.uow(), self.ctx.actor, self.reference, party_id=v["party"],
            answered_on=v["answered_on"], satisfied=v["satisfied"], felt_heard=v["felt_heard"],
            feels_safer=v["feels_safer"], expected_version=self.v))

    # ------------------------------------------------------------ appointments
    def book_appointment(self) -> None:
        default = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        self.form("Book an appointment", [
            Field("starts_at", "When", "datetime", True, default),
            Field("purpose", "Purpose", required=True),
            Field("location", "Where"),
            Field("bail", "Bail condition", "check",
                  default=self.detail.scheme is Scheme.GATEWAY,
                  extra={"text": "This appointment is a condition of bail"}),
        ], lambda v: appointments.schedule(
            self.ctx.uow(), self.ctx.actor, self.reference, appointments.AppointmentInput(
                starts_at=v["starts_at"], purpose=v["purpose"], location=v["location"] or None,
                bail_condition=v["bail"]), expected_version=self.v))

    def _selected_appointment(self) -> int | None:
        appt = self._selected(self.appointments_table)
        if appt is None:
            self.banner.setText("Select an appointment first.")
            self.banner.show()
        return appt

    def appointment_outcome(self, outcome: AppointmentStatus) -> None:
        appt = self._selected_appointment()
        if appt is not None:
            self.act(lambda: appointments.record_outcome(
                self.ctx.uow(), self.ctx.actor, self.reference, appt, outcome,
                expected_version=self.v))

    def rearrange(self) -> None:
        appt = self._selected_appointment()
        if appt is None:
            return
        default = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
        self.form("Rearrange the appointment", [
            Field("starts_at", "New time", "datetime", True, default),
            Field("reason", "Reason", "multiline"),
        ], lambda v: appointments.rearrange(self.ctx.uow(), self.ctx.actor, self.reference,
                                            appt, v["starts_at"], reason=v["reason"] or None,
                                            expected_version=self.v))

    # ------------------------------------------------------------ after exit
    def record_exit_followup(self) -> None:
        due = [e for e in self.detail.exit_followups if e.done_on is None]
        if not due:
            self.banner.setText("No follow-up is waiting to be recorded.")
            self.banner.show()
            return
        yn = [("Yes", True), ("No", False), ("Not known", None)]
        self.form("Follow-up after the scheme", [
            Field("months", "Follow-up", "choice", True, due[0].months,
                  [(f"{e.months} months (due {e.due_on:%d/%m/%Y})", e.months) for e in due]),
            Field("done_on", "Done on", "date", True, date.today()),
            Field("independent", "Living independently?", "choice", default=True, choices=yn),
            Field("abuse_free", "Free from abuse?", "choice", default=True, choices=yn),
            Field("reoffended", "Reoffended?", "choice", default=False, choices=yn),
        ], lambda v: followups.record_exit_followup(
            self.ctx.uow(), self.ctx.actor, self.reference, months=v["months"],
            done_on=v["done_on"], reoffended=v["reoffended"],
            living_independently=v["independent"], free_from_abuse=v["abuse_free"],
            expected_version=self.v))

    # ------------------------------------------------------------ documents
    def generate_document(self) -> DocumentDialog:
        """Open the document dialog (preview, then file); the list refreshes when filed."""
        index = next(i for i in range(self.tabs.count())
                     if self.tabs.widget(i).objectName() == "tab_documents")
        self.tabs.setCurrentIndex(index)
        dialog = DocumentDialog(self.ctx, self.detail, self)
        dialog.filed.connect(lambda _id: self.after_change())
        self.document_dialog = dialog
        if self.window_ is not None and hasattr(self.window_, "dialog"):
            self.window_.dialog = dialog
        dialog.open()
        return dialog

    def reprint(self, path: str | None = None) -> None:
        document_id = self._selected(self.documents_table)
        if document_id is None:
            self.banner.setText("Select a document first.")
            self.banner.show()
            return
        try:
            save_reprint(self.ctx, document_id, self, path)
        except DomainError as exc:
            self.banner.setText(exc.message)
            self.banner.show()


def _num(value: Any) -> str:
    """2.00 -> "2", 2.50 -> "2.5": hours as people write them."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
