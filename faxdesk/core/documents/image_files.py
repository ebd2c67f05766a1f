"""Image files (PNG, JPEG, TIFF): frames decoded at the size they are needed, upright, on paper.

A JPEG is decoded at 1/2, 1/4 or 1/8 scale straight from the file when that is still at least
the size needed (Pillow's ``draft()``), so neither a fax page nor a thumbnail of a 48-megapixel
photo decodes all of its pixels. Every frame is still decoded to its end, so a truncated file is
found here. A TIFF gives one page per frame; a JPEG or PNG one page (the depth map or preview
that some phones store after the photo, and animation frames, are not pages).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import DamagedDocumentError, EmptyDocumentError
from .files import checked_size, opening
from .image_pdf import ImagePage
from .imaging import FaxImaging, fax_image, grid_size, normalised
from .pages import Paper, Placement, place_image

# A scan without a stored resolution is taken to be at fax resolution.
DEFAULT_IMAGE_DPI = 200.0
_EXIF_ORIENTATION = 0x0112

ImageKind = str  # "png", "jpeg" or "tiff" (intake's DocumentKind without "pdf")
PixelsFor = Callable[[Placement], tuple[int, int]]


@dataclass(frozen=True)
class Frame:
    image: Image.Image  # decoded, upright, mode "1", "L" or "RGB"
    placement: Placement


def frames(
    p: Path,
    kind: ImageKind,
    paper: Paper,
    pixels_for: PixelsFor | None = None,
    *,
    mode: str = "RGB",
    only: int | None = None,
) -> Generator[Frame, None, None]:
    """Each frame (or only frame ``only``), decoded at no less than ``pixels_for(placement)``
    where the format allows (JPEG), else in full. ``mode`` is a hint for the JPEG decoder."""
    checked_size(p)
    with opening(p):
        try:
            with Image.open(p) as im:
                count = _count(im, kind)
                wanted = range(count) if only is None else [i for i in (only,) if 0 <= i < count]
                for i in wanted:
                    im.seek(i)
                    turned = kind == "jpeg" and _orientation(im) in (5, 6, 7, 8)
                    placement = place_image(_natural_pt(im, turned), paper)
                    if pixels_for is not None and kind == "jpeg":
                        want_w, want_h = pixels_for(placement)
                        im.draft(mode, (want_h, want_w) if turned else (want_w, want_h))
                    im.load()
                    upright = ImageOps.exif_transpose(im) if kind == "jpeg" else im.copy()
                    yield Frame(normalised(upright), placement)
        except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
            raise DamagedDocumentError(
                p,
                "the image cannot be read (unknown or oversized image data)",
                "Open it in an image program and save it again as PNG or JPEG.",
            ) from exc
        except PermissionError:
            raise
        except Exception as exc:  # Pillow fails on bad data with many exception types
            raise DamagedDocumentError(
                p,
                "the image is damaged or cut short",
                "Save or download it again from the original.",
            ) from exc


def frame_count(p: Path, kind: ImageKind) -> int:
    """How many pages the image file makes (reads the headers only)."""
    checked_size(p)
    with opening(p):
        try:
            with Image.open(p) as im:
                return _count(im, kind)
        except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
            raise DamagedDocumentError(
                p,
                "the image cannot be read (unknown or oversized image data)",
                "Open it in an image program and save it again as PNG or JPEG.",
            ) from exc


def fax_pages(p: Path, kind: ImageKind, paper: Paper, imaging: FaxImaging) -> list[ImagePage]:
    """Every frame as a fax page: placed on the paper, at the resolution ``imaging`` carries."""

    def grid(placement: Placement) -> tuple[int, int]:
        return grid_size(placement.w, placement.h, imaging)

    pages = [
        ImagePage(f.placement, fax_image(f.image, grid(f.placement), imaging))
        for f in frames(p, kind, paper, grid, mode="L")
    ]
    if not pages:
        raise EmptyDocumentError(p, "the image has no frames", "Save the image again and add it.")
    return pages


def thumbnail(
    p: Path, kind: ImageKind, index: int, width: int, max_height: int | None, paper: Paper
) -> Image.Image:
    """Page ``index`` as it will be printed (the image on white paper), ``width`` pixels wide
    (narrower if needed to stay within ``max_height``)."""
    scale = 1.0

    def rect(placement: Placement) -> tuple[int, int]:
        nonlocal scale
        page = placement.page
        scale = width / page.width_pt
        if max_height is not None:
            scale = min(scale, max_height / page.height_pt)
        return (max(1, round(placement.w * scale)), max(1, round(placement.h * scale)))

    found = frames(p, kind, paper, rect, mode="RGB", only=index)
    try:
        frame = next(found, None)
    finally:
        found.close()  # closes the file now, not when the generator is collected
    if frame is None:
        raise IndexError(f"page {index + 1} does not exist")
    placement = frame.placement
    size = rect(placement)
    picture = frame.image.convert("L") if frame.image.mode == "1" else frame.image
    # A fast box reduction to within 2x, then Lanczos: Pillow's own thumbnail() recipe.
    picture = picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    page = placement.page
    sheet = Image.new(
        "RGB", (max(1, round(page.width_pt * scale)), max(1, round(page.height_pt * scale))),
        "white",
    )
    top = round((page.height_pt - placement.y - placement.h) * scale)
    sheet.paste(picture.convert("RGB"), (round(placement.x * scale), top))
    return sheet


def _count(im: Image.Image, kind: ImageKind) -> int:
    return int(getattr(im, "n_frames", 1)) if kind == "tiff" else 1


def _orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(_EXIF_ORIENTATION, 1)
    except Exception:  # a damaged EXIF block: the photo itself may be fine
        return 1
    return value if isinstance(value, int) else 1


def _natural_pt(im: Image.Image, turned: bool) -> tuple[float, float]:
    """The frame's size in points at its stored resolution, upright."""
    dpi_x, dpi_y = _dpi(im)
    w, h = im.size[0] / dpi_x * 72.0, im.size[1] / dpi_y * 72.0
    return (h, w) if turned else (w, h)


def _dpi(im: Image.Image) -> tuple[float, float]:
    raw = im.info.get("dpi")
    try:
        x, y = float(raw[0]), float(raw[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI)
    # Many writers store 1 or a nonsense value; treat as unknown.
    if x < 50 or y < 50:
        return (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI)
    return (x, y)
