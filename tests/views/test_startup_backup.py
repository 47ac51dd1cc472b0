"""The automatic backup at start runs off the GUI thread and is checked like any backup."""

from __future__ import annotations

from app.config import Settings
from app.services import database
from app.views.app import StartupBackup


def test_startup_backup_runs_in_the_background_and_is_checked(qtbot, db, tmp_path) -> None:
    settings = Settings(database_url=db.url, backup_dir=tmp_path / "backups", backups_kept=2)
    assert not database.needs_upgrade(db)
    jobs = [StartupBackup(db, settings) for _ in range(3)]
    for job in jobs:
        qtbot.waitUntil(lambda job=job: job.outcome is not None, timeout=20000)
    assert {job.outcome for job in jobs} == {"Automatic backup made and checked"}
    copies = sorted((tmp_path / "backups").glob("pathways-*.db"))
    assert len(copies) == 2  # rotated: only the newest two kept
    for copy in copies:
        database.verify_backup(copy)


def test_a_backup_is_one_file(db, tmp_path) -> None:
    if not db.url.startswith("sqlite"):
        raise AssertionError("desktop backups are SQLite files")
    folder = tmp_path / "backups"
    made = database.backup(db, folder / "copy.db")
    assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]
    database.verify_backup(made)
    assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]
