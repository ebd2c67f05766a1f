"""When FaxDesk cannot know whether a fax went out, it says so and finds out; it never says
"not sent" on a guess, and discarding such a send asks Telnyx first.

The sandbox loses the answer to creating the fax, then drops the lookups that follow, exactly the
case where a guess would send the fax twice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk.cli.running import EXIT_OK, EXIT_UNKNOWN_OUTCOME
from faxdesk.core.engine import DiscardRiskError, FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.core.paths import AppPaths
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.settings import Settings, save_settings
from faxdesk.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
FROM = "+13125550100"
TO = "+14155550123"


def _application(server: Any) -> str:
    app = server.state.create_application({"application_name": "Front desk",
                                           "webhook_event_url": "http://127.0.0.1:9/hooks"})
    server.state.add_phone_number(FROM, app["id"])
    return str(app["id"])


def _on_server(server: Any) -> list[Any]:
    return [f for f in server.state.faxes.values() if f.to == TO]


@pytest.fixture
def server() -> Iterator[Any]:
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(manual_clock=True) as sandbox:
        yield sandbox


def test_a_lost_answer_with_failed_lookups_is_unknown_and_discard_asks_telnyx_first(
    server: Any, tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    app_id = _application(server)
    engine = FaxEngine(tmp_path / "data", client_factory(server.api_key, server.base_url))
    try:
        server.faults.lose_create_then_drop_lookups(lookups=10)
        (journal_id,) = engine.send(SendRequest((make_pdf(),), (Recipient(TO),), app_id, FROM))
        entry = engine.outbox.process(journal_id)
        assert entry is not None and entry.error_kind == "ambiguous"
        row = engine.row(f"send:{journal_id}")
        assert row is not None and row.pending == "checking"
        assert row.status_words == "May have been sent; checking"
        assert "may have been sent" in (row.pending_error or "")
        assert len(_on_server(server)) == 1  # it did go out

        # Telnyx cannot be asked: discarding says what it risks instead of guessing.
        with pytest.raises(DiscardRiskError, match="twice"):
            engine.discard(row.id)
        assert engine.row(row.id) is not None  # nothing was dropped

        # Telnyx answers again: the send turns out to be a fax, which stays.
        server.faults.clear()
        assert engine.discard(row.id) is False
        row = engine.row(row.id)
        assert row is not None and row.fax_id == _on_server(server)[0].id
        assert row.pending is None
        assert len(_on_server(server)) == 1
    finally:
        engine.stop()


def test_resuming_an_unknown_send_finds_the_fax_instead_of_sending_again(
    server: Any, tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    app_id = _application(server)
    engine = FaxEngine(tmp_path / "data", client_factory(server.api_key, server.base_url))
    try:
        # More dropped lookups than the client's own retries of one lookup use up.
        server.faults.lose_create_then_drop_lookups(lookups=40)
        (journal_id,) = engine.send(SendRequest((make_pdf(),), (Recipient(TO),), app_id, FROM))
        assert engine.outbox.process(journal_id).error_kind == "ambiguous"  # type: ignore[union-attr]
        # Still unreachable for the lookups: it stays "may have been sent", never a refusal.
        engine.outbox.run_due(force=True)
        entry = engine.journal_entry(journal_id)
        assert entry is not None and entry.error_kind == "ambiguous"
        assert entry.state != "rejected"
        server.faults.clear()
        engine.outbox.run_due(force=True)
        entry = engine.journal_entry(journal_id)
        assert entry is not None and entry.state == "tracking" and entry.error_kind is None
        assert len(_on_server(server)) == 1
    finally:
        engine.stop()


@pytest.mark.slow
def test_the_command_line_says_the_outcome_is_unknown_and_the_next_command_settles_it(
    tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(speed=20) as server:
        app_id = _application(server)
        env = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path / "home"),
                   FAXDESK_API_KEY=server.api_key, FAXDESK_BASE_URL=server.base_url)
        save_settings(Settings(), AppPaths.resolve(env).settings_file)
        data = tmp_path / "data"

        def faxdesk(*args: str) -> subprocess.CompletedProcess[str]:
            done = subprocess.run(
                [sys.executable, "-m", "faxdesk", *args, "--data-dir", str(data)],
                text=True, capture_output=True, timeout=120, env=env)
            assert "Traceback" not in done.stderr and "Error" not in done.stderr
            return done

        server.faults.lose_create_then_drop_lookups(lookups=50)
        sent = faxdesk("send", "--to", TO, "--app", app_id, "--from", FROM, str(make_pdf()))
        assert sent.returncode == EXIT_UNKNOWN_OUTCOME, sent.stderr
        assert "may have been sent" in sent.stderr and "Do not send it again" in sent.stderr
        assert "not sent" not in sent.stderr.lower()
        outbox = faxdesk("outbox")
        assert outbox.returncode == EXIT_UNKNOWN_OUTCOME
        assert "May have been sent; checking" in outbox.stdout

        # Telnyx answers again: the next command finds the fax; nothing is sent twice.
        server.faults.clear()
        assert faxdesk("list").returncode == EXIT_OK
        outbox = faxdesk("outbox")
        assert outbox.returncode == EXIT_OK and "outbox is empty" in outbox.stdout
        assert len(_on_server(server)) == 1
        store = Store(data)
        try:
            (entry,) = store.journal_entries()
            assert entry.fax_id == _on_server(server)[0].id
        finally:
            store.close()
