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
from app.views.i18n import translate
from app.views.terms import term


def _same(values: dict[str, Any]) -> None:
    if values["password"] != values["again"]:
        raise ValidationError(translate("Users", "The two new passwords are not the same."),
                              field="again")


def change_password_dialog(ctx: AppContext, parent: QWidget | None, *,
                           required: bool = False) -> FormDialog:
    """Change my own password (required after an administrator made or reset the account)."""

    def submit(v: dict[str, Any]) -> None:
        _same(v)
        users.change_password(ctx.uow(), ctx.actor, v["old_password"], v["password"])

    intro = (translate("Users", "An administrator set your password. Choose your own before you "
                                "go on.")
             if required else None)
    return FormDialog(translate("Users", "Change my password"), [
        Field("old_password", translate("Users", "Current password"), "password", True),
        Field("password", translate("Users", "New password"), "password", True,
              help=translate("Users", "At least {MIN_PASSWORD_LENGTH} characters")
                                     .format(MIN_PASSWORD_LENGTH=users.MIN_PASSWORD_LENGTH)),
        Field("again", translate("Users", "New password again"), "password", True),
    ], submit, parent, intro=intro, ok_text=translate("Users", "Change password"))


class UsersDialog(QDialog):
    """The administrator's list of accounts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.setObjectName("users_dialog")
        self.form: FormDialog | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users_table")
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"),
                                              self.tr("Role"), self.tr("Account")])
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
        for text, name, slot in ((self.tr("&Add user..."), "add_user", self.add_user),
                                 (self.tr("&Reset password..."), "reset_password",
                                  self.reset_password),
                                 (self.tr("&Disable"), "disable_user",
                                  lambda: self.set_active(False)),
                                 (self.tr("&Enable"), "enable_user",
                                  lambda: self.set_active(True))):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(700, 420)
        self.reload()

    def reload(self) -> None:
        rows = users.list_users(self.ctx.uow(), active_only=False)
        self.table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            role = term(u.role) + (self.tr(" + coordinator") if u.also_coordinator else "")
            for c, text in enumerate((u.username, u.full_name, role,
                                      self.tr("active") if u.active else self.tr("disabled"))):
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
        self._open(FormDialog(self.tr("Add a user"), [
            Field("username", self.tr("User name"), required=True),
            Field("full_name", self.tr("Full name"), required=True),
            Field("role", self.tr("Role"), "choice", True, Role.NAVIGATOR,
                  [(term(r), r) for r in Role]),
            Field("also", self.tr("Also coordinates"), "check",
                  extra={"text": self.tr("an administrator who also coordinates cases")}),
            Field("password", self.tr("First password"), "password", True,
                  help=self.tr("They choose their own at the first sign-in")),
            Field("again", self.tr("First password again"), "password", True),
        ], submit, self))

    def reset_password(self) -> None:
        username = self.selected_username()
        if username is None:
            self.error.setText(self.tr("Select a user first."))
            return

        def submit(v: dict[str, Any]) -> None:
            _same(v)
            users.reset_password(self.ctx.uow(), self.ctx.actor, username, v["password"])
        self._open(FormDialog(self.tr("Reset the password of {username}")
                                     .format(username=username), [
            Field("password", self.tr("New password"), "password", True),
            Field("again", self.tr("New password again"), "password", True),
        ], submit, self, intro=self.tr("The account is unlocked; they choose their own password "
                                       "at their next sign-in.")))

    def set_active(self, active: bool) -> None:
        username = self.selected_username()
        if username is None:
            self.error.setText(self.tr("Select a user first."))
            return
        try:
            users.set_active(self.ctx.uow(), self.ctx.actor, username, active)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.reload()
