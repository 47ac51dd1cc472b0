"""One place where a PDF is rendered, so a renderer failure reaches the user as one plain line.

The renderers lay out whatever text users typed; should one still fail (a layout it cannot
split, a damaged logo), the user gets a message naming the document, the CLI prints it in one
line and the window shows it, and nothing is filed. The log records the failure's type only:
reportlab's messages quote the text being laid out, which is personal data.
"""

from __future__ import annotations

import logging

from app.errors import DocumentFailed
from app.reports import script
from app.reports.base import BaseRenderer
from app.services import standards_settings

log = logging.getLogger(__name__)


def render_pdf(renderer: BaseRenderer, what: str) -> bytes:
    """The PDF bytes of ``renderer``; any failure becomes a :class:`DocumentFailed`."""
    try:
        return renderer.render()
    except Exception as exc:  # reportlab raises LayoutError, ValueError, IndexError...
        log.error("rendering %s failed: %s", type(renderer).__name__, type(exc).__name__)
        raise DocumentFailed(f"The {what} could not be printed ({type(exc).__name__}); "
                             "nothing was filed. Please report this to an administrator.") \
            from None


def warm_up() -> None:
    """Parse the embedded fonts now (about a fifth of a second), so that the first document a
    user prints does not wait for it; the window runs this on a background thread once My work
    is shown. The bank-holiday calendar too: the board report's standards and the letters'
    deadlines count working days, and My work has usually built it by then already."""
    script.warm_up()
    standards_settings.warm_up()
