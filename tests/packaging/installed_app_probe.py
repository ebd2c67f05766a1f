"""Run `faxdesk --sandbox` through its real entry point and report once the main window shows
faxes: prints `WINDOW <title>` and `ROWS <n>`, then quits. Used with the Python of a freshly
installed wheel, so what starts is the installed app, not this checkout."""

from __future__ import annotations

import contextlib
import runpy
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def report_when_ready() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            rows = max((t.model().rowCount() for t in widget.findChildren(QTableView)
                        if t.model() is not None), default=0)
            if rows:
                print(f"WINDOW {widget.windowTitle()}", flush=True)
                print(f"ROWS {rows}", flush=True)
                QApplication.quit()
                return
    QTimer.singleShot(100, report_when_ready)


def main() -> None:
    app = QApplication(sys.argv[:1])  # run_app reuses it, so the probe's timer can run
    QTimer.singleShot(100, report_when_ready)
    sys.argv = ["faxdesk", "--sandbox"]
    with contextlib.suppress(SystemExit):
        runpy.run_module("faxdesk", run_name="__main__", alter_sys=True)
    del app


if __name__ == "__main__":
    main()
