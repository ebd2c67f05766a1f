"""Commands say what really happened: no success reported for what did not happen.

`faxdesk` runs in its own process in account mode against a sandbox in this process (its address
and key from the environment), so faxes outlive one command and the test moves their clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from faxdesk.cli.running import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK
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

    def fax_sent_elsewhere(self) -> str:
        """A fax of this account sent from another computer (this one has never seen it)."""
        from faxdesk.api.client import TelnyxClient

        with TelnyxClient(self.sandbox.api_key, base_url=self.sandbox.base_url) as client:
            media = client.upload_media(pdf_bytes(1), media_name=f"elsewhere-{os.urandom(4).hex()}")
            return client.send_fax(connection_id=self.app_id, from_number=FROM_NUMBER,
                                   to="+14155550123", media_name=media.media_name).id


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


def test_cancel_of_a_delivered_fax_exits_1_and_says_why(account: Account) -> None:
    fax_id = account.fax_sent_elsewhere()
    account.sandbox.advance(60)  # delivered
    done = account.faxdesk("cancel", fax_id)
    assert done.returncode == EXIT_FAILED, done.stderr
    assert "cannot be cancelled" in done.stderr and "delivered" in done.stderr
    assert "Cancel" not in done.stdout and "cancelled:" not in done.stdout.lower()
    assert account.sandbox.state.faxes[fax_id].status == "delivered"


def test_cancel_of_a_fax_in_flight_is_requested(account: Account) -> None:
    # The contrast: the same command on a queued fax does cancel it.
    fax_id = account.fax_sent_elsewhere()
    done = account.faxdesk("cancel", fax_id)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("Cancel requested:")
    account.sandbox.advance(60)
    assert account.sandbox.state.faxes[fax_id].status == "failed"


def test_delete_of_an_unknown_id_exits_5(account: Account) -> None:
    done = account.faxdesk("delete", "no-such-fax")
    assert done.returncode == EXIT_NOT_FOUND, done.stderr
    assert "no fax no-such-fax" in done.stderr
    assert "Deleted" not in done.stdout


def test_outbox_on_an_empty_outbox_exits_0(account: Account) -> None:
    done = account.faxdesk("outbox")
    assert done.returncode == EXIT_OK, done.stderr
    assert "The outbox is empty" in done.stdout and done.stderr == ""


def test_show_fetches_a_fax_this_computer_has_not_seen(account: Account) -> None:
    fax_id = account.fax_sent_elsewhere()
    done = account.faxdesk("show", fax_id)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith(fax_id) and "Queued" in done.stdout
