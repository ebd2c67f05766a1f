"""FaxEngine: the application without widgets. Wires store, events, outbox, sync, inbox, the
optional webhook listener, the row feed and one Telnyx client; the window and the command line
call only this (opened by `faxdesk.core.opening.open_engine`).

With no account yet (no API key) the engine runs without a client: the history on disk is
readable, the sync state is "no_account", and `set_client_factory` connects it later.

Threads: the engine owns a sync thread, one outbox worker, one inbox worker and (optionally) the
listener. Its action methods (`cancel`, `refresh`, application CRUD...) make network calls on the
calling thread: the UI calls them from a worker, never from the GUI thread. Events are published
on whichever engine thread caused them.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faxdesk.api.errors import (
    NotFoundError,
    RequestAbortedError,
    TelnyxError,
)
from faxdesk.api.models import FaxApplication, PhoneNumber
from faxdesk.core.events import (
    ApplicationsChanged,
    EventHub,
    FaxChanged,
    ListenerFailed,
    SyncStateChanged,
)
from faxdesk.core.inbox import Inbox, Opener, _default_opener
from faxdesk.core.outbox import (
    Outbox,
    OutboxConfig,
    StepHook,
    attempt_note,
    read_retry_note,
)
from faxdesk.core.records import JournalEntry, TimelineEntry
from faxdesk.core.row_feed import RowFeed
from faxdesk.core.rows import FaxRow
from faxdesk.core.status import StatusUpdate, apply_status, forget_fax, set_local
from faxdesk.core.store import Store
from faxdesk.core.sync import SyncConfig, Syncer
from faxdesk.core.words import DOCUMENT_ON_ITS_WAY, NO_ACCOUNT

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.documents.pages import Paper
    from faxdesk.core.report import ContactLookup
    from faxdesk.core.report_words import ReportWords
    from faxdesk.core.sending import PreparedFax, SendRequest
    from faxdesk.core.settings import Settings

    # Imported in start() only when enabled: it pulls in werkzeug, which most users never need.
    from faxdesk.core.webhook_listener import WebhookListener

log = logging.getLogger(__name__)

ClientFactory = Callable[[], "TelnyxClient"]


NO_ACCOUNT_MESSAGE = NO_ACCOUNT


def _closed_factory() -> TelnyxClient:
    raise RequestAbortedError("FaxDesk is shutting down.", maybe_sent=False)


class EngineError(Exception):
    """An action the engine cannot do, said in words (no such fax, not possible now...)."""


class DocumentNotDownloadedError(EngineError):
    """A received fax's document is still on its way to this computer."""


class UnknownFaxError(EngineError):
    """No fax or send with that id in this FaxDesk's history."""


class NoAccountError(EngineError):
    """There is no API key yet, so nothing can be asked of Telnyx."""


def _no_account_factory() -> TelnyxClient:
    raise NoAccountError(NO_ACCOUNT_MESSAGE)


class DiscardRiskError(EngineError):
    """Discarding a send that may have gone out, when Telnyx cannot be asked first."""


