"""CSV cells a spreadsheet would run as a formula are neutralised, whatever the export."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.export import FORMULA_TRIGGERS, csv_text, safe_cell, write_csv

DANGEROUS = ["=1+1", "+44 7700 900123", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd",
             "   =HYPERLINK(\"http://example.org\")", " +x", "  @x", " \t-x",
             '=cmd|" /C calc"!A0']


@pytest.mark.parametrize("cell", DANGEROUS)
def test_a_cell_a_spreadsheet_would_run_is_shown_as_text(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("value, shown", [
    ("Jordan Avery", "Jordan Avery"), ("O'Neill", "O'Neill"), ("a=b", "a=b"),
    ("Smith-Jones", "Smith-Jones"), ("", ""), (None, ""), (-3, "-3"),
    (Decimal("-1.50"), "-1.50"), (date(2026, 3, 1), "2026-03-01"), (True, "yes")])
def test_ordinary_values_are_left_alone(value: object, shown: str) -> None:
    assert safe_cell(value) == shown


@given(st.text())
def test_no_written_cell_starts_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.lstrip(" ").startswith(FORMULA_TRIGGERS)
    assert cell in (text, "'" + text)


def test_write_csv_reads_back_with_every_cell_safe(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    n = write_csv(out, ["name", "note"], [["=EVIL()", " -1+2"], ["Ana", "fine"]])
    assert n == 2
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["name", "note"], ["'=EVIL()", "' -1+2"], ["Ana", "fine"]]
    assert not list(tmp_path.glob("*.part"))
    assert csv_text(["h"], [["@x"]]) == "h\r\n'@x\r\n"
