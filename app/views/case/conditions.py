"""Gateway to Change conditions of bail and diversion: each one met or not met, with the date.
Completing the scheme needs every one met; the services say so when it is tried."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import gateway, reference
from app.services.casefile import CaseDetail, GatewayConditionInfo
from app.services.enums import ConditionState, EntryKind, Scheme
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column, RowStyle


def _style(c: GatewayConditionInfo) -> RowStyle:
    return RowStyle.ALERT if c.state is ConditionState.NOT_MET else RowStyle.NORMAL


class ConditionsTab(CaseTab):
    title = "Conditions"
    name = "conditions"

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        return detail.scheme is Scheme.GATEWAY

    def build(self) -> None:
        self.button("&Add condition...", "add_gateway_condition", self.add_condition)
        self.button("Condition &met...", "gateway_condition_met", lambda: self.record(True))
        self.button("Condition &not met...", "gateway_condition_not_met",
                    lambda: self.record(False))
        self.end_buttons()
        self.records = self.table("conditions_table", "Conditions of bail and diversion", [
            Column("No.", lambda c: c.position),
            Column("Condition", lambda c: c.description),
            Column("Result", lambda c: c.state.value),
            Column("On", lambda c: day(c.decided_on) if c.decided_on else ""),
            Column("Notes", lambda c: c.notes or ""),
        ], key=lambda c: c.id, style=_style, stretch=1)
        # a wrong result is amended, a condition set by mistake marked entered in error
        self.opens(self.records, EntryKind.GATEWAY_CONDITION)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.gateway_conditions)

    def add_condition(self) -> FormDialog | None:
        have = {c.code for c in self.detail.gateway_conditions}
        kinds = [(k.text, k.code) for k in reference.gateway_condition_kinds(self.case.uow())
                 if k.code not in have]
        if not kinds:
            self.refused("Every condition on the partnership's list is on this case already.")
            return None
        return self.ws.form("Add a condition", [
            Field("code", "Condition", "choice", True, choices=kinds),
        ], lambda v: gateway.add_condition(self.case.uow(), self.case.actor,
                                           self.case.reference, v["code"],
                                           expected_version=self.case.version))

    def record(self, met: bool) -> FormDialog | None:
        condition_id = self.records.selected_key()
        if condition_id is None:
            self.refused("Select a condition first.")
            return None
        chosen = next(c for c in self.detail.gateway_conditions if c.id == condition_id)

        def submit(v: dict[str, Any]) -> None:
            gateway.record_condition(self.case.uow(), self.case.actor, self.case.reference,
                                     condition_id, met=met, on=v["on"],
                                     notes=v["notes"] or None,
                                     expected_version=self.case.version)
        return self.ws.form("Condition met" if met else "Condition not met", [
            Field("on", "Date", "date", True, date.today()),
            Field("notes", "Notes", "multiline"),
        ], submit, intro=chosen.description)
