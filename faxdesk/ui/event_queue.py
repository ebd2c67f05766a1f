"""Engine events to the GUI thread in bursts: one queued call however many events arrived.

`EventBridge` (worker.py) makes one queued Qt call per event. A sync page of 250 faxes is 250
of them, each a trip through Qt's event queue into Python, processed back to back: 5-20 ms in
which the window cannot paint. `EventQueue` collects what the engine's threads publish and wakes
the GUI thread once; that call hands the events, in order, to the handler.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from faxdesk.core.events import Event
from faxdesk.ui.thread_check import any_thread

log = logging.getLogger(__name__)


class EventQueue(QObject):
    _wake = Signal()

    def __init__(self, handler: Callable[[Event], None], *,
                 kinds: tuple[type[Event], ...] | None = None,
                 parent: QObject | None = None) -> None:
        """`handler(event)` runs on the GUI thread for each event of `kinds` (all when None)."""
        super().__init__(parent)
        self._handler = handler
        self._kinds = kinds
        self._lock = threading.Lock()
        self._pending: list[Event] = []
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    @any_thread
    def post(self, event: Event) -> None:
        """Callable from any thread (give it to the core's subscribe())."""
        if self._kinds is not None and not isinstance(event, self._kinds):
            return
        with self._lock:
            wake = not self._pending
            self._pending.append(event)
        if wake:
            # RuntimeError: the window is gone, so nobody is listening any more.
            with contextlib.suppress(RuntimeError):
                self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            events, self._pending = self._pending, []
        for event in events:
            try:
                self._handler(event)
            except Exception:
                log.exception("handling %s failed", type(event).__name__)
