"""The board report's layout as printed: read back from the PDF with the positions of its
lines, so that words written over other words are caught."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from app.reports.base import Header, Letterhead
from app.reports.board import BoardReportData, BoardReportRenderer, Chart, Series

HEADER = Header(Letterhead("Pathways Partnership", ("Town Hall",), "01325 000000",
                           "p@example.org"), "Partnership board report", "KPI",
                printed_on=date(2026, 12, 1))


def _lines(content: bytes) -> list[tuple[str, float]]:
    """Each piece of text on the first page with its height on the page (points)."""
    found: list[tuple[str, float]] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text.strip(), cm[5] + tm[5] * cm[3]))
    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=seen)
    return found


def test_an_empty_chart_says_so_under_its_own_heading() -> None:
    months = tuple(f"M{i}" for i in range(30))
    data = BoardReportData(
        header=HEADER, facts=(("Period", "1 December 2016 to 1 December 2026"),),
        notes=("A figure whose follow-up window has not yet closed is shown as 'not yet "
               "known'.",),
        # the first 24 months are empty, the last six hold referrals
        charts=(Chart("Referrals by month", months,
                      (Series("Referrals", (0,) * 24 + (5, 6, 7, 8, 9, 10)),)),),
        sections=())
    lines = _lines(BoardReportRenderer(data).render())
    y = {text: height for text, height in lines}
    empty = [h for text, h in lines if text == "No data in this period."]
    assert len(empty) == 1
    heading = y["Referrals by month (1 of 2)"]
    # below its heading, and below the note before it: nothing printed over them
    assert empty[0] < heading - 8
    assert all(empty[0] < h - 8 for text, h in lines
               if text.startswith(("A figure whose", "Period")))
    assert y["Referrals by month (2 of 2)"] < empty[0] - 8
