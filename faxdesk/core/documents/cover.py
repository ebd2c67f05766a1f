"""The cover page: a one-page business-style PDF drawn with reportlab (vector text).

Layout: letterhead (optional logo, sender company) and a large "FAX" title over a header rule;
a table of To / Company / Fax number beside From / Fax number / Date, then Subject and the page
count; the message below, wrapped. A message too long for the page is shrunk to fit, so the
cover is always exactly one page and the page count stays true.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Table, TableStyle

from .cover_content import CoverPage, CoverWords
from .errors import DamagedDocumentError, UnreadableFileError
from .fonts import covering_fonts, pdf_fonts
from .pages import PAPER_SIZES

MARGIN = 54.0
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#1a1a1a")
HAIRLINE = colors.HexColor("#b0b4b8")


def render_cover_page(cover: CoverPage, total_pages: int) -> bytes:
    """The cover as a one-page PDF; ``total_pages`` includes the cover itself."""
    words = cover.words
    fonts = _fonts(cover)
    page_w, page_h = PAPER_SIZES[cover.paper]
    out = io.BytesIO()
    c = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    c.setTitle(words.title + (f": {cover.subject}" if cover.subject else ""))
    c.setCreator("FaxDesk")
    content_w = page_w - 2 * MARGIN
    top = page_h - MARGIN

    # Letterhead: logo and sender company on the left, the title on the right.
    head_h = 56.0
    text_x = MARGIN
    if cover.logo is not None:
        img = _logo(cover.logo)
        iw, ih = img.getSize()
        scale = min(head_h / ih, 160.0 / iw)
        c.drawImage(
            img,
            MARGIN,
            top - head_h + (head_h - ih * scale) / 2,
            iw * scale,
            ih * scale,
            mask="auto",
        )
        text_x = MARGIN + iw * scale + 14
    letterhead = cover.from_company or cover.from_name
    if letterhead:
        c.setFillColor(INK)
        c.setFont(fonts(letterhead)[1], 15)
        c.drawString(text_x, top - head_h / 2 + 2, letterhead)
        if cover.from_company and cover.from_name:
            c.setFillColor(MUTED)
            c.setFont(fonts(cover.from_name)[0], 10)
            c.drawString(text_x, top - head_h / 2 - 13, cover.from_name)
    c.setFillColor(INK)
    c.setFont(fonts(words.title)[1], 34)
    c.drawRightString(page_w - MARGIN, top - head_h / 2 - 10, words.title)
    y = top - head_h - 10
    c.setStrokeColor(RULE)
    c.setLineWidth(2)
    c.line(MARGIN, y, page_w - MARGIN, y)

    # The fields table.
    # Chinese and Japanese lines break between any two characters, not only at spaces.
    wrap = "CJK" if _has_cjk(cover) else None

    def cell(text: str) -> Paragraph:
        value = ParagraphStyle("value", fontName=fonts(text)[0], fontSize=11.5, leading=14,
                               textColor=INK, wordWrap=wrap)
        return Paragraph(escape(text) if text else "&nbsp;", value)

    def lab(text: str) -> Paragraph:
        label = ParagraphStyle("label", fontName=fonts(text)[1], fontSize=8, leading=10,
                               textColor=MUTED, wordWrap=wrap)
        return Paragraph(escape(text.upper()), label)

    pages_text = words.pages_value.format(total=total_pages)
    rows = [
        [lab(words.to), cell(cover.to_name), lab(words.sender), cell(cover.from_name)],
        [lab(words.company), cell(cover.company), lab(words.company), cell(cover.from_company)],
        [lab(words.fax), cell(cover.to_number), lab(words.fax), cell(cover.from_number)],
        [lab(words.date), cell(_date_text(cover.date, words)), lab(words.pages),
         cell(pages_text)],
        [lab(words.subject), cell(cover.subject), "", ""],
    ]
    label_w = 62.0
    col_w = content_w / 2 - label_w
    table = Table(rows, colWidths=[label_w, col_w, label_w, col_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, -1), 9),  # labels sit on the value's baseline
                ("TOPPADDING", (2, 0), (2, -1), 9),
                ("SPAN", (1, -1), (-1, -1)),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, HAIRLINE),
            ]
        )
    )
    _, table_h = table.wrapOn(c, content_w, y)
    y -= 14
    table.drawOn(c, MARGIN, y - table_h)
    y -= table_h + 10
    c.setStrokeColor(RULE)
    c.setLineWidth(1)
    c.line(MARGIN, y, page_w - MARGIN, y)

    # The message, wrapped; shrunk if it would run past the footer.
    footer_y = MARGIN + 16
    if cover.message.strip():
        y -= 22
        c.setFillColor(MUTED)
        c.setFont(fonts(words.message)[1], 8)
        c.drawString(MARGIN, y, words.message.upper())
        y -= 8
        body = ParagraphStyle(
            "body", fontName=fonts(cover.message)[0], fontSize=11.5, leading=16,
            textColor=INK, spaceAfter=8, wordWrap=wrap,
        )
        paras = [
            Paragraph(escape(block).replace("\n", "<br/>"), body)
            for block in cover.message.strip().split("\n\n")
        ]
        frame = Frame(
            MARGIN,
            footer_y + 12,
            content_w,
            y - footer_y - 12,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        frame.addFromList([KeepInFrame(content_w, y - footer_y - 12, paras, mode="shrink")], c)

    c.setStrokeColor(HAIRLINE)
    c.setLineWidth(0.5)
    c.line(MARGIN, footer_y, page_w - MARGIN, footer_y)
    c.setFillColor(MUTED)
    c.setFont(fonts(words.footer + words.page_of)[0], 8)
    c.drawString(MARGIN, footer_y - 12, words.footer)
    c.drawRightString(page_w - MARGIN, footer_y - 12, words.page_of.format(total=total_pages))
    c.showPage()
    c.save()
    return out.getvalue()


def _logo(path: Path) -> ImageReader:
    try:
        with Image.open(path) as im:
            im.load()
            # Transparency kept (drawn with mask="auto"); other modes made RGB for reportlab.
            image = im.convert(
                "RGBA" if "A" in im.getbands() or "transparency" in im.info else "RGB"
            )
    except FileNotFoundError as exc:
        raise UnreadableFileError(
            path, "the logo image does not exist", "Choose the logo again in the settings."
        ) from exc
    except Exception as exc:  # Pillow fails on bad data with many exception types
        raise DamagedDocumentError(
            path,
            "the logo cannot be read as an image",
            "Choose a PNG or JPEG logo in the settings.",
        ) from exc
    return ImageReader(image)


def _date_text(value: dt.date | str | None, words: CoverWords) -> str:
    if isinstance(value, str):
        return value
    return words.date_text(value or dt.date.today())


def _fonts(cover: CoverPage) -> Callable[[str], tuple[str, str]]:
    """Fonts with every character of the cover, its words included: found through fontconfig
    and embedded (faxdesk.core.documents.fonts), so Chinese names print as Chinese. One pair
    for the whole page when one font has it all; else a pair for each text (a Greek name and a
    Japanese subject on one cover)."""
    values = (cover.to_name, cover.to_number, cover.company, cover.from_name,
              cover.from_number, cover.from_company, cover.subject, cover.message,
              str(cover.date or ""))
    words = cover.words
    today = words.date_text(dt.date.today()) if cover.date is None else ""
    whole = covering_fonts(" ".join([*values, words.all_text(), today]))
    if whole is not None:
        return lambda _text: whole
    return pdf_fonts


def _has_cjk(cover: CoverPage) -> bool:
    text = " ".join((cover.to_name, cover.company, cover.from_name, cover.from_company,
                     cover.subject, cover.message, cover.words.all_text()))
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"
               or "\uff00" <= ch <= "\uffef" for ch in text)
