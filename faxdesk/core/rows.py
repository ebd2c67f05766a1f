"""The read model: one `FaxRow` per fax a person sees, whether Telnyx has created it yet or not.

A send made here is one row from the moment it is queued to its final status: its id is
`send:<journal id>` throughout, so the window keeps it selected while it turns from "Uploading"
into "Queued" and "Delivered". Its automatic retries stay on that row (`chain_row`): the row shows
the latest attempt, under the first attempt's id. A fax not sent from this machine (received, or
sent elsewhere) has the Telnyx fax id as its row id. What may be done with a row (`can_cancel`,
`can_resend`, ...) is decided here, once, for both front doors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from faxdesk.api.models import CANCELLABLE_STATUSES, FINAL_STATUSES
from faxdesk.core.records import FaxRecord, JournalEntry
from faxdesk.core.words import status_words

SEND_PREFIX = "send:"

#: A send Telnyx has not created (visibly) yet:
#: preparing  written to the journal, nothing uploaded yet
#: uploading  the document is uploaded; the fax is being created
#: waiting    a network problem; it is tried again by itself
#: held       the API key was refused; it goes once a working key is set
#: scheduled  an automatic retry waiting for its time
#: checking   the answer to "send" was lost: it may have been sent, FaxDesk is finding out
#: rejected   Telnyx refused it: nothing was sent
PendingKind = Literal["preparing", "uploading", "waiting", "held", "scheduled", "checking",
                      "rejected"]

#: Journal states of a send that is not a fax row yet.
_PENDING_STATES = frozenset({"prepared", "media_uploaded", "fax_created"})

_PENDING_WORDS: Mapping[str, str] = {
    "preparing": "Preparing", "uploading": "Uploading", "waiting": "Waiting for the network",
    "held": "Waiting for a valid API key", "scheduled": "Automatic retry scheduled",
    "checking": "May have been sent; checking", "rejected": "Refused by Telnyx",
}


def send_row_id(journal_id: int) -> str:
    return f"{SEND_PREFIX}{journal_id}"


def journal_id_of(row_id: str) -> int | None:
    """The journal id in a send's row id; None for a fax id."""
    if not row_id.startswith(SEND_PREFIX):
        return None
    try:
        return int(row_id[len(SEND_PREFIX):])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class FaxRow:
    """One row of the fax list: everything the window and the command line show about it."""

    id: str  # `send:<journal id>` for a send made here, else the Telnyx fax id
    fax_id: str | None  # None until Telnyx has created the fax
    journal_id: int | None
    direction: str | None
    status: str | None  # Telnyx's status; None while pending
    pending: PendingKind | None
    from_number: str | None
    to: str | None
    connection_id: str | None
    page_count: int | None
    created_at: datetime | None
    updated_at: datetime | None
    failure_reason: str | None = None  # Telnyx's code
    pending_error: str | None = None  # why a pending send waits or was refused, in words
    next_attempt_at: datetime | None = None
    attempt: int = 1
    internal_failure_reason: str | None = None
    quality: str | None = None
    call_duration_secs: int | None = None
    media_name: str | None = None
    media_url: str | None = None
    client_state: str | None = None
    read: bool = True
    note: str | None = None
    document_path: str | None = None  # the PDF sent, or the received PDF once downloaded
    document_name: str | None = None  # the person's own file name, for a send made here
    download_state: str | None = None
    download_error: str | None = None
    contact_name: str | None = None  # filled in by whoever has the address book
    #: False while a send's final status is known but the outbox has not yet decided what
    #: follows it (an automatic retry, or nothing): its outcome is not final yet.
    settled: bool = True
    #: Telnyx's failure code of the attempt before a waiting automatic retry.
    previous_failure: str | None = None

    @property
    def other_party(self) -> str:
        return (self.from_number if self.direction == "inbound" else self.to) or ""

    @property
    def is_final(self) -> bool:
        return self.pending == "rejected" or self.status in FINAL_STATUSES

    @property
    def in_flight(self) -> bool:
        """An outbound fax on its way: pending, or created and not final."""
        return self.direction == "outbound" and not self.is_final

    @property
    def is_retry(self) -> bool:
        """An automatic retry of a failed attempt (the row of the first attempt shows it)."""
        return self.attempt > 1

    @property
    def final_outcome(self) -> Literal["delivered", "failed"] | None:
        """How a send ended, once nothing more will happen to it: no retry waits, and the
        outbox has settled it. None while it may still change (a retry is one such change)."""
        if self.direction != "outbound":
            return None
        if self.pending == "rejected":
            return "failed"
        if self.pending is not None or not self.settled:
            return None
        if self.status == "delivered":
            return "delivered"
        if self.status == "failed":
            return "failed"
        return None

    @property
    def can_cancel(self) -> bool:
        """A fax on its way that Telnyx can still stop, or an automatic retry waiting."""
        if self.pending == "scheduled":
            return True
        return (self.direction == "outbound" and self.pending is None
                and self.status in CANCELLABLE_STATUSES)

    @property
    def can_retry_now(self) -> bool:
        """A send waiting for its time (an automatic retry, or after a network problem)."""
        return self.pending in ("scheduled", "waiting")

    @property
    def can_discard(self) -> bool:
        """A send Telnyx has not created: it can be dropped (after a check when `checking`).
        A waiting automatic retry is cancelled instead: its earlier attempts exist."""
        if self.pending == "scheduled" and self.is_retry:
            return False
        return self.pending is not None

    @property
    def can_resend(self) -> bool:
        return (self.direction == "outbound" and self.is_final
                and (self.journal_id is not None or self.document_path is not None))

    @property
    def can_refresh(self) -> bool:
        # Telnyx has a received fax's document: its link can be renewed and fetched again.
        return (self.direction == "inbound" and self.status == "received"
                and self.fax_id is not None)

    @property
    def unread(self) -> bool:
        # Only received faxes are read or unread; what we sent needs no reading.
        return self.direction == "inbound" and not self.read

    @property
    def has_document(self) -> bool:
        return bool(self.document_path) and Path(self.document_path or "").exists()

    @property
    def status_words(self) -> str:
        """The status in English words (the window translates `status`/`pending` itself)."""
        if self.pending is not None:
            return _PENDING_WORDS[self.pending]
        return status_words(self.status)


