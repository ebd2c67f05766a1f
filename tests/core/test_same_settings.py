"""The same settings mean the same retry behaviour, however FaxDesk was started.

The window and the command line both open the engine with `open_engine`, which maps the settings
with `EngineConfig.from_settings` (the only mapping). Shown twice: the mapped configuration of
each door, and a busy line tried exactly 1 + `auto_retry_max` times, in the window's way (a
running engine on the sandbox) and in the command line's way (separate `faxdesk` runs, each
resuming the sends that are due).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk import cli
from faxdesk.core import opening
from faxdesk.core.engine import EngineConfig
from faxdesk.core.events import FaxChanged
from faxdesk.core.opening import OpenedEngine, SandboxOptions, open_engine
from faxdesk.core.paths import AppPaths
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.settings import Settings, save_settings
from faxdesk.core.store import Store
from tests.core.conftest import FROM_NUMBER

ROOT = Path(__file__).resolve().parents[2]
BUSY = "+12025550101"  # the sandbox answers user_busy (faxdesk/sandbox/outcomes.py)
WAIT = 60.0


def test_every_door_maps_the_retry_settings_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(auto_retry_max=3)
    assert EngineConfig.from_settings(settings).outbox.max_attempts == 4
    assert EngineConfig.from_settings(Settings(auto_retry_max=0)).outbox.max_attempts == 1
    # The window's sandbox mode and its account mode.
    with open_engine(settings, "sandbox", tmp_path / "sandbox") as opened:
        assert opened.engine.config == EngineConfig.from_settings(settings)
    with open_engine(settings, "account", tmp_path / "account", api_key="KEY0123",
                     env={}) as opened:
        assert opened.engine.config == EngineConfig.from_settings(settings)
    # The command line: the settings file it reads, through the same open_engine.
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    save_settings(settings)
    seen: list[OpenedEngine] = []

    def recording_open_engine(*args: Any, **kwargs: Any) -> OpenedEngine:
        seen.append(open_engine(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(opening, "open_engine", recording_open_engine)
    assert cli.main(["outbox", "--sandbox"]) == 0
    capsys.readouterr()
    assert [o.engine.config for o in seen] == [EngineConfig.from_settings(settings)]
    assert seen[0].engine.config.outbox.max_attempts == 4


RETRY_SETTINGS = Settings(auto_retry_enabled=True, auto_retry_max=2, auto_retry_delay_secs=0,
                          poll_fast_secs=1)


@pytest.mark.slow
def test_a_busy_line_is_tried_1_plus_auto_retry_max_times_by_the_running_engine(
    tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    # As the window runs it: open_engine in sandbox mode, the engine's own threads.
    attempts = 1 + RETRY_SETTINGS.auto_retry_max
    with open_engine(RETRY_SETTINGS, "sandbox", tmp_path / "data",
                     sandbox=SandboxOptions(speed=20, demo=False)) as opened:
        server = opened.sandbox
        assert server is not None
        app_id = _application(server)
        engine = opened.engine
        failed: set[str] = set()
        all_failed = threading.Condition()

        # Each attempt is a fax of its own (the window shows them as one row).
        def on_fax(event: FaxChanged) -> None:
            fax = event.fax
            if fax is not None and fax.to == BUSY and fax.status == "failed":
                with all_failed:
                    failed.add(fax.id)
                    all_failed.notify_all()

        engine.events.subscribe(on_fax, FaxChanged)
        engine.start()
        engine.send(SendRequest(documents=(make_pdf(),), recipients=(Recipient(BUSY),),
                                connection_id=app_id, from_number=FROM_NUMBER))
        with all_failed:
            assert all_failed.wait_for(lambda: len(failed) >= attempts, WAIT), failed
        engine.stop()  # waits for its threads: a further retry would be in the journal now
        _assert_tried(server, Store(engine.data_dir), attempts)


@pytest.fixture
def account_sandbox() -> Iterator[Any]:
    """A sandbox on loopback, its clock 20 times faster, for `faxdesk` runs in their own
    processes (account mode, the address and key from the environment)."""
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(speed=20) as server:
        yield server


@pytest.mark.slow
def test_a_busy_line_is_tried_1_plus_auto_retry_max_times_by_the_command_line(
    account_sandbox: Any, tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    attempts = 1 + RETRY_SETTINGS.auto_retry_max
    app_id = _application(account_sandbox)
    env = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(tmp_path / "home"),
               FAXDESK_API_KEY=account_sandbox.api_key,
               FAXDESK_BASE_URL=account_sandbox.base_url)
    save_settings(RETRY_SETTINGS, AppPaths.resolve(env).settings_file)
    data = tmp_path / "data"

    def faxdesk(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "faxdesk", *args, "--data-dir", str(data)],
                              text=True, capture_output=True, timeout=120, env=env)
        assert "Traceback" not in done.stderr
        return done

    sent = faxdesk("send", "--to", BUSY, "--app", app_id, "--from", FROM_NUMBER, "--follow",
                   str(make_pdf()))
    assert sent.returncode == 1, sent.stderr  # the first try failed: busy
    # Every later command resumes the retry that is due; run them until none is left.
    for _ in range(10 * attempts):
        if not _unfinished(data):
            break
        assert faxdesk("list").returncode == 0
    _assert_tried(account_sandbox, Store(data), attempts)
    # `show` tells the attempts as the window does: in words, none of the engine's notes.
    first = min((f for f in account_sandbox.state.faxes.values() if f.to == BUSY),
                key=lambda f: f.created_at)
    shown = faxdesk("show", first.id)
    assert shown.returncode == 0, shown.stderr
    assert f"Automatic retry 2 of {attempts} at " in shown.stdout, shown.stdout
    assert f"(Attempt 2 of {attempts})" in shown.stdout
    assert "user_busy" not in shown.stdout and " s (" not in shown.stdout


def _application(server: Any) -> str:
    app = server.state.create_application({"application_name": "Retry office",
                                           "webhook_event_url": "http://127.0.0.1:9/hooks"})
    server.state.add_phone_number(FROM_NUMBER, app["id"])
    return str(app["id"])


def _unfinished(data: Path) -> bool:
    store = Store(data)
    try:
        return bool(store.journal_entries(unfinished=True))
    finally:
        store.close()


def _assert_tried(server: Any, store: Store, attempts: int) -> None:
    try:
        on_server = [f for f in server.state.faxes.values() if f.to == BUSY]
        assert len(on_server) == attempts
        assert {f.status for f in on_server} == {"failed"}
        entries = store.journal_entries()
        assert [e.attempt for e in entries] == list(range(1, attempts + 1))
        assert all(e.is_finished for e in entries)
    finally:
        store.close()
