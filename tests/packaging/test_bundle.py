"""The desktop bundle (scripts/bundle, PyInstaller one-folder): built from the checkout, then
run as a user would run it, with nothing of the checkout or the venv on its path."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.config import REPO_ROOT
from app.services.database import head_revision

CLEAN_ENV = {k: v for k, v in os.environ.items()
             if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PATHWAYS_DATABASE_URL")}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "bundle"), str(dist)],
                          env=dict(CLEAN_ENV, PATHWAYS_BUNDLE_PYTHON=sys.executable,
                                   PYTHONPATH=str(REPO_ROOT)),
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dist / "pathways"


def test_the_bundle_holds_the_program_its_data_a_menu_entry_and_an_icon(bundle: Path) -> None:
    assert os.access(bundle / "pathways", os.X_OK)
    desktop = (bundle / "pathways.desktop").read_text(encoding="utf-8")
    assert "Exec=pathways" in desktop and "Icon=pathways" in desktop
    assert (bundle / "pathways.png").read_bytes().startswith(b"\x89PNG")
    data = bundle / "_internal" / "app" / "_data"
    assert (data / "migrations" / "env.py").is_file()
    assert (data / "resources" / "templates" / "contract.cy.json").is_file()
    # a Welsh or Polish letter's dates come from Babel's CLDR data
    assert {p.name for p in (bundle / "_internal").rglob("locale-data/*.dat")} >= {"cy.dat",
                                                                                 "pl.dat"}


def test_the_bundle_checks_a_database_and_opens_its_window(bundle: Path, tmp_path: Path
                                                           ) -> None:
    db = tmp_path / "data" / "pathways.db"
    env = dict(CLEAN_ENV, PATHWAYS_DATA_DIR=str(tmp_path / "data"),
               PATHWAYS_DATABASE_URL=f"sqlite:///{db}", QT_QPA_PLATFORM="offscreen")
    exe = str(bundle / "pathways")
    run = subprocess.run([exe, "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([exe, "db", "check"], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0 and run.stdout.startswith("ok:"), run.stdout + run.stderr

    # the window: on a new database it opens, migrates and asks for the first administrator
    db.unlink()
    window = subprocess.Popen([exe], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and window.poll() is None:
            if db.exists():
                conn = sqlite3.connect(db)
                try:
                    at = conn.execute("SELECT version_num FROM alembic_version").fetchall()
                except sqlite3.Error:
                    at = []
                finally:
                    conn.close()
                if at == [(head_revision(),)]:
                    break
            time.sleep(0.5)
        time.sleep(2)
        assert window.poll() is None, window.communicate()[1][-3000:]
    finally:
        window.terminate()
        _, err = window.communicate(timeout=30)
    assert db.exists() and "Traceback" not in err, err[-3000:]
