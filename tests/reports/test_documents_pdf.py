"""Every document kind, printed for demo cases of all three schemes, read back from the real PDF:
valid file, fonts embedded, each required element present, nothing another party should not see.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.db import Database
from app.errors import DomainError
from app.models.cases import Scheme
from app.reports.base import day_in, fmt_date
from app.services import casefile, documents
from app.services.casefile import CaseDetail, PartyInfo
from app.services.context import Actor
from app.services.documents import Kind
from app.services.outcomes import Outcome
from app.services.templates import words as fixed_words
from tests.reports.conftest import check_file, pdf_text, squash

SENSITIVE_NAMES = ("Domestic abuse", "Sexual exploitation")


def _cases(db: Database, actor: Actor) -> list[CaseDetail]:
    rows = casefile.list_cases(db.uow(), actor, casefile.CaseFilter(), sort="reference",
                               descending=False, limit=500)
    return [casefile.get_case(db.uow(), actor, r.reference, audit_view=False) for r in rows]


@pytest.fixture(scope="module")
def cases(demo_db: Database, coordinator: Actor) -> list[CaseDetail]:
    return _cases(demo_db, coordinator)


@pytest.fixture(scope="module")
def one_of_each(demo_db: Database, coordinator: Actor, cases: list[CaseDetail]
                ) -> dict[tuple[Scheme, Kind], tuple[CaseDetail, documents.GeneratedDocument]]:
    """The first demo case of each scheme for which each kind prints, filed for real."""
    out: dict[tuple[Scheme, Kind], tuple[CaseDetail, documents.GeneratedDocument]] = {}
    for d in cases:
        for kind in documents.available_kinds(d):
            if (d.scheme, kind) in out:
                continue
            try:
                doc = documents.generate(demo_db.uow(), coordinator, d.reference, kind,
                                         organisation="Housing First"
                                         if kind is Kind.SUMMARY_PARTNER else None)
            except DomainError:
                continue  # e.g. no outcome yet: another case of the scheme will have one
            out[(d.scheme, kind)] = (d, doc)
    return out


EXPECTED = {
    Scheme.CHECKPOINT: {Kind.CONTRACT, Kind.OUTCOME_PARTICIPANT, Kind.OUTCOME_HARMED,
                        Kind.OUTCOME_OFFICER, Kind.SUMMARY, Kind.SUMMARY_PARTNER},
    Scheme.NEIGHBOURHOOD_RESOLUTION: {Kind.AGREEMENT, Kind.OUTCOME_PARTICIPANT,
                                      Kind.OUTCOME_HARMED, Kind.OUTCOME_OFFICER, Kind.SUMMARY,
                                      Kind.SUMMARY_PARTNER},
    Scheme.GATEWAY: {Kind.APPOINTMENT, Kind.OUTCOME_PARTICIPANT, Kind.OUTCOME_OFFICER,
                     Kind.SUMMARY, Kind.SUMMARY_PARTNER},
}


def test_every_kind_prints_for_every_scheme(one_of_each: dict) -> None:
    for scheme, kinds in EXPECTED.items():
        assert {k for (s, k) in one_of_each if s is scheme} == kinds, scheme


def _required(d: CaseDetail, kind: Kind, doc: documents.GeneratedDocument) -> list[str]:
    """What a reader must find in each kind (the fixed words and dates in the letter's own
    language: a demo participant may read Polish or Welsh)."""
    words = dict(fixed_words(doc.language))

    def w(text: str) -> str:
        return words.get(text, text)

    def fmt_date(day: date | None) -> str:
        return day_in(day, doc.language)

    common = [d.reference, w("Page {page} of {total}").split("{total}")[0].format(page=1),
              "Pathways Partnership"]
    if kind is Kind.CONTRACT:
        c = d.contract
        assert c is not None
        need = [d.participant.name, d.worker or "", fmt_date(c.start_date), fmt_date(c.end_date),
                w("Signed"), w("Date")]
        if doc.language == "en":
            need.append("What happens if you break this contract")
        need += [x.description for x in c.conditions]
        need += [h.task for h in c.hours]
        if c.community_hours_required:
            need.append(w("{done} of {required}").split("{done}")[1].format(
                required=c.community_hours_required))
        return common + need
    if kind is Kind.AGREEMENT:
        a = d.agreement
        assert a is not None
        need = [w("Signed")] + (["not legally binding"] if doc.language == "en" else [])
        for x in a.actions:
            need += [x.description, x.owner, fmt_date(x.due_on)]
        return common + need + [p.name for p in d.parties]
    if kind is Kind.OUTCOME_PARTICIPANT:
        return [*common, f"{w('Dear')} {d.participant.name}", *d.participant.address]
    if kind is Kind.OUTCOME_HARMED:
        to = d.party(doc.recipient_party_id or 0)
        return [*common, f"{w('Dear')} {to.name}", *to.address]
    if kind is Kind.OUTCOME_OFFICER:
        need = [d.referring_officer or "", d.crime_reference or "", "Police outcome code",
                d.participant.name]
        if d.outcome_code:
            need.append(f"{d.outcome_code}: ")
        return common + need
    if kind is Kind.APPOINTMENT:
        return [*common, "of your bail" if doc.variant != "easy-read" else "part of your bail",
                f"{w('Dear')} {d.participant.name}"]
    if kind is Kind.SUMMARY:
        return [*common, *(p.name for p in d.parties), d.crime_reference or ""]
    return [*common, d.participant.name, "partner agency"]


def test_each_document_is_valid_embeds_its_fonts_and_holds_what_it_must(
        one_of_each: dict, tmp_path: Path) -> None:
    for (scheme, kind), (d, doc) in one_of_each.items():
        path = tmp_path / f"{scheme.value}-{kind.value}.pdf"
        path.write_bytes(doc.content)
        check_file(path)
        text = squash(pdf_text(doc.content))
        for element in _required(d, kind, doc):
            assert squash(element) in text, (d.reference, kind, element)


def test_outcome_letters_say_the_outcome(one_of_each: dict) -> None:
    d, doc = one_of_each[(Scheme.CHECKPOINT, Kind.OUTCOME_OFFICER)]
    text = pdf_text(doc.content)
    assert d.outcome.label in text
    if d.outcome is Outcome.COMPLETED:
        assert "22: Diversionary" in text


def _forbidden_for(d: CaseDetail, p: PartyInfo) -> list[str]:
    """Another party's contact details and date of birth, in the forms a letter would print."""
    values = [*p.address[:1], p.address[-1] if p.address else "", p.phone or "", p.email or ""]
    if p.date_of_birth:
        dob = p.date_of_birth
        values += [fmt_date(dob), dob.isoformat(), f"{dob:%d/%m/%Y}", f"{dob:%d %b %Y}"]
    return [v for v in values if v]


