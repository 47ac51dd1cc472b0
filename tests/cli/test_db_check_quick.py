"""``pathways db check --quick``: what start-up checks (schema at head, every table present),
without reading every page as the full check does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.services import database


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_quick_check_passes_on_a_migrated_file_and_names_a_missing_table(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    url = f"sqlite:///{path}"
    assert _run(capsys, "--database", url, "db", "upgrade")[0] == 0
    code, out, err = _run(capsys, "--database", url, "db", "check", "--quick")
    assert (code, err) == (0, "")
    assert out.startswith(f"ok (quick): schema at head ({database.head_revision()})")

    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE agency_call_counts")
    code, out, err = _run(capsys, "--database", url, "db", "check", "--quick")
    assert code != 0 and out == ""
    assert err.strip() == "problem: tables missing: agency_call_counts"
