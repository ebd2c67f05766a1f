"""Child process of bench_responsiveness and bench_memory: the real main window and engine load a
large history from a sandbox in the parent's process, while a heartbeat timer on the GUI thread
records every stall. Writes JSON to the path in FAXDESK_BENCH_OUT.

`python _gui_load.py bare`     a bare QMainWindow, shown and painted: peak RSS only (the floor)
`python _gui_load.py sync`     FaxEngine + MainWindow against FAXDESK_BENCH_URL /
                               FAXDESK_BENCH_KEY, empty store: the window shows the first sync of
                               FAXDESK_BENCH_EXPECT faxes; then the table is driven as a user would
                               (sort, filter, search, select, scroll, reload), each phase timed by
                               the heartbeat.
`python _gui_load.py engine`   the engine's first sync with the heartbeat but no window: the part of
                               the stalls that the engine's threads cause through the GIL.
`python _gui_load.py restart`  the same with the history already in the store, put there by
                               another process (`fill`), as on every start after the first.
`python _gui_load.py after-sync`  as `restart`, but the history is synced headless in this same
                               process just before the window opens: what a long sync leaves
                               behind in the process (its network stack, caches, freed memory).
`python _gui_load.py fill DIR` the engine's sync of the whole history into the store in DIR; no
                               window, no result.
`python _gui_load.py idle`     a bare QMainWindow and the heartbeat for a few seconds, nothing
                               else: what this machine's load alone does to the heartbeat (the
                               floor under every stall figure).

Besides the heartbeat's gaps, the JSON has `action_ms` (how long each table step's call took on
the GUI thread: a sort is done when its call returns) and `store_mb` (the database on disk).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _peak import peak_rss_kib
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from faxdesk.core.engine import FaxEngine

HEARTBEAT_MS = 5
# Time for each table step (and the worker's part of it) before the next; --quick halves it.
STEP_MS = 200 if os.environ.get("FAXDESK_BENCH_QUICK") == "1" else 400
LOAD_TIMEOUT_S = 600


def rss_mb() -> tuple[float, float]:
    """(peak, current) resident set size in MB."""
    peak = peak_rss_kib() / 1024
    with open("/proc/self/statm") as f:
        current = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return peak, current


class Heartbeat:
    """A 5 ms timer on the GUI thread; the gaps between its beats are the stalls a user feels."""

    def __init__(self) -> None:
        self.phase = "idle"
        self.gaps: dict[str, list[float]] = {}
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)

    def start(self, phase: str) -> None:
        self.phase = phase
        self._last = time.perf_counter()
        self.timer.start()

    def set_phase(self, phase: str) -> None:
        self._beat()
        self.phase = phase

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.setdefault(self.phase, []).append((now - self._last) * 1000)
        self._last = now


def run_bare(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 720)
    window.show()
    QTimer.singleShot(500, app.quit)
    app.exec()
    peak, current = rss_mb()
    out.write_text(json.dumps({"peak_rss_mb": peak, "rss_mb": current}))


def run_idle(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 720)
    window.show()
    beat = Heartbeat()
    seconds = 1.5 if os.environ.get("FAXDESK_BENCH_QUICK") == "1" else 3.0

    def finish() -> None:
        beat.set_phase("done")
        beat.timer.stop()
        out.write_text(json.dumps({"gaps_ms": beat.gaps}))
        app.quit()

    QTimer.singleShot(300, lambda: beat.start("idle"))
    QTimer.singleShot(300 + int(seconds * 1000), finish)
    app.exec()


def store_mb(data_dir: Path) -> float:
    """The database and its write-ahead log on disk, in MB."""
    return sum(p.stat().st_size for p in data_dir.glob("faxdesk.sqlite3*")) / 2**20


def run_engine_only(out: Path) -> None:
    expect = int(os.environ["FAXDESK_BENCH_EXPECT"])
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="faxdesk-bench-"))
    engine = whole_history_engine(tmp / "data")
    beat = Heartbeat()
    start = time.perf_counter()

    def check() -> None:
        if engine.syncer.last_sync is None and time.perf_counter() - start < 300:
            QTimer.singleShot(50, check)
            return
        beat.set_phase("done")
        beat.timer.stop()
        out.write_text(json.dumps({"expect": expect, "gaps_ms": beat.gaps,
                                   "sync_seconds": time.perf_counter() - start,
                                   "stored": len(engine.store.list_faxes())}))
        engine.stop()
        app.quit()

    beat.start("engine sync")
    engine.start()
    QTimer.singleShot(50, check)
    app.exec()


def whole_history_engine(data_dir: Path) -> FaxEngine:
    """A FaxEngine on the sandbox whose first sync fetches the whole history (by default it
    fetches `initial_pages` = 4 pages, 1,000 faxes)."""
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.engine import EngineConfig, FaxEngine
    from faxdesk.core.sync import SyncConfig

    expect = int(os.environ["FAXDESK_BENCH_EXPECT"])
    client = TelnyxClient(os.environ["FAXDESK_BENCH_KEY"], base_url=os.environ["FAXDESK_BENCH_URL"])
    pages = math.ceil(expect / 250) + 1
    return FaxEngine(data_dir, lambda: client, EngineConfig(sync=SyncConfig(initial_pages=pages)))


def run_fill(data_dir: Path) -> None:
    engine = whole_history_engine(data_dir)
    engine.syncer.tick()
    engine.stop()


def run_faxdesk(out: Path, mode: str) -> None:
    from faxdesk.ui.main_window import MainWindow

    expect = int(os.environ["FAXDESK_BENCH_EXPECT"])
    restart = mode in ("restart", "after-sync")
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="faxdesk-bench-"))
    if mode == "restart":  # what an earlier session left in the store
        subprocess.run([sys.executable, __file__, "fill", str(tmp / "data")], check=True)
    engine = whole_history_engine(tmp / "data")
    if mode == "after-sync":
        engine.syncer.tick()
    state = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, state=state)
    window.show()
    beat = Heartbeat()
    result: dict[str, Any] = {"expect": expect}
    marks: dict[str, float] = {}

    steps: list[tuple[str, Callable[[], None]]] = []
    table, proxy = window.table, window.proxy
    filters = window.fax_list

    def add(phase: str, action: Callable[[], None]) -> None:
        steps.append((phase, action))

    ascending = Qt.SortOrder.AscendingOrder
    for col, name in ((1, "other party"), (2, "status"), (3, "pages"), (0, "direction"),
                      (4, "created, oldest first")):
        add(f"sort by {name}", partial(table.sortByColumn, col, ascending))
    add("sort by created, newest first",
        lambda: table.sortByColumn(4, Qt.SortOrder.DescendingOrder))
    add("filter: received", lambda: filters.direction_filter.setCurrentIndex(2))
    add("filter: failed", lambda: filters.status_filter.setCurrentIndex(3))

    def clear_filters() -> None:
        filters.direction_filter.setCurrentIndex(0)
        filters.status_filter.setCurrentIndex(0)

    add("filters cleared", clear_filters)
    for i, text in enumerate(("3", "31", "312", "3125")):
        add(f"search typed ({i + 1} chars)", partial(window.search.setText, text))
    add("search cleared", lambda: window.search.setText(""))
    add("select first row", lambda: table.selectRow(0))
    add("scroll to bottom", table.scrollToBottom)
    add("select last row", lambda: table.selectRow(proxy.rowCount() - 1))
    add("scroll to top", table.scrollToTop)
    add("reload all rows from the store", window.reload_faxes)

    def next_step() -> None:
        if not steps:
            finish()
            return
        phase, action = steps.pop(0)
        beat.set_phase("table: " + phase)
        began = time.perf_counter()
        action()
        result.setdefault("action_ms", {})[phase] = (time.perf_counter() - began) * 1000
        result.setdefault("peak_rss_before", {})[phase] = rss_mb()[0]
        QTimer.singleShot(STEP_MS, next_step)

    def check_loaded() -> None:
        if window.model.rowCount() >= expect:
            marks["loaded"] = time.perf_counter()
            result["sync_seconds"] = marks["loaded"] - marks["start"]
            result["rows"] = window.model.rowCount()
            result["rss_after_load"] = rss_mb()
            beat.set_phase("after sync (inbox downloads)")
            QTimer.singleShot(3 * STEP_MS, next_step)
        elif time.perf_counter() - marks["start"] > LOAD_TIMEOUT_S:
            result["error"] = (f"only {window.model.rowCount()} of {expect} rows after "
                               f"{LOAD_TIMEOUT_S} s")
            finish()
        else:
            QTimer.singleShot(50, check_loaded)

    def finish() -> None:
        beat.set_phase("done")
        beat.timer.stop()
        result["gaps_ms"] = beat.gaps
        result["peak_rss_mb"], result["rss_mb"] = rss_mb()
        result["store_mb"] = store_mb(tmp / "data")
        out.write_text(json.dumps(result))
        window.shutdown()
        app.quit()

    def begin() -> None:
        marks["start"] = time.perf_counter()
        beat.start("load from the store" if restart else f"first sync of {expect:,} faxes")
        window.start()
        QTimer.singleShot(50, check_loaded)

    QTimer.singleShot(300, begin)  # let the first frame paint before timing anything
    app.exec()


if __name__ == "__main__":
    target = Path(os.environ["FAXDESK_BENCH_OUT"])
    if sys.argv[1] == "fill":
        run_fill(Path(sys.argv[2]))
    elif sys.argv[1] == "bare":
        run_bare(target)
    elif sys.argv[1] == "idle":
        run_idle(target)
    elif sys.argv[1] == "engine":
        run_engine_only(target)
    else:
        run_faxdesk(target, sys.argv[1])
