"""Start-up, in order: settings, database (backed up, then upgraded), the Qt application,
first administrator or sign-in, then the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
)

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


class _BackupSignals(QObject):
    finished = Signal(str)


class StartupBackup(QRunnable):
    """The automatic rotating backup, taken off the GUI thread with SQLite's online backup."""

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db, self.settings = db, settings
        self.signals = _BackupSignals()
        self.outcome: str | None = None
        self._window: QMainWindow | None = None
        self.signals.finished.connect(self._finished)
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            made = database.rotate_backup(self.db, self.settings.backup_dir,
                                          self.settings.backups_kept)
            text = "Automatic backup made and checked" if made else ""
        except DomainError as exc:
            log.warning("automatic backup failed")
            text = f"The automatic backup failed: {exc.message}"
        self.signals.finished.emit(text)

    def _finished(self, text: str) -> None:
        self.outcome = text
        self._show()

    def report_to(self, window: QMainWindow) -> None:
        self._window = window
        self._show()

    def _show(self) -> None:
        if self._window is not None and self.outcome:
            self._window.statusBar().showMessage(self.outcome, 10000)


def run_gui(settings: Settings) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = make_application()
    try:
        passphrase = encryption.passphrase_for(settings.database_url, ask_passphrase)
        db = Database(settings.database_url, passphrase=passphrase)
        # Before a migration the backup must come first; otherwise it need not hold up the
        # start (3-4 s on a large file), so it runs on a pool thread while the user signs in.
        upgrading = database.needs_upgrade(db)
        database.prepare(db, settings.backup_dir if upgrading else None, settings.backups_kept)
    except DomainError as exc:
        QMessageBox.critical(None, "Pathways cannot open the database", exc.message)
        return 1
    log.info("database ready")
    backup = None if upgrading else StartupBackup(db, settings)
    if not users.has_users(db.uow()):
        first = FirstAdministratorDialog(db.uow)
        if first.exec() != FirstAdministratorDialog.DialogCode.Accepted:
            return 0
    sign_in = SignInDialog(db.uow)
    if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.actor is None:
        return 0
    window = MainWindow(AppContext(db.uow, sign_in.actor, settings))
    window.show()
    if sign_in.actor.must_change_password:
        window.change_password(required=True)
    if backup is not None:
        backup.report_to(window)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()
    db.dispose()
    return int(code)
