"""What Help > About and ``pathways --version`` say: the version, where the data is, and the
licences of what Pathways ships (the fonts embedded in every PDF, Qt)."""

from __future__ import annotations

import platform
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from app import __version__
from app.config import RESOURCES, data_dir


@dataclass(frozen=True)
class Licence:
    component: str
    text: str


@dataclass(frozen=True)
class AboutInfo:
    version: str
    database: str
    data_folder: str
    python: str
    licences: tuple[Licence, ...]


def database_location(url: str) -> str:
    """The database as a person would name it: a file path, or the server and database name
    (never a password)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "(in memory)"
    return parsed.render_as_string(hide_password=True)


def about(database_url: str, qt_version: str, pyside_version: str) -> AboutInfo:
    """Everything the About box shows; the Qt versions come from the caller (no Qt here)."""
    licences = [
        Licence(f"Font: {path.stem.removeprefix('LICENSE-')}",
                path.read_text(encoding="utf-8"))
        for path in sorted((RESOURCES / "fonts").glob("LICENSE-*.txt"))
    ]
    licences.append(Licence(
        f"Qt {qt_version} and Qt for Python (PySide6 {pyside_version})",
        "Qt and PySide6 are used under the GNU Lesser General Public License, version 3 "
        "(LGPL-3.0). They are installed as separate, replaceable libraries: you may replace "
        "them with your own modified versions. Source code: https://download.qt.io and "
        "https://code.qt.io/cgit/pyside/pyside-setup.git"))
    return AboutInfo(
        version=__version__,
        database=database_location(database_url),
        data_folder=str(data_dir()),
        python=platform.python_version(),
        licences=tuple(licences),
    )
