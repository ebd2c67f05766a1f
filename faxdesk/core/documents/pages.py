"""Pages and paper: how a page prints, what a document holds, and where an image goes on the paper.

An image keeps its own size at its stored resolution, is shrunk (never enlarged) to fit inside
the printable area of the paper, is centred, and the page takes the image's orientation. So a
200 dpi letter scan fills the page, a photo is scaled down to fit and a small logo stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Orientation = Literal["portrait", "landscape"]
Paper = Literal["letter", "a4"]
DocumentKind = Literal["pdf", "png", "jpeg", "tiff"]

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.2756, 841.8898),
}
# Fax machines cannot print to the edge; a quarter inch keeps image content on the paper.
IMAGE_MARGIN_PT = 18.0


@dataclass(frozen=True)
class PageInfo:
    """One page as it will be printed: size in points after the page's /Rotate is applied."""

    width_pt: float
    height_pt: float
    orientation: Orientation
    rotation: int = 0


@dataclass(frozen=True)
class DocumentInfo:
    """A document as intake read it: its kind, its pages and what it weighs."""

    path: Path
    kind: DocumentKind
    page_count: int
    pages: list[PageInfo]
    size_bytes: int
    # Images only: the size of the PDF pages they become at ``quality`` (None for a PDF).
    converted_bytes: int | None = None
    quality: str | None = None  # images only: the fax quality they were converted for
    monochrome: bool = False

    @property
    def fax_bytes(self) -> int:
        """What this document adds to the fax it goes into (before the merge's small overhead)."""
        return self.size_bytes if self.converted_bytes is None else self.converted_bytes


@dataclass(frozen=True)
class Placement:
    """Where an image is drawn on its page, in points from the bottom left corner."""

    page: PageInfo
    x: float
    y: float
    w: float
    h: float


def place_image(natural_pt: tuple[float, float], paper: Paper) -> Placement:
    """The page and the rectangle for an image whose size at its own resolution is
    ``natural_pt`` (width, height in points, upright)."""
    nat_w, nat_h = natural_pt
    short, long_ = PAPER_SIZES[paper]
    landscape = nat_w > nat_h
    page_w, page_h = (long_, short) if landscape else (short, long_)
    avail_w, avail_h = page_w - 2 * IMAGE_MARGIN_PT, page_h - 2 * IMAGE_MARGIN_PT
    scale = min(avail_w / nat_w, avail_h / nat_h, 1.0)
    w, h = nat_w * scale, nat_h * scale
    info = PageInfo(page_w, page_h, "landscape" if landscape else "portrait", 0)
    return Placement(info, (page_w - w) / 2, (page_h - h) / 2, w, h)
