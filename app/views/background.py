"""Long work off the GUI thread: a worker thread, a progress dialog, and Cancel.

The job is a plain function taking ``progress(done, total, text)`` and ``cancelled()``; it calls
services (each with its own unit of work), so nothing here knows about the database. A domain
error ends the job with its message; the window stays responsive throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import DomainError

Progress = Callable[[int, int, str], None]
Job = Callable[[Progress, Callable[[], bool]], Any]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.cancel_requested = False

    def run(self) -> None:
        try:
            result = self.job(lambda done, total, text: self.progress.emit(done, total, text),
                              lambda: self.cancel_requested)
        except DomainError as exc:
            self.failed.emit(exc.message)
            return
        self.finished.emit(result)


class BackgroundTask(QObject):
    """Run ``job`` on a worker thread behind a progress dialog with Cancel; ``done`` fires on
    the GUI thread when it has finished, failed or stopped after Cancel."""

    done = Signal(object)

    def __init__(self, parent: QWidget, title: str, label: str, job: Job) -> None:
        super().__init__(parent)
        self.worker = _Worker(job)
        self.thread = QThread()
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("background_progress")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.result: Any = None
        self.error: str | None = None
        self.finished = False

    def start(self) -> BackgroundTask:
        self.dialog.show()
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.worker.cancel_requested = True

    @property
    def cancelled(self) -> bool:
        return self.worker.cancel_requested

    def _progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.finished = True
        self.dialog.reset()
        self.dialog.hide()

    def _finished(self, result: Any) -> None:
        self.result = result
        self._stop()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self.error = message
        self._stop()
        self.done.emit(None)
