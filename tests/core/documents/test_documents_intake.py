"""Intake: every kind of file is recognised by content, described, or refused in words."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from faxdesk.core.documents import (
    DamagedDocumentError,
    DocumentError,
    EmptyDocumentError,
    PasswordProtectedError,
    UnreadableFileError,
    UnsupportedFileError,
    document_pdf_bytes,
    inspect_document,
    sniff_kind,
)

from .conftest import LANDSCAPE, LETTER


def test_pdf_pages_sizes_and_orientation(mixed_pdf: Path) -> None:
    info = inspect_document(mixed_pdf)
    assert info.kind == "pdf"
    assert info.page_count == 3
    assert info.size_bytes == mixed_pdf.stat().st_size
    assert [p.orientation for p in info.pages] == ["portrait", "landscape", "landscape"]
    assert (info.pages[0].width_pt, info.pages[0].height_pt) == LETTER
    assert (info.pages[1].width_pt, info.pages[1].height_pt) == LANDSCAPE
    # The third page is portrait paper turned by /Rotate 90: it prints landscape.
    assert info.pages[2].rotation == 90
    assert (info.pages[2].width_pt, info.pages[2].height_pt) == LANDSCAPE


def test_400_page_pdf_is_counted(big_pdf: Path) -> None:
    info = inspect_document(big_pdf)
    assert info.page_count == 400 and len(info.pages) == 400


def test_type_is_sniffed_from_content_not_name(tmp_path: Path, png_file: Path) -> None:
    disguised = tmp_path / "report.pdf"
    disguised.write_bytes(png_file.read_bytes())
    assert sniff_kind(disguised) == "png"
    assert inspect_document(disguised).kind == "png"


def test_png_becomes_one_landscape_page_within_margins(png_file: Path) -> None:
    info = inspect_document(png_file)
    assert info.kind == "png" and info.page_count == 1
    assert info.pages[0].orientation == "landscape"
    assert (info.pages[0].width_pt, info.pages[0].height_pt) == LANDSCAPE


def test_multipage_tiff_gives_one_page_per_frame(tiff_file: Path) -> None:
    info = inspect_document(tiff_file)
    assert info.kind == "tiff" and info.page_count == 3
    assert all(p.orientation == "portrait" for p in info.pages)
    reader = PdfReader(io.BytesIO(document_pdf_bytes(tiff_file)))
    assert len(reader.pages) == 3
    # A 200 dpi letter scan fills the printable area: 1700 px at 200 dpi = 612 pt, shrunk to
    # the 18 pt margins, so the image is drawn at the full printable width.
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612.0)


def test_jpeg_photo_is_scaled_down_to_fit(jpeg_file: Path) -> None:
    data = document_pdf_bytes(jpeg_file)
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(LANDSCAPE)
    assert inspect_document(jpeg_file).kind == "jpeg"


def test_jpeg_exif_rotation_is_applied(tmp_path: Path) -> None:
    # A phone photo stored sideways with EXIF "rotate 90": it must come out portrait.
    im = Image.new("RGB", (1200, 800), "white")
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "phone.jpg"
    im.save(path, exif=exif)
    assert inspect_document(path).pages[0].orientation == "portrait"


def test_owner_only_protection_opens(owner_only_pdf: Path) -> None:
    info = inspect_document(owner_only_pdf)
    assert info.page_count == 2


def _message(exc: pytest.ExceptionInfo[DocumentError]) -> str:
    return str(exc.value)


def test_password_protected(encrypted_pdf: Path) -> None:
    with pytest.raises(PasswordProtectedError) as exc:
        inspect_document(encrypted_pdf)
    msg = _message(exc)
    assert '"contract-protected.pdf"' in msg
    assert "protected with a password" in msg
    assert "unprotected copy" in msg


def test_truncated_pdf(truncated_pdf: Path) -> None:
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(truncated_pdf)
    msg = _message(exc)
    assert '"half-downloaded.pdf"' in msg
    assert "damaged" in msg and "ends early" in msg
    assert "again" in msg


def test_garbage_inside_a_pdf_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbled.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(4000) + b"\n%%EOF\n")
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert '"garbled.pdf"' in _message(exc) and "damaged" in _message(exc)


def test_zero_pages(zero_page_pdf: Path) -> None:
    with pytest.raises(EmptyDocumentError) as exc:
        inspect_document(zero_page_pdf)
    assert '"empty.pdf"' in _message(exc) and "no pages" in _message(exc)


def test_not_a_pdf_says_what_it_is(not_a_pdf: Path) -> None:
    with pytest.raises(UnsupportedFileError) as exc:
        inspect_document(not_a_pdf)
    msg = _message(exc)
    assert '"letter.pdf"' in msg
    assert "not a PDF, PNG, JPEG or TIFF" in msg
    assert "Word" in msg
    assert "export it as PDF" in msg


def test_plain_text_file_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(UnsupportedFileError) as exc:
        inspect_document(path)
    assert '"notes.txt"' in _message(exc)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "zero.pdf"
    path.write_bytes(b"")
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert '"zero.pdf"' in _message(exc) and "empty" in _message(exc)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as exc:
        inspect_document(tmp_path / "gone.pdf")
    assert '"gone.pdf"' in _message(exc) and "does not exist" in _message(exc)


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Scans"
    folder.mkdir()
    with pytest.raises(UnreadableFileError) as exc:
        inspect_document(folder)
    assert '"Scans"' in _message(exc) and "folder" in _message(exc)


def test_no_permission(tmp_path: Path, make_pdf: object, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            # Running as root: permissions do not apply, so the OS refusal is simulated.
            real_open = Path.open

            def refuse(self: Path, *a: Any, **k: Any) -> Any:
                if self == path:
                    raise PermissionError(13, "Permission denied", str(self))
                return real_open(self, *a, **k)

            monkeypatch.setattr(Path, "open", refuse)
        with pytest.raises(UnreadableFileError) as exc:
            inspect_document(path)
    finally:
        path.chmod(0o644)
    assert '"locked.pdf"' in _message(exc) and "permission" in _message(exc)


def test_truncated_png(tmp_path: Path, png_file: Path) -> None:
    data = png_file.read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert '"cut.png"' in _message(exc) and "damaged or cut short" in _message(exc)


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_truncated_multipage_tiff(tmp_path: Path, tiff_file: Path) -> None:
    data = tiff_file.read_bytes()
    path = tmp_path / "cut.tif"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert '"cut.tif"' in _message(exc)


def test_page_damaged_inside_the_file(make_pdf: Callable[..., Path], tmp_path: Path) -> None:
    # The end of the file is intact but a page object in the middle is overwritten.
    data = bytearray(make_pdf("whole.pdf", ["A", "B", "C"]).read_bytes())
    data[200:350] = b"#" * 150
    path = tmp_path / "scratched.pdf"
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert '"scratched.pdf"' in _message(exc) and "damaged" in _message(exc)
