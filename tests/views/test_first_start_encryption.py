"""The first start of a real (non-demo) database offers encryption, on by default: the first
administrator chooses a passphrase beside their password, and the file is encrypted before
anyone signs in."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from app.config import Settings
from app.services import encryption
from app.views.app import Startup

PASSPHRASE = "a long first-start passphrase"


def test_first_start_encrypts_by_default(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "data" / "pathways.db"
    path.parent.mkdir()
    url = f"sqlite:///{path}"
    startup = Startup(Settings(database_url=url, backup_dir=tmp_path / "data" / "backups"),
                      backup=False)
    startup.start()
    qtbot.waitUntil(lambda: getattr(startup, "first_admin", None) is not None, timeout=30000)
    first = startup.first_admin
    assert first.encrypt.isVisible() and first.encrypt.isChecked()
    first.username.setText("firstadmin")
    first.full_name.setText("First Administrator")
    first.password.setText("a good password")
    first.again.setText("a good password")
    first.passphrase.setText("short")
    first.passphrase_again.setText("short")
    first.grab().save(str(tmp_path / "first-start.png"))
    first.findChild(QDialogButtonBox).accepted.emit()
    assert "at least 12 characters" in first.error.text()
    assert not encryption.is_encrypted(url)  # nothing made yet, not even the account
    first.passphrase.setText(PASSPHRASE)
    first.passphrase_again.setText(PASSPHRASE)
    first.findChild(QDialogButtonBox).accepted.emit()
    assert first.result() == first.DialogCode.Accepted, first.error.text()
    assert encryption.is_encrypted(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert startup.db is not None and startup.db.passphrase == PASSPHRASE
    # the administrator signs in to the encrypted database
    startup.sign_in.username.setText("firstadmin")
    startup.sign_in.password.setText("a good password")
    startup.sign_in.findChild(QDialogButtonBox).accepted.emit()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=20000)
    qtbot.addWidget(startup.window)
    startup.window.close()
    startup.close()