def _own(p: PartyInfo | None) -> set[str]:
    """The recipient's own details: printing them (their address) is right."""
    return set(_details(p)) if p else set()


def _details(p: PartyInfo) -> list[str]:
    return [*p.address, p.phone or "", p.email or ""] + (
        [fmt_date(p.date_of_birth)] if p.date_of_birth else [])


def _recipients(d: CaseDetail, kind: Kind) -> list[int | None]:
    if kind is Kind.AGREEMENT:
        return [None, *(p.id for p in d.parties)]
    if kind is Kind.OUTCOME_HARMED:
        return [p.id for p in d.parties if p.role == "harmed party" and p.wants_updates]
    return [None]


def test_no_document_shows_another_partys_details_or_what_a_restricted_reader_may_not_know(
        demo_db: Database, coordinator: Actor, cases: list[CaseDetail]) -> None:
    """The property, over every document kind and every party of every demo case."""
    printed = restricted_seen = 0
    for d in cases:
        for kind in documents.available_kinds(d):
            if kind is Kind.SUMMARY:
                continue  # the team's own full record: checked below to hold everything
            for to in _recipients(d, kind):
                try:
                    doc = documents.preview(demo_db.uow(), coordinator, d.reference, kind, to)
                except DomainError:
                    continue
                printed += 1
                text = squash(pdf_text(doc.content))
                recipient = d.party(doc.recipient_party_id) if doc.recipient_party_id else None
                allowed = _own(recipient)
                for p in d.parties:
                    if recipient is not None and p.id == recipient.id:
                        continue
                    for value in _forbidden_for(d, p):
                        if value not in allowed:
                            assert squash(value) not in text, (d.reference, kind, to, value)
                if d.restricted and kind in (Kind.OUTCOME_HARMED, Kind.OUTCOME_OFFICER,
                                             Kind.SUMMARY_PARTNER):
                    restricted_seen += 1
                    hidden = [*SENSITIVE_NAMES, d.offence or "", d.offence_summary or ""]
                    for value in filter(None, hidden):
                        assert squash(value).lower() not in text.lower(), (
                            d.reference, kind, value)
    assert printed > 150
    assert restricted_seen >= 3


