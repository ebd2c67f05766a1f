"""Telnyx's limits, checked before upload; scans re-rendered at fax resolution to fit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from faxdesk.core.documents import (
    MAX_UPLOAD_BYTES,
    check_limits,
    inspect_document,
    merge_documents,
    rerender_for_fax,
)
from faxdesk.core.documents.limits import image_share

from .conftest import LANDSCAPE


def test_small_document_has_no_problems(make_pdf: Callable[..., Path]) -> None:
    assert check_limits(make_pdf("ok.pdf", ["fine"])) == []


def test_too_many_pages(big_pdf: Path) -> None:
    [problem] = check_limits(inspect_document(big_pdf))
    assert problem.code == "too_many_pages"
    assert problem.actual == 400 and problem.limit == 350
    assert '"manual-400.pdf" has 400 pages' in problem.message
    assert "Split it into several faxes" in problem.message
    assert not problem.can_rerender


def test_large_pdf_without_images_is_not_offered_rerender(
    make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    # 21 MB that are not images (an attached file): re-rendering the pages would not help.
    writer = PdfWriter(clone_from=make_pdf("small.pdf", ["ATTACHED"]))
    writer.add_attachment("data.bin", os.urandom(21_000_000))
    path = tmp_path / "with-attachment.pdf"
    writer.write(path)
    info = inspect_document(path)
    assert info.size_bytes > MAX_UPLOAD_BYTES
    [problem] = check_limits(info)
    assert problem.code == "too_large_to_upload"
    assert not problem.can_rerender
    assert '"with-attachment.pdf" is 21.0 MB; at most 20.0 MB can be uploaded' in problem.message
    assert "Remove pages" in problem.message


@pytest.mark.slow
def test_scan_too_large_is_rerendered_to_fit(scan_pdf: Path, tmp_path: Path) -> None:
    info = inspect_document(scan_pdf)
    assert info.size_bytes > 25_000_000
    assert image_share(scan_pdf) > 0.95
    [problem] = check_limits(info)
    assert problem.code == "too_large_to_upload"
    assert problem.can_rerender
    assert '"scan-30mb.pdf" is' in problem.message and "re-render it at fax resolution" in (
        problem.message
    )
    # Sent by URL the 50 MB limit applies, and it fits.
    assert check_limits(info, upload=False) == []

    seen: list[int] = []
    result = rerender_for_fax(scan_pdf, tmp_path / "fit.pdf", progress=lambda d, t: seen.append(d))
    assert seen == list(range(1, 13))
    assert result.before_bytes == info.size_bytes
    assert result.after_bytes < MAX_UPLOAD_BYTES
    assert result.info.page_count == 12
    assert check_limits(result.info) == []
    # Same page sizes as before, to within a pixel at 200 dpi.
    for before, after in zip(info.pages, result.info.pages, strict=True):
        assert (after.width_pt, after.height_pt) == pytest.approx(
            (before.width_pt, before.height_pt), abs=0.4
        )


def test_rerender_mono_keeps_orientation_and_uses_g4(mixed_pdf: Path, tmp_path: Path) -> None:
    result = rerender_for_fax(mixed_pdf, tmp_path / "mono.pdf", mode="mono")
    assert [p.orientation for p in result.info.pages] == ["portrait", "landscape", "landscape"]
    assert (result.info.pages[1].width_pt, result.info.pages[1].height_pt) == pytest.approx(
        LANDSCAPE, abs=0.5
    )
    page = PdfReader(result.info.path).pages[0]
    xobjects = page["/Resources"]["/XObject"]  # type: ignore[index]
    [image] = [x.get_object() for x in xobjects.values()]
    assert "/CCITTFaxDecode" in str(image["/Filter"])
    assert image["/Width"] == pytest.approx(612 / 72 * 200, abs=1)


def test_merged_output_is_what_gets_checked(
    make_pdf: Callable[..., Path], big_pdf: Path, tmp_path: Path
) -> None:
    # Two documents that fit alone but not together.
    part = make_pdf("part.pdf", [f"P{i}" for i in range(200)])
    merged = merge_documents([part, part], tmp_path / "both.pdf")
    [problem] = check_limits(merged)
    assert problem.code == "too_many_pages" and problem.actual == 400
