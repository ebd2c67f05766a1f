"""Page thumbnails of a PDF as QImages, rendered on the worker (QImage is safe off the GUI
thread). The rendering itself is the core's (faxdesk.core.documents.preview), which holds the one
PDFium lock: PDFium is not thread-safe."""

from __future__ import annotations

from pathlib import Path

from PIL.Image import Image
from PySide6.QtGui import QImage


def render_thumbnails(
    path: Path, *, width: int = 160, max_pages: int = 12
) -> tuple[int, list[QImage]]:
    """(page count, thumbnails of the first `max_pages` pages); blocking, worker only."""
    from faxdesk.core.documents.preview import iter_thumbnails

    count = 0
    images: list[QImage] = []
    for thumb in iter_thumbnails(path, width, int(width * 1.5)):
        count = thumb.page_count
        if thumb.index >= max_pages:
            break
        images.append(_to_qimage(thumb.image))
    return count, images


def _to_qimage(pil: Image) -> QImage:
    rgb = pil.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # detach from the Python buffer
