"""What goes into a fax: intake and checks, limits, merging, the cover page, previews.

No Qt here. PDFium calls are serialised by ``pdfium_lock.PDFIUM_LOCK`` (PDFium is not thread-safe).

The names below load on first use. Behind them are pypdf, PDFium, Pillow and reportlab, about
20 MB and 200 ms that the window should not pay before a document is opened. What the window and
the send rules hold without them lives in pages.py, cover_content.py, errors.py and
telnyx_limits.py, which import none of those libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__all__ = [
    "MAX_FAX_BYTES",
    "MAX_PAGES",
    "MAX_UPLOAD_BYTES",
    "PDFIUM_LOCK",
    "QUALITIES",
    "CoverPage",
    "DamagedDocumentError",
    "DocumentError",
    "DocumentInfo",
    "EmptyDocumentError",
    "FaxCheck",
    "FaxImaging",
    "LimitProblem",
    "PageInfo",
    "PasswordProtectedError",
    "Quality",
    "Refusal",
    "RenderError",
    "RerenderResult",
    "UnreadableFileError",
    "UnsupportedFileError",
    "build_fax_document",
    "can_make_smaller",
    "check_fax",
    "check_limits",
    "document_pdf_bytes",
    "estimate_fax_bytes",
    "fax_imaging",
    "inspect_document",
    "iter_thumbnails",
    "merge_documents",
    "page_count",
    "render_cover_page",
    "render_page",
    "render_page_png",
    "rerender_for_fax",
    "sniff_kind",
    "thumbnail_strip",
]

# The module that defines each name of __all__.
_HOMES = {
    "render_cover_page": "cover",
    "CoverPage": "cover_content",
    "DamagedDocumentError": "errors",
    "DocumentError": "errors",
    "EmptyDocumentError": "errors",
    "PasswordProtectedError": "errors",
    "Refusal": "errors",
    "RenderError": "errors",
    "UnreadableFileError": "errors",
    "UnsupportedFileError": "errors",
    "QUALITIES": "imaging",
    "FaxImaging": "imaging",
    "Quality": "imaging",
    "fax_imaging": "imaging",
    "document_pdf_bytes": "intake",
    "inspect_document": "intake",
    "sniff_kind": "intake",
    "FaxCheck": "limits",
    "LimitProblem": "limits",
    "can_make_smaller": "limits",
    "check_fax": "limits",
    "check_limits": "limits",
    "estimate_fax_bytes": "limits",
    "build_fax_document": "merge",
    "merge_documents": "merge",
    "DocumentInfo": "pages",
    "PageInfo": "pages",
    "PDFIUM_LOCK": "pdfium_lock",
    "iter_thumbnails": "preview",
    "page_count": "preview",
    "render_page": "preview",
    "render_page_png": "preview",
    "thumbnail_strip": "preview",
    "RerenderResult": "rerender",
    "rerender_for_fax": "rerender",
    "MAX_FAX_BYTES": "telnyx_limits",
    "MAX_PAGES": "telnyx_limits",
    "MAX_UPLOAD_BYTES": "telnyx_limits",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value: object = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .cover import render_cover_page
    from .cover_content import CoverPage
    from .errors import (
        DamagedDocumentError,
        DocumentError,
        EmptyDocumentError,
        PasswordProtectedError,
        Refusal,
        RenderError,
        UnreadableFileError,
        UnsupportedFileError,
    )
    from .imaging import QUALITIES, FaxImaging, Quality, fax_imaging
    from .intake import document_pdf_bytes, inspect_document, sniff_kind
    from .limits import (
        FaxCheck,
        LimitProblem,
        can_make_smaller,
        check_fax,
        check_limits,
        estimate_fax_bytes,
    )
    from .merge import build_fax_document, merge_documents
    from .pages import DocumentInfo, PageInfo
    from .pdfium_lock import PDFIUM_LOCK
    from .preview import (
        iter_thumbnails,
        page_count,
        render_page,
        render_page_png,
        thumbnail_strip,
    )
    from .rerender import RerenderResult, rerender_for_fax
    from .telnyx_limits import MAX_FAX_BYTES, MAX_PAGES, MAX_UPLOAD_BYTES
