"""An answer that does not prove a refusal never marks a send refused: the outbox looks the fax
up by client_state and tracks the one that exists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.engine import FaxEngine
from faxdesk.core.records import JournalEntry
from faxdesk.core.sending import PreparedFax

TO = "+14155550123"


def server_faxes(sandbox: Any, entry: JournalEntry | None) -> list[Any]:
    assert entry is not None
    return [f for f in sandbox.state.faxes.values() if f.client_state == entry.client_state]


@pytest.mark.parametrize("body", ["<html><body>OK</body></html>", '{"data": "ok"}', ""])
def test_a_2xx_create_answer_that_is_not_json_tracks_the_created_fax(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax], body: str
) -> None:
    sandbox.faults.garble_next(1, method="POST", path="/v2/faxes", body=body)
    journal_id = engine.outbox.submit(prepare(TO))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "tracking", entry
    (fax,) = server_faxes(sandbox, entry)
    assert entry.fax_id == fax.id and entry.error is None


def test_a_garbled_create_and_a_garbled_lookup_wait_and_look_again(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    sandbox.faults.garble_next(1, method="POST", path="/v2/faxes")
    sandbox.faults.garble_next(1, method="GET", path="/v2/faxes")
    journal_id = engine.outbox.submit(prepare(TO))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "media_uploaded"  # not "rejected"
    assert entry.error and entry.next_attempt_at is not None
    engine.store.update_journal(journal_id, next_attempt_at=None)  # the backoff passes
    entry = engine.outbox.process(journal_id, resumed=True)
    assert entry is not None and entry.state == "tracking", entry
    assert len(server_faxes(sandbox, entry)) == 1


def test_a_garbled_upload_is_checked_not_refused(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    sandbox.faults.garble_next(1, method="POST", path="/v2/media")
    journal_id = engine.outbox.submit(prepare(TO))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "tracking", entry
    uploads = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/media"]
    assert len(uploads) == 1  # found by name, not uploaded twice


def test_the_command_line_reports_a_garbled_create_as_sent_not_refused(
    sandbox: Any, app_id: str, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "FAXDESK_API_KEY": sandbox.api_key,
           "FAXDESK_BASE_URL": sandbox.base_url, "FAXDESK_HOME": str(tmp_path / "home")}
    sandbox.faults.garble_next(1, method="POST", path="/v2/faxes")
    done = subprocess.run([sys.executable, "-m", "faxdesk", "send", "--to", TO, "--data-dir",
                           str(tmp_path / "cli-data"), str(make_pdf())],
                          text=True, capture_output=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "refused" not in done.stderr and done.stdout.startswith("Sent: fax ")
    sent = [f for f in sandbox.state.faxes.values() if f.direction == "outbound"]
    assert len(sent) == 1 and sent[0].id in done.stdout
