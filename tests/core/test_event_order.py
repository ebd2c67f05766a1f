"""Changes of a fax reach the window in the order they were stored: a sync that stored a fax just
before the person marked it read never shows it unread again afterwards."""

from __future__ import annotations

import threading
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import Event, EventHub, FaxChanged, RowChanged
from faxdesk.core.status import StatusUpdate, apply_statuses


def test_a_fax_marked_read_during_a_sync_stays_read(sandbox: Any, engine: FaxEngine) -> None:
    sandbox.state.seed_history(12, days=3, seed=5)
    assert engine.syncer.tick()
    received = [r for r in engine.rows() if r.direction == "inbound" and r.status == "received"]
    first, second = received[0], received[1]
    assert first.fax_id is not None and second.fax_id is not None
    engine.mark_read(second.id, False)

    # The sync's events are held up after its commit (a slow listener, a busy thread) ...
    stored, go = threading.Event(), threading.Event()

    def slow_listener(event: FaxChanged) -> None:
        if event.fax_id == first.fax_id and threading.current_thread().name == "sync":
            stored.set()
            go.wait(10)

    engine.events.subscribe(slow_listener, FaxChanged)
    rows: list[RowChanged] = []
    engine.events.subscribe(rows.append, RowChanged)
    page = [StatusUpdate(row.fax_id, None, "poll", fields={"page_count": 7})
            for row in (first, second) if row.fax_id]
    sync = threading.Thread(target=apply_statuses, args=(engine.store, engine.events, page),
                            name="sync")
    sync.start()
    assert stored.wait(10)
    # ... while the person marks the second fax read.
    engine.mark_read(second.id, True)
    go.set()
    sync.join(10)
    assert not sync.is_alive()

    shown = [c.row for c in rows if c.row.id == second.id]
    assert shown and not shown[-1].unread
    assert shown[-1].page_count == 7
    row = engine.row(second.id)
    assert row is not None and not row.unread


def test_an_event_posted_while_delivering_follows_the_one_being_heard() -> None:
    hub = EventHub()
    heard: list[tuple[str, str]] = []
    first = FaxChanged("a", None, None, None)
    second = FaxChanged("b", None, None, None)

    def one(event: Event) -> None:
        assert isinstance(event, FaxChanged)
        heard.append(("one", event.fax_id))
        if event is first:
            hub.post(second)
            hub.deliver()  # on this thread, already delivering: `second` waits its turn

    hub.subscribe(one, FaxChanged)
    hub.subscribe(lambda e: heard.append(("two", e.fax_id)), FaxChanged)
    hub.post(first)
    hub.deliver()
    assert heard == [("one", "a"), ("two", "a"), ("one", "b"), ("two", "b")]
