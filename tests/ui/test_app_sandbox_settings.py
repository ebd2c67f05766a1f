"""The settings the sandbox window opens show the sandbox's address, not the account's."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest


def test_the_sandbox_window_gives_its_settings_the_sandbox_address(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faxdesk.ui.app import create_app

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    app = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    try:
        # app.close() frees the window itself.
        server = app.sandbox_server
        assert server is not None
        assert app.settings_services(()).sandbox_url == server.base_url
    finally:
        app.close()
