"""Starting the app: `--sandbox` brings up the demo sandbox with the window connected to it;
quitting stops everything without hanging, even with a request in flight."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import Any

import pytest

from faxdesk.ui.app import create_app
from tests.ui.conftest import wait_for


@pytest.mark.slow
def test_sandbox_session_shows_demo_data_and_closes_cleanly(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path))  # never the user's own settings
    before = {t.name for t in threading.enumerate()}
    session = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    window = session.window  # session.close() frees it (qtbot must not close it again)
    assert "Sandbox" in window.windowTitle()
    window.show()
    window.start()
    wait_for(qtbot, lambda: window.model.rowCount() > 0)
    wait_for(qtbot, lambda: window.conn_label.text() == "Connected")
    statuses = {f.status for f in window.model.items()}
    assert {"delivered", "failed", "received"} <= statuses
    wait_for(qtbot, lambda: len(window.apps_pane.applications) >= 2)
    assert window.sync_label.text().startswith("Last sync")

    # A request stuck in the sandbox must not hold up quitting.
    server = session.sandbox_server
    earlier = set(_request_threads())
    server.faults.latency = 3.0  # every request from now on takes 3 s to answer
    window.sync_now()
    wait_for(qtbot, lambda: set(_request_threads()) - earlier)
    qtbot.wait(300)  # a request still being answered now is one held by the latency
    stuck = [t for t in set(_request_threads()) - earlier if t.is_alive()]
    assert stuck
    session.close()
    assert any(t.is_alive() for t in stuck)  # closed while a request was still being answered
    assert not [t for t in threading.enumerate() if t.name.startswith("faxdesk-poller")]
    wait_for(qtbot, lambda: not ({t.name for t in threading.enumerate()} - before
                                 - {"faxdesk-stop"}), timeout=8000)


def _request_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request" in t.name]


@pytest.mark.slow
def test_faxdesk_sandbox_command_quits_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`faxdesk --sandbox` as a real process: it syncs the demo history into its throwaway
    store; SIGTERM (logout, kill) then quits cleanly, saving the window state and removing
    the sandbox's files."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update({
        "FAXDESK_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TMPDIR": str(tmp_path / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    })
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "faxdesk", "--sandbox"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not _synced(tmp_path / "tmp") and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.1)
        assert _synced(tmp_path / "tmp")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (tmp_path / "config" / "FaxDesk" / "FaxDesk.conf").exists()  # geometry saved
    assert not list((tmp_path / "tmp").glob("faxdesk-*"))  # sandbox store removed


def _synced(tmp: Path) -> bool:
    """True once the app's engine has stored the demo faxes."""
    import sqlite3

    from faxdesk.core.store import DB_NAME

    # The sandbox's throw-away data folder (open_engine makes it under TMPDIR).
    for db in tmp.glob(f"faxdesk-*/**/{DB_NAME}"):
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                (count,) = conn.execute("SELECT count(*) FROM faxes").fetchone()
        except sqlite3.Error:
            return False
        return bool(count)
    return False
