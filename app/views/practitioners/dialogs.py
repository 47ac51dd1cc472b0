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
        super().__init__(ctx, "Conflicts of interest", parent)
        self.row.addWidget(QLabel("Practitioners who know someone: they are not assigned to "
                                  "that person's cases."))
        self.add_table(RecordTable("conflict_register", "Conflicts of interest",
                                   RecordTableModel([
                                       Column("Practitioner", lambda c: c.practitioner),
                                       Column("Knows", lambda c: c.person_name),
                                       Column("How", lambda c: c.how),
                                       Column("Declared", lambda c: _day(c.declared_on))])))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table.set_rows(practitioners.conflict_register(self.ctx.uow(), self.ctx.actor))
        except DomainError as exc:
            self.message.setText(exc.message)


class ExpensesDialog(_ListDialog):
    """Claims: a practitioner sees and makes their own; a coordinator decides and exports."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Expenses", parent)
        self.button("&Claim...", "claim", self.claim)
        if ctx.actor.coordinates:
            self.button("&Approve", "approve", lambda: self.decide(True))
            self.button("&Refuse...", "refuse", lambda: self.decide(False))
            self.button("Mark &paid", "paid", self.mark_paid)
            self.button("&Export for finance...", "export", self.export)
        self.row.addStretch(1)
        self.add_table(RecordTable("expenses_table", "Expense claims", RecordTableModel([
            Column("Claim", lambda e: e.id), Column("Who", lambda e: e.practitioner),
            Column("Date", lambda e: _day(e.incurred_on)), Column("Kind", lambda e: e.kind.value),
            Column("Amount", lambda e: f"£{e.amount}"),
            Column("For", lambda e: e.description), Column("Case", lambda e: e.case_reference),
            Column("Status", lambda e: e.status.value)],
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
        return self.form("Claim an expense", [
            Field("case", "Case reference", required=True),
            Field("incurred_on", "Date", "date", True, date.today()),
            Field("kind", "Kind", "choice", True, ExpenseKind.MILEAGE,
                  [(k.value.capitalize(), k) for k in ExpenseKind]),
            Field("miles", "Miles (mileage)"),
            Field("amount", "Amount spent, £ (out of pocket)"),
            Field("description", "What for", required=True),
        ], lambda v: expenses.claim(
            self.ctx.uow(), self.ctx.actor, me, incurred_on=v["incurred_on"], kind=v["kind"],
            description=v["description"], case_reference=v["case"],
            miles=v["miles"] or None, amount=v["amount"] or None))

    def _selected(self) -> int | None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText("Choose a claim first.")
        return key

    def decide(self, approve: bool) -> FormDialog | None:
        claim = self._selected()
        if claim is None:
            return None
        if approve:
            self.run(lambda: expenses.decide(self.ctx.uow(), self.ctx.actor, claim,
                                             approve=True))
            return None
        return self.form("Refuse the claim", [Field("reason", "Why", "multiline", True)],
                         lambda v: expenses.decide(self.ctx.uow(), self.ctx.actor, claim,
                                                   approve=False, reason=v["reason"]))

    def mark_paid(self) -> None:
        claim = self._selected()
        if claim is not None:
            self.run(lambda: expenses.mark_paid(self.ctx.uow(), self.ctx.actor, claim,
                                                paid_on=date.today()))

    def export(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Expenses for finance",
                                                  f"expenses-{date.today()}.csv", "CSV (*.csv)")
            if not path:
                return None
        target = Path(path)
        if self.run(lambda: expenses.export_csv(self.ctx.uow(), self.ctx.actor, target)):
            self.message.setText(f"Approved claims written to {target}.")
            return target
        return None


class ComplaintsDialog(_ListDialog):
    """The complaints register with its clocks (coordinators)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Complaints", parent)
        self.button("&New complaint...", "new_complaint", self.new)
        self.button("&Acknowledged", "acknowledge", self.acknowledge)
        self.button("A&nswered...", "resolve", self.resolve)
        self.row.addStretch(1)
        today = date.today()
        self.add_table(RecordTable("complaints_table", "Complaints", RecordTableModel([
            Column("Received", lambda c: _day(c.received_on)),
            Column("From", lambda c: c.complainant), Column("Case", lambda c: c.case_reference),
            Column("About", lambda c: c.about),
            Column("Acknowledge by", lambda c: _day(c.acknowledge_by)),
            Column("Answer by", lambda c: _day(c.respond_by)),
            Column("Answered", lambda c: _day(c.resolved_on)),
            Column("Outcome", lambda c: c.outcome or "")],
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
        return self.form("Record a complaint", [
            Field("received_on", "Received", "date", True, date.today()),
            Field("complainant", "From", required=True),
            Field("case", "Case reference (if about a case)"),
            Field("practitioner", "Practitioner's user name (if about one)"),
            Field("about", "About", "multiline", True),
        ], lambda v: complaints.record_complaint(
            self.ctx.uow(), self.ctx.actor, received_on=v["received_on"],
            complainant=v["complainant"], about=v["about"], case_reference=v["case"] or None,
            practitioner=v["practitioner"] or None))

    def acknowledge(self) -> None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText("Choose a complaint first.")
            return
        self.run(lambda: complaints.acknowledge(self.ctx.uow(), self.ctx.actor, key,
                                                date.today()))

    def resolve(self) -> FormDialog | None:
        key = self.table.selected_key()
        if key is None:
            self.message.setText("Choose a complaint first.")
            return None
        return self.form("Answer the complaint", [
            Field("on", "Answered on", "date", True, date.today()),
            Field("outcome", "The answer", "multiline", True),
            Field("upheld", "Upheld", "check", default=False, extra={"text": "upheld"}),
        ], lambda v: complaints.resolve(self.ctx.uow(), self.ctx.actor, key, on=v["on"],
                                        outcome=v["outcome"], upheld=v["upheld"]))
