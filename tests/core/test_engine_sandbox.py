"""The engine with its own threads running, as the window uses it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.events import FaxChanged, FaxReceived, JournalChanged, SyncStateChanged
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.store import Store
from faxdesk.core.sync import SyncConfig
from tests.core.conftest import FROM_NUMBER


def _wait_for(engine: FaxEngine, kind: type, predicate: Callable[[Any], bool]) -> threading.Event:
    done = threading.Event()

    def listener(event: Any) -> None:
        if predicate(event):
            done.set()

    engine.events.subscribe(listener, kind)
    return done


def test_a_send_and_a_received_fax_flow_through_the_running_engine(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    make_pdf: Callable[..., Path],
) -> None:
    config = EngineConfig(sync=SyncConfig(fast_interval=0.05, slow_interval=0.05),
                          webhook_enabled=True, webhook_public_key=sandbox.public_key_b64)
    engine = make_engine(config=config)
    engine.start()
    assert engine.listener is not None
    sandbox.state.update_application(app_id, {"webhook_event_url": engine.listener.url})
    tracking = _wait_for(engine, JournalChanged, lambda e: (
        (entry := engine.store.journal_entry(e.journal_id)) is not None
        and entry.state == "tracking"))
    (journal_id,) = engine.send(SendRequest(
        documents=(make_pdf(),), recipients=(Recipient("+14155550123"),), connection_id=app_id,
        from_number=FROM_NUMBER))
    assert tracking.wait(10)
    entry = engine.journal_entry(journal_id)
    assert entry is not None and entry.fax_id
    delivered = _wait_for(engine, FaxChanged,
                          lambda e: e.fax_id == entry.fax_id and e.new_status == "delivered")
    received = _wait_for(engine, FaxReceived, lambda e: True)
    sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER)
    sandbox.advance(120)
    assert delivered.wait(10)
    assert received.wait(10)
    engine.stop()
    assert engine.syncer._thread is None
    store = Store(engine.data_dir)  # the engine closed its store: read what is on disk
    try:
        assert store.journal_entries()[0].state == "done"
        assert len(store.list_faxes(direction="inbound")[0].downloaded_path or "") > 0
    finally:
        store.close()


def test_stop_does_not_wait_for_a_slow_server(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    # Every answer takes 2.5 s, longer than stop() waits for a thread (2 s): a stop that did
    # not abort the call would leave the sync thread alive.
    sandbox.faults.latency = 2.5
    started = threading.Event()
    original = engine.syncer._tick

    def tick() -> None:
        started.set()
        original()

    engine.syncer._tick = tick  # type: ignore[method-assign]
    engine.start()
    assert started.wait(5)
    thread = engine.syncer._thread
    assert thread is not None
    engine.stop()  # aborts the in-flight list call
    assert not thread.is_alive()
    sandbox.faults.latency = 0.0


def test_a_fax_received_by_webhook_is_downloaded_without_waiting_for_a_poll(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str
) -> None:
    config = EngineConfig(sync=SyncConfig(fast_interval=3600, slow_interval=3600),
                          webhook_enabled=True, webhook_public_key=sandbox.public_key_b64)
    engine = make_engine(config=config)
    first_sync = _wait_for(engine, SyncStateChanged, lambda e: e.state == "ok")
    engine.start()
    assert first_sync.wait(10)  # the start-up sync; the next one is an hour away
    assert engine.listener is not None
    sandbox.state.update_application(app_id, {"webhook_event_url": engine.listener.url})
    received = _wait_for(engine, FaxReceived, lambda e: True)
    sandbox.reset_request_log()
    sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER)
    sandbox.advance(120)
    assert received.wait(10)
    assert not [r for r in sandbox.request_log if r.method == "GET" and r.path == "/v2/faxes"]


def test_an_engine_started_before_its_key_sends_and_downloads_once_the_key_is_set(
    sandbox: Any, app_id: str, tmp_path: Path, make_pdf: Callable[..., Path],
) -> None:
    # A first start: the window opens before the person has entered an API key.
    from tests.core.conftest import fast_client

    engine = FaxEngine(tmp_path / "data", None,
                       EngineConfig(sync=SyncConfig(fast_interval=0.05, slow_interval=0.05)))
    try:
        engine.start()
        engine.set_client_factory(lambda: fast_client(sandbox))
        created = _wait_for(engine, JournalChanged, lambda e: (
            (entry := engine.store.journal_entry(e.journal_id)) is not None
            and entry.fax_id is not None))
        received = _wait_for(engine, FaxReceived, lambda e: True)
        engine.send(SendRequest(
            documents=(make_pdf(),), recipients=(Recipient("+14155550123"),),
            connection_id=app_id, from_number=FROM_NUMBER))
        sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER)
        sandbox.advance(120)
        assert created.wait(10), "the send never left the journal"
        assert received.wait(10), "the received fax was never downloaded"
    finally:
        engine.stop()
