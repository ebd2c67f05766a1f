"""The transmission report: a one-page PDF that proves a fax went through (or why it did not).

It shows the result in words, the failure reason, from and to with the contacts' names, the fax
application, when the fax was queued, when sending started and when it finished, the call's
duration, pages, quality, the fax id and the FaxDesk journal token, and a reduced image of the
document's first page.

The words come from the caller (`ReportWords`), so the report is in the window's language; the
UI builds them from its translations (faxdesk/ui/report_words.py). Fonts come from
`documents.fonts`, so Chinese (or any script) is drawn with an embedded font. No Qt here.

`ReportSaver` saves a report into a chosen folder when a fax is delivered or fails, once per
fax, under a file name that sorts by time.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from faxdesk import __version__
from faxdesk.core.documents.errors import DocumentError
from faxdesk.core.documents.fonts import pdf_fonts
from faxdesk.core.documents.intake import PAPER_SIZES, Paper
from faxdesk.core.documents.preview import page_count as document_pages
from faxdesk.core.documents.preview import render_page
from faxdesk.core.events import EventHub, FaxChanged
from faxdesk.core.paths import atomic_write_bytes
from faxdesk.core.records import FaxRecord, TimelineEntry
from faxdesk.core.report_words import ReportWords
from faxdesk.core.store import Store

log = logging.getLogger(__name__)

MARGIN = 54.0
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
HAIRLINE = colors.HexColor("#b0b4b8")
GOOD = colors.HexColor("#1e7d32")
BAD = colors.HexColor("#b3261e")
NEUTRAL = colors.HexColor("#5f6368")
FIRST_PAGE_WIDTH_PX = 700  # rendered width of the first-page image (about 190 dpi as shown)
MAX_VALUE = 240  # characters of one value, so the report is always one page
MIN_IMAGE_HEIGHT = 120.0


class ReportError(Exception):
    """A report cannot be made; ``str()`` says why in words."""


class ContactLookup(Protocol):
    """What the report needs from the address book (core.contacts.ContactBook has it)."""

    def find_by_number(self, number: str) -> Any: ...


@dataclass(frozen=True)
class ReportFacts:
    """What one report shows, gathered from the store (see `from_store`)."""

    fax: FaxRecord
    timeline: Sequence[TimelineEntry] = ()
    application_name: str | None = None
    sender_name: str | None = None
    recipient_name: str | None = None
    journal_token: str | None = None
    quality: str | None = None
    call_duration_secs: int | None = None
    document: Path | None = None
    pages: int | None = None  # Telnyx's count; else the document's
    made_at: datetime = field(default_factory=lambda: datetime.now().astimezone())

    @classmethod
    def from_store(cls, store: Store, fax_id: str, *,
                   contacts: ContactLookup | None = None) -> ReportFacts:
        fax = store.get_fax(fax_id)
        if fax is None:
            raise ReportError(f"There is no fax {fax_id} in this computer's history. "
                              "Check the fax id, or sync first.")
        entry = store.journal_for_fax(fax_id)
        app_name = next((a.name for a in store.application_records()
                         if a.id == fax.connection_id), None)
        document = None
        for candidate in (entry.document_path if entry else None, fax.document_path,
                          fax.downloaded_path):
            if candidate and Path(candidate).is_file():
                document = Path(candidate)
                break
        quality = fax.raw.get("quality") or (entry.options.get("quality") if entry else None)
        pages = fax.page_count
        if pages is None and document is not None:
            # Polled faxes carry no page count (only webhooks do): count the document's.
            try:
                pages = document_pages(document)
            except (DocumentError, OSError):
                pages = None
        duration = fax.raw.get("call_duration_secs")
        return cls(
            fax=fax,
            timeline=store.timeline(fax_id),
            application_name=app_name,
            sender_name=_contact_name(contacts, fax.from_number),
            recipient_name=_contact_name(contacts, fax.to),
            journal_token=entry.token if entry else None,
            quality=str(quality) if quality else None,
            call_duration_secs=int(duration) if isinstance(duration, int | float) else None,
            document=document,
            pages=pages,
        )

    # --- times taken from the timeline (first time each step was seen) ---------------------

    def _first(self, statuses: Sequence[str]) -> datetime | None:
        return next((t.at for t in self.timeline if t.status in statuses), None)

    @property
    def queued_at(self) -> datetime | None:
        return self._first(("queued",)) or self.fax.created_at

    @property
    def started_at(self) -> datetime | None:
        inbound = self.fax.direction == "inbound"
        return self._first(("receiving",) if inbound else ("sending",))

    @property
    def finished_at(self) -> datetime | None:
        finished = self._first(("delivered", "failed", "received"))
        if finished is None and self.fax.is_final:
            return self.fax.updated_at
        return finished


def _contact_name(contacts: ContactLookup | None, number: str | None) -> str | None:
    if contacts is None or not number:
        return None
    try:
        contact = contacts.find_by_number(number)
    except Exception as exc:  # an unreadable address book must not stop the report
        log.warning("contacts unavailable for the report: %s", exc)
        return None
    if contact is None:
        return None
    name = str(getattr(contact, "name", "") or "")
    company = str(getattr(contact, "company", "") or "")
    return f"{name}, {company}" if name and company else (name or company or None)


# --- drawing -----------------------------------------------------------------------------------


def render_report(facts: ReportFacts, words: ReportWords | None = None, *,
                  paper: Paper = "letter") -> bytes:
    """The report as a one-page PDF."""
    w = words or ReportWords()
    fax = facts.fax
    rows = _rows(facts, w)
    made_by = w.made_by.format(version=__version__, time=w.time_text(facts.made_at))
    headline = w.status_text(fax.status)
    regular, bold = pdf_fonts(" ".join([w.title, headline, made_by, w.first_page,
                                        w.no_document, *(a + " " + b for a, b in rows)]))
    page_w, page_h = PAPER_SIZES[paper]
    out = io.BytesIO()
    c = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    c.setTitle(f"{w.title}: {fax.id}")
    c.setSubject(fax.id)
    c.setCreator("FaxDesk")
    content_w = page_w - 2 * MARGIN
    y = page_h - MARGIN

    # Title, and the result as a coloured badge on the right.
    c.setFillColor(INK)
    c.setFont(bold, 20)
    c.drawString(MARGIN, y - 20, w.title)
    colour = GOOD if fax.status in ("delivered", "received") else (
        BAD if fax.status == "failed" else NEUTRAL)
    badge_w = c.stringWidth(headline, bold, 13) + 24
    c.setFillColor(colour)
    c.roundRect(page_w - MARGIN - badge_w, y - 25, badge_w, 24, 5, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont(bold, 13)
    c.drawCentredString(page_w - MARGIN - badge_w / 2, y - 17, headline)
    y -= 36
    c.setStrokeColor(INK)
    c.setLineWidth(1.5)
    c.line(MARGIN, y, page_w - MARGIN, y)

    # The facts.
    label = ParagraphStyle("label", fontName=bold, fontSize=9, leading=12, textColor=MUTED)
    value = ParagraphStyle("value", fontName=regular, fontSize=10.5, leading=13.5,
                           textColor=INK)
    table = Table(
        [[Paragraph(escape(a), label), Paragraph(escape(b) or "&nbsp;", value)]
         for a, b in rows],
        colWidths=[128.0, content_w - 128.0])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, HAIRLINE),
    ]))
    _, table_h = table.wrapOn(c, content_w, y)
    y -= 10
    table.drawOn(c, MARGIN, y - table_h)
    y -= table_h + 18

    # The first page, reduced, in the room that is left above the footer.
    footer_y = MARGIN
    c.setFillColor(MUTED)
    c.setFont(bold, 9)
    c.drawString(MARGIN, y, w.first_page)
    box_top = y - 8
    box_h = max(MIN_IMAGE_HEIGHT, box_top - (footer_y + 18))
    _draw_first_page(c, facts.document, MARGIN, box_top - box_h, content_w, box_h,
                     w.no_document, regular)

    c.setStrokeColor(HAIRLINE)
    c.setLineWidth(0.5)
    c.line(MARGIN, footer_y + 10, page_w - MARGIN, footer_y + 10)
    c.setFillColor(MUTED)
    c.setFont(regular, 8)
    c.drawString(MARGIN, footer_y, made_by)
    c.showPage()
    c.save()
    return out.getvalue()


def _rows(facts: ReportFacts, w: ReportWords) -> list[tuple[str, str]]:
    fax = facts.fax
    unknown = w.unknown

    def when(value: datetime | None) -> str:
        return w.time_text(value) if value is not None else unknown

    def party(number: str | None, name: str | None) -> str:
        if not number:
            return name or unknown
        return f"{number} ({name})" if name else number

    rows = [(w.result, w.status_text(fax.status))]
    if fax.status == "failed" or fax.failure_reason:
        reason = w.failure_text(fax.failure_reason) if fax.failure_reason else unknown
        rows.append((w.failure_reason, reason))
    if facts.call_duration_secs is not None:
        duration = w.duration_text(facts.call_duration_secs)
    elif facts.started_at and facts.finished_at and facts.finished_at >= facts.started_at:
        seconds = int((facts.finished_at - facts.started_at).total_seconds())
        duration = w.measured.format(duration=w.duration_text(seconds))
    else:
        duration = unknown
    app = facts.application_name or fax.connection_id or unknown
    if facts.application_name and fax.connection_id:
        app = f"{facts.application_name} ({fax.connection_id})"
    inbound = fax.direction == "inbound"
    pages = facts.pages if facts.pages is not None else fax.page_count
    rows += [
        (w.direction, w.direction_text(fax.direction) or unknown),
        (w.sender, party(fax.from_number, facts.sender_name)),
        (w.recipient, party(fax.to, facts.recipient_name)),
        (w.application, app),
        (w.queued, when(facts.queued_at)),
        (w.receiving_started if inbound else w.sending_started, when(facts.started_at)),
        (w.finished, when(facts.finished_at)),
        (w.duration, duration),
        (w.pages, str(pages) if pages is not None else unknown),
        (w.quality, w.quality_text(facts.quality) if facts.quality else unknown),
        (w.fax_id, fax.id),
    ]
    if facts.journal_token:
        rows.append((w.journal, facts.journal_token))
    # Whatever a contact or a server wrote, the report stays one page.
    return [(label, text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…")
            for label, text in rows]


def _draw_first_page(c: Canvas, document: Path | None, x: float, y: float, width: float,
                     height: float, missing: str, font: str) -> None:
    image: Image.Image | None = None
    if document is not None:
        try:
            image = render_page(document, 0, FIRST_PAGE_WIDTH_PX).convert("L")
        except (DocumentError, OSError) as exc:
            log.warning("first page of %s not shown in the report: %s", document, exc)
    if image is None:
        c.setStrokeColor(HAIRLINE)
        c.rect(x, y + height - 60, width, 60, stroke=1, fill=0)
        c.setFillColor(MUTED)
        c.setFont(font, 10)
        c.drawCentredString(x + width / 2, y + height - 34, missing)
        return
    scale = min(width / image.width, height / image.height)
    shown_w, shown_h = image.width * scale, image.height * scale
    left, bottom = x + (width - shown_w) / 2, y + height - shown_h
    c.drawImage(ImageReader(image), left, bottom, shown_w, shown_h)
    c.setStrokeColor(HAIRLINE)
    c.setLineWidth(0.75)
    c.rect(left, bottom, shown_w, shown_h, stroke=1, fill=0)


def write_report(facts: ReportFacts, dest: Path, words: ReportWords | None = None, *,
                 paper: Paper = "letter") -> Path:
    """Render and write atomically; raises ``StorageError`` (in words) when it cannot write."""
    atomic_write_bytes(dest, render_report(facts, words, paper=paper), mode=0o644)
    return dest


# --- saving automatically --------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def report_file_name(facts: ReportFacts) -> str:
    """"2026-11-26 14.03.10 delivered +14155550123 Acme Dental (3f2a9c1e).pdf": sorts by when the
    fax finished; the fax id's start keeps two faxes of the same second apart."""
    fax = facts.fax
    when = (facts.finished_at or facts.made_at).astimezone()
    number = fax.to if fax.direction != "inbound" else fax.from_number
    who = facts.recipient_name if fax.direction != "inbound" else facts.sender_name
    parts = [f"{when:%Y-%m-%d %H.%M.%S}", fax.status or "unknown", number or "", who or "",
             f"({fax.id[:8]})"]
    name = " ".join(_UNSAFE.sub(" ", p).strip() for p in parts if p)
    return re.sub(r"\s+", " ", name)[:180] + ".pdf"


