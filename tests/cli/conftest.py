"""Shared by the command-line tests: `faxdesk` in its own process, in account mode, against a
sandbox in this process (its address and key from the environment), so faxes outlive one
command and the test moves their clock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.pdfs import pdf_bytes

ROOT = Path(__file__).resolve().parents[2]
FROM_NUMBER = "+12025550100"


@dataclass
class Account:
    sandbox: Any
    app_id: str
    env: dict[str, str]
    data_dir: Path

    def faxdesk(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "faxdesk", *args, "--data-dir", str(self.data_dir)],
            text=True, capture_output=True, timeout=120, env=self.env)
        assert "Traceback" not in done.stdout + done.stderr
        return done

    def fax_sent_elsewhere(self, to: str = "+14155550123") -> str:
        """A fax of this account sent from another computer (this one has never seen it)."""
        from faxdesk.api.client import TelnyxClient

        with TelnyxClient(self.sandbox.api_key, base_url=self.sandbox.base_url) as client:
            media = client.upload_media(pdf_bytes(1), media_name=f"elsewhere-{os.urandom(4).hex()}")
            return client.send_fax(connection_id=self.app_id, from_number=FROM_NUMBER,
                                   to=to, media_name=media.media_name).id


@pytest.fixture
def account(tmp_path: Path) -> Iterator[Account]:
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(manual_clock=True) as sandbox:
        app = sandbox.state.create_application({"application_name": "Front desk",
                                                "webhook_event_url": "http://127.0.0.1:9/h"})
        sandbox.state.add_phone_number(FROM_NUMBER, app["id"])
        env = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path / "home"),
                   FAXDESK_API_KEY=sandbox.api_key, FAXDESK_BASE_URL=sandbox.base_url)
        yield Account(sandbox, str(app["id"]), env, tmp_path / "data")
