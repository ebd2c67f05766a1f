"""Row types the store hands out: what the UI and the CLI read (no database handles inside)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from faxdesk.api.models import FINAL_STATUSES


@dataclass(frozen=True, slots=True)
class FaxRecord:
    """A fax as the server last reported it, plus what only this machine knows about it."""

    id: str
    direction: str | None
    status: str | None
    from_number: str | None
    to: str | None
    connection_id: str | None
    failure_reason: str | None
    page_count: int | None
    client_state: str | None
    media_name: str | None
    media_url: str | None
    created_at: datetime | None
    updated_at: datetime | None
    # local data
    read: bool = False
    note: str | None = None
    document_path: str | None = None  # outbound: the PDF that was sent
    downloaded_path: str | None = None  # inbound: the received PDF on disk
    download_state: str | None = None  # None | "pending" | "done" | "error"
    download_error: str | None = None
    journal_id: int | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


#: Why a journal entry is not moving on, for code (the words are in `JournalEntry.error`):
#: network     no answer, rate limit or server error; tried again after a back-off
#: auth        the API key was refused; tried again once a working key is set
#: refused     Telnyx refused the request outright (nothing was sent)
#: unreadable  FaxDesk's own copy of the document cannot be read
#: ambiguous   the answer to creating the fax was lost and the lookup failed: it may exist
ErrorKind = Literal["network", "auth", "refused", "unreadable", "ambiguous"]

#: Journal states, in order. `done`, `rejected` and `abandoned` end an entry.
JOURNAL_STATES = ("prepared", "media_uploaded", "fax_created", "tracking", "done")
JOURNAL_FINAL_STATES = frozenset({"done", "rejected", "abandoned"})


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One requested send, written before any network call (see outbox.py)."""

    id: int
    token: str
    state: str
    document_path: str
    to: str
    from_number: str
    connection_id: str
    options: Mapping[str, Any]
    media_name: str
    client_state: str
    fax_id: str | None
    created_at: float  # wall clock (epoch seconds) when the entry was written
    updated_at: float
    attempt: int = 1  # 1 for the first try, 2.. for automatic retries
    parent_id: int | None = None  # the entry this one retries or resends
    error: str | None = None  # last problem seen, in words (the entry may still be resumable)
    next_attempt_at: float | None = None  # an automatic retry waits until then
    error_kind: ErrorKind | None = None
    page_count: int | None = None
    document_name: str | None = None  # the person's own file name(s)

    @property
    def is_finished(self) -> bool:
        return self.state in JOURNAL_FINAL_STATES


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One step in a fax's history: a status seen, or something done locally."""

    fax_id: str
    status: str
    at: datetime
    source: str  # "poll" | "webhook" | "local"
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ApplicationRecord:
    id: str
    name: str | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
