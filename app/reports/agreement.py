"""The Neighbourhood Resolution outcome agreement: who was there, who does what by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from app.reports.base import BaseRenderer, Header


@dataclass(frozen=True)
class AgreementPerson:
    name: str
    role: str
    attended: bool


@dataclass(frozen=True)
class AgreementActionLine:
    number: int
    what: str
    who: str
    due: date


@dataclass(frozen=True)
class AgreementData:
    header: Header
    meeting_kind: str
    held_on: date
    venue: str | None
    facilitators: tuple[str, ...]
    people: tuple[AgreementPerson, ...]
    actions: tuple[AgreementActionLine, ...]
    intro: tuple[str, ...]
    not_binding: tuple[str, ...]
    #: (role, name) of each person who signs.
    signers: tuple[tuple[str, str], ...]


class AgreementRenderer(BaseRenderer):
    def __init__(self, data: AgreementData) -> None:
        super().__init__(data.header)
        self.data = data

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [self.para(d.header.title, "title")]
        w = self.w
        facts = [(w("Meeting"), w(d.meeting_kind)), (w("Held on"), self.day(d.held_on))]
        if d.venue:
            facts.append((w("Where"), d.venue))
        facts.append((w("Facilitators"), ", ".join(d.facilitators)))
        out.append(self.facts(facts, (0.3, 0.7)))
        out.append(Spacer(1, self.size))
        out += self.wording(d.intro)
        out += self.heading(w("Who took part"))
        out.append(self.table((w("Name"), w("Taking part as"), w("Attended")),
                              [(p.name, w(p.role), w("yes") if p.attended
                                else w("no")) for p in d.people],
                              (0.45, 0.35, 0.2)))
        out += self.heading(w("What was agreed"))
        out.append(self.table(("", w("What will be done"), w("Who does it"), w("By when")),
                              [(str(a.number), a.what, a.who, self.day(a.due))
                               for a in d.actions], (0.06, 0.5, 0.24, 0.2)))
        out.append(Spacer(1, self.size))
        out += self.wording(d.not_binding)
        out.append(Spacer(1, self.size))
        out += self.signature_lines(list(d.signers))
        return out
