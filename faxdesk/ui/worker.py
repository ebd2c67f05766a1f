"""The one bridge between the GUI thread and everything slow.

`Worker.submit(fn, ...)` runs a callable on a small pool of daemon threads and delivers its result
(or the exception it raised) on the GUI thread, in the spirit of Anki's task manager and Vorta's
jobs manager: the GUI thread only paints and reacts. `EventBridge` turns plain callbacks from other
threads (the core's event hub) into a Qt signal received on the GUI thread.

Why daemon threads and not QThreadPool: a task stuck on the network must never hold up quitting,
and QThreadPool's destructor waits for every running task. Results travel through one relay
object per worker that is never deleted, so a task that finishes after its window is gone has
something safe to emit on (its result is then dropped).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import queue
import threading
import time
import types
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from faxdesk.ui.thread_check import any_thread, check_task

log = logging.getLogger(__name__)

#: How long quitting waits for running tasks before leaving them behind (the backend's stop()
#: aborts their network calls first, so they end soon after).
SHUTDOWN_WAIT_MS = 1000

R = TypeVar("R")
OnError = Callable[[BaseException], None]
#: A finished task's callback, stored without its result type (the task and it agree on it).
_OnAnyDone = Callable[[object], None]


class TaskRunner(Protocol):
    """Runs ``fn(*args)`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread
    (`Worker` is the one the app uses; dialogs take this so tests can run tasks inline)."""

    def submit(
        self,
        fn: Callable[..., R],
        *args: object,
        on_done: Callable[[R], None] | None = None,
        on_error: OnError | None = None,
        **kwargs: object,
    ) -> bool: ...


class LatestAnswer:
    """For a read that is repeated (a list reloaded after each change): only the answer of the
    newest read is used. Tasks run side by side on the pool, so an older read may answer last,
    and it would bring back what was there before the change. GUI thread only."""

    def __init__(self) -> None:
        self._asked = 0

    def newest(self, on_done: Callable[[R], None]) -> Callable[[R], None]:
        """`on_done`, for the read about to be submitted, called only if no later read was."""
        self._asked += 1
        ticket = self._asked

        def done(result: R) -> None:
            if ticket == self._asked:
                on_done(result)

        return done


class _Relay(QObject):
    """Lives on the GUI thread; pool threads emit through it, so delivery is queued."""

    finished = Signal(int, bool, object)


# Relays are kept for the life of the process: a late task may still emit on one.
_RELAYS: list[_Relay] = []


class Worker(QObject):
    """Runs callables off the GUI thread; results and errors come back as GUI-thread calls."""

    #: Emitted on the GUI thread when a task failed and had no error handler of its own.
    unhandledError = Signal(object)
    #: Number of tasks queued or running (for a busy indicator).
    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        _RELAYS.append(self._relay)
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._max_threads = max_threads
        self._queue: queue.SimpleQueue[tuple[int, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._handlers: dict[int, tuple[_OnAnyDone | None, OnError | None]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._unfinished = 0  # queued or running (for wait_idle)
        self._closed = False

    @property
    def pending(self) -> int:
        return len(self._handlers)

    def submit(
        self,
        fn: Callable[..., R],
        *args: object,
        on_done: Callable[[R], None] | None = None,
        on_error: OnError | None = None,
        **kwargs: object,
    ) -> bool:
        """Run `fn(*args, **kwargs)` on the pool; returns False when the worker is shut down."""
        check_task(fn, args, kwargs)
        if self._closed:
            return False
        task_id = next(self._ids)
        self._handlers[task_id] = (cast("_OnAnyDone | None", on_done), on_error)
        with self._lock:
            self._unfinished += 1
            idle_threads = self._unfinished > len(self._threads)
            if idle_threads and len(self._threads) < self._max_threads:
                thread = threading.Thread(target=self._run, name="faxdesk-worker", daemon=True)
                self._threads.append(thread)
                thread.start()
        self._queue.put((task_id, lambda: fn(*args, **kwargs)))
        self.busyChanged.emit(len(self._handlers))
        return True

    @any_thread
    def _run(self) -> None:
        relay = self._relay
        while True:
            item = self._queue.get()
            if item is None:
                return
            task_id, call = item
            del item
            try:
                result: object = call()
                ok = True
            except BaseException as exc:  # delivered to the caller's error handler, never lost
                result, ok = exc, False
            # The task and its result are released on the GUI thread, not here: either may hold
            # the last reference to a Qt object (a closed dialog's bound method, an exception's
            # frames), and a Qt object deleted on a pool thread corrupts memory. `_deliver`
            # empties the parcel, so whichever thread drops it last drops nothing.
            parcel: list[object] = [call, result]
            del call, result
            try:
                relay.finished.emit(task_id, ok, parcel)
            except RuntimeError:  # the relay's Qt side is gone: the app is exiting
                return
            finally:
                del parcel
                with self._lock:
                    self._unfinished -= 1
                    self._lock.notify_all()

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, parcel: list[object]) -> None:
        _call, payload = parcel
        parcel.clear()
        on_done, on_error = self._handlers.pop(task_id, (None, None))
        self.busyChanged.emit(len(self._handlers))
        if self._closed:
            return
        # A dialog that asked for this may have been closed and freed meanwhile: its answer
        # is dropped (a dialog deletes itself when it closes).
        if ok:
            if on_done is not None and _receiver_alive(on_done):
                on_done(payload)
        elif on_error is not None and isinstance(payload, BaseException):
            if _receiver_alive(on_error):
                on_error(payload)
        else:
            log.warning("background task failed: %s", payload)
            self.unhandledError.emit(payload)

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until queued work has run (tests and shutdown only)."""
        deadline = time.monotonic() + msecs / 1000
        with self._lock:
            while self._unfinished:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Drop queued tasks, wait briefly for running ones; True when all finished."""
        self._closed = True
        while True:  # queued tasks never start
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                with self._lock:
                    self._unfinished -= 1
        for _ in self._threads:
            self._queue.put(None)
        done = self.wait_idle(wait_ms)
        if not done:
            log.warning("quitting with background tasks still running")
        return done


def _receiver_alive(callback: object) -> bool:
    """False for a method (or a partial of one) of a Qt object that has been deleted."""
    while isinstance(callback, functools.partial):
        callback = callback.func
    if isinstance(callback, types.MethodType) and isinstance(callback.__self__, QObject):
        return shiboken6.isValid(callback.__self__)
    return True


class EventBridge(QObject):
    """Receives events on any thread (`post`) and re-emits them on the GUI thread (`received`)."""

    received = Signal(object)
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @any_thread
    def post(self, event: object) -> None:
        """Callable from any thread (give it to the core's subscribe())."""
        # RuntimeError: the window is gone, so nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            self._posted.emit(event)

    @Slot(object)
    def _deliver(self, event: object) -> None:
        self.received.emit(event)
