"""Page images of a PDF for the on-screen preview, drawn by poppler's pdftoppm.

The preview shows the very bytes that will be filed, not a second rendering of the data.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class PreviewUnavailable(RuntimeError):
    """pdftoppm is missing or failed; the caller shows the document another way."""


def pdf_pages_as_png(content: bytes, *, dpi: int = 80, max_pages: int = 12) -> list[bytes]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable("pdftoppm (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory(prefix="pathways-preview-") as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(content)
        result = subprocess.run(
            [tool, "-png", "-r", str(dpi), "-l", str(max_pages), str(src), str(Path(tmp) / "p")],
            capture_output=True, timeout=60, check=False)
        if result.returncode != 0:
            raise PreviewUnavailable(result.stderr.decode(errors="replace")[:200])
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p*.png"))]
