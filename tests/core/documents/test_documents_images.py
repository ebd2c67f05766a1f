"""Images and scans become fax pages at the resolution the chosen quality carries; thumbnails of
big photos never decode every pixel; intake estimates the size of the fax it will build."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFile, ImageStat
from pypdf import PdfReader

import faxdesk.core.documents.limits as limits
from faxdesk.core.documents import (
    CoverPage,
    build_fax_document,
    can_make_smaller,
    check_fax,
    check_limits,
    estimate_fax_bytes,
    fax_imaging,
    inspect_document,
    iter_thumbnails,
    merge_documents,
    render_page,
    render_page_png,
)
from faxdesk.core.documents.image_pdf import ImagePage, image_pages_pdf
from faxdesk.core.documents.imaging import _group4, encode_bilevel
from faxdesk.core.documents.intake import image_to_pdf_bytes
from faxdesk.core.documents.pages import PageInfo, Placement
from faxdesk.core.documents.pdfium_lock import close_bitmap

from .conftest import labelled_image, text_pdf


def phone_photo(path: Path, size: tuple[int, int] = (4032, 3024)) -> Path:
    """A 12-megapixel photo-like JPEG (about 3.5 MB): colour fields, grain, shapes, a caption."""
    w, h = size
    red = Image.linear_gradient("L").resize((w, h))
    green = Image.effect_noise((w // 64, h // 64), 80).convert("L").resize(
        (w, h), Image.Resampling.BICUBIC)
    blue = Image.radial_gradient("L").resize((w, h))
    image = Image.blend(Image.merge("RGB", (red, green, blue)),
                        Image.effect_noise((w, h), 18).convert("RGB"), 0.25)
    draw = ImageDraw.Draw(image)
    for i in range(40):
        x, y = (i * 7919) % w, (i * 104729) % h
        draw.ellipse((x, y, x + w // 10, y + h // 10), outline=(250 - i * 5, i * 6, 128),
                     width=w // 200)
    draw.text((w // 10, h // 10), "PHONE PHOTO", fill="white", font_size=h // 12)
    image.save(path, "JPEG", quality=92, dpi=(72, 72))
    return path


@pytest.fixture(scope="module")
def photo12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return phone_photo(tmp_path_factory.mktemp("photo") / "IMG_0001.jpg")


def text_scan(path: Path, dpi: int = 300, mode: str = "L") -> Path:
    """A letter page of text scanned at ``dpi``: white paper, black text, a frame."""
    w, h = round(8.5 * dpi), 11 * dpi
    page = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(page)
    draw.rectangle((dpi // 2, dpi // 2, w - dpi // 2, h - dpi // 2), outline=10, width=dpi // 50)
    for line in range(30):
        draw.text((dpi, dpi + line * dpi // 3), f"Line {line + 1}: invoice 4711, total 99.50",
                  fill=20, font_size=dpi // 6)
    page.convert(mode).save(path, dpi=(dpi, dpi), **({"compression": "group4"}
                                                     if mode == "1" else {}))
    return path


def embedded(pdf: bytes | Path, page: int = 0) -> dict[str, Any]:
    """The one image XObject drawn on a page, as its dictionary (plus its data length)."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    xobjects = reader.pages[page]["/Resources"]["/XObject"]  # type: ignore[index]
    [image] = [x.get_object() for x in xobjects.values()]
    info = {k: image[k] for k in image}
    info["bytes"] = len(image._data)
    return info


def rendered(pdf: bytes | Path, scale: float = 1.0) -> Image.Image:
    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        page = document[0]
        bitmap = page.render(scale=scale)
        try:
            return bitmap.to_pil().convert("L")
        finally:
            close_bitmap(bitmap)
            page.close()
    finally:
        document.close()


# -- the resolution each quality carries ---------------------------------------------------


