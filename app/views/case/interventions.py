"""Interventions: every contact and piece of work with the participant, by pathway and agency."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import pathways, reference
from app.services.enums import EntryKind, InterventionKind
from app.views.case.tab import CaseTab, day
from app.views.forms import Field, FormDialog
from app.views.table_models.record_table_model import Column


class InterventionsTab(CaseTab):
    title = "Interventions"
    name = "interventions"

    def build(self) -> None:
        self.button("Log &intervention...", "log_intervention", self.log_intervention)
        self.end_buttons()
        self.records = self.table("interventions_table", "Interventions", [
            Column("Date", lambda i: day(i.occurred_on)),
            Column("Kind", lambda i: i.kind),
            Column("Pathway", lambda i: i.pathway),
            Column("Agency", lambda i: i.agency),
            Column("Summary", lambda i: i.summary),
            Column("By", lambda i: i.recorded_by),
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
        return self.ws.form("Log an intervention or contact", [
            Field("kind", "Kind", "choice", True, InterventionKind.INTERVENTION,
                  [(k.value.capitalize(), k) for k in InterventionKind]),
            Field("occurred_on", "Date", "date", True, date.today()),
            Field("pathway_code", "Pathway", "choice", default=None,
                  choices=[("None", None)] + [(n, c) for c, n in names.items()]),
            Field("agency_id", "Agency", "choice", default=None,
                  choices=[("None", None)] + [(a.name, a.id) for a in agencies]),
            Field("summary", "Summary", required=True,
                  check=lambda s: "Keep it under 200 characters." if len(s) > 200 else None),
            Field("duration_minutes", "Minutes", "int", default=30, maximum=1440),
            Field("notes", "Notes", "multiline"),
        ], submit)
