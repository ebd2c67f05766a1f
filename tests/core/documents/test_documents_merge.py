"""Merging: the order the user chose, orientation kept, cover first with the right page count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from faxdesk.core.documents import (
    CoverPage,
    PasswordProtectedError,
    build_fax_document,
    merge_documents,
)

from .conftest import page_texts


def test_merge_keeps_the_chosen_order(make_pdf: Callable[..., Path], tmp_path: Path) -> None:
    a = make_pdf("a.pdf", ["A-1", "A-2"])
    b = make_pdf("b.pdf", ["B-1"])
    c = make_pdf("c.pdf", ["C-1", "C-2", "C-3"])
    info = merge_documents([c, a, b], tmp_path / "out.pdf")
    assert info.page_count == 6
    assert page_texts(info.path) == ["C-1", "C-2", "C-3", "A-1", "A-2", "B-1"]


def test_merge_keeps_landscape_and_rotation(
    mixed_pdf: Path, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    first = make_pdf("first.pdf", ["FIRST"])
    info = merge_documents([first, mixed_pdf], tmp_path / "out.pdf")
    assert [p.orientation for p in info.pages] == ["portrait", "portrait", "landscape", "landscape"]
    reader = PdfReader(info.path)
    assert [p.rotation for p in reader.pages] == [0, 0, 0, 90]
    # The landscape page keeps its own media box: nothing was rotated to portrait.
    assert (float(reader.pages[2].mediabox.width), float(reader.pages[2].mediabox.height)) == (
        792.0,
        612.0,
    )
    assert page_texts(info.path) == ["FIRST", "MIX-1", "MIX-2", "MIX-3"]


def test_merge_images_and_pdfs(
    png_file: Path, tiff_file: Path, jpeg_file: Path, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    doc = make_pdf("doc.pdf", ["DOC-1"])
    info = merge_documents([tiff_file, doc, png_file, jpeg_file], tmp_path / "out.pdf")
    assert info.page_count == 3 + 1 + 1 + 1
    assert page_texts(info.path)[3] == "DOC-1"
    assert [p.orientation for p in info.pages] == [
        "portrait", "portrait", "portrait", "portrait", "landscape", "landscape",
    ]  # fmt: skip


def test_merge_owner_only_protected_pdf_produces_open_output(
    owner_only_pdf: Path, tmp_path: Path
) -> None:
    info = merge_documents([owner_only_pdf], tmp_path / "out.pdf")
    reader = PdfReader(info.path)
    assert not reader.is_encrypted
    assert page_texts(info.path) == ["OWNER-1", "OWNER-2"]


def test_merge_refuses_a_password_protected_part_and_writes_nothing(
    encrypted_pdf: Path, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    ok = make_pdf("ok.pdf", ["OK"])
    dest = tmp_path / "out.pdf"
    with pytest.raises(PasswordProtectedError) as exc:
        merge_documents([ok, encrypted_pdf], dest)
    assert "contract-protected.pdf" in str(exc.value)
    assert not dest.exists()


def test_merge_400_pages_with_others(
    big_pdf: Path, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    head = make_pdf("head.pdf", ["HEAD"])
    tail = make_pdf("tail.pdf", ["TAIL"])
    info = merge_documents([head, big_pdf, tail], tmp_path / "out.pdf")
    assert info.page_count == 402
    texts = page_texts(info.path)
    assert texts[0] == "HEAD" and texts[-1] == "TAIL"
    assert texts[1:-1] == [f"BIG-{i + 1}" for i in range(400)]


def test_build_with_cover_counts_every_page(
    make_pdf: Callable[..., Path], mixed_pdf: Path, png_file: Path, tmp_path: Path
) -> None:
    doc = make_pdf("doc.pdf", ["DOC-1", "DOC-2"])
    cover = CoverPage(
        to_name="Dr. Ada Lovelace",
        to_number="+44 20 7946 0958",
        company="Analytical Engines Ltd",
        from_name="Charles Babbage",
        from_number="+1 212 555 0100",
        subject="Order of pages",
        message="Please find the documents attached.",
        date=dt.date(2026, 11, 26),
    )
    info = build_fax_document([doc, mixed_pdf, png_file], cover, tmp_path / "fax.pdf")
    assert info.page_count == 1 + 2 + 3 + 1
    texts = page_texts(info.path)
    cover_text = texts[0]
    assert "7 (including this cover)" in cover_text
    assert "Page 1 of 7" in cover_text
    for field in ("Dr. Ada Lovelace", "Analytical Engines Ltd", "Charles Babbage",
                  "Order of pages", "November 26, 2026", "+44 20 7946 0958"):  # fmt: skip
        assert field in cover_text
    assert texts[1:6] == ["DOC-1", "DOC-2", "MIX-1", "MIX-2", "MIX-3"]
    assert info.pages[0].orientation == "portrait"
    assert [p.orientation for p in info.pages[3:6]] == ["portrait", "landscape", "landscape"]


def test_build_without_cover(make_pdf: Callable[..., Path], tmp_path: Path) -> None:
    doc = make_pdf("doc.pdf", ["ONLY"])
    info = build_fax_document([doc], None, tmp_path / "fax.pdf")
    assert page_texts(info.path) == ["ONLY"]


def test_build_with_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_fax_document([], None, tmp_path / "fax.pdf")
