"""Adaptive polling: one filtered list call per tick, whatever the number of faxes in flight.

Each tick lists faxes created at or after a watermark: the older of the oldest in-flight fax and
the newest fax already seen, minus a margin for clock skew. That one window covers new inbound
faxes and every outbound fax still moving; only a fax in flight for longer than `max_window` is
fetched on its own. The loop polls fast while anything is in flight and slowly when idle (slower
still while webhooks arrive), backs off on 429 and network loss, stops on a revoked key, and syncs
at once after the machine wakes (the wall clock jumped further than the monotonic one).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from faxdesk.api.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestAbortedError,
    ServerError,
    TelnyxError,
    TransportError,
)
from faxdesk.api.models import Fax, Page, parse_timestamp
from faxdesk.core.events import (
    EventHub,
    SyncState,
    SyncStateChanged,
)
from faxdesk.core.status import StatusUpdate, apply_polled, apply_status, forget_fax
from faxdesk.core.store import Store, iso

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient

log = logging.getLogger(__name__)

WATERMARK_KEY = "sync.watermark"
#: When a sync last succeeded, in any session (the window shows it before it has synced).
LAST_SUCCESS_KEY = "sync.last_success"


@dataclass(frozen=True, slots=True)
class SyncConfig:
    fast_interval: float = 5.0  # while anything is in flight
    slow_interval: float = 60.0  # when idle
    webhook_factor: float = 6.0  # intervals grow by this while webhooks are healthy
    webhook_healthy_for: float = 600.0  # a valid webhook this recent means "healthy"
    margin: float = 120.0  # seconds subtracted from the watermark
    max_window: float = 2 * 86400.0  # in-flight faxes older than this are fetched one by one
    page_size: int = 250
    initial_pages: int = 4  # first sync of an empty store: this many pages of history
    pages_per_commit: int = 8  # pages already fetched are stored together, up to this many
    backoff_max: float = 300.0
    wake_jump: float = 30.0  # wall clock ahead of monotonic by this much means we slept
    wait_slice: float = 5.0  # the loop re-checks the clocks this often while waiting


@dataclass(frozen=True, slots=True)
class TickPlan:
    """What one tick asks the server: one windowed list (None: first sync) + individual gets."""

    since: datetime | None
    individual: tuple[str, ...] = ()


def plan_tick(
    in_flight: Sequence[tuple[str, datetime | None]],
    watermark: datetime | None,
    now: datetime,
    config: SyncConfig,
) -> TickPlan:
    """Pure planner: from the in-flight faxes (id, created_at) and the watermark, one list call."""
    horizon = now - timedelta(seconds=config.max_window)
    starts: list[datetime] = [watermark] if watermark is not None else []
    individual: list[str] = []
    for fax_id, created in in_flight:
        if created is None or created < horizon:
            individual.append(fax_id)
        else:
            starts.append(created)
    if watermark is None and not starts:
        return TickPlan(None, tuple(individual))
    since = min(starts) - timedelta(seconds=config.margin)
    return TickPlan(since, tuple(individual))


class _PagesAhead:
    """The pages of one list after the first, fetched in order on a helper thread up to `depth`
    pages ahead of the caller, who stores them meanwhile. `take()` waits for the next page and
    raises what its fetch raised; `ready()` says whether one is already there. The client's calls
    can be aborted, so `close()` never outlives `stop()` by more than a request."""

    def __init__(self, fetch: Callable[[int], Page[Fax]], first: int,
                 more: Callable[[Page[Fax], int], bool], depth: int) -> None:
        self._fetch = fetch
        self._more = more
        self._queue: queue.Queue[Page[Fax] | BaseException | None] = queue.Queue(max(2, depth))
        self._closed = threading.Event()
        self._ended = False
        self._thread = threading.Thread(target=self._run, args=(first,),
                                        name="faxdesk-sync-page", daemon=True)
        self._thread.start()

    def _run(self, number: int) -> None:
        while not self._closed.is_set():
            try:
                page = self._fetch(number)
            except BaseException as exc:  # handed to the sync thread in take()
                self._queue.put(exc)
                return
            last = not self._more(page, number)
            self._queue.put(page)
            if last:
                self._queue.put(None)
                return
            number += 1

    def ready(self) -> bool:
        """Whether `take()` would return (or raise) at once."""
        return not self._ended and not self._queue.empty()

    def take(self) -> Page[Fax] | None:
        """The next page; None once the list has no more."""
        if self._ended:
            return None
        item = self._queue.get()
        if item is None or isinstance(item, BaseException):
            self._ended = True
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """Stop fetching: wait for a request under way to end, drop what it brought."""
        self._closed.set()
        while self._thread.is_alive():
            # Make room for a page being handed over, so the thread gets to see it must stop.
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._ended = True


def woke_up(wall_before: float, mono_before: float, wall_now: float, mono_now: float,
            jump: float) -> bool:
    """True when the wall clock moved `jump` seconds more than the monotonic one (a suspend)."""
    return (wall_now - wall_before) - (mono_now - mono_before) > jump


class Syncer:
    """Polls the server; `tick()` is one sync, `start()` runs the loop on its own thread."""

    def __init__(
        self,
        store: Store,
        hub: EventHub,
        get_client: Callable[[], TelnyxClient],
        config: SyncConfig | None = None,
        *,
        after_tick: Sequence[Callable[[], None]] = (),
        after_failed_tick: Sequence[Callable[[], None]] = (),
        extra_busy: Callable[[], bool] | None = None,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._store = store
        self._hub = hub
        self._get_client = get_client
        self.config = config or SyncConfig()
        self._after_tick = list(after_tick)
        self._after_failed_tick = list(after_failed_tick)
        self._extra_busy = extra_busy
        self._wall = wall
        self._mono = monotonic
        self._sleep = sleep
        self._wakeup = threading.Event()
        self._lock = threading.Lock()
        self._tick_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._ticking: int | None = None  # ident of the thread inside tick(), if any
        self._stopping = False
        self._paused = False
        self._now_requested = True
        self._failures = 0
        self._retry_after: float | None = None
        self._webhook_seen: float | None = None
        self.state: SyncState = "ok"
        self.message = ""
        #: What stopped the last tick (None after a good one), for callers that do not retry.
        self.last_error: TelnyxError | None = None
        self.last_sync: datetime | None = None
        self.requests_last_tick = 0

    # --- control --------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="faxdesk-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
            self._stopping = True
        self._wakeup.set()
        if thread is not None:
            thread.join(timeout)

    def sync_now(self) -> None:
        self._now_requested = True
        self._wakeup.set()

    def pause(self) -> None:
        self._paused = True
        self._set_state("paused", "Syncing is paused.")
        self._wakeup.set()

    def resume(self) -> None:
        """Leave pause, or retry after an auth failure (e.g. with a new key)."""
        self._paused = False
        self._failures = 0
        if self.state in ("paused", "auth_failed"):
            self._set_state("ok", "")
        self.sync_now()

    def note_webhook(self) -> None:
        """A valid webhook arrived: polling may slow down."""
        self._webhook_seen = self._mono()

    @property
    def webhooks_healthy(self) -> bool:
        seen = self._webhook_seen
        return seen is not None and self._mono() - seen < self.config.webhook_healthy_for

    def _set_state(self, state: SyncState, message: str) -> None:
        changed = (state, message) != (self.state, self.message)
        self.state, self.message = state, message
        if changed:
            self._hub.publish(SyncStateChanged(state, self.last_sync, message))

    # --- one tick -------------------------------------------------------------------------

    def watermark(self) -> datetime | None:
        return parse_timestamp(self._store.get_value(WATERMARK_KEY))

    def last_success(self) -> datetime | None:
        """When a sync last succeeded: in this session, or else in an earlier one."""
        if self.last_sync is not None:
            return self.last_sync
        return parse_timestamp(self._store.get_value(LAST_SUCCESS_KEY))

    def plan(self) -> TickPlan:
        in_flight = self._store.in_flight_times()
        now = datetime.fromtimestamp(self._wall(), UTC)
        return plan_tick(in_flight, self.watermark(), now, self.config)

    def in_tick(self) -> bool:
        """True while the event being heard comes from the thread running a tick: its listeners
        may leave per-tick work (queueing downloads, say) to the `after_tick` hooks instead of
        doing it once per fax."""
        return self._ticking == self._hub.origin()

    def tick(self) -> bool:
        """One sync. Returns True on success; errors become the sync state (never raised).

        `after_tick` hooks run after a successful tick, `after_failed_tick` hooks after one that
        failed (pages applied before the failure may still need their follow-up work)."""
        if not self._tick_once():
            self._run_hooks(self._after_failed_tick)
            return False
        self._run_hooks(self._after_tick)
        return True

    def _run_hooks(self, hooks: Sequence[Callable[[], None]]) -> None:
        for hook in hooks:
            try:
                hook()
            except Exception:
                log.exception("after-tick hook failed")

    def _tick_once(self) -> bool:
        with self._tick_lock:
            try:
                self._ticking = threading.get_ident()
                try:
                    self._tick()
                finally:
                    self._ticking = None
            except AuthenticationError as exc:
                self.last_error = exc
                self._set_state("auth_failed", f"{exc} Syncing is stopped until a valid key "
                                "is entered; nothing stored locally was lost.")
                return False
            except RequestAbortedError:
                return False
            except RateLimitError as exc:
                self.last_error = exc
                self._failures += 1
                self._retry_after = exc.retry_after
                self._set_state("rate_limited", str(exc))
                return False
            except (TransportError, ServerError) as exc:
                self.last_error = exc
                self._failures += 1
                self._set_state("offline",
                                f"Cannot reach Telnyx: {exc} FaxDesk tries again by itself.")
                return False
            except TelnyxError as exc:
                self.last_error = exc
                self._failures += 1
                self._set_state("offline", str(exc))
                return False
            self._failures = 0
            self._retry_after = None
            self.last_error = None
            self.last_sync = datetime.now(UTC)
            try:
                self._store.set_value(LAST_SUCCESS_KEY, iso(self.last_sync))
            except Exception:  # only a nicety for the next start; the sync itself worked
                log.debug("could not note the time of the sync", exc_info=True)
            # Always published on success: listeners show the time of the last sync.
            self.state = "paused" if self._paused else "ok"
            self.message = "Syncing is paused." if self._paused else ""
            self._hub.publish(SyncStateChanged(self.state, self.last_sync, self.message))
            return True

    def _tick(self) -> None:
        client = self._get_client()
        plan = self.plan()
        requests = 0
        newest = self.watermark()

        def fetch(number: int) -> Page[Fax]:
            return client.list_faxes(created_at_or_after=plan.since, page_number=number,
                                     page_size=self.config.page_size)

        def wanted(number: int) -> bool:
            return plan.since is not None or number <= self.config.initial_pages

        def more(page: Page[Fax], number: int) -> bool:
            return page.has_next and bool(page.items) and wanted(number + 1)

        def note(page: Page[Fax]) -> list[Fax]:
            nonlocal newest, requests
            requests += 1
            faxes = []
            for fax in page.items:
                if not fax.id:
                    continue
                faxes.append(fax)
                if fax.created_at is not None and (newest is None or fax.created_at > newest):
                    newest = fax.created_at
            return faxes

        page = fetch(1)
        # While pages are stored, the next ones are on their way (a history of thousands is many
        # pages: the network and the store then take turns instead of adding up). Pages that
        # are already here when one is stored go into the same transaction, up to
        # `pages_per_commit`: fewer commits write the indexes' pages fewer times over, and the
        # store catches up when it is the slower side. A page never waits for the next one.
        ahead = _PagesAhead(fetch, 2, more, self.config.pages_per_commit) if more(page, 1) else None
        try:
            faxes = note(page)
            while True:
                pages, most = 1, self.config.pages_per_commit
                try:
                    while ahead is not None and pages < most and ahead.ready():
                        following = ahead.take()
                        if following is None:
                            break
                        faxes.extend(note(following))
                        pages += 1
                finally:
                    # What arrived before a failed fetch is stored all the same.
                    apply_polled(self._store, self._hub, faxes)
                following = ahead.take() if ahead is not None else None
                if following is None:
                    break
                faxes = note(following)
        finally:
            if ahead is not None:
                ahead.close()
        for fax_id in plan.individual:
            requests += 1
            try:
                fax = client.get_fax(fax_id)
            except (NotFoundError, PermissionDeniedError):
                # Gone from the server (deleted elsewhere): drop it from the cache.
                forget_fax(self._store, self._hub, fax_id)
                continue
            apply_status(self._store, self._hub, StatusUpdate.from_fax(fax, "poll"))
        if newest is None:
            # An empty account: later ticks still use a window, a day wide so a skewed local
            # clock cannot hide a new fax (the list stays empty until one arrives).
            newest = datetime.fromtimestamp(self._wall(), UTC) - timedelta(days=1)
        self._store.set_value(WATERMARK_KEY, iso(newest))
        self.requests_last_tick = requests

    # --- the loop -------------------------------------------------------------------------

    def busy(self) -> bool:
        if self._store.has_in_flight():
            return True
        return bool(self._extra_busy and self._extra_busy())

    def next_delay(self) -> float:
        """Seconds until the next tick, from the state, the load and the rate-limit headers."""
        cfg = self.config
        if self.state in ("offline", "rate_limited") and self._failures:
            delay = min(cfg.fast_interval * 2.0 ** (self._failures - 1), cfg.backoff_max)
            if self.state == "rate_limited":
                reset = self._rate_limit_reset()
                delay = max(delay, self._retry_after or 0.0, reset or 0.0)
            return delay
        delay = cfg.fast_interval if self.busy() else cfg.slow_interval
        if self.webhooks_healthy:
            delay *= cfg.webhook_factor
        reset = self._rate_limit_reset(exhausted_only=True)
        if reset:
            delay = max(delay, reset)
        return delay

    def _rate_limit_reset(self, exhausted_only: bool = False) -> float | None:
        try:
            info = self._get_client().rate_limit
        except Exception:
            return None
        if info is None:
            return None
        if exhausted_only and info.remaining != 0:
            return None
        if info.reset_after is None:
            return None
        # reset_after counts from when the headers were seen.
        return max(0.0, info.reset_after - (self._wall() - info.observed_at))

    def _stopped_waiting(self) -> bool:
        return self._paused or self.state == "auth_failed"

    def _run(self) -> None:
        while not self._stopping:
            if self._stopped_waiting():
                self._wakeup.wait()
                self._wakeup.clear()
                continue
            self._now_requested = False
            self.tick()
            if self._stopping:
                break
            self._wait(self.next_delay())

    def _wait(self, delay: float) -> None:
        """Sleep up to `delay`, ending early on sync_now/stop/pause or after a suspend."""
        wall0, mono0 = self._wall(), self._mono()
        while not self._stopping and not self._now_requested:
            elapsed = self._mono() - mono0
            if elapsed >= delay or self._stopped_waiting():
                return
            if woke_up(wall0, mono0, self._wall(), self._mono(), self.config.wake_jump):
                log.info("the machine woke up; syncing now")
                return
            chunk = min(delay - elapsed, self.config.wait_slice)
            if self._sleep is not None:
                self._sleep(chunk)
            else:
                self._wakeup.wait(chunk)
                self._wakeup.clear()
