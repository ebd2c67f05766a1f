"""Exactly one fax when this PC's clock is wrong: the lookup for a fax that may already exist
searches on the server's clock (learned from the `Date` of its answers), not this machine's."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.retry import RetryPolicy
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.outbox import OutboxConfig
from faxdesk.core.records import JournalEntry
from faxdesk.core.sending import PreparedFax
from tests.core.conftest import FROM_NUMBER

TO = "+14155550123"
SKEWS = [660.0, 3600.0, -3600.0, 86400.0 * 400]


class SkewedClock:
    """This PC's wall clock, `skew` seconds off; `advance()` lets backoffs pass instantly."""

    def __init__(self, skew: float) -> None:
        self.skew = skew

    def __call__(self) -> float:
        return time.time() + self.skew

    def advance(self, seconds: float) -> None:
        self.skew += seconds


class Crash(BaseException):
    """Stands for the process dying between two steps."""


@pytest.fixture
def skewed_engine(sandbox: Any, tmp_path: Path) -> Iterator[Callable[..., FaxEngine]]:
    made: list[FaxEngine] = []

    def factory(clock: SkewedClock, **kwargs: Any) -> FaxEngine:
        def client() -> TelnyxClient:
            policy = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02,
                                 max_total_wait=0.1)
            return TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=5.0,
                                retry=policy, clock=clock)

        engine = FaxEngine(tmp_path / "data", client, clock=clock, **kwargs)
        made.append(engine)
        return engine

    yield factory
    for engine in made:
        engine.stop()


def faxes_for(sandbox: Any, entry: JournalEntry | None) -> list[Any]:
    assert entry is not None
    return [f for f in sandbox.state.faxes.values() if f.client_state == entry.client_state]


def creates(sandbox: Any) -> int:
    return sum(1 for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/faxes")


def run_until_tracking(engine: FaxEngine, clock: SkewedClock, journal_id: int, *,
                       resumed: bool = False) -> JournalEntry:
    entry = engine.outbox.process(journal_id, resumed=resumed)
    for _ in range(3):
        if entry is not None and entry.state == "tracking":
            break
        clock.advance(engine.outbox.config.error_backoff_cap)  # the backoff passes
        entry = engine.outbox.process(journal_id, resumed=True)
    assert entry is not None and entry.state == "tracking", entry
    return entry


@pytest.mark.parametrize("skew", SKEWS)
def test_a_lost_create_answer_with_a_wrong_clock_makes_exactly_one_fax(
    sandbox: Any, skewed_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax], skew: float,
) -> None:
    clock = SkewedClock(skew)
    engine = skewed_engine(clock)
    sandbox.faults.lose_response_after_create(1)
    sandbox.reset_request_log()
    journal_id = engine.outbox.submit(prepare(TO))
    entry = run_until_tracking(engine, clock, journal_id)
    assert len(faxes_for(sandbox, entry)) == 1
    assert creates(sandbox) == 1
    offset = engine.client().server_time_offset
    assert offset is not None and abs(offset + skew) < 5


@pytest.mark.parametrize(("skew_at_send", "skew_at_resume", "clock_known"), [
    (3600.0, 3600.0, False),  # the same wrong clock after the restart
    (660.0, 0.0, False),  # the clock was set right while FaxDesk was down
    (3600.0, 0.0, True),  # ... and the server's clock is already known when looking
    (-86400.0, 0.0, True),
    (0.0, 86400.0 * 400, True),  # a dead CMOS battery after the crash
])
def test_a_crash_after_create_resumes_to_the_same_fax_whatever_the_clock(
    sandbox: Any, skewed_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax], skew_at_send: float, skew_at_resume: float,
    clock_known: bool,
) -> None:
    def crash(step: str, entry: JournalEntry) -> None:
        if step == "fax_creating":  # the fax exists; the journal does not know yet
            raise Crash

    first = skewed_engine(SkewedClock(skew_at_send), outbox_step_hook=crash)
    journal_id = first.outbox.submit(prepare(TO))
    with pytest.raises(Crash):
        first.outbox.process(journal_id)
    first.stop()
    # Another fax to the same number that must not be mistaken for ours.
    sandbox.state.send_fax({"connection_id": app_id, "from": FROM_NUMBER, "to": TO,
                            "media_url": "https://example.com/other.pdf",
                            "client_state": "b3RoZXI="}, document=None)

    clock = SkewedClock(skew_at_resume)
    second = skewed_engine(clock)
    assert second.journal_entry(journal_id).state == "media_uploaded"  # type: ignore[union-attr]
    if clock_known:
        second.client().list_fax_applications()
    sandbox.reset_request_log()
    entry = run_until_tracking(second, clock, journal_id, resumed=True)  # as start() does
    assert len(faxes_for(sandbox, entry)) == 1
    assert creates(sandbox) == 0
    assert entry.fax_id == faxes_for(sandbox, entry)[0].id


def test_the_lookup_reads_no_further_than_its_page_limit(
    sandbox: Any, skewed_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    """With the server's clock unknown and a long history to the number, the unbounded read
    stops after `reconcile_max_pages`, then searches from the converted journal time."""
    clock = SkewedClock(0.0)
    engine = skewed_engine(clock, config=EngineConfig(outbox=OutboxConfig(reconcile_max_pages=2)))
    for _ in range(600):  # three pages of 250 faxes to the same number
        sandbox.state.send_fax({"connection_id": app_id, "from": FROM_NUMBER, "to": TO,
                                "media_url": "https://example.com/old.pdf",
                                "client_state": "b2xk"}, document=None)
    sandbox.advance(3600)
    journal_id = engine.outbox.submit(prepare(TO))
    entry = engine.journal_entry(journal_id)
    assert entry is not None
    sandbox.reset_request_log()
    assert engine.outbox.find_created(entry) is None
    pages = [r.query for r in sandbox.request_log if r.path == "/v2/faxes"]
    limit = engine.outbox.config.reconcile_max_pages
    assert len([q for q in pages if "created_at" not in q]) == limit == 2
    assert len([q for q in pages if "created_at" in q]) == 1  # nothing that recent


@pytest.mark.parametrize("pc_ahead", [660.0, 3600.0])
def test_the_command_line_with_a_fast_pc_clock_and_a_lost_answer_sends_once(
    make_pdf: Callable[..., Path], tmp_path: Path, pc_ahead: float
) -> None:
    """`faxdesk send` runs in its own process, so the server's clock is set behind instead."""
    import os
    import subprocess
    import sys

    from faxdesk.sandbox.server import SandboxServer

    root = Path(__file__).resolve().parents[2]
    server = SandboxServer(manual_clock=True, start_time=time.time() - pc_ahead).start()
    try:
        app = server.state.create_application({"application_name": "Office",
                                               "webhook_event_url": "http://127.0.0.1:9/h"})
        server.state.add_phone_number(FROM_NUMBER, app["id"])
        server.faults.lose_response_after_create(1)
        env = {**os.environ, "PYTHONPATH": str(root), "FAXDESK_API_KEY": server.api_key,
               "FAXDESK_BASE_URL": server.base_url, "FAXDESK_HOME": str(tmp_path / "home")}
        done = subprocess.run([sys.executable, "-m", "faxdesk", "send", "--to", TO,
                               "--data-dir", str(tmp_path / "cli-data"), str(make_pdf())],
                              text=True, capture_output=True, timeout=120, env=env, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Sent: fax ")
        sent = [f for f in server.state.faxes.values() if f.direction == "outbound"]
        assert len(sent) == 1 and sent[0].id in done.stdout
    finally:
        server.stop()
