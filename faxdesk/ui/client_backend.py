"""A minimal `Backend` straight over `TelnyxClient`, for when the core engine is not available.

It keeps faxes in memory (no store, no journal, no inbox downloads ahead of time) and polls with
one filtered list call per tick from a watermark, faster while anything is in flight. It exists so
the window can run and be tested against the sandbox on its own; the real app uses EngineBackend.
No Qt here: this runs on worker threads and the poller thread.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from faxdesk.api.errors import (
    ApiError,
    AuthenticationError,
    RateLimitError,
    ServerError,
    TelnyxError,
    TransportError,
)
from faxdesk.api.models import FINAL_STATUSES, Fax, FaxApplication, PhoneNumber
from faxdesk.ui.backend import (
    ApplicationsChanged,
    FaxChanged,
    FaxesReloaded,
    FaxItem,
    FaxReceived,
    Listener,
    OutboxChanged,
    SendRequest,
    SyncStateChanged,
    TimelineEntry,
)

log = logging.getLogger(__name__)


class ClientBackend:
    def __init__(
        self,
        client: Any,
        *,
        poll_fast_secs: float = 2.0,
        poll_slow_secs: float = 30.0,
        cache_dir: Path | None = None,
    ) -> None:
        self._client = client
        self.poll_fast_secs = poll_fast_secs
        self.poll_slow_secs = poll_slow_secs
        self._cache_dir = cache_dir or Path(tempfile.mkdtemp(prefix="faxdesk-docs-"))
        self._cache_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._faxes: dict[str, FaxItem] = {}
        self._timelines: dict[str, list[TimelineEntry]] = {}
        self._unread: set[str] = set()
        # Deleted here: a poll fetched before the DELETE must not bring them back.
        self._deleted: set[str] = set()
        self._listeners: list[Listener] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._paused = False
        self._thread: threading.Thread | None = None
        self._synced_once = False

    # lifecycle -------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _publish(self, event: object) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop syncing
                log.exception("event listener failed")

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="faxdesk-poller", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        abort = getattr(self._client, "abort", None)
        if callable(abort):
            abort()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None

    def pause(self) -> None:
        self._paused = True
        self._publish(SyncStateChanged("paused", None, None))

    def resume(self) -> None:
        self._paused = False
        self._wake.set()

    def sync_now(self) -> None:
        self._sync()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._paused:
                self._sync()
            with self._lock:
                busy = any(f.status not in FINAL_STATUSES for f in self._faxes.values())
            self._wake.wait(self.poll_fast_secs if busy else self.poll_slow_secs)
            self._wake.clear()

    # sync ------------------------------------------------------------------------------------
    def _watermark(self) -> datetime | None:
        with self._lock:
            if not self._synced_once:
                return None
            open_times = [
                f.created_at for f in self._faxes.values()
                if f.status not in FINAL_STATUSES and f.created_at is not None
            ]
            if open_times:
                return min(open_times)
            seen = [f.created_at for f in self._faxes.values() if f.created_at is not None]
        # New faxes (inbound ones, or sent elsewhere) appear after the newest seen.
        return max(seen) - timedelta(seconds=1) if seen else None

    def _sync(self) -> None:
        try:
            since = self._watermark()
            faxes = list(self._client.iter_faxes(created_at_or_after=since))
        except AuthenticationError as exc:
            self._publish(SyncStateChanged("auth_failed", None, str(exc)))
            return
        except RateLimitError as exc:
            self._publish(SyncStateChanged("rate_limited", None, str(exc)))
            return
        except (TransportError, ServerError) as exc:
            if not self._stop.is_set():
                self._publish(SyncStateChanged("offline", None, str(exc)))
            return
        except TelnyxError as exc:
            self._publish(SyncStateChanged("error", None, str(exc)))
            return
        first = not self._synced_once
        for fax in faxes:
            self._apply(fax, announce=not first, publish=not first)
        self._synced_once = True
        if first:
            self._publish(FaxesReloaded())
        self._publish(SyncStateChanged("ok", datetime.now(UTC), None))
        self._publish(OutboxChanged(self._in_flight()))

    def _in_flight(self) -> int:
        with self._lock:
            return sum(
                1 for f in self._faxes.values()
                if f.direction == "outbound" and f.status not in FINAL_STATUSES
            )

    def _apply(self, fax: Fax, *, announce: bool = True, publish: bool = True) -> FaxItem:
        with self._lock:
            if fax.id in self._deleted:
                return FaxItem.from_record(fax)
            old = self._faxes.get(fax.id)
            item = FaxItem.from_record(fax)
            if old is not None:
                # Keep what only the window knows, and what the list call does not repeat.
                item = _merge(old, item)
            item = _with(item, read=fax.id not in self._unread)
            changed = old != item
            self._faxes[fax.id] = item
            if old is None or old.status != item.status:
                self._timelines.setdefault(fax.id, []).append(
                    TimelineEntry(item.updated_at or datetime.now(UTC), item.status or "unknown",
                                  item.failure_reason)
                )
            received = (
                announce and item.direction == "inbound" and item.status == "received"
                and (old is None or old.status != "received")
            )
            if received:
                self._unread.add(fax.id)
                item = _with(item, read=False)
                self._faxes[fax.id] = item
        if changed and publish:
            self._publish(FaxChanged(item, item.id))
        if received:
            self._publish(FaxReceived(item))
        return item

    # faxes -----------------------------------------------------------------------------------
    def list_faxes(self, limit: int | None = None) -> list[FaxItem]:
        with self._lock:
            items = sorted(
                self._faxes.values(),
                key=lambda f: f.created_at or datetime.min.replace(tzinfo=UTC),
                reverse=True,
            )
        return items[:limit] if limit else items

    def get_fax(self, fax_id: str) -> FaxItem | None:
        with self._lock:
            return self._faxes.get(fax_id)

    def timeline(self, fax_id: str) -> list[TimelineEntry]:
        with self._lock:
            return list(self._timelines.get(fax_id, []))

    def _reload(self, fax_id: str) -> FaxItem:
        return self._apply(self._client.get_fax(fax_id))

    def cancel(self, fax_id: str) -> None:
        self._client.cancel_fax(fax_id)
        self._reload(fax_id)
        self._wake.set()

    def delete(self, fax_id: str) -> None:
        self._client.delete_fax(fax_id)
        with self._lock:
            self._deleted.add(fax_id)
            self._faxes.pop(fax_id, None)
            self._timelines.pop(fax_id, None)
        self._publish(FaxChanged(None, fax_id, removed=True))

    def refresh(self, fax_id: str) -> None:
        self._client.refresh_fax(fax_id)
        self._reload(fax_id)

    def resend(self, fax_id: str) -> str:
        old = self.get_fax(fax_id) or self._reload(fax_id)
        if not (old.connection_id and old.from_number and old.to):
            raise ValueError(QCoreApplication.translate(
                "ClientBackend",
                "This fax lacks the numbers or application needed to send it again."))
        kwargs: dict[str, Any] = {}
        if old.media_name:
            kwargs["media_name"] = old.media_name
        elif old.media_url:
            kwargs["media_url"] = old.media_url
        else:
            raise ValueError(QCoreApplication.translate(
                "ClientBackend", "The document of this fax is no longer available on Telnyx."))
        if old.quality:
            kwargs["quality"] = old.quality
        fax = self._client.send_fax(
            connection_id=old.connection_id, from_number=old.from_number, to=old.to, **kwargs
        )
        self._apply(fax)
        self._wake.set()
        return str(fax.id)

    def submit(self, request: SendRequest) -> str:
        media = self._client.upload_media(request.pdf_path)
        fax = self._client.send_fax(
            connection_id=request.connection_id, from_number=request.from_number, to=request.to,
            media_name=media.media_name, **dict(request.options),
        )
        self._apply(fax)
        self._wake.set()
        return str(fax.id)

    def mark_read(self, fax_id: str, read: bool) -> None:
        with self._lock:
            if read:
                self._unread.discard(fax_id)
            else:
                self._unread.add(fax_id)
            item = self._faxes.get(fax_id)
            if item is None:
                return
            item = _with(item, read=read)
            self._faxes[fax_id] = item
        self._publish(FaxChanged(item, fax_id))

    def document(self, fax_id: str) -> Path | None:
        item = self.get_fax(fax_id)
        if item is None:
            return None
        dest = self._cache_dir / f"{fax_id}.pdf"
        if dest.exists():
            return dest
        if item.direction == "inbound":
            fax = self._client.get_fax(fax_id)
            if not fax.media_url:
                return None
            tmp = dest.with_suffix(".part")
            try:
                with tmp.open("wb") as fh:
                    self._client.download_url(fax.media_url, fh)
            except ApiError as exc:
                if exc.status_code not in (403, 404, 410):
                    raise
                # The signed link expired: ask Telnyx for a fresh one and try once more.
                self._client.refresh_fax(fax_id)
                fax = self._client.get_fax(fax_id)
                if not fax.media_url:
                    return None
                with tmp.open("wb") as fh:
                    self._client.download_url(fax.media_url, fh)
            tmp.replace(dest)
            return dest
        if item.media_name:
            dest.write_bytes(self._client.download_media(item.media_name))
            return dest
        return None

    # applications and numbers ----------------------------------------------------------------
    def list_applications(self) -> list[FaxApplication]:
        apps = list(self._client.iter_fax_applications())
        self._publish(ApplicationsChanged(tuple(apps)))
        return apps

    def create_application(self, fields: Mapping[str, Any]) -> FaxApplication:
        app: FaxApplication = self._client.create_fax_application(fields)
        self._publish(ApplicationsChanged(None))
        return app

    def update_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication:
        app: FaxApplication = self._client.update_fax_application(app_id, fields)
        self._publish(ApplicationsChanged(None))
        return app

    def delete_application(self, app_id: str) -> FaxApplication:
        app: FaxApplication = self._client.delete_fax_application(app_id)
        self._publish(ApplicationsChanged(None))
        return app

    def list_phone_numbers(self, connection_id: str | None = None) -> Sequence[PhoneNumber]:
        return list(self._client.iter_phone_numbers(connection_id=connection_id))


def _with(item: FaxItem, **changes: Any) -> FaxItem:
    from dataclasses import replace

    return replace(item, **changes)


def _merge(old: FaxItem, new: FaxItem) -> FaxItem:
    """New server fields win; fields the server left out keep their earlier value."""
    from dataclasses import fields as dc_fields

    values = {}
    for f in dc_fields(FaxItem):
        value = getattr(new, f.name)
        values[f.name] = value if value is not None else getattr(old, f.name)
    return FaxItem(**values)
