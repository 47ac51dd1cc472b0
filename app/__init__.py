"""Pathways: offline case management for restorative justice and diversion schemes."""

from importlib import metadata as _metadata

try:
    #: The installed distribution's version (the wheel, the bundle or an editable checkout).
    __version__ = _metadata.version("pathways")
except _metadata.PackageNotFoundError:  # a bare source tree on sys.path
    __version__ = "0.1.0"
