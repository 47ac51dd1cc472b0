"""File > Preferences: a user's own settings take effect at once and follow them to the next
window they open; other users keep theirs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services.enums import Scheme
from app.views.documents import DocumentDialog
from app.views.folders import documents_folder
from tests.factories import make_case, make_user


def test_preferences_apply_now_and_next_time(qtbot, db, open_window, tmp_path) -> None:
    nav = make_user(db, Role.NAVIGATOR, "nav")
    make_user(db, Role.NAVIGATOR, "other")
    ref = make_case(db, nav, Scheme.CHECKPOINT, worker=nav)
    window = open_window("nav")
    window.preferences()
    dialog = window.dialog
    assert dialog.form.values()["idle_lock_minutes"] == 10  # the partnership's default
    dialog.form.set_value("idle_lock_minutes", 4)
    dialog.form.set_value("letter_format", "large-print")
    dialog.form.set_value("documents_folder", str(tmp_path))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window._idle.interval() == 4 * 60_000
    assert "locks after 4 minutes" in window.statusBar().currentMessage()
    assert documents_folder("x.pdf") == str(tmp_path / "x.pdf")
    workspace = window.open_case(ref)
    letters = DocumentDialog(window.ctx, workspace.detail, window)
    qtbot.addWidget(letters)
    assert letters.variant.currentText() == "Large print"
    window.close()

    again = open_window("nav")  # next sign-in, any desktop on this database
    assert again._idle.interval() == 4 * 60_000
    other = open_window("other")
    assert other._idle.interval() == 10 * 60_000
    assert documents_folder() != str(tmp_path)


def test_the_limit_and_a_missing_folder_are_refused_in_the_form(qtbot, db, open_window
                                                                ) -> None:
    make_user(db, Role.NAVIGATOR, "nav")
    window = open_window("nav")
    window.preferences()
    dialog = window.dialog
    dialog.form.set_value("documents_folder", "/no/such/folder")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "does not exist" in dialog.form.errors["documents_folder"].text()
    assert window._idle.interval() == 10 * 60_000