@dataclass(frozen=True, slots=True)
class EngineConfig:
    sync: SyncConfig = field(default_factory=SyncConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    # The local webhook listener runs only when enabled and given the account's public key.
    webhook_enabled: bool = False
    webhook_public_key: str | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 0
    webhook_max_body: int = 256 * 1024

    @classmethod
    def from_settings(cls, settings: Settings) -> EngineConfig:
        """The engine's part of the user's settings: the only place they are mapped
        (`auto_retry_max` counts retries, so attempts = 1 + retries)."""
        return cls(
            sync=SyncConfig(fast_interval=float(settings.poll_fast_secs),
                            slow_interval=float(settings.poll_slow_secs)),
            outbox=OutboxConfig(auto_retry=settings.auto_retry_enabled,
                                retry_delay=float(settings.auto_retry_delay_secs),
                                max_attempts=1 + max(0, settings.auto_retry_max)),
            webhook_enabled=settings.webhook_listener_enabled,
            webhook_public_key=settings.webhook_public_key or None,
            webhook_host=settings.webhook_host,
            webhook_port=settings.webhook_port,
        )


class FaxEngine:
    def __init__(
        self,
        data_dir: Path,
        client_factory: ClientFactory | None,
        config: EngineConfig | None = None,
        *,
        outbox_step_hook: StepHook | None = None,
        inbox_opener: Opener = _default_opener,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`client_factory` None: no account yet. `clock` (wall time) decides when journal
        retries are due; tests inject one."""
        self.data_dir = data_dir
        self.config = config or EngineConfig()
        self.has_account = client_factory is not None
        self._client_factory = client_factory or _no_account_factory
        self._client: TelnyxClient | None = None
        self._client_lock = threading.Lock()
        self.events = EventHub()
        self.store = Store(data_dir)
        # The outbox hears of a fax's final status before the row feed does: what follows it
        # (an automatic retry, or nothing) is decided before the row is published, so a send's
        # row goes from "Sending" to its outcome, or to its waiting retry, in one change.
        self.outbox = Outbox(self.store, self.events, self.client, data_dir, self.config.outbox,
                             clock=clock, step_hook=outbox_step_hook)
        self.feed = RowFeed(self.store, self.events)
        self.inbox = Inbox(self.store, self.events, self.client, data_dir, opener=inbox_opener)
        self.syncer = Syncer(
            self.store, self.events, self.client, self.config.sync,
            # Downloads are queued once per tick, after its pages are applied (also when a later
            # page failed), not once per received fax in the middle of the sync.
            after_tick=(self.outbox.poll_due, self.inbox.enqueue_pending),
            after_failed_tick=(self.inbox.enqueue_pending,),
            extra_busy=self.outbox.has_pending,
        )
        self.listener: WebhookListener | None = None
        #: Why the webhook listener is not running although enabled (in words), or None.
        self.listener_problem: str | None = None
        self._started = False
        # A fax received through a webhook is fetched at once, not after the next poll (one
        # received by polling is queued when the tick ends, see `after_tick`).
        self.events.subscribe(self._on_fax_changed, FaxChanged)

    def _on_fax_changed(self, event: FaxChanged) -> None:
        record = event.fax
        if (record is not None and event.old_status != event.new_status
                and record.status == "received" and record.direction == "inbound"
                and record.download_state != "done" and not self.syncer.in_tick()):
            self.inbox.enqueue_pending()

    # --- client ---------------------------------------------------------------------------

    def client(self) -> TelnyxClient:
        """The one Telnyx client, made on first use."""
        with self._client_lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def set_client_factory(self, factory: ClientFactory) -> None:
        """Use another key or server (after an auth failure, say); syncing resumes."""
        with self._client_lock:
            old, self._client = self._client, None
            self._client_factory = factory
            had_account, self.has_account = self.has_account, True
        if old is not None:
            old.close()
        self.syncer.resume()
        if self._started:
            if had_account:
                self.outbox.resume_all()
            else:  # started without a key: nothing was running yet
                self._start_work()

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.feed.in_flight()  # counted once here, then kept up to date by the feed
        if not self.has_account:
            self.events.publish(SyncStateChanged("no_account", None, NO_ACCOUNT_MESSAGE))
            return
        self._start_work()

    def _start_work(self) -> None:
        """The outbox, the inbox, the webhook listener and the sync, once there is a key."""
        self.outbox.start()
        self.inbox.start()
        cfg = self.config
        self.listener_problem = None
        if cfg.webhook_enabled and cfg.webhook_public_key:
            from faxdesk.core.webhook_listener import ListenerStartError, WebhookListener

            try:
                self.listener = WebhookListener(
                    self.store, self.events, cfg.webhook_public_key, host=cfg.webhook_host,
                    port=cfg.webhook_port, max_body=cfg.webhook_max_body,
                    on_valid=self.syncer.note_webhook,
                ).start()
            except ListenerStartError as exc:
                # Never fatal: polling still finds every change, only later.
                log.warning("%s", exc)
                self.listener_problem = str(exc)
                self.events.publish(ListenerFailed(str(exc), cfg.webhook_host, cfg.webhook_port))
        self.syncer.start()

    def stop(self) -> None:
        """Stop every thread. In-flight calls are aborted, so this does not wait on the network;
        unfinished sends stay in the journal and resume on the next start."""
        # close(), not abort(): a call that a thread starts after this point fails at once too,
        # so no thread can begin a slow request while we wait for it.
        with self._client_lock:
            client = self._client
            self._client_factory = _closed_factory
        if client is not None:
            client.close()
        self.syncer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.outbox.close()
        self.inbox.stop()
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
        self.feed.close()
        self.store.close()
        self._started = False

    def __enter__(self) -> FaxEngine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- sync -----------------------------------------------------------------------------

    @property
    def sync_state(self) -> SyncStateChanged:
        """The current sync state, as the last SyncStateChanged said (for a UI starting up)."""
        s = self.syncer
        if not self.has_account:
            return SyncStateChanged("no_account", None, NO_ACCOUNT_MESSAGE)
        return SyncStateChanged(s.state, s.last_sync, s.message)

    def sync_now(self) -> None:
        self.syncer.sync_now()

    def pause(self) -> None:
        self.syncer.pause()

    def resume(self) -> None:
        self.syncer.resume()
        self.outbox.resume_all()

    # --- sending --------------------------------------------------------------------------

    def send(self, request: SendRequest) -> list[int]:
        """Check and prepare `request`, then queue one fax per recipient; returns journal ids.

        Raises `SendRefused` (nothing queued) with every problem, in words and with a kind.
        """
        # Imported here: the document stack (pypdf, PDFium, Pillow) is not needed to start.
        from faxdesk.core.sending import prepare_send

        work = self.data_dir / "outbox" / "preparing"
        work.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.TemporaryDirectory(prefix="send-", dir=work) as tmp:
            prepared = prepare_send(request, Path(tmp))
            return [self.submit(fax) for fax in prepared.faxes]

    def submit(self, prepared: PreparedFax) -> int:
        """Queue a prepared send; returns the journal id at once (network work is the outbox's)."""
        journal_id = self.outbox.submit(prepared)
        self.syncer.sync_now()  # poll fast from now on
        return journal_id

    def journal_entry(self, journal_id: int) -> JournalEntry | None:
        return self.store.journal_entry(journal_id)

    # --- rows: what the front doors show and act on ------------------------------------------

    def rows(self, limit: int | None = None) -> list[FaxRow]:
        return self.feed.rows(limit)

    def iter_rows(self) -> Iterator[FaxRow]:
        return self.feed.iter_rows()

    def row(self, row_id: str) -> FaxRow | None:
        return self.feed.row(row_id)

    def _existing(self, row_id: str) -> FaxRow:
        row = self.feed.row(row_id)
        if row is None:
            raise UnknownFaxError(f"There is no fax {row_id} in this FaxDesk's history.")
        return row

    def timeline(self, row_id: str) -> list[TimelineEntry]:
        """The steps of a fax; for a send, those of each of its attempts, in order."""
        row = self.feed.row(row_id)
        if row is None:
            return []
        if row.journal_id is None:
            return self.store.timeline(row.fax_id) if row.fax_id is not None else []
        chain = self.feed.chain(row.journal_id)
        steps: list[TimelineEntry] = []
        for entry in chain:
            if entry.fax_id is None:
                continue
            own = self.store.timeline(entry.fax_id)
            if entry.attempt > 1 and own and not any(
                    t.status != "retry_scheduled" and read_retry_note(t.detail) for t in own):
                # Where an automatic retry starts (a poll may have seen its fax first).
                of = max(self.config.outbox.max_attempts, entry.attempt)
                steps.append(TimelineEntry(entry.fax_id, "submitted", own[0].at, "local",
                                           attempt_note(entry.attempt, of)))
            steps.extend(own)
        if row.fax_id is None:
            if not steps:
                steps.append(TimelineEntry(row.id, "preparing", row.created_at or _now(),
                                           "local"))
            # A waiting automatic retry is already in its attempt's steps.
            if row.pending not in (None, "preparing") and not (
                    row.pending == "scheduled" and row.is_retry):
                steps.append(TimelineEntry(row.id, str(row.pending), row.updated_at or _now(),
                                           "local", row.pending_error))
        return steps

    def in_flight(self) -> int:
        return self.feed.in_flight()

    def cancel(self, row_id: str) -> FaxRow:
        """Cancel an outbound fax in flight (and any automatic retry waiting after it)."""
        row = self._existing(row_id)
        if row.pending == "scheduled" and row.journal_id is not None:
            # An automatic retry waiting for its time: it is not made.
            if not self.outbox.abandon(row.journal_id):
                raise EngineError("This retry is being handed to Telnyx right now; "
                                  "try again in a moment.")
            return self._existing(row_id)
        if row.journal_id is not None:
            for child in self.outbox.pending_retries(row.journal_id):
                self.outbox.abandon(child.id)
        if row.fax_id is None or not row.can_cancel:
            raise EngineError(f"This fax cannot be cancelled: it is {row.status_words.lower()}.")
        self.client().cancel_fax(row.fax_id)
        self.store.add_timeline(row.fax_id, "cancel_requested", "local")
        self._republish(row.fax_id)
        self.syncer.sync_now()
        return self._existing(row_id)

    def retry_now(self, row_id: str) -> FaxRow:
        """Try a waiting send now instead of at its time (an automatic retry, or one waiting
        after a network problem)."""
        row = self._existing(row_id)
        if row.journal_id is None or not row.can_retry_now:
            raise EngineError("Only a send that is waiting to be tried again can be retried now.")
        self.outbox.retry_now(row.journal_id)
        return self._existing(row_id)

    def discard(self, row_id: str, *, accept_risk: bool = False) -> bool:
        """Drop a send Telnyx has not created. One whose outcome is unknown is looked up
        first: True means it was dropped, False that it had in fact been sent (its row now
        shows the fax). Raises `DiscardRiskError` when Telnyx cannot be asked, unless
        `accept_risk`."""
        row = self._existing(row_id)
        if row.journal_id is None or not row.can_discard:
            raise EngineError("Only a send that Telnyx has not accepted yet can be discarded.")
        entry = self.store.journal_entry(row.journal_id)
        if entry is not None and entry.error_kind == "ambiguous":
            try:
                created = self.outbox.find_created(entry)
            except TelnyxError as exc:
                if not accept_risk:
                    raise DiscardRiskError(
                        "Telnyx cannot be reached to check whether this fax went out "
                        f"({exc}). If you discard it now and it was sent, the recipient gets "
                        "it anyway; if you then send it again, they get it twice.") from None
            else:
                if created is not None:
                    self.outbox.adopt(entry, created)
                    return False
        if not self.outbox.discard(row.journal_id):
            raise EngineError("This send is being handed to Telnyx right now; "
                              "try again in a moment.")
        return True

    def delete(self, row_id: str) -> None:
        """Delete on Telnyx and from the local history (a downloaded PDF stays on disk);
        a pending send is discarded instead."""
        row = self._existing(row_id)
        chain = self.feed.chain(row.journal_id) if row.journal_id is not None else []
        if row.fax_id is None and not any(entry.fax_id for entry in chain):
            self.discard(row_id)
            return
        # A send with automatic retries: a waiting retry is not made, and every attempt goes.
        for entry in chain:
            if not entry.is_finished and entry.fax_id is None:
                self.outbox.abandon(entry.id)
        # The first attempt first: the row keeps showing the latest until it goes with it.
        fax_ids = [entry.fax_id for entry in chain if entry.fax_id] or [row.fax_id or ""]
        for fax_id in fax_ids:
            if self.store.get_fax(fax_id) is None:
                continue
            with contextlib.suppress(NotFoundError):  # already gone there
                self.client().delete_fax(fax_id)
            forget_fax(self.store, self.events, fax_id)

    def refresh(self, row_id: str) -> FaxRow:
        """Fetch one fax now; for a received fax also renew its media link and fetch the PDF."""
        row = self._existing(row_id)
        if row.fax_id is None:
            return row
        client = self.client()
        if row.direction == "inbound" and row.status == "received":
            client.refresh_fax(row.fax_id)
        fax = client.get_fax(row.fax_id)
        apply_status(self.store, self.events, StatusUpdate.from_fax(fax, "poll"))
        self.inbox.enqueue_pending()
        return self._existing(row_id)

    def resend(self, row_id: str) -> int:
        """A new send with the same document, recipient, sender and options."""
        row = self._existing(row_id)
        if row.journal_id is not None:
            journal_id = self.outbox.resend(row.journal_id)
            if row.pending == "rejected":
                self.outbox.discard(row.journal_id)  # the new try replaces the refused one
        else:
            record = self.store.get_fax(row.fax_id or "")
            if (record is None or not record.document_path or not record.to
                    or not record.from_number or not record.connection_id):
                raise EngineError("This fax was not sent from FaxDesk; its document is not here.")
            journal_id = self.outbox.resend_document(
                Path(record.document_path), record.to, record.from_number, record.connection_id)
        self.syncer.sync_now()
        return journal_id

    def document(self, row_id: str) -> Path | None:
        """The PDF of a fax on this computer; None when there is none. Raises `EngineError`
        in words while a received fax's document is still on its way or failed to download."""
        row = self._existing(row_id)
        if row.document_path and Path(row.document_path).exists():
            return Path(row.document_path)
        if row.direction == "inbound" and row.status == "received":
            if row.download_state == "error" and row.download_error:
                raise EngineError(row.download_error)
            raise DocumentNotDownloadedError(DOCUMENT_ON_ITS_WAY)
        return None

    def write_report(self, row_id: str, dest: Path | None, words: ReportWords, *,
                     folder: Path | None = None, paper: Paper = "letter",
                     contacts: ContactLookup | None = None) -> Path:
        """The fax's transmission report as a one-page PDF at `dest` (or, without one, in
        `folder` under a name a person can sort by). Raises `EngineError` in words."""
        from faxdesk.core.report import (
            ReportError,
            ReportFacts,
            report_file_name,
            write_report,
        )

        row = self._existing(row_id)
        if row.fax_id is None:
            raise EngineError("Telnyx has not accepted this send yet, so there is nothing to "
                              "report.")
        try:
            facts = ReportFacts.from_store(self.store, row.fax_id, contacts=contacts)
        except ReportError as exc:
            raise EngineError(str(exc)) from None
        target = dest or (folder or Path.cwd()) / report_file_name(facts)
        return write_report(facts, target, words, paper=paper)

    def mark_read(self, row_id: str, read: bool = True) -> None:
        row = self._existing(row_id)
        if row.fax_id is not None:
            set_local(self.store, self.events, row.fax_id, is_read=1 if read else 0)

    def set_note(self, row_id: str, note: str | None) -> None:
        row = self._existing(row_id)
        if row.fax_id is not None:
            set_local(self.store, self.events, row.fax_id, note=note or None)

    def _republish(self, fax_id: str) -> None:
        set_local(self.store, self.events, fax_id)

    # --- applications and numbers ---------------------------------------------------------

    def refresh_applications(self) -> list[FaxApplication]:
        """From Telnyx; what was fetched last time when Telnyx cannot be reached."""
        try:
            apps = list(self.client().iter_fax_applications())
        except TelnyxError:
            cached = self.store.applications()
            if not cached or not self.has_account:
                raise
            return cached
        self.store.replace_applications(apps)
        self._applications_changed()
        return apps

    def _applications_changed(self) -> None:
        self.events.publish(ApplicationsChanged(tuple(self.store.applications())))

    def applications(self) -> list[FaxApplication]:
        """As last fetched (no network)."""
        return self.store.applications()

    def create_application(self, fields: Mapping[str, Any]) -> FaxApplication:
        app = self.client().create_fax_application(fields)
        self.store.save_application(app)
        self._applications_changed()
        return app

    def update_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication:
        app = self.client().update_fax_application(app_id, fields)
        self.store.save_application(app)
        self._applications_changed()
        return app

    def delete_application(self, app_id: str) -> None:
        with contextlib.suppress(NotFoundError):
            self.client().delete_fax_application(app_id)
        self.store.remove_application(app_id)
        self._applications_changed()

    def list_phone_numbers(self, connection_id: str | None = None) -> list[PhoneNumber]:
        return list(self.client().iter_phone_numbers(connection_id=connection_id))


def _now() -> datetime:
    return datetime.now(UTC)