def test_the_full_summary_is_for_the_team_and_holds_everything(
        one_of_each: dict) -> None:
    d, doc = one_of_each[(Scheme.NEIGHBOURHOOD_RESOLUTION, Kind.SUMMARY)]
    text = squash(pdf_text(doc.content))
    for p in d.parties:
        for value in _details(p):
            assert squash(value) in text


def test_variants_follow_the_recipient_unless_forced(demo_db: Database, coordinator: Actor,
                                                     one_of_each: dict) -> None:
    d, doc = one_of_each[(Scheme.CHECKPOINT, Kind.OUTCOME_PARTICIPANT)]
    assert doc.variant == d.participant.document_format
    easy = documents.preview(demo_db.uow(), coordinator, d.reference, Kind.OUTCOME_PARTICIPANT,
                             variant="easy-read")
    large = documents.preview(demo_db.uow(), coordinator, d.reference,
                              Kind.OUTCOME_PARTICIPANT, variant="large-print")
    standard = documents.preview(demo_db.uow(), coordinator, d.reference,
                                 Kind.OUTCOME_PARTICIPANT, variant="standard")
    assert "What happened with your case" in pdf_text(easy.content)
    assert "The outcome of your case" in pdf_text(large.content)
    assert "The outcome of your case" in pdf_text(standard.content)
    assert large.content != standard.content  # same words, bigger type
    assert (easy.variant, large.variant) == ("easy-read", "large-print")


def test_international_names_print_as_themselves(demo_db: Database, coordinator: Actor,
                                                 cases: list[CaseDetail]) -> None:
    """Demo names include Welsh, Polish, Romanian, Turkish and Vietnamese letters."""
    special = set("ŵŷłśżșțşğıễựąęñọũ")
    seen = 0
    for d in cases:
        if not special & set(d.participant.name):
            continue
        doc = documents.preview(demo_db.uow(), coordinator, d.reference, Kind.SUMMARY_PARTNER)
        assert squash(d.participant.name) in squash(pdf_text(doc.content))
        seen += 1
    assert seen >= 3


def test_appointment_letters_list_the_window(demo_db: Database, coordinator: Actor,
                                             one_of_each: dict) -> None:
    d, _ = one_of_each[(Scheme.GATEWAY, Kind.APPOINTMENT)]
    upcoming = sorted(a.starts_at for a in d.appointments if a.status == "scheduled"
                      and a.starts_at.astimezone().date() >= date.today())
    first = upcoming[0].astimezone().date()
    doc = documents.preview(demo_db.uow(), coordinator, d.reference, Kind.APPOINTMENT,
                            window=(first, first))
    text = pdf_text(doc.content)
    assert fmt_date(first) in text
    assert f"{upcoming[0].astimezone():%H:%M}" in text
