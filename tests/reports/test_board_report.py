"""The board report and the commissioner's return, made through the real CLI on a demo database
and read back as a reader would: the PDF's own text, the CSV as a spreadsheet would parse it."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.db import Database
from app.services import demo, indicators, reporting
from app.services.context import Actor
from app.services.indicators import Scope
from tests.reports.conftest import check_file, pdf_text, squash

START = date.today() - timedelta(days=730)
END = date.today()
PERIOD = ["--from", START.isoformat(), "--to", END.isoformat()]


def run(db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        *args: str, user: str = "coordinator") -> tuple[int, str, str]:
    monkeypatch.setenv("PATHWAYS_PASSWORD", demo.DEMO_PASSWORD)
    capsys.readouterr()
    try:
        code = main(["--database", db.url, "--user", user, *args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def references(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT reference FROM cases")).scalars())


def test_pdf_and_json_show_the_same_figures(demo_db: Database, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "board.pdf"
    code, stdout, err = run(demo_db, monkeypatch, capsys, "report", "kpi", *PERIOD,
                            "--out", str(out), "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["period"] == {"from": START.isoformat(), "to": END.isoformat()}
    check_file(out)
    body = pdf_text(out.read_bytes())
    flat = squash(body)
    assert "Partnership board report" in body
    for title in ("Referrals and outcomes by month", "Completion and breach rates by scheme",
                  "Distance travelled per pathway"):
        assert title in body
    figures = data["figures"]
    assert {f["indicator"] for f in figures} == indicators.INDICATOR_IDS
    for f in figures:
        # each figure's label sits right before its value in its table row
        assert squash(f["label"] + f["display"]) in flat, f["id"]
        if f["value"] is None:
            assert f["display"] == "not yet known"
        elif f["unit"] == "%":
            assert f["display"] == f"{f['value']:.1f}%"
    referrals = next(f for f in figures if f["id"] == "referrals")
    assert referrals["value"] == sum(m["referrals"] for m in data["months"])
    # some follow-up windows are still open in a demo made today: shown as such, not zero
    assert any(f["value"] is None and f["reason"].startswith("not yet known")
               for f in figures if f["indicator"] == "reoffending_rate_12m")
    # an aggregate report: no case, restricted or not, is named in it
    for ref in references(demo_db):
        assert ref not in body


def test_json_alone_with_a_scheme_and_a_worker(demo_db: Database,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(demo_db, monkeypatch, capsys, "report", "kpi", *PERIOD,
                            "--scheme", "gtc", "--worker", "mentor", "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["scheme"] == "gateway-to-change" and data["worker"]
    ids = {f["id"] for f in data["figures"]}
    assert "women_independent.3m" in ids and "completion_rate.gateway-to-change" in ids
    assert not {i for i in ids if i.endswith(".checkpoint")} and "harmed_satisfied" not in ids


def test_refusals_are_one_line(demo_db: Database, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "kpi", *PERIOD, "--json",
                       user="navigator")
    assert code == 3 and "cannot report" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "kpi", *PERIOD)
    assert code == 3 and "--out FILE.pdf, or --json" in err
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "kpi", "--from", "2025-02-30",
                       "--to", "2025-03-01", "--json")
    assert code == 2 and "is not a date" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "return", *PERIOD,
                       "--mapping", str(tmp_path / "missing.json"),
                       "--out", str(tmp_path / "r.csv"))
    assert code == 3 and "does not exist" in err and not (tmp_path / "r.csv").exists()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"columns": [{"column": "Referrals", "figure": "referals"}]}))
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "return", *PERIOD,
                       "--mapping", str(bad), "--out", str(tmp_path / "r.csv"))
    assert code == 3 and "column 1" in err and "'referals'" in err


def test_commissioner_return_is_the_same_figures_and_formula_safe(
        demo_db: Database, coordinator: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "template.json"
    mapping.write_text(json.dumps({"name": "Test template", "not_known": "NYK", "columns": [
        {"column": "From", "field": "period_start"},
        {"column": "=HYPERLINK(\"http://x.example\",\"click\")", "figure": "referrals"},
        {"column": "  +SUM(A1:A2)", "figure": "diverted"},
        {"column": "@cmd", "figure": "completion_rate.checkpoint"},
        {"column": "-2+3", "figure": "completion_rate.checkpoint", "part": "denominator"},
        {"column": "\tTabbed", "figure": "reoffending_rate_24m.checkpoint"},
        {"column": "\rReturn", "figure": "distance_travelled.drugs"},
        {"column": "Plain", "figure": "referrals_by_source.no-such-source"},
    ]}), encoding="utf-8")
    out = tmp_path / "return.csv"
    code, _, err = run(demo_db, monkeypatch, capsys, "report", "return", *PERIOD,
                       "--mapping", str(mapping), "--out", str(out))
    assert code == 0, err
    with out.open(encoding="utf-8", newline="") as fh:
        header, row = list(csv.reader(fh))
    assert header == ["From", "'=HYPERLINK(\"http://x.example\",\"click\")", "'  +SUM(A1:A2)",
                      "'@cmd", "'-2+3", "'\tTabbed", "'\rReturn", "Plain"]
    report = indicators.compute(demo_db.uow(), coordinator, Scope(START, END))
    cp = report.figure("completion_rate.checkpoint")
    assert row[0] == START.isoformat()
    assert row[1] == f"{report.figure('referrals').value:.0f}"
    assert row[2] == f"{report.figure('diverted').value:.0f}"
    assert float(row[3]) == cp.value and int(row[4]) == cp.denominator
    assert row[5] == "NYK"  # a 24-month window cannot have closed on a demo made today
    assert float(row[6]) == report.figure("distance_travelled.drugs").value
    assert row[7] == "0"


def test_the_shipped_mapping_is_valid() -> None:
    mapping = reporting.load_mapping(reporting.DEFAULT_MAPPING)
    assert len(mapping.columns) > 20
    assert all(c.figure is None or c.figure.split(".")[0] in indicators.INDICATOR_IDS
               for c in mapping.columns)


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-x", "'-x"), ("@A1", "'@A1"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("   =1", "'   =1"), (" \t@x", "' \t@x"), ("-12.5", "-12.5"),
    ("42", "42"), ("Police custody", "Police custody"), ("", ""),
])
def test_safe_cell(cell: str, safe: str) -> None:
    assert reporting.safe_cell(cell) == safe
    assert re.sub(r"^'", "", reporting.safe_cell(cell)) == cell
