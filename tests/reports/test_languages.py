"""Letters in the reader's language: Welsh bilingual (Welsh first), Polish for participants,
English with a note where no template exists; and clear print in every template and variant."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from app.db import Database
from app.errors import DomainError
from app.reports.base import BODY_SIZE, BaseRenderer, Header, Letterhead, day_in
from app.services import casefile, documents, languages
from app.services.context import Actor
from app.services.documents import Kind
from app.services.templates import TEMPLATE_DIR, has_template, wording
from app.services.templates import words as fixed_words
from tests.reports.conftest import pdf_text

WELSH_KINDS = (Kind.CONTRACT, Kind.AGREEMENT, Kind.OUTCOME_PARTICIPANT, Kind.OUTCOME_HARMED,
               Kind.OUTCOME_OFFICER, Kind.APPOINTMENT, Kind.SUMMARY, Kind.SUMMARY_PARTNER)


def printable(db: Database, coordinator: Actor) -> dict[Kind, str]:
    """For each kind, a demo case that prints it."""
    found: dict[Kind, str] = {}
    for row in casefile.list_cases(db.uow(), coordinator, casefile.CaseFilter()):
        detail = casefile.get_case(db.uow(), coordinator, row.reference, audit_view=False)
        for kind in documents.available_kinds(detail):
            if kind in found:
                continue
            try:
                documents.preview(db.uow(), coordinator, row.reference, kind)
            except DomainError:  # not printable for this case: try the next
                continue
            found[kind] = row.reference
    return found


@pytest.fixture(scope="module")
def cases_by_kind(demo_db: Database, coordinator: Actor) -> dict[Kind, str]:
    found = printable(demo_db, coordinator)
    assert set(found) == set(Kind)
    return found


def set_language(db: Database, reference: str, code: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE people SET language = :code WHERE id = (SELECT participant_id "
                          "FROM cases WHERE reference = :ref)"), {"code": code, "ref": reference})


@pytest.mark.parametrize("kind", WELSH_KINDS, ids=lambda k: k.value)
def test_every_letter_and_agreement_in_welsh_is_bilingual_welsh_first(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str], kind: Kind
) -> None:
    english = documents.preview(demo_db.uow(), coordinator, cases_by_kind[kind], kind,
                                language="en")
    welsh = documents.preview(demo_db.uow(), coordinator, cases_by_kind[kind], kind,
                              language="cy")
    assert welsh.language == "cy" and welsh.language_note is None
    assert welsh.template_name.endswith(".cy")
    cy_title, en_title = welsh.title.split(" / ", 1)
    assert en_title == english.title
    words = pdf_text(welsh.content)
    # Welsh first, then English ("Contract Checkpoint / Checkpoint contract: <name>")
    assert words.index(cy_title) < words.index(en_title.split(":")[0].split(" (")[0])
    assert len(words) > len(pdf_text(english.content))  # the English is all still there
    # the footer's one line says to whom and why in Welsh (a bilingual pair would not fit)
    assert "Datgelwyd i" in words and "Sail gyfreithlon" in words, words[-400:]
    assert "Lawful basis" not in words
    if kind is Kind.AGREEMENT:  # the meeting's kind in the Welsh sentence is Welsh too
        sentence = re.search(r"ei wneud mewn (.+?) Datrys yn y", " ".join(words.split()))
        assert sentence is not None and sentence.group(1) in (
            "cynhadledd wyneb yn wyneb", "cyfryngu gwennol", "cyfnewid llythyrau",
            "cyfarfod"), sentence


def test_a_polish_participant_gets_her_letters_in_polish(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    for kind, polish in ((Kind.APPOINTMENT, "Twoje spotkania"),
                         (Kind.OUTCOME_PARTICIPANT, "Wynik Twojej sprawy"),
                         (Kind.CONTRACT, "Umowa Checkpoint")):
        ref = cases_by_kind[kind]
        set_language(demo_db, ref, "pl")
        try:
            doc = documents.generate(demo_db.uow(), coordinator, ref, kind,
                                     variant="standard")
        finally:
            set_language(demo_db, ref, "en")
        assert doc.language == "pl" and doc.template_name.endswith(".pl")
        words = pdf_text(doc.content)
        assert polish in words and "The outcome of your case" not in words
        # the filed copy reprints with its language known
        assert documents.reprint(demo_db.uow(), coordinator, doc.id).language == "pl"


def test_a_language_without_a_template_falls_back_to_english_and_says_so(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    ref = cases_by_kind[Kind.APPOINTMENT]
    set_language(demo_db, ref, "ro")
    try:
        doc = documents.preview(demo_db.uow(), coordinator, ref, Kind.APPOINTMENT)
    finally:
        set_language(demo_db, ref, "en")
    assert doc.language == "en"
    assert doc.language_note == ("There is no Romanian wording for this document yet, so it "
                                 "is printed in English.")
    assert "Your appointments" in pdf_text(doc.content)


def test_welsh_and_polish_templates_say_everything_the_english_one_does() -> None:
    for path in sorted(TEMPLATE_DIR.glob("*.*.json")):
        name, code = path.stem.split(".")
        if name == "words":  # the renderers' fixed words: test_fixed_words_...
            continue
        own = json.loads(path.read_text(encoding="utf-8"))
        base = json.loads((TEMPLATE_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert code in languages.BY_CODE and own["name"] == name
        assert set(own["variants"]) == set(base["variants"]), path.name
        for variant, sections in base["variants"].items():
            assert set(own["variants"][variant]) == set(sections), (path.name, variant)
            for key, lines in sections.items():
                if key != "title":
                    assert len(own["variants"][variant][key]) == len(lines), (path.name, key)
        assert set(own.get("labels", {})) == set(base.get("labels", {}))
    for kind in WELSH_KINDS:
        assert has_template(documents.TEMPLATES[kind] if hasattr(documents, "TEMPLATES")
                            else _template_of(kind), "cy")
    for name in ("outcome-participant", "appointment", "contract"):
        assert has_template(name, "pl")


def _template_of(kind: Kind) -> str:
    return {"summary": "case-summary", "summary-partner": "case-summary"}.get(kind.value,
                                                                              kind.value)


CAPITALISED_BLOCK = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")


def test_every_template_meets_clear_print_guidance() -> None:
    """No capitalised blocks and no markup for italics or underline in any wording, and the
    renderer prints body text at 12 pt or more (16 pt or more in large print), left-aligned,
    in upright fonts."""
    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        if path.name.startswith("words."):
            continue
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        for variant in data["variants"].values():
            for key, lines in variant.items():
                for line in [lines] if key == "title" else lines:
                    words = line["text"] if isinstance(line, dict) else line
                    assert not CAPITALISED_BLOCK.search(words), (path.name, words)
                    assert not re.search(r"</?(i|u|em)\b", words), (path.name, words)
    header = Header(Letterhead("Org", (), "", ""), "Title", "REF", printed_on=__import__(
        "datetime").date.today())
    for variant in BODY_SIZE:
        styles = _Probe(Header(**{**header.__dict__, "variant": variant})).styles
        assert styles["body"].fontSize >= (16 if variant == "large-print" else 12), variant
        for style in styles.values():
            assert style.alignment == 0, (variant, style.name)  # TA_LEFT
            assert "Oblique" not in style.fontName and "Italic" not in style.fontName


def test_printed_letters_use_only_upright_embedded_fonts(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    for kind, ref in cases_by_kind.items():
        for variant in BODY_SIZE:
            doc = documents.preview(demo_db.uow(), coordinator, ref, kind, variant=variant,
                                    language="cy")
            fonts: set[str] = set()
            for page in PdfReader(io.BytesIO(doc.content)).pages:
                for font in page["/Resources"]["/Font"].values():
                    fonts.add(str(font.get_object()["/BaseFont"]))
            assert fonts and not any("Oblique" in f or "Italic" in f for f in fonts), fonts


class _Probe(BaseRenderer):
    def story(self) -> list:  # type: ignore[type-arg]
        return []


VALUES = {"participant": "A", "crime_reference": "B", "outcome": "C", "scheme": "S",
          "org_name": "O", "org_phone": "P", "reference": "R", "worker": "W", "name": "N"}


def test_welsh_wording_is_each_section_in_welsh_then_in_english() -> None:
    en = wording("outcome-officer", "standard", {"completed"}, VALUES)
    cy = wording("outcome-officer", "standard", {"completed"}, VALUES, language="cy")
    (body,) = cy.sections.values()
    assert body[len(body) // 2:] == en.section("body")
    assert body[0].startswith("Diolch am atgyfeirio A i S")
    assert cy.name == "outcome-officer.cy" and cy.version == "1.1+1.1"


def test_wording_of_an_unknown_language_is_english_with_a_note() -> None:
    w = wording("outcome-officer", "standard", {"completed"}, VALUES, language="ro")
    assert w.language == "en" and w.note is not None and "Romanian" in w.note


#: Fixed words of the renderers that must not be left in English in a reader's language.
ENGLISH_WORDS = ("Signed", "Telephone", "Our reference", "Your conditions", "Contract starts",
                 "Yours sincerely", "Total so far", "to be confirmed", "Disclosed to",
                 "Lawful basis", "law enforcement purposes")


def test_a_polish_letter_has_polish_dates_and_no_english_around_the_wording(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    """The renderer's own words (signature lines, page numbers, table headings, "Dear") and
    every date are Polish too: "Podpis", "Strona 1 z 2", "1 grudnia 2026"."""
    for kind in (Kind.CONTRACT, Kind.APPOINTMENT, Kind.OUTCOME_PARTICIPANT):
        ref = cases_by_kind[kind]
        set_language(demo_db, ref, "pl")
        try:
            doc = documents.preview(demo_db.uow(), coordinator, ref, kind)
        finally:
            set_language(demo_db, ref, "en")
        words = pdf_text(doc.content)
        assert doc.language == "pl"
        assert "Strona 1 z " in words and "Page 1 of" not in words, kind
        if kind is not Kind.CONTRACT:  # a letter is dated
            assert day_in(date.today(), "pl") in words, kind
        assert date.today().strftime("%B") not in words, kind
        assert not [w for w in ENGLISH_WORDS if w in words], kind
        if kind is Kind.CONTRACT:
            contract = casefile.get_case(demo_db.uow(), coordinator, ref,
                                         audit_view=False).contract
            assert contract is not None
            assert f"Początek umowy {day_in(contract.start_date, 'pl')}" in words
            assert "Podpis ____" in words
        if kind is Kind.APPOINTMENT:
            assert "o godz." in words and "Szanowna Pani" in words


def test_a_welsh_letter_has_its_fixed_words_and_dates_in_welsh_and_english(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    ref = cases_by_kind[Kind.CONTRACT]
    doc = documents.preview(demo_db.uow(), coordinator, ref, Kind.CONTRACT, language="cy")
    words = pdf_text(doc.content)
    contract = casefile.get_case(demo_db.uow(), coordinator, ref, audit_view=False).contract
    assert contract is not None
    start = contract.start_date
    assert "Llofnod / Signed" in words and "Tudalen 1 o " in words
    assert "Eich amodau / Your conditions" in words
    # the Welsh wording has the day in Welsh, the English wording the same day in English
    welsh_day, english_day = day_in(start, "cy"), day_in(start, "en")
    assert welsh_day != english_day
    assert words.index(welsh_day) < words.rindex(english_day)


def test_fixed_words_are_translated_alike_in_every_language() -> None:
    """Each language's words file translates the same words, keeps each {field}, and reads."""
    files = {p.stem.split(".")[1]: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(TEMPLATE_DIR.glob("words.*.json"))}
    assert {"cy", "pl"} <= set(files)
    keys = {code: set(data["words"]) for code, data in files.items()}
    assert len({frozenset(k) for k in keys.values()}) == 1, keys
    for code, data in files.items():
        for english, own in data["words"].items():
            assert own.strip() and re.findall(r"{\w+}", own) == re.findall(r"{\w+}", english), \
                (code, english)
    assert dict(fixed_words("cy"))["Signed"] == "Llofnod / Signed"
    assert dict(fixed_words("pl"))["Signed"] == "Podpis"
    assert fixed_words("ro") == () and fixed_words("en") == ()


