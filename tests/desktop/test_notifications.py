"""faxdesk.desktop.notifications against a REAL notification daemon: dunst on Xvfb and a private
D-Bus session bus (tests/support/desktop.py). dunstctl, dunst's own client, is the witness."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from faxdesk.desktop.notifications import (
    CloseReason,
    DesktopNotifier,
    NotificationEvent,
    is_available,
)
from tests.support.desktop import dunst_displayed, dunst_history, dunstctl, wait_until

pytestmark = pytest.mark.desktop


@pytest.fixture
def clean_dunst(desktop_env: dict[str, str]) -> dict[str, str]:
    dunstctl(desktop_env, "close-all")
    assert wait_until(lambda: dunst_displayed(desktop_env) == 0)
    return desktop_env


@pytest.fixture
def events() -> list[NotificationEvent]:
    return []


@pytest.fixture
def notifier(
    clean_dunst: dict[str, str], events: list[NotificationEvent]
) -> Iterator[DesktopNotifier]:
    with DesktopNotifier(
        bus_address=clean_dunst["DBUS_SESSION_BUS_ADDRESS"],
        on_action=events.append,
        on_closed=events.append,
        desktop_entry="faxdesk",
    ) as notifier:
        yield notifier
    assert not [t for t in threading.enumerate() if t.name == "faxdesk-notifications"]


def _history_entry(env: dict[str, str], notification_id: int) -> dict[str, object]:
    dunstctl(env, "close-all")  # moves displayed notifications into the history
    entries = [e for e in dunst_history(env) if e["id"] == notification_id]
    assert len(entries) == 1, dunst_history(env)
    return entries[0]


def test_delivered_notification_reaches_dunst(
    notifier: DesktopNotifier, clean_dunst: dict[str, str]
) -> None:
    assert notifier.is_available()
    info = notifier.server_information()
    assert info is not None and info[0] == "dunst"
    assert "actions" in notifier.capabilities()

    nid = notifier.notify(
        "Fax delivered", "To +1 312 555 0100 · 3 pages", context="fax-1", category="transfer"
    )
    assert isinstance(nid, int) and nid > 0
    assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
    entry = _history_entry(clean_dunst, nid)
    assert entry["summary"] == "Fax delivered"
    assert entry["body"] == "To +1 312 555 0100 · 3 pages"
    assert entry["appname"] == "FaxDesk"
    assert entry["default_action_name"] == "default"
    assert entry["category"] == "transfer"


def test_clicking_the_notification_calls_back_with_its_id_and_fax(
    notifier: DesktopNotifier, clean_dunst: dict[str, str], events: list[NotificationEvent]
) -> None:
    nid = notifier.notify("Fax received", "From +1 312 555 0199", context="fax-in-42")
    assert nid is not None
    assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
    dunstctl(clean_dunst, "action", "0")  # what a click does: invoke the default action
    assert wait_until(lambda: len(events) >= 2)
    assert events[0] == NotificationEvent(nid, "default", "fax-in-42")
    # ...and the clicked notification goes away (dunst alone would leave it on screen).
    assert events[1] == NotificationEvent(nid, "", "fax-in-42", CloseReason.CLOSED_BY_CALL)
    assert dunst_displayed(clean_dunst) == 0


def test_dismissing_reports_closed_with_the_context(
    notifier: DesktopNotifier, clean_dunst: dict[str, str], events: list[NotificationEvent]
) -> None:
    nid = notifier.notify("Fax failed", "Busy", context="fax-9")
    assert nid is not None and wait_until(lambda: dunst_displayed(clean_dunst) == 1)
    dunstctl(clean_dunst, "close")
    assert wait_until(lambda: len(events) >= 1)
    assert events == [NotificationEvent(nid, "", "fax-9", CloseReason.DISMISSED)]


def test_close_notification_and_replace(
    notifier: DesktopNotifier, clean_dunst: dict[str, str], events: list[NotificationEvent]
) -> None:
    first = notifier.notify("Sending 1 fax", "", context="a")
    assert first is not None
    second = notifier.notify("Sending 2 faxes", "", context="b", replaces_id=first)
    assert second == first  # replaced in place (the ``u`` argument QtDBus cannot send)
    assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
    assert notifier.close_notification(first)
    assert wait_until(lambda: dunst_displayed(clean_dunst) == 0)
    assert wait_until(lambda: len(events) >= 1)
    assert events[0].close_reason is CloseReason.CLOSED_BY_CALL and events[0].context == "b"


def test_a_failing_callback_is_logged_and_later_events_still_arrive(
    clean_dunst: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[NotificationEvent] = []

    def explode(event: NotificationEvent) -> None:
        raise RuntimeError("UI went away")

    with (
        caplog.at_level(logging.ERROR),
        DesktopNotifier(
            bus_address=clean_dunst["DBUS_SESSION_BUS_ADDRESS"],
            on_action=explode,
            on_closed=seen.append,
        ) as notifier,
    ):
        nid = notifier.notify("Fax delivered", context="x")
        assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
        dunstctl(clean_dunst, "action", "0")
        assert wait_until(lambda: "callback failed" in caplog.text)
        second = notifier.notify("Fax delivered", context="y")
        assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
        dunstctl(clean_dunst, "close")
        assert wait_until(lambda: any(e.notification_id == second for e in seen))
    assert nid is not None


def test_other_applications_notifications_are_ignored(
    notifier: DesktopNotifier, clean_dunst: dict[str, str], events: list[NotificationEvent]
) -> None:
    assert notifier.is_available()  # connected and listening
    # Another client on the same bus (a second notifier = another application).
    with DesktopNotifier("Other", bus_address=clean_dunst["DBUS_SESSION_BUS_ADDRESS"]) as other:
        assert other.notify("Not ours", context="other") is not None
        assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
        dunstctl(clean_dunst, "action", "0")
        dunstctl(clean_dunst, "close-all")
    mine = notifier.notify("Ours", context="mine")
    assert wait_until(lambda: dunst_displayed(clean_dunst) == 1)
    dunstctl(clean_dunst, "action", "0")
    assert wait_until(lambda: len(events) >= 1)
    assert {e.notification_id for e in events} == {mine}


def test_no_notification_service_is_reported_not_raised(
    private_bus: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    address = private_bus["DBUS_SESSION_BUS_ADDRESS"]
    assert is_available(address) is False
    with caplog.at_level(logging.WARNING), DesktopNotifier(bus_address=address) as notifier:
        assert notifier.is_available() is False
        assert notifier.notify("Fax delivered") is None
        assert notifier.close_notification(1) is False
        assert notifier.server_information() is None
    assert "could not show a desktop notification" in caplog.text
    assert not [t for t in threading.enumerate() if t.name == "faxdesk-notifications"]


def test_no_session_bus_at_all_is_reported_not_raised(
    tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    missing = f"unix:path={tmp_path}/no-such-bus"
    assert is_available(missing) is False
    with caplog.at_level(logging.WARNING, logger="faxdesk.desktop.notifications"), \
            DesktopNotifier(bus_address=missing) as notifier:
        assert notifier.notify("Fax delivered") is None
