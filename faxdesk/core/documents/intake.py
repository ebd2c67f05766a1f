"""Intake: check a file the user added and describe its pages; turn images into PDF pages.

The type is sniffed from the first bytes, never trusted from the extension. Images (PNG, JPEG,
multi-page TIFF) become one PDF page per frame: each frame keeps its own size at its stored
resolution (200 dpi when it has none), is shrunk (never enlarged) to fit inside the printable
area of the chosen paper size, is centred, and the page takes the image's orientation. So a
200 dpi letter scan fills the page, a photo is scaled down to fit and a small logo stays small.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pypdfium2 as pdfium
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, PyPdfError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .errors import (
    DamagedDocumentError,
    DocumentError,
    EmptyDocumentError,
    PasswordProtectedError,
    UnreadableFileError,
    UnsupportedFileError,
)
from .pdfium_lock import PDFIUM_LOCK

DocumentKind = Literal["pdf", "png", "jpeg", "tiff"]
Orientation = Literal["portrait", "landscape"]
Paper = Literal["letter", "a4"]

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.2756, 841.8898),
}
# Fax machines cannot print to the edge; a quarter inch keeps image content on the paper.
IMAGE_MARGIN_PT = 18.0
# A scan without a stored resolution is taken to be at fax resolution.
DEFAULT_IMAGE_DPI = 200.0

_SUPPORTED = "PDF, PNG, JPEG or TIFF"
# pypdf logs every repair it makes to a damaged file; our exceptions already say it.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(frozen=True)
class PageInfo:
    """One page as it will be printed: size in points after the page's /Rotate is applied."""

    width_pt: float
    height_pt: float
    orientation: Orientation
    rotation: int = 0


@dataclass(frozen=True)
class DocumentInfo:
    path: Path
    kind: DocumentKind
    page_count: int
    pages: list[PageInfo]
    size_bytes: int


def sniff_kind(path: Path | str) -> DocumentKind:
    """The file's type from its first bytes; raises if unreadable or not supported."""
    p = Path(path)
    head = _read_head(p)
    if not head:
        raise DamagedDocumentError(
            p, "the file is empty (0 bytes)", "Save or download it again, then add it again."
        )
    # The PDF spec tolerates junk before the header; readers look in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    raise UnsupportedFileError(
        p,
        f"this is not a {_SUPPORTED} file{_describe(head, p)}",
        "Open it in its program and print or export it as PDF, then add the PDF.",
    )


def inspect_document(path: Path | str, *, paper: Paper = "letter") -> DocumentInfo:
    """Check a file and read its pages. Raises a DocumentError subclass with a clear message.

    ``paper`` decides the page size images are placed on (PDF pages keep their own size).
    """
    p = Path(path)
    kind = sniff_kind(p)
    size = p.stat().st_size
    if kind == "pdf":
        pages = [_pdf_page_info(pg) for pg in open_pdf(p).pages]
    else:
        pages = [_layout(frame, paper).page_info for frame in _frames(p)]
    if not pages:
        raise EmptyDocumentError(
            p,
            "the document has no pages",
            "Open it to check it, and export it again with its pages.",
        )
    return DocumentInfo(path=p, kind=kind, page_count=len(pages), pages=pages, size_bytes=size)


def open_pdf(path: Path | str) -> PdfReader:
    """A pypdf reader for a checked, decrypted PDF (owner-only protection is lifted)."""
    p = Path(path)
    _readable(p)
    with _opening(p):
        data = p.read_bytes()
    # A PDF ends with %%EOF; without it the file was cut short (interrupted download or copy).
    if b"%%EOF" not in data[-2048:]:
        raise DamagedDocumentError(
            p,
            "the PDF is damaged: it ends early, as if the download or copy was interrupted",
            "Download or copy it again from the original.",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except DependencyError:
                opened = False
            if not opened:
                raise PasswordProtectedError(
                    p,
                    "the PDF is protected with a password",
                    "Open it with the password and save or print an unprotected copy, "
                    "then add that copy.",
                )
        count = len(reader.pages)
        for i in range(count):
            _ = reader.pages[i].mediabox  # touches every page object so damage shows now
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DamagedDocumentError(
            p,
            f"the PDF is damaged and cannot be read ({type(exc).__name__})",
            "Open it in a PDF viewer and save or print it as a new PDF, then add the new file.",
        ) from exc
    if count == 0:
        raise EmptyDocumentError(
            p,
            "the document has no pages",
            "Open it to check it, and export it again with its pages.",
        )
    _check_pages_load(p, data, count)
    return reader


def image_to_pdf_bytes(path: Path | str, *, paper: Paper = "letter") -> bytes:
    """A PDF with one page per image frame, laid out as described in the module docstring."""
    p = Path(path)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAPER_SIZES[paper], pageCompression=1)
    canvas.setCreator("FaxDesk")
    count = 0
    for frame in _frames(p):
        lay = _layout(frame, paper)
        canvas.setPageSize((lay.page_info.width_pt, lay.page_info.height_pt))
        canvas.drawImage(ImageReader(frame.image), lay.x, lay.y, lay.w, lay.h)
        canvas.showPage()
        count += 1
    if count == 0:
        raise EmptyDocumentError(p, "the image has no frames", "Save the image again and add it.")
    canvas.save()
    return out.getvalue()


