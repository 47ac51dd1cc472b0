"""Dialogs of the Practitioners screen: the register of conflict declarations, expense claims
(claim, approve, refuse, mark paid, export for finance) and the complaints register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import complaints, expenses, practitioners
from app.services.enums import ExpenseKind, ExpenseStatus
from app.views.context import AppContext
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import (
    Column,
    RecordTable,
    RecordTableModel,
    RowStyle,
)
from app.views.terms import named


def _day(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else "-"


class _ListDialog(QDialog):
    """A list with action buttons above it and a line for what was refused."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setObjectName("dialog_" + "".join(c for c in title.lower() if c.isalnum()))
        self.layout_ = QVBoxLayout(self)
        self.row = QHBoxLayout()
        self.layout_.addLayout(self.row)
        self.message = QLabel("")
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.layout_.addWidget(self.message)
        self.buttons: dict[str, QPushButton] = {}
        self.form_dialog: FormDialog | None = None
        self.resize(900, 480)

    def add_table(self, table: RecordTable) -> None:
        self.table = table
        self.layout_.addWidget(table, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.layout_.addWidget(close)

    def button(self, text: str, name: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", "").replace("...", ""))
        b.clicked.connect(lambda _checked=False: slot())
        self.row.addWidget(b)
        self.buttons[name] = b
        return b

    def run(self, fn: Any) -> bool:
        try:
            fn()
        except DomainError as exc:
            self.message.setText(exc.message)
            return False
        self.message.setText("")
        self.refresh()
        return True

    def form(self, title: str, fields: list[Field], submit: Any) -> FormDialog:
        dialog = FormDialog(title, fields, submit, self)
        dialog.accepted.connect(self.refresh)
        self.form_dialog = dialog
        dialog.open()
        return dialog

    def refresh(self) -> None:
        raise NotImplementedError


class ConflictsDialog(_ListDialog):
    """Every declaration of a conflict of interest, for coordinators to review."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Conflicts of interest"), parent)
        self.row.addWidget(QLabel(self.tr("Practitioners who know someone: they are not assigned "
                                          "to that person's cases.")))
        self.add_table(RecordTable("conflict_register", self.tr("Conflicts of interest"),
                                   RecordTableModel([
                                       Column(self.tr("Practitioner"), lambda c: c.practitioner),
                                       Column(self.tr("Knows"), lambda c: c.person_name),
                                       Column(self.tr("How"), lambda c: c.how),
                                       Column(self.tr("Declared"),
                                              lambda c: _day(c.declared_on))])))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table.set_rows(practitioners.conflict_register(self.ctx.uow(), self.ctx.actor))
        except DomainError as exc:
            self.message.setText(exc.message)


class ExpensesDialog(_ListDialog):
    """Claims: a practitioner sees and makes their own; a coordinator decides and exports."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Expenses"), parent)
        self.button(self.tr("&Claim..."), "claim", self.claim)
        if ctx.actor.coordinates:
            self.button(self.tr("&Approve"), "approve", lambda: self.decide(True))
            self.button(self.tr("&Refuse..."), "refuse", lambda: self.decide(False))
            self.button(self.tr("Mark &paid"), "paid", self.mark_paid)
            self.button(self.tr("&Export for finance..."), "export", self.export)
        self.row.addStretch(1)
        self.add_table(RecordTable("expenses_table", self.tr("Expense claims"), RecordTableModel([
            Column(self.tr("Claim"), lambda e: e.id), Column(self.tr("Who"),
                                                             lambda e: e.practitioner),
            Column(self.tr("Date"), lambda e: _day(e.incurred_on)), Column(self.tr("Kind"),
                                                                           lambda e: e.kind.value),
            Column(self.tr("Amount"), lambda e: f"£{e.amount}"),
            Column(self.tr("For"), lambda e: e.description), Column(self.tr("Case"),
                                                                    lambda e: e.case_reference),
            Column(self.tr("Status"), lambda e: e.status.value)],
            key=lambda e: e.id,
            style=lambda e: RowStyle.STRUCK if e.status is ExpenseStatus.REFUSED
            else RowStyle.NORMAL)))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table.set_rows(expenses.list_expenses(self.ctx.uow(), self.ctx.actor))
        except DomainError as exc:
            self.message.setText(exc.message)

    def claim(self) -> FormDialog:
        me = self.ctx.actor.username
        return self.form(self.tr("Claim an expense"), [
            Field("case", self.tr("Case reference"), required=True),
            Field("incurred_on", self.tr("Date"), "date", True, date.today()),
            Field("kind", self.tr("Kind"), "choice", True, ExpenseKind.MILEAGE,
                  [(named(k), k) for k in ExpenseKind]),
            Field("miles", self.tr("Miles (mileage)")),
            Field("amount", self.tr("Amount spent, £ (out of pocket)")),
            Field("description", self.tr("What for"), required=True),
        ], lambda v: expenses.claim(
            self.ctx.uow(), self.ctx.actor, me, incurred_on=v["incurred_on"], kind=v["kind"],
            description=v["description"], case_reference=v["case"],
            miles=v["miles"] or None, amount=v["amount"] or None))

    def _selected(self) -> int | None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText(self.tr("Choose a claim first."))
        return key

    def decide(self, approve: bool) -> FormDialog | None:
        claim = self._selected()
        if claim is None:
            return None
        if approve:
            self.run(lambda: expenses.decide(self.ctx.uow(), self.ctx.actor, claim,
                                             approve=True))
            return None
        return self.form(self.tr("Refuse the claim"), [Field("reason", self.tr("Why"), "multiline",
                                                             True)],
                         lambda v: expenses.decide(self.ctx.uow(), self.ctx.actor, claim,
                                                   approve=False, reason=v["reason"]))

    def mark_paid(self) -> None:
        claim = self._selected()
        if claim is not None:
            self.run(lambda: expenses.mark_paid(self.ctx.uow(), self.ctx.actor, claim,
                                                paid_on=date.today()))

    def export(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Expenses for finance"),
                                                  f"expenses-{date.today()}.csv", self.tr("CSV "
                                                                                          "(*.csv)"))
            if not path:
                return None
        target = Path(path)
        if self.run(lambda: expenses.export_csv(self.ctx.uow(), self.ctx.actor, target)):
            self.message.setText(self.tr("Approved claims written to {target}.")
                                        .format(target=target))
            return target
        return None


