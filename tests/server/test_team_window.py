"""The window on a team server: it opens the database at sign-in, as the user's own login role,
and a password changed in the window is the one its next connections use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import text

from app.config import Settings
from app.db import Database
from app.models.users import Role
from app.services import server, users
from app.views.app import Startup
from tests.factories import PASSWORD, make_user
from tests.server.conftest import Team

pytestmark = pytest.mark.postgres


def _sign_in(qtbot: Any, startup: Startup, username: str, password: str) -> None:
    startup.sign_in.username.setText(username)
    startup.sign_in.password.setText(password)
    startup.sign_in.findChild(QDialogButtonBox).accepted.emit()


def test_the_window_signs_in_as_the_users_own_role(qtbot: Any, team: Team,
                                                    tmp_path: Path) -> None:
    dba = Database(team.admin_url)
    try:
        nav = make_user(dba, Role.NAVIGATOR, username="wendy")
        uow = dba.uow()
        with uow:
            server.sync_login(uow, nav.username, PASSWORD, login=True)
            uow.commit()
    finally:
        dba.dispose()
    startup = Startup(Settings(database_url=team.team_url, backup_dir=tmp_path / "backups"),
                      backup=False)
    with qtbot.waitSignal(startup.ready, timeout=30000):
        startup.start()
    _sign_in(qtbot, startup, "wendy", "not her password")
    assert startup.sign_in.error.text() == "The user name or password is not right."
    assert startup.window is None
    _sign_in(qtbot, startup, "wendy", PASSWORD)
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10000)
    window = startup.window
    assert window is not None
    qtbot.addWidget(window)
    assert startup.db is not None
    with startup.db.engine.connect() as conn:
        assert conn.execute(text("SELECT session_user")).scalar() == team.roles.login("wendy")
    if window.my_work.loading:
        with qtbot.waitSignal(window.my_work.loaded, timeout=30000):
            pass
    # her new password reaches her login role, and the window's next connection uses it
    users.change_password(startup.db.uow(), nav, PASSWORD, "wendys new password")
    startup.db.engine.dispose()
    with startup.db.engine.connect() as conn:
        assert conn.execute(text("SELECT session_user")).scalar() == team.roles.login("wendy")
    with team.login("wendy", "wendys new password") as raw:
        assert raw.execute("SELECT 1").fetchone() == (1,)
    window.close()
    startup.close()
