"""A damaged history file never stops the window from starting: it is kept aside, a fresh one is
filled from the account, and the window says what happened."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.paths import AppPaths


def test_the_window_starts_on_a_damaged_store_and_says_what_happened(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faxdesk.core.settings import Settings, save_settings
    from faxdesk.ui.app import create_app

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FAXDESK_API_KEY", "KEY0123456789ABCDEF")
    monkeypatch.setenv("FAXDESK_BASE_URL", "http://127.0.0.1:9/v2")
    save_settings(Settings(first_run_done=True))
    data = AppPaths.resolve().data_dir()
    data.mkdir(parents=True, exist_ok=True)
    damaged = b"SQLite format 3\x00" + os.urandom(3000)
    (data / "faxdesk.sqlite3").write_bytes(damaged)

    app = create_app(argparse.Namespace(sandbox=False, files=[]), ask_first_run=False)
    try:
        # app.close() frees the window itself.
        assert "history file was damaged" in app.window.last_error
        kept = [p for p in data.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
        assert app.engine.rows() == []  # a fresh store, filled by the first sync
    finally:
        app.close()