def test_a_12_megapixel_photo_becomes_one_grey_page_under_1_mb(
    photo12: Path, tmp_path: Path
) -> None:
    assert photo12.stat().st_size > 3_000_000
    info = merge_documents([photo12], tmp_path / "fax.pdf")  # Telnyx's default quality: high
    assert info.page_count == 1 and info.pages[0].orientation == "landscape"
    assert info.size_bytes < 1_000_000
    image = embedded(info.path)
    assert image["/ColorSpace"] == "/DeviceGray"  # not full colour
    assert image["/Filter"] == "/DCTDecode" and image["/BitsPerComponent"] == 8
    # No more pixels than the line carries at 204x196 dpi over the drawn rectangle.
    page = info.pages[0]
    assert image["/Width"] <= math.ceil((page.width_pt - 36) / 72 * 204)
    assert image["/Height"] <= math.ceil((page.height_pt - 36) / 72 * 196)
    assert image["/Width"] > 1900  # and not fewer: the full fine grid
    # The photo is on the page: dark and light areas, not a blank or black page.
    stats = ImageStat.Stat(rendered(info.path, 0.5).crop((40, 40, 300, 240)))
    assert 40 < stats.mean[0] < 220 and stats.stddev[0] > 20


def test_monochrome_dithers_the_photo_on_the_fine_grid(photo12: Path, tmp_path: Path) -> None:
    info = merge_documents([photo12], tmp_path / "fax.pdf", quality="high", monochrome=True)
    assert info.size_bytes < 1_000_000
    image = embedded(info.path)
    assert image["/BitsPerComponent"] == 1
    page = info.pages[0]
    # Exactly the fine grid over the drawn rectangle (the photo fills the printable width).
    assert image["/Width"] == round((page.width_pt - 36) / 72 * 204)
    # Dithered: tones survive as dot density, seen once the page is blurred to the eye.
    grey = rendered(info.path, 1.0).resize((99, 76), Image.Resampling.BOX)
    assert ImageStat.Stat(grey).stddev[0] > 15
    assert 60 < ImageStat.Stat(grey).mean[0] < 200


def test_normal_quality_uses_the_standard_grid(tmp_path: Path) -> None:
    scan = text_scan(tmp_path / "letter.png", dpi=300)
    fine = embedded(image_to_pdf_bytes(scan, quality="high"))
    standard = embedded(image_to_pdf_bytes(scan, quality="normal"))
    assert standard["/Width"] == fine["/Width"]
    assert standard["/Height"] == pytest.approx(fine["/Height"] / 2, abs=1)


def test_a_text_scan_is_black_and_white_at_high_and_grey_at_very_high(tmp_path: Path) -> None:
    scan = text_scan(tmp_path / "invoice.png", dpi=300)
    high = embedded(image_to_pdf_bytes(scan, quality="high"))
    assert high["/BitsPerComponent"] == 1
    assert high["/Filter"] in ("/CCITTFaxDecode", "/FlateDecode")
    assert high["bytes"] < 100_000
    very_high = embedded(image_to_pdf_bytes(scan, quality="very_high"))
    assert very_high["/BitsPerComponent"] == 8 and very_high["/Filter"] == "/DCTDecode"
    assert very_high["/Width"] <= high["/Width"]


def test_a_1_bit_scan_stays_black_and_white_at_every_quality(tmp_path: Path) -> None:
    scan = text_scan(tmp_path / "fax.tif", dpi=200, mode="1")
    for quality in ("normal", "high", "very_high", "ultra_light", "ultra_dark"):
        assert embedded(image_to_pdf_bytes(scan, quality=quality))["/BitsPerComponent"] == 1


def test_a_600_dpi_g4_scan_is_resampled_to_the_fine_grid(tmp_path: Path) -> None:
    scan = text_scan(tmp_path / "a4-600.tif", dpi=600, mode="1")
    assert Image.open(scan).size == (5100, 6600)
    pdf = image_to_pdf_bytes(scan, quality="high")
    image = embedded(pdf)
    assert image["/Width"] == round((612 - 36) / 72 * 204)
    assert len(pdf) < 150_000
    # The text is still there: dark strokes on white paper.
    page = rendered(pdf, 1.0)
    assert page.getextrema() == (0, 255)
    assert ImageStat.Stat(page).mean[0] > 200


