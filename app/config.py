"""Settings, declared once.

The database URL comes from (in order) an explicit argument, ``PATHWAYS_DATABASE_URL``, or a
SQLite file in the user's data directory. ``PATHWAYS_DATA_DIR`` moves that directory (tests and
the demo use it so that nothing touches a real user's files).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources as _resources
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Pathways"
ORG_NAME = "Pathways"
REPO_ROOT = Path(__file__).resolve().parent.parent


def _run_time_folder(name: str) -> Path:
    """A folder the app reads at run time: inside the installed package, else in the checkout.

    The wheel (and the desktop bundle) carry ``resources`` and ``migrations`` as ``app/_data``;
    a source checkout keeps them at the top of the repository.
    """
    packaged = _resources.files("app").joinpath("_data", name)
    if packaged.is_dir():
        return Path(str(packaged))
    return REPO_ROOT / name


RESOURCES = _run_time_folder("resources")
MIGRATIONS = _run_time_folder("migrations")

#: Idle minutes before the window hides case data; the ceiling is a policy, not a preference.
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 15


def data_dir() -> Path:
    """The folder that holds the database and its backups."""
    configured = os.environ.get("PATHWAYS_DATA_DIR")
    path = Path(configured) if configured else Path(user_data_dir(APP_NAME, ORG_NAME))
    from app.services.files import private_dir

    return private_dir(path)


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'pathways.db'}"


def database_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("PATHWAYS_DATABASE_URL") or default_database_url()


@dataclass(frozen=True)
class Settings:
    """What the app needs to know at start, resolved once."""

    database_url: str
    backup_dir: Path = field(default_factory=lambda: data_dir() / "backups")
    backups_kept: int = 7
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES

    @classmethod
    def load(cls, database: str | None = None) -> Settings:
        raw = os.environ.get("PATHWAYS_IDLE_LOCK_MINUTES", str(DEFAULT_IDLE_LOCK_MINUTES))
        try:
            minutes = int(raw)
        except ValueError:
            from app.errors import DomainError

            raise DomainError(f"PATHWAYS_IDLE_LOCK_MINUTES must be a whole number of minutes "
                              f"(1 to {MAX_IDLE_LOCK_MINUTES}), not {raw!r}.") from None
        return cls(
            database_url=database_url(database),
            idle_lock_minutes=max(1, min(minutes, MAX_IDLE_LOCK_MINUTES)),
        )
