"""Page thumbnails for worker threads (no Qt here): PDFs rendered with PDFium, images drawn.

An image file is drawn straight from the image, decoded at thumbnail size where the format
allows (image_files.py), never through a PDF of its full pixels.

PDFium is not thread-safe: every call into it, from any thread, holds ``PDFIUM_LOCK``. The lock
is held per page, not per document, so a thumbnail job for one document and a re-render of
another interleave page by page, and a worker can stop between pages. ``iter_thumbnails`` is
lazy: the first page is ready after one render, whatever the length of the document.
"""

from __future__ import annotations

import io
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageDraw, ImageFont

from . import image_files
from .errors import DamagedDocumentError, PasswordProtectedError, RenderError
from .intake import Paper, sniff_kind
from .pdfium_lock import PDFIUM_LOCK, close_bitmap

__all__ = [
    "PDFIUM_LOCK",
    "Thumbnail",
    "iter_thumbnails",
    "page_count",
    "render_page",
    "render_page_png",
    "thumbnail_strip",
]


PdfSource = Path | str | bytes


@dataclass(frozen=True)
class Thumbnail:
    index: int  # 0-based page index
    page_count: int
    image: Image.Image


def page_count(source: PdfSource, *, paper: Paper = "letter") -> int:
    with _document(source, paper) as doc:
        return doc.count()


def render_page(
    source: PdfSource,
    index: int,
    width: int = 160,
    max_height: int | None = None,
    *,
    paper: Paper = "letter",
) -> Image.Image:
    """Page ``index`` (0-based) as an RGB image ``width`` pixels wide, rotation applied
    (narrower if needed to stay within ``max_height``). ``paper`` places images."""
    with _document(source, paper) as doc:
        return doc.render(index, width, max_height)


def render_page_png(
    source: PdfSource,
    index: int,
    width: int = 160,
    max_height: int | None = None,
    *,
    paper: Paper = "letter",
) -> bytes:
    buf = io.BytesIO()
    render_page(source, index, width, max_height, paper=paper).save(buf, "PNG", optimize=True)
    return buf.getvalue()


def iter_thumbnails(
    source: PdfSource,
    width: int = 160,
    max_height: int | None = None,
    *,
    paper: Paper = "letter",
) -> Generator[Thumbnail, None, None]:
    """Thumbnails of every page, in order, rendered one at a time as they are asked for.

    With ``max_height`` equal to ``width`` every page fits a square box, so a landscape page
    looks as wide as a portrait page is tall, as on paper.
    """
    with _document(source, paper) as doc:
        count = doc.count()
        for i in range(count):
            yield Thumbnail(i, count, doc.render(i, width, max_height))


def thumbnail_strip(
    source: PdfSource, *, box: int = 150, columns: int = 6, max_pages: int | None = None
) -> Image.Image:
    """A contact sheet: pages left to right in rows, each fitted in a ``box`` square and with
    its number under it."""
    width = box
    thumbs = []
    for t in iter_thumbnails(source, box, box):
        if max_pages is not None and t.index >= max_pages:
            break
        thumbs.append(t)
    gap, label_h = 16, 20
    cols = max(1, min(columns, len(thumbs)))
    rows = (len(thumbs) + cols - 1) // cols
    cell_h = max(t.image.height for t in thumbs) + label_h
    cell_w = max(width, max(t.image.width for t in thumbs))
    sheet = Image.new(
        "RGB", (gap + cols * (cell_w + gap), gap + rows * (cell_h + gap)), (232, 234, 237)
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=13)
    for n, t in enumerate(thumbs):
        x = gap + (n % cols) * (cell_w + gap) + (cell_w - t.image.width) // 2
        y = gap + (n // cols) * (cell_h + gap) + (cell_h - label_h - t.image.height) // 2
        draw.rectangle(
            (x + 2, y + 2, x + t.image.width + 2, y + t.image.height + 2), fill=(190, 193, 198)
        )  # a small shadow so white pages stand out
        sheet.paste(t.image, (x, y))
        draw.rectangle(
            (x - 1, y - 1, x + t.image.width, y + t.image.height), outline=(160, 164, 170)
        )
        label = f"{t.index + 1}"
        tw = draw.textlength(label, font=font)
        cx = gap + (n % cols) * (cell_w + gap) + cell_w // 2
        draw.text(
            (cx - tw / 2, gap + (n // cols) * (cell_h + gap) + cell_h - label_h + 4),
            label,
            fill=(60, 64, 67),
            font=font,
        )
    return sheet


# -- internals ---------------------------------------------------------------------------------


class _Doc:
    """A PDF open in PDFium."""

    def __init__(self, source: PdfSource) -> None:
        path = Path("document") if isinstance(source, bytes) else Path(source)
        self.name = path.name
        data = _pdf_input(source)
        with PDFIUM_LOCK:
            try:
                self.pdf = pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
                    raise PasswordProtectedError(
                        path,
                        "the PDF is protected with a password",
                        "Open it with the password and save or print an unprotected copy, "
                        "then add that copy.",
                    ) from exc
                raise DamagedDocumentError(
                    path,
                    f"the PDF is damaged and cannot be shown ({exc})",
                    "Open it in a PDF viewer and save or print it as a new PDF, then add the "
                    "new file.",
                ) from exc

    def render(self, index: int, width: int, max_height: int | None = None) -> Image.Image:
        with PDFIUM_LOCK:
            try:
                page = self.pdf[index]
                try:
                    w_pt, h_pt = page.get_size()  # as displayed, /Rotate included
                    scale = width / w_pt
                    if max_height is not None:
                        scale = min(scale, max_height / h_pt)
                    bitmap = page.render(scale=scale, may_draw_forms=True)
                    try:
                        image: Image.Image = bitmap.to_pil().convert("RGB")
                    finally:
                        close_bitmap(bitmap)
                finally:
                    page.close()
            except pdfium.PdfiumError as exc:
                raise RenderError(
                    Path(self.name),
                    f"page {index + 1} cannot be shown ({exc})",
                    "The page may be damaged; check the file.",
                ) from exc
        return image

    def count(self) -> int:
        return len(self.pdf)

    def close(self) -> None:
        with PDFIUM_LOCK:
            self.pdf.close()

    def __enter__(self) -> _Doc:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _ImageDoc:
    """An image file, drawn page by page as it will be printed; no PDFium involved."""

    def __init__(self, path: Path, kind: str, paper: Paper) -> None:
        self.path, self.kind, self.paper = path, kind, paper
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = image_files.frame_count(self.path, self.kind)
        return self._count

    def render(self, index: int, width: int, max_height: int | None = None) -> Image.Image:
        return image_files.thumbnail(self.path, self.kind, index, width, max_height, self.paper)

    def __enter__(self) -> _ImageDoc:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _document(source: PdfSource, paper: Paper) -> _Doc | _ImageDoc:
    if isinstance(source, bytes):
        return _Doc(source)
    kind = sniff_kind(source)
    if kind == "pdf":
        # Not checked again with pypdf here: intake did that, and the first page must be quick.
        return _Doc(source)
    return _ImageDoc(Path(source), kind, paper)


def _pdf_input(source: PdfSource) -> str | bytes:
    return source if isinstance(source, bytes) else str(source)
