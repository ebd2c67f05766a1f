"""The outbox: the send journal and exactly-once sending.

Every send is written to the journal before any network call, with a unique token. The token names
the uploaded media (`faxdesk-<token>.pdf`) and travels as `client_state` (base64 of
`faxdesk:<token>`), so after a crash or an ambiguous failure the outbox can find what it already
did on the server instead of doing it again:

    prepared ──upload──▶ media_uploaded ──create──▶ fax_created ──▶ tracking ──▶ done
        (get_media before re-uploading)   (list by `to` + created_at, match client_state)

`rejected` ends an entry Telnyx refused outright (nothing was sent); `abandoned` one the user
cancelled before it was created. Automatic retries (transient failure reasons only) are new
entries with `parent_id` and `attempt` + 1, waiting until `next_attempt_at`.

Up to `max_parallel` entries run at once (one worker thread each). The rules above hold per
entry, so entries never wait for one another; how many may talk to Telnyx at a time is the
`SendGate`'s: one at first, one more each time the API's rate-limit headers leave room for it,
and back down when they do not (or on a 429).
"""

from __future__ import annotations

import base64
import contextlib
import logging
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faxdesk.api.errors import (
    ApiError,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    RequestAbortedError,
    ServerError,
    TelnyxError,
    TransportError,
    UnexpectedResponseError,
)
from faxdesk.api.models import Fax
from faxdesk.core.events import EventHub, FaxChanged, JournalChanged
from faxdesk.core.paths import storage_error
from faxdesk.core.records import ErrorKind, JournalEntry
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import Store, iso

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.api.retry import RateLimitInfo
    from faxdesk.core.sending import PreparedFax

log = logging.getLogger(__name__)

#: Failure reasons worth an automatic retry: the line or the far end, not the document or account.
TRANSIENT_FAILURE_REASONS = frozenset({
    "user_busy",
    "receiver_no_answer",
    "receiver_call_dropped",
    "service_unavailable",
    "destination_unreachable",
    "fax_initial_communication_timeout",
})

#: Send options passed through to `send_fax` (media_url / store_media do not mix with media_name).
SEND_OPTIONS = frozenset({
    "quality", "t38_enabled", "monochrome", "black_threshold", "store_preview", "preview_format",
    "webhook_url", "from_display_name",
})

StepHook = Callable[[str, JournalEntry], None]


@dataclass(frozen=True, slots=True)
class OutboxConfig:
    auto_retry: bool = False
    retry_delay: float = 300.0  # seconds between an automatic retry and the failure before it
    max_attempts: int = 3  # including the first try
    retry_reasons: frozenset[str] = field(default=TRANSIENT_FAILURE_REASONS)
    # How far before the journal time (on the server's clock) to look for a fax we may have
    # created; then, if not found, how many pages of faxes to that number to read without a
    # time bound (this machine's clock may have jumped since the entry was written).
    reconcile_margin: float = 600.0
    reconcile_max_pages: int = 8
    error_backoff: float = 5.0  # first wait after a network problem; doubles up to the cap
    error_backoff_cap: float = 300.0
    # Sends uploading or being created at once, at most (fewer while the rate limit is tight).
    max_parallel: int = 4
    # Requests of the rate-limit window kept free per send in flight: another send starts only
    # while `x-ratelimit-remaining` is at least this times the sends then in flight.
    rate_headroom: int = 25


