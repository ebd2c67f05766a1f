"""Paint probe for bench/setup_time.py: Python imports this file at start-up when its folder is on
PYTHONPATH. In a process started as `python -m faxdesk ...` with FAXDESK_PAINT_REPORT set, the
first painted main window writes `time.monotonic()` (system-wide, so the bench can subtract the
moment it ran `scripts/faxdesk`) to that file and quits the app. Every other process (pip, uv's
build backends, the bench itself) only pays for the check below.
"""

from __future__ import annotations

import itertools
import os
import sys


def _started_as_faxdesk() -> bool:
    argv = list(getattr(sys, "orig_argv", []))
    return any(pair == ("-m", "faxdesk") for pair in itertools.pairwise(argv))


def _install(report: str) -> None:
    import time

    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (not self.seen and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QtWidgets.QMainWindow)):
                self.seen = True
                # The frame is done when the event loop comes back: every child paints this pass.
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            with open(report, "w", encoding="utf-8") as out:
                out.write(f"{time.monotonic():.6f}\n")
            app = QtWidgets.QApplication.instance()
            if app is not None:
                app.quit()

    class ProbedApplication(QtWidgets.QApplication):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = FirstPaint()
            self.installEventFilter(self._first_paint)

    # FaxDesk imports QApplication from here after this ran, and so makes a probed one.
    QtWidgets.QApplication = ProbedApplication  # type: ignore[misc,assignment]


_report = os.environ.get("FAXDESK_PAINT_REPORT")
if _report and _started_as_faxdesk():
    _install(_report)
