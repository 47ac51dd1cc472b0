"""A document is filed on the case only once its ``--out`` file is written whole and synced:
a file that cannot be written leaves nothing filed and nothing in the audit trail."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Database
from app.models.audit import AuditEvent
from app.models.cases import Scheme
from app.models.users import Role
from app.services import documents
from tests.factories import PASSWORD, make_case, make_user
from tests.reliability.test_bad_environment import ROOT, tmpfs

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--database", url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _generated(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)
                                      .where(AuditEvent.action == "document.generate")) or 0)


def test_an_unwritable_out_files_nothing(db: Database, run: Run, tmp_path: Path) -> None:
    if not ROOT:  # a read-only mount needs root, as scripts/test runs
        pytest.fail("this test needs root, as scripts/test runs it")
    coord = make_user(db, Role.COORDINATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    url = db.engine.url.render_as_string(hide_password=False)
    base = ("--user", coord.username, "document", "summary", ref, "--out")
    with tmpfs(tmp_path / "ro", "1m") as folder:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        code, out, err = run(url, *base, str(folder / "summary.pdf"))
        assert list(folder.iterdir()) == []
    assert code != 0 and out == "" and "cannot be written" in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, err = run(url, *base, str(tmp_path / "no-such-folder" / "summary.pdf"))
    assert code != 0 and "does not exist" in err
    assert documents.list_documents(db.uow(), coord, ref) == []
    assert _generated(db) == 0
    # the same command with a folder that takes the file files it, once
    code, out, err = run(url, *base, str(tmp_path / "summary.pdf"))
    assert code == 0, err
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF-")
    filed = documents.list_documents(db.uow(), coord, ref)
    assert len(filed) == 1 and _generated(db) == 1
