"""A listener hub: plain Python callbacks, called on the publishing thread.

The UI bridges these to Qt signals; the CLI prints them. A listener that raises is logged and
skipped, so one broken listener never stops the engine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from faxdesk.core.records import FaxRecord

log = logging.getLogger(__name__)

SyncState = Literal["ok", "offline", "auth_failed", "rate_limited", "paused"]


@dataclass(frozen=True, slots=True)
class FaxChanged:
    fax_id: str
    old_status: str | None
    new_status: str | None
    fax: FaxRecord | None  # None when the fax was deleted


@dataclass(frozen=True, slots=True)
class ApplicationsChanged:
    pass


@dataclass(frozen=True, slots=True)
class OutboxChanged:
    journal_id: int


@dataclass(frozen=True, slots=True)
class SyncStateChanged:
    state: SyncState
    last_sync: datetime | None
    message: str


@dataclass(frozen=True, slots=True)
class FaxReceived:
    fax_id: str
    path: Path


@dataclass(frozen=True, slots=True)
class DownloadFailed:
    fax_id: str
    message: str
    will_retry: bool


Event = (
    FaxChanged | ApplicationsChanged | OutboxChanged | SyncStateChanged | FaxReceived
    | DownloadFailed
)
Listener = Callable[[Any], None]


class EventHub:
    """Thread-safe subscribe / unsubscribe / publish."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[tuple[Listener, tuple[type, ...] | None]] = []

    def subscribe(self, listener: Listener, *types: type) -> Callable[[], None]:
        """Call `listener(event)` for every event (or only the given types); returns unsubscribe."""
        entry = (listener, tuple(types) or None)
        with self._lock:
            self._listeners.append(entry)

        def unsubscribe() -> None:
            self.unsubscribe(listener)

        return unsubscribe

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [e for e in self._listeners if e[0] is not listener]

    def publish(self, event: object) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener, types in listeners:
            if types is not None and not isinstance(event, types):
                continue
            try:
                listener(event)
            except Exception:
                log.exception("event listener %r failed on %s", listener, type(event).__name__)


@dataclass(frozen=True, slots=True)
class ListenerFailed:
    """The webhook listener could not start; syncing goes on by polling. `message` is in words
    and names the port and the fix, for the window to show."""

    message: str
    host: str
    port: int
