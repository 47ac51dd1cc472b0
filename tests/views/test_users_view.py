"""Accounts from the window: an administrator adds a user, who must choose their own password;
a reset and a disabled account behave as the administrator expects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import AuthenticationFailed
from app.models.users import Role
from app.services import users
from tests.factories import make_user


def _type(qtbot, form, **values) -> None:
    for name, text in values.items():
        qtbot.keyClicks(form.inputs[name], text)


def test_administrator_adds_a_user_who_then_chooses_a_password(qtbot, db, open_window) -> None:
    make_user(db, Role.ADMINISTRATOR, "admin")
    admin = open_window("admin")
    assert admin.users_action.isVisible()
    dialog = admin.manage_users()
    dialog.add_user()
    form = dialog.form
    _type(qtbot, form.form, username="p.lawson", full_name="Priya Lawson",
          password="first-password-1", again="first-password-2")
    form.form.set_value("role", Role.NAVIGATOR)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.form.errors["again"].text() == "The two new passwords are not the same."
    form.form.inputs["again"].clear()
    _type(qtbot, form.form, again="first-password-1")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "p.lawson" in names

    navigator = open_window("p.lawson", "first-password-1")
    assert navigator.ctx.actor.must_change_password
    change = navigator.change_password(required=True)
    _type(qtbot, change.form, old_password="first-password-1", password="my-own-secret-9",
          again="my-own-secret-9")
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    assert not change.isVisible()
    again = users.sign_in(db.uow(), "p.lawson", "my-own-secret-9")
    assert not again.must_change_password


def test_disable_and_enable_an_account(qtbot, db, open_window) -> None:
    make_user(db, Role.ADMINISTRATOR, "admin")
    make_user(db, Role.MENTOR, "mentor")
    window = open_window("admin")
    dialog = window.manage_users()
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text() == "mentor")
    dialog.table.selectRow(row)
    dialog.set_active(False)
    assert dialog.table.item(row, 3).text() == "disabled"
    with pytest.raises(AuthenticationFailed, match="disabled"):
        users.sign_in(db.uow(), "mentor", "correct horse battery")
    dialog.table.selectRow(row)
    dialog.set_active(True)
    assert users.sign_in(db.uow(), "mentor", "correct horse battery").username == "mentor"


def test_only_administrators_are_offered_users(qtbot, db, open_window) -> None:
    make_user(db, Role.COORDINATOR, "coord")
    window = open_window("coord")
    assert not window.users_action.isVisible()
    assert window.password_action.isEnabled()
