"""Fonts for generated PDFs: any script is drawn, with an embedded font found by fontconfig."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from reportlab.pdfgen.canvas import Canvas

from faxdesk.core.documents.fonts import BASE_FONTS, pdf_fonts
from tests.support.report_checks import distinct, glyph_images, pdf_text


def same(a: Image.Image, b: Image.Image) -> bool:
    size = (max(a.width, b.width), max(a.height, b.height))
    return ImageStat.Stat(ImageChops.difference(a.resize(size), b.resize(size))).mean[0] < 4


def draw(path: Path, text: str) -> Path:
    regular, _ = pdf_fonts(text)
    canvas = Canvas(str(path))
    canvas.setFont(regular, 24)
    canvas.drawString(72, 700, text)
    canvas.save()
    return path


def test_latin_text_keeps_the_pdf_base_fonts() -> None:
    assert pdf_fonts("Fax to Zoë Müller, 3 pages") == BASE_FONTS


def test_two_chinese_texts_in_one_process_each_draw_their_own_characters(
    tmp_path: Path
) -> None:
    # The first text's font subset must not stand in for the second's (reportlab keys fonts
    # by their PostScript name): the second would then show empty boxes.
    draw(tmp_path / "first.pdf", "王医生 东方牙科")
    second = draw(tmp_path / "second.pdf", "传真发送报告")
    assert "传真发送报告" in pdf_text(second)
    glyphs = glyph_images(second, "传真发送报告")
    assert all(g.getextrema()[0] < 100 for g in glyphs)
    assert distinct(glyphs, same)


def test_other_scripts_get_an_embedded_unicode_font(tmp_path: Path) -> None:
    assert pdf_fonts("Факс для Ивана") != BASE_FONTS
    pdf = draw(tmp_path / "cyrillic.pdf", "Факс для Ивана")
    assert "Факс для Ивана" in pdf_text(pdf)
    assert distinct(glyph_images(pdf, "Факс"), same)
