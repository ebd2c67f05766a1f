"""Child process of bench_startup: start a window, print when its first frame is painted, quit.

`python _gui_first_paint.py bare`      a bare PySide6 QMainWindow (the floor)
`python _gui_first_paint.py bare_text` the same with a menu bar and one line of text
`python _gui_first_paint.py sandbox`   FaxDesk through its real entry point: `faxdesk --sandbox`
`python _gui_first_paint.py account`   `faxdesk` on an account (settings and key prepared by the
                                       parent: the API is a sandbox in the parent's process)

The QApplication is made here first, and every main window gets an event filter when it is
shown, so its first paint is seen; FaxDesk's `run_app` uses the existing application. Prints
`PAINTED <monotonic>` when the first main window (any QMainWindow: FaxDesk's first frame) has
painted, `READY <monotonic>` when FaxDesk's own `MainWindow` has (the window that works; for the
bare window both are the same), with CLOCK_MONOTONIC, which is system-wide: the parent subtracts
its own time before the start; then `MAXRSS <KiB>`, and quits.
"""

from __future__ import annotations

import builtins
import contextlib
import runpy
import sys
import time

from _peak import peak_rss_kib
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

# Importing PySide6 replaced Python's import with one that reads every later module's source
# (see faxdesk/ui/__init__.py). FaxDesk's own start never runs under it: PySide6 is first
# imported by faxdesk.ui, which puts the plain import back at once. Here PySide6 comes first
# (the application must exist before FaxDesk runs), so the plain import is put back here too,
# or the modules FaxDesk loads before faxdesk.ui would pay a price no real start pays.
if getattr(builtins.__import__, "__name__", "") == "__feature_import__":
    builtins.__import__ = builtins.__orig_import__  # type: ignore[attr-defined]


class FirstPaint(QObject):
    def __init__(self, ready_class: str) -> None:
        super().__init__()
        self.ready_class = ready_class
        self.seen = False
        self.ready = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(obj, QMainWindow):
            return False
        if not self.seen:
            self.seen = True
            # The frame is done when the event loop comes back: every child paints in this pass.
            QTimer.singleShot(0, lambda: print(f"PAINTED {time.monotonic():.6f}", flush=True))
        if not self.ready and type(obj).__name__ == self.ready_class:
            self.ready = True
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(f"READY {time.monotonic():.6f}", flush=True)
        print(f"MAXRSS {peak_rss_kib()}", flush=True)
        app = QApplication.instance()
        if app is not None:
            app.quit()


def main() -> None:
    mode = sys.argv[1]
    # What run_app does before making its application; it must come first.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint("QMainWindow" if mode.startswith("bare") else "MainWindow")
    # The watcher hears each main window from when it is shown, and nothing else. Filtering every
    # object's events from Python instead would make PySide create the Python type (and its enums)
    # of every object that gets an event: about 25 ms in the bare window with text, which the
    # measurement would add to what it measures.
    original_show = QMainWindow.show

    def show(window: QMainWindow) -> None:
        window.installEventFilter(watcher)
        original_show(window)

    QMainWindow.show = show  # type: ignore[method-assign]
    if mode.startswith("bare"):
        window = QMainWindow()
        window.setWindowTitle("bare")
        if mode == "bare_text":  # words on screen: the font system loads before the paint
            from PySide6.QtWidgets import QLabel

            window.menuBar().addMenu("&File")
            window.setCentralWidget(QLabel("A bare window that shows one line of text"))
        window.resize(1200, 720)
        window.show()
        app.exec()
        return
    sys.argv = ["faxdesk", "--sandbox"] if mode == "sandbox" else ["faxdesk"]
    with contextlib.suppress(SystemExit):
        runpy.run_module("faxdesk", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
