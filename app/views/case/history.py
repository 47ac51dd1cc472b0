"""History: the case's audit trail, who did what and when."""

from __future__ import annotations

from app.views.case.tab import CaseTab
from app.views.table_models.record_table_model import Column


class HistoryTab(CaseTab):
    title = "History"
    name = "history"

    def build(self) -> None:
        self.end_buttons()
        self.records = self.table("history_table", "Case history", [
            Column("When", lambda h: f"{h.at.astimezone():%d/%m/%Y %H:%M}"),
            Column("Who", lambda h: h.who),
            Column("What", lambda h: h.what),
            Column("Detail", lambda h: h.detail),
        ])

    def refresh(self) -> None:
        self.records.set_rows(self.case.history())