class SendGate:
    """How many sends may talk to Telnyx at once.

    It starts at one. Each answer's `x-ratelimit-*` headers (`observe`) may raise it by one, up
    to `maximum`, while the requests left in the window are at least `headroom` per send that
    would then be in flight; when fewer are left it comes down to what they allow (at least
    one), and a 429 (`throttled`) puts it back to one. Without headers it never rises.
    """

    def __init__(self, maximum: int, headroom: int) -> None:
        self.maximum = max(1, maximum)
        self.headroom = max(1, headroom)
        self._cond = threading.Condition()
        self._allowed = 1
        self._active = 0
        self._waiting = 0
        self._closed = False
        #: The most sends seen in flight at once (for tests and benchmarks).
        self.peak = 0

    @property
    def allowed(self) -> int:
        return self._allowed

    @property
    def active(self) -> int:
        return self._active

    @property
    def waiting(self) -> int:
        return self._waiting

    def acquire(self) -> bool:
        """Wait for a place; False once the gate is closed (the outbox is stopping)."""
        with self._cond:
            self._waiting += 1
            try:
                while not self._closed and self._active >= self._allowed:
                    self._cond.wait()
            finally:
                self._waiting -= 1
            if self._closed:
                return False
            self._active += 1
            self.peak = max(self.peak, self._active)
            return True

    def release(self) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify()

    def observe(self, info: RateLimitInfo | None) -> None:
        """What the last answer said about the rate-limit window."""
        if info is None or info.remaining is None:
            return
        with self._cond:
            room = max(1, min(self.maximum, info.remaining // self.headroom))
            if room > self._allowed:
                self._allowed += 1  # one more at a time, each step confirmed by an answer
                self._cond.notify()
            elif room < self._allowed:
                self._allowed = room

    def throttled(self) -> None:
        """Telnyx answered 429: one send at a time until the headers allow more."""
        with self._cond:
            self._allowed = 1

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def reopen(self) -> None:
        with self._cond:
            self._closed = False


class OutcomeUnknownError(Exception):
    """Creating the fax may have worked (its answer was lost) and the lookup failed too."""

    def __init__(self, cause: TelnyxError) -> None:
        super().__init__("The answer from Telnyx was lost, so the fax may have been sent. "
                         "FaxDesk is checking with Telnyx and will not send it twice.")
        self.cause = cause


def token_client_state(token: str) -> str:
    return base64.b64encode(f"faxdesk:{token}".encode()).decode("ascii")


def token_media_name(token: str) -> str:
    return f"faxdesk-{token}.pdf"


class Outbox:
    """Runs journal entries to `tracking`, up to `max_parallel` at once (see `SendGate`)."""

    def __init__(
        self,
        store: Store,
        hub: EventHub,
        get_client: Callable[[], TelnyxClient],
        data_dir: Path,
        config: OutboxConfig | None = None,
        *,
        clock: Callable[[], float] = time.time,
        step_hook: StepHook | None = None,
    ) -> None:
        self._store = store
        self._hub = hub
        self._get_client = get_client
        self._documents = data_dir / "outbox"
        self.config = config or OutboxConfig()
        self._clock = clock
        self._step_hook = step_hook
        self._lock = threading.Lock()
        self._busy: set[int] = set()
        self._failures: dict[int, int] = {}
        self._executor: ThreadPoolExecutor | None = None
        self.gate = SendGate(self.config.max_parallel, self.config.rate_headroom)
        self._unsubscribe = hub.subscribe(self._on_fax_changed, FaxChanged)

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker and resume every unfinished entry."""
        with self._lock:
            if self._executor is None:
                self.gate.reopen()
                self._executor = ThreadPoolExecutor(self.gate.maximum,
                                                    thread_name_prefix="faxdesk-outbox")
        self.resume_all()

    def stop(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            self.gate.close()  # workers waiting for a place give up; their entries stay
            executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.stop()
        self._unsubscribe()

    def _schedule(self, entry_id: int, resumed: bool) -> None:
        with self._lock:
            executor = self._executor
        if executor is None:
            return  # not started: `start()` resumes it
        # RuntimeError: shutting down; the entry is resumed on the next start.
        with contextlib.suppress(RuntimeError):
            executor.submit(self._run_safely, entry_id, resumed)

    def _run_safely(self, entry_id: int, resumed: bool) -> None:
        try:
            self.process(entry_id, resumed=resumed)
        except Exception:
            log.exception("outbox entry %s failed unexpectedly", entry_id)

    def _hook(self, step: str, entry: JournalEntry) -> None:
        if self._step_hook is not None:
            self._step_hook(step, entry)

    # --- requests -------------------------------------------------------------------------

    def submit(self, prepared: PreparedFax) -> int:
        """Record a prepared send and queue it; returns the journal id. No network call here.

        Raises `StorageError` (in words) when FaxDesk cannot keep its own copy of the document.
        """
        return self._enqueue(prepared.document, prepared.to, prepared.from_number,
                             prepared.connection_id, prepared.options.as_api(),
                             page_count=prepared.page_count,
                             document_name=prepared.document_name)

    def _enqueue(
        self,
        document_path: Path,
        to: str,
        from_number: str,
        connection_id: str,
        options: Mapping[str, Any],
        *,
        page_count: int | None,
        document_name: str | None,
        attempt: int = 1,
        parent_id: int | None = None,
        not_before: float | None = None,
    ) -> int:
        opts = dict(options)
        unknown = set(opts) - SEND_OPTIONS
        if unknown:
            raise ValueError(f"unknown send options: {', '.join(sorted(unknown))}")
        token = uuid.uuid4().hex
        # Keep our own copy: the journal must survive the user moving or deleting the original.
        copy = self._documents / f"{token}.pdf"
        try:
            self._documents.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._documents.chmod(0o700)
            shutil.copyfile(document_path, copy)
            copy.chmod(0o600)
        except OSError as exc:
            copy.unlink(missing_ok=True)
            raise storage_error(exc, copy) from None
        entry = self._store.create_journal_entry(
            token=token,
            document_path=str(copy),
            to=to,
            from_number=from_number,
            connection_id=connection_id,
            options=opts,
            media_name=token_media_name(token),
            client_state=token_client_state(token),
            attempt=attempt,
            parent_id=parent_id,
            next_attempt_at=not_before,
            now=self._clock(),
            page_count=page_count,
            document_name=document_name,
        )
        self._hub.publish(JournalChanged(entry.id))
        self._hook("prepared", entry)
        if not_before is None:
            self._schedule(entry.id, resumed=False)
        return entry.id

    def resend(self, journal_id: int) -> int:
        """A new entry with the same document, recipient and options as an old one."""
        old = self._store.journal_entry(journal_id)
        if old is None:
            raise KeyError(journal_id)
        return self._enqueue(Path(old.document_path), old.to, old.from_number,
                             old.connection_id, old.options, page_count=old.page_count,
                             document_name=old.document_name, parent_id=old.id)

    def resend_document(self, document_path: Path, to: str, from_number: str,
                        connection_id: str) -> int:
        """A new send of a document this machine sent before without a journal entry."""
        return self._enqueue(document_path, to, from_number, connection_id, {},
                             page_count=None, document_name=None)

    def adopt(self, entry: JournalEntry, fax: Fax) -> None:
        """The lookup found the fax an unsettled entry created: track it instead of sending."""
        entry = self._store.update_journal(entry.id, state="fax_created", fax_id=fax.id,
                                           error=None, error_kind=None, next_attempt_at=None)
        self._hub.publish(JournalChanged(entry.id))
        self._track(entry, fax)

    def abandon(self, journal_id: int) -> bool:
        """Drop an entry that has not created a fax yet (e.g. a scheduled retry)."""
        entry = self._store.journal_entry(journal_id)
        if entry is None or entry.is_finished or entry.state not in ("prepared", "media_uploaded"):
            return False
        with self._lock:
            if journal_id in self._busy:
                return False
        self._store.update_journal(journal_id, state="abandoned", next_attempt_at=None)
        self._hub.publish(JournalChanged(journal_id))
        return True

    def discard(self, journal_id: int) -> bool:
        """The user drops a send that created no fax: a waiting one, or one Telnyx refused."""
        entry = self._store.journal_entry(journal_id)
        if entry is None:
            return False
        if entry.state != "rejected":
            return self.abandon(journal_id)
        self._store.update_journal(journal_id, state="abandoned")
        self._hub.publish(JournalChanged(journal_id))
        return True

    def resume_all(self) -> None:
        """Queue every unfinished entry that is due (after a crash, a restart or an error)."""
        now = self._clock()
        for entry in self._store.journal_entries(unfinished=True):
            if entry.state == "tracking":
                self._check_tracking(entry)
            elif entry.next_attempt_at is None or entry.next_attempt_at <= now:
                self._schedule(entry.id, resumed=True)

    def run_due(self, *, force: bool = False) -> list[JournalEntry]:
        """Run every unfinished entry that is due (all of them with `force`) on this thread,
        for a caller without the worker (the command line); returns them as they ended up."""
        now = self._clock()
        results: list[JournalEntry] = []
        for entry in self._store.journal_entries(unfinished=True):
            if entry.state == "tracking":
                self._check_tracking(entry)
                continue
            # A send that may have gone out is always looked up: only a lookup settles it.
            waiting = entry.next_attempt_at is not None and entry.next_attempt_at > now
            if waiting and not force and entry.error_kind != "ambiguous":
                continue
            if waiting:
                entry = self._store.update_journal(entry.id, next_attempt_at=None)
            after = self.process(entry.id, resumed=True)
            if after is not None:
                results.append(after)
        return results

    def poll_due(self) -> None:
        """Queue entries whose wait (retry or backoff) is over; the sync loop calls this."""
        now = self._clock()
        for entry in self._store.journal_entries(unfinished=True):
            if (entry.state != "tracking" and entry.next_attempt_at is not None
                    and entry.next_attempt_at <= now):
                self._schedule(entry.id, resumed=True)

    def next_due(self) -> float | None:
        """Wall-clock time of the earliest waiting entry, for the sync loop's sleep."""
        times = [e.next_attempt_at for e in self._store.journal_entries(unfinished=True)
                 if e.state != "tracking" and e.next_attempt_at is not None]
        return min(times) if times else None

    def has_pending(self) -> bool:
        return any(e.state != "tracking" for e in self._store.journal_entries(unfinished=True))

    # --- the state machine ----------------------------------------------------------------

    def process(self, entry_id: int, *, resumed: bool = False) -> JournalEntry | None:
        """Run one entry as far as it goes. `resumed`: we may have done steps we did not record."""
        with self._lock:
            if entry_id in self._busy:
                return None
            self._busy.add(entry_id)
        try:
            if not self.gate.acquire():
                return self._store.journal_entry(entry_id)  # stopping: resumed next start
            try:
                return self._process(entry_id, resumed)
            finally:
                self.gate.release()
        finally:
            with self._lock:
                self._busy.discard(entry_id)

    def _process(self, entry_id: int, resumed: bool) -> JournalEntry | None:
        entry = self._store.journal_entry(entry_id)
        if entry is None or entry.is_finished:
            return entry
        if entry.next_attempt_at is not None and entry.next_attempt_at > self._clock():
            return entry
        # After a crash or an earlier error we cannot know how far the server got: look first.
        verify = resumed or entry.error is not None
        fax: Fax | None = None
        try:
            if entry.state == "prepared":
                entry = self._upload(entry, verify)
            if entry.state == "media_uploaded":
                entry, fax = self._create(entry, verify)
            if entry.state == "fax_created":
                entry = self._track(entry, fax)
            if entry.state == "tracking":
                self._check_tracking(entry)
        except AuthenticationError as exc:
            # Nothing is lost: the entry stays where it is and resumes after the key is fixed.
            entry = self._store.update_journal(entry.id, error=str(exc), error_kind="auth",
                                               next_attempt_at=None)
            self._hub.publish(JournalChanged(entry.id))
        except RequestAbortedError:
            pass  # quitting; resumed on the next start
        except OutcomeUnknownError as exc:
            entry = self._retry_later(entry, exc.cause, kind="ambiguous")
        except (TransportError, RateLimitError, ServerError, UnexpectedResponseError) as exc:
            if isinstance(exc, RateLimitError):
                self.gate.throttled()
            # An answer that cannot be read proves nothing was refused: look again later.
            entry = self._retry_later(entry, exc)
        except ApiError as exc:
            # A definite refusal (422, 400, 404...): nothing was sent.
            entry = self._store.update_journal(entry.id, state="rejected", error=str(exc),
                                               error_kind="refused", next_attempt_at=None)
            self._hub.publish(JournalChanged(entry.id))
        except OSError as exc:
            entry = self._store.update_journal(
                entry.id, state="rejected", next_attempt_at=None, error_kind="unreadable",
                error=f"Cannot read the document: {exc.strerror or exc}")
            self._hub.publish(JournalChanged(entry.id))
        return entry

    def _retry_later(self, entry: JournalEntry, exc: TelnyxError,
                     kind: ErrorKind = "network") -> JournalEntry:
        with self._lock:
            count = self._failures.get(entry.id, 0) + 1
            self._failures[entry.id] = count
        cfg = self.config
        delay = min(cfg.error_backoff * 2.0 ** (count - 1), cfg.error_backoff_cap)
        if isinstance(exc, RateLimitError) and exc.retry_after:
            delay = max(delay, exc.retry_after)
        # A send that may exist stays "may have been sent" until a lookup settles it.
        if entry.error_kind == "ambiguous":
            kind = "ambiguous"
        words = str(OutcomeUnknownError(exc)) if kind == "ambiguous" else str(exc)
        entry = self._store.update_journal(entry.id, error=words, error_kind=kind,
                                           next_attempt_at=self._clock() + delay)
        self._hub.publish(JournalChanged(entry.id))
        return entry

    def _upload(self, entry: JournalEntry, verify: bool) -> JournalEntry:
        client = self._get_client()
        if not (verify and self._media_exists(client, entry.media_name)):
            self._put_media(client, entry)
        self.gate.observe(client.rate_limit)
        self._hook("media_uploading", entry)
        entry = self._store.update_journal(entry.id, state="media_uploaded", error=None,
                                           error_kind=None)
        self._hub.publish(JournalChanged(entry.id))
        self._hook("media_uploaded", entry)
        return entry

    def _put_media(self, client: TelnyxClient, entry: JournalEntry) -> None:
        try:
            client.upload_media(Path(entry.document_path), media_name=entry.media_name)
        except TransportError as exc:
            if not (exc.maybe_sent and self._media_exists(client, entry.media_name)):
                raise

    @staticmethod
    def _media_exists(client: TelnyxClient, media_name: str) -> bool:
        try:
            client.get_media(media_name)
        except NotFoundError:
            return False
        return True

    def _create(self, entry: JournalEntry, verify: bool) -> tuple[JournalEntry, Fax]:
        client = self._get_client()
        fax = self.find_created(entry) if verify else None
        if fax is None and verify and not self._media_exists(client, entry.media_name):
            # Resumed after the upload expired (Telnyx keeps media 48 h): upload it again
            # under the same name; no fax used it, or find_created would have found that fax.
            self._put_media(client, entry)
        if fax is None:
            try:
                fax = client.send_fax(
                    connection_id=entry.connection_id,
                    from_number=entry.from_number,
                    to=entry.to,
                    media_name=entry.media_name,
                    client_state=entry.client_state,
                    **dict(entry.options),
                )
            except (TransportError, ServerError, UnexpectedResponseError) as exc:
                # The request may have been acted on: look before trying again.
                if isinstance(exc, RequestAbortedError):
                    raise
                maybe_sent = not isinstance(exc, TransportError) or exc.maybe_sent
                try:
                    fax = self.find_created(entry)
                except TelnyxError as lookup_failed:
                    if maybe_sent:
                        raise OutcomeUnknownError(lookup_failed) from exc
                    raise
                if fax is None:
                    raise
        self.gate.observe(client.rate_limit)
        self._hook("fax_creating", entry)
        entry = self._store.update_journal(entry.id, state="fax_created", fax_id=fax.id,
                                           error=None, error_kind=None)
        self._hub.publish(JournalChanged(entry.id))
        self._hook("fax_created", entry)
        return entry, fax

    def find_created(self, entry: JournalEntry) -> Fax | None:
        """The fax this entry created on the server, if any (matched by client_state).

        Telnyx stamps `created_at` with its own clock, so the search starts from the journal
        time converted to the server's clock (the offset the client learned from the `Date`
        of its answers) minus a margin; this machine's clock may be off by any amount. When the
        offset is unknown, or that search finds nothing, faxes to the same number are read
        without a time bound, at most `reconcile_max_pages` pages of them.
        """
        client = self._get_client()
        cfg = self.config

        def scan(since: datetime | None, max_pages: int | None) -> tuple[Fax | None, bool]:
            """(the fax or None, whether every matching page was read)."""
            number = 1
            while True:
                page = client.list_faxes(to=entry.to, created_at_or_after=since,
                                         page_number=number, page_size=250)
                for fax in page.items:
                    if fax.client_state == entry.client_state:
                        return fax, True
                # The page number asked for, not the one reported: a confused server cannot
                # keep us on one page.
                if not page.items or max(number, page.meta.page_number) >= page.meta.total_pages:
                    return None, True
                if max_pages is not None and number >= max_pages:
                    return None, False
                number += 1

        tried_unbounded = False
        if client.server_time_offset is None:
            # Nothing learned about the server's clock yet: this first answer teaches it.
            fax, complete = scan(None, cfg.reconcile_max_pages)
            if fax is not None or complete:
                return fax
            tried_unbounded = True
        server_time = client.to_server_time(entry.created_at)
        if server_time is not None:
            fax, _ = scan(datetime.fromtimestamp(server_time - cfg.reconcile_margin, UTC), None)
            if fax is not None:
                return fax
        if tried_unbounded:
            return None
        return scan(None, cfg.reconcile_max_pages)[0]

    def _track(self, entry: JournalEntry, fax: Fax | None) -> JournalEntry:
        assert entry.fax_id is not None
        detail = SENT_HERE
        if entry.attempt > 1:
            detail = attempt_note(entry.attempt, self.config.max_attempts)
        elif entry.parent_id is not None:
            detail = RESENT_HERE
        # Telnyx reports pages only in fax.delivered; the document we sent already tells.
        pages = entry.page_count or _page_count(Path(entry.document_path))
        # The fax row is stored with its journal entry and document in one change, so the
        # first row anyone sees already carries them.
        ours = {"page_count": pages, "journal_id": entry.id,
                "document_path": entry.document_path}
        if fax is not None:
            update = replace(StatusUpdate.from_fax(fax, "local", detail), fields=ours)
            apply_status(self._store, self._hub, update)
        else:
            # Resumed after a crash: the server has the fax; the next poll fills in the rest.
            apply_status(self._store, self._hub, StatusUpdate(
                fax_id=entry.fax_id, status=None, source="local", fields={
                    "direction": "outbound", "to_number": entry.to,
                    "from_number": entry.from_number, "connection_id": entry.connection_id,
                    "client_state": entry.client_state, "media_name": entry.media_name,
                    "created_at": iso(datetime.fromtimestamp(entry.created_at, UTC)),
                    **ours,
                }))
            self._store.add_timeline(entry.fax_id, "submitted", "local", detail)
        entry = self._store.update_journal(entry.id, state="tracking", error=None,
                                           error_kind=None)
        with self._lock:
            self._failures.pop(entry.id, None)
        self._hub.publish(JournalChanged(entry.id))
        self._hook("tracking", entry)
        return entry

    # --- finishing and automatic retry ----------------------------------------------------

    def _check_tracking(self, entry: JournalEntry) -> None:
        if entry.fax_id is None:
            return
        record = self._store.get_fax(entry.fax_id)
        if record is not None and record.is_final:
            self._finish(entry, record.status, record.failure_reason, record.updated_at)

    def _on_fax_changed(self, event: FaxChanged) -> None:
        if event.fax is None or not event.fax.is_final or event.fax.journal_id is None:
            return
        entry = self._store.journal_entry(event.fax.journal_id)
        if entry is not None and entry.state == "tracking":
            self._finish(entry, event.fax.status, event.fax.failure_reason,
                         event.fax.updated_at)

    def _finish(self, entry: JournalEntry, status: str | None, reason: str | None,
                failed_at: datetime | None = None) -> None:
        with self._lock:
            current = self._store.journal_entry(entry.id)
            if current is None or current.state != "tracking":
                return
            entry = self._store.update_journal(entry.id, state="done")
        cfg = self.config
        try:
            if (status == "failed" and cfg.auto_retry and reason in cfg.retry_reasons
                    and entry.attempt < cfg.max_attempts
                    and not self._store.journal_children(entry.id)):
                at = self._clock() + cfg.retry_delay
                assert entry.fax_id is not None
                # Stamped with the server's time of the failure, so the timeline (server clock)
                # shows it right after the failure whatever this machine's clock says.
                self._store.add_timeline(
                    entry.fax_id, "retry_scheduled", "local",
                    retry_note(entry.attempt + 1, cfg.max_attempts, cfg.retry_delay, reason),
                    at=failed_at)
                self._enqueue(Path(entry.document_path), entry.to, entry.from_number,
                              entry.connection_id, entry.options, page_count=entry.page_count,
                              document_name=entry.document_name, attempt=entry.attempt + 1,
                              parent_id=entry.id, not_before=at)
        finally:
            # After the retry is queued: the send's row goes from the failed attempt straight
            # to the waiting retry, and a settled failure is one that nothing follows.
            self._hub.publish(JournalChanged(entry.id))

    def retry_now(self, journal_id: int) -> bool:
        """Try a waiting entry (an automatic retry, or one backing off after a network
        problem) now; False when it is not waiting."""
        entry = self._store.journal_entry(journal_id)
        if (entry is None or entry.is_finished or entry.state == "tracking"
                or entry.next_attempt_at is None):
            return False
        self._store.update_journal(journal_id, next_attempt_at=None)
        self._hub.publish(JournalChanged(journal_id))
        self._schedule(journal_id, resumed=True)
        return True

    def pending_retries(self, journal_id: int) -> Iterable[JournalEntry]:
        return [e for e in self._store.journal_children(journal_id) if not e.is_finished]


#: Timeline notes of a send's steps ("submitted"), kept as the journal always wrote them.
SENT_HERE = "sent from FaxDesk"
RESENT_HERE = "resent from FaxDesk"


@dataclass(frozen=True, slots=True)
class RetryNote:
    """What a timeline note about an automatic retry says (read back by `read_retry_note`)."""

    attempt: int
    of: int
    delay_secs: int | None = None  # set on "retry_scheduled": counted from the failure
    reason: str | None = None  # Telnyx's failure code of the attempt before


def retry_note(attempt: int, of: int, delay: float, reason: str | None) -> str:
    """The note of a "retry_scheduled" step (a stable format: stores keep it for years)."""
    return f"automatic retry {attempt} of {of} in {int(delay)} s ({reason})"


def attempt_note(attempt: int, of: int) -> str:
    """The note of the "submitted" step of an automatic retry."""
    return f"automatic retry, attempt {attempt} of {of}"


_RETRY_NOTE = re.compile(r"automatic retry (\d+) of (\d+) in (\d+) s \(([^)]*)\)")
_ATTEMPT_NOTE = re.compile(r"automatic retry, attempt (\d+) of (\d+)")


def read_retry_note(detail: str | None) -> RetryNote | None:
    """The retry a note written by `retry_note` or `attempt_note` is about; None otherwise."""
    if not detail:
        return None
    if match := _RETRY_NOTE.fullmatch(detail):
        reason = match[4] if match[4] and match[4] != "None" else None
        return RetryNote(int(match[1]), int(match[2]), int(match[3]), reason)
    if match := _ATTEMPT_NOTE.fullmatch(detail):
        return RetryNote(int(match[1]), int(match[2]))
    return None


def _page_count(path: Path) -> int | None:
    """Pages of a document we sent, or None when it cannot be read (never fatal)."""
    from pypdf import PdfReader  # lazy: keeps `import faxdesk.core.outbox` light

    try:
        return len(PdfReader(path).pages)
    except Exception:  # a damaged copy must not stop tracking the fax
        log.debug("could not count the pages of %s", path, exc_info=True)
        return None
