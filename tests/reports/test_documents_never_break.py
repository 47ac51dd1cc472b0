"""Every document kind builds for any text a user can type, and prints all of it.

Renderers are fed straight from hypothesis (they take plain data): notes of up to 20,000
characters, agreement actions of up to 5,000, names of up to 200 (right-to-left ones among them)
and tables of up to 500 rows. Each PDF is read back with pypdf: it opens, every page has text,
and every letter given is there (nothing cut off where a long cell ran onto the next page).
"""

from __future__ import annotations

import io
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.models.cases import Scheme
from app.reports.agreement import (
    AgreementActionLine,
    AgreementData,
    AgreementPerson,
    AgreementRenderer,
)
from app.reports.base import BaseRenderer, Header, Letterhead
from app.reports.board import (
    BoardReportData,
    BoardReportRenderer,
    Chart,
    FigureRow,
    FigureSection,
    Series,
)
from app.reports.contract import ConditionLine, ContractData, ContractRenderer, HoursLine
from app.reports.letters import (
    AppointmentLetterRenderer,
    HarmedPartyOutcomeRenderer,
    LetterData,
    OfficerOutcomeRenderer,
    ParticipantOutcomeRenderer,
)
from app.reports.script import REPLACEMENT, printable
from app.reports.summary import CaseSummaryData, CaseSummaryRenderer, SummarySection
from tests.reports.conftest import check_file

LETTERHEAD = Letterhead("Pathways Partnership", ("Town Hall", "Darlington"), "01325 000000",
                        "team@example.org")
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"
URDU_LETTERS = "ٹڈڑںھہےیکگپچژ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCXYZ ŵŷłśżșțşğıễựéñ0123456789"

latin_word = st.text(LATIN.replace(" ", ""), min_size=1, max_size=14)
rtl_word = st.text(ARABIC_LETTERS + URDU_LETTERS, min_size=1, max_size=10)
#: Anything at all a keyboard or a paste can give (surrogates aside, which no str from Qt holds).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


