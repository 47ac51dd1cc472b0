"""The case summary a coordinator prints: full for the team, redacted for a partner agency.

The service decides what each audience sees and hands over only that; this module lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from app.reports.base import BaseRenderer, Header


@dataclass(frozen=True)
class SummarySection:
    title: str
    facts: tuple[tuple[str, str], ...] = ()
    head: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CaseSummaryData:
    header: Header
    audience: str
    notice: tuple[str, ...]
    sections: tuple[SummarySection, ...]


class CaseSummaryRenderer(BaseRenderer):
    def __init__(self, data: CaseSummaryData) -> None:
        super().__init__(data.header)
        self.data = data

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [self.para(d.header.title, "title"),
                               self.labelled("Prepared for", d.audience)]
        out += self.wording(d.notice)
        for s in d.sections:
            out += self.heading(s.title)
            if s.facts:
                out.append(self.facts(s.facts))
            if s.rows:
                if s.facts:
                    out.append(Spacer(1, self.size * 0.5))
                out.append(self.table(s.head, s.rows, s.widths))
            if s.note:
                out.append(self.para(s.note, "small"))
        return out
