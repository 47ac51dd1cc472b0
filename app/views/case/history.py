"""History: the corrections of the case's records in words (struck through when a record was
entered in error; open one to read it whole), and the audit trail, who did what and when."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.services import corrections
from app.services.corrections import RevisionView
from app.views.case.tab import CaseTab
from app.views.table_models.record_table_model import Column, RowStyle


def _style(r: RevisionView) -> RowStyle:
    return RowStyle.STRUCK if r.record_in_error else RowStyle.NORMAL


class HistoryTab(CaseTab):
    title = QT_TRANSLATE_NOOP("HistoryTab", "History")
    name = "history"

    def build(self) -> None:
        self.end_buttons()
        label = QLabel(self.tr("Corrections"))
        self.body.addWidget(label)
        self.corrections = self.table("corrections_table", self.tr("Corrections"), [
            Column(self.tr("When"), lambda r: f"{r.at.astimezone():%d/%m/%Y %H:%M}"),
            Column(self.tr("Who"), lambda r: r.by),
            Column(self.tr("What"), lambda r: r.what),
            Column(self.tr("Record"), lambda r: r.record),
            Column(self.tr("Why"), lambda r: r.reason),
        ], key=lambda r: (r.kind, r.record_id), style=_style, stretch=1)
        label.setBuddy(self.corrections)
        self.opens(self.corrections, lambda key: key[0], lambda key: key[1])
        trail = QLabel(self.tr("Audit trail"))
        self.body.addWidget(trail)
        self.records = self.table("history_table", self.tr("Case history"), [
            Column(self.tr("When"), lambda h: f"{h.at.astimezone():%d/%m/%Y %H:%M}"),
            Column(self.tr("Who"), lambda h: h.who),
            Column(self.tr("What"), lambda h: h.what),
            Column(self.tr("Detail"), lambda h: h.detail),
        ], stretch=2)
        trail.setBuddy(self.records)

    def refresh(self) -> None:
        self.corrections.set_rows(corrections.case_corrections(
            self.case.uow(), self.case.actor, self.case.reference))
        self.records.set_rows(self.case.history())
