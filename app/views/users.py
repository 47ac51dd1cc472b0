"""Accounts: change my password; and, for administrators, add users, reset passwords, disable
and enable accounts. Every rule (password length, who may do what) is in app.services.users."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.services import users
from app.services.enums import Role
from app.views.context import AppContext
from app.views.forms import ERROR_STYLE, Field, FormDialog


def _same(values: dict[str, Any]) -> None:
    if values["password"] != values["again"]:
        raise ValidationError("The two new passwords are not the same.", field="again")


def change_password_dialog(ctx: AppContext, parent: QWidget | None, *,
                           required: bool = False) -> FormDialog:
    """Change my own password (required after an administrator made or reset the account)."""

    def submit(v: dict[str, Any]) -> None:
        _same(v)
        users.change_password(ctx.uow(), ctx.actor, v["old_password"], v["password"])

    intro = ("An administrator set your password. Choose your own before you go on."
             if required else None)
    return FormDialog("Change my password", [
        Field("old_password", "Current password", "password", True),
        Field("password", "New password", "password", True,
              help=f"At least {users.MIN_PASSWORD_LENGTH} characters"),
        Field("again", "New password again", "password", True),
    ], submit, parent, intro=intro, ok_text="Change password")


class UsersDialog(QDialog):
    """The administrator's list of accounts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Users")
        self.setObjectName("users_dialog")
        self.form: FormDialog | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users_table")
        self.table.setAccessibleName("Users")
        self.table.setHorizontalHeaderLabels(["User name", "Name", "Role", "Account"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.error = QLabel("")
        self.error.setObjectName("users_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        for text, name, slot in (("&Add user...", "add_user", self.add_user),
                                 ("&Reset password...", "reset_password", self.reset_password),
                                 ("&Disable", "disable_user", lambda: self.set_active(False)),
                                 ("&Enable", "enable_user", lambda: self.set_active(True))):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(700, 420)
        self.reload()

    def reload(self) -> None:
        rows = users.list_users(self.ctx.uow(), active_only=False)
        self.table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            role = u.role.label + (" + coordinator" if u.also_coordinator else "")
            for c, text in enumerate((u.username, u.full_name, role,
                                      "active" if u.active else "disabled")):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected_username(self) -> str | None:
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).text() if items else None

    def _open(self, dialog: FormDialog) -> None:
        dialog.accepted.connect(self.reload)
        self.form = dialog
        dialog.open()

    def add_user(self) -> None:
        def submit(v: dict[str, Any]) -> None:
            _same(v)
            users.create_user(self.ctx.uow(), self.ctx.actor, v["username"], v["full_name"],
                              v["role"], v["password"], also_coordinator=v["also"])
        self._open(FormDialog("Add a user", [
            Field("username", "User name", required=True),
            Field("full_name", "Full name", required=True),
            Field("role", "Role", "choice", True, Role.NAVIGATOR,
                  [(r.label, r) for r in Role]),
            Field("also", "Also coordinates", "check",
                  extra={"text": "an administrator who also coordinates cases"}),
            Field("password", "First password", "password", True,
                  help="They choose their own at the first sign-in"),
            Field("again", "First password again", "password", True),
        ], submit, self))

    def reset_password(self) -> None:
        username = self.selected_username()
        if username is None:
            self.error.setText("Select a user first.")
            return

        def submit(v: dict[str, Any]) -> None:
            _same(v)
            users.reset_password(self.ctx.uow(), self.ctx.actor, username, v["password"])
        self._open(FormDialog(f"Reset the password of {username}", [
            Field("password", "New password", "password", True),
            Field("again", "New password again", "password", True),
        ], submit, self, intro="The account is unlocked; they choose their own password at "
                               "their next sign-in."))

    def set_active(self, active: bool) -> None:
        username = self.selected_username()
        if username is None:
            self.error.setText("Select a user first.")
            return
        try:
            users.set_active(self.ctx.uow(), self.ctx.actor, username, active)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.reload()
