"""Writing CSV files that are safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (also after
leading spaces) is run as a formula by Excel, LibreOffice and Sheets; text typed by a user or a
member of the public (a name, a note) could then fetch a URL or run a command on the reader's
machine. Every CSV export goes through ``safe_cell``, which prefixes such text with an
apostrophe so it shows as the text it is. Numbers, dates and booleans are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The text a CSV cell should hold for ``value``, neutralised if a spreadsheet would run it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_TRIGGERS) or text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The whole CSV document as text (header row first, CRLF line ends, every cell safe)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV file whole or not at all; returns the number of data rows."""
    from app.services.files import write_file

    materialised = [list(r) for r in rows]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # utf-8 with a byte-order mark, so a spreadsheet reads accented names correctly; written
    # whole, private to the user, never through a link (app.services.files)
    write_file(path, csv_text(header, materialised).encode("utf-8-sig"))
    return len(materialised)
