"""Reading a transmission report back: its text (poppler's pdftotext, as a person's viewer would
extract it), its pages (pypdf) and the first-page image embedded in it (PDFium)."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image, ImageStat
from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from faxdesk.core.documents import PDFIUM_LOCK
from faxdesk.core.documents.pdfium_lock import close_bitmap


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("report tests need: sudo apt-get install -y poppler-utils", pytrace=False)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def embedded_images(path: Path) -> list[tuple[Image.Image, tuple[float, float, float, float]]]:
    """Every image drawn on page 1, as pixels, with where it sits (left, bottom, right, top)."""
    found = []
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            page = pdf[0]
            for obj in page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,)):
                bitmap = obj.get_bitmap(render=True)
                try:
                    found.append((bitmap.to_pil().convert("L"), tuple(obj.get_bounds())))
                finally:
                    close_bitmap(bitmap)
            page.close()
        finally:
            pdf.close()
    return found  # type: ignore[return-value]


def quadrant_means(image: Image.Image) -> tuple[float, float, float, float]:
    """Mean grey of the top-left, top-right, bottom-left and bottom-right quarters."""
    w, h = image.size
    boxes = ((0, 0, w // 2, h // 2), (w // 2, 0, w, h // 2), (0, h // 2, w // 2, h),
             (w // 2, h // 2, w, h))
    return tuple(ImageStat.Stat(image.crop(b)).mean[0] for b in boxes)  # type: ignore[return-value]


def marked_pdf(path: Path, pages: int = 2) -> Path:
    """A document whose first page is black in its top-left quarter and white elsewhere, so
    its reduced image is recognisable; later pages are plain."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=True)
    w, h = letter
    for n in range(1, pages + 1):
        if n == 1:
            pdf.rect(0, h / 2, w / 2, h / 2, stroke=0, fill=1)
        pdf.setFont("Helvetica", 14)
        pdf.drawString(w / 2 + 20, 100, f"Page {n} of {pages}")
        pdf.showPage()
    pdf.save()
    path.write_bytes(buf.getvalue())
    return path


def glyph_images(path: Path, text: str, scale: float = 4.0) -> list[Image.Image]:
    """The rendered pixels of each character of the first occurrence of `text` on page 1."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            page = pdf[0]
            textpage = page.get_textpage()
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                rendered = bitmap.to_pil().convert("L")
            finally:
                close_bitmap(bitmap)
            height = page.get_height()
            every = textpage.get_text_range()
            start = every.find(text)
            assert start >= 0, f"{text!r} is not in the page's text: {every[:400]!r}"
            boxes = [textpage.get_charbox(start + i) for i in range(len(text))]
            textpage.close()
            page.close()
        finally:
            pdf.close()
    crops = []
    for left, bottom, right, top in boxes:
        crops.append(rendered.crop((int(left * scale), int((height - top) * scale),
                                    int(right * scale) + 1, int((height - bottom) * scale) + 1)))
    return crops


def distinct(images: list[Image.Image], same: Callable[[Image.Image, Image.Image], bool]) -> bool:
    return not any(same(a, b) for i, a in enumerate(images) for b in images[i + 1:])
