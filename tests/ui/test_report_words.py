"""The transmission report in the window's language: Chinese text is in the PDF as text and its
glyphs are drawn (distinct shapes, not the empty boxes of a missing font)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import ImageChops, ImageStat
from PySide6.QtWidgets import QApplication

from faxdesk.core.records import FaxRecord, TimelineEntry
from faxdesk.core.report import ReportFacts, write_report
from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.report_words import report_words
from tests.support.report_checks import (
    distinct,
    embedded_images,
    glyph_images,
    marked_pdf,
    page_count,
    pdf_text,
)

T0 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    yield
    remove_translations(qapp)


def failed_fax_facts(document: Path) -> ReportFacts:
    fax = FaxRecord(id="5be1f0d2-aaaa-bbbb-cccc-000011112222", direction="outbound",
                    status="failed", from_number="+12025550100", to="+12025550101",
                    connection_id="app-1", failure_reason="user_busy", page_count=2,
                    client_state=None, media_name=None, media_url=None, created_at=T0,
                    updated_at=T0 + timedelta(seconds=50))
    timeline = [TimelineEntry(fax.id, "queued", T0, "webhook"),
                TimelineEntry(fax.id, "sending", T0 + timedelta(seconds=20), "webhook"),
                TimelineEntry(fax.id, "failed", T0 + timedelta(seconds=50), "webhook")]
    return ReportFacts(fax=fax, timeline=timeline, application_name="前台",
                       recipient_name="王医生, 东方牙科", quality="high",
                       call_duration_secs=75, document=document)


def same_glyph(a: object, b: object) -> bool:
    from PIL import Image

    assert isinstance(a, Image.Image) and isinstance(b, Image.Image)
    size = (max(a.width, b.width), max(a.height, b.height))
    diff = ImageChops.difference(a.resize(size), b.resize(size))
    return ImageStat.Stat(diff).mean[0] < 4


def test_the_report_in_chinese_renders_its_characters(chinese: None, tmp_path: Path) -> None:
    report = write_report(failed_fax_facts(marked_pdf(tmp_path / "doc.pdf")),
                          tmp_path / "报告.pdf", report_words(), paper="a4")
    assert page_count(report) == 1 and len(embedded_images(report)) == 1
    text = pdf_text(report)
    for expected in ("传真发送报告", "结果", "失败", "原因", "发件人", "收件人",
                     "+12025550101 (王医生, 东方牙科)", "传真应用", "前台 (app-1)", "排队时间",
                     "开始发送", "完成时间", "1 分 15 秒", "页数", "传真 ID", "第一页"):
        assert expected in text, f"{expected!r} missing from:\n{text}"
    # The busy line in words, from the window's own table of reasons.
    assert "线路忙。请稍后重试。" in text
    # Each character of the title is drawn with ink, and no two look alike: a missing font
    # would draw the same empty box for all of them.
    glyphs = glyph_images(report, "传真发送报告")
    assert all(g.getextrema()[0] < 100 for g in glyphs)
    assert distinct(glyphs, same_glyph)


def test_the_report_in_english_uses_the_windows_words(qapp: QApplication,
                                                      tmp_path: Path) -> None:
    remove_translations(qapp)
    report = write_report(failed_fax_facts(marked_pdf(tmp_path / "doc.pdf")),
                          tmp_path / "report.pdf", report_words())
    text = pdf_text(report)
    assert "Fax transmission report" in text and "Failed" in text
    assert "The line was busy. Try again later." in text and "1 min 15 s" in text
    assert "Sent" in text  # direction in the window's words