def test_fax_pages_keep_black_black_in_each_encoding() -> None:
    # Black and white is stored as Group 4 or Flate, whichever is smaller; both must decode
    # with black where the image is black.
    text = Image.new("1", (400, 300), 1)
    ImageDraw.Draw(text).rectangle((100, 100, 199, 199), fill=0)
    grain = Image.effect_noise((400, 300), 60).convert("1")
    ImageDraw.Draw(grain).rectangle((100, 100, 199, 199), fill=0)
    g4 = _group4(text)
    assert g4 is not None and g4.filter == "CCITTFaxDecode"
    smaller = encode_bilevel(grain)
    assert smaller.filter == "FlateDecode" and len(smaller.data) < len(_group4(grain).data)
    for source, fax in ((text, g4), (grain, smaller), (text, encode_bilevel(text))):
        page = PageInfo(400.0, 300.0, "landscape")
        pdf = image_pages_pdf([ImagePage(Placement(page, 0, 0, 400, 300), fax)])
        out = rendered(pdf, 1.0)
        assert out.size == (400, 300)
        assert ImageStat.Stat(out.crop((110, 110, 190, 190))).mean[0] < 5, fax.filter
        if source is text:
            assert ImageStat.Stat(out.crop((10, 10, 90, 90))).mean[0] > 250


def test_unknown_quality_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown fax quality"):
        fax_imaging("best")
    assert fax_imaging(None).quality == "high"


# -- thumbnails ---------------------------------------------------------------------------


@pytest.fixture
def decoded_sizes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    """The size of every image Pillow decodes from a file meanwhile."""
    sizes: list[tuple[int, int]] = []
    real_load = ImageFile.ImageFile.load

    def load(self: ImageFile.ImageFile) -> Any:
        result = real_load(self)
        sizes.append(self.size)
        return result

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    yield sizes


