"""``pathways attach`` and ``pathways attachment``: attach, list, save and remove from a shell,
on both stores; a file that is not a PDF, PNG or JPEG is one line and nothing is attached."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import pathways
from app.services.pathways import InterventionInput
from tests.factories import PASSWORD, make_case, make_user


def test_attach_list_save_and_remove(db: Database, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    contact = pathways.log_intervention(db.uow(), coord, ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Brought the signed form"))
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--database", db.url, "--user", "coord", *args])
        out, err = capsys.readouterr()
        return code, out, err

    buf = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(buf, "JPEG")
    scan = tmp_path / "consent form.pdf"  # a JPEG, whatever its name says
    scan.write_bytes(buf.getvalue())
    code, out, err = run("attach", ref, str(scan), "--record", f"intervention:{contact}",
                         "--title", "Consent form")
    assert (code, err) == (0, "")
    assert out.startswith("attached as attachment ")
    assert f"(JPEG image, {len(buf.getvalue()):,} bytes) on intervention {contact}" in out
    attachment_id = out.split()[3].rstrip(":")
    code, out, err = run("attachment", "list", ref)
    assert code == 0 and "Consent form" in out and "JPEG image" in out
    saved = tmp_path / "copy.jpg"
    assert run("attachment", "save", attachment_id, "--out", str(saved))[0] == 0
    assert saved.read_bytes() == buf.getvalue()

    text_file = tmp_path / "notes.pdf"
    text_file.write_text("not a scan")
    code, out, err = run("attach", ref, str(text_file))
    assert code == EXIT_REFUSED and err.count("\n") == 1 and "Traceback" not in err
    assert "Only a PDF, PNG or JPEG file can be attached" in err
    code, _, err = run("attach", ref, str(tmp_path / "missing.png"))
    assert code == EXIT_REFUSED and "cannot be read" in err and err.count("\n") == 1
    code, _, err = run("attach", ref, str(scan), "--record", "letter:1")
    assert code == EXIT_REFUSED and "KIND:ID" in err

    code, out, err = run("attachment", "remove", attachment_id, "--reason", "Wrong person")
    assert (code, err) == (0, "") and "its record is kept" in out
    code, out, _ = run("attachment", "list", ref)
    assert out.count("\n") == 1 and "Wrong person" in out
