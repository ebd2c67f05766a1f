"""Exactly once across a real crash: a FaxDesk process is SIGKILLed at every step of the send
journal, then a new process resumes; every requested fax must exist exactly once on the server
and in the store. The sandbox runs in this test process, so its state outlives the killed one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.store import Store
from tests.core.conftest import FROM_NUMBER

DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).resolve().parents[2]
STEPS = ("prepared", "media_uploading", "media_uploaded", "fax_creating", "fax_created",
         "tracking")


def _env(sandbox: Any) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), FAXDESK_API_KEY=sandbox.api_key,
               FAXDESK_BASE_URL=sandbox.base_url)
    return env


def _run_until(args: list[str], env: dict[str, str], marker: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(DRIVER), *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(marker):
            return proc
    proc.wait(10)
    error = proc.stderr.read() if proc.stderr else ""
    raise AssertionError(f"driver ended before {marker!r}: {error}")


def _finish(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(DRIVER), *args], env=env, text=True,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("DONE "))
    return dict(json.loads(line[5:]))


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_sigkill_at_each_journal_step_then_resume_sends_exactly_once(
    sandbox: Any, app_id: str, make_pdf: Callable[..., Path], tmp_path: Path, step: str
) -> None:
    data_dir = tmp_path / "data"
    env = _env(sandbox)
    # Three sends requested; the second is killed at `step` (the first is complete, the third
    # never starts and so was never requested from the journal's point of view).
    proc = _run_until(["send", str(data_dir), str(make_pdf()), "+14155550123", FROM_NUMBER,
                       app_id, "3", f"{step}:2"], env, "AT ")
    proc.kill()  # SIGKILL: no cleanup, no flush, exactly like a crash or power loss
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    states = _finish(["resume", str(data_dir)], env)
    assert len(states) == 2
    assert all(state == "tracking" for state, _ in states.values()), states
    store = Store(data_dir)
    try:
        entries = store.journal_entries()
        for entry in entries:
            matching = [f for f in sandbox.state.faxes.values()
                        if f.client_state == entry.client_state]
            assert len(matching) == 1, (step, entry)
            assert store.get_fax(matching[0].id) is not None
        assert store.count_faxes() == len(entries) == len(sandbox.state.faxes)
        uploads = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/media"]
        assert len(uploads) == len(entries)  # never uploaded twice either
    finally:
        store.close()
