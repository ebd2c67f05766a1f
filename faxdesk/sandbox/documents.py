"""What the sandbox learns from a document (page count or the failure Telnyx would report) and the
small real PDFs it makes for inbound faxes."""

from __future__ import annotations

import io
from dataclasses import dataclass

MAX_FAX_BYTES = 50 * 1024 * 1024  # fax-api.md §1.2: larger files fail with file_size_limit_exceeded
MAX_FAX_PAGES = 350  # ... and more pages fail with page_count_limit_exceeded


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    page_count: int
    failure_reason: str | None = None  # set when the fax must fail at media processing


def analyze(data: bytes) -> DocumentInfo:
    if len(data) > MAX_FAX_BYTES:
        return DocumentInfo(0, "file_size_limit_exceeded")
    head = data[:8]
    if head.startswith(b"%PDF"):
        pages = _pdf_pages(data)
        if pages is None or pages == 0:
            return DocumentInfo(0, "file_format_invalid")
    elif head[:4] in (b"II*\x00", b"MM\x00*"):
        pages = _tiff_frames(data)
    elif head.startswith((b"\x89PNG", b"\xff\xd8\xff")):
        pages = 1
    else:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return DocumentInfo(0, "file_format_invalid")
        pages = 1
    if pages > MAX_FAX_PAGES:
        return DocumentInfo(pages, "page_count_limit_exceeded")
    return DocumentInfo(pages)


def _pdf_pages(data: bytes) -> int | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return None


def _tiff_frames(data: bytes) -> int:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return int(getattr(img, "n_frames", 1))
    except (OSError, ValueError):
        return 1


def make_pdf(pages: int, *, title: str = "FaxDesk sandbox") -> bytes:
    """A real letter-size PDF with a line of text on each page."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=True)
    for n in range(1, max(1, pages) + 1):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 720, title)
        pdf.drawString(72, 700, f"Page {n} of {max(1, pages)}")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
