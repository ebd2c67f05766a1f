"""Page thumbnails of a PDF, rendered on the worker (QImage is safe off the GUI thread)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

# PDFium is not thread-safe: one document at a time, whichever worker thread renders it.
# (Other modules that use pypdfium2 on other threads should share one lock; see docs/ui.md.)
PDFIUM_LOCK = threading.Lock()


def render_thumbnails(path: Path, *, width: int = 160, max_pages: int = 12) -> list[QImage]:
    """Render up to `max_pages` pages at `width` pixels wide (blocking; worker only)."""
    import pypdfium2 as pdfium  # heavy import kept out of start-up

    with PDFIUM_LOCK:
        return _render(pdfium, path, width, max_pages)


def _render(pdfium: Any, path: Path, width: int, max_pages: int) -> list[QImage]:
    images: list[QImage] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            try:
                scale = width / max(page.get_width(), 1.0)
                bitmap = page.render(scale=scale)
                pil = bitmap.to_pil().convert("RGB")
                data = pil.tobytes()
                image = QImage(data, pil.width, pil.height, pil.width * 3,
                               QImage.Format.Format_RGB888)
                images.append(image.copy())  # detach from the Python buffer
            finally:
                page.close()
    finally:
        pdf.close()
    return images


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
