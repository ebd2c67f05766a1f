"""What goes into a fax: intake and checks, limits, merging, the cover page, previews.

No Qt here. PDFium calls are serialised by ``pdfium_lock.PDFIUM_LOCK`` (PDFium is not thread-safe).
"""

from .cover import CoverPage, render_cover_page
from .errors import (
    DamagedDocumentError,
    DocumentError,
    EmptyDocumentError,
    PasswordProtectedError,
    RenderError,
    UnreadableFileError,
    UnsupportedFileError,
)
from .intake import DocumentInfo, PageInfo, document_pdf_bytes, inspect_document, sniff_kind
from .limits import MAX_FAX_BYTES, MAX_PAGES, MAX_UPLOAD_BYTES, LimitProblem, check_limits
from .merge import build_fax_document, merge_documents
from .pdfium_lock import PDFIUM_LOCK
from .preview import iter_thumbnails, render_page, render_page_png, thumbnail_strip
from .rerender import RerenderResult, rerender_for_fax

__all__ = [
    "MAX_FAX_BYTES",
    "MAX_PAGES",
    "MAX_UPLOAD_BYTES",
    "PDFIUM_LOCK",
    "CoverPage",
    "DamagedDocumentError",
    "DocumentError",
    "DocumentInfo",
    "EmptyDocumentError",
    "LimitProblem",
    "PageInfo",
    "PasswordProtectedError",
    "RenderError",
    "RerenderResult",
    "UnreadableFileError",
    "UnsupportedFileError",
    "build_fax_document",
    "check_limits",
    "document_pdf_bytes",
    "inspect_document",
    "iter_thumbnails",
    "merge_documents",
    "render_cover_page",
    "render_page",
    "render_page_png",
    "rerender_for_fax",
    "sniff_kind",
    "thumbnail_strip",
]