class ReportSaver:
    """Saves a report into `folder` when a fax is delivered or fails, once per fax.

    Attach it to the engine's events (`attach(engine.events)`); reports are drawn on a thread of
    its own, never on the thread that published the change. A fax whose report is already in
    the folder (its id is in the file name) is not saved again.
    """

    def __init__(self, store: Store, folder: Path, words: ReportWords | None = None, *,
                 contacts: ContactLookup | None = None, paper: Paper = "letter",
                 statuses: Sequence[str] = ("delivered", "failed"),
                 on_saved: Callable[[str, Path], None] | None = None,
                 on_error: Callable[[str, str], None] | None = None) -> None:
        self.store = store
        self.folder = folder
        self.words = words or ReportWords()
        self.contacts = contacts
        self.paper: Paper = paper
        self.statuses = frozenset(statuses)
        self.on_saved = on_saved
        self.on_error = on_error
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            1, thread_name_prefix="faxdesk-report")
        self._lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self, hub: EventHub) -> ReportSaver:
        self._unsubscribe = hub.subscribe(self.on_fax_changed, FaxChanged)
        return self

    def on_fax_changed(self, event: FaxChanged) -> None:
        fax = event.fax
        if (fax is None or event.old_status == event.new_status
                or fax.status not in self.statuses or fax.direction != "outbound"):
            return
        with self._lock:
            if self._executor is not None:
                self._executor.submit(self._save_logged, fax.id)

    def _save_logged(self, fax_id: str) -> None:
        try:
            path = self.save(fax_id)
        except Exception as exc:  # reported in words to the UI; the fax itself is unaffected
            log.warning("transmission report for %s not saved: %s", fax_id, exc)
            if self.on_error is not None:
                self.on_error(fax_id, str(exc))
            return
        if path is not None and self.on_saved is not None:
            self.on_saved(fax_id, path)

    def existing(self, fax_id: str) -> Path | None:
        marker = f"({fax_id[:8]})"
        try:
            for path in self.folder.glob("*.pdf"):
                if marker in path.name and self._is_report_of(path, fax_id):
                    return path
        except OSError:
            return None
        return None

    @staticmethod
    def _is_report_of(path: Path, fax_id: str) -> bool:
        # The short id in the name could be shared; the full id is the PDF's subject.
        try:
            return f"/Subject ({fax_id})".encode() in path.read_bytes()
        except OSError:
            return False

    def save(self, fax_id: str) -> Path | None:
        """Save now (on the calling thread); None when this fax's report is already there."""
        if self.existing(fax_id) is not None:
            return None
        facts = ReportFacts.from_store(self.store, fax_id, contacts=self.contacts)
        return write_report(facts, self.folder / report_file_name(facts), self.words,
                            paper=self.paper)

    def stop(self) -> None:
        """Unsubscribe and wait for reports being drawn."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
