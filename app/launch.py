"""The ``pathways`` command. With no subcommand it opens the window through a path that imports
only PySide6 before the first paint (app.views.app); anything else is the command line
(app.cli), which loads SQLAlchemy and the services as it always needs them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether the arguments ask for the window alone (at most ``--database URL``), and that
    URL; a subcommand, ``--help`` or anything not understood here goes to app.cli."""
    url: str | None = None
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--database" and rest:
            url = rest.pop(0)
        elif arg.startswith("--database="):
            url = arg.split("=", 1)[1]
        else:
            return False, None
    return True, url


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    window, url = window_only(args)
    if not window:
        from app.cli import main as cli_main

        return cli_main(args)
    import os

    from app.config import Settings
    from app.errors import DomainError

    os.umask(0o077)  # as app.cli: whatever the window creates is readable by the user only
    try:
        settings = Settings.load(url)
    except DomainError as exc:
        print(f"pathways: {exc.message}", file=sys.stderr)
        return 2
    from app.views.app import run_gui

    return run_gui(settings)
