"""Telnyx's limits on a fax document, checked before upload, with what to do about each.

The size checked is the size of the fax that will be built, estimated at intake
(``DocumentInfo.fax_bytes``): a PDF's own size, or for an image the size of the pages it
becomes at the chosen quality. "Make smaller" (re-rendering at fax resolution) is offered when
it would fix every problem: see :func:`can_make_smaller`.

Sizes use decimal megabytes (the smaller reading of "MB"), so a file that passes here is under
the limit whichever way Telnyx counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pypdf.generic import DictionaryObject, IndirectObject

from .cover import render_cover_page
from .cover_content import CoverPage
from .imaging import fax_imaging
from .intake import inspect_document, open_pdf
from .pages import DocumentInfo, Paper
from .telnyx_limits import MAX_FAX_BYTES, MAX_PAGES, MAX_UPLOAD_BYTES

# A document whose bytes are mostly embedded images can be made smaller by re-rendering.
IMAGE_SHARE_FOR_RERENDER = 0.5
# What merging adds per page (page object, xref entry, resources copied): measured on pypdf
# merges of text PDFs and image pages, rounded up.
MERGE_BYTES_PER_PAGE = 300

LimitCode = Literal["too_many_pages", "too_large_to_upload", "too_large_for_fax"]


@dataclass(frozen=True)
class LimitProblem:
    code: LimitCode
    message: str
    limit: int
    actual: int
    can_rerender: bool  # re-rendering at fax resolution (rerender_for_fax) is likely to fix it


@dataclass(frozen=True)
class FaxCheck:
    """The fax that documents (and a cover page) will make, checked before it is built."""

    estimated_bytes: int
    page_count: int
    problems: list[LimitProblem]

    @property
    def can_make_smaller(self) -> bool:
        return can_make_smaller(self.problems)


def check_limits(doc: DocumentInfo | Path | str, *, upload: bool = True) -> list[LimitProblem]:
    """Problems that would stop this document being sent; empty when it can go.

    ``upload`` is true when the file goes through the media upload (20 MB); false when Telnyx
    fetches it from a URL (50 MB). The size checked is ``fax_bytes``: what the document will
    weigh in the fax (an image at the quality it was inspected for), not the file's size.
    """
    info = doc if isinstance(doc, DocumentInfo) else inspect_document(doc)
    name = f'"{info.path.name}"'
    problems = _page_problems(name, info.page_count)
    limit = MAX_UPLOAD_BYTES if upload else MAX_FAX_BYTES
    if info.fax_bytes > limit:
        if info.kind == "pdf":
            images = image_share(info.path) >= IMAGE_SHARE_FOR_RERENDER
            weight = f"{name} is {_mb(info.fax_bytes)}"
        else:
            # Already at fax resolution: re-rendering the same pixels would not help.
            images = False
            weight = f"{name} makes {_mb(info.fax_bytes)} of fax pages"
        problems.append(_size_problem(weight, info.fax_bytes, limit, upload, images))
    return problems


def can_make_smaller(problems: Sequence[LimitProblem]) -> bool:
    """Whether "Make smaller" (re-rendering at fax resolution) is worth offering: there is a
    problem and re-rendering is likely to fix every one of them."""
    return bool(problems) and all(p.can_rerender for p in problems)


def estimate_fax_bytes(
    documents: Sequence[DocumentInfo | Path | str],
    quality: str | None = None,
    *,
    paper: Paper = "letter",
    monochrome: bool = False,
    cover: CoverPage | None = None,
) -> int:
    """The size of the fax ``build_fax_document`` will make from ``documents`` (and ``cover``)
    at ``quality`` (Telnyx's option; None is its default, "high")."""
    return check_fax(
        documents, quality, paper=paper, monochrome=monochrome, cover=cover
    ).estimated_bytes


def check_fax(
    documents: Sequence[DocumentInfo | Path | str],
    quality: str | None = None,
    *,
    paper: Paper = "letter",
    monochrome: bool = False,
    cover: CoverPage | None = None,
    upload: bool = True,
) -> FaxCheck:
    """The estimated size and page count of the whole fax, and what would stop it.

    DocumentInfo from intake is reused when it was made for the same quality; paths are
    inspected. A size problem can be made smaller when the documents that weigh most are scans
    in PDF form (re-rendering one at a time is what the send dialog offers).
    """
    infos = [_for_quality(d, paper, quality, monochrome) for d in documents]
    pages = sum(i.page_count for i in infos) + (1 if cover is not None else 0)
    size = sum(i.fax_bytes for i in infos) + MERGE_BYTES_PER_PAGE * pages
    if cover is not None:
        size += len(render_cover_page(cover, pages))
    problems = _page_problems("The fax", pages)
    limit = MAX_UPLOAD_BYTES if upload else MAX_FAX_BYTES
    if size > limit:
        scans = [
            i for i in infos
            if i.kind == "pdf" and image_share(i.path) >= IMAGE_SHARE_FOR_RERENDER
        ]
        # Re-rendering scans helps when they are most of the weight.
        images = sum(i.fax_bytes for i in scans) > size / 2
        problems.append(_size_problem(f"The fax would be {_mb(size)}", size, limit, upload,
                                      images))
    return FaxCheck(size, pages, problems)


def _for_quality(
    doc: DocumentInfo | Path | str, paper: Paper, quality: str | None, monochrome: bool
) -> DocumentInfo:
    wanted = fax_imaging(quality, monochrome=monochrome).quality
    if isinstance(doc, DocumentInfo) and (
        doc.kind == "pdf" or (doc.quality == wanted and doc.monochrome == monochrome)
    ):
        return doc
    path = doc.path if isinstance(doc, DocumentInfo) else doc
    return inspect_document(path, paper=paper, quality=wanted, monochrome=monochrome)


def _page_problems(name: str, count: int) -> list[LimitProblem]:
    if count <= MAX_PAGES:
        return []
    return [
        LimitProblem(
            "too_many_pages",
            f"{name} has {count} pages; Telnyx sends at most {MAX_PAGES} "
            "pages in one fax. Split it into several faxes of up to "
            f"{MAX_PAGES} pages each.",
            MAX_PAGES,
            count,
            False,
        )
    ]


def _size_problem(
    weight: str, size: int, limit: int, upload: bool, images: bool
) -> LimitProblem:
    what = "uploaded" if upload else "sent"
    advice = (
        "It is large because of its scanned images: re-render it at fax resolution "
        "(200 dpi), which keeps it readable and makes it much smaller."
        if images
        else "Remove pages you do not need, or split it into several faxes."
    )
    return LimitProblem(
        "too_large_to_upload" if upload else "too_large_for_fax",
        f"{weight}; at most {_mb(limit)} can be {what} for a fax. {advice}",
        limit,
        size,
        images,
    )


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
