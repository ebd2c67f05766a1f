"""Re-render a document's pages as compressed images at fax resolution, to make scans fit.

Each page is rendered by PDFium at ``dpi`` (200 by default, close to fax "fine" 204x196 but with
square pixels so page sizes stay exact), then stored as one image per page: ``mono`` is 1-bit
CCITT Group 4 (what a fax machine sends; best for text), ``gray`` is greyscale JPEG (keeps photos
and shading). Pages keep their displayed size and orientation. Text becomes an image, so this is
offered only when a document is too large because of its images.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader, PdfWriter

from .errors import RenderError
from .intake import DocumentInfo, document_pdf_bytes, inspect_document
from .pdfium_lock import PDFIUM_LOCK, close_bitmap

RenderMode = Literal["mono", "gray"]


@dataclass(frozen=True)
class RerenderResult:
    info: DocumentInfo
    before_bytes: int
    after_bytes: int


def rerender_for_fax(
    src: Path | str,
    dest: Path | str,
    *,
    dpi: int = 200,
    mode: RenderMode = "gray",
    jpeg_quality: int = 50,
    progress: Callable[[int, int], None] | None = None,
) -> RerenderResult:
    """Write ``src`` re-rendered to ``dest``; ``progress(done, total)`` after each page."""
    src_p, dest_p = Path(src), Path(dest)
    before = src_p.stat().st_size
    data = document_pdf_bytes(src_p)
    writer = PdfWriter()
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(data)
        count = len(pdf)
    try:
        for i in range(count):
            with PDFIUM_LOCK:
                page = pdf[i]
                try:
                    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
                    try:
                        image = bitmap.to_pil().convert("L")
                    finally:
                        close_bitmap(bitmap)
                except pdfium.PdfiumError as exc:
                    raise RenderError(
                        src_p,
                        f"page {i + 1} cannot be rendered ({exc})",
                        "The page may be damaged; check the file.",
                    ) from exc
                finally:
                    page.close()
            writer.add_page(
                PdfReader(io.BytesIO(_page_pdf(image, dpi, mode, jpeg_quality))).pages[0]
            )
            if progress is not None:
                progress(i + 1, count)
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    writer.add_metadata({"/Producer": "FaxDesk (re-rendered for fax)"})
    dest_p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".rerender-", suffix=".pdf", dir=dest_p.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer.write(fh)
        tmp.replace(dest_p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    info = inspect_document(dest_p)
    return RerenderResult(info=info, before_bytes=before, after_bytes=info.size_bytes)


def _page_pdf(gray: Image.Image, dpi: int, mode: RenderMode, quality: int) -> bytes:
    """One page PDF holding the image at ``dpi`` (Pillow writes mode "1" as CCITT G4)."""
    out = io.BytesIO()
    if mode == "mono":
        # A plain threshold keeps text edges clean; dithering would speckle them.
        image = gray.point(lambda v: 255 if v >= 160 else 0).convert("1", dither=Image.Dither.NONE)
        image.save(out, "PDF", resolution=float(dpi))
    else:
        gray.save(out, "PDF", resolution=float(dpi), quality=quality)
    return out.getvalue()
