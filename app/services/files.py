"""Files Pathways writes hold personal data, so each is readable by the user only (0600, its
folders 0700), written whole (a temporary file beside it, synced, then renamed over) and never
written through a symbolic link someone left at the destination. Every failure is one plain
``ValidationError`` naming the file; nothing half-written is left behind."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import ValidationError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
#: Applied at start (``pathways`` and the window): whatever SQLite, Qt or a library creates
#: (the database, its WAL, backups) is private too.
PRIVATE_UMASK = 0o077


def private_dir(path: Path) -> Path:
    """Create (or tighten) a folder of Pathways' own: the data folder, ``backups/``."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    with contextlib.suppress(OSError):  # a folder we may not change is left as it is
        os.chmod(path, PRIVATE_DIR)
    return path


def tighten(path: Path) -> None:
    """Make an existing file of ours (the database, a backup) readable by the user only."""
    with contextlib.suppress(OSError):
        if Path(path).is_file() and not Path(path).is_symlink():
            os.chmod(path, PRIVATE_FILE)


def _destination(path: Path) -> Path:
    path = Path(path)
    if path.is_symlink():
        raise ValidationError(f"{path} is a symbolic link; Pathways does not write through "
                              "links. Give a new file name; nothing was written.", field="out")
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; give a file name. Nothing was written.",
                              field="out")
    if not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist; nothing was written.",
                              field="out")
    return path


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole, synced, 0600; replace a file already there."""
    path = _destination(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)  # renames over a link planted since, never through it
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ValidationError(f"{path} cannot be written ({exc.strerror or exc}); nothing was "
                              "written.", field="out") from None
    _sync_dir(path.parent)
    return path


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems cannot fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def new_folder(path: Path) -> Iterator[Path]:
    """A folder that appears whole or not at all: filled under a hidden name beside it, then
    renamed into place; on any failure it is removed. ``path`` must be new or empty."""
    path = Path(path)
    if path.is_symlink() or (path.exists() and (not path.is_dir() or any(path.iterdir()))):
        raise ValidationError(f"{path} is not an empty folder; choose a new one.", field="out")
    if not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist; nothing was written.",
                              field="out")
    work = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        os.mkdir(work, PRIVATE_DIR)
    except OSError as exc:
        raise ValidationError(f"{path} cannot be written ({exc.strerror}); nothing was "
                              "written.", field="out") from None
    try:
        yield work
        if path.exists():
            path.rmdir()
        os.replace(work, path)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _sync_dir(path.parent)
