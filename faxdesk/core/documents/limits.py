"""Telnyx's limits on a fax document, checked before upload, with what to do about each.

Sizes use decimal megabytes (the smaller reading of "MB"), so a file that passes here is under
the limit whichever way Telnyx counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pypdf.generic import DictionaryObject, IndirectObject

from .intake import DocumentInfo, inspect_document, open_pdf

MAX_PAGES = 350
MAX_FAX_BYTES = 50_000_000  # SendFax: larger fails with file_size_limit_exceeded
MAX_UPLOAD_BYTES = 20_000_000  # /v2/media upload and the multipart `contents` part
# A document whose bytes are mostly embedded images can be made smaller by re-rendering.
IMAGE_SHARE_FOR_RERENDER = 0.5

LimitCode = Literal["too_many_pages", "too_large_to_upload", "too_large_for_fax"]


@dataclass(frozen=True)
class LimitProblem:
    code: LimitCode
    message: str
    limit: int
    actual: int
    can_rerender: bool  # re-rendering at fax resolution (rerender_for_fax) is likely to fix it


def check_limits(doc: DocumentInfo | Path | str, *, upload: bool = True) -> list[LimitProblem]:
    """Problems that would stop this document being sent; empty when it can go.

    ``upload`` is true when the file goes through the media upload (20 MB); false when Telnyx
    fetches it from a URL (50 MB).
    """
    info = doc if isinstance(doc, DocumentInfo) else inspect_document(doc)
    name = info.path.name
    problems: list[LimitProblem] = []
    if info.page_count > MAX_PAGES:
        problems.append(
            LimitProblem(
                "too_many_pages",
                f'"{name}" has {info.page_count} pages; Telnyx sends at most {MAX_PAGES} '
                "pages in one fax. Split it into several faxes of up to "
                f"{MAX_PAGES} pages each.",
                MAX_PAGES,
                info.page_count,
                False,
            )
        )
    limit = MAX_UPLOAD_BYTES if upload else MAX_FAX_BYTES
    if info.size_bytes > limit:
        images = info.kind != "pdf" or image_share(info.path) >= IMAGE_SHARE_FOR_RERENDER
        what = "uploaded" if upload else "sent"
        advice = (
            "It is large because of its scanned images: re-render it at fax resolution "
            "(200 dpi), which keeps it readable and makes it much smaller."
            if images
            else "Remove pages you do not need, or split it into several faxes."
        )
        problems.append(
            LimitProblem(
                "too_large_to_upload" if upload else "too_large_for_fax",
                f'"{name}" is {_mb(info.size_bytes)}; at most {_mb(limit)} can be {what} '
                f"for a fax. {advice}",
                limit,
                info.size_bytes,
                images,
            )
        )
    return problems


def image_share(path: Path | str) -> float:
    """The fraction of the file's bytes that are embedded images (0.0 to 1.0)."""
    p = Path(path)
    total = p.stat().st_size
    if total == 0:
        return 0.0
    seen: set[int] = set()
    image_bytes = 0
    for page in open_pdf(p).pages:
        image_bytes += _images_in(page.get("/Resources"), seen, depth=0)
    return min(1.0, image_bytes / total)


def _images_in(resources: object, seen: set[int], depth: int) -> int:
    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject) or depth > 3:
        return 0
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, IndirectObject):
        xobjects = xobjects.get_object()
    if not isinstance(xobjects, DictionaryObject):
        return 0
    found = 0
    for ref in xobjects.values():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key in seen:
            continue
        seen.add(key)
        obj = ref.get_object() if isinstance(ref, IndirectObject) else ref
        if not isinstance(obj, DictionaryObject):
            continue
        if obj.get("/Subtype") == "/Image":
            # pypdf keeps a stream's encoded bytes in _data (its /Length is dropped on read).
            found += len(getattr(obj, "_data", b"") or b"")
        elif obj.get("/Subtype") == "/Form":  # images nested in form XObjects
            found += _images_in(obj.get("/Resources"), seen, depth + 1)
    return found


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
