"""User text is text, never markup: whatever a name or note holds, the PDF builds, prints it
verbatim, and holds no image. Renderers are fed directly (they take plain data)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.reports.base import Header, Letterhead
from app.reports.contract import ConditionLine, ContractData, ContractRenderer, HoursLine
from app.reports.letters import LetterData, ParticipantOutcomeRenderer
from tests.reports.conftest import image_count, pdf_text, squash

SNIPPETS = ["<", "&", ">", "<img src=x>", '<img src="/etc/passwd"/>', "<font size=40>",
            "</para>", "<b>", "&amp;", "&#169;", "<br/>", "<a href='x'>", '"', "'"]
LETTERS = "abcXYZ ŵŷŴłśżŁșțȘşğıİễựộéüñ-"
words = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(LETTERS, min_size=1, max_size=8)),
                 min_size=1, max_size=5).map("".join).filter(lambda s: bool(s.strip()))

#: An image XObject (the /ImageB in /ProcSet is only a capability name).
IMAGE = re.compile(rb"/Subtype\s*/Image")

LETTERHEAD = Letterhead("Pathways Partnership", ("Town Hall",), "01325 000000", "p@example.org")


def _header(variant: str) -> Header:
    return Header(LETTERHEAD, "Test letter", "CP-2026-0001", date(2026, 5, 1), variant)


@settings(max_examples=25, deadline=None)
@given(name=words, note=words, variant=st.sampled_from(["standard", "easy-read", "large-print"]))
def test_letter_prints_hostile_text_verbatim(name: str, note: str, variant: str) -> None:
    data = LetterData(_header(variant), name, (note, "DL1 1AA"), f"Dear {name}", (note,),
                      facts=(("Name", name), ("Note", note)), table_title=note,
                      table_head=("Date", "What"), table_rows=(("1 May", note),),
                      table_widths=(0.3, 0.7), signatory=name)
    content = ParticipantOutcomeRenderer(data).render()
    assert content.startswith(b"%PDF")
    text = squash(pdf_text(content))
    assert squash(name) in text and squash(note) in text
    assert squash(f"Dear {name}") in text
    assert image_count(content) == 0 and not IMAGE.search(content)


@settings(max_examples=25, deadline=None)
@given(name=words, task=words)
def test_contract_prints_hostile_text_verbatim(name: str, task: str) -> None:
    data = ContractData(
        _header("standard"), name, "Priya Lawson", date(2026, 1, 5), date(2026, 5, 5),
        (ConditionLine(1, "Do not commit any offence", task),), 18,
        (HoursLine(date(2026, 1, 9), task, Decimal("4.5")),), (f"Between {name}",), (),
        ("# What happens if you break this contract",), ())
    content = ContractRenderer(data).render()
    text = squash(pdf_text(content))
    assert squash(name) in text and squash(task) in text and "4.5of18" in text
    assert image_count(content) == 0 and not IMAGE.search(content)


def test_shipped_fonts_have_a_glyph_for_every_letter_of_these_names() -> None:
    """Extraction alone would not notice a missing glyph printed as a box; the font must have
    the letters themselves."""
    from reportlab.pdfbase.ttfonts import TTFont

    from app.reports.base import FONT_DIR

    letters = "ŵŷŴŶâêîôûŷ" "łśżźćńąęŁŚŻ" "șțăîâȘȚ" "şğıİçöüŞĞ" "ễựọũđĐơưạẩ"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        face = TTFont("probe", str(FONT_DIR / name)).face
        assert [c for c in letters if ord(c) not in face.charToGlyph] == [], name
