"""Paint first: `faxdesk` shows its window with the stored history and the last sync time before
the engine and the main window are even imported, and the main window then takes its place.

The app runs as a user starts it (`python -m faxdesk`, offscreen) on an account that is a sandbox
in this test process, with a store synced beforehand.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.ui.first_frame import read_history

ROOT = Path(__file__).resolve().parents[2]

# Runs FaxDesk through its entry point and reports what the first painted window was and what
# was loaded by then, then what replaced it.
PROBE = r"""
import contextlib, json, runpy, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
seen = {}

def rows(window):
    return max((t.model().rowCount() for t in window.findChildren(QTableView)
                if t.model() is not None), default=0)

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            name = type(obj).__name__
            if "first" not in seen:
                seen["first"] = {
                    "class": name, "title": obj.windowTitle(), "rows": rows(obj),
                    "labels": [l.text() for l in obj.statusBar().findChildren(QLabel)],
                    "engine_loaded": "faxdesk.core.engine" in sys.modules,
                    "window_loaded": "faxdesk.ui.main_window" in sys.modules,
                }
            if name == "MainWindow" and "then" not in seen:
                QTimer.singleShot(200, lambda: report(obj))
        return False

def report(window):
    seen["then"] = {
        "rows": window.model.rowCount(),
        "labels": [l.text() for l in window.statusBar().findChildren(QLabel)],
        "visible": sorted(type(w).__name__ for w in QApplication.topLevelWidgets()
                          if isinstance(w, QMainWindow) and w.isVisible()),
    }
    print("SEEN " + json.dumps(seen), flush=True)
    app.quit()

watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(60000, app.quit)
sys.argv = ["faxdesk"]
with contextlib.suppress(SystemExit):
    runpy.run_module("faxdesk", run_name="__main__", alter_sys=True)
"""


def _synced_home(sandbox: Any, home: Path) -> int:
    """A FaxDesk home whose store holds the sandbox's history; returns how many faxes."""
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"first_run_done": True}))
    engine = FaxEngine(home / "data", client_factory(sandbox.api_key, sandbox.base_url))
    try:
        assert engine.syncer.tick()
        return engine.store.count_faxes()
    finally:
        engine.stop()


def test_the_stored_history_is_painted_before_the_engine_is_loaded_then_the_window_replaces_it(
    tmp_path: Path,
) -> None:
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(demo=True, manual_clock=True) as sandbox:
        home = tmp_path / "home"
        stored = _synced_home(sandbox, home)
        assert stored > 0
        env = dict(os.environ, FAXDESK_HOME=str(home), FAXDESK_API_KEY=sandbox.api_key,
                   FAXDESK_BASE_URL=sandbox.base_url, QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(home / "xdg"))
        env.pop("FAXDESK_CHECK_THREADS", None)  # it imports every module up front
        done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                              text=True, timeout=120, cwd=ROOT)
    line = next((x for x in done.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, done.stderr[-3000:]
    seen = json.loads(line[5:])
    first, then = seen["first"], seen["then"]
    assert first["class"] == "FirstFrame"
    assert first["title"] == "FaxDesk"
    assert not first["engine_loaded"] and not first["window_loaded"]
    assert first["rows"] == min(stored, 80)  # the newest of the stored history
    assert any(text.startswith("Last sync ") for text in first["labels"])
    # The main window took its place: only it is left, with every fax and the last sync time.
    assert then["visible"] == ["MainWindow"]
    assert then["rows"] >= stored
    assert any(text.startswith("Last sync ") for text in then["labels"])


def test_the_first_frame_reads_nothing_from_a_missing_or_damaged_store(tmp_path: Path) -> None:
    assert read_history(tmp_path / "nowhere").faxes == ()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "faxdesk.sqlite3").write_bytes(b"not a database at all" * 100)
    assert read_history(damaged).faxes == ()
    empty = tmp_path / "empty"
    empty.mkdir()
    sqlite3.connect(empty / "faxdesk.sqlite3").close()  # no tables yet
    history = read_history(empty)
    assert history.faxes == () and history.last_sync is None
