"""``pathways document``: every kind from the command line, acting as a signed-in user."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.services import casefile, demo, documents
from app.services.context import Actor
from app.services.documents import Kind
from tests.reports.conftest import check_file, pdf_text


def _run(db: Database, *args: str) -> int:
    return main(["--database", db.url, "--user", "coordinator", "document", *args])


def test_every_kind_from_the_command_line(demo_db: Database, coordinator: Actor,
                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", demo.DEMO_PASSWORD)
    rows = casefile.list_cases(demo_db.uow(), coordinator, casefile.CaseFilter(),
                               sort="reference", descending=False)
    done: set[Kind] = set()
    for row in rows:
        detail = casefile.get_case(demo_db.uow(), coordinator, row.reference, audit_view=False)
        for kind in documents.available_kinds(detail):
            if kind in done:
                continue
            out = tmp_path / f"{kind.value}.pdf"
            # a partner summary has no usual recipient: the agency is named
            named = ("--organisation", "Housing First") if kind is Kind.SUMMARY_PARTNER else ()
            if _run(demo_db, kind.value, row.reference, "--out", str(out), *named) == 0:
                check_file(out)
                assert row.reference in pdf_text(out.read_bytes())
                done.add(kind)
    assert done == set(Kind)
    assert "filed as document" in capsys.readouterr().out


def test_to_role_variant_and_refusals(demo_db: Database, coordinator: Actor, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", demo.DEMO_PASSWORD)
    ref = next(r.reference for r in casefile.list_cases(
        demo_db.uow(), coordinator, casefile.CaseFilter(search="NR-")))
    out = tmp_path / "summary.pdf"
    assert _run(demo_db, "summary-partner", ref, "--variant", "large-print", "--preview",
                "--out", str(out), "--organisation", "Housing First") == 0
    assert "large-print" in capsys.readouterr().out and out.exists()
    assert _run(demo_db, "summary", ref, "--to", "participant", "--out", str(out)) == \
        EXIT_REFUSED
    assert _run(demo_db, "letter-to-santa", ref, "--out", str(out)) == EXIT_REFUSED
    assert "Unknown document" in capsys.readouterr().err
