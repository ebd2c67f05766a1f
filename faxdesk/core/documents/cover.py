"""The cover page: a one-page business-style PDF drawn with reportlab (vector text).

Layout: letterhead (optional logo, sender company) and a large "FAX" title over a header rule;
a table of To / Company / Fax number beside From / Fax number / Date, then Subject and the page
count; the message below, wrapped. A message too long for the page is shrunk to fit, so the
cover is always exactly one page and the page count stays true.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Table, TableStyle

from .errors import DamagedDocumentError, UnreadableFileError
from .intake import PAPER_SIZES, Paper

MARGIN = 54.0
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#1a1a1a")
HAIRLINE = colors.HexColor("#b0b4b8")

# Helvetica covers Western European text; for anything else a Unicode TTF is used if present.
_UNICODE_FONTS = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
)


_FONT_LOCK = threading.Lock()  # font registration is global state in reportlab


@dataclass(frozen=True)
class CoverPage:
    to_name: str = ""
    to_number: str = ""
    company: str = ""  # the recipient's company
    from_name: str = ""
    from_number: str = ""
    from_company: str = ""  # the letterhead
    subject: str = ""
    message: str = ""
    date: dt.date | str | None = None  # None: today
    logo: Path | None = None
    paper: Paper = "letter"


def render_cover_page(cover: CoverPage, total_pages: int) -> bytes:
    """The cover as a one-page PDF; ``total_pages`` includes the cover itself."""
    regular, bold = _fonts(cover)
    page_w, page_h = PAPER_SIZES[cover.paper]
    out = io.BytesIO()
    c = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    c.setTitle(f"Fax cover{': ' + cover.subject if cover.subject else ''}")
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
        c.setFont(bold, 15)
        c.drawString(text_x, top - head_h / 2 + 2, letterhead)
        if cover.from_company and cover.from_name:
            c.setFillColor(MUTED)
            c.setFont(regular, 10)
            c.drawString(text_x, top - head_h / 2 - 13, cover.from_name)
    c.setFillColor(INK)
    c.setFont(bold, 34)
    c.drawRightString(page_w - MARGIN, top - head_h / 2 - 10, "FAX")
    y = top - head_h - 10
    c.setStrokeColor(RULE)
    c.setLineWidth(2)
    c.line(MARGIN, y, page_w - MARGIN, y)

    # The fields table.
    label = ParagraphStyle("label", fontName=bold, fontSize=8, leading=10, textColor=MUTED)
    value = ParagraphStyle("value", fontName=regular, fontSize=11.5, leading=14, textColor=INK)

    def cell(text: str) -> Paragraph:
        return Paragraph(escape(text) if text else "&nbsp;", value)

    def lab(text: str) -> Paragraph:
        return Paragraph(text.upper(), label)

    pages_text = f"{total_pages} (including this cover)"
    rows = [
        [lab("To"), cell(cover.to_name), lab("From"), cell(cover.from_name)],
        [lab("Company"), cell(cover.company), lab("Company"), cell(cover.from_company)],
        [lab("Fax"), cell(cover.to_number), lab("Fax"), cell(cover.from_number)],
        [lab("Date"), cell(_date_text(cover.date)), lab("Pages"), cell(pages_text)],
        [lab("Subject"), cell(cover.subject), "", ""],
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
        c.setFont(bold, 8)
        c.drawString(MARGIN, y, "MESSAGE")
        y -= 8
        body = ParagraphStyle(
            "body", fontName=regular, fontSize=11.5, leading=16, textColor=INK, spaceAfter=8
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
    c.setFont(regular, 8)
    c.drawString(
        MARGIN,
        footer_y - 12,
        "If you received this fax in error, please tell the sender and destroy it.",
    )
    c.drawRightString(page_w - MARGIN, footer_y - 12, f"Page 1 of {total_pages}")
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


def _date_text(value: dt.date | str | None) -> str:
    if isinstance(value, str):
        return value
    d = value or dt.date.today()
    return f"{d:%B} {d.day}, {d.year}"


def _fonts(cover: CoverPage) -> tuple[str, str]:
    text = " ".join(
        str(v)
        for v in (
            cover.to_name,
            cover.to_number,
            cover.company,
            cover.from_name,
            cover.from_number,
            cover.from_company,
            cover.subject,
            cover.message,
            cover.date or "",
        )
    )
    try:
        text.encode("cp1252")
        return "Helvetica", "Helvetica-Bold"
    except UnicodeEncodeError:
        pass
    for regular_path, bold_path in _UNICODE_FONTS:
        if Path(regular_path).exists() and Path(bold_path).exists():
            with _FONT_LOCK:
                if "FaxDeskSans" not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont("FaxDeskSans", regular_path))
                    pdfmetrics.registerFont(TTFont("FaxDeskSans-Bold", bold_path))
            return "FaxDeskSans", "FaxDeskSans-Bold"
    return "Helvetica", "Helvetica-Bold"  # characters outside Latin-1 show as boxes
