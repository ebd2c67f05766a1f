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
from datetime import datetime
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.core.status_words import STATUS_WORDS
from faxdesk.ui.first_frame import StoredFax, read_history

ROOT = Path(__file__).resolve().parents[2]

# Runs FaxDesk through its entry point and reports what the first painted window was and what
# was loaded by then, then what replaced it.
PROBE = r"""
import contextlib, gc, json, runpy, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
seen = {}

def changed_lines(window, attribute, blank):
    # The window's lines (pixel rows) that change when `attribute` is blanked: where it is drawn.
    def pixels():
        image = window.grab().toImage()
        return image.constBits().tobytes(), image.bytesPerLine(), image.height()
    drawn, per_line, height = pixels()
    kept = getattr(window, attribute)
    setattr(window, attribute, blank)
    try:
        without, _, _ = pixels()
    finally:
        setattr(window, attribute, kept)
    return [y for y in range(height)
            if drawn[y * per_line:(y + 1) * per_line] != without[y * per_line:(y + 1) * per_line]]

def look(window):
    # What the first paint drew, and where on the window the rows and the sync time are.
    drawn = list(window.drawn)
    rows = changed_lines(window, "rows", [])
    sync = changed_lines(window, "sync_text", "")
    seen["first"].update(drawn=drawn, row_lines=[min(rows, default=-1), max(rows, default=-1)],
                         sync_lines=len(sync), height=window.height())

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            name = type(obj).__name__
            if "first" not in seen:
                seen["first"] = {
                    "class": name, "title": obj.windowTitle(),
                    "engine_loaded": "faxdesk.core.engine" in sys.modules,
                    "window_loaded": "faxdesk.ui.main_window" in sys.modules,
                    "network_loaded": "PySide6.QtNetwork" in sys.modules,
                    "collecting": gc.isenabled(),
                }
                if name == "FirstFrame":
                    QTimer.singleShot(0, lambda: look(obj))
            if name == "MainWindow" and "then" not in seen:
                QTimer.singleShot(200, lambda: report(obj))
        return False

def report(window):
    seen["then"] = {
        "collecting": gc.isenabled(),
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


def _cells(fax: StoredFax) -> list[str]:
    """A row's words as the main window shows them (in English)."""
    def local(value: datetime | None) -> str:
        return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""

    direction = {"inbound": "Received", "outbound": "Sent"}.get(fax.direction or "", "")
    return [direction, fax.other_party, STATUS_WORDS.get(fax.status or "", ""),
            "" if fax.pages is None else str(fax.pages), local(fax.created_at),
            local(fax.updated_at)]


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
    # Nor the single-instance guard's QtNetwork: the launch asked for a running FaxDesk without.
    assert not first["network_loaded"]
    # The garbage collector waits for the first frame, and works again once it is painted.
    assert not first["collecting"] and then["collecting"]
    # The newest stored faxes are drawn, newest first, row after row, each cell as the main
    # window words it; then the last sync time.
    newest = read_history(home / "data", limit=10).faxes
    cells = [text for fax in newest for text in _cells(fax)]
    drawn = first["drawn"]
    assert any(drawn[i:i + len(cells)] == cells for i in range(len(drawn))), drawn
    assert any(text.startswith("Last sync ") for text in drawn)
    # And they are on the window: its rows take a good part of its height, the time a line.
    top, bottom = first["row_lines"]
    assert top > 0 and bottom - top > first["height"] // 2
    assert first["sync_lines"] > 5
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


def test_the_first_frame_draws_the_table_where_the_main_window_left_it(
    qtbot: Any, window: Any, tmp_path: Path,
) -> None:
    from PySide6.QtCore import QPoint, QRect, Qt

    from faxdesk.ui.first_frame import FirstFrame

    window.resize(760, 540)
    qtbot.waitUntil(lambda: window.width() == 760)
    window._save_geometry()  # as when the window is closed
    first = FirstFrame(read_history(tmp_path / "data"), title="FaxDesk", state=window.ui_state)
    qtbot.addWidget(first)
    assert first.size() == window.size()
    places, header_height, row_height = first.places()
    table = window.table
    assert places["table"] == QRect(table.mapTo(window, QPoint(0, 0)), table.size())
    assert places["apps"].width() == window.apps_pane.width()
    assert (header_height, row_height) == (table.horizontalHeader().height(), table.rowHeight(0))
    # The same columns: the ones the window shows, each as wide.
    header = table.horizontalHeader()
    first.grab()
    words = [window.model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]
    shown = [words[i] for i in range(header.count()) if not header.isSectionHidden(i)]
    assert [text for text in first.drawn if text in words] == shown


def test_on_a_first_start_the_first_frame_fits_the_screen(qtbot: Any, tmp_path: Path) -> None:
    """Nothing saved yet: the frame is as big as the screen has room for, as the main window
    will be, not a fixed size that runs off a small screen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    from faxdesk.ui.first_frame import FirstFrame

    state = QSettings(str(tmp_path / "nothing-saved.ini"), QSettings.Format.IniFormat)
    first = FirstFrame(read_history(tmp_path / "data"), title="FaxDesk", state=state)
    qtbot.addWidget(first)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    room = screen.availableGeometry()
    assert 0 < first.width() <= room.width() and 0 < first.height() <= room.height()
    assert first.width() >= first.minimumWidth() and first.height() >= first.minimumHeight()
