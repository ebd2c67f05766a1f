"""Parallel sends: up to four entries upload and create at once, each exactly once, and the
number in flight rises only as far as the API's rate-limit headers allow."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk.api.retry import RateLimitInfo
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.outbox import OutboxConfig, SendGate
from faxdesk.core.sending import PreparedFax
from faxdesk.core.sync import SyncConfig
from tests.core.conftest import FROM_NUMBER, fast_client


def _limits(remaining: int | None) -> RateLimitInfo:
    return RateLimitInfo(limit=1000, remaining=remaining, reset_after=30.0,
                         observed_at=time.time())


def _wait_until(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not there in time"
        time.sleep(0.01)


def _all_created(engine: FaxEngine, ids: list[int]) -> bool:
    entries = [engine.store.journal_entry(i) for i in ids]
    return all(e is not None and e.state == "tracking" for e in entries)


def _exactly_once(sandbox: Any, engine: FaxEngine, ids: list[int]) -> None:
    for journal_id in ids:
        entry = engine.store.journal_entry(journal_id)
        assert entry is not None
        matching = [f for f in sandbox.state.faxes.values()
                    if f.client_state == entry.client_state]
        assert [f.id for f in matching] == [entry.fax_id]
    uploads = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/media"]
    creates = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/faxes"]
    assert len(uploads) == len(creates) == len(ids)


# --- the gate on its own ----------------------------------------------------------------------

def test_the_gate_starts_at_one_and_rises_one_step_per_answer_that_allows_it() -> None:
    gate = SendGate(4, 25)
    assert gate.allowed == 1
    gate.observe(None)  # no headers: no reason to believe there is room
    gate.observe(_limits(None))
    assert gate.allowed == 1
    for expected in (2, 3, 4, 4):
        gate.observe(_limits(900))
        assert gate.allowed == expected


def test_the_gate_comes_down_as_the_window_runs_out_and_to_one_on_a_429() -> None:
    gate = SendGate(4, 25)
    for _ in range(3):
        gate.observe(_limits(900))
    assert gate.allowed == 4
    gate.observe(_limits(60))  # room for two at 25 requests each
    assert gate.allowed == 2
    gate.observe(_limits(3))
    assert gate.allowed == 1
    gate.observe(_limits(900))
    gate.observe(_limits(900))
    gate.throttled()
    assert gate.allowed == 1


def test_closing_the_gate_releases_a_send_waiting_for_a_place() -> None:
    gate = SendGate(4, 25)
    assert gate.acquire()
    results: list[bool] = []
    waiter = threading.Thread(target=lambda: results.append(gate.acquire()))
    waiter.start()
    _wait_until(lambda: gate.waiting == 1)
    gate.close()
    waiter.join(5)
    assert results == [False]
    gate.release()


# --- the outbox against the sandbox -----------------------------------------------------------

@pytest.fixture
def started(make_engine: Callable[..., FaxEngine]) -> Iterator[Callable[..., FaxEngine]]:
    def start(config: EngineConfig | None = None) -> FaxEngine:
        engine = make_engine(config=config or EngineConfig(
            sync=SyncConfig(fast_interval=0.2, slow_interval=0.2)))
        engine.start()
        return engine

    yield start


def test_four_sends_are_in_flight_at_once_and_each_is_sent_exactly_once(
    sandbox: Any, app_id: str, prepare: Callable[..., PreparedFax],
    started: Callable[..., FaxEngine],
) -> None:
    prepared = [prepare("+14155550123") for _ in range(12)]
    sandbox.faults.latency = 0.1  # each answer takes a while, as over a real network
    engine = started()
    ids = [engine.submit(fax) for fax in prepared]
    _wait_until(lambda: _all_created(engine, ids))
    assert engine.outbox.gate.peak == 4
    _exactly_once(sandbox, engine, ids)


def test_the_number_in_flight_stays_within_what_the_rate_limit_allows(
    app_id: str, prepare: Callable[..., PreparedFax], tmp_path: Path,
) -> None:
    from faxdesk.sandbox.server import SandboxServer

    # A window of 70 requests: at 25 per send in flight, never more than two at once.
    with SandboxServer(manual_clock=True, rate_limit=70) as tight:
        app = tight.state.create_application({"application_name": "Tight",
                                              "webhook_event_url": "http://127.0.0.1:9/h"})
        tight.state.add_phone_number(FROM_NUMBER, app["id"])
        prepared = [prepare("+14155550123", connection_id=str(app["id"])) for _ in range(8)]
        tight.faults.latency = 0.05
        engine = FaxEngine(tmp_path / "tight", lambda: fast_client(tight), EngineConfig(
            sync=SyncConfig(fast_interval=5, slow_interval=5),
            outbox=OutboxConfig(rate_headroom=25)))
        try:
            engine.start()
            ids = [engine.submit(fax) for fax in prepared]
            _wait_until(lambda: _all_created(engine, ids))
            assert engine.outbox.gate.peak == 2
            _exactly_once(tight, engine, ids)
        finally:
            engine.stop()
