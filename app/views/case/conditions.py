"""Gateway to Change conditions of bail and diversion: each one met or not met, with the date.
Completing the scheme needs every one met; the services say so when it is tried."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.services import gateway, reference
from app.services.casefile import CaseDetail, GatewayConditionInfo
from app.services.enums import ConditionState, EntryKind, Scheme
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column, RowStyle


def _style(c: GatewayConditionInfo) -> RowStyle:
    return RowStyle.ALERT if c.state is ConditionState.NOT_MET else RowStyle.NORMAL


class ConditionsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("ConditionsTab", "Conditions")
    name = "conditions"

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        return detail.scheme is Scheme.GATEWAY

    def build(self) -> None:
        self.button(self.tr("Add c&ondition..."), "add_gateway_condition", self.add_condition)
        self.button(self.tr("Condition &met..."), "gateway_condition_met",
                    lambda: self.record(True))
        self.button(self.tr("Condition &not met..."), "gateway_condition_not_met",
                    lambda: self.record(False))
        self.end_buttons()
        self.records = self.table("conditions_table", self.tr("Conditions of bail and diversion"), [
            Column(self.tr("No."), lambda c: c.position),
            Column(self.tr("Condition"), lambda c: c.description),
            Column(self.tr("Result"), lambda c: c.state.value),
            Column(self.tr("On"), lambda c: day(c.decided_on) if c.decided_on else ""),
            Column(self.tr("Notes"), lambda c: c.notes or ""),
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
            self.refused(self.tr("Every condition on the partnership's list is on this case "
                                 "already."))
            return None
        return self.ws.form(self.tr("Add a condition"), [
            Field("code", self.tr("Condition"), "choice", True, choices=kinds),
        ], lambda v: gateway.add_condition(self.case.uow(), self.case.actor,
                                           self.case.reference, v["code"],
                                           expected_version=self.case.version))

    def record(self, met: bool) -> FormDialog | None:
        condition_id = self.records.selected_key()
        if condition_id is None:
            self.refused(self.tr("Select a condition first."))
            return None
        chosen = next(c for c in self.detail.gateway_conditions if c.id == condition_id)

        def submit(v: dict[str, Any]) -> None:
            gateway.record_condition(self.case.uow(), self.case.actor, self.case.reference,
                                     condition_id, met=met, on=v["on"],
                                     notes=v["notes"] or None,
                                     expected_version=self.case.version)
        return self.ws.form(self.tr("Condition met") if met else self.tr("Condition not met"), [
            Field("on", self.tr("Date"), "date", True, date.today()),
            Field("notes", self.tr("Notes"), "multiline"),
        ], submit, intro=chosen.description)
