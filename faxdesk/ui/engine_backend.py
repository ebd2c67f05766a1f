"""`Backend` over the core's FaxEngine: the store, the outbox, sync and the inbox (no Qt).

This adapter only translates: engine records become `FaxItem`s and engine events become the
window's events. It runs on worker threads and on the engine's threads.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
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
)


def engine_available() -> bool:
    return importlib.util.find_spec("faxdesk.core.engine") is not None


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
                                max_attempts=int(get("auto_retry_max", 3))),
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

    def _in_flight(self) -> int:
        return sum(
            1 for r in self.engine.store.in_flight()
            if r.direction == "outbound" and r.status not in FINAL_STATUSES
        )

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
        return [FaxItem.from_record(r) for r in self.engine.store.list_faxes(limit=limit)]

    def get_fax(self, fax_id: str) -> FaxItem | None:
        record = self.engine.store.get_fax(fax_id)
        return None if record is None else FaxItem.from_record(record)

    def timeline(self, fax_id: str) -> list[TimelineEntry]:
        return [TimelineEntry(e.at, e.status, e.detail) for e in self.engine.store.timeline(fax_id)]

    def cancel(self, fax_id: str) -> None:
        self.engine.cancel(fax_id)

    def delete(self, fax_id: str) -> None:
        self.engine.delete(fax_id)

    def refresh(self, fax_id: str) -> None:
        self.engine.refresh(fax_id)

    def resend(self, fax_id: str) -> str:
        return str(self.engine.resend(fax_id))

    def mark_read(self, fax_id: str, read: bool) -> None:
        self.engine.mark_read(fax_id, read)

    def document(self, fax_id: str) -> Path | None:
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