def _time(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def _raw_str(raw: Mapping[str, object], name: str) -> str | None:
    value = raw.get(name)
    return value if isinstance(value, str) else None


def _raw_int(raw: Mapping[str, object], name: str) -> int | None:
    value = raw.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def pending_kind(entry: JournalEntry) -> PendingKind | None:
    """How a journal entry shows while Telnyx has not created its fax; None once it has."""
    if entry.state == "rejected":
        return "rejected"
    if entry.state not in _PENDING_STATES:
        return None
    if entry.error_kind == "ambiguous":
        return "checking"
    if entry.error_kind == "auth":
        return "held"
    if entry.error_kind is not None:
        return "waiting"
    if entry.next_attempt_at is not None:
        return "scheduled"
    return "preparing" if entry.state == "prepared" else "uploading"


#: Journal states in which the outbox has not yet decided what follows a final status.
_UNSETTLED_STATES = frozenset({"fax_created", "tracking"})


def row_for_fax(record: FaxRecord, entry: JournalEntry | None = None) -> FaxRow:
    raw = record.raw
    document = record.downloaded_path or record.document_path
    journal_id = record.journal_id if entry is None else entry.id
    return FaxRow(
        id=send_row_id(journal_id) if journal_id is not None else record.id,
        fax_id=record.id,
        journal_id=journal_id,
        direction=record.direction,
        status=record.status,
        pending=None,
        from_number=record.from_number,
        to=record.to,
        connection_id=record.connection_id,
        page_count=record.page_count,
        created_at=record.created_at,
        updated_at=record.updated_at,
        failure_reason=record.failure_reason,
        attempt=entry.attempt if entry is not None else 1,
        internal_failure_reason=_raw_str(raw, "internal_failure_reason"),
        quality=_raw_str(raw, "quality"),
        call_duration_secs=_raw_int(raw, "call_duration_secs"),
        media_name=record.media_name,
        media_url=record.media_url,
        client_state=record.client_state,
        read=record.read,
        note=record.note,
        document_path=document,
        document_name=entry.document_name if entry is not None else None,
        download_state=record.download_state,
        download_error=record.download_error,
        settled=not (entry is not None and record.is_final and entry.state in _UNSETTLED_STATES),
    )


def row_for_entry(entry: JournalEntry) -> FaxRow | None:
    """The row of a send not created on the server yet (None when it is gone or is a fax)."""
    kind = pending_kind(entry)
    if kind is None:
        return None
    quality = entry.options.get("quality")
    return FaxRow(
        id=send_row_id(entry.id),
        fax_id=None,
        journal_id=entry.id,
        direction="outbound",
        status=None,
        pending=kind,
        from_number=entry.from_number,
        to=entry.to,
        connection_id=entry.connection_id,
        page_count=entry.page_count,
        created_at=_time(entry.created_at),
        updated_at=_time(entry.updated_at),
        pending_error=entry.error,
        next_attempt_at=_time(entry.next_attempt_at),
        attempt=entry.attempt,
        quality=quality if isinstance(quality, str) else None,
        media_name=entry.media_name,
        client_state=entry.client_state,
        document_path=entry.document_path,
        document_name=entry.document_name,
    )


# --- a send and its automatic retries: one row ------------------------------------------------


def retry_root(entry: JournalEntry, lookup: Callable[[int], JournalEntry | None]) -> JournalEntry:
    """The first attempt of the send `entry` belongs to (`entry` itself when it is no retry).
    An automatic retry names the attempt before it as its parent; a resend starts a new send."""
    seen = {entry.id}
    while entry.attempt > 1 and entry.parent_id is not None and entry.parent_id not in seen:
        parent = lookup(entry.parent_id)
        if parent is None:
            break
        seen.add(parent.id)
        entry = parent
    return entry


def retry_chain(root: JournalEntry,
                children: Callable[[int], Sequence[JournalEntry]]) -> list[JournalEntry]:
    """`root` and its automatic retries, attempt after attempt."""
    chain = [root]
    while len(chain) < 1000:
        current = chain[-1]
        later = [c for c in children(current.id) if c.attempt == current.attempt + 1]
        if not later:
            break
        chain.append(max(later, key=lambda c: c.id))
    return chain


def chain_row(chain: Sequence[JournalEntry],
              record: Callable[[JournalEntry], FaxRecord | None]) -> FaxRow | None:
    """The one row of a send and its automatic retries: the latest attempt that shows, under
    the first attempt's row id and creation time. None when nothing of it shows any more.
    `record(entry)`: the stored fax an attempt created, if any."""
    if not chain:
        return None
    shown: FaxRow | None = None
    position = len(chain)
    for position in range(len(chain) - 1, -1, -1):
        entry = chain[position]
        fax = record(entry)
        shown = row_for_fax(fax, entry) if fax is not None else row_for_entry(entry)
        if shown is not None:
            break
    if shown is None:
        return None
    root = chain[0]
    if position == 0:
        return shown
    first = record(root)
    created = (first.created_at if first is not None and first.created_at is not None
               else _time(root.created_at))
    previous_failure = None
    if shown.pending is not None:
        for entry in reversed(chain[:position]):
            earlier = record(entry)
            if earlier is not None and earlier.failure_reason:
                previous_failure = earlier.failure_reason
                break
    return replace(shown, id=send_row_id(root.id), created_at=created,
                   previous_failure=previous_failure)
