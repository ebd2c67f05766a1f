"""`Backend` over the core's FaxEngine: the store, the outbox, sync and the inbox (no Qt).

This adapter only translates: engine records become `FaxItem`s and engine events become the
window's events. It runs on worker threads and on the engine's threads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from faxdesk.api.models import FINAL_STATUSES, FaxApplication, PhoneNumber
from faxdesk.ui.backend import (
    ApplicationsChanged,
    BackendProblem,
    FaxChanged,
    FaxItem,
    FaxReceived,
    Listener,
    OutboxChanged,
    SendRequest,
    SyncStateChanged,
    TimelineEntry,
    journal_id_of,
    pending_id,
)

#: Journal states of a send Telnyx has not (visibly) created yet. `fax_created` stays a pending
#: row until the fax row exists (`tracking`), so the user never sees a gap.
_PENDING_STATES = ("prepared", "media_uploaded", "fax_created")


def _time(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def pending_item(entry: Any) -> FaxItem | None:
    """The row for a journal entry not yet a fax on the server (None once it is, or dropped)."""
    if entry.state == "rejected":
        kind = "rejected"
    elif entry.state not in _PENDING_STATES:
        return None
    elif entry.error and entry.next_attempt_at is None:
        kind = "held"  # the key was refused: it resumes once a working key is set
    elif entry.error:
        kind = "waiting"
    elif entry.next_attempt_at is not None:
        kind = "scheduled"  # an automatic retry waiting for its time
    else:
        kind = "preparing" if entry.state == "prepared" else "uploading"
    return FaxItem(
        id=pending_id(entry.id),
        direction="outbound",
        # Rejected counts as failed for the status filter and offers Resend; the rest is active.
        status="failed" if kind == "rejected" else None,
        from_number=entry.from_number,
        to=entry.to,
        connection_id=entry.connection_id,
        created_at=_time(entry.created_at),
        updated_at=_time(entry.updated_at),
        media_name=entry.media_name,
        quality=entry.options.get("quality") if isinstance(entry.options, Mapping) else None,
        document_path=entry.document_path,
        journal_id=entry.id,
        pending=kind,
        pending_error=entry.error,
        next_attempt_at=_time(entry.next_attempt_at),
    )


class EngineBackend:
    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self._listeners: list[Listener] = []
        engine.events.subscribe(self._translate)

    @classmethod
    def create(cls, client: Any, settings: Any, *, data_dir: Path | None = None) -> EngineBackend:
        from faxdesk.core.engine import EngineConfig, FaxEngine
        from faxdesk.core.outbox import OutboxConfig
        from faxdesk.core.sync import SyncConfig

        def get(name: str, default: Any) -> Any:
            return getattr(settings, name, default) if settings is not None else default

        if data_dir is None:
            from faxdesk.core.paths import data_dir as default_data_dir

            data_dir = default_data_dir()
        config = EngineConfig(
            sync=SyncConfig(fast_interval=float(get("poll_fast_secs", 5)),
                            slow_interval=float(get("poll_slow_secs", 60))),
            outbox=OutboxConfig(auto_retry=bool(get("auto_retry_enabled", False)),
                                retry_delay=float(get("auto_retry_delay_secs", 300)),
                                max_attempts=int(get("auto_retry_max", 3)),
                                # First wait after a network problem (tests make it short).
                                error_backoff=float(get("outbox_backoff_secs", 5.0))),
            webhook_enabled=bool(get("webhook_listener_enabled", False)),
            webhook_public_key=get("webhook_public_key", "") or None,
            webhook_host=str(get("webhook_host", "127.0.0.1")),
            webhook_port=int(get("webhook_port", 0)),
        )
        return cls(FaxEngine(data_dir, lambda: client, config))

    # events ----------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _publish(self, event: object) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _translate(self, event: object) -> None:
        # Matched by name so this module does not import the core at start-up.
        kind = type(event).__name__
        if kind == "FaxChanged":
            record = getattr(event, "fax", None)
            fax_id = str(getattr(event, "fax_id", ""))
            if record is None:
                self._publish(FaxChanged(None, fax_id, removed=True))
            else:
                self._publish(FaxChanged(FaxItem.from_record(record), fax_id))
        elif kind == "ApplicationsChanged":
            self._publish(ApplicationsChanged(tuple(self.engine.applications())))
        elif kind == "OutboxChanged":
            journal_id = getattr(event, "journal_id", None)
            if isinstance(journal_id, int):
                self._publish_pending(journal_id)
            self._publish(OutboxChanged(self._in_flight()))
        elif kind == "SyncStateChanged":
            self._publish(SyncStateChanged(
                str(getattr(event, "state", "")), getattr(event, "last_sync", None),
                getattr(event, "message", None) or None,
            ))
            self._publish(OutboxChanged(self._in_flight()))
        elif kind == "FaxReceived":
            record = self.engine.store.get_fax(getattr(event, "fax_id", ""))
            if record is not None:
                self._publish(FaxReceived(FaxItem.from_record(record)))
        elif kind == "DownloadFailed":
            self._publish(BackendProblem(str(getattr(event, "message", ""))))

    def _publish_pending(self, journal_id: int) -> None:
        entry = self.engine.store.journal_entry(journal_id)
        item = None if entry is None else pending_item(entry)
        if item is None:
            self._publish(FaxChanged(None, pending_id(journal_id), removed=True))
        else:
            self._publish(FaxChanged(item, item.id))

    def _pending_items(self) -> list[FaxItem]:
        entries = self.engine.store.journal_entries(states=(*_PENDING_STATES, "rejected"))
        items = (pending_item(e) for e in entries)
        return [item for item in items if item is not None]

    def _in_flight(self) -> int:
        faxes = sum(
            1 for r in self.engine.store.in_flight()
            if r.direction == "outbound" and r.status not in FINAL_STATUSES
        )
        sends = sum(1 for e in self.engine.store.journal_entries(unfinished=True)
                    if e.state in ("prepared", "media_uploaded"))
        return faxes + sends

    # lifecycle -------------------------------------------------------------------------------
    def set_client(self, client: Any) -> None:
        """Another key or server: the engine closes the old client and resumes."""
        self.engine.set_client_factory(lambda: client)
        self.engine.sync_now()

    def start(self) -> None:
        self.engine.start()

    def stop(self) -> None:
        self.engine.stop()

    def sync_now(self) -> None:
        self.engine.sync_now()

    def pause(self) -> None:
        self.engine.pause()

    def resume(self) -> None:
        self.engine.resume()

    # faxes -----------------------------------------------------------------------------------
    def list_faxes(self, limit: int | None = None) -> list[FaxItem]:
        faxes = [FaxItem.from_record(r) for r in self.engine.store.list_faxes(limit=limit)]
        return self._pending_items() + faxes

    def get_fax(self, fax_id: str) -> FaxItem | None:
        journal_id = journal_id_of(fax_id)
        if journal_id is not None:
            entry = self.engine.store.journal_entry(journal_id)
            return None if entry is None else pending_item(entry)
        record = self.engine.store.get_fax(fax_id)
        return None if record is None else FaxItem.from_record(record)

    def timeline(self, fax_id: str) -> list[TimelineEntry]:
        journal_id = journal_id_of(fax_id)
        if journal_id is not None:
            entry = self.engine.store.journal_entry(journal_id)
            item = None if entry is None else pending_item(entry)
            if item is None or item.pending is None:
                return []
            steps = [TimelineEntry(item.created_at, "preparing")]
            if item.pending != "preparing":
                steps.append(TimelineEntry(item.updated_at, item.pending, item.pending_error))
            return steps
        return [TimelineEntry(e.at, e.status, e.detail) for e in self.engine.store.timeline(fax_id)]

    def cancel(self, fax_id: str) -> None:
        journal_id = journal_id_of(fax_id)
        if journal_id is not None:
            self._discard(journal_id)
            return
        self.engine.cancel(fax_id)

    def delete(self, fax_id: str) -> None:
        journal_id = journal_id_of(fax_id)
        if journal_id is not None:
            self._discard(journal_id)
            return
        self.engine.delete(fax_id)

    def _discard(self, journal_id: int) -> None:
        if not self.engine.outbox.discard(journal_id):
            raise RuntimeError("This send is being handed to Telnyx right now; "
                               "try again in a moment.")

    def refresh(self, fax_id: str) -> None:
        self.engine.refresh(fax_id)

    def resend(self, fax_id: str) -> str:
        journal_id = journal_id_of(fax_id)
        if journal_id is None:
            return str(self.engine.resend(fax_id))
        # A refused send: a fresh try replaces it (its row goes, the new one appears).
        new_id = self.engine.outbox.resend(journal_id)
        self.engine.outbox.discard(journal_id)
        self.engine.sync_now()
        return pending_id(new_id)

    def mark_read(self, fax_id: str, read: bool) -> None:
        self.engine.mark_read(fax_id, read)

    def document(self, fax_id: str) -> Path | None:
        journal_id = journal_id_of(fax_id)
        if journal_id is not None:
            entry = self.engine.store.journal_entry(journal_id)
            path = None if entry is None else Path(entry.document_path)
            return path if path is not None and path.exists() else None
        record = self.engine.store.get_fax(fax_id)
        if record is None:
            return None
        path = record.downloaded_path or record.document_path
        if path and Path(path).exists():
            return Path(path)
        if record.direction == "inbound" and record.status == "received":
            if record.download_state == "error" and record.download_error:
                raise FileNotFoundError(record.download_error)
            raise FileNotFoundError(QCoreApplication.translate(
                "EngineBackend", "The received document is still being downloaded."))
        return None

    def submit(self, request: SendRequest) -> str:
        return str(self.engine.submit(request.pdf_path, request.to, request.from_number,
                                      request.connection_id, dict(request.options)))

    # applications and numbers ----------------------------------------------------------------
    def list_applications(self) -> list[FaxApplication]:
        return list(self.engine.refresh_applications())

    def create_application(self, fields: Mapping[str, Any]) -> FaxApplication:
        app: FaxApplication = self.engine.create_application(fields)
        return app

    def update_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication:
        app: FaxApplication = self.engine.update_application(app_id, fields)
        return app

    def delete_application(self, app_id: str) -> object:
        return self.engine.delete_application(app_id)

    def list_phone_numbers(self, connection_id: str | None = None) -> Sequence[PhoneNumber]:
        return list(self.engine.list_phone_numbers(connection_id))
