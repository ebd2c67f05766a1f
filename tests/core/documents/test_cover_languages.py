"""The cover page in the sender's language: Chinese names and labels drawn with an embedded font
that has their glyphs (found through fontconfig), not as empty boxes; the date in that
language's format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from faxdesk.core.documents.cover import render_cover_page
from faxdesk.core.documents.cover_content import CoverPage, CoverWords
from faxdesk.core.documents.fonts import BASE_FONTS
from tests.support.report_checks import distinct, glyph_images, pdf_text

CHINESE = CoverWords(
    title="传真", to="收件人", sender="发件人", company="单位", fax="传真号码", date="日期",
    pages="页数", subject="主题", message="留言", pages_value="{total}（含本封面）",
    footer="如果您误收了这份传真，请告知发件人并将其销毁。", page_of="第 1 页，共 {total} 页",
    date_format="{year}年{month}月{day}日")


def same(a: Image.Image, b: Image.Image) -> bool:
    size = (max(a.width, b.width), max(a.height, b.height))
    return ImageStat.Stat(ImageChops.difference(a.resize(size), b.resize(size))).mean[0] < 4


def _write(tmp_path: Path, cover: CoverPage, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(render_cover_page(cover, total_pages=3))
    return path


def test_a_chinese_recipient_and_subject_are_drawn_not_boxes(tmp_path: Path) -> None:
    cover = CoverPage(to_name="王医生", company="东方牙科", subject="转诊单",
                      message="请查收转诊单，共两页。" * 20, from_name="李护士",
                      to_number="+86 10 5555 0101", date=dt.date(2026, 11, 26), words=CHINESE)
    pdf = _write(tmp_path, cover, "cover-zh.pdf")
    text = pdf_text(pdf)
    for expected in ("王医生", "东方牙科", "转诊单", "收件人", "发件人", "2026年11月26日",
                     "3（含本封面）", "第 1 页，共 3 页", "传真"):
        assert expected in text, expected
    glyphs = glyph_images(pdf, "王医生") + glyph_images(pdf, "东方牙科")
    assert all(g.getextrema()[0] < 100 for g in glyphs)  # ink, not an empty box
    assert distinct(glyphs, same)  # seven different characters, not seven identical boxes
    assert b"/FontFile2" in pdf.read_bytes()  # the font travels with the fax


def test_chinese_text_on_an_english_cover_still_gets_a_font(tmp_path: Path) -> None:
    pdf = _write(tmp_path, CoverPage(to_name="王医生", subject="转诊单",
                                     date=dt.date(2026, 11, 26)), "cover-en.pdf")
    text = pdf_text(pdf)
    assert "王医生" in text and "TO" in text and "November 26, 2026" in text
    assert distinct(glyph_images(pdf, "王医生"), same)


def test_an_english_cover_keeps_the_base_fonts_and_english_words(tmp_path: Path) -> None:
    pdf = _write(tmp_path, CoverPage(to_name="Ada", subject="Plans",
                                     date=dt.date(2026, 1, 5)), "cover.pdf")
    text = pdf_text(pdf)
    assert "January 5, 2026" in text and "SUBJECT" in text and "(including this cover)" in text
    assert b"/FontFile2" not in pdf.read_bytes()
    assert BASE_FONTS[0].encode() in pdf.read_bytes()


def test_words_translate_through_a_catalogue_function() -> None:
    table = {"To": "收件人", "{month_name} {day}, {year}": "{year}年{month}月{day}日"}
    words = CoverWords.translated(lambda text: table.get(text, ""))
    assert words.to == "收件人" and words.sender == "From"  # unknown texts stay English
    assert words.date_text(dt.date(2026, 2, 3)) == "2026年2月3日"
