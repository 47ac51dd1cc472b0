"""Contract (Checkpoint): the four-month contract, its conditions and the community hours."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel

from app.errors import ValidationError
from app.services import cases, contracts
from app.services.case_actions import CaseAction
from app.services.casefile import CaseDetail
from app.services.enums import CaseStatus, ConditionKind, ConditionState, EntryKind, Scheme
from app.views.case.tab import CaseTab, day, num
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column


class ContractTab(CaseTab):
    title = "Contract"
    name = "contract"

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        return detail.scheme is Scheme.CHECKPOINT

    def build(self) -> None:
        self.button("&Draw up contract...", "draft_contract", self.draft_contract)
        self.button("Contract &signed", "start_contract", self.start_contract)
        self.button("Log &hours...", "log_hours", self.log_hours)
        self.button("Condition &met", "condition_met", self.condition_met)
        self.button("&Complete", "complete", self.complete)
        self.button("&Breach...", "breach", self.breach)
        self.end_buttons()
        self.summary = QLabel("No contract yet.")
        self.summary.setObjectName("contract_summary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.conditions = self.table("conditions_table", "Contract conditions", [
            Column("No.", lambda k: k.position),
            Column("Condition", lambda k: k.kind),
            Column("Details", lambda k: k.description),
            Column("State", lambda k: k.state + (" (victim declined)" if k.victim_declined
                                                 else "")),
        ], key=lambda k: k.position, stretch=2)
        label = QLabel("Community hours ledger")
        self.body.addWidget(label)
        self.hours = self.table("hours_table", "Community hours ledger", [
            Column("Date", lambda h: day(h.worked_on)),
            Column("Hours", lambda h: num(h.hours)),
            Column("Work", lambda h: h.task),
        ], key=lambda h: h.id, stretch=1)
        self.opens(self.hours, EntryKind.HOURS)
        label.setBuddy(self.hours)

    def refresh(self) -> None:
        c = self.detail.contract
        if c is None:
            self.summary.setText("No contract yet. Draw one up after the eligibility "
                                 "decision and the start needs assessment.")
            self.conditions.set_rows([])
            self.hours.set_rows([])
            return
        hours = (f"; community hours {num(c.hours_done)} of {c.community_hours_required}"
                 if c.community_hours_required else "")
        if c.status != "active":
            left = c.status
        elif c.end_date <= date.today():
            # the four months are over: no countdown, the next step is to close the contract
            left = f"its four months ended on {c.end_date:%d %b %Y}; record completion or breach"
        else:
            left = f"{c.days_left()} day{'' if c.days_left() == 1 else 's'} left"
        self.summary.setText(
            f"Contract {c.status}: {c.start_date:%d %b %Y} to {c.end_date:%d %b %Y} "
            f"({left}){hours}." + (f" Breach: {c.breach_reason}" if c.breach_reason else ""))
        self.conditions.set_rows(c.conditions)
        self.hours.set_rows(c.hours)

    def draft_contract(self) -> FormDialog:
        pathway_choices = [("None", None)] + [(n, c)
                                              for c, n in self.case.pathway_names.items()]

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
            contracts.draft_contract(self.case.uow(), self.case.actor, self.case.reference,
                                     start_date=v["start"], conditions=conds,
                                     community_hours=hours, expected_version=self.case.version)
        return self.ws.form("Draw up the contract", [
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

    def start_contract(self) -> FormDialog:
        return self.ws.form(
            "Contract signed", [Field("signed_on", "Signed on", "date", True, date.today())],
            lambda v: contracts.start_contract(self.case.uow(), self.case.actor,
                                               self.case.reference, signed_on=v["signed_on"],
                                               expected_version=self.case.version))

    def log_hours(self) -> FormDialog:
        return self.ws.form("Log community hours", [
            Field("worked_on", "Date", "date", True, date.today()),
            Field("hours", "Hours", required=True, default="3"),
            Field("task", "Work done", required=True),
        ], lambda v: contracts.log_hours(self.case.uow(), self.case.actor, self.case.reference,
                                         worked_on=v["worked_on"], hours=v["hours"],
                                         task=v["task"], expected_version=self.case.version))

    def condition_met(self) -> None:
        position = self.conditions.selected_key()
        if position is None:
            self.refused("Select a condition first.")
            return
        self.ws.act(lambda: contracts.set_condition_state(
            self.case.uow(), self.case.actor, self.case.reference, position, ConditionState.MET,
            expected_version=self.case.version))

    def complete(self) -> None:
        offer = self.case.actions.get(CaseAction.COMPLETE)
        self.ws.confirm("Complete the contract", offer.confirm if offer and offer.confirm
                        else "The case is marked completed.", "Complete",
                        lambda: self.ws.act(lambda: cases.change_status(
                            self.case.uow(), self.case.actor, self.case.reference,
                            CaseStatus.COMPLETED, expected_version=self.case.version)))

    def breach(self) -> None:
        self.ws.move_to(CaseStatus.BREACHED)
