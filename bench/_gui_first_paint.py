"""Child process of bench_startup: start a window, print when its first frame is painted, quit.

`python _gui_first_paint.py bare`      a bare PySide6 QMainWindow (the floor)
`python _gui_first_paint.py sandbox`   FaxDesk through its real entry point: `faxdesk --sandbox`
`python _gui_first_paint.py account`   `faxdesk` on an account (settings and key prepared by the
                                       parent: the API is a sandbox in the parent's process)

The QApplication is made here first, so an application-wide event filter sees the main window's
first paint; FaxDesk's `run_app` uses the existing application. Prints `PAINTED <monotonic>`
(CLOCK_MONOTONIC is system-wide: the parent subtracts its own time before the start) and
`MAXRSS <KiB>`.
"""

from __future__ import annotations

import contextlib
import resource
import runpy
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow)):
            self.seen = True
            # The frame is done when the event loop comes back: every child paints in this pass.
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(f"PAINTED {time.monotonic():.6f}", flush=True)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"MAXRSS {rss}", flush=True)
        app = QApplication.instance()
        if app is not None:
            app.quit()


def main() -> None:
    mode = sys.argv[1]
    # What run_app does before making its application; it must come first.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1200, 720)
        window.show()
        app.exec()
        return
    sys.argv = ["faxdesk", "--sandbox"] if mode == "sandbox" else ["faxdesk"]
    with contextlib.suppress(SystemExit):
        runpy.run_module("faxdesk", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
