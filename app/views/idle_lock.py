"""The main window's idle lock: after the chosen minutes without a key or a click, every case
and every open dialog is hidden behind a page that asks for the password again.

Dialogs are hidden, not closed, so a half-filled form comes back exactly as it was once the
user has signed in again. A mixin of ``MainWindow`` (which provides ``tabs``, ``ctx`` and
``dialog``), kept apart so the window's module stays about its tabs and menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.views.signin import SignInDialog

if TYPE_CHECKING:
    from app.views.context import AppContext

    _Base = QMainWindow
else:
    _Base = object


class IdleLock(_Base):
    ctx: AppContext
    tabs: QTabWidget
    dialog: QWidget | None

    def _build_lock(self, text: str) -> None:
        """The central widget: the tabs, and the page shown instead while locked."""
        self.locked_page = QWidget()
        lock_layout = QVBoxLayout(self.locked_page)
        lock_label = QLabel(text)
        lock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lock_layout.addWidget(lock_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.locked_page)
        self.setCentralWidget(self.stack)

    def _start_idle_lock(self, minutes: int) -> None:
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(minutes * 60_000)
        self._idle.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle.start()

    def _stop_idle_lock(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.MouseMove, QEvent.Type.Wheel) \
                and self.stack.currentWidget() is self.tabs:
            self._idle.start()
        return False

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.locked_page

    def lock(self) -> None:
        """Hide every case, and every open dialog with it; what was typed is kept, unseen."""
        if self.is_locked:
            return
        # Hidden, not closed: a half-filled form comes back as it was once the user is back.
        self._hidden_while_locked = [
            w for w in self.findChildren(QWidget)
            if w.isWindow() and w is not self and w.isVisible()]
        self._dialog_before_lock = self.dialog
        for w in self._hidden_while_locked:
            w.hide()
        self.stack.setCurrentWidget(self.locked_page)
        self.menuBar().setEnabled(False)
        for tb in self.findChildren(QToolBar):
            tb.setEnabled(False)
        unlock = SignInDialog(self.ctx.uow, self, unlock_for=self.ctx.actor)
        unlock.accepted.connect(self.unlock)
        unlock.rejected.connect(self.close)
        self.dialog = unlock
        unlock.open()

    def unlock(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.menuBar().setEnabled(True)
        for tb in self.findChildren(QToolBar):
            tb.setEnabled(True)
        for w in getattr(self, "_hidden_while_locked", []):
            w.show()  # modality is kept: a form is in front of its case again
        self._hidden_while_locked = []
        self.dialog = getattr(self, "_dialog_before_lock", None)
        self._idle.start()

