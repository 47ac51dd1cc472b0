"""Start-up as ``pathways`` runs it: the first paint (frame and sign-in) from code importing only
PySide6, the database opened behind it, then sign-in and the main window with My work filled
from a worker thread."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from app.config import Settings
from app.models.users import Role
from app.views.app import Startup
from tests.factories import PASSWORD, make_user

HEAVY = ("sqlalchemy", "reportlab", "alembic", "app.models", "app.services", "app.db",
         "PySide6.QtCharts", "app.views.main_window")


def test_the_first_paint_imports_only_pyside6() -> None:
    """What ``pathways`` imports before the window's frame and the sign-in are painted."""
    code = ("import sys, app.launch, app.views.app\n"
            f"heavy = [m for m in sys.modules if m.startswith({HEAVY!r})]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_startup_paints_first_then_signs_in_and_fills_my_work(qtbot: Any, db: Any,
                                                               tmp_path: Any) -> None:
    make_user(db, Role.COORDINATOR, username="startup_coord")
    startup = Startup(Settings(database_url=db.url, backup_dir=tmp_path / "backups"),
                      backup=False)
    startup.start()
    assert startup.frame.isVisible() and startup.sign_in.isVisible()
    assert startup.frame.statusBar().currentMessage()  # says what it is doing
    # signing in before the database is open waits for it, and says so
    startup.sign_in.username.setText("startup_coord")
    startup.sign_in.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.ready, timeout=30000):
        if startup.db is None:
            startup.sign_in.findChild(QDialogButtonBox).accepted.emit()
            assert startup.sign_in.error.text() == "Opening the database..."
    if startup.window is None:  # the database opened before the click: sign in now
        startup.sign_in.findChild(QDialogButtonBox).accepted.emit()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10000)
    window = startup.window
    assert window is not None
    qtbot.addWidget(window)
    assert not startup.frame.isVisible()
    if window.my_work.loading:
        with qtbot.waitSignal(window.my_work.loaded, timeout=30000):
            pass
    assert "missed" in window.my_work.sections
    assert window.dashboard is None  # built when its tab is first shown
    dashboard = window.show_dashboard()
    assert dashboard is not None and window.dashboard is dashboard
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=30000)
    window.close()
    startup.close()
