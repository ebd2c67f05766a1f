"""The one bridge between the GUI thread and everything slow.

`Worker.submit(fn, ...)` runs a callable on a thread pool and delivers its result (or the exception
it raised) on the GUI thread, in the spirit of Anki's task manager and Vorta's jobs manager: the GUI
thread only paints and reacts. `EventBridge` turns plain callbacks from other threads (the core's
event hub) into a Qt signal received on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

#: How long quitting waits for running tasks before leaving them behind (they are daemon-like:
#: the backend's stop() aborts their network calls first).
SHUTDOWN_WAIT_MS = 1000


class _Relay(QObject):
    """Lives on the GUI thread; the runnable emits through it, so delivery is queued."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the caller's error handler, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Worker(QObject):
    """Runs callables off the GUI thread; results and errors come back as GUI-thread calls."""

    #: Emitted on the GUI thread when a task failed and had no error handler of its own.
    unhandledError = Signal(object)
    #: Number of tasks queued or running (for a busy indicator).
    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self._closed = False

    @property
    def pending(self) -> int:
        return len(self._relays)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> bool:
        """Run `fn(*args, **kwargs)` on the pool; returns False when the worker is shut down."""
        if self._closed:
            return False
        relay = _Relay()
        # Queued: the slot runs on the GUI thread's event loop whichever thread emits.
        relay.succeeded.connect(
            lambda result: self._finish(relay, on_done, result), Qt.ConnectionType.QueuedConnection
        )
        relay.failed.connect(
            lambda exc: self._fail(relay, on_error, exc), Qt.ConnectionType.QueuedConnection
        )
        self._relays.add(relay)
        self.busyChanged.emit(len(self._relays))
        self._pool.start(_Task(lambda: fn(*args, **kwargs), relay))
        return True

    def _finish(self, relay: _Relay, on_done: Callable[[Any], None] | None, result: Any) -> None:
        self._release(relay)
        if on_done is not None and not self._closed:
            on_done(result)

    def _fail(
        self, relay: _Relay, on_error: Callable[[BaseException], None] | None, exc: BaseException
    ) -> None:
        self._release(relay)
        if self._closed:
            return
        if on_error is not None:
            on_error(exc)
        else:
            log.warning("background task failed: %s", exc)
            self.unhandledError.emit(exc)

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        self.busyChanged.emit(len(self._relays))

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until queued work has run (tests and shutdown only)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Drop queued tasks, wait briefly for running ones; True when all finished."""
        self._closed = True
        self._pool.clear()
        done = bool(self._pool.waitForDone(wait_ms))
        if not done:
            log.warning("quitting with background tasks still running")
        return done


class EventBridge(QObject):
    """Receives events on any thread (`post`) and re-emits them on the GUI thread (`event`)."""

    received = Signal(object)
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, event: object) -> None:
        """Callable from any thread (give it to the core's subscribe())."""
        self._posted.emit(event)

    @Slot(object)
    def _deliver(self, event: object) -> None:
        self.received.emit(event)
