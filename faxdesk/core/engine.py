"""FaxEngine: the application without widgets. Wires store, events, outbox, sync, inbox, the
optional webhook listener and one Telnyx client; the UI and the CLI call only this.

Threads: the engine owns a sync thread, one outbox worker, one inbox worker and (optionally) the
listener. Its action methods (`cancel`, `refresh`, application CRUD...) make network calls on the
calling thread: the UI calls them from a worker, never from the GUI thread. Events are published
on whichever engine thread caused them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faxdesk.api.errors import NotFoundError, RequestAbortedError
from faxdesk.api.models import FaxApplication, PhoneNumber
from faxdesk.core.events import ApplicationsChanged, EventHub, FaxChanged, SyncStateChanged
from faxdesk.core.inbox import Inbox, Opener, _default_opener
from faxdesk.core.outbox import Outbox, OutboxConfig, StepHook
from faxdesk.core.records import FaxRecord, JournalEntry
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import Store
from faxdesk.core.sync import SyncConfig, Syncer

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.settings import Settings

    # Imported in start() only when enabled: it pulls in werkzeug, which most users never need.
    from faxdesk.core.webhook_listener import WebhookListener

log = logging.getLogger(__name__)

ClientFactory = Callable[[], "TelnyxClient"]


def _closed_factory() -> TelnyxClient:
    raise RequestAbortedError("FaxDesk is shutting down.", maybe_sent=False)


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
        """The engine's part of the user's settings (`auto_retry_max` counts retries, so
        attempts = 1 + retries)."""
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
        client_factory: ClientFactory,
        config: EngineConfig | None = None,
        *,
        outbox_step_hook: StepHook | None = None,
        inbox_opener: Opener = _default_opener,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`clock` (wall time) decides when journal retries are due; tests inject one."""
        self.data_dir = data_dir
        self.config = config or EngineConfig()
        self._client_factory = client_factory
        self._client: TelnyxClient | None = None
        self._client_lock = threading.Lock()
        self.events = EventHub()
        self.store = Store(data_dir)
        self.outbox = Outbox(self.store, self.events, self.client, data_dir, self.config.outbox,
                             clock=clock, step_hook=outbox_step_hook)
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
        if old is not None:
            old.close()
        self.syncer.resume()
        if self._started:
            self.outbox.resume_all()

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.outbox.start()
        self.inbox.start()
        cfg = self.config
        self.listener_problem: str | None = None
        if cfg.webhook_enabled and cfg.webhook_public_key:
            from faxdesk.core.events import ListenerFailed
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
        return SyncStateChanged(s.state, s.last_sync, s.message)

    def sync_now(self) -> None:
        self.syncer.sync_now()

    def pause(self) -> None:
        self.syncer.pause()

    def resume(self) -> None:
        self.syncer.resume()
        self.outbox.resume_all()

    # --- faxes ----------------------------------------------------------------------------

    def submit(self, pdf_path: Path, to: str, from_number: str, connection_id: str,
               options: Mapping[str, Any] | None = None) -> int:
        """Queue a send; returns the journal id at once (the network work is on the outbox)."""
        journal_id = self.outbox.submit(Path(pdf_path), to, from_number, connection_id, options)
        self.syncer.sync_now()  # poll fast from now on
        return journal_id

    def journal_entry(self, journal_id: int) -> JournalEntry | None:
        return self.store.journal_entry(journal_id)

    def cancel(self, fax_id: str) -> None:
        """Cancel an outbound fax in flight (and any automatic retry waiting after it)."""
        entry = self.store.journal_for_fax(fax_id)
        if entry is not None:
            for child in self.outbox.pending_retries(entry.id):
                self.outbox.abandon(child.id)
        record = self.store.get_fax(fax_id)
        if record is not None and record.is_final:
            return
        self.client().cancel_fax(fax_id)
        self.store.add_timeline(fax_id, "cancel_requested", "local")
        self._publish_local(fax_id)
        self.syncer.sync_now()

    def cancel_entry(self, journal_id: int) -> bool:
        """Drop a send that has not created a fax yet (e.g. a scheduled retry)."""
        return self.outbox.abandon(journal_id)

    def delete(self, fax_id: str) -> None:
        """Delete on Telnyx and from the local history (a downloaded PDF stays on disk)."""
        record = self.store.get_fax(fax_id)
        with contextlib.suppress(NotFoundError):  # already gone there
            self.client().delete_fax(fax_id)
        self.store.delete_fax(fax_id)
        self.events.publish(FaxChanged(fax_id, record.status if record else None, None, None))

    def refresh(self, fax_id: str) -> FaxRecord | None:
        """Fetch one fax now; for a received fax also renew its media link and fetch the PDF."""
        client = self.client()
        record = self.store.get_fax(fax_id)
        if record is not None and record.direction == "inbound" and record.status == "received":
            client.refresh_fax(fax_id)
        fax = client.get_fax(fax_id)
        apply_status(self.store, self.events, StatusUpdate.from_fax(fax, "poll"))
        self.inbox.enqueue_pending()
        return self.store.get_fax(fax_id)

    def resend(self, fax_id: str) -> int:
        """A new send with the same document, recipient, sender and options."""
        entry = self.store.journal_for_fax(fax_id)
        if entry is not None:
            journal_id = self.outbox.resend(entry.id)
        else:
            record = self.store.get_fax(fax_id)
            if (record is None or not record.document_path or not record.to
                    or not record.from_number or not record.connection_id):
                raise ValueError("This fax was not sent from FaxDesk; its document is not here.")
            journal_id = self.outbox.submit(Path(record.document_path), record.to,
                                            record.from_number, record.connection_id)
        self.syncer.sync_now()
        return journal_id

    def mark_read(self, fax_id: str, read: bool = True) -> None:
        self.store.update_local(fax_id, is_read=1 if read else 0)
        self._publish_local(fax_id)

    def set_note(self, fax_id: str, note: str | None) -> None:
        self.store.update_local(fax_id, note=note or None)
        self._publish_local(fax_id)

    def _publish_local(self, fax_id: str) -> None:
        record = self.store.get_fax(fax_id)
        if record is not None:
            self.events.publish(FaxChanged(fax_id, record.status, record.status, record))

    # --- applications and numbers ---------------------------------------------------------

    def refresh_applications(self) -> list[FaxApplication]:
        apps = list(self.client().iter_fax_applications())
        self.store.replace_applications(apps)
        self.events.publish(ApplicationsChanged())
        return apps

    def applications(self) -> list[FaxApplication]:
        """As last fetched (no network)."""
        return self.store.applications()

    def create_application(self, fields: Mapping[str, Any]) -> FaxApplication:
        app = self.client().create_fax_application(fields)
        self.store.save_application(app)
        self.events.publish(ApplicationsChanged())
        return app

    def update_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication:
        app = self.client().update_fax_application(app_id, fields)
        self.store.save_application(app)
        self.events.publish(ApplicationsChanged())
        return app

    def delete_application(self, app_id: str) -> None:
        with contextlib.suppress(NotFoundError):
            self.client().delete_fax_application(app_id)
        self.store.remove_application(app_id)
        self.events.publish(ApplicationsChanged())

    def list_phone_numbers(self, connection_id: str | None = None) -> list[PhoneNumber]:
        return list(self.client().iter_phone_numbers(connection_id=connection_id))
