"""Start-up, in order: settings, database (backed up, then upgraded), the Qt application,
first administrator or sign-in, then the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from app.config import APP_NAME, ORG_NAME, Settings
from app.db import Database
from app.errors import DomainError
from app.services import database, encryption, users
from app.views.context import AppContext
from app.views.main_window import MainWindow
from app.views.signin import FirstAdministratorDialog, SignInDialog

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def ask_passphrase() -> str | None:
    """An encrypted database's passphrase, asked before anything is read from it."""
    text, ok = QInputDialog.getText(
        None, "Encrypted database", "This database is encrypted. Its passphrase:",
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def run_gui(settings: Settings) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = make_application()
    try:
        passphrase = encryption.passphrase_for(settings.database_url, ask_passphrase)
        db = Database(settings.database_url, passphrase=passphrase)
        database.prepare(db, settings.backup_dir, settings.backups_kept)
    except DomainError as exc:
        QMessageBox.critical(None, "Pathways cannot open the database", exc.message)
        return 1
    log.info("database ready")
    if not users.has_users(db.uow()):
        first = FirstAdministratorDialog(db.uow)
        if first.exec() != FirstAdministratorDialog.DialogCode.Accepted:
            return 0
    sign_in = SignInDialog(db.uow)
    if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.actor is None:
        return 0
    window = MainWindow(AppContext(db.uow, sign_in.actor, settings))
    window.show()
    code = app.exec()
    db.dispose()
    return int(code)
