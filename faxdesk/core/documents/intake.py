"""Intake: check a file the user added and describe its pages; turn images into PDF pages.

The type is sniffed from the first bytes, never trusted from the extension, and only regular
files are opened (files.py). Images (PNG, JPEG, multi-page TIFF) become one PDF page per frame,
placed on the paper as pages.py says and stored at the resolution the fax quality carries
(imaging.py). ``DocumentInfo.fax_bytes`` is what the document will add to the fax: a PDF's own
size (its pages are copied as they are), or the size of the pages an image becomes.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from .errors import (
    DamagedDocumentError,
    DocumentError,
    EmptyDocumentError,
    PasswordProtectedError,
    UnsupportedFileError,
)
from .files import checked_size, read_all, read_head
from .image_files import DEFAULT_IMAGE_DPI, fax_pages
from .image_pdf import image_pages_pdf
from .imaging import fax_imaging
from .pages import (
    IMAGE_MARGIN_PT,
    PAPER_SIZES,
    DocumentInfo,
    DocumentKind,
    Orientation,
    PageInfo,
    Paper,
)
from .pdfium_lock import PDFIUM_LOCK

__all__ = [
    "DEFAULT_IMAGE_DPI",
    "IMAGE_MARGIN_PT",
    "PAPER_SIZES",
    "DocumentInfo",
    "DocumentKind",
    "Orientation",
    "PageInfo",
    "Paper",
    "document_pdf_bytes",
    "image_to_pdf_bytes",
    "inspect_document",
    "open_pdf",
    "sniff_kind",
]

_SUPPORTED = "PDF, PNG, JPEG or TIFF"
# pypdf logs every repair it makes to a damaged file; our exceptions already say it.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def sniff_kind(path: Path | str) -> DocumentKind:
    """The file's type from its first bytes; raises if unreadable or not supported."""
    p = Path(path)
    head = read_head(p)
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


def inspect_document(
    path: Path | str,
    *,
    paper: Paper = "letter",
    quality: str | None = None,
    monochrome: bool = False,
) -> DocumentInfo:
    """Check a file and read its pages. Raises a DocumentError subclass with a clear message.

    ``paper`` decides the page size images are placed on (PDF pages keep their own size);
    ``quality`` and ``monochrome`` (Telnyx's send options) decide what an image's pages weigh.
    """
    p = Path(path)
    kind = sniff_kind(p)
    size = checked_size(p)
    imaging = fax_imaging(quality, monochrome=monochrome)
    if kind == "pdf":
        pages = [_pdf_page_info(pg) for pg in open_pdf(p).pages]
        converted = None
    else:
        image_pages = fax_pages(p, kind, paper, imaging)
        pages = [page.placement.page for page in image_pages]
        converted = len(image_pages_pdf(image_pages))
    if not pages:
        raise EmptyDocumentError(
            p,
            "the document has no pages",
            "Open it to check it, and export it again with its pages.",
        )
    return DocumentInfo(
        path=p, kind=kind, page_count=len(pages), pages=pages, size_bytes=size,
        converted_bytes=converted,
        quality=None if kind == "pdf" else imaging.quality,
        monochrome=kind != "pdf" and monochrome,
    )


def open_pdf(path: Path | str) -> PdfReader:
    """A pypdf reader for a checked, decrypted PDF (owner-only protection is lifted)."""
    p = Path(path)
    data = read_all(p)
    # A PDF ends with %%EOF after its last startxref; without it the file was cut short
    # (interrupted download or copy). Bytes after %%EOF are padding some programs add.
    eof = data.rfind(b"%%EOF")
    if eof < 0 or eof < data.rfind(b"startxref"):
        raise DamagedDocumentError(
            p,
            "the PDF is damaged: it ends early, as if the download or copy was interrupted",
            "Download or copy it again from the original.",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise _password_protected(p)
            # Decrypt one content stream now: a missing AES implementation shows here, not
            # in the middle of a merge.
            contents = reader.pages[0].get_contents() if len(reader.pages) else None
            if contents is not None:
                contents.get_data()
        count = len(reader.pages)
        for i in range(count):
            _ = reader.pages[i].mediabox  # touches every page object so damage shows now
    except DocumentError:
        raise
    except DependencyError as exc:
        raise cannot_decrypt(p) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DamagedDocumentError(
            p,
            "the PDF is damaged and cannot be read",
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


def cannot_decrypt(p: Path) -> UnsupportedFileError:
    """The refusal for a PDF whose encryption this installation cannot undo (pypdf needs the
    ``cryptography`` package for AES)."""
    return UnsupportedFileError(
        p,
        "the PDF is encrypted in a way FaxDesk cannot open on this computer (a part of "
        "FaxDesk is missing)",
        "Reinstall FaxDesk, or open the PDF in a PDF viewer and print it to a new PDF, then "
        "add the new file.",
        refusal="encryption_unsupported",
    )


def image_to_pdf_bytes(
    path: Path | str,
    *,
    paper: Paper = "letter",
    quality: str | None = None,
    monochrome: bool = False,
) -> bytes:
    """A PDF with one page per image frame, at the resolution ``quality`` carries."""
    p = Path(path)
    kind = sniff_kind(p)
    if kind == "pdf":
        raise ValueError(f"{p.name} is a PDF, not an image")
    return image_pages_pdf(fax_pages(p, kind, paper, fax_imaging(quality, monochrome=monochrome)))


def document_pdf_bytes(
    path: Path | str,
    *,
    paper: Paper = "letter",
    quality: str | None = None,
    monochrome: bool = False,
) -> bytes:
    """Any supported file as PDF bytes (a PDF is checked and returned as it is)."""
    p = Path(path)
    if sniff_kind(p) == "pdf":
        open_pdf(p)
        return read_all(p)
    return image_to_pdf_bytes(p, paper=paper, quality=quality, monochrome=monochrome)


# -- internals ---------------------------------------------------------------------------------


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
            # pypdf opens a PDF whose owner password is empty, but a reader (and Telnyx) asks
            # for its user password.
            if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
                raise _password_protected(p) from exc
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


def _pdf_page_info(page: PageObject) -> PageInfo:
    box = page.cropbox
    w, h = abs(float(box.width)), abs(float(box.height))
    rotation = int(page.rotation) % 360
    if rotation in (90, 270):
        w, h = h, w
    return PageInfo(w, h, "landscape" if w > h else "portrait", rotation)


def _password_protected(p: Path) -> PasswordProtectedError:
    return PasswordProtectedError(
        p,
        "the PDF is protected with a password",
        "Open it with the password and save or print an unprotected copy, then add that copy.",
    )
