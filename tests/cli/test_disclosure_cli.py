"""At the command line a document and a subject access pack say to whom they are disclosed:
the usual recipient, or --disclosed-to/--organisation/--basis; a partner summary with no one
named is refused in one line and nothing is written or filed."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import casefile, documents
from tests.factories import PASSWORD, make_case, make_user

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--database", url, *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_documents_and_packs_name_their_recipient(db: Database, run: Run,
                                                  tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    url = db.engine.url.render_as_string(hide_password=False)
    base = ("--user", coord.username)
    out = tmp_path / "partner.pdf"
    code, stdout, err = run(url, *base, "document", "summary-partner", ref, "--out", str(out))
    assert code == EXIT_REFUSED and stdout == "" and len(err.strip().splitlines()) == 1
    assert "Say to whom the case summary for a partner agency is disclosed" in err
    assert not out.exists() and documents.list_documents(db.uow(), coord, ref) == []
    code, stdout, err = run(url, *base, "document", "summary-partner", ref, "--out", str(out),
                            "--disclosed-to", "Ann Lee", "--organisation", "Housing First",
                            "--basis", "safeguarding")
    assert code == 0, err
    assert stdout.splitlines()[-1] == ("Disclosed to Ann Lee, Housing First. Lawful basis: "
                                       "safeguarding a child or an adult at risk (DPA 2018 "
                                       "Sch. 8 para. 4).")
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Disclosed to Ann Lee, Housing First." in text
    assert run(url, *base, "document", "summary-partner", ref, "--out", str(out),
               "--organisation", "Housing First", "--basis", "whim")[0] != 0  # not a basis
    code, stdout, err = run(url, *base, "document", "outcome-officer", ref, "--out",
                            str(tmp_path / "officer.pdf"))
    assert code == 0 and "Disclosed to PC 1234 Example." in stdout, err
    shown = casefile.get_case(db.uow(), coord, ref, audit_view=False).documents
    assert sorted(d.disclosed_to for d in shown) == ["Ann Lee, Housing First",
                                                     "PC 1234 Example"]
    person_id = casefile.get_case(db.uow(), coord, ref, audit_view=False).participant.person_id
    code, stdout, err = run(url, *base, "sar", str(person_id), "--out", str(tmp_path / "pack"),
                            "--disclosed-to", "A Solicitor", "--organisation", "Law and Co")
    assert code == 0, err
    assert stdout.splitlines()[-1].startswith("Disclosed to A Solicitor, Law and Co. Lawful "
                                              "basis: the person's right of access")
    data = json.loads((tmp_path / "pack" / "data.json").read_text())
    assert data["disclosed_to"]["organisation"] == "Law and Co"
