"""Page thumbnails of a PDF, rendered on the worker (QImage is safe off the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage


def render_thumbnails(path: Path, *, width: int = 160, max_pages: int = 12) -> list[QImage]:
    """Render up to `max_pages` pages at `width` pixels wide (blocking; worker only)."""
    import pypdfium2 as pdfium  # heavy import kept out of start-up

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

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()
