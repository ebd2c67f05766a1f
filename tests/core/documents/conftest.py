"""Generated documents of every kind the intake must handle, written into tmp_path."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

LETTER = (612.0, 792.0)
LANDSCAPE = (792.0, 612.0)


def text_pdf(path: Path, texts: Sequence[str], sizes: Sequence[tuple[float, float]] = ()) -> Path:
    """A PDF with one page per text, each page showing its text (extractable by pypdf)."""
    c = Canvas(str(path), pagesize=LETTER)
    for i, text in enumerate(texts):
        size = sizes[i] if i < len(sizes) else LETTER
        c.setPageSize(size)
        c.setFont("Helvetica-Bold", 28)
        c.drawString(72, size[1] - 120, text)
        c.rect(36, 36, size[0] - 72, size[1] - 72)
        c.showPage()
    c.save()
    return path


def page_texts(path: Path) -> list[str]:
    return [page.extract_text().strip() for page in PdfReader(path).pages]


def labelled_image(text: str, size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    d.rectangle((4, 4, size[0] - 5, size[1] - 5), outline="black", width=6)
    d.text((40, 40), text, fill="black", font_size=48)
    return im.convert(mode)


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where PNGs meant for people go: $FAXDESK_ARTIFACTS if set, else the test's tmp_path."""
    env = os.environ.get("FAXDESK_ARTIFACTS")
    target = Path(env) if env else tmp_path / "artifacts"
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, texts: Sequence[str], sizes: Sequence[tuple[float, float]] = ()) -> Path:
        return text_pdf(tmp_path / name, texts, sizes)

    return make


@pytest.fixture
def mixed_pdf(tmp_path: Path) -> Path:
    """Portrait, landscape (by media box), and portrait turned landscape by /Rotate 90."""
    src = text_pdf(tmp_path / "src.pdf", ["MIX-1", "MIX-2", "MIX-3"], [LETTER, LANDSCAPE, LETTER])
    writer = PdfWriter(clone_from=src)
    writer.pages[2].rotate(90)
    out = tmp_path / "mixed.pdf"
    writer.write(out)
    return out


@pytest.fixture
def encrypted_pdf(tmp_path: Path) -> Path:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf", ["SECRET-1"]))
    writer.encrypt(user_password="letmein", owner_password="owner", algorithm="AES-256")
    out = tmp_path / "contract-protected.pdf"
    writer.write(out)
    return out


@pytest.fixture
def owner_only_pdf(tmp_path: Path) -> Path:
    """Protected against editing only: opens without a password, like most 'secured' PDFs."""
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain2.pdf", ["OWNER-1", "OWNER-2"]))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = tmp_path / "no-edit.pdf"
    writer.write(out)
    return out


@pytest.fixture
def truncated_pdf(tmp_path: Path) -> Path:
    data = text_pdf(tmp_path / "whole.pdf", ["T-1", "T-2", "T-3"]).read_bytes()
    out = tmp_path / "half-downloaded.pdf"
    out.write_bytes(data[: len(data) // 2])
    return out


@pytest.fixture
def zero_page_pdf(tmp_path: Path) -> Path:
    out = tmp_path / "empty.pdf"
    PdfWriter().write(out)
    return out


@pytest.fixture
def big_pdf(tmp_path: Path) -> Path:
    """400 pages, each with its number, made quickly with reportlab."""
    return text_pdf(tmp_path / "manual-400.pdf", [f"BIG-{i + 1}" for i in range(400)])


@pytest.fixture
def scan_pdf(tmp_path: Path) -> Path:
    """A ~31 MB 'scan': 12 letter pages of noisy 1000x1300 colour JPEG, each with a label."""
    out = tmp_path / "scan-30mb.pdf"
    pages = []
    for i in range(12):
        noise = Image.frombytes("RGB", (1000, 1300), os.urandom(1000 * 1300 * 3))
        draw = ImageDraw.Draw(noise)
        draw.rectangle((100, 100, 900, 300), fill="white")
        draw.text((150, 150), f"SCAN PAGE {i + 1}", fill="black", font_size=80)
        pages.append(noise)
    pages[0].save(
        out, "PDF", save_all=True, append_images=pages[1:], resolution=1000 / 8.5, quality=100
    )
    return out


@pytest.fixture
def png_file(tmp_path: Path) -> Path:
    out = tmp_path / "diagram.png"
    labelled_image("PNG", (1000, 700), "RGBA").save(out, dpi=(100, 100))
    return out


@pytest.fixture
def jpeg_file(tmp_path: Path) -> Path:
    out = tmp_path / "photo.jpg"
    labelled_image("JPEG", (1600, 1200)).save(out, quality=85)
    return out


@pytest.fixture
def tiff_file(tmp_path: Path) -> Path:
    """A 3-page TIFF as a fax scanner makes it: letter pages at 200 dpi, 1-bit, G4."""
    out = tmp_path / "scan.tif"
    frames = [labelled_image(f"TIFF-{i + 1}", (1700, 2200), "1") for i in range(3)]
    frames[0].save(
        out, save_all=True, append_images=frames[1:], compression="group4", dpi=(200, 200)
    )
    return out


@pytest.fixture
def not_a_pdf(tmp_path: Path) -> Path:
    """A Word-like ZIP renamed to .pdf."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    out = tmp_path / "letter.pdf"
    out.write_bytes(buf.getvalue())
    return out
