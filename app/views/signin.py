"""Sign-in, the first administrator of a new database, and unlocking after inactivity.

This module imports only PySide6 (the services are imported when a password is checked), so the
sign-in is part of the first paint while the database and SQLAlchemy load behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.views.style import ERROR_STYLE

if TYPE_CHECKING:
    from app.db import UnitOfWork
    from app.services.context import Actor


class SignInDialog(QDialog):
    """Asks for a user name and password; ``actor`` is set when they are right.

    ``uow`` may be None while the database is still opening: the dialog is shown at once, and a
    Sign in pressed before ``set_database`` waits for it."""

    def __init__(self, uow: Callable[[], UnitOfWork] | None, parent: QWidget | None = None,
                 *, username: str = "", unlock_for: Actor | None = None) -> None:
        super().__init__(parent)
        self._uow = uow
        self._connect: Callable[[str, str], Callable[[], UnitOfWork]] | None = None
        self._pending = False
        self._unlock_for = unlock_for
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Unlock Pathways") if unlock_for else self.tr("Sign in to "
                                                                                  "Pathways"))
        self.setObjectName("sign_in")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The window was locked after a time without use. {full_name}, enter your "
                    "password to carry on.")
                   .format(full_name=unlock_for.full_name) if unlock_for else
            self.tr("Pathways holds sensitive personal data. Sign in with your own account."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(unlock_for.username if unlock_for else username)
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setEnabled(unlock_for is None)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        user_label = QLabel(self.tr("&User name"))
        user_label.setBuddy(self.username)
        pass_label = QLabel(self.tr("&Password"))
        pass_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("sign_in_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Unlock") if unlock_for else self.tr("Sign in"))
        ok.setObjectName("sign_in_button")
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if unlock_for or username else self.username).setFocus()
        self.resize(420, 220)

    def set_connector(self, connect: Callable[[str, str], Callable[[], UnitOfWork]]) -> None:
        """A team server: the database is opened at sign-in, as the user's own login role
        (``connect(username, password)`` gives its units of work)."""
        self._connect = connect
        if self._pending:
            self._pending = False
            self.error.hide()
            self.try_sign_in()

    def set_database(self, uow: Callable[[], UnitOfWork]) -> None:
        """The database is open: a Sign in pressed meanwhile is carried out now."""
        self._uow = uow
        if self._pending:
            self._pending = False
            self.error.hide()
            self.try_sign_in()

    def try_sign_in(self) -> None:
        if self._uow is None and self._connect is not None:
            try:
                self._uow = self._connect(self.username.text(), self.password.text())
            except DomainError as exc:
                self.password.clear()
                self.error.setStyleSheet(ERROR_STYLE)
                self.error.setText(exc.message)
                self.error.show()
                self.password.setFocus()
                return
        if self._uow is None:
            self._pending = True
            self.error.setText(self.tr("Opening the database..."))
            self.error.setStyleSheet("")
            self.error.show()
            return
        from app.services import users

        self.error.setStyleSheet(ERROR_STYLE)
        try:
            if self._unlock_for is not None:
                users.verify_password(self._uow(), self._unlock_for, self.password.text())
                self.actor = self._unlock_for
            else:
                self.actor = users.sign_in(self._uow(), self.username.text(),
                                           self.password.text())
        except DomainError as exc:
            if self._connect is not None and self._unlock_for is None:
                self._uow = None  # a team server: the next try connects with its own password
            self.password.clear()
            self.error.setText(exc.message)
            self.error.show()
            self.password.setFocus()
            return
        self.accept()


class FirstAdministratorDialog(QDialog):
    """A new database has no users: its first administrator is created here (no default
    password ever exists outside demo databases)."""

    def __init__(self, uow: Callable[[], UnitOfWork], parent: QWidget | None = None, *,
                 encrypt: Callable[[Actor, str], None] | None = None) -> None:
        super().__init__(parent)
        self._uow = uow
        self._encrypt = encrypt
        self.setObjectName("first_administrator")
        self.setWindowTitle(self.tr("Set up Pathways"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This database is new. Create the first administrator account; the "
                               "administrator then adds everyone else."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for w, label in ((self.username, self.tr("User name")), (self.full_name,
                                                                 self.tr("Full name")),
                         (self.password, self.tr("Password")), (self.again,
                                                                self.tr("Password again"))):
            w.setAccessibleName(label)
            form.addRow(label, w)
        for w in (self.password, self.again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addLayout(form)
        # a desktop file is offered encryption at its first start, on by default: without it
        # anyone who can read the file reads every case
        self.encrypt = QCheckBox(self.tr("Encrypt this database (recommended)"))
        self.encrypt.setChecked(encrypt is not None)
        self.encrypt.setVisible(encrypt is not None)
        self.encrypt.setAccessibleName(self.tr("Encrypt this database"))
        layout.addWidget(self.encrypt)
        key_form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase_again = QLineEdit()
        for w, label in ((self.passphrase, self.tr("Passphrase (12+ characters)")),
                         (self.passphrase_again, self.tr("Passphrase again"))):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setAccessibleName(label)
            w.setVisible(encrypt is not None)
            key_form.addRow(label, w)
        self._key_labels = [key_form.labelForField(w) for w in (self.passphrase,
                                                                 self.passphrase_again)]
        for label_widget in self._key_labels:
            if label_widget is not None:
                label_widget.setVisible(encrypt is not None)
        self.encrypt.toggled.connect(self.passphrase.setEnabled)
        self.encrypt.toggled.connect(self.passphrase_again.setEnabled)
        layout.addLayout(key_form)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _create(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        from app.services import encryption, users
        from app.services.context import Actor

        encrypting = self._encrypt is not None and self.encrypt.isChecked()
        try:
            if encrypting:  # checked before anything is made, so nothing is half-done
                if self.passphrase.text() != self.passphrase_again.text():
                    raise DomainError(self.tr("The two passphrases are not the same."))
                encryption.check_passphrase_strength(self.passphrase.text())
            info = users.create_first_administrator(self._uow(), self.username.text(),
                                                    self.full_name.text(),
                                                    self.password.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        if encrypting and self._encrypt is not None:
            try:
                self._encrypt(Actor(info.id, info.username, info.full_name, info.role),
                              self.passphrase.text())
            except DomainError as exc:  # the account stands; the file stays as it was
                self.error.setText(self.tr("The account was created, but the database was not "
                                           "encrypted: {message} Use 'pathways db encrypt'.")
                                          .format(message=exc.message))
        self.accept()
