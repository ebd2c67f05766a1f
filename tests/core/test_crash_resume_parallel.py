"""Exactly once across a real crash with four sends in flight: the outbox's own workers run four
sends at once, each stopped at a different journal step, when the process is SIGKILLed; a new
process resumes them (in parallel too). Every send must exist exactly once on the server, in the
store and among the uploads. The sandbox runs in this test process, so its state outlives the
killed one."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.store import Store
from tests.core.conftest import FROM_NUMBER
from tests.core.crash_driver import FIRST, THEN, WORKER_STEPS
from tests.core.test_crash_resume import _env, _finish, _run_until


@pytest.mark.slow
@pytest.mark.parametrize("offset", range(len(WORKER_STEPS)))
def test_sigkill_with_four_sends_in_flight_then_resume_sends_each_exactly_once(
    sandbox: Any, app_id: str, make_pdf: Callable[..., Path], tmp_path: Path, offset: int
) -> None:
    data_dir = tmp_path / "data"
    env = _env(sandbox)
    proc = _run_until(["send-parallel", str(data_dir), str(make_pdf()), "+14155550123",
                       FROM_NUMBER, app_id, str(offset)], env, "AT PARALLEL ")
    proc.kill()  # SIGKILL with four sends between two journal steps
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    store = Store(data_dir)
    try:
        at_crash = {e.id: e.state for e in store.journal_entries()}
    finally:
        store.close()
    # Four stopped at four different steps, and one more still waiting for a worker.
    assert len(at_crash) == FIRST + THEN
    assert sum(state == "prepared" for state in at_crash.values()) >= 1

    states = _finish(["resume-parallel", str(data_dir)], env)
    assert len(states) == FIRST + THEN
    assert all(state == "tracking" for state, _ in states.values()), states
    store = Store(data_dir)
    try:
        entries = store.journal_entries()
        for entry in entries:
            matching = [f for f in sandbox.state.faxes.values()
                        if f.client_state == entry.client_state]
            assert len(matching) == 1, (offset, entry)
            assert store.get_fax(matching[0].id) is not None
            assert matching[0].id == entry.fax_id
        assert store.count_faxes() == len(entries) == len(sandbox.state.faxes)
        uploads = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/media"]
        assert len(uploads) == len(entries)  # never uploaded twice either
    finally:
        store.close()
