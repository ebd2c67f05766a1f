"""The engine's event hub: typed events, plain Python callbacks.

Ordering: `publish` calls the listeners synchronously, on the publishing thread, in the order
they subscribed; an event is published after the store transaction it reports has committed, so
a listener that reads the store sees at least that change. Events from one engine thread arrive
in the order that thread published them; events from different threads may interleave, except
`FaxChanged`: those go through `in_commit_order`, so a listener never gets an older picture of a
fax after a newer one (a fax marked read on the worker while a sync stores it).

Two layers of events:
- store-level (`FaxChanged`, `JournalChanged`): one per committed change of a fax record or a
  journal entry; the engine's own parts (outbox, inbox, the row publisher) react to them.
- what the front doors show (`RowChanged`, `RowRemoved`, `InFlightChanged`, `SyncStateChanged`,
  `ApplicationsChanged`, `FaxReceived`, `DownloadFailed`): rows of the read model
  (`faxdesk.core.rows`), each change published once.

A listener that raises is logged and skipped, so one broken listener never stops the engine.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, TypeVar, cast, overload

from faxdesk.api.models import FaxApplication
from faxdesk.core.records import FaxRecord
from faxdesk.core.rows import FaxRow, PendingKind

log = logging.getLogger(__name__)

SyncState = Literal["ok", "offline", "auth_failed", "rate_limited", "paused", "no_account"]


@dataclass(frozen=True, slots=True)
class FaxChanged:
    """A fax record was stored or deleted (store level)."""

    fax_id: str
    old_status: str | None
    new_status: str | None
    fax: FaxRecord | None  # None when the fax was deleted


@dataclass(frozen=True, slots=True)
class JournalChanged:
    """A journal entry was written (store level)."""

    journal_id: int


@dataclass(frozen=True, slots=True)
class RowChanged:
    """A row appeared or changed. `previous_status` / `previous_pending`: the row's Telnyx
    status and pending kind before this change (both None: the row is new)."""

    row: FaxRow
    previous_status: str | None
    previous_pending: PendingKind | None = None


@dataclass(frozen=True, slots=True)
class RowRemoved:
    row_id: str


@dataclass(frozen=True, slots=True)
class InFlightChanged:
    """How many outbound faxes are on their way (pending sends included)."""

    count: int


@dataclass(frozen=True, slots=True)
class ApplicationsChanged:
    applications: tuple[FaxApplication, ...]


@dataclass(frozen=True, slots=True)
class SyncStateChanged:
    state: SyncState
    last_sync: datetime | None
    message: str


@dataclass(frozen=True, slots=True)
class FaxReceived:
    """A received fax's document is on disk (a received fax's row id is its fax id).

    `news`: the fax arrived while this FaxDesk was running and syncing, so it is worth telling
    the person at once; faxes found by the first sync of a session (history, or received while
    FaxDesk was closed) are not."""

    fax_id: str
    path: Path
    news: bool = False


@dataclass(frozen=True, slots=True)
class DownloadFailed:
    fax_id: str
    message: str
    will_retry: bool


@dataclass(frozen=True, slots=True)
class ListenerFailed:
    """The webhook listener could not start; syncing goes on by polling. `message` is in words
    and names the port and the fix, for the window to show."""

    message: str
    host: str
    port: int


Event = (
    FaxChanged | JournalChanged | RowChanged | RowRemoved | InFlightChanged | ApplicationsChanged
    | SyncStateChanged | FaxReceived | DownloadFailed | ListenerFailed
)
E = TypeVar("E", bound=Event)
Unsubscribe = Callable[[], None]
_AnyListener = Callable[[Event], None]


class EventHub:
    """Thread-safe subscribe / unsubscribe / publish.

    A sync publishes two events per fax, thousands in a row: who hears an event of a given type
    is worked out once (and again after a subscribe or unsubscribe), not per event."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[tuple[_AnyListener, type[Event] | None]] = []
        #: The listeners of each event type met so far, in subscription order; replaced, never
        #: changed in place, so `publish` reads it without the lock.
        self._routes: dict[type[Event], tuple[_AnyListener, ...]] = {}
        #: Events posted by `in_commit_order` and the thread that posted each, oldest first.
        self._posted: deque[tuple[Event, int]] = deque()
        self._delivering = threading.Lock()
        self._origin = threading.local()

    @overload
    def subscribe(self, listener: Callable[[Event], None]) -> Unsubscribe: ...

    @overload
    def subscribe(self, listener: Callable[[E], None], kind: type[E]) -> Unsubscribe: ...

    def subscribe(self, listener: Callable[[E], None] | Callable[[Event], None],
                  kind: type[E] | None = None) -> Unsubscribe:
        """Call `listener(event)` for every event, or only for events of `kind`."""
        entry = (cast(_AnyListener, listener), cast("type[Event] | None", kind))
        with self._lock:
            self._listeners.append(entry)
            self._routes = {}

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._listeners:
                    self._listeners.remove(entry)
                    self._routes = {}

        return unsubscribe

    def publish(self, event: Event) -> None:
        listeners = self._routes.get(type(event))
        if listeners is None:
            listeners = self._route(type(event))
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("event listener %r failed on %s", listener, type(event).__name__)

    def listens(self, *kinds: type[Event]) -> bool:
        """Whether anyone hears events of any of `kinds` (making an event nobody hears may be
        skipped)."""
        for kind in kinds:
            listeners = self._routes.get(kind)
            if listeners is None:
                listeners = self._route(kind)
            if listeners:
                return True
        return False

    def post(self, event: Event) -> None:
        """Queue `event` for `deliver` (see `in_commit_order`)."""
        self._posted.append((event, threading.get_ident()))

    def deliver(self) -> None:
        """Publish the posted events, oldest first, one thread at a time. Never waits: while
        another thread (or a listener further up this one) is delivering, it delivers these."""
        while self._posted:
            if not self._delivering.acquire(blocking=False):
                return
            try:
                while self._posted:
                    event, origin = self._posted.popleft()
                    self._origin.ident = origin
                    try:
                        self.publish(event)
                    finally:
                        self._origin.ident = None
            finally:
                self._delivering.release()

    def publish_in_turn(self, event: Event) -> None:
        """Publish `event` after every event posted before it: news that follows a stored
        change (a fax received once its document is stored) never overtakes that change."""
        self.post(event)
        self.deliver()

    def origin(self) -> int:
        """The thread whose change the event now being heard reports: the one that posted it
        (the current thread outside `deliver`)."""
        ident: int | None = getattr(self._origin, "ident", None)
        return ident if ident is not None else threading.get_ident()

    def _route(self, event_type: type[Event]) -> tuple[_AnyListener, ...]:
        with self._lock:
            listeners = tuple(listener for listener, kind in self._listeners
                              if kind is None or issubclass(event_type, kind))
            self._routes = {**self._routes, event_type: listeners}
        return listeners


@contextmanager
def in_commit_order(
    hub: EventHub, store_lock: AbstractContextManager[object]
) -> Iterator[Callable[[Event], None]]:
    """Hold `store_lock` (the store's, which every commit holds) while the body writes and posts
    the events of what it wrote; they are published after it, in the order of the commits."""
    try:
        with store_lock:
            yield hub.post
    finally:
        hub.deliver()
