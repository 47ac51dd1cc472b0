"""The base renderer: page geometry, fonts, styles, letterhead, header/footer and "Page x of y".

Each document kind subclasses :class:`BaseRenderer` and overrides :meth:`story`. All user text goes
through :func:`app.reports.script.paragraph` (or :func:`esc`) before it reaches a ``Paragraph``,
whose markup would otherwise obey a name like ``<font size=40>`` or ``<img src=x>``; that also
gives each character a font that has it and prints right-to-left text in display order.

Nothing a user can type stops a document: tables split inside a row as well as between rows, so
a 20,000-character note in a cell runs on over as many pages as it needs.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from babel.core import UnknownLocaleError
from babel.dates import format_date as _cldr_date
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.reports.script import (
    FONT,
    FONT_BOLD,
    FONT_DIR,
    draw_line,
    paragraph,
    register_fonts,
)
from app.reports.script import esc as _esc

__all__ = ["FONT", "FONT_BOLD", "FONT_DIR", "BaseRenderer", "Header",
           "Letterhead", "day_in", "esc", "fmt_date", "fmt_hours", "register_fonts"]

LOGO_BOX = 18 * mm

#: Body text size per variant: RNIB asks for at least 16 pt for large print; easy-read is
#: bigger than standard with more space between lines.
BODY_SIZE = {"standard": 12.0, "easy-read": 14.0, "large-print": 16.0}
VARIANTS = tuple(BODY_SIZE)


def esc(text: object) -> str:
    """User text made inert for Paragraph markup (``<``, ``>``, ``&`` and quotes)."""
    return _esc(str(text))


def fmt_date(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "-"


def day_in(d: date | None, language: str = "en") -> str:
    """A day as a reader of ``language`` writes it, from the CLDR data Babel carries:
    "1 December 2026", "1 Rhagfyr 2026", "1 grudnia 2026" (the month in the genitive, as
    Polish has it). A language CLDR does not know is written in English."""
    if d is None:
        return "-"
    if language == "en":
        return fmt_date(d)
    try:
        return str(_cldr_date(d, "d MMMM y", locale=language))
    except (UnknownLocaleError, ValueError):
        return fmt_date(d)


def fmt_hours(h: Decimal | int | None) -> str:
    """Hours as people write them: 9, 4.5 (never 9.00 or 2E+1)."""
    return f"{Decimal(h or 0).normalize():f}"


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: tuple[str, ...]
    phone: str
    email: str
    #: PNG or JPEG bytes of the organisation's logo, printed left of its name.
    logo: bytes | None = None


@dataclass(frozen=True)
class Header:
    """What every document carries: who prints it, what it is, for which case, in which form."""

    letterhead: Letterhead
    title: str
    reference: str
    printed_on: date
    variant: str = "standard"
    template_version: str = ""
    #: ISO 639 code the document is written in: its dates are written that way.
    language: str = "en"
    #: The renderer's own fixed words in that language (English text -> the reader's), from
    #: resources/templates/words.CODE.json; a word not listed prints in English.
    words: tuple[tuple[str, str], ...] = ()
    #: To whom it is disclosed and why (DPA 2018 s.62), printed under the footer; "" for none.
    disclosure: str = ""


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "Page x of y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        # reportlab's own page reset; the stubs leave out this private method
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.draw_footer(total)
            super().showPage()
        super().save()

    def draw_footer(self, total: int) -> None:
        """Drawn on every page once the total is known; ``render`` supplies the real one."""


class BaseRenderer(ABC):
    """Owns the page and the look; subclasses say what goes on it (``story``)."""

    page_size: ClassVar[tuple[float, float]] = A4
    margin_left: ClassVar[float] = 22 * mm
    margin_right: ClassVar[float] = 22 * mm
    margin_top: ClassVar[float] = 20 * mm
    margin_bottom: ClassVar[float] = 22 * mm
    #: Space the letterhead takes on the first page.
    letterhead_height: ClassVar[float] = 26 * mm
    accent: ClassVar[colors.Color] = colors.HexColor("#1f4e79")

    def __init__(self, header: Header) -> None:
        register_fonts()
        self.header = header
        self._words = dict(header.words)
        size = BODY_SIZE.get(header.variant, BODY_SIZE["standard"])
        easy = header.variant == "easy-read"
        lead = size * (1.55 if easy else 1.3)
        self.size = size
        self.styles: dict[str, ParagraphStyle] = {
            "body": ParagraphStyle("body", fontName=FONT, fontSize=size, leading=lead,
                                   spaceAfter=size * (0.9 if easy else 0.6)),
            "small": ParagraphStyle("small", fontName=FONT, fontSize=max(8.5, size - 2),
                                    leading=max(8.5, size - 2) * 1.3),
            "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=size + 6,
                                    leading=(size + 6) * 1.25, spaceAfter=size * 0.8,
                                    textColor=self.accent),
            "h2": ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=size + 2,
                                 leading=(size + 2) * 1.3, spaceBefore=size * 0.8,
                                 spaceAfter=size * 0.4, textColor=self.accent),
            "cell": ParagraphStyle("cell", fontName=FONT, fontSize=size - 1 if size > 11
                                   else size - 0.5, leading=(size - 0.5) * 1.25),
            "cellb": ParagraphStyle("cellb", fontName=FONT_BOLD, fontSize=size - 1 if size > 11
                                    else size - 0.5, leading=(size - 0.5) * 1.25),
            "address": ParagraphStyle("address", fontName=FONT, fontSize=size, leading=lead),
        }

    # ------------------------------------------------------------ geometry

    @property
    def frame_width(self) -> float:
        """Usable text width: the frame keeps 6 pt padding each side."""
        return self.page_size[0] - self.margin_left - self.margin_right - 12

    # ------------------------------------------------------------ helpers for stories

    def w(self, text: str) -> str:
        """One of the renderer's fixed words ("Signed", "Page {page} of {total}") in the
        document's language."""
        return self._words.get(text, text)

    def day(self, d: date | None) -> str:
        """A day as the document's reader writes it."""
        return day_in(d, self.header.language)

    def para(self, text: object, style: str = "body") -> Flowable:
        """A paragraph of user (or template) text: always escaped."""
        return paragraph(str(text), self.styles[style])

    def labelled(self, label: str, value: object, style: str = "body") -> Flowable:
        """``Label: value`` with the label in bold; both escaped."""
        return paragraph(str(value), self.styles[style], prefix=f"{label}:")

    def heading(self, text: object) -> list[Flowable]:
        """A section heading. It never ends a page: with less than a few lines left the section
        starts on the next one. (Keep-with-next would move a whole long table after it, and
        push it past a page it cannot fit on, leaving the page before it blank.)"""
        return [CondPageBreak(self.size * 7), paragraph(str(text), self.styles["h2"])]

    def bullets(self, items: Sequence[object]) -> ListFlowable:
        entries: list[Any] = [ListItem(self.para(i), leftIndent=self.size * 1.4, value="•")
                              for i in items]
        return ListFlowable(
            entries,
            bulletType="bullet", start="•", bulletFontName=FONT, bulletFontSize=self.size,
            leftIndent=self.size * 1.4)

    def table(self, head: Sequence[str], rows: Sequence[Sequence[object]],
              widths: Sequence[float]) -> Table:
        """A ruled table; ``widths`` are fractions of the text width. Cells wrap."""
        data = [[paragraph(str(h), self.styles["cellb"]) for h in head]]
        data += [[paragraph(str(c), self.styles["cell"]) for c in row] for row in rows]
        t = Table(data, colWidths=[w * self.frame_width for w in widths], repeatRows=1,
                  splitInRow=1)
        t.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b4")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Table sets unembedded Helvetica
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return t

    def facts(self, pairs: Sequence[tuple[str, str]],
              widths: Sequence[float] = (0.32, 0.68)) -> Table:
        """Label and value rows, labels in bold, no header row."""
        data = [[paragraph(str(k), self.styles["cellb"]), paragraph(str(v), self.styles["cell"])]
                for k, v in pairs]
        t = Table(data, colWidths=[w * self.frame_width for w in widths], splitInRow=1)
        t.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c5ced8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Table sets unembedded Helvetica
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return t

    def wording(self, lines: Sequence[str]) -> list[Flowable]:
        """Template text: ``# `` starts a heading, ``* `` a bullet, anything else a paragraph."""
        out: list[Flowable] = []
        pending: list[str] = []
        for line in [*lines, ""]:
            if line.startswith("* "):
                pending.append(line[2:])
                continue
            if pending:
                out.append(self.bullets(pending))
                pending = []
            if line.startswith("# "):
                out += self.heading(line[2:])
            elif line:
                out.append(self.para(line))
        return out

    def signature_lines(self, names: Sequence[tuple[str, str]]) -> list[Flowable]:
        """One block per signer: role and name, then lines to sign and date."""
        blocks: list[Flowable] = []
        line = "_" * 34
        for role, name in names:
            rows: list[list[Any]] = [
                [paragraph(name, self.styles["body"], prefix=f"{role}:")],
                [paragraph(f"{self.w('Signed')} {line}", self.styles["body"])],
                [paragraph(f"{self.w('Date')} {'_' * 14}", self.styles["body"])]]
            t = Table(rows, colWidths=[self.frame_width], splitInRow=1)
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("FONTNAME", (0, 0), (-1, -1), FONT),
                                   ("TOPPADDING", (0, 1), (-1, -1), self.size * 0.9)]))
            blocks += [KeepTogether([t]), Spacer(1, self.size)]
        return blocks

    def address_block(self, name: str, lines: Sequence[str]) -> list[Flowable]:
        """The addressee's own name and address, and today's date (left-aligned like every
        line: clear-print guidance asks for one left margin)."""
        out: list[Flowable] = [Paragraph(esc(self.day(self.header.printed_on)),
                                         self.styles["body"])]
        out += [paragraph(x, self.styles["address"], align_rtl=False) for x in (name, *lines)]
        out.append(Spacer(1, self.size))
        return out

    # ------------------------------------------------------------ the page

    @abstractmethod
    def story(self) -> list[Flowable]:
        """The document's content, top to bottom; each kind of document writes its own."""

    def _first_page(self, canvas: Canvas, doc: Any) -> None:
        h = self.header.letterhead
        width, height = self.page_size
        top = height - self.margin_top
        canvas.saveState()
        left = self.margin_left
        if h.logo:
            left += self._draw_logo(canvas, h.logo, self.margin_left, top) + 4 * mm
        right = width - self.margin_right
        # the address runs down the left, the contact lines down the right: each keeps its side
        side = (right - left) * 0.55
        canvas.setFillColor(self.accent)
        draw_line(canvas, left, top - 12, h.name, 15, bold=True, max_width=right - left)
        canvas.setFillColor(colors.black)
        y = top - 24
        for line in h.address:
            draw_line(canvas, left, y, line, 8.5, max_width=side)
            y -= 10.5
        rest = right - left - side - 4 * mm
        for y, line in ((top - 24, f"{self.w('Telephone')} {h.phone}"), (top - 34.5, h.email),
                        (top - 45, f"{self.w('Our reference')} {self.header.reference}")):
            draw_line(canvas, right, y, line, 8.5, anchor="end", max_width=rest)
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2)
        canvas.line(self.margin_left, top - self.letterhead_height + 4, right,
                    top - self.letterhead_height + 4)
        canvas.restoreState()

    @staticmethod
    def _draw_logo(canvas: Canvas, logo: bytes, x: float, top: float) -> float:
        """Fit the logo in an 18 mm square at the top left; return the width it took."""
        image = ImageReader(io.BytesIO(logo))
        w, h = image.getSize()
        box = LOGO_BOX
        scale = min(box / w, box / h)
        canvas.drawImage(image, x, top - h * scale, w * scale, h * scale, mask="auto")
        return float(w * scale)

    def _later_page(self, canvas: Canvas, doc: Any) -> None:
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#444444"))
        y = height - self.margin_top + 6 * mm
        span = width - self.margin_left - self.margin_right
        draw_line(canvas, self.margin_left, y, self.header.letterhead.name, 8.5,
                  max_width=span * 0.6)
        draw_line(canvas, width - self.margin_right, y, self.header.reference, 8.5,
                  anchor="end", max_width=span * 0.35)
        canvas.restoreState()

    def _footer(self, canvas: Canvas, total: int) -> None:
        width, _ = self.page_size
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#444444"))
        y = self.margin_bottom - 10 * mm
        span = width - self.margin_left - self.margin_right
        draw_line(canvas, self.margin_left, y, f"{self.header.title} · {self.header.reference}",
                  8.5, max_width=span * 0.72)
        draw_line(canvas, width - self.margin_right, y,
                  self.w("Page {page} of {total}").format(page=canvas.getPageNumber(),
                                                          total=total), 8.5, anchor="end")
        if self.header.disclosure:
            draw_line(canvas, self.margin_left, y - 4 * mm, self.header.disclosure, 7.5,
                      max_width=span)
        canvas.restoreState()

    def render(self) -> bytes:
        """The finished PDF. Output is byte-for-byte repeatable for the same data (``invariant``),
        so a preview and the filed copy of the same document hash alike."""
        buf = io.BytesIO()
        h = self.header
        doc = SimpleDocTemplate(
            buf, pagesize=self.page_size, leftMargin=self.margin_left,
            rightMargin=self.margin_right, topMargin=self.margin_top,
            bottomMargin=self.margin_bottom, title=h.title, author=h.letterhead.name,
            subject=f"{h.title} {h.reference}", creator="Pathways", invariant=1,
            # reportlab otherwise opens every page in Helvetica, a font it never embeds
            initialFontName=FONT,
        )
        renderer = self

        class Canvas_(_NumberedCanvas):
            def draw_footer(self, total: int) -> None:
                renderer._footer(self, total)

        story: list[Flowable] = [Spacer(1, self.letterhead_height), *self.story()]
        doc.build(story, onFirstPage=self._first_page, onLaterPages=self._later_page,
                  canvasmaker=Canvas_)
        return buf.getvalue()
