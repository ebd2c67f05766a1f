from __future__ import annotations

import logging
import threading

import pytest

from faxdesk.core.events import ApplicationsChanged, EventHub, OutboxChanged


def test_listeners_receive_events_of_their_type_only() -> None:
    hub = EventHub()
    everything: list[object] = []
    outbox_only: list[object] = []
    hub.subscribe(everything.append)
    hub.subscribe(outbox_only.append, OutboxChanged)
    hub.publish(ApplicationsChanged())
    hub.publish(OutboxChanged(7))
    assert everything == [ApplicationsChanged(), OutboxChanged(7)]
    assert outbox_only == [OutboxChanged(7)]


def test_a_failing_listener_is_logged_and_does_not_stop_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub = EventHub()
    seen: list[object] = []

    def broken(event: object) -> None:
        raise RuntimeError("boom")

    hub.subscribe(broken)
    hub.subscribe(seen.append)
    with caplog.at_level(logging.ERROR):
        hub.publish(OutboxChanged(1))
    assert seen == [OutboxChanged(1)]
    assert "boom" in caplog.text


def test_unsubscribe_stops_delivery_even_from_other_threads() -> None:
    hub = EventHub()
    seen: list[object] = []
    unsubscribe = hub.subscribe(seen.append)
    thread = threading.Thread(target=hub.publish, args=(OutboxChanged(1),))
    thread.start()
    thread.join()
    unsubscribe()
    hub.publish(OutboxChanged(2))
    assert seen == [OutboxChanged(1)]
