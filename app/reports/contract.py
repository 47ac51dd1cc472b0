"""The Checkpoint contract the participant and navigator sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.reports.base import BaseRenderer, Header, fmt_date, fmt_hours


@dataclass(frozen=True)
class ConditionLine:
    number: int
    heading: str
    text: str


@dataclass(frozen=True)
class HoursLine:
    worked_on: date
    task: str
    hours: Decimal


@dataclass(frozen=True)
class ContractData:
    header: Header
    participant: str
    navigator: str
    start: date
    end: date
    conditions: tuple[ConditionLine, ...]
    hours_required: int | None
    hours: tuple[HoursLine, ...]
    intro: tuple[str, ...]
    hours_wording: tuple[str, ...]
    breach: tuple[str, ...]
    agreement: tuple[str, ...]


class ContractRenderer(BaseRenderer):
    def __init__(self, data: ContractData) -> None:
        super().__init__(data.header)
        self.data = data

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [self.para(d.header.title, "title")]
        out.append(self.facts([
            ("Participant", d.participant), ("Navigator", d.navigator),
            ("Contract starts", fmt_date(d.start)), ("Contract ends", fmt_date(d.end)),
        ]))
        out.append(Spacer(1, self.size))
        out += self.wording(d.intro)
        out += self.heading("Your conditions")
        for c in d.conditions:
            out.append(KeepTogether([self.para(f"{c.number}. {c.heading}", "h2"),
                                     self.para(c.text)]))
        out += self.heading("Community hours")
        out += self.wording(d.hours_wording)
        if d.hours:
            total = Decimal(0)
            rows = []
            for h in d.hours:
                total += h.hours
                rows.append((fmt_date(h.worked_on), h.task, fmt_hours(h.hours), fmt_hours(total)))
            out.append(self.table(("Date", "Task", "Hours", "Total so far"), rows,
                                  (0.25, 0.45, 0.12, 0.18)))
            out.append(Spacer(1, self.size * 0.6))
        if d.hours_required:
            done = sum((h.hours for h in d.hours), Decimal(0))
            out.append(self.labelled("Hours done so far",
                                     f"{fmt_hours(done)} of {d.hours_required}"))
        out += self.wording(d.breach)
        out += self.wording(d.agreement)
        out.append(Spacer(1, self.size))
        out += self.signature_lines([("Participant", d.participant),
                                     ("Navigator", d.navigator)])
        return out
