"""Interventions: every contact and piece of work with the participant, by pathway and agency."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.services import pathways, reference
from app.services.enums import EntryKind, InterventionKind
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column
from app.views.terms import named


class InterventionsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("InterventionsTab", "Interventions")
    name = "interventions"

    def build(self) -> None:
        self.button(self.tr("Log &intervention..."), "log_intervention", self.log_intervention)
        self.end_buttons()
        self.records = self.table("interventions_table", self.tr("Interventions"), [
            Column(self.tr("Date"), lambda i: day(i.occurred_on)),
            Column(self.tr("Kind"), lambda i: i.kind),
            Column(self.tr("Pathway"), lambda i: i.pathway),
            Column(self.tr("Agency"), lambda i: i.agency),
            Column(self.tr("Summary"), lambda i: i.summary),
            Column(self.tr("By"), lambda i: i.recorded_by),
        ], key=lambda i: i.id)
        self.opens(self.records, EntryKind.INTERVENTION)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.interventions)

    def log_intervention(self) -> FormDialog:
        agencies = reference.agencies(self.case.uow())
        names = self.case.pathway_names

        def submit(v: dict[str, Any]) -> None:
            pathways.log_intervention(self.case.uow(), self.case.actor, self.case.reference,
                                      pathways.InterventionInput(
                                          kind=v["kind"], occurred_on=v["occurred_on"],
                                          summary=v["summary"], pathway_code=v["pathway_code"],
                                          agency_id=v["agency_id"],
                                          duration_minutes=v["duration_minutes"] or None,
                                          notes=v["notes"] or None),
                                      expected_version=self.case.version)
        return self.ws.form(self.tr("Log an intervention or contact"), [
            Field("kind", self.tr("Kind"), "choice", True, InterventionKind.INTERVENTION,
                  [(named(k), k) for k in InterventionKind]),
            Field("occurred_on", self.tr("Date"), "date", True, date.today()),
            Field("pathway_code", self.tr("Pathway"), "choice", default=None,
                  choices=[(self.tr("None"), None)] + [(n, c) for c, n in names.items()]),
            Field("agency_id", self.tr("Agency"), "choice", default=None,
                  choices=[(self.tr("None"), None)] + [(a.name, a.id) for a in agencies]),
            Field("summary", self.tr("Summary"), required=True,
                  check=lambda s: self.tr("Keep it under 200 characters.")
                  if len(s) > 200 else None),
            Field("duration_minutes", self.tr("Minutes"), "int", default=30, maximum=1440),
            Field("notes", self.tr("Notes"), "multiline"),
        ], submit)
