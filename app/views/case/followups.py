"""Follow-ups after exit: the Gateway 3/6/12-month follow-ups and proven reoffending checks,
both recorded after the case has ended."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.services import followups
from app.services.enums import EntryKind
from app.views.case.tab import CaseTab, day, yes_no
from app.views.forms import Field, FormDialog
from app.views.i18n import translate
from app.views.table_models.record_table_model import Column


def _offences_problem(text: str) -> str | None:
    return None if text.strip().isdigit() and int(text) <= 99 else \
        translate("CaseFollowups", "Type the number of proven offences (0 to 99).")


class FollowUpsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("FollowUpsTab", "Follow-ups")
    name = "followups"

    def build(self) -> None:
        self.button(self.tr("Record &follow-up..."), "record_exit_followup",
                    self.record_exit_followup)
        self.button(self.tr("&Reoffending check..."), "record_reoffending",
                    self.record_reoffending_check)
        self.end_buttons()
        self.records = self.table("exit_table", self.tr("Follow-ups after the scheme"), [
            Column(self.tr("Months"), lambda e: e.months),
            Column(self.tr("Due"), lambda e: day(e.due_on)),
            Column(self.tr("Done"), lambda e: day(e.done_on) if e.done_on else self.tr("not yet")),
            Column(self.tr("Reoffended"), lambda e: yes_no(e.reoffended)),
            Column(self.tr("Living independently"), lambda e: yes_no(e.living_independently)),
            Column(self.tr("Free from abuse"), lambda e: yes_no(e.free_from_abuse)),
        ], key=lambda e: e.months)
        self.opens(self.records, EntryKind.EXIT_FOLLOWUP, lambda months: next(
            (e.id for e in self.detail.exit_followups if e.months == months and e.done_on),
            None))
        label = QLabel(self.tr("Proven reoffending checks"))
        self.body.addWidget(label)
        self.checks = self.table("reoffending_table", self.tr("Proven reoffending checks"), [
            Column(self.tr("Checked on"), lambda r: day(r.checked_on)),
            Column(self.tr("Within"), lambda r: self.tr("{months} months").format(
                months=r.window_months)),
            Column(self.tr("Proven offences"), lambda r: r.offences),
            Column(self.tr("First offence on"),
                   lambda r: day(r.first_offence_on) if r.first_offence_on else "-"),
        ], key=lambda r: r.id)
        label.setBuddy(self.checks)
        # a check typed wrong is amended (or marked entered in error) from its own row
        self.opens(self.checks, EntryKind.REOFFENDING_CHECK)

    def refresh(self) -> None:
        d = self.detail
        self.records.set_rows(d.exit_followups)
        self.checks.set_rows(d.reoffending_checks)

    def record_exit_followup(self) -> FormDialog | None:
        due = [e for e in self.detail.exit_followups if e.done_on is None]
        if not due:
            self.refused(self.tr("No follow-up is waiting to be recorded."))
            return None
        yn = [(self.tr("Yes"), True), (self.tr("No"),
                                       False)]  # asked, never assumed: each starts unanswered
        return self.ws.form(self.tr("Follow-up after the scheme"), [
            Field("months", self.tr("Follow-up"), "choice", True, due[0].months,
                  [(f"{e.months} months (due {e.due_on:%d/%m/%Y})", e.months) for e in due]),
            Field("done_on", self.tr("Done on"), "date", True, date.today()),
            Field("independent", self.tr("Living independently?"), "choice", True, choices=yn),
            Field("abuse_free", self.tr("Free from abuse?"), "choice", True, choices=yn),
            Field("reoffended", self.tr("Reoffended?"), "choice", True, choices=yn),
        ], lambda v: followups.record_exit_followup(
            self.case.uow(), self.case.actor, self.case.reference, months=v["months"],
            done_on=v["done_on"], reoffended=v["reoffended"],
            living_independently=v["independent"], free_from_abuse=v["abuse_free"],
            expected_version=self.case.version))

    def record_reoffending_check(self) -> FormDialog:
        return self.ws.form(self.tr("Proven reoffending check"), [
            Field("checked_on", self.tr("Checked on"), "date", True, date.today()),
            Field("window_months", self.tr("Follow-up window"), "choice", True,
                  choices=[(self.tr("12 months"), 12), (self.tr("24 months"), 24)]),
            # the reoffending rate counts this: typed from police records, never a default 0
            Field("offences", self.tr("Proven offences in the window"), required=True,
                  check=_offences_problem),
            Field("first_offence_on", self.tr("Date of the first proven offence"), "date",
                  default=date.today()),
        ], lambda v: followups.record_reoffending_check(
            self.case.uow(), self.case.actor, self.case.reference, checked_on=v["checked_on"],
            window_months=v["window_months"], offences=int(v["offences"]),
            first_offence_on=v["first_offence_on"] if int(v["offences"]) else None,
            expected_version=self.case.version),
            intro=self.tr("From police records, after the case has ended."))