def document_pdf_bytes(path: Path | str, *, paper: Paper = "letter") -> bytes:
    """Any supported file as PDF bytes (a PDF is checked and returned as it is)."""
    p = Path(path)
    if sniff_kind(p) == "pdf":
        open_pdf(p)
        return p.read_bytes()
    return image_to_pdf_bytes(p, paper=paper)


# -- internals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    image: Image.Image
    dpi: tuple[float, float]


@dataclass(frozen=True)
class _Layout:
    page_info: PageInfo
    x: float
    y: float
    w: float
    h: float


def _check_pages_load(p: Path, data: bytes, count: int) -> None:
    """Every page loads in PDFium too (pypdf repairs silently what renderers cannot show)."""
    damaged = DamagedDocumentError(
        p,
        "the PDF is damaged: some pages cannot be read",
        "Open it in a PDF viewer and save or print it as a new PDF, then add the new file.",
    )
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise damaged from exc
        try:
            if len(pdf) != count:
                raise damaged
            for i in range(count):
                pdf[i].close()
        except pdfium.PdfiumError as exc:
            raise damaged from exc
        finally:
            pdf.close()


def _read_head(p: Path) -> bytes:
    _readable(p)
    with _opening(p), p.open("rb") as fh:
        return fh.read(2048)


def _readable(p: Path) -> bool:
    if not p.exists():
        raise UnreadableFileError(
            p, "the file does not exist", "It may have been moved or deleted; add it again."
        )
    if p.is_dir():
        raise UnreadableFileError(p, "this is a folder, not a file", "Add the files inside it.")
    return True


@contextmanager
def _opening(p: Path) -> Iterator[None]:
    try:
        yield
    except PermissionError as exc:
        raise UnreadableFileError(
            p,
            "you do not have permission to read the file",
            "Ask its owner for access, or copy it to a folder of yours and add the copy.",
        ) from exc
    except OSError as exc:
        raise UnreadableFileError(
            p, f"the file cannot be read ({exc.strerror or exc})", "Check the disk and try again."
        ) from exc


def _describe(head: bytes, p: Path) -> str:
    """A hint of what the file actually is, for the message."""
    known = {
        b"PK\x03\x04": "a ZIP-based file such as a Word or Excel document",
        b"\xd0\xcf\x11\xe0": "an older Office document",
        b"GIF8": "a GIF image",
        b"{\\rtf": "an RTF document",
    }
    for magic, what in known.items():
        if head.startswith(magic):
            return f" (it looks like {what})"
    if p.suffix.lower() in (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        return f" even though its name ends in {p.suffix}"
    return ""


def _frames(p: Path) -> Iterator[_Frame]:
    """Every frame of an image file, fully decoded so truncation is found here."""
    with _opening(p):
        try:
            with Image.open(p) as im:
                n = getattr(im, "n_frames", 1)
                for i in range(n):
                    im.seek(i)
                    im.load()
                    frame = _normalised(im)
                    yield _Frame(frame, _dpi(im))
        except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
            raise DamagedDocumentError(
                p,
                "the image cannot be read (unknown or oversized image data)",
                "Open it in an image program and save it again as PNG or JPEG.",
            ) from exc
        except PermissionError:
            raise
        except Exception as exc:  # Pillow fails on bad data with many exception types
            raise DamagedDocumentError(
                p,
                "the image is damaged or cut short",
                "Save or download it again from the original.",
            ) from exc


def _normalised(im: Image.Image) -> Image.Image:
    """A copy in a mode reportlab embeds well; EXIF rotation applied; transparency on white."""
    frame = ImageOps.exif_transpose(im) if im.format == "JPEG" else im.copy()
    if frame.mode in ("1", "L", "RGB", "CMYK"):
        return frame
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if frame.mode.startswith("I") or frame.mode == "F":
        return (
            frame.convert("L")
            if frame.mode == "F"
            else ImageOps.autocontrast(frame.point(lambda v: v / 256).convert("L"))
        )
    return frame.convert("RGB")


def _dpi(im: Image.Image) -> tuple[float, float]:
    raw = im.info.get("dpi")
    try:
        x, y = float(raw[0]), float(raw[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI)
    # Many writers store 1 or a nonsense value; treat as unknown.
    if x < 50 or y < 50:
        return (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI)
    return (x, y)


def _layout(frame: _Frame, paper: Paper) -> _Layout:
    px_w, px_h = frame.image.size
    nat_w = px_w / frame.dpi[0] * 72.0
    nat_h = px_h / frame.dpi[1] * 72.0
    short, long_ = PAPER_SIZES[paper]
    landscape = nat_w > nat_h
    page_w, page_h = (long_, short) if landscape else (short, long_)
    avail_w, avail_h = page_w - 2 * IMAGE_MARGIN_PT, page_h - 2 * IMAGE_MARGIN_PT
    scale = min(avail_w / nat_w, avail_h / nat_h, 1.0)
    w, h = nat_w * scale, nat_h * scale
    info = PageInfo(page_w, page_h, "landscape" if landscape else "portrait", 0)
    return _Layout(info, (page_w - w) / 2, (page_h - h) / 2, w, h)


def _pdf_page_info(page: PageObject) -> PageInfo:
    box = page.cropbox
    w, h = abs(float(box.width)), abs(float(box.height))
    rotation = int(page.rotation) % 360
    if rotation in (90, 270):
        w, h = h, w
    return PageInfo(w, h, "landscape" if w > h else "portrait", rotation)