def test_a_welsh_harmed_party_letter_names_the_matter_in_welsh_then_in_english(
        demo_db: Database, coordinator: Actor, cases_by_kind: dict[Kind, str]) -> None:
    """The phrase naming what was reported is Welsh in the Welsh wording ("y digwyddiad (...)
    ar 3 Tachwedd 2026") and English in the English ("the ... on 3 November 2026")."""
    ref = cases_by_kind[Kind.OUTCOME_HARMED]
    detail = casefile.get_case(demo_db.uow(), coordinator, ref, audit_view=False)
    doc = documents.preview(demo_db.uow(), coordinator, ref, Kind.OUTCOME_HARMED,
                            language="cy")
    words = " ".join(pdf_text(doc.content).split())
    if detail.restricted or not detail.offence:
        welsh, english = "y mater y rhoesoch wybod amdano", "the matter you reported"
    else:
        what = detail.offence[0].lower() + detail.offence[1:]
        welsh, english = f"y digwyddiad ({what})", f"about the {what}"
        if detail.offence_date:
            welsh += f" ar {day_in(detail.offence_date, 'cy')}"
            english += f" on {day_in(detail.offence_date, 'en')}"
    assert f"wybod am {welsh}" in words
    assert english in words
    assert words.index(welsh) < words.index(english)
