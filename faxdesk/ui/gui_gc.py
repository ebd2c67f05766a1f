"""Python's cyclic garbage collector runs on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate: a worker, the engine's sync
thread, the sandbox's HTTP threads. A closed dialog that only a reference cycle keeps alive (most
PySide widgets are: a child's slot refers back to its parent) is then destroyed there, and a Qt
widget deleted off the GUI thread corrupts memory; the crash shows up later anywhere (in the test
suite: a segfault inside sqlite's close()). The remedy is the one calibre and Anki use: turn
automatic collection off and collect from a timer on the GUI thread, with the same thresholds.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread checks whether a collection is due.
CHECK_INTERVAL_MS = 500


class GuiGarbageCollector(QObject):
    """While it runs, only the GUI thread collects cyclic garbage (see the module docstring)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("GuiGarbageCollector must be created on the GUI thread")
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)
        gc.disable()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as CPython would."""
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self._threshold
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to automatic collection (after a last collection here, on the GUI thread)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
