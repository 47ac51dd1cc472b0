"""The Checkpoint contract the participant and navigator sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.reports.base import BaseRenderer, Header, fmt_hours


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
            (self.w("Participant"), d.participant), (self.w("Navigator"), d.navigator),
            (self.w("Contract starts"), self.day(d.start)),
            (self.w("Contract ends"), self.day(d.end)),
        ]))
        out.append(Spacer(1, self.size))
        out += self.wording(d.intro)
        out += self.heading(self.w("Your conditions"))
        for c in d.conditions:
            out.append(KeepTogether([self.para(f"{c.number}. {c.heading}", "h2"),
                                     self.para(c.text)]))
        out += self.heading(self.w("Community hours"))
        out += self.wording(d.hours_wording)
        if d.hours:
            total = Decimal(0)
            rows = []
            for h in d.hours:
                total += h.hours
                rows.append((self.day(h.worked_on), h.task, fmt_hours(h.hours),
                             fmt_hours(total)))
            out.append(self.table(tuple(self.w(x) for x in ("Date", "Task", "Hours",
                                                            "Total so far")), rows,
                                  (0.25, 0.45, 0.12, 0.18)))
            out.append(Spacer(1, self.size * 0.6))
        if d.hours_required:
            done = sum((h.hours for h in d.hours), Decimal(0))
            out.append(self.labelled(self.w("Hours done so far"), self.w(
                "{done} of {required}").format(done=fmt_hours(done), required=d.hours_required)))
        out += self.wording(d.breach)
        out += self.wording(d.agreement)
        out.append(Spacer(1, self.size))
        out += self.signature_lines([(self.w("Participant"), d.participant),
                                     (self.w("Navigator"), d.navigator)])
        return out
