"""The Practitioners screen: the register on the left (a lapsed check or overdue supervision in
red), the chosen practitioner's record on the right, and the actions a coordinator takes on it.
A practitioner who is not a coordinator sees only their own record and may add CPD, days they
are unavailable, a conflict of interest and expense claims. Every rule is in the services."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import practitioners, users
from app.services.enums import (
    DbsLevel,
    PractitionerKind,
    PractitionerStatus,
    RjcLevel,
    Role,
    Scheme,
    SupervisionKind,
)
from app.services.practitioners import PractitionerDetail, PractitionerInput, PractitionerRow
from app.views.context import AppContext
from app.views.forms import Field, FormDialog
from app.views.i18n import translate
from app.views.table_models.record_table_model import (
    Column,
    RecordTable,
    RecordTableModel,
    RowStyle,
)
from app.views.terms import named, word


def _day(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else "-"


def _num(value: Any) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class PractitionersView(QWidget):
    """The register and one practitioner's record."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("practitioners")
        self.dialog: QWidget | None = None
        self.detail: PractitionerDetail | None = None
        self.coordinates = ctx.actor.coordinates
        layout = QVBoxLayout(self)
        self.message = QLabel("")
        self.message.setObjectName("practitioners_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        general = [(self.tr("&Expenses..."), "expenses", self.expenses)]
        if self.coordinates:
            general = [(self.tr("&Add to register..."), "add_practitioner",
                        self.add_practitioner),
                       (self.tr("Conflicts &register..."), "conflicts", self.conflicts),
                       (self.tr("Co&mplaints..."), "complaints",
                        self.complaints), *general]
        for n, (text, name, slot) in enumerate(general):
            top.addWidget(self._button(text, name, slot), n // 2, n % 2)
        top.setColumnStretch(2, 1)
        left_layout.addLayout(top)
        self.table = RecordTable("practitioners_table", self.tr("Practitioners"), RecordTableModel([
            Column(self.tr("Name"), lambda r: r.full_name),
            Column(self.tr("Kind"), lambda r: word(r.kind.value)),
            Column(self.tr("Status"), lambda r: word(r.status.value)),
            Column(self.tr("RJC"), lambda r: self.tr("registered") if r.registered else "-"),
            Column(self.tr("Check due"), lambda r: self.tr("{day} (lapsed)").format(
                day=_day(r.next_check_due)) if r.check_lapsed else _day(r.next_check_due)),
            Column(self.tr("Supervised"), lambda r: self.tr("{day} (overdue)").format(
                day=_day(r.last_supervision)) if r.supervision_overdue
                else _day(r.last_supervision)),
            Column(self.tr("CPD 12m"), lambda r: _num(r.cpd_hours_12_months)),
        ], key=lambda r: r.username,
            style=lambda r: RowStyle.ALERT if r.status is PractitionerStatus.ACTIVE
            and (r.check_lapsed or r.supervision_overdue) else RowStyle.NORMAL))
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        left_layout.addWidget(self.table, 1)
        split.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.tr("Choose a practitioner."))
        self.summary.setObjectName("practitioner_summary")
        self.summary.setWordWrap(True)
        right_layout.addWidget(self.summary)
        grid = QGridLayout()
        actions = [(self.tr("DBS &check..."), "record_check", self.record_check, True),
                   (self.tr("&Training..."), "record_training", self.record_training,
                    True),
                   (self.tr("CP&D..."), "record_cpd", self.record_cpd, False),
                   (self.tr("&Supervision..."), "record_supervision",
                    self.record_supervision, True),
                   (self.tr("&Unavailable..."), "add_unavailability",
                    self.add_unavailability, False),
                   (self.tr("Declare c&onflict..."), "declare_conflict",
                    self.declare_conflict, False),
                   (self.tr("Supervision &record (PDF)..."), "print_record",
                    self.print_record, True)]
        shown = [a for a in actions if self.coordinates or not a[3]]
        for n, (text, name, slot, _coordinator) in enumerate(shown):
            grid.addWidget(self._button(text, name, slot), n // 3, n % 3)
        right_layout.addLayout(grid)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("The practitioner's records"))
        self.checks = self._tab("checks_table", self.tr("DBS checks"), [
            Column(self.tr("Level"), lambda c: c.level.value),
            Column(self.tr("Certificate"), lambda c: c.certificate_number),
            Column(self.tr("Issued"), lambda c: _day(c.issued_on)),
            Column(self.tr("Update Service"), lambda c: _day(c.update_checked_on)),
            Column(self.tr("Next due"), lambda c: _day(c.next_due_on))])
        self.training = self._tab("training_table", self.tr("Training"), [
            Column(self.tr("Completed"), lambda t: _day(t.completed_on)),
            Column(self.tr("Course"), lambda t: t.course),
            Column(self.tr("Hours"), lambda t: _num(t.hours)),
            Column(self.tr("Certificate"), lambda t: t.certificate_name or "-")])
        self.cpd = self._tab("cpd_table", self.tr("CPD"), [
            Column(self.tr("Date"), lambda c: _day(c.on)), Column(self.tr("Hours"),
                                                                  lambda c: _num(c.hours)),
            Column(self.tr("Activity"), lambda c: c.activity)])
        self.supervision = self._tab("supervision_table", self.tr("Supervision"), [
            Column(self.tr("Date"), lambda x: _day(x.held_on)), Column(self.tr("Kind"),
                                                                       lambda x: x.kind.value),
            Column(self.tr("Supervisor"), lambda x: x.supervisor),
            Column(self.tr("Cases"), lambda x: ", ".join(x.cases_discussed)),
            Column(self.tr("Actions"), lambda x: x.actions or ""),
            Column(self.tr("Signed off"), lambda x: _day(x.signed_off_on))])
        self.unavailable = self._tab("unavailable_table", self.tr("Unavailable"), [
            Column(self.tr("From"), lambda u: _day(u.starts_on)), Column(self.tr("To"),
                                                                         lambda u: _day(u.ends_on)),
            Column(self.tr("Why"), lambda u: u.reason or "")])
        self.conflict_table = self._tab("conflicts_table", self.tr("Conflicts"), [
            Column(self.tr("Knows"), lambda c: c.person_name), Column(self.tr("How"),
                                                                      lambda c: c.how),
            Column(self.tr("Declared"), lambda c: _day(c.declared_on))])
        right_layout.addWidget(self.tabs, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.refresh()

    # ---- building
    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", "").replace("...", ""))
        b.clicked.connect(lambda _checked=False: slot())
        self.buttons[name] = b
        return b

    def _tab(self, name: str, title: str, columns: list[Column[Any]]) -> RecordTable:
        table = RecordTable(name, title, RecordTableModel(columns))
        self.tabs.addTab(table, title)
        return table

    # ---- showing
    def refresh(self) -> None:
        try:
            rows = practitioners.list_practitioners(self.ctx.uow(), self.ctx.actor)
        except DomainError as exc:
            self.message.setText(exc.message)
            rows = []
        self.table.set_rows(rows)
        if self.table.selected_key() is None and rows:
            self.table.selectRow(0)
        self._show()

    def rows(self) -> tuple[PractitionerRow, ...]:
        return self.table.record_model().rows()

    def select(self, username: str) -> None:
        self.table.select_key(username)
        self._show()

    def _chosen(self, *_: object) -> None:
        self._show()

    def _show(self) -> None:
        username = self.table.selected_key()
        self.detail = None
        if username is not None:
            try:
                self.detail = practitioners.get_practitioner(self.ctx.uow(), self.ctx.actor,
                                                             username)
            except DomainError as exc:
                self.message.setText(exc.message)
        d = self.detail
        for b in self.buttons.values():
            if b.objectName() not in ("add_practitioner", "conflicts", "complaints", "expenses"):
                b.setEnabled(d is not None)
        if d is None:
            self.summary.setText(self.tr("Choose a practitioner.") if self.rows() else
                                 self.tr("No one is on the practitioner register yet."))
            for t in (self.checks, self.training, self.cpd, self.supervision, self.unavailable,
                      self.conflict_table):
                t.set_rows(())
            return
        r = d.row
        registration = (f"RJC {r.rjc_level.value} {r.rjc_number}, renewal "
                        f"{_day(r.rjc_renewal_on)}" if r.rjc_level else self.tr("Not RJC "
                                                                                "registered"))
        self.summary.setText(
            self.tr("<b>{full_name}</b> - {kind}, {status}, since {since}; "
                    "{schemes}<br>{registration}. Languages: {languages}.")
                   .format(full_name=r.full_name, kind=r.kind.value, status=r.status.value,
                           since=_day(d.started_on),
                           schemes=', '.join(s.label for s in r.schemes),
                           registration=registration, languages=r.languages or '-'))
        self.checks.set_rows(d.checks)
        self.training.set_rows(d.training)
        self.cpd.set_rows(d.cpd)
        self.supervision.set_rows(d.supervision)
        self.unavailable.set_rows(d.unavailable)
        self.conflict_table.set_rows(d.conflicts)

    # ---- forms
    def form(self, title: str, fields: list[Field], submit: Any,
             intro: str | None = None) -> FormDialog:
        dialog = FormDialog(title, fields, submit, self, intro=intro)
        dialog.accepted.connect(self._saved)
        self.dialog = dialog
        window = self.window()
        if hasattr(window, "dialog"):
            window.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.message.setText("")
        self.refresh()
        self.changed.emit()

    def _who(self) -> str:
        assert self.detail is not None
        return self.detail.row.username

    def add_practitioner(self) -> FormDialog:
        on = {r.username for r in self.rows()}
        choices = [(f"{u.full_name} ({u.role.value})", u.username)
                   for u in users.list_users(self.ctx.uow())
                   if u.username not in on and (u.role is not Role.ADMINISTRATOR
                                                or u.also_coordinator)]
        fields = [
            Field("username", self.tr("User"), "choice", True, choices[0][1] if choices else None,
                  choices),
            Field("kind", self.tr("Staff or volunteer"), "choice", True, PractitionerKind.VOLUNTEER,
                  [(named(k), k) for k in PractitionerKind]),
            Field("scheme", self.tr("Scheme"), "choice", True, Scheme.NEIGHBOURHOOD_RESOLUTION,
                  [(s.label, s) for s in Scheme]),
            Field("started_on", self.tr("Started"), "date", True, date.today()),
            Field("rjc_level", self.tr("RJC registration"), "choice", default=None,
                  choices=[(self.tr("Not registered"), None),
                           *[(named(lv), lv) for lv in RjcLevel]]),
            Field("rjc_number", self.tr("RJC number")),
            Field("rjc_renewal_on", self.tr("RJC renewal"), "date", default=date.today()),
            Field("languages", self.tr("Languages spoken"), default="English"),
        ]

        def submit(v: dict[str, Any]) -> int:
            username = v["username"]
            result = practitioners.add_practitioner(
                self.ctx.uow(), self.ctx.actor, username, PractitionerInput(
                    kind=v["kind"], schemes=(v["scheme"],), started_on=v["started_on"],
                    rjc_level=v["rjc_level"], rjc_number=v["rjc_number"] or None,
                    rjc_renewal_on=v["rjc_renewal_on"] if v["rjc_level"] else None,
                    languages=v["languages"]))
            self._pending = username
            return result
        dialog = self.form(self.tr("Add to the practitioner register"), fields, submit)
        dialog.accepted.connect(lambda: self.select(getattr(self, "_pending", "")))
        return dialog

    def record_check(self) -> FormDialog:
        who = self._who()
        return self.form(self.tr("DBS check"), [
            Field("level", self.tr("Level"), "choice", True, DbsLevel.ENHANCED_BARRED,
                  [(named(lv), lv) for lv in DbsLevel]),
            Field("number", self.tr("Certificate number"), required=True,
                  help=self.tr("12 digits. Never record what the certificate says.")),
            Field("issued", self.tr("Issued"), "date", True, date.today()),
        ], lambda v: practitioners.record_check(
            self.ctx.uow(), self.ctx.actor, who, level=v["level"],
            certificate_number=v["number"], issued_on=v["issued"]))

    def record_training(self) -> FormDialog:
        who = self._who()
        return self.form(self.tr("Training completed"), [
            Field("course", self.tr("Course"), required=True),
            Field("completed_on", self.tr("Completed"), "date", True, date.today()),
            Field("hours", self.tr("Hours"), required=True, default="6"),
            Field("certificate", self.tr("Certificate file (PDF or image)")),
        ], lambda v: practitioners.record_training(
            self.ctx.uow(), self.ctx.actor, who, course=v["course"],
            completed_on=v["completed_on"], hours=v["hours"],
            certificate_name=Path(v["certificate"]).name if v["certificate"] else None,
            certificate=_read(v["certificate"])))

    def record_cpd(self) -> FormDialog:
        who = self._who()
        return self.form(self.tr("CPD"), [
            Field("on", self.tr("Date"), "date", True, date.today()),
            Field("hours", self.tr("Hours"), required=True, default="1"),
            Field("activity", self.tr("Activity"), required=True),
        ], lambda v: practitioners.record_cpd(self.ctx.uow(), self.ctx.actor, who, on=v["on"],
                                              hours=v["hours"], activity=v["activity"]))

    def record_supervision(self) -> FormDialog:
        who = self._who()
        staff = [(u.full_name, u.username) for u in users.list_users(self.ctx.uow())
                 if u.role in (Role.COORDINATOR, Role.NAVIGATOR, Role.MENTOR)
                 and u.username != who]
        return self.form(self.tr("Supervision"), [
            Field("kind", self.tr("Kind"), "choice", True, SupervisionKind.SUPERVISION,
                  [(named(k), k) for k in SupervisionKind]),
            Field("held_on", self.tr("Held on"), "date", True, date.today()),
            Field("supervisor", self.tr("Supervisor"), "choice", True, self.ctx.actor.username
                  if any(s[1] == self.ctx.actor.username for s in staff) else
                  (staff[0][1] if staff else None), staff),
            Field("cases", self.tr("Cases discussed (references, comma separated)")),
            Field("notes", self.tr("Notes (withheld from the printed record)"), "multiline"),
            Field("actions", self.tr("Actions"), "multiline"),
            Field("sign_off", self.tr("Sign-off"), "check", default=True,
                  extra={"text": self.tr("signed off by me today")}),
        ], lambda v: practitioners.record_supervision(
            self.ctx.uow(), self.ctx.actor, who, held_on=v["held_on"],
            supervisor=v["supervisor"], kind=v["kind"],
            cases_discussed=[c for c in v["cases"].split(",") if c.strip()],
            notes=v["notes"], actions=v["actions"], sign_off=v["sign_off"]))

    def add_unavailability(self) -> FormDialog:
        who = self._who()
        return self.form(self.tr("Unavailable"), [
            Field("starts_on", self.tr("From"), "date", True, date.today()),
            Field("ends_on", self.tr("To"), "date", True, date.today()),
            Field("reason", self.tr("Why (optional)")),
        ], lambda v: practitioners.add_unavailability(
            self.ctx.uow(), self.ctx.actor, who, starts_on=v["starts_on"], ends_on=v["ends_on"],
            reason=v["reason"]))

    def declare_conflict(self) -> FormDialog:
        who = self._who()

        def submit(v: dict[str, Any]) -> list[str]:
            affected = practitioners.declare_conflict(
                self.ctx.uow(), self.ctx.actor, who, person_name=v["person"], how=v["how"])
            if affected:
                self.after_save = self.tr("Already assigned to {cases}: reassign these "
                                          "cases.").format(cases=", ".join(affected))
            return affected
        self.after_save = ""
        dialog = self.form(self.tr("Declare a conflict of interest"), [
            Field("person", self.tr("Name of the person you know"), required=True),
            Field("how", self.tr("How you know them"), required=True),
        ], submit, intro=self.tr("You will not be assigned to a case with this person."))
        dialog.accepted.connect(lambda: self.message.setText(self.after_save))
        return dialog

    def print_record(self, path: str | None = None) -> Path | None:
        """Write the redacted supervision record to a PDF file."""
        who = self._who()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the supervision record"),
                                                  f"supervision-record-{who}.pdf",
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return None
        try:
            pdf = practitioners.supervision_record_pdf(self.ctx.uow(), self.ctx.actor, who)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Supervision record"), exc.message)
            return None
        target = Path(path)
        target.write_bytes(pdf)
        self.message.setText(self.tr("Supervision record saved to {target}.")
                                    .format(target=target))
        return target

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def conflicts(self) -> QWidget:
        from app.views.practitioners.dialogs import ConflictsDialog

        return self._open(ConflictsDialog(self.ctx, self))

    def complaints(self) -> QWidget:
        from app.views.practitioners.dialogs import ComplaintsDialog

        return self._open(ComplaintsDialog(self.ctx, self))

    def expenses(self) -> QWidget:
        from app.views.practitioners.dialogs import ExpensesDialog

        return self._open(ExpensesDialog(self.ctx, self))


def _read(path: str) -> bytes | None:
    if not path.strip():
        return None
    try:
        return Path(path.strip()).read_bytes()
    except OSError as exc:
        raise DomainError(translate("PractitionersRegister", "The certificate file cannot be "
                                                             "read: {strerror}.").format(
            strerror=exc.strerror)) from None
