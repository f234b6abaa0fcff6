"""Helpers for tests that look at a PDF the way a reader or a phone does: rendered to
PNG (poppler's ``pdftoppm``), as extracted text (poppler's ``pdftotext``), and through
a QR code reader (zxing-cpp).

Text extraction: ``pdftotext -layout`` keeps each run of Arabic in logical order (the
order it is typed and stored), wrapped in bidi embedding marks, which ``pdf_text``
removes, so a test can look for an Arabic name as it was typed. ``pdftotext -raw``
gives Arabic words in visual order (a name comes out word by word reversed), and pypdf
keeps pure Arabic lines in logical order but reverses numbers inside Arabic text
("٦٠" becomes "٠٦") and runs words of different scripts together."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PDF_TOOLS = ("pdftoppm", "pdftotext")
REQUIRE_ENV = "MUJTAMA_REQUIRE_PDF_TOOLS"
# LRM, RLM, LRE…RLO and LRI…PDI: marks pdftotext puts around runs of Arabic.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_TIMEOUT = 60


def require_pdf_tools() -> None:
    """Skip the test when poppler's tools are missing, or fail it when the environment
    says they must be there (``MUJTAMA_REQUIRE_PDF_TOOLS=1``, as in CI)."""
    missing = [tool for tool in PDF_TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"poppler-utils is not installed (missing {', '.join(missing)})"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{message}, and {REQUIRE_ENV}=1 requires it")
    pytest.skip(message)


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, check=True, capture_output=True, timeout=_TIMEOUT)


def pdf_to_png(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[Path]:
    """The pages of ``pdf`` as PNG files (in page order) in a new folder in
    ``tmp_path``."""
    require_pdf_tools()
    folder = Path(tempfile.mkdtemp(prefix="pdf-", dir=tmp_path))
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    _run("pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page"))
    pages = folder.glob("page-*.png")
    return sorted(pages, key=lambda path: int(path.stem.rsplit("-", 1)[1]))


def _pdftotext(pdf: bytes, *options: str) -> str:
    require_pdf_tools()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        result = _run("pdftotext", *options, "-enc", "UTF-8", str(source), "-")
    return result.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """The text of ``pdf`` (``pdftotext -layout``) without bidi control characters:
    Arabic in logical order, columns side by side as on the page."""
    return _BIDI_CONTROLS.sub("", _pdftotext(pdf, "-layout"))


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float  # from the top of the page, in points
    x_max: float
    y_max: float


def pdf_words(pdf: bytes) -> list[Word]:
    """Every word of ``pdf`` with its box (``pdftotext -bbox``), also those drawn but
    clipped out of sight, so a test can check where a text landed."""
    out = _pdftotext(pdf, "-bbox")
    return [
        Word(
            _BIDI_CONTROLS.sub("", html.unescape(text)), float(x0), float(y0), float(x1), float(y1)
        )
        for x0, y0, x1, y1, text in _WORD.findall(out)
    ]


def decode_qr(png_path: Path) -> list[str]:
    """The texts of the QR codes zxing-cpp finds in the image."""
    import zxingcpp
    from PIL import Image

    with Image.open(png_path) as image:
        grey = image.convert("L")
    results = zxingcpp.read_barcodes(
        grey, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return [result.text for result in results]
