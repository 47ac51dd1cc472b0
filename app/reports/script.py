"""Text as it is printed: a font for every character, Arabic script joined and in reading order.

reportlab draws the characters of a string left to right, one glyph each, in the order given. Left
alone, an Arabic or Urdu name would print as unjoined letters running backwards, and a character
the font lacks as an empty box. So before user text reaches a page:

* every character gets a font that has it: DejaVu Sans for Latin, Greek, Cyrillic, Hebrew and
  symbols; Noto Sans Arabic for the Arabic script; anything neither covers (CJK, emoji...) is
  printed as U+FFFD, the visible replacement mark, never as a box;
* Arabic-script words are joined with arabic-reshaper (presentation forms, which both fonts carry)
  and each *line* is put in display order with python-bidi (the Unicode bidirectional
  algorithm). Lines are broken first, in reading order, then each is reordered: reordering a
  whole paragraph before it wraps would put its end on the first line.

The PDF keeps the text in display order, as every PDF does; readers (poppler, pypdf) turn
right-to-left runs back into reading order when they extract it.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, cast
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.config import RESOURCES

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ARABIC = "NotoSansArabic"
ARABIC_BOLD = "NotoSansArabic-Bold"
FONT_DIR = RESOURCES / "fonts"
#: Printed for a character no embedded font has: visible, and found by text extraction.
REPLACEMENT = "\ufffd"

_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
          ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf"}

#: The Arabic script's blocks (Arabic, Supplement, Extended-A, Presentation Forms A and B).
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))

# Harakat are kept, and placed after their letter so they sit on it once the line is reversed;
# word ligatures (e.g. the one for "Allah") would change how a name is spelt, so they are off.
_RESHAPER = ArabicReshaper(configuration={
    "delete_harakat": False, "shift_harakat_position": True, "ARABIC LIGATURE ALLAH": False})
#: Reshaping reads its settings on every call; the same words recur in every table row.
_reshape = lru_cache(maxsize=50_000)(_RESHAPER.reshape)


_REGISTERING = threading.Lock()


def register_fonts() -> None:
    """Register the embedded fonts once; reportlab embeds a subset of each font used. Locked,
    as the window parses them on a background thread while a first PDF may already want them
    (see :func:`warm_up`)."""
    with _REGISTERING:
        if ARABIC_BOLD in pdfmetrics.getRegisteredFontNames():
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                      boldItalic=FONT_BOLD)
        pdfmetrics.registerFontFamily(ARABIC, normal=ARABIC, bold=ARABIC_BOLD, italic=ARABIC,
                                      boldItalic=ARABIC_BOLD)


def warm_up() -> None:
    """Parse the fonts and their character tables ahead of the first PDF, so the first
    letter or report a user asks for does not wait for it."""
    register_fonts()
    for font in (FONT, FONT_BOLD):
        _plain(font)


@cache
def _covered(font: str) -> frozenset[int]:
    register_fonts()
    face: Any = cast(TTFont, pdfmetrics.getFont(font)).face
    return frozenset(face.charToGlyph)


@cache
def _plain(font: str) -> frozenset[str]:
    """The characters ``font`` prints itself that need no other font or replacement: most
    text is only these, and is then one run without a look at each character."""
    return frozenset({"\n"} | {chr(o) for o in _covered(font)
                               if o <= 0xFFFF and not is_arabic(chr(o))})


def is_arabic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _ARABIC_BLOCKS)


def has_rtl(text: str) -> bool:
    """Whether any character is written right to left (Hebrew, Arabic, Syriac...)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def base_direction(text: str) -> str:
    """'R' when the first letter with a direction is right-to-left, else 'L' (UBA rule P2)."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"


def printable(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` as (font, run) pairs: each character in a font that has it, U+FFFD for one that
    none has; tabs become spaces and invisible controls no font draws are dropped."""
    main, arabic = (FONT_BOLD, ARABIC_BOLD) if bold else (FONT, ARABIC)
    text = text.replace("\t", " ")
    if text and _plain(main).issuperset(text):
        return [(main, text)]
    runs: list[tuple[str, str]] = []
    for ch in text:
        o = ord(ch)
        if ch == "\n":
            font = main
        elif o > 0xFFFF:
            # reportlab writes such a character's text mapping in a form readers cannot parse
            # (five hex digits, not a UTF-16 pair): printed as the replacement, it stays findable
            font, ch = main, REPLACEMENT
        elif is_arabic(ch) and o in _covered(arabic):
            font = arabic
        elif o in _covered(main):
            font = main
        elif o in _covered(arabic):
            font = arabic
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            continue  # invisible (a direction mark, a zero-width joiner): nothing to print
        else:
            font, ch = main, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def esc(text: str) -> str:
    """Text made inert for Paragraph markup (``<``, ``>``, ``&`` and quotes)."""
    return escape(text, {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, each run in the font that has it."""
    main = FONT_BOLD if bold else FONT
    return "".join(esc(run) if font == main else f'<font face="{font}">{esc(run)}</font>'
                   for font, run in printable(text, bold))


def visual(line: str, base: str | None = None) -> str:
    """One line in display order, Arabic letters joined (for text with no right-to-left
    characters this is the line itself)."""
    if not has_rtl(line):
        return line
    return str(get_display(_reshape(line), base_dir=base or base_direction(line)))


def width(text: str, size: float, bold: bool = False) -> float:
    """Printed width of ``text`` (already joined) at ``size`` in the fonts it will use."""
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in printable(text, bold))


@lru_cache(maxsize=50_000)
def _shaped_width(word: str, size: float, bold: bool) -> float:
    return width(_reshape(word) if has_rtl(word) else word, size, bold)


def break_lines(text: str, avail: float, size: float, bold: bool = False,
                first_indent: float = 0.0) -> list[str]:
    """Lines in reading order, each at most ``avail`` wide once joined; a word wider than a line
    is cut between letters. ``first_indent`` is room already taken on the first line."""
    space = width(" ", size, bold)
    lines: list[str] = []
    taken = first_indent
    for source in text.split("\n"):
        current: list[str] = []
        used = taken
        for word in source.split():
            for piece in _pieces(word, avail, size, bold):
                w = _shaped_width(piece, size, bold)
                if current and used + space + w > avail:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                used += (space if current else 0.0) + w
                current.append(piece)
        lines.append(" ".join(current))
        taken = 0.0
    return lines


def _pieces(word: str, avail: float, size: float, bold: bool) -> list[str]:
    if _shaped_width(word, size, bold) <= avail:
        return [word]
    out: list[str] = []
    piece = ""
    for ch in word:
        if piece and _shaped_width(piece + ch, size, bold) > avail:
            out.append(piece)
            piece = ""
        piece += ch
    return [*out, piece] if piece else out


class BidiParagraph(Flowable):
    """A paragraph holding right-to-left text. Lines are broken for the width the frame or table
    cell offers, each reordered for display, then laid out (and split across pages) by an
    ordinary Paragraph. A right-to-left paragraph is right-aligned. ``prefix`` is a bold label in
    English printed before the text (``Name: ...``)."""

    def __init__(self, text: str, style: ParagraphStyle, prefix: str = "", *,
                 align_rtl: bool = True) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.prefix = prefix
        self.align_rtl = align_rtl
        self._inner: Paragraph | None = None
        #: laid-out paragraphs by width: a table measures a cell more than once
        self._by_width: dict[float, Paragraph] = {}

    def _paragraph(self, avail: float) -> Paragraph:
        key = round(avail, 2)
        if key not in self._by_width:
            st = self.style
            bold = st.fontName in (FONT_BOLD, ARABIC_BOLD)
            room = max(avail - st.leftIndent - st.rightIndent - 1.0, st.fontSize * 2)
            base = "L" if self.prefix else base_direction(self.text)
            lead = (width(self.prefix + " ", st.fontSize, True) if self.prefix else 0.0) \
                + max(st.firstLineIndent, 0)
            lines = [markup(visual(line, base), bold)
                     for line in break_lines(self.text, room, st.fontSize, bold, lead)]
            if self.prefix:
                lines[0] = f"<b>{markup(self.prefix, True)}</b> {lines[0]}"
            style = st
            if base == "R" and self.align_rtl and st.alignment != TA_CENTER:
                style = ParagraphStyle(f"{st.name}-rtl", parent=st, alignment=TA_RIGHT)
            self._by_width[key] = Paragraph("<br/>".join(lines), style)
        self._inner = self._by_width[key]
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self._paragraph(availWidth).wrap(availWidth, availHeight)
        self.width, self.height = w, h
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = list(self._paragraph(availWidth).split(availWidth, availHeight))
        if len(parts) == 1:
            # reportlab's "it all fits here" is one part; a table splitting a row across pages
            # takes two from anything without Paragraph's own split helper: the whole, then
            # nothing (an IndexError in reportlab's tables otherwise)
            parts.append(Spacer(0, 0))
        return parts

    def draw(self) -> None:
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def minWidth(self) -> float:
        return float(self.style.fontSize * 2)


def paragraph(text: str, style: ParagraphStyle, prefix: str = "", *,
              align_rtl: bool = True) -> Flowable:
    """User text as a flowable: a plain Paragraph, or a BidiParagraph when it holds
    right-to-left characters. ``prefix`` is an English label printed in bold before it;
    ``align_rtl`` False keeps a right-to-left line on the style's side (an address block)."""
    if has_rtl(text):
        return BidiParagraph(text, style, prefix, align_rtl=align_rtl)
    bold = style.fontName in (FONT_BOLD, ARABIC_BOLD)
    head = f"<b>{markup(prefix, True)}</b> " if prefix else ""
    return Paragraph(head + markup(text, bold), style)


def draw_line(canvas: Canvas, x: float, y: float, text: str, size: float, *,
              bold: bool = False, anchor: str = "start", max_width: float | None = None) -> None:
    """One line of user text drawn straight on the page (letterhead, running header): fonts per
    character, display order, cut with an ellipsis past ``max_width``."""
    line = visual(" ".join(text.split()))
    if max_width is not None and width(line, size, bold) > max_width:
        # cut in reading order, so what is kept is the start of the text
        logical = " ".join(text.split())[:400]
        while logical and width(visual(logical + "…"), size, bold) > max_width:
            logical = logical[:-1]
        line = visual(logical.rstrip() + "…")
    runs: Sequence[tuple[str, str]] = printable(line, bold)
    total = sum(pdfmetrics.stringWidth(r, f, size) for f, r in runs)
    if anchor == "end":
        x -= total
    for font, run in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


def chart_label(text: str, limit: int = 40) -> str:
    """A chart label in display order, at most ``limit`` characters, in characters DejaVu Sans
    has (a chart draws all its labels in one font), U+FFFD for the rest."""
    short = text if len(text) <= limit else text[:limit - 1] + "…"
    shown = visual(short)
    covered = _covered(FONT)
    return "".join(c if ord(c) in covered else REPLACEMENT for c in shown
                   if unicodedata.category(c) not in ("Cc", "Cf"))
