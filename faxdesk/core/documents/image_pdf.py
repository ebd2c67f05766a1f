"""A PDF whose pages each show one encoded image (JPEG, Flate or Group 4) in a rectangle.

Written directly: the image bytes go into the file as they are (no decoding and re-encoding by
a PDF library), and the structure is the smallest valid one: catalog, page tree, and per page
a content stream that draws its image.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from .imaging import FaxImage
from .pages import Placement


@dataclass(frozen=True)
class ImagePage:
    placement: Placement
    image: FaxImage


def image_pages_pdf(pages: Sequence[ImagePage], producer: str = "FaxDesk") -> bytes:
    if not pages:
        raise ValueError("a PDF needs at least one page")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []

    def obj(body: bytes, stream: bytes | None = None) -> None:
        offsets.append(out.tell())
        out.write(f"{len(offsets)} 0 obj\n".encode())
        out.write(body)
        if stream is not None:
            out.write(b"\nstream\n")
            out.write(stream)
            out.write(b"\nendstream")
        out.write(b"\nendobj\n")

    # Objects: 1 catalog, 2 page tree, 3 info, then page, contents and image for each page.
    kids = " ".join(f"{4 + 3 * i} 0 R" for i in range(len(pages)))
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(f"<< /Type /Pages /Count {len(pages)} /Kids [{kids}] >>".encode())
    obj(b"<< /Producer " + _pdf_string(producer) + b" >>")
    for i, page in enumerate(pages):
        first = 4 + 3 * i
        p = page.placement
        info = p.page
        obj(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_n(info.width_pt)} "
                f"{_n(info.height_pt)}] /Resources << /XObject << /Im0 {first + 2} 0 R >> "
                f"/ProcSet [/PDF /ImageB] >> /Contents {first + 1} 0 R >>"
            ).encode()
        )
        draw = f"q {_n(p.w)} 0 0 {_n(p.h)} {_n(p.x)} {_n(p.y)} cm /Im0 Do Q".encode()
        obj(f"<< /Length {len(draw)} >>".encode(), draw)
        image = page.image
        obj(_image_dict(image), image.data)
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R /Info 3 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _image_dict(image: FaxImage) -> bytes:
    parms = ""
    if image.filter == "CCITTFaxDecode":
        # Group 4 (K -1) as Pillow's TIFF writer encodes 1-bit images: 1 bits are black.
        parms = (f" /DecodeParms << /K -1 /BlackIs1 true /Columns {image.width} "
                 f"/Rows {image.height} >>")
    return (
        f"<< /Type /XObject /Subtype /Image /Width {image.width} /Height {image.height} "
        f"/ColorSpace /DeviceGray /BitsPerComponent {image.bits} /Filter /{image.filter}"
        f"{parms} /Length {len(image.data)} >>"
    ).encode()


def _n(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1", "replace") + b")"
