"""Images at fax resolution: thumbnails of big photos and scans, and the size of the fax they make.

Figures, each beside a floor measured in the same run:
- the first thumbnail (160 px, what the preview pane asks for) of a 12-megapixel and a
  48-megapixel JPEG, against Pillow's own cheapest thumbnail (``draft()`` then ``thumbnail()``)
  and Pillow's full decode of the same file;
- the first thumbnail of a 600-dpi A4 Group 4 TIFF, against Pillow's bare decode of that TIFF;
- the fax PDF a 12-megapixel phone photo becomes (``merge_documents``, what the command line
  sends), in bytes per page, at the default quality, at "very_high" and with "monochrome"
  (dithered), and the time it takes; and the estimate intake gives before building it.

The images are generated here (no binaries in the repository). The same file runs on older code
that has no ``quality`` argument or estimate: those figures are then left out, so "before" and
"after" come from one benchmark.
"""

from __future__ import annotations

import inspect
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import Report, is_quick, median, run_standalone
from PIL import Image, ImageDraw

import faxdesk.core.documents as documents
from faxdesk.core.documents import inspect_document, iter_thumbnails, merge_documents

THUMB_WIDTH = 160
TARGET_THUMB_S = 0.3
TARGET_PAGE_BYTES = 1_000_000


def phone_photo(path: Path, size: tuple[int, int], quality: int = 92) -> Path:
    """A photo-like JPEG: smooth colour fields, sensor grain, shapes and a caption (about 3.5 MB
    at 12 megapixels, like a phone's)."""
    w, h = size
    red = Image.linear_gradient("L").resize((w, h))
    green = Image.effect_noise((max(1, w // 64), max(1, h // 64)), 80).convert("L").resize(
        (w, h), Image.Resampling.BICUBIC)
    blue = Image.radial_gradient("L").resize((w, h))
    image = Image.merge("RGB", (red, green, blue))
    image = Image.blend(image, Image.effect_noise((w, h), 18).convert("RGB"), 0.25)
    draw = ImageDraw.Draw(image)
    for i in range(40):
        x, y = (i * 7919) % w, (i * 104729) % h
        draw.ellipse((x, y, x + w // 10, y + h // 10), outline=(250 - i * 5, i * 6, 128),
                     width=max(1, w // 200))
    draw.text((w // 10, h // 10), "PHONE PHOTO", fill="white", font_size=h // 12)
    image.save(path, "JPEG", quality=quality, dpi=(72, 72))
    return path


def g4_scan(path: Path) -> Path:
    """An A4 page scanned at 600 dpi, 1-bit, Group 4: lines of text and a frame."""
    w, h = 4960, 7016
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((300, 300, w - 300, h - 300), outline=0, width=12)
    for line in range(60):
        draw.text((400, 500 + line * 105), f"Line {line + 1}: the quick brown fox jumps over "
                  "the lazy dog 0123456789", fill=0, font_size=70)
    page.convert("1").save(path, compression="group4", dpi=(600, 600))
    return path


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def first_thumbnail(path: Path) -> None:
    thumbs = iter_thumbnails(path, width=THUMB_WIDTH)
    next(thumbs)
    thumbs.close()


def pillow_thumbnail(path: Path) -> None:
    """The least work a thumbnail can take: Pillow's draft (JPEG DCT scaling) then thumbnail."""
    with Image.open(path) as im:
        im.draft("RGB", (THUMB_WIDTH, THUMB_WIDTH))
        im.thumbnail((THUMB_WIDTH, THUMB_WIDTH))


def pillow_decode(path: Path) -> None:
    with Image.open(path) as im:
        im.load()


def takes_quality(fn: Callable[..., object]) -> bool:
    return "quality" in inspect.signature(fn).parameters


def main() -> Report:
    quick = is_quick()
    runs = 1 if quick else 3
    report = Report("Images at fax resolution (thumbnails, fax size of a photo)")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        photo12 = phone_photo(d / "photo-12mp.jpg", (4032, 3024))
        photo48 = phone_photo(d / "photo-48mp.jpg", (8064, 6048))
        scan = g4_scan(d / "scan-600dpi-a4.tif")
        mb12 = photo12.stat().st_size / 1e6
        report.note(f"12-MP photo {mb12:.1f} MB, 48-MP photo "
                    f"{photo48.stat().st_size / 1e6:.1f} MB, 600-dpi A4 G4 scan "
                    f"{scan.stat().st_size / 1e3:.0f} KB")

        for label, path in (("12-MP JPEG", photo12), ("48-MP JPEG", photo48)):
            # A slow (old) thumbnail is timed once: it takes seconds and does not vary much.
            ours = timed(lambda p=path: first_thumbnail(p), runs)  # type: ignore[misc]
            floor = timed(lambda p=path: pillow_thumbnail(p), runs)  # type: ignore[misc]
            decode = timed(lambda p=path: pillow_decode(p), runs)  # type: ignore[misc]
            report.add(f"first thumbnail, {label}", ours * 1000, "ms",
                       target="< 300 ms" if label.startswith("12") else "",
                       met=ours < TARGET_THUMB_S if label.startswith("12") else None)
            report.add(f"  floor: Pillow draft + thumbnail, {label}", floor * 1000, "ms")
            report.add(f"  Pillow full decode, {label}", decode * 1000, "ms")
            report.add(f"  thumbnail / floor, {label}", ours / floor, "x")

        ours = timed(lambda: first_thumbnail(scan), runs)
        floor = timed(lambda: pillow_decode(scan), runs)
        report.add("first thumbnail, 600-dpi A4 G4 TIFF", ours * 1000, "ms")
        report.add("  floor: Pillow decode, 600-dpi A4 G4 TIFF", floor * 1000, "ms")
        report.add("  thumbnail / floor, G4 TIFF", ours / floor, "x")

        # What the send dialog does when a file is added: check it and read its pages.
        intake = timed(lambda: inspect_document(photo12), runs)
        report.add("intake (inspect_document), 12-MP JPEG", intake * 1000, "ms",
                   note="checks, pages and (after) the fax size estimate")

        choices: tuple[tuple[str | None, bool], ...] = (
            (("high", False), ("very_high", False), ("high", True))
            if takes_quality(merge_documents) else ((None, False),))
        for quality, mono in choices:
            kwargs: dict[str, object] = {} if quality is None else {"quality": quality}
            if mono:
                kwargs["monochrome"] = True
            name = ("default quality" if quality is None else quality) + (
                " + monochrome" if mono else "")
            start = time.perf_counter()
            info = merge_documents([photo12], d / "fax.pdf", **kwargs)  # type: ignore[arg-type]
            seconds = time.perf_counter() - start
            per_page = info.size_bytes / info.page_count
            report.add(f"fax PDF of the {mb12:.1f} MB photo, {name}", per_page / 1e6, "MB/page",
                       target="<= 1 MB", met=per_page <= TARGET_PAGE_BYTES,
                       note=f"built in {seconds:.2f} s")
            estimate = getattr(documents, "estimate_fax_bytes", None)
            if quality is not None and estimate is not None:
                start = time.perf_counter()
                guess = estimate([photo12], quality, monochrome=mono)
                report.add(f"  intake's estimate, {name}", guess / 1e6, "MB",
                           note=f"{time.perf_counter() - start:.2f} s; "
                                f"{guess / info.size_bytes:.2f}x the built size")
    return report


if __name__ == "__main__":
    run_standalone("documents_images", main)
