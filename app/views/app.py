"""Start-up. The first paint (the window's frame and the sign-in) comes from code that imports
only PySide6; the services, SQLAlchemy and the models load on a worker thread behind it, the
database is opened and checked on another, and the main window is built once the user has
signed in. Nothing here waits on the GUI thread, so the window is never frozen; each step shows
what it is doing in the frame's status bar.

The order is: frame and sign-in painted; services imported; passphrase asked if the file is
encrypted; database opened (backed up first, then upgraded, only when a migration is due); the
first administrator if there are no users; sign-in; the main window, whose My work fills from a
worker thread; and the daily automatic backup, in the background, with progress in the status bar.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QSettings, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.config import APP_NAME, ORG_NAME, Settings
from app.views.i18n import current_language, remember_language, translate, use_language
from app.views.screen import fit_to_screen
from app.views.signin import FirstAdministratorDialog, SignInDialog

if TYPE_CHECKING:
    from app.db import Database
    from app.services.context import Actor
    from app.views.main_window import MainWindow

#: The automatic backup is taken at most once in this many hours.
BACKUP_EVERY_HOURS = 24


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
        None, translate("App", "Encrypted database"),
        translate("App", "This database is encrypted. Its passphrase:"),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


class _BackupSignals(QObject):
    finished = Signal(str)
    progress = Signal(int)


class StartupBackup(QRunnable):
    """The automatic rotating backup, taken off the GUI thread with SQLite's online backup, at
    most once every ``BACKUP_EVERY_HOURS``; its progress goes to the window's status bar."""

    def __init__(self, db: Database, settings: Settings, *,
                 every_hours: float | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db, self.settings = db, settings
        self.every_hours = every_hours
        self.signals = _BackupSignals()
        self.outcome: str | None = None
        self.percent = 0
        self._window: QMainWindow | None = None
        self.signals.finished.connect(self._finished)
        self.signals.progress.connect(self._progress)
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        import logging

        from app.errors import DomainError
        from app.services import database

        log = logging.getLogger(__name__)
        try:
            made = database.rotate_backup(
                self.db, self.settings.backup_dir, self.settings.backups_kept,
                min_age_hours=self.every_hours,
                progress=lambda done, total: self.signals.progress.emit(
                    int(100 * done / total) if total else 100))
            text = translate("App", "Automatic backup made and checked") if made else ""
        except DomainError as exc:
            log.warning("automatic backup failed")
            text = translate("App", "The automatic backup failed: {message}").format(
                message=exc.message)
        except Exception as exc:  # a pool thread must not die silently
            log.warning("automatic backup failed: %s", exc.__class__.__name__)
            text = translate("App", "The automatic backup failed ({error}).").format(
                error=exc.__class__.__name__)
        self.signals.finished.emit(text)

    def _progress(self, percent: int) -> None:
        self.percent = percent
        if self._window is not None and percent < 100:
            self._window.statusBar().showMessage(translate("App", "Automatic backup: {percent}%")
                                                                 .format(percent=percent))

    def _finished(self, text: str) -> None:
        self.outcome = text
        self._show()

    def report_to(self, window: QMainWindow) -> None:
        self._window = window
        self._show()

    def _show(self) -> None:
        if self._window is None or self.outcome is None:
            return
        if self.outcome:
            self._window.statusBar().showMessage(self.outcome, 10000)
        else:
            self._window.statusBar().clearMessage()


class StartupFrame(QMainWindow):
    """The window's frame while the app loads: title, geometry and a busy status bar. It
    imports nothing but PySide6, so it paints about as soon as a bare window would."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startup_frame")
        self.setWindowTitle(self.tr("Pathways"))
        # centred by stretches: touching PySide6's Qt namespace costs about 85 ms the first
        # time, more than the rest of the first paint
        self.message = QLabel(self.tr("Loading Pathways..."))
        self.message.setObjectName("startup_message")
        middle = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message)
        row.addStretch(1)
        column = QVBoxLayout(middle)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.setCentralWidget(middle)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving: work is going on
        self.busy.setMaximumWidth(160)
        self.busy.setAccessibleName(self.tr("Loading"))
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().showMessage(self.tr("Loading..."))
        geometry = QSettings().value("main/geometry")  # where the main window will be
        if geometry:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 800)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text)


class _Loader(QThread):
    """One step of start-up off the GUI thread; ``done`` carries its result (in a list: a bare
    None through a queued ``object`` signal upsets PySide6's reference counts) or its error."""

    done = Signal(object, str)

    def __init__(self, step: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._step = step

    def run(self) -> None:
        try:
            result = self._step()
        except Exception as exc:
            message = getattr(exc, "message", None) or (
                self.tr("Pathways could not start ({error}: {exc}).")
                       .format(error=exc.__class__.__name__, exc=exc))
            self.done.emit([None], str(message))
            return
        self.done.emit([result], "")


def _import_services() -> None:
    """What signing in and the main window need: SQLAlchemy, the models, the services, the
    main window's module. The dashboard, case workspace and documents load when first used."""
    import app.services.database
    import app.services.encryption
    import app.services.users
    import app.views.main_window  # noqa: F401


class Startup(QObject):
    """Drives start-up through its steps without blocking the GUI thread. ``window`` is the
    main window once signed in; ``finished`` fires with an exit code when start-up gives up or
    the user cancels."""

    finished = Signal(int)
    ready = Signal()

    def __init__(self, settings: Settings, *, backup: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.backup_wanted = backup
        self.db: Database | None = None
        self.upgraded = False
        self.window: MainWindow | None = None
        self.backup: StartupBackup | None = None
        self._threads: list[_Loader] = []
        self._closed_windows: list[MainWindow] = []
        use_language(current_language())  # the sign-in in the language last used here
        self.frame = StartupFrame()
        self.sign_in = SignInDialog(None, self.frame)
        self.sign_in.accepted.connect(self._signed_in)
        self.sign_in.rejected.connect(lambda: self.finished.emit(0))

    def start(self) -> None:
        """Paint the frame and the sign-in, then load behind them."""
        self.frame.show()
        self.sign_in.show()
        self._focus_sign_in()
        QTimer.singleShot(0, lambda: self._run(_import_services, self._imported,
                                               self.tr("Loading...")))

    def _focus_sign_in(self) -> None:
        """The keyboard goes to the sign-in, not the frame behind it (with or without a window
        manager): a user types their name straight away."""
        self.sign_in.activateWindow()

    def _run(self, step: Any, then: Any, text: str) -> None:
        self.frame.say(text)
        loader = _Loader(step, self)
        loader.done.connect(lambda boxed, error: self._step_done(loader, boxed[0], error, then))
        self._threads.append(loader)
        loader.start()

    def _step_done(self, loader: _Loader, result: object, error: str, then: Any) -> None:
        loader.wait()
        self._threads.remove(loader)
        if error:
            self._fail(error)
            return
        then(result)

    def _fail(self, message: str) -> None:
        self.sign_in.hide()
        QMessageBox.critical(self.frame, self.tr("Pathways cannot open the database"), message)
        self.finished.emit(1)

    def _imported(self, _result: object) -> None:
        from app.db import Database
        from app.errors import DatabaseProblem, DomainError
        from app.services import encryption

        try:
            passphrase = encryption.passphrase_for(self.settings.database_url, ask_passphrase)
        except DomainError as exc:
            self._fail(exc.message)
            return
        settings = self.settings
        if self._team_server():
            self.sign_in.set_connector(self._connect_team)
            self.frame.say(self.tr("Sign in to carry on."))
            self.ready.emit()
            return

        def open_database() -> tuple[Database, bool, bool]:
            from app.services import database, users

            db = Database(settings.database_url, passphrase=passphrase)
            # Before a migration the backup must come first; otherwise it runs after the
            # window is shown, in the background
            upgrading = database.needs_upgrade(db)
            database.prepare(db, settings.backup_dir if upgrading else None,
                             settings.backups_kept)
            checked = database.check(db, quick=True)  # the full check is on demand
            if not checked.ok:
                raise DatabaseProblem("; ".join(checked.problems))
            return db, upgrading, users.has_users(db.uow())

        self._run(open_database, self._opened, self.tr("Opening the database..."))

    def _team_server(self) -> bool:
        from app.services import server

        return bool(server.is_team_url(self.settings.database_url))

    def _connect_team(self, username: str, password: str) -> Any:
        """A team server set up by ``db setup-server``: the window connects as the user's own
        login role, so the server applies its row-level security to everything it reads.
        The schema is the DBA's to upgrade; here it is only checked."""
        from app.errors import DatabaseProblem
        from app.services import database, server

        if self.db is not None:  # an earlier try that the sign-in itself refused
            self.db.dispose()
            self.db = None
        db = server.open_as(self.settings.database_url, username, password)
        checked = database.check(db, quick=True)
        if not checked.ok:
            db.dispose()
            raise DatabaseProblem("; ".join(checked.problems))
        self.db = db
        return db.uow

    def _opened(self, result: object) -> None:
        self.db, self.upgraded, has_users = result  # type: ignore[misc]
        assert self.db is not None
        self.frame.say(self.tr("Sign in to carry on."))
        if not has_users:
            self.sign_in.hide()
            offer = self.db.url.startswith("sqlite") and not self.db.passphrase
            first = FirstAdministratorDialog(self.db.uow, self.frame,
                                             encrypt=self._encrypt_new if offer else None)
            self.first_admin = first
            first.accepted.connect(self.sign_in.show)
            first.rejected.connect(lambda: self.finished.emit(0))
            first.open()
        self.sign_in.set_database(self.db.uow)
        self.ready.emit()

    def _encrypt_new(self, actor: Actor, passphrase: str) -> None:
        """Encrypt the new database (first start) and go on with the encrypted file."""
        from app.db import Database
        from app.services import encryption

        assert self.db is not None
        encryption.encrypt(self.db, actor, passphrase, self.settings.backup_dir)
        self.db = Database(self.settings.database_url, passphrase=passphrase)
        self.sign_in.set_database(self.db.uow)

    def _signed_in(self) -> None:
        actor = self.sign_in.actor
        if actor is not None:
            self.open_window(actor)

    def open_window(self, actor: Actor) -> MainWindow:
        """The main window for ``actor``, where the frame was; My work fills behind it."""
        from app.views.context import AppContext
        from app.views.main_window import MainWindow

        assert self.db is not None
        self.frame.say(self.tr("Opening your work..."))
        self._use_language_of(actor)
        window = MainWindow(AppContext(self.db.uow, actor, self.settings),
                            load_in_background=True)
        window.setGeometry(self.frame.geometry())
        window.can_reopen = True
        window.reopen_requested.connect(self._reopen)
        window.show()
        self.frame.hide()
        self.window = window
        if actor.must_change_password:
            window.change_password(required=True)
        if self.backup_wanted and not self.upgraded:
            self.backup = StartupBackup(self.db, self.settings, every_hours=BACKUP_EVERY_HOURS)
            self.backup.report_to(window)
        return window

    def _use_language_of(self, actor: Actor) -> None:
        """The window in the signed-in user's own language (Preferences), remembered here."""
        from app.services.preferences import get_preferences

        assert self.db is not None
        code = get_preferences(self.db.uow(), actor).ui_language
        use_language(code)
        remember_language(code)

    def _reopen(self) -> None:
        """Build the main window again, in the language just chosen, where the old one was."""
        from app.views.main_window import MainWindow

        old = self.window
        assert old is not None and self.db is not None
        self._use_language_of(old.ctx.actor)
        window = MainWindow(old.ctx, load_in_background=True)
        window.setGeometry(old.geometry())
        window.can_reopen = True
        window.reopen_requested.connect(self._reopen)
        window.show()
        self.window = window
        old.close()
        self._closed_windows.append(old)  # its background loads may still report to it
        if self.backup is not None:
            self.backup.report_to(window)

    def close(self) -> None:
        """Wait for the start-up threads and the backup, then let the database go."""
        for loader in list(self._threads):
            loader.wait()
        QThreadPool.globalInstance().waitForDone()
        if self.db is not None:
            self.db.dispose()


def run_gui(settings: Settings) -> int:
    app = make_application()
    startup = Startup(settings)
    code: list[int] = []

    def stop(value: int) -> None:
        code.append(value)
        app.exit(value)

    startup.finished.connect(stop)
    startup.start()
    import logging  # after the first paint: it is not needed before

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    result = app.exec()
    startup.close()
    return code[0] if code else int(result)

