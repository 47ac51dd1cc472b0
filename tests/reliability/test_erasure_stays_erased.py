"""Erasure that stays erased: a retention deletion or anonymisation is written in the erasure
ledger (record numbers, no names); every backup the app keeps is replaced at once by a fresh
one, so no kept copy holds the erased person (raw bytes searched); and a restore of an older
copy erases them again before anyone can sign in."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.db import Database
from app.models.users import Role
from app.services import database
from tests.factories import PASSWORD, make_user
from tests.services.test_security_retention import FIRST, LAST, NOTE, STREET, closed_case

MARKERS = [FIRST.encode(), LAST.encode(), STREET.encode(), NOTE.encode()]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def holding(folder: Path, pattern: str = "**/*") -> list[str]:
    """Files under ``folder`` whose raw bytes hold any marker of the erased person."""
    return sorted(p.name for p in folder.glob(pattern) if p.is_file()
                  and any(m in p.read_bytes() for m in MARKERS))


@pytest.mark.parametrize("decision", ["delete", "anonymise"])
def test_no_kept_backup_holds_an_erased_person_and_a_restore_erases_again(
        db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        decision: str) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    url = f"sqlite:///{db_path}"
    coord = make_user(db, Role.COORDINATOR)
    admin = make_user(db, Role.ADMINISTRATOR)
    ref = closed_case(db, coord, make_user(db, Role.NAVIGATOR))
    backups = tmp_path / "data" / "backups"
    database.rotate_backup(db, backups, keep=7)  # the start-up copies
    database.rotate_backup(db, backups, keep=7)
    older = database.backup(db, tmp_path / "elsewhere" / "monday.db")  # the user's own copy
    db.dispose()
    assert cli("--database", url, "--user", admin.username, "restore", str(older))[0] == 0
    assert len(holding(backups)) == 3  # two start-up copies and the before-restore copy

    code, out, err = cli("--database", url, "--user", coord.username, "retention", decision,
                         ref, "--reason", "Period over", "--yes")
    assert (code, err) == (0, ""), out
    assert "3 older backups replaced by a new one" in out
    kept = sorted(p.name for p in backups.iterdir() if p.suffix == ".db")
    assert len(kept) == 1 and kept[0].startswith("pathways-")  # one fresh, checked copy
    assert holding(backups) == []
    assert holding(db_path.parent, "pathways.db*") == []  # nor the database or its log
    with Database(url).engine.connect() as conn:
        ledger = conn.execute(text("SELECT action, case_reference, person_ids FROM "
                                   "erasure_ledger")).all()
    assert [(a, r) for a, r, _ in ledger] == [(decision, ref)]
    assert all(c.isdigit() or c == " " for c in ledger[0][2])  # numbers, never names

    # an older copy (made before the erasure, kept outside the app) is restored: the ledger
    # comes along and is applied again before anyone signs in
    assert holding(older.parent) == ["monday.db"]
    code, out, err = cli("--database", url, "--user", admin.username, "restore", str(older))
    assert (code, err) == (0, ""), out
    assert holding(db_path.parent, "pathways.db*") == []
    restored = Database(url)
    with restored.engine.connect() as conn:
        refs = set(conn.execute(text("SELECT reference FROM cases")).scalars())
        again = conn.execute(text("SELECT count(*) FROM audit_events WHERE action = "
                                  "'retention.reapplied'")).scalar_one()
        ledger_after = conn.execute(text("SELECT count(*) FROM erasure_ledger")).scalar_one()
    assert (ref in refs) == (decision == "anonymise")
    assert again == 1 and ledger_after == 1
    assert database.check(restored).ok
    restored.dispose()
