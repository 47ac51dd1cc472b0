"""Contract (Checkpoint): the four-month contract, its conditions and the community hours."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.errors import ValidationError
from app.services import cases, contracts
from app.services.case_actions import CaseAction
from app.services.casefile import CaseDetail
from app.services.enums import CaseStatus, ConditionKind, ConditionState, EntryKind, Scheme
from app.views.case.tab import CaseTab, day, num
from app.views.forms import Field, FormDialog
from app.views.i18n import long_day
from app.views.table_models.record_table_model import Column
from app.views.terms import word


class ContractTab(CaseTab):
    title = QT_TRANSLATE_NOOP("ContractTab", "Contract")
    name = "contract"

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        return detail.scheme is Scheme.CHECKPOINT

    def build(self) -> None:
        self.button(self.tr("D&raw up contract..."), "draft_contract", self.draft_contract)
        self.button(self.tr("Contract si&gned"), "start_contract", self.start_contract)
        self.button(self.tr("Log &hours..."), "log_hours", self.log_hours)
        self.button(self.tr("Condition &met"), "condition_met", self.condition_met)
        self.button(self.tr("&Complete"), "complete", self.complete)
        self.button(self.tr("&Breach..."), "breach", self.breach)
        self.end_buttons()
        self.summary = QLabel(self.tr("No contract yet."))
        self.summary.setObjectName("contract_summary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.conditions = self.table("conditions_table", self.tr("Contract conditions"), [
            Column(self.tr("No."), lambda k: k.position),
            Column(self.tr("Condition"), lambda k: k.kind),
            Column(self.tr("Details"), lambda k: k.description),
            Column(self.tr("State"), lambda k: self.tr("{state} (victim declined)").format(
                state=word(k.state)) if k.victim_declined else word(k.state)),
        ], key=lambda k: k.position, stretch=2)
        label = QLabel(self.tr("Community hours ledger"))
        self.body.addWidget(label)
        self.hours = self.table("hours_table", self.tr("Community hours ledger"), [
            Column(self.tr("Date"), lambda h: day(h.worked_on)),
            Column(self.tr("Hours"), lambda h: num(h.hours)),
            Column(self.tr("Work"), lambda h: h.task),
        ], key=lambda h: h.id, stretch=1)
        self.opens(self.hours, EntryKind.HOURS)
        label.setBuddy(self.hours)

    def refresh(self) -> None:
        c = self.detail.contract
        if c is None:
            self.summary.setText(self.tr("No contract yet. Draw one up after the eligibility "
                                         "decision and the start needs assessment."))
            self.conditions.set_rows([])
            self.hours.set_rows([])
            return
        if c.status != "active":
            left = word(c.status)
        elif c.end_date <= date.today():
            # the four months are over: no countdown, the next step is to close the contract
            left = self.tr("its four months ended on {day}; record completion or breach").format(
                day=long_day(c.end_date))
        elif c.days_left() == 1:
            left = self.tr("1 day left")
        else:
            left = self.tr("{days} days left").format(days=c.days_left())
        text = self.tr("Contract {status}: {start} to {end} ({left})").format(
            status=word(c.status), start=long_day(c.start_date), end=long_day(c.end_date),
            left=left)
        if c.community_hours_required:
            text += self.tr("; community hours {done} of {required}").format(
                done=num(c.hours_done), required=c.community_hours_required)
        text += "."
        if c.breach_reason:
            text += " " + self.tr("Breach: {reason}").format(reason=c.breach_reason)
        self.summary.setText(text)
        self.conditions.set_rows(c.conditions)
        self.hours.set_rows(c.hours)

    def draft_contract(self) -> FormDialog:
        pathway_choices = [(self.tr("None"), None)] + [(n, c)
                                              for c, n in self.case.pathway_names.items()]

        def submit(v: dict[str, Any]) -> None:
            conds = [contracts.ConditionInput(ConditionKind.NO_REOFFENDING)]
            if v["victim"]:
                conds.append(contracts.ConditionInput(ConditionKind.VICTIM))
            for n in (1, 2):
                if v[f"text{n}"].strip() and not v[f"pathway{n}"]:
                    raise ValidationError(self.tr("Choose the pathway of intervention {n}.")
                                                 .format(n=n),
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
            contracts.draft_contract(self.case.uow(), self.case.actor, self.case.reference,
                                     start_date=v["start"], conditions=conds,
                                     community_hours=hours, expected_version=self.case.version)
        return self.ws.form(self.tr("Draw up the contract"), [
            Field("start", self.tr("Start date"), "date", True, date.today()),
            Field("victim", self.tr("Victim condition"), "check", default=True,
                  extra={"text": self.tr("Restorative approach if the victim wishes")}),
            Field("pathway1", self.tr("Pathway intervention 1"), "choice", choices=pathway_choices),
            Field("text1", self.tr("What, for intervention 1")),
            Field("pathway2", self.tr("Pathway intervention 2"), "choice", choices=pathway_choices),
            Field("text2", self.tr("What, for intervention 2")),
            Field("fifth", self.tr("Fifth condition"), "choice", default="hours",
                  choices=[(self.tr("Community hours"), "hours"), (self.tr("Electronic tag"),
                                                                   "tag"),
                           (self.tr("None"), None)]),
            Field("community_hours", self.tr("Community hours (18-36)"), "int", default=18,
                  minimum=0,
                  maximum=99, check=lambda h: None if 18 <= h <= 36 else
                  self.tr("Community hours are 18 to 36.")),
        ], submit, intro=self.tr("'No reoffending' is always condition 1. The contract lasts four "
                                 "months from the start date."))

    def start_contract(self) -> FormDialog:
        return self.ws.form(
            self.tr("Contract signed"), [Field("signed_on", self.tr("Signed on"), "date", True,
                                               date.today())],
            lambda v: contracts.start_contract(self.case.uow(), self.case.actor,
                                               self.case.reference, signed_on=v["signed_on"],
                                               expected_version=self.case.version))

    def log_hours(self) -> FormDialog:
        return self.ws.form(self.tr("Log community hours"), [
            Field("worked_on", self.tr("Date"), "date", True, date.today()),
            Field("hours", self.tr("Hours"), required=True, default="3"),
            Field("task", self.tr("Work done"), required=True),
        ], lambda v: contracts.log_hours(self.case.uow(), self.case.actor, self.case.reference,
                                         worked_on=v["worked_on"], hours=v["hours"],
                                         task=v["task"], expected_version=self.case.version))

    def condition_met(self) -> None:
        position = self.conditions.selected_key()
        if position is None:
            self.refused(self.tr("Select a condition first."))
            return
        self.ws.act(lambda: contracts.set_condition_state(
            self.case.uow(), self.case.actor, self.case.reference, position, ConditionState.MET,
            expected_version=self.case.version))

    def complete(self) -> None:
        offer = self.case.actions.get(CaseAction.COMPLETE)
        self.ws.confirm(self.tr("Complete the contract"), offer.confirm if offer and offer.confirm
                        else self.tr("The case is marked completed."), self.tr("Complete"),
                        lambda: self.ws.act(lambda: cases.change_status(
                            self.case.uow(), self.case.actor, self.case.reference,
                            CaseStatus.COMPLETED, expected_version=self.case.version)))

    def breach(self) -> None:
        self.ws.move_to(CaseStatus.BREACHED)
