"""Images at fax resolution: what each fax quality can carry, and one image turned into it.

A fax line carries black and white at 204x98 dpi ("normal", standard resolution) or 204x196 dpi
("fine", every better quality); the grey of photos survives only as Telnyx's own halftoning, and
at "very_high" and the "ultra" qualities Telnyx is asked for its best rendering of grey. So an
image is resampled to that grid and stored as:

- a text scan, line art or any 1-bit image: black and white (1 bit per pixel, Group 4 or Flate,
  whichever is smaller) at "normal" and "high"; grey at the better qualities, which render grey
  themselves (``ultra_dark`` darkens faint text from the grey);
- a photo: grey JPEG at fax resolution, which Telnyx halftones for the line (a photo halftoned
  here would be resampled again by Telnyx, which turns the dots into moiré). With
  ``monochrome`` (pure black and white, where Telnyx only thresholds) photos are dithered here.

Never full-colour pixels, never more pixels than the line carries: a 12-megapixel photo becomes
about 0.2 MB. Grey is only ever reduced to the grid, never enlarged (more pixels would carry
nothing); black and white is resampled onto the grid exactly, so small images stay smooth.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Literal

from PIL import Image, TiffImagePlugin, features

Quality = Literal["normal", "high", "very_high", "ultra_light", "ultra_dark"]
QUALITIES: tuple[Quality, ...] = ("normal", "high", "very_high", "ultra_light", "ultra_dark")
DEFAULT_QUALITY: Quality = "high"  # Telnyx's default

STANDARD_DPI = (204.0, 98.0)
FINE_DPI = (204.0, 196.0)
# A greyscale image that is mostly light paper with few mid-tones is paper and ink (a text scan
# or line art): it is thresholded, not halftoned, so its edges stay clean. Anything else (a
# photo, a dark picture) is treated as a photo.
DOCUMENT_MIDTONE_SHARE = 0.2
DOCUMENT_PAPER_SHARE = 0.5
# Pixels darker than this become black (the same threshold re-rendering uses).
BLACK_BELOW = 160
JPEG_QUALITY = 75

ImageFilter = Literal["DCTDecode", "FlateDecode", "CCITTFaxDecode"]


@dataclass(frozen=True)
class FaxImaging:
    """How images become fax pages for one choice of quality."""

    quality: Quality
    dpi: tuple[float, float]  # pixels per inch across and down
    grey_documents: bool  # text scans and line art stay grey (else black and white)
    grey_photos: bool  # photos stay grey (else dithered to black and white)


@dataclass(frozen=True)
class FaxImage:
    """One encoded image ready to be placed in a PDF (DeviceGray)."""

    width: int
    height: int
    bits: int  # 1 or 8 bits per pixel
    filter: ImageFilter
    data: bytes


def fax_imaging(quality: str | None = None, *, monochrome: bool = False) -> FaxImaging:
    """The imaging for a Telnyx ``quality`` (None: Telnyx's default) and ``monochrome`` option."""
    q = quality or DEFAULT_QUALITY
    if q not in QUALITIES:
        raise ValueError(f"unknown fax quality {q!r}; expected one of {', '.join(QUALITIES)}")
    grey_documents = q in ("very_high", "ultra_light", "ultra_dark") and not monochrome
    return FaxImaging(
        quality=q,
        dpi=STANDARD_DPI if q == "normal" else FINE_DPI,
        grey_documents=grey_documents,
        grey_photos=not monochrome,
    )


def grid_size(w_pt: float, h_pt: float, imaging: FaxImaging) -> tuple[int, int]:
    """Pixels across and down that the fax line carries for a ``w_pt`` x ``h_pt`` rectangle."""
    return (max(1, round(w_pt / 72.0 * imaging.dpi[0])),
            max(1, round(h_pt / 72.0 * imaging.dpi[1])))


def normalised(image: Image.Image) -> Image.Image:
    """``image`` in mode "1", "L" or "RGB": transparency over white paper, 16-bit and float
    samples stretched over their own range (a 12-bit scan in 16-bit samples is not black)."""
    mode = image.mode
    if mode in ("1", "L", "RGB"):
        return image
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if mode == "F" or mode.startswith("I"):
        return _stretched(image)
    return image.convert("RGB")  # P, CMYK, YCbCr, LAB, HSV…


def fax_image(image: Image.Image, grid: tuple[int, int], imaging: FaxImaging) -> FaxImage:
    """``image`` (as from :func:`normalised`) for a rectangle of ``grid`` fax pixels."""
    grey = image.convert("L") if image.mode != "L" else image
    if image.mode == "1":  # already black and white: grey would carry nothing more
        # Bilinear is enough before a threshold, and twice as fast as Lanczos.
        document, on_grid = True, _resampled(grey, grid, Image.Resampling.BILINEAR)
    else:
        fitted = _resampled(grey, (min(grid[0], grey.width), min(grid[1], grey.height)))
        document = _looks_like_document(fitted)
        if imaging.grey_documents if document else imaging.grey_photos:
            buf = io.BytesIO()
            fitted.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
            return FaxImage(fitted.width, fitted.height, 8, "DCTDecode", buf.getvalue())
        on_grid = fitted if fitted.size == grid else _resampled(grey, grid)
    if document:
        bw = on_grid.point([0] * BLACK_BELOW + [255] * (256 - BLACK_BELOW), "1")
    else:
        bw = on_grid.convert("1", dither=Image.Dither.FLOYDSTEINBERG)
    return encode_bilevel(bw)


def encode_bilevel(bw: Image.Image) -> FaxImage:
    """A 1-bit image as Group 4 or Flate, whichever is smaller (G4 suits text, Flate suits
    dithered photos, where G4 can be four times larger)."""
    flate = FaxImage(bw.width, bw.height, 1, "FlateDecode", zlib.compress(bw.tobytes(), 6))
    g4 = _group4(bw)
    return g4 if g4 is not None and len(g4.data) < len(flate.data) else flate


def _group4(bw: Image.Image) -> FaxImage | None:
    if not features.check("libtiff"):
        return None
    buf = io.BytesIO()
    # One strip, so the CCITT data is one run of bytes that PDF's CCITTFaxDecode reads as is.
    bw.save(buf, "TIFF", compression="group4", strip_size=(bw.width + 7) // 8 * bw.height)
    with Image.open(buf) as tiff:
        assert isinstance(tiff, TiffImagePlugin.TiffImageFile)
        offsets = tiff.tag_v2.get(TiffImagePlugin.STRIPOFFSETS)
        counts = tiff.tag_v2.get(TiffImagePlugin.STRIPBYTECOUNTS)
    if not isinstance(offsets, tuple) or not isinstance(counts, tuple) or len(offsets) != 1:
        return None
    data = buf.getvalue()[offsets[0] : offsets[0] + counts[0]]
    return FaxImage(bw.width, bw.height, 1, "CCITTFaxDecode", data)


def _resampled(
    grey: Image.Image,
    size: tuple[int, int],
    method: Image.Resampling = Image.Resampling.LANCZOS,
) -> Image.Image:
    if grey.size == size:
        return grey
    # reducing_gap: a fast box reduction first, then the filter over the last factor of 3.
    return grey.resize(size, method, reducing_gap=3.0)


def _looks_like_document(grey: Image.Image) -> bool:
    histogram = grey.histogram()
    total = sum(histogram) or 1
    return (sum(histogram[64:192]) / total < DOCUMENT_MIDTONE_SHARE
            and sum(histogram[192:]) / total > DOCUMENT_PAPER_SHARE)


def _stretched(image: Image.Image) -> Image.Image:
    """Integer or float samples mapped linearly from their darkest to lightest value onto 0-255.

    A 16-bit file often holds 10 or 12 bits (values up to 1023 or 4095); dividing by 256 would
    leave it black."""
    wide = image if image.mode in ("I", "F") else image.convert("I")
    low, high = wide.getextrema()
    low, high = float(low), float(high)  # type: ignore[arg-type]
    if high <= low:
        level = 0 if high <= 0 else 255
        return Image.new("L", image.size, level)
    scale = 255.0 / (high - low)
    return wide.point(lambda v: v * scale - low * scale).convert("L")
