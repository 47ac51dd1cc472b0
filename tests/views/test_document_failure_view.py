"""A document that cannot be drawn is a message in the window, not a traceback: the document
dialog says so beside its buttons, files nothing and stays open."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt

from app.models.settings import AppSetting
from app.models.users import Role
from app.services import documents
from app.services.enums import Scheme
from app.services.organisation import LOGO_KEY
from tests.factories import make_case, make_user


def test_a_document_that_cannot_be_drawn_is_a_message(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    with db.uow() as uow:  # a logo damaged in the database (it was checked when it was set)
        uow.session.merge(AppSetting(key=LOGO_KEY, value=base64.b64encode(
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 40).decode()))
        uow.commit()
    window = open_window("coord")
    ws = window.open_case(ref)
    dialog = ws.generate_document()
    dialog.kind.setCurrentIndex(dialog._kinds.index(documents.Kind.SUMMARY_PARTNER))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith(
        "The case summary for a partner agency could not be printed")
    assert "Traceback" not in dialog.error.text()
    assert not dialog.file_button.isEnabled()
    assert documents.list_documents(db.uow(), coord, ref) == []