def sized(words: st.SearchStrategy[str], limit: int) -> st.SearchStrategy[str]:
    """Text of up to ``limit`` characters (often exactly that many): hypothesis words repeated,
    sometimes with no space at all, so one 'word' may be longer than a page is wide."""
    def build(ws: list[str], sep: str, n: int) -> str:
        unit = sep.join(ws)
        return (unit * (n // max(len(unit), 1) + 1))[:n].strip() or "x"
    return st.builds(build, st.lists(words, min_size=1, max_size=8),
                     st.sampled_from([" ", " ", "\n", ""]),
                     st.one_of(st.just(limit), st.integers(1, limit)))


def names(limit: int = 200) -> st.SearchStrategy[str]:
    return st.one_of(sized(latin_word, limit), sized(rtl_word, limit),
                     st.builds(lambda a, b: f"{a} {b}"[:limit], latin_word, rtl_word))


@dataclass(frozen=True)
class Texts:
    name: str
    other: str
    note: str
    action: str
    rows: int
    cell: str


texts = st.builds(Texts, name=names(), other=names(), note=sized(latin_word, 20_000),
                  action=sized(st.one_of(latin_word, rtl_word), 5_000),
                  rows=st.one_of(st.just(500), st.integers(0, 500)), cell=names(60))
#: The same shapes at small sizes but from any characters whatever.
wild = st.builds(Texts, name=any_text, other=any_text, note=any_text, action=any_text,
                 rows=st.integers(0, 12), cell=any_text)


def header(title: str = "Test document") -> Header:
    return Header(LETTERHEAD, title, "CP-2026-0001", date(2026, 5, 1), "standard")


def contract(t: Texts) -> BaseRenderer:
    return ContractRenderer(ContractData(
        header("Checkpoint contract"), t.name, t.other, date(2026, 1, 5), date(2026, 5, 5),
        (ConditionLine(1, "Do not commit any offence", t.note),
         ConditionLine(2, "Take part in a restorative approach", t.action)), 18,
        tuple(HoursLine(date(2026, 1, 9), t.cell, Decimal("1.5")) for _ in range(t.rows)),
        (f"Between {t.name} and the partnership.",), ("# Community hours",),
        ("# What happens if you break this contract",), ("I agree.",)))


def agreement(t: Texts) -> BaseRenderer:
    return AgreementRenderer(AgreementData(
        header("Outcome agreement"), "Face-to-face conference", date(2026, 3, 1), t.cell,
        (t.other, "Sam Facilitator"),
        tuple(AgreementPerson(t.name if i % 2 else t.cell, "harmed party", True)
              for i in range(max(t.rows // 10, 1))),
        tuple(AgreementActionLine(i + 1, t.action if i == 0 else t.cell, t.name,
                                  date(2026, 4, 1)) for i in range(max(t.rows // 5, 1))),
        ("# What this is", t.note), ("This agreement is not legally binding.",),
        (("Participant", t.name), ("Harmed party", t.other))))


def _letter(kind: Callable[[LetterData], BaseRenderer], t: Texts) -> BaseRenderer:
    return kind(LetterData(
        header("Outcome letter"), t.name, (t.cell, "DL1 1AA"), f"Dear {t.name}",
        (t.note,), facts=(("Participant", t.name), ("Note", t.action)),
        table_title="Your appointments", table_head=("Date", "Time", "Where", "What"),
        table_rows=tuple(("1 May 2026", "10:00", t.cell, t.other)
                         for _ in range(t.rows // 10)),
        table_widths=(0.28, 0.16, 0.28, 0.28), closing=(t.action,), signatory=t.other,
        signatory_role="Navigator"))


def summary(t: Texts) -> BaseRenderer:
    return CaseSummaryRenderer(CaseSummaryData(
        header("Case summary"), "The team", ("# Confidential",), (
            SummarySection("The case", (("Participant", t.name), ("Offence summary", t.note))),
            SummarySection("Interventions", head=("Date", "Pathway", "Agency", "What"),
                           rows=tuple(("1 May 2026", "Housing", t.cell,
                                       t.note if i == 0 else t.other) for i in range(t.rows)),
                           widths=(0.16, 0.25, 0.27, 0.32)),
            SummarySection("Outcome agreement", head=("What", "Who", "Due", "Kept"),
                           rows=((t.action, t.name, "1 May 2026", "yes"),),
                           widths=(0.45, 0.22, 0.2, 0.13), note=t.action))))


def board(t: Texts) -> BaseRenderer:
    cats = tuple(f"{t.cell} {i}" for i in range(max(t.rows // 10, 1)))
    return BoardReportRenderer(BoardReportData(
        header("Partnership board report"), (("Worker", t.name),), (t.action,),
        (Chart("Referrals by source", cats, (Series(t.other, tuple(1.0 for _ in cats)),),
               horizontal=True),),
        (FigureSection("Referrals", tuple(FigureRow(t.cell, "3", t.note if i == 0 else t.name)
                                          for i in range(max(t.rows, 1)))),)))


KINDS: dict[str, Callable[[Texts], BaseRenderer]] = {
    "contract": contract,
    "agreement": agreement,
    "outcome-participant": lambda t: _letter(ParticipantOutcomeRenderer, t),
    "outcome-harmed": lambda t: _letter(HarmedPartyOutcomeRenderer, t),
    "outcome-officer": lambda t: _letter(OfficerOutcomeRenderer, t),
    "appointment": lambda t: _letter(AppointmentLetterRenderer, t),
    "summary": summary,
    "board": board,
}


def _pages(content: bytes) -> list[str]:
    assert content.startswith(b"%PDF")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]


def _letters(text: str) -> Counter[str]:
    """The letters and digits of ``text`` as a reader sees them (joined Arabic forms folded back
    to plain letters)."""
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


def _check(content: bytes, *given: str) -> None:
    pages = _pages(content)
    assert pages and all(p.strip() for p in pages)
    printed = _letters(" ".join(pages))
    for text in given:
        missing = _letters(text) - printed
        assert not missing, f"not printed: {sorted(missing)[:10]}"


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(t=texts)
def test_every_kind_builds_at_the_largest_sizes_and_prints_every_letter(kind: str,
                                                                        t: Texts) -> None:
    content = KINDS[kind](t).render()
    _check(content, t.name, t.note if kind != "board" else "", t.cell, t.action)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=5, deadline=None)
@given(t=wild)
def test_every_kind_builds_from_any_characters(kind: str, t: Texts) -> None:
    _pages(KINDS[kind](t).render())


@settings(max_examples=200, deadline=None)
@given(text=any_text, bold=st.booleans())
def test_no_character_is_printed_in_a_font_that_lacks_it(text: str, bold: bool) -> None:
    """The property behind 'nothing prints as a box': every character drawn is in the font it
    is drawn in; what no embedded font has becomes the visible replacement mark."""
    from reportlab.pdfbase import pdfmetrics

    from app.reports.script import register_fonts

    register_fonts()
    for font, run in printable(text, bold):
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        assert all(c == "\n" or ord(c) in cmap for c in run), (font, run)


NAME = "فاطمة الزهراء"
URDU = "عائشہ پروین"


def test_an_arabic_name_prints_joined_and_reads_back_in_logical_order(tmp_path: Path) -> None:
    t = Texts(NAME, URDU, f"Met {NAME} and {URDU} at the centre.", "Write a letter.", 1,
              "Town Hall")
    content = _letter(ParticipantOutcomeRenderer, t).render()
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    check_file(path)
    raw = " ".join(_pages(content))
    # joined: the letters were printed in their contextual (initial, medial, final) forms
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in raw)
    # pypdf gives each word's letters back in reading order
    text = unicodedata.normalize("NFKC", raw)
    for word in (*NAME.split(), *URDU.split()):
        assert word in text, word
    # and poppler, which applies the bidirectional algorithm, the whole name and the sentence
    whole = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    whole = " ".join(unicodedata.normalize("NFKC", whole).replace("\u202b", "")
                     .replace("\u202c", "").split())
    assert f"Dear {NAME}" in whole
    assert NAME in whole and URDU in whole


def test_characters_no_font_has_print_as_a_visible_replacement() -> None:
    t = Texts("李小龍 😀", "Priya", "Notes: 漢字 and ✓", "x", 1, "ꦗꦮ")
    text = " ".join(_pages(_letter(ParticipantOutcomeRenderer, t).render()))
    assert REPLACEMENT in text
    assert "李" not in text and "😀" not in text


def test_a_document_that_cannot_be_drawn_is_one_plain_line_and_nothing_is_filed(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A logo damaged in the database (it was checked when set, so only a broken copy or disk
    gives this) stops every document; the CLI says so in one line, files nothing."""
    import base64

    from sqlalchemy import func, select

    from app.cli import EXIT_REFUSED, main
    from app.db import Database
    from app.models.documents import Document
    from app.models.settings import AppSetting
    from app.models.users import Role
    from app.services.organisation import LOGO_KEY
    from tests.factories import PASSWORD, make_case, make_user

    db = Database(f"sqlite:///{db_path}")
    coordinator = make_user(db, Role.COORDINATOR, "coord")
    reference = make_case(db, coordinator, Scheme.CHECKPOINT)
    with db.uow() as uow:
        damaged = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
        uow.session.merge(AppSetting(key=LOGO_KEY, value=base64.b64encode(damaged).decode()))
        uow.commit()
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    capsys.readouterr()
    code = main(["--database", db.url, "--user", "coord", "document", "summary", reference,
                 "--out", str(tmp_path / "s.pdf")])
    _, err = capsys.readouterr()
    assert code == EXIT_REFUSED
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("pathways: The case summary (full) could not be printed"), err
    assert not (tmp_path / "s.pdf").exists()
    with db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Document)) == 0
    db.dispose()


def test_a_real_case_with_500_interventions_and_a_long_note_prints(db_path: Path) -> None:
    """The same through the services: a case whose participant has an Arabic name, with 500
    interventions, one carrying a 20,000-character note, prints both summaries whole."""
    from datetime import timedelta

    from app.db import Database
    from app.models.pathways import InterventionKind
    from app.models.users import Role
    from app.services import documents, pathways
    from tests.factories import make_case, make_user, person

    db = Database(f"sqlite:///{db_path}")
    coord = make_user(db, Role.COORDINATOR, "coord")
    first, last = NAME.split()
    ref = make_case(db, coord, Scheme.CHECKPOINT, days_ago=30, participant=person(first, last))
    long_note = " ".join(f"n{i:04d}" for i in range(3400))[:20_000]
    day = date.today() - timedelta(days=20)
    for i in range(500):
        pathways.log_intervention(db.uow(), coord, ref, pathways.InterventionInput(
            InterventionKind.CONTACT, day, f"Contact {i:03d}",
            notes=long_note if i == 0 else None))
    for kind in (documents.Kind.SUMMARY, documents.Kind.SUMMARY_PARTNER):
        doc = documents.generate(db.uow(), coord, ref, kind, organisation="Housing First"
                                 if kind is documents.Kind.SUMMARY_PARTNER else None)
        pages = _pages(doc.content)
        assert len(pages) > 10
        text = unicodedata.normalize("NFKC", " ".join(pages))
        assert all(f"Contact {i:03d}" in text for i in range(500))
        assert first in text and last in text
        if kind is documents.Kind.SUMMARY:
            assert all(f"n{i:04d}" in text for i in range(0, 3300, 97))
    db.dispose()


def test_a_right_to_left_table_cell_split_across_pages_keeps_its_text() -> None:
    """A table row split across pages splits each cell: a right-to-left cell that fits whole
    in the first part must come back as itself and an empty rest (reportlab's tables take two
    parts; one made the whole summary fail with an IndexError)."""
    from reportlab.lib.styles import ParagraphStyle

    from app.reports.script import FONT, BidiParagraph, register_fonts

    register_fonts()
    cell = BidiParagraph("اردو زيثہبطشأدي " * 3, ParagraphStyle("c", fontName=FONT,
                                                                     fontSize=10, leading=12))
    _w, h = cell.wrap(150, 1000)
    parts = cell.split(150, h + 30)
    assert len(parts) == 2
    assert parts[0].wrap(150, 1000)[1] == h  # all of it in the first part
    assert parts[1].wrap(150, 1000)[1] == 0  # nothing left for the second
