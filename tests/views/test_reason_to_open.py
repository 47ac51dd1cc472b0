"""Opening a restricted case one is not assigned to asks why, in the real main window: Cancel
opens nothing and records nothing; a reason opens it and is in the audit with the look."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import audit
from app.services.enums import Scheme
from app.views.case.reason import ReasonDialog
from tests.factories import make_case, make_user


def _looks(db, coord, ref) -> list[str | None]:
    return [r.detail for r in audit.search(db.uow(), coord, action="case.view",
                                           case_reference=ref)]


def test_a_restricted_case_asks_why_before_it_opens(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, offence_code="domestic-abuse")
    plain = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    window = open_window("coord")
    tabs = window.tabs.count()

    assert window.open_case(ref) is None  # asked first
    dialog = window.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert ref in dialog.windowTitle()
    assert not dialog.open_button.isEnabled()  # no reason, no opening
    qtbot.mouseClick(dialog.findChild(type(dialog.open_button), "reason_cancel"),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.tabs.count() == tabs and window.workspace(ref) is None
    assert _looks(db, coord, ref) == []

    assert window.open_case(ref) is None
    dialog = window.dialog
    qtbot.keyClicks(dialog.reason.lineEdit(), "Supervision of the navigator")
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    ws = window.workspace(ref)
    assert ws is not None and window.tabs.currentWidget() is ws
    assert _looks(db, coord, ref) == ["reason: Supervision of the navigator"]
    # shown again from its tab: no second question, no second look
    assert window.open_case(ref) is ws and _looks(db, coord, ref) == [
        "reason: Supervision of the navigator"]
    # a case that is not restricted opens at once
    assert window.open_case(plain) is not None


def test_a_listed_reason_and_the_assigned_worker(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor, offence_code="domestic-abuse")
    window = open_window("coord")
    window.open_case(ref)
    dialog = window.dialog
    dialog.reason.setCurrentIndex(dialog.reason.findText("Safeguarding concern"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.workspace(ref) is not None
    assert _looks(db, coord, ref) == ["reason: Safeguarding concern"]
    own = open_window("mentor")  # her own mentee: no question
    assert own.open_case(ref) is not None