class ComplaintsDialog(_ListDialog):
    """The complaints register with its clocks (coordinators)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Complaints"), parent)
        self.button(self.tr("&New complaint..."), "new_complaint", self.new)
        self.button(self.tr("&Acknowledged"), "acknowledge", self.acknowledge)
        self.button(self.tr("A&nswered..."), "resolve", self.resolve)
        self.row.addStretch(1)
        today = date.today()
        self.add_table(RecordTable("complaints_table", self.tr("Complaints"), RecordTableModel([
            Column(self.tr("Received"), lambda c: _day(c.received_on)),
            Column(self.tr("From"), lambda c: c.complainant), Column(self.tr("Case"),
                                                                     lambda c: c.case_reference),
            Column(self.tr("About"), lambda c: c.about),
            Column(self.tr("Acknowledge by"), lambda c: _day(c.acknowledge_by)),
            Column(self.tr("Answer by"), lambda c: _day(c.respond_by)),
            Column(self.tr("Answered"), lambda c: _day(c.resolved_on)),
            Column(self.tr("Outcome"), lambda c: c.outcome or "")],
            key=lambda c: c.id,
            style=lambda c: RowStyle.ALERT if c.resolved_on is None and c.respond_by < today
            else RowStyle.NORMAL)))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table.set_rows(complaints.list_complaints(self.ctx.uow(), self.ctx.actor))
        except DomainError as exc:
            self.message.setText(exc.message)

    def new(self) -> FormDialog:
        return self.form(self.tr("Record a complaint"), [
            Field("received_on", self.tr("Received"), "date", True, date.today()),
            Field("complainant", self.tr("From"), required=True),
            Field("case", self.tr("Case reference (if about a case)")),
            Field("practitioner", self.tr("Practitioner's user name (if about one)")),
            Field("about", self.tr("About"), "multiline", True),
        ], lambda v: complaints.record_complaint(
            self.ctx.uow(), self.ctx.actor, received_on=v["received_on"],
            complainant=v["complainant"], about=v["about"], case_reference=v["case"] or None,
            practitioner=v["practitioner"] or None))

    def acknowledge(self) -> None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText(self.tr("Choose a complaint first."))
            return
        self.run(lambda: complaints.acknowledge(self.ctx.uow(), self.ctx.actor, key,
                                                date.today()))

    def resolve(self) -> FormDialog | None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText(self.tr("Choose a complaint first."))
            return None
        return self.form(self.tr("Answer the complaint"), [
            Field("on", self.tr("Answered on"), "date", True, date.today()),
            Field("outcome", self.tr("The answer"), "multiline", True),
            Field("upheld", self.tr("Upheld"), "check", default=False,
                  extra={"text": self.tr("upheld")}),
        ], lambda v: complaints.resolve(self.ctx.uow(), self.ctx.actor, key, on=v["on"],
                                        outcome=v["outcome"], upheld=v["upheld"]))
