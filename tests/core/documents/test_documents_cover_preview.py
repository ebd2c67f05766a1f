"""The cover page and the thumbnails, rendered to PNG for people to look at."""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from faxdesk.core.documents import (
    CoverPage,
    DamagedDocumentError,
    PasswordProtectedError,
    RenderError,
    UnreadableFileError,
    build_fax_document,
    iter_thumbnails,
    render_cover_page,
    render_page,
    render_page_png,
    thumbnail_strip,
)
from faxdesk.core.documents import cover as cover_module

MESSAGE = (
    "Dear Ms. Lovelace,\n\n"
    "Please find attached the signed purchase order for the difference engine parts, "
    "together with the revised drawings of the carriage mechanism. The drawings on pages 3 and "
    "4 are in landscape format.\n\n"
    "If any page is missing or hard to read, please call me on the number above and I will "
    "send it again.\n\n"
    "Kind regards,\nCharles Babbage"
)


def _logo(path: Path) -> Path:
    im = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse((8, 8, 232, 232), fill=(24, 90, 157, 255))
    d.text((62, 70), "BE", fill="white", font_size=96)
    im.save(path)
    return path


def _cover(tmp_path: Path, **over: object) -> CoverPage:
    fields: dict[str, object] = dict(
        to_name="Ada Lovelace",
        to_number="+44 20 7946 0958",
        company="Analytical Engines Ltd",
        from_name="Charles Babbage",
        from_number="+1 212-555-0100",
        from_company="Babbage & Sons Engineering",
        subject="Purchase order 4471 and revised drawings",
        message=MESSAGE,
        date=dt.date(2026, 11, 26),
        logo=_logo(tmp_path / "logo.png"),
    )
    fields.update(over)
    return CoverPage(**fields)  # type: ignore[arg-type]


def _darkest(gray: Image.Image) -> int:
    low, _ = gray.getextrema()
    assert isinstance(low, int)
    return low


def test_cover_page_renders_to_png(tmp_path: Path, artifacts: Path) -> None:
    pdf = render_cover_page(_cover(tmp_path), total_pages=7)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("FAX", "Ada Lovelace", "Analytical Engines Ltd", "+44 20 7946 0958",
                     "Charles Babbage", "Babbage & Sons Engineering", "November 26, 2026",
                     "Purchase order 4471", "7 (including this cover)", "Kind regards",
                     "Page 1 of 7"):  # fmt: skip
        assert expected in text
    image = render_page(pdf, 0, width=850)
    assert image.size == (850, 1100)
    image.save(artifacts / "cover-page.png", optimize=True)
    # Something is drawn in the top third (letterhead) and the message area, not a blank page.
    gray = image.convert("L")
    assert _darkest(gray.crop((0, 0, 850, 150))) < 100
    assert _darkest(gray.crop((0, 500, 850, 900))) < 100


def test_cover_long_message_stays_one_page(tmp_path: Path) -> None:
    long = "\n\n".join(f"Paragraph {i}: " + "all work and no play " * 30 for i in range(40))
    pdf = render_cover_page(_cover(tmp_path, message=long, logo=None), total_pages=2)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert "Paragraph 39" in reader.pages[0].extract_text()


def test_cover_with_non_latin_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cover = _cover(tmp_path, to_name="Ζωή Παπαδοπούλου", subject="見積書")
    text = PdfReader(io.BytesIO(render_cover_page(cover, 1))).pages[0].extract_text()
    assert "Ζωή Παπαδοπούλου" in text and "見積書" in text
    # Without any Unicode font on the system the cover is still made (with boxes for glyphs).
    monkeypatch.setattr(cover_module, "pdf_fonts", lambda _text: ("Helvetica", "Helvetica-Bold"))
    pdf = render_cover_page(_cover(tmp_path, to_name="Ζωή", from_name="山田"), total_pages=1)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_cover_with_a_bad_logo_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "company-logo.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(DamagedDocumentError) as exc:
        render_cover_page(_cover(tmp_path, logo=bad), total_pages=1)
    assert '"company-logo.png": the logo cannot be read as an image' in str(exc.value)
    with pytest.raises(UnreadableFileError):
        render_cover_page(_cover(tmp_path, logo=tmp_path / "gone.png"), total_pages=1)


