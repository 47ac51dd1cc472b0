"""The built wheel works on its own: installed into a new venv, used from an empty folder, with
no checkout on the path (migrations, templates, fonts and reference data travel inside it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.config import REPO_ROOT

SMOKE = Path(__file__).with_name("installed_smoke.py")
#: No checkout on the path of what runs in the new venv (PYTHONPATH would let it import the tree).
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # built from a copy: setuptools leaves build/ and *.egg-info behind, and would reuse them
    source = tmp_path_factory.mktemp("source") / "pathways"
    shutil.copytree(REPO_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".data", "build", "dist", "*.egg-info", "__pycache__", "bench"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                    str(source)], check=True, cwd=out, capture_output=True, env=CLEAN_ENV)
    (built,) = out.glob("pathways-*.whl")
    return built


def test_the_wheel_carries_what_the_app_reads_at_run_time(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("app/_data/migrations/env.py", "app/_data/resources/reference/seed.json",
                   "app/_data/resources/fonts/DejaVuSans.ttf",
                   "app/_data/resources/templates/contract.json",
                   "app/_data/resources/translations/pathways_cy.qm",
                   "app/_data/resources/translations/qtbase_cy.qm"):
        assert needed in names
    revisions = {p.name for p in (REPO_ROOT / "migrations" / "versions").glob("*.py")}
    assert {n.rsplit("/", 1)[1] for n in names
            if n.startswith("app/_data/migrations/versions/")} == revisions
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_upgrades_demos_prints_and_opens(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    # dependencies come from the package index (or pip's cache), exactly as a user gets them
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True, env=CLEAN_ENV, cwd=tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = dict(CLEAN_ENV,
               PATHWAYS_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen",
               PATHWAYS_DATABASE_URL=f"sqlite:///{tmp_path / 'data' / 'pathways.db'}")
    proc = subprocess.run([str(py), str(SMOKE)], cwd=empty, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "pathways 0.1.0" in proc.stdout
    assert "documents: " in proc.stdout and "window: Pathways" in proc.stdout
