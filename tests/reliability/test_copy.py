"""'pathways db copy --to URL': a desktop database moves to a team's PostgreSQL server with every
row and every filed document intact, and a server that already holds data is never touched."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.cli import main
from app.db import Database
from app.models import Base, Document
from app.models.cases import Scheme
from app.services import casefile, cases, documents, users
from tests.factories import referral

PASSWORD = "pathways-demo"


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo database with documents filed on some cases, as a team's desktop would have."""
    path = tmp_path_factory.mktemp("desktop") / "desktop.db"
    assert main(["--database", f"sqlite:///{path}", "demo", "--cases", "40"]) == 0
    db = Database(f"sqlite:///{path}")
    coord = users.sign_in(db.uow(), "coordinator", PASSWORD)
    rows = casefile.list_cases(db.uow(), coord, casefile.CaseFilter(), limit=5)
    for row in rows:
        documents.generate(db.uow(), coord, row.reference, documents.Kind.SUMMARY)
    db.dispose()
    yield path


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.execute(text(f'SELECT count(*) FROM "{t.name}"')).scalar_one()
                for t in Base.metadata.sorted_tables}


def cli(*argv: str) -> tuple[int, str, str]:
    """The command as an administrator runs it (copying needs one)."""
    import contextlib
    import io

    if "copy" in argv:
        argv = ("--user", "admin", *argv)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.postgres
def test_copy_to_postgresql_keeps_every_row_and_document(desktop: Path, pg_url: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source_url = f"sqlite:///{desktop}"
    code, out, err = cli("--database", source_url, "db", "copy", "--to", pg_url)
    assert (code, err) == (0, "")
    assert "all identical" in out.splitlines()[-1]
    source, target = Database(source_url), Database(pg_url)
    try:
        # counted table by table, independently of the command's own check
        assert counts(target) == counts(source)
        assert counts(source)["documents"] == 5
        with source.engine.connect() as a, target.engine.connect() as b:
            for table in Base.metadata.sorted_tables:
                order = list(table.primary_key.columns)
                left = a.execute(select(table).order_by(*order)).all()
                right = b.execute(select(table).order_by(*order)).all()
                assert left == right, table.name
        with target.uow() as uow:
            for doc in uow.session.scalars(select(Document)):
                assert hashlib.sha256(doc.content).hexdigest() == doc.sha256
                assert doc.content.startswith(b"%PDF")
        # the team works on in the server: same cases listed, new ids follow the copied ones
        monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
        listed = [cli("--database", url, "--user", "coordinator", "case", "list", "--json")
                  for url in (source_url, pg_url)]
        assert listed[0] == listed[1] and listed[0][0] == 0
        coord = users.sign_in(target.uow(), "coordinator", PASSWORD)
        ref = cases.create_referral(target.uow(), coord, referral(Scheme.GATEWAY))
        assert casefile.get_case(target.uow(), coord, ref).reference == ref
    finally:
        source.dispose()
        target.dispose()


@pytest.mark.postgres
def test_copy_refuses_a_target_that_holds_anything(desktop: Path, pg_url: str) -> None:
    source_url = f"sqlite:///{desktop}"
    assert cli("--database", source_url, "db", "copy", "--to", pg_url)[0] == 0
    target = Database(pg_url)
    before = counts(target)
    code, out, err = cli("--database", source_url, "db", "copy", "--to", pg_url)
    assert (code, out) == (3, "")
    assert err.startswith("pathways: The target database is not empty")
    assert len(err.strip().splitlines()) == 1
    assert counts(target) == before
    target.dispose()


def test_copy_between_desktop_files_and_refusals(desktop: Path, tmp_path: Path) -> None:
    """The same command works file to file; the same file, or an unreachable target, is
    refused in one line."""
    source_url = f"sqlite:///{desktop}"
    copy = tmp_path / "copy.db"
    code, _out, err = cli("--database", source_url, "db", "copy", "--to", f"sqlite:///{copy}")
    assert (code, err) == (0, "")
    a, b = Database(source_url), Database(f"sqlite:///{copy}")
    assert counts(a) == counts(b)
    a.dispose()
    b.dispose()
    code, _out, err = cli("--database", source_url, "db", "copy", "--to", source_url)
    assert code != 0 and "same database" in err
    code, _out, err = cli("--database", source_url, "db", "copy", "--to",
                         f"sqlite:///{tmp_path}/no/such/dir/x.db")
    assert code != 0 and "cannot be opened" in err and "Traceback" not in err
