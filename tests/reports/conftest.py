"""A demo database shared by a module's document tests (building one takes a second or two),
and helpers that read PDFs the way a reader would: from the real file."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.db import Database
from app.services import demo
from app.services.context import Actor
from app.services.users import sign_in


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
            ) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(migrated_template, path)
    db = Database(f"sqlite:///{path}")
    demo.build(db.uow(), cases=60)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def coordinator(demo_db: Database) -> Actor:
    return sign_in(demo_db.uow(), "coordinator", demo.DEMO_PASSWORD)


def pdf_text(content: bytes) -> str:
    """All text of a PDF, whitespace collapsed (line breaks fall where the layout put them)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def squash(text: str) -> str:
    """Text with no whitespace at all, for 'appears verbatim' checks across wrapped lines."""
    return "".join(text.split())


def image_count(content: bytes) -> int:
    reader = PdfReader(io.BytesIO(content))
    return sum(len(page.images) for page in reader.pages)


def check_file(path: Path) -> None:
    """qpdf finds no error and every font is embedded (and is ours)."""
    qpdf = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                          check=False)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert "DejaVuSans" in name or "NotoSansArabic" in name, line
        assert emb == "yes", line
