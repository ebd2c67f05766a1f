"""The words of a transmission report, in one language, and how its times and durations read.

Plain English by default; the window fills them from its catalogues (faxdesk/ui/report_words.py).
No PDF library is imported here, so the window holds the words without loading the report's
drawing code (report.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


def _plain_code(code: str | None) -> str:
    return (code or "").replace("_", " ").replace(".", " ").strip().capitalize()


def english_duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def local_time_text(value: datetime) -> str:
    local = value.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"


@dataclass(frozen=True)
class ReportWords:
    """Everything the report says, in one language. The defaults are plain English; the UI
    passes its translated words (faxdesk/ui/report_words.py)."""

    title: str = "Fax transmission report"
    result: str = "Result"
    failure_reason: str = "Reason"
    direction: str = "Direction"
    sender: str = "From"
    recipient: str = "To"
    application: str = "Fax application"
    queued: str = "Queued"
    sending_started: str = "Sending started"
    receiving_started: str = "Receiving started"
    finished: str = "Finished"
    duration: str = "Duration"
    measured: str = "{duration} (from the status times)"
    pages: str = "Pages"
    quality: str = "Quality"
    fax_id: str = "Fax ID"
    journal: str = "FaxDesk journal"
    first_page: str = "First page"
    no_document: str = "The document is not on this computer."
    made_by: str = "Made by FaxDesk {version} on {time}"
    unknown: str = "—"
    status_text: Callable[[str | None], str] = _plain_code
    failure_text: Callable[[str | None], str] = _plain_code
    quality_text: Callable[[str | None], str] = _plain_code
    direction_text: Callable[[str | None], str] = _plain_code
    duration_text: Callable[[int], str] = english_duration
    time_text: Callable[[datetime], str] = local_time_text

    def all_text(self) -> str:
        """Every fixed label (to pick fonts that can draw them)."""
        return " ".join(v for v in vars(self).values() if isinstance(v, str))