def test_cover_minimal_fields(tmp_path: Path) -> None:
    pdf = render_cover_page(CoverPage(to_number="+15551234567"), total_pages=3)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "+15551234567" in text and "3 (including this cover)" in text


def test_thumbnail_strip_of_the_fax(
    tmp_path: Path, make_pdf: Callable[..., Path], mixed_pdf: Path, png_file: Path,
    artifacts: Path,
) -> None:  # fmt: skip
    doc = make_pdf("doc.pdf", ["Order 4471", "Terms"])
    fax = build_fax_document([doc, mixed_pdf, png_file], _cover(tmp_path), tmp_path / "fax.pdf")
    strip = thumbnail_strip(fax.path, box=130, columns=7)
    strip.save(artifacts / "thumbnail-strip.png", optimize=True)
    assert strip.width > 7 * 130
    thumbs = list(iter_thumbnails(fax.path, width=120))
    assert len(thumbs) == 7
    assert [t.image.width for t in thumbs] == [120] * 7
    boxed = list(iter_thumbnails(fax.path, width=130, max_height=130))
    assert [max(t.image.size) for t in boxed] == [130] * 7
    # Portrait thumbnails are taller than wide, landscape ones (incl. /Rotate 90) wider.
    shapes = ["landscape" if t.image.width > t.image.height else "portrait" for t in thumbs]
    assert shapes == ["portrait", "portrait", "portrait", "portrait", "landscape", "landscape",
                      "landscape"]  # fmt: skip


def test_iter_thumbnails_is_lazy(big_pdf: Path) -> None:
    gen = iter_thumbnails(big_pdf, width=80)
    first = next(gen)
    assert (first.index, first.page_count) == (0, 400)
    second = next(gen)
    assert second.index == 1
    gen.close()  # stopping early releases the document


def test_render_page_png_bytes(make_pdf: Callable[..., Path]) -> None:
    data = render_page_png(make_pdf("one.pdf", ["ONE"]), 0, width=200)
    assert data.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(data)).size == (200, 259)


def test_preview_of_images_and_errors(
    tiff_file: Path, encrypted_pdf: Path, make_pdf: Callable[..., Path]
) -> None:
    assert [t.index for t in iter_thumbnails(tiff_file, width=60)] == [0, 1, 2]
    with pytest.raises(PasswordProtectedError) as locked:
        render_page(encrypted_pdf, 0)
    assert '"contract-protected.pdf"' in str(locked.value)
    with pytest.raises(DamagedDocumentError) as garbled:
        render_page(b"%PDF-1.7\n" + b"#" * 500, 0)
    assert "damaged" in str(garbled.value)
    with pytest.raises(RenderError) as exc:
        render_page(make_pdf("one.pdf", ["ONE"]), 5)
    assert "page 6" in str(exc.value)


def test_thumbnails_from_several_threads_at_once(
    make_pdf: Callable[..., Path], mixed_pdf: Path
) -> None:
    docs = [make_pdf(f"d{i}.pdf", [f"D{i}-{p}" for p in range(6)]) for i in range(3)] + [mixed_pdf]
    results: dict[int, list[tuple[int, int]]] = {}
    errors: list[BaseException] = []

    def work(n: int, path: Path) -> None:
        try:
            results[n] = [t.image.size for t in iter_thumbnails(path, width=90)]
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n, p)) for n, p in enumerate(docs * 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert not any(t.is_alive() for t in threads)
    assert [len(results[n]) for n in range(8)] == [6, 6, 6, 3, 6, 6, 6, 3]
    assert results[3] == results[7]
