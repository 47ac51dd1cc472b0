"""View tests build the real main window on a migrated database, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.config import Settings
from app.services import users
from app.views.context import AppContext
from app.views.main_window import MainWindow
from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Any, qapp: Any) -> None:
    QCoreApplication.setOrganizationName("PathwaysTests")
    QCoreApplication.setApplicationName("PathwaysTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))


@pytest.fixture
def open_window(qtbot: Any, db: Any) -> Iterator[Callable[..., MainWindow]]:
    """Sign a user in (with the real sign-in service) and open the real main window."""
    windows: list[MainWindow] = []

    def _open(username: str, password: str = PASSWORD) -> MainWindow:
        actor = users.sign_in(db.uow(), username, password)
        settings = Settings(database_url=db.url)
        window = MainWindow(AppContext(db.uow, actor, settings))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield _open
    for w in windows:
        w.close()


@pytest.fixture(autouse=True)
def _documents_folder_reset() -> Iterator[None]:
    """The folder chosen in Preferences is per signed-in user; no test inherits another's."""
    from app.views import folders

    folders.use_folder(None)
    yield
    folders.use_folder(None)
