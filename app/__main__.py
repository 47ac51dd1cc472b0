"""``python -m app`` is the same as the ``pathways`` command."""

from app.cli import main

raise SystemExit(main())
