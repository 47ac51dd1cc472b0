"""``python -m app`` is the same as the ``pathways`` command."""

from app.launch import main

raise SystemExit(main())
