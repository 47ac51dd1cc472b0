"""Looks shared by every view, in a module that imports nothing (the sign-in, part of the first
paint, uses them before the rest of the views are loaded)."""

from __future__ import annotations

#: The colour of an error message under a form.
ERROR_STYLE = "color: #b00020;"
