"""A letter built with bare reportlab: the limit the app's letter renderer is measured against.

It prints the same content as the app's letter (letterhead, date, address, title, salutation,
wording with headings and bullets, facts, table, sign-off, footer) in the same embedded fonts, with
none of the app's layers: no base renderer, no variants, no two-pass "Page x of y" canvas.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from app.reports.base import FONT, FONT_BOLD, register_fonts
from app.reports.letters import LetterData


def bare_letter(d: LetterData) -> bytes:
    register_fonts()
    body = ParagraphStyle("b", fontName=FONT, fontSize=11, leading=14.3, spaceAfter=6.6)
    bold = ParagraphStyle("t", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21)
    h2 = ParagraphStyle("h", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16)
    story: list[Any] = [Spacer(1, 26 * mm), Paragraph(escape(str(d.header.printed_on)), body),
                        Paragraph("<br/>".join(escape(x) for x in (d.addressee,
                                                                   *d.addressee_lines)), body),
                        Spacer(1, 11), Paragraph(escape(d.header.title), bold),
                        Paragraph(escape(d.salutation), body)]
    for line in (*d.body, *d.closing):
        if line.startswith("# "):
            story.append(Paragraph(escape(line[2:]), h2))
        elif line.startswith("* "):
            story.append(Paragraph(escape(line[2:]), body, bulletText="•"))
        else:
            story.append(Paragraph(escape(line), body))
    if d.facts:
        story.append(Table([[Paragraph(escape(k), body), Paragraph(escape(v), body)]
                            for k, v in d.facts]))
    if d.table_rows:
        story.append(Table([[Paragraph(escape(c), body) for c in row]
                            for row in (d.table_head, *d.table_rows)]))
    story += [Paragraph(escape(d.sign_off + ","), body), Spacer(1, 20),
              Paragraph(escape(d.signatory), body), Paragraph(escape(d.signatory_role), body)]
    head = d.header.letterhead

    def first(canvas: Any, _doc: Any) -> None:
        canvas.setFont(FONT_BOLD, 14)
        canvas.drawString(22 * mm, A4[1] - 20 * mm, head.name)
        canvas.setFont(FONT, 9)
        for n, line in enumerate((*head.address, head.phone, head.email)):
            canvas.drawString(22 * mm, A4[1] - (26 + 4 * n) * mm, line)
        canvas.drawString(22 * mm, 12 * mm, f"{d.header.reference}  Page {canvas.getPageNumber()}")

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                      topMargin=20 * mm, bottomMargin=22 * mm).build(
        story, onFirstPage=first, onLaterPages=first)
    return buf.getvalue()
