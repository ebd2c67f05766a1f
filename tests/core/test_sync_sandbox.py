"""Polling against the sandbox: economy, adaptive intervals, 429, revoked key, network loss."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import SyncStateChanged
from faxdesk.core.sending import PreparedFax
from faxdesk.core.sync import SyncConfig, Syncer
from tests.core.conftest import FROM_NUMBER, fast_client


def set_server_key(sandbox: Any, key: str) -> None:
    """The key the sandbox accepts (revoking a key in the portal)."""
    sandbox.set_api_key(key)


def _send_direct(sandbox: Any, app_id: str, n: int, to: str = "+14155550123") -> list[str]:
    """n faxes created on the server (as if sent from another FaxDesk or the portal)."""
    from tests.support.pdfs import pdf_bytes

    client = fast_client(sandbox)
    try:
        media = client.upload_media(pdf_bytes(1), media_name="shared.pdf")
        return [client.send_fax(connection_id=app_id, from_number=FROM_NUMBER, to=to,
                                media_name=media.media_name).id for _ in range(n)]
    finally:
        client.close()


def test_fifty_faxes_in_flight_cost_at_most_two_requests_per_tick(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    sandbox.state.seed_history(300, days=30, seed=3)  # an account with a past
    ids = _send_direct(sandbox, app_id, 50)
    assert engine.syncer.tick()  # first sync: history + the 50
    assert len(engine.store.in_flight()) == 50
    sandbox.advance(3)  # some move on, none finish
    sandbox.reset_request_log()
    assert engine.syncer.tick()
    api_calls = [r for r in sandbox.request_log if r.path.startswith("/v2/")]
    assert len(api_calls) <= 2, api_calls
    assert engine.syncer.requests_last_tick == len(api_calls)
    statuses = {engine.store.get_fax(i).status for i in ids}  # type: ignore[union-attr]
    assert statuses <= {"media.processed", "originated", "sending"} and "queued" not in statuses
    sandbox.advance(120)
    sandbox.reset_request_log()
    engine.syncer.tick()
    assert len([r for r in sandbox.request_log if r.path.startswith("/v2/")]) <= 2
    assert {engine.store.get_fax(i).status for i in ids} == {"delivered"}  # type: ignore[union-attr]
    assert engine.store.in_flight() == []


def test_new_inbound_faxes_are_found_by_the_same_windowed_call(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    engine.syncer.tick()
    fax_id = sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER)
    sandbox.advance(30)
    sandbox.reset_request_log()
    engine.syncer.tick()
    calls = [r for r in sandbox.request_log if r.path.startswith("/v2/")]
    assert len(calls) == 1 and "filter[created_at][gte]" in unquote(calls[0].query)
    record = engine.store.get_fax(fax_id)
    assert record is not None and record.status == "received" and record.direction == "inbound"


def test_interval_is_fast_while_in_flight_and_slow_when_idle(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    cfg = engine.syncer.config
    engine.syncer.tick()
    assert engine.syncer.next_delay() == cfg.slow_interval
    _send_direct(sandbox, app_id, 1)
    engine.syncer.tick()
    assert engine.syncer.next_delay() == cfg.fast_interval
    engine.syncer.note_webhook()  # webhooks healthy: polling relaxes
    assert engine.syncer.next_delay() == cfg.fast_interval * cfg.webhook_factor
    sandbox.advance(120)
    engine.syncer.tick()
    assert engine.syncer.next_delay() == cfg.slow_interval * cfg.webhook_factor


def test_429_sets_rate_limited_and_waits_at_least_what_telnyx_asked(
    sandbox: Any, engine: FaxEngine
) -> None:
    sandbox.faults.rate_limit_next(10, retry_after=7)
    assert not engine.syncer.tick()
    assert state_of(engine) == "rate_limited"
    assert engine.syncer.next_delay() >= 7
    sandbox.faults.clear()
    assert engine.syncer.tick() and state_of(engine) == "ok"


def test_a_key_revoked_mid_run_stops_syncing_and_loses_nothing(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    states: list[SyncStateChanged] = []
    engine.events.subscribe(states.append, SyncStateChanged)
    entry = engine.outbox.process(
        engine.outbox.submit(prepare("+14155550123")))
    assert entry is not None and entry.fax_id
    engine.syncer.tick()
    before = engine.store.count_faxes()
    set_server_key(sandbox, "KEYREVOKED")  # the account owner revokes the key in the portal
    waiting = engine.outbox.submit(prepare("+14155550123"))
    assert not engine.syncer.tick()
    assert state_of(engine) == "auth_failed"
    assert "did not accept the API key" in engine.syncer.message
    assert "Syncing is stopped" in engine.syncer.message
    assert states[-1].state == "auth_failed"
    assert sandbox.api_key not in engine.syncer.message
    blocked = engine.outbox.process(waiting)
    assert blocked is not None and blocked.state == "prepared" and blocked.error
    assert engine.store.count_faxes() == before  # nothing lost
    # The user enters the new key: everything resumes, including the waiting send.
    set_server_key(sandbox, sandbox.api_key)
    engine.set_client_factory(lambda: fast_client(sandbox))
    assert state_of(engine) == "ok"
    assert engine.syncer.tick()
    resumed = engine.outbox.process(waiting, resumed=True)
    assert resumed is not None and resumed.state == "tracking"
    sandbox.advance(120)
    engine.syncer.tick()
    assert engine.store.get_fax(entry.fax_id).status == "delivered"  # type: ignore[union-attr]
    assert engine.store.get_fax(resumed.fax_id or "").status == "delivered"  # type: ignore[union-attr]


def test_network_gone_then_back_resumes_without_loss(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    ids = _send_direct(sandbox, app_id, 3)
    engine.syncer.tick()
    sandbox.faults.drop_next(1000)  # every request's connection drops: the network is gone
    sandbox.advance(120)  # meanwhile the faxes finish and one arrives
    inbound = sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER)
    sandbox.advance(60)
    delays = []
    for _ in range(3):
        assert not engine.syncer.tick()
        assert state_of(engine) == "offline"
        delays.append(engine.syncer.next_delay())
    assert delays == sorted(delays) and delays[-1] > delays[0]  # backing off
    assert {engine.store.get_fax(i).status for i in ids} != {"delivered"}  # type: ignore[union-attr]
    sandbox.faults.clear()  # back
    assert engine.syncer.tick() and state_of(engine) == "ok"
    assert {engine.store.get_fax(i).status for i in ids} == {"delivered"}  # type: ignore[union-attr]
    assert engine.store.get_fax(inbound).status == "received"  # type: ignore[union-attr]


def state_of(engine: FaxEngine) -> str:
    return str(engine.syncer.state)


class FakeTime:
    """Wall and monotonic clocks a test moves by hand; `sleep` advances both."""

    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.mono = 100.0
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[], None] | None = None

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.wall += seconds
        self.mono += seconds
        if self.on_sleep:
            self.on_sleep()


def test_the_loop_syncs_at_once_after_the_machine_wakes(
    sandbox: Any, engine: FaxEngine
) -> None:
    t = FakeTime()
    ticks: list[float] = []
    syncer = Syncer(engine.store, engine.events, engine.client,
                    SyncConfig(slow_interval=300, wait_slice=5),
                    after_tick=[lambda: ticks.append(t.mono)], wall=lambda: t.wall,
                    monotonic=lambda: t.mono, sleep=t.sleep)

    def suspend_once() -> None:
        if len(t.sleeps) == 2:
            t.wall += 3600  # the lid was closed for an hour: wall time moves, monotonic not
        if len(ticks) >= 2:
            syncer._stopping = True

    t.on_sleep = suspend_once
    syncer._run()
    # First tick at start; the second right after the wake (10 s in), not after 300 s.
    assert len(ticks) == 2
    assert ticks[1] - ticks[0] == 10


def test_sync_now_and_pause_resume_on_the_real_thread(
    sandbox: Any, engine: FaxEngine
) -> None:
    import threading

    ticked = threading.Event()
    states: list[str] = []
    def on_state(event: SyncStateChanged) -> None:
        states.append(event.state)
        ticked.set()

    engine.events.subscribe(on_state, SyncStateChanged)
    engine.syncer.start()
    assert ticked.wait(5)
    engine.pause()
    assert state_of(engine) == "paused"
    ticked.clear()
    sandbox.reset_request_log()
    engine.sync_now()  # paused: no request
    # Wait for the loop to take the wake-up (it clears the event, then goes back to waiting);
    # a tick it made instead would have published before that.
    deadline = time.monotonic() + 10
    while engine.syncer._wakeup.is_set() and time.monotonic() < deadline:
        time.sleep(0.005)
    assert not engine.syncer._wakeup.is_set()
    assert not ticked.is_set() and sandbox.request_log == []
    engine.resume()
    assert ticked.wait(5)
    assert state_of(engine) == "ok"
    engine.syncer.stop()
