from __future__ import annotations

import logging
import threading

import pytest

from faxdesk.core.events import ApplicationsChanged, EventHub, JournalChanged


def test_listeners_receive_events_of_their_type_only() -> None:
    hub = EventHub()
    everything: list[object] = []
    journal_only: list[object] = []
    hub.subscribe(everything.append)
    hub.subscribe(journal_only.append, JournalChanged)
    hub.publish(ApplicationsChanged(()))
    hub.publish(JournalChanged(7))
    assert everything == [ApplicationsChanged(()), JournalChanged(7)]
    assert journal_only == [JournalChanged(7)]


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
        hub.publish(JournalChanged(1))
    assert seen == [JournalChanged(1)]
    assert "boom" in caplog.text


def test_unsubscribe_stops_delivery_even_from_other_threads() -> None:
    hub = EventHub()
    seen: list[object] = []
    unsubscribe = hub.subscribe(seen.append)
    thread = threading.Thread(target=hub.publish, args=(JournalChanged(1),))
    thread.start()
    thread.join()
    unsubscribe()
    hub.publish(JournalChanged(2))
    assert seen == [JournalChanged(1)]


def test_listeners_added_or_removed_after_events_flowed_are_heard_in_subscription_order() -> None:
    # The hub remembers who hears each event type: a change of listeners must still count.
    hub = EventHub()
    calls: list[str] = []
    hub.subscribe(lambda e: calls.append("all"))
    hub.publish(JournalChanged(1))
    remove = hub.subscribe(lambda e: calls.append("journal"), JournalChanged)
    hub.subscribe(lambda e: calls.append("apps"), ApplicationsChanged)
    hub.subscribe(lambda e: calls.append("all again"))
    hub.publish(JournalChanged(2))
    remove()
    hub.publish(JournalChanged(3))
    hub.publish(ApplicationsChanged(()))
    assert calls == ["all",
                     "all", "journal", "all again",
                     "all", "all again",
                     "all", "apps", "all again"]
