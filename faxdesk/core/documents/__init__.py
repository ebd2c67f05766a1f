"""What goes into a fax: intake and checks, limits, merging, the cover page, previews.

No Qt here. PDFium calls are serialised by ``pdfium_lock.PDFIUM_LOCK`` (PDFium is not thread-safe).
"""

from .cover import CoverPage, render_cover_page
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
from .intake import DocumentInfo, PageInfo, document_pdf_bytes, inspect_document, sniff_kind
from .limits import (
    MAX_FAX_BYTES,
    MAX_PAGES,
    MAX_UPLOAD_BYTES,
    FaxCheck,
    LimitProblem,
    can_make_smaller,
    check_fax,
    check_limits,
    estimate_fax_bytes,
)
from .merge import build_fax_document, merge_documents
from .pdfium_lock import PDFIUM_LOCK
from .preview import iter_thumbnails, render_page, render_page_png, thumbnail_strip
from .rerender import RerenderResult, rerender_for_fax

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
    "render_cover_page",
    "render_page",
    "render_page_png",
    "rerender_for_fax",
    "sniff_kind",
    "thumbnail_strip",
]
