"""After a time without use the window hides every case until the password is given again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services.enums import Scheme
from tests.factories import PASSWORD, make_case, make_user


def test_idle_window_locks_and_only_the_right_password_unlocks(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    window = open_window("coord")
    window._idle.setInterval(50)  # the idle time, shortened for the test
    window.open_case(ref)
    window._idle.start()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert not window.tabs.isVisible()  # no case data on screen
    unlock = window.dialog
    assert unlock.windowTitle() == "Unlock Pathways"
    qtbot.keyClicks(unlock.password, "not my password")
    qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
    assert window.is_locked
    assert unlock.error.text() == "The user name or password is not right."
    qtbot.keyClicks(unlock.password, PASSWORD)
    qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.tabs.isVisible()


def test_idle_time_is_capped_at_fifteen_minutes(monkeypatch) -> None:
    from app.config import Settings

    monkeypatch.setenv("PATHWAYS_IDLE_LOCK_MINUTES", "60")
    assert Settings.load("sqlite://").idle_lock_minutes == 15
