"""In the window the document dialog says to whom a document is disclosed (blank: the usual
recipient) and on what basis; the filed copy and the Documents tab show it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import documents
from app.services.disclosure import LawfulBasis
from app.services.enums import Scheme
from tests.factories import make_case, make_user


def test_the_dialog_records_the_recipient_and_the_tab_shows_it(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    window = open_window("coord")
    ws = window.open_case(ref)
    tab = ws.tab_widget("documents")
    dialog = tab.generate_document(documents.Kind.SUMMARY_PARTNER)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.preview_doc is not None  # on screen it may wait to be named
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.filed_doc is None and "Say to whom" in dialog.error.text()
    qtbot.keyClicks(dialog.disclosed_to, "Ann Lee")
    qtbot.keyClicks(dialog.disclosed_org, "Housing First")
    dialog.basis.setCurrentIndex(1 + list(LawfulBasis).index(LawfulBasis.SAFEGUARDING))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.filed_doc is not None
    assert "Disclosed to Ann Lee, Housing First." in dialog.confirmation.text()
    model = ws.table("documents_table").record_model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Disclosed to")
    assert model.text(0, column) == "Ann Lee, Housing First (safeguarding)"
