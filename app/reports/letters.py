"""Letters: outcome letters (participant, harmed party, referring officer) and Gateway to Change
appointment letters. One layout, one renderer class per kind, so each can diverge later."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from app.reports.base import BaseRenderer, Header


@dataclass(frozen=True)
class LetterData:
    """A letter as printed. ``addressee_lines`` is the addressee's own address, nobody else's."""

    header: Header
    addressee: str
    addressee_lines: tuple[str, ...]
    salutation: str
    #: Template wording after substitution (``# `` heading, ``* `` bullet).
    body: tuple[str, ...]
    #: Label and value pairs printed as a small table ("Crime reference", "DU26...").
    facts: tuple[tuple[str, str], ...] = ()
    table_title: str = ""
    table_head: tuple[str, ...] = ()
    table_rows: tuple[tuple[str, ...], ...] = ()
    table_widths: tuple[float, ...] = ()
    closing: tuple[str, ...] = ()
    sign_off: str = "Yours sincerely"
    signatory: str = ""
    signatory_role: str = ""


class LetterRenderer(BaseRenderer):
    """Address, date, salutation, wording, optional facts and table, sign-off."""

    def __init__(self, data: LetterData) -> None:
        super().__init__(data.header)
        self.data = data

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = self.address_block(d.addressee, d.addressee_lines)
        out.append(self.para(d.header.title, "title"))
        out.append(self.para(d.salutation))
        out += self.wording(d.body)
        if d.facts:
            out.append(Spacer(1, self.size * 0.4))
            out.append(self.facts(d.facts, (0.36, 0.64)))
            out.append(Spacer(1, self.size * 0.8))
        if d.table_rows:
            if d.table_title:
                out += self.heading(d.table_title)
            out.append(self.table(d.table_head, d.table_rows, d.table_widths))
            out.append(Spacer(1, self.size * 0.8))
        out += self.wording(d.closing)
        out.append(Spacer(1, self.size * 0.6))
        out.append(self.para(d.sign_off + ","))
        out.append(Spacer(1, self.size * 1.8))
        out.append(self.para(d.signatory))
        if d.signatory_role:
            out.append(self.para(d.signatory_role, "small"))
        return out


class ParticipantOutcomeRenderer(LetterRenderer):
    """Completion or breach, told to the participant."""


class HarmedPartyOutcomeRenderer(LetterRenderer):
    """The outcome, as far as the harmed party may be told it."""


class OfficerOutcomeRenderer(LetterRenderer):
    """Outcome and police outcome code for the referring officer."""


class AppointmentLetterRenderer(LetterRenderer):
    """Gateway to Change bail appointments: when, where, and that they are bail conditions."""
