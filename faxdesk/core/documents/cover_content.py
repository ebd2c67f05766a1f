"""What a cover page says: its fixed words and the fields one fax fills in.

No PDF or image library is imported here, so the window and the send rules can hold a cover
page without loading the drawing code (cover.py), which loads with the first document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faxdesk.core.words import COVER_TEXTS, MONTH_NAMES

from .pages import Paper


@dataclass(frozen=True)
class CoverWords:
    """Every fixed text of the cover, in the cover's language (English by default; the window
    fills them from its catalogues with `translated`, see faxdesk.core.words.COVER_TEXTS)."""

    title: str = COVER_TEXTS["title"]
    to: str = COVER_TEXTS["to"]
    sender: str = COVER_TEXTS["sender"]
    company: str = COVER_TEXTS["company"]
    fax: str = COVER_TEXTS["fax"]
    date: str = COVER_TEXTS["date"]
    pages: str = COVER_TEXTS["pages"]
    subject: str = COVER_TEXTS["subject"]
    message: str = COVER_TEXTS["message"]
    pages_value: str = COVER_TEXTS["pages_value"]
    footer: str = COVER_TEXTS["footer"]
    page_of: str = COVER_TEXTS["page_of"]
    date_format: str = COVER_TEXTS["date_format"]
    month_names: tuple[str, ...] = MONTH_NAMES

    @classmethod
    def translated(cls, translate: Callable[[str], str]) -> CoverWords:
        """The words with each English text put through `translate` (an empty answer keeps
        the English)."""
        def tr(text: str) -> str:
            return translate(text) or text

        return cls(**{k: tr(v) for k, v in COVER_TEXTS.items()},
                   month_names=tuple(tr(m) for m in MONTH_NAMES))

    def date_text(self, value: dt.date) -> str:
        return self.date_format.format(month_name=self.month_names[value.month - 1],
                                       day=value.day, month=value.month, year=value.year)

    def all_text(self) -> str:
        """Every fixed text (to pick fonts that can draw them)."""
        return " ".join([*(v for v in vars(self).values() if isinstance(v, str)),
                         *self.month_names])


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
    words: CoverWords = CoverWords()
