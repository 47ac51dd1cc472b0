"""The organisation's logo on the letterhead: set by an administrator, printed on every
document, and a bad image refused in plain words."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from app.cli import main
from app.errors import ValidationError
from app.models.users import Role
from app.services import documents, organisation
from app.services.enums import Scheme
from tests.factories import PASSWORD, make_case, make_user


def png(width: int = 120, height: int = 60) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_logo_set_from_the_command_line_prints_on_documents(db, tmp_path: Path, capsys,
                                                          monkeypatch) -> None:
    admin = make_user(db, Role.ADMINISTRATOR, "admin")
    coord = make_user(db, Role.COORDINATOR, "coord")
    del admin
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    url = ["--database", db.url, "--user", "admin"]
    assert main([*url, "organisation", "--name", "Eastbrook Diversion Service",
                 "--logo", str(logo)]) == 0
    assert "logo: " in capsys.readouterr().out
    doc = documents.preview(db.uow(), coord, ref, documents.Kind.OUTCOME_OFFICER)
    page = PdfReader(BytesIO(doc.content)).pages[0]
    assert len(page.images) == 1
    assert "Eastbrook Diversion Service" in page.extract_text()


def test_a_bad_logo_is_refused_and_nothing_changes(db, tmp_path: Path, capsys,
                                                  monkeypatch) -> None:
    admin = make_user(db, Role.ADMINISTRATOR, "admin")
    make_user(db, Role.COORDINATOR, "coord")
    with pytest.raises(ValidationError, match="must be a PNG or JPEG"):
        organisation.set_organisation(db.uow(), admin, organisation.Organisation(
            logo=b"<svg>not a picture</svg>"))
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    broken = tmp_path / "broken.png"
    broken.write_bytes(png()[:40])
    code = main(["--database", db.url, "--user", "admin", "organisation", "--logo", str(broken)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and err == ["pathways: The logo image cannot be read; it may be damaged."]
    code = main(["--database", db.url, "--user", "coord", "organisation", "--logo",
                 str(broken)])
    assert code != 0
    assert organisation.get_organisation(db.uow()).logo is None