def test_a_photo_thumbnail_never_decodes_the_full_image(
    photo12: Path, decoded_sizes: list[tuple[int, int]]
) -> None:
    thumb = next(iter_thumbnails(photo12, 160))
    assert thumb.page_count == 1
    assert thumb.image.size == (160, round(612 * 160 / 792))  # a landscape letter page
    assert decoded_sizes and max(decoded_sizes) <= (4032 // 8, 3024 // 8)
    # The photo is drawn on the page (not a blank sheet), within the white margins.
    grey = thumb.image.convert("L")
    assert ImageStat.Stat(grey.crop((20, 20, 140, 100))).stddev[0] > 15
    assert grey.getpixel((1, 1)) == 255


def test_the_document_list_thumbnail_of_a_photo_is_small_too(
    photo12: Path, decoded_sizes: list[tuple[int, int]]
) -> None:
    png = render_page_png(photo12, 0, width=108)
    assert Image.open(io.BytesIO(png)).width == 108
    assert max(decoded_sizes) <= (4032 // 8, 3024 // 8)


def test_a_sideways_phone_photo_thumbnail_is_upright(tmp_path: Path) -> None:
    # Stored landscape with EXIF "rotate 90": a portrait page with the picture turned.
    image = Image.new("RGB", (1200, 800), "white")
    ImageDraw.Draw(image).rectangle((0, 0, 599, 799), fill="black")  # the left half dark
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "sideways.jpg"
    image.save(path, exif=exif)
    thumb = render_page(path, 0, 120).convert("L")
    assert thumb.height > thumb.width
    # Turned clockwise, the stored left half is at the top.
    top = ImageStat.Stat(thumb.crop((20, 20, 100, thumb.height // 2 - 5))).mean[0]
    bottom = ImageStat.Stat(thumb.crop((20, thumb.height // 2 + 5, 100, thumb.height - 20)))
    assert top < 60 and bottom.mean[0] > 200


def test_g4_scan_thumbnails_show_the_text(tmp_path: Path) -> None:
    scan = text_scan(tmp_path / "a4-600.tif", dpi=600, mode="1")
    thumb = render_page(scan, 0, 160).convert("L")
    assert thumb.size == (160, round(792 * 160 / 612))
    assert thumb.getextrema()[0] < 128  # text and frame are visible


def test_multipage_tiff_thumbnails_one_per_frame(tiff_file: Path) -> None:
    thumbs = list(iter_thumbnails(tiff_file, 80))
    assert [(t.index, t.page_count) for t in thumbs] == [(0, 3), (1, 3), (2, 3)]
    with pytest.raises(IndexError):
        render_page(tiff_file, 3)


def test_a_phone_photo_with_a_depth_map_is_one_page(tmp_path: Path) -> None:
    # Phones store a second picture (depth map, preview) after the photo (MPO); it is no page.
    first, second = labelled_image("PHOTO", (800, 600)), labelled_image("DEPTH", (400, 300))
    path = tmp_path / "portrait-mode.jpg"
    first.save(path, "MPO", save_all=True, append_images=[second])
    assert Image.open(path).n_frames == 2
    assert inspect_document(path).page_count == 1
    assert len(list(iter_thumbnails(path, 60))) == 1


# -- the estimate and "make smaller" ------------------------------------------------------------


def test_intake_estimates_the_fax_a_photo_makes(photo12: Path, tmp_path: Path) -> None:
    info = inspect_document(photo12)
    assert info.size_bytes > 3_000_000
    assert info.fax_bytes < 1_000_000  # not the 3.5 MB file, and not 34 MB of pixels
    built = merge_documents([photo12], tmp_path / "fax.pdf")
    assert info.fax_bytes == pytest.approx(built.size_bytes, rel=0.02)


def test_estimate_matches_the_built_fax(
    photo12: Path, tiff_file: Path, mixed_pdf: Path, tmp_path: Path
) -> None:
    cover = CoverPage(to_name="Ada", subject="Photos", message="Three documents follow.")
    documents = [photo12, mixed_pdf, tiff_file]
    for quality, mono in (("high", False), ("very_high", False), ("normal", True)):
        guess = estimate_fax_bytes(documents, quality, monochrome=mono, cover=cover)
        built = build_fax_document(documents, cover, tmp_path / f"{quality}.pdf",
                                   quality=quality, monochrome=mono)
        assert guess == pytest.approx(built.size_bytes, rel=0.05), quality
        check = check_fax(documents, quality, monochrome=mono, cover=cover)
        assert check.page_count == built.page_count == 1 + 1 + 3 + 3
        assert check.problems == [] and not check.can_make_smaller


def test_inspected_documents_are_reused_for_the_same_quality(
    photo12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = inspect_document(photo12, quality="very_high")
    calls: list[object] = []
    real = limits.inspect_document

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("quality"))
        return real(*args, **kwargs)

    monkeypatch.setattr(limits, "inspect_document", counting)
    assert estimate_fax_bytes([info], "very_high") == info.fax_bytes + 300
    assert calls == []
    estimate_fax_bytes([info], "high")  # another quality: the image is looked at again
    assert calls == ["high"]


def test_an_image_over_the_limit_is_not_offered_make_smaller(
    photo12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 100_000)
    [problem] = check_limits(inspect_document(photo12))
    assert problem.code == "too_large_to_upload"
    assert '"IMG_0001.jpg" makes 0.2 MB of fax pages; at most 0.1 MB can be uploaded' in (
        problem.message)
    assert not problem.can_rerender and not can_make_smaller([problem])


def test_a_scan_pdf_over_the_limit_is_offered_make_smaller(
    scan_pdf: Path, photo12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems = check_limits(inspect_document(scan_pdf))
    assert can_make_smaller(problems)
    assert not can_make_smaller([])
    # The whole fax: the scan is most of its weight, so making it smaller helps.
    check = check_fax([scan_pdf, photo12], "high")
    [problem] = check.problems
    assert problem.message.startswith("The fax would be ")
    assert "re-render it at fax resolution" in problem.message
    assert check.can_make_smaller
    assert check.estimated_bytes > scan_pdf.stat().st_size
    # Over the page limit too: re-rendering would not fix that.
    monkeypatch.setattr(limits, "MAX_PAGES", 5)
    check = check_fax([scan_pdf, photo12], "high")
    assert [p.code for p in check.problems] == ["too_many_pages", "too_large_to_upload"]
    assert not check.can_make_smaller


def test_a_text_pdf_is_estimated_at_its_own_size(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "letter.pdf", ["ONE", "TWO"])
    size = pdf.stat().st_size
    assert inspect_document(pdf).fax_bytes == size
    assert estimate_fax_bytes([pdf]) == size + 2 * 300
