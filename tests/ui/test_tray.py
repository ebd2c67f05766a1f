"""The tray: its menu, its notifications and what closing the window does (offscreen Qt).

The real desktop (Xvfb, a tray host, dunst) is exercised in test_tray_desktop.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from faxdesk.core.events import RowChanged
from faxdesk.core.rows import FaxRow
from faxdesk.ui.tray import Notice, TrayController
from tests.ui.rows import fax_row


@dataclass
class Switches:
    notify_delivered: bool = True
    notify_failed: bool = True
    notify_received: bool = True
    close_to_tray: bool = True


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def show(self, notice: Notice) -> bool:
        self.shown.append(notice)
        return True

    def close(self) -> None:
        pass


class Desktop:
    """Whether a tray host exists; tests flip it."""

    def __init__(self, tray: bool) -> None:
        self.tray = tray

    def __call__(self) -> bool:
        return self.tray


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    w = QMainWindow()
    w.setWindowTitle("FaxDesk")
    qtbot.addWidget(w)
    w.show()
    return w


def _controller(window: QMainWindow, *, tray: bool, switches: Switches | None = None
                ) -> tuple[TrayController, RecordingNotifier, Desktop, Switches]:
    notifier = RecordingNotifier()
    desktop = Desktop(tray)
    sw = switches or Switches()
    ctl = TrayController(window, settings=lambda: sw, notifier=notifier, tray_available=desktop)
    return ctl, notifier, desktop, sw


def test_menu_is_rebuilt_with_current_state_and_its_actions_work(
    qtbot: QtBot, window: QMainWindow
) -> None:
    ctl, _, _, _ = _controller(window, tray=True)
    texts = [a.text() for a in ctl.actions()]
    assert texts == ["Open FaxDesk", "Send a fax…", "No unread faxes", "No faxes in progress",
                     "Pause syncing", "Quit FaxDesk"]
    ctl.set_in_flight(3)
    ctl.set_unread(2)
    ctl.menu.aboutToShow.emit()  # what Qt does each time the menu opens
    unread, flight = ctl.actions()[2], ctl.actions()[3]
    assert flight.text() == "3 faxes in progress" and not flight.isEnabled()
    assert "3 faxes in progress" in ctl.icon.toolTip()
    assert unread.text() == "2 unread faxes" and unread.isEnabled()
    assert "2 unread faxes" in ctl.icon.toolTip()
    window.hide()
    with qtbot.waitSignal(ctl.unreadRequested):
        unread.trigger()
    assert window.isVisible()  # "2 unread faxes" shows them in the window

    with qtbot.waitSignal(ctl.pauseToggled) as paused:
        ctl.actions()[4].trigger()
    assert paused.args == [True]
    ctl.menu.aboutToShow.emit()
    assert ctl.actions()[4].isChecked()
    assert "Syncing paused" in ctl.icon.toolTip()

    window.hide()
    with qtbot.waitSignal(ctl.sendRequested):
        ctl.actions()[1].trigger()
    assert window.isVisible()  # "Send a fax…" brings the window back first


def test_notifications_follow_the_switches_and_clicks_open_the_fax(
    qtbot: QtBot, window: QMainWindow
) -> None:
    sw = Switches(notify_received=False)
    ctl, notifier, _, _ = _controller(window, tray=True, switches=sw)
    assert ctl.notify_delivered("fax-1", "+1 312 555 0100", pages=2)
    assert ctl.notify_failed("fax-2", "+1 312 555 0101", "user_busy")
    assert not ctl.notify_received("fax-3", "+1 312 555 0102", pages=1)
    assert [(n.kind, n.fax_id, n.title) for n in notifier.shown] == [
        ("delivered", "fax-1", "Fax delivered"), ("failed", "fax-2", "Fax failed"),
    ]
    assert notifier.shown[0].body == "2 pages delivered to +1 312 555 0100."
    assert notifier.shown[1].body.startswith("The fax to +1 312 555 0101 failed: ")
    sw.notify_delivered = False
    assert not ctl.notify_delivered("fax-4", "x")
    sw.notify_received = True
    assert ctl.notify_received("fax-5", "+1 312 555 0102")
    assert notifier.shown[-1].body == "From +1 312 555 0102."

    window.hide()
    # A click may come from a D-Bus thread: it reaches the GUI thread as a queued signal.
    with qtbot.waitSignal(ctl.faxActivated) as opened:
        ctl._clickedFromAnyThread.emit("fax-2")
    assert opened.args == ["fax-2"]
    assert window.isVisible()


def test_failure_reason_is_in_words(window: QMainWindow) -> None:
    from faxdesk.ui import texts

    ctl, notifier, _, _ = _controller(window, tray=True)
    ctl.notify_failed("fax-2", "+13125550101", "user_busy")
    assert notifier.shown[0].body == (
        "The fax to +13125550101 failed: " + texts.failure_text("user_busy")
    )
    assert "user_busy" not in notifier.shown[0].body


def test_without_a_tray_closing_the_window_closes_it(window: QMainWindow) -> None:
    ctl, _, _, _ = _controller(window, tray=False)
    assert not ctl.hide_window()
    assert window.close()  # accepted: the window really closes (and the app quits with it)
    assert not window.isVisible()


def test_with_a_tray_closing_hides_and_a_vanished_tray_brings_it_back(
    window: QMainWindow,
) -> None:
    ctl, _, desktop, sw = _controller(window, tray=True)
    assert not window.close()  # ignored: hidden to the tray instead
    assert not window.isVisible()
    # The tray host goes away while the window is hidden: the window must not stay out of reach.
    desktop.tray = False
    ctl._check_tray_still_there()
    assert window.isVisible()
    # The user chose "closing quits" in the settings: closing closes, even with a tray.
    desktop.tray = True
    sw.close_to_tray = False
    assert window.close()


def test_quit_from_the_menu_really_closes(qtbot: QtBot, window: QMainWindow) -> None:
    ctl, _, _, _ = _controller(window, tray=True)
    with qtbot.waitSignal(ctl.quitRequested):
        ctl.actions()[-1].trigger()
    assert not window.isVisible()


def row(row_id: str, status: str | None, **fields: Any) -> FaxRow:
    values: dict[str, Any] = {"to": "+13125550100", "from_number": "+12025550100",
                              "page_count": 2}
    values.update(fields)
    return fax_row(row_id, status=status, **values)


class Feed:
    """Row changes as the engine publishes them: each change once, with the state before."""

    def __init__(self, ctl: TrayController) -> None:
        self.ctl = ctl
        self.last: dict[str, FaxRow] = {}

    def change(self, changed: FaxRow) -> None:
        before = self.last.get(changed.id)
        self.last[changed.id] = changed
        self.ctl.fax_changed(RowChanged(changed, before.status if before else None,
                                        before.pending if before else None))


def test_each_send_is_announced_once_with_its_outcome_and_history_is_not(
    window: QMainWindow,
) -> None:
    ctl, notifier, _, _ = _controller(window, tray=True)
    feed = Feed(ctl)
    feed.change(row("send:1", "delivered"))  # first seen already delivered: history
    feed.change(row("send:2", "queued"))
    feed.change(row("send:2", "sending"))
    feed.change(row("send:2", "delivered", contact_name="Ada"))
    ctl.fax_changed(RowChanged(row("send:2", "delivered", contact_name="Ada"), "delivered"))
    feed.change(row("send:4", "sending"))
    feed.change(row("send:4", "failed", failure_reason="user_busy"))
    feed.change(row("elsewhere", "sending"))  # sent from another computer: in the list only
    feed.change(row("elsewhere", "delivered"))
    feed.change(row("send:3", None, pending="preparing"))
    feed.change(row("send:3", None, pending="rejected", pending_error=(
        "Telnyx refused the request. connection_id: 999 is not a fax application.")))
    assert [(n.kind, n.fax_id, n.title) for n in notifier.shown] == [
        ("delivered", "send:2", "Fax delivered"), ("failed", "send:4", "Fax failed"),
        ("failed", "send:3", "Fax failed")]
    assert "not a fax application" in notifier.shown[-1].body


def test_a_failure_an_automatic_retry_follows_is_not_announced(window: QMainWindow) -> None:
    ctl, notifier, _, _ = _controller(window, tray=True)
    feed = Feed(ctl)
    feed.change(row("send:5", "sending"))
    # The outbox has not settled the failure yet, then settles it with a retry waiting.
    feed.change(row("send:5", "failed", failure_reason="user_busy", settled=False))
    feed.change(row("send:5", None, pending="scheduled", attempt=2,
                    previous_failure="user_busy"))
    assert notifier.shown == []
    feed.change(row("send:5", None, pending="uploading", attempt=2))
    feed.change(row("send:5", "sending", attempt=2))
    feed.change(row("send:5", "delivered", attempt=2))
    assert [(n.kind, n.fax_id) for n in notifier.shown] == [("delivered", "send:5")]
    # The person stops a waiting retry: they know; nothing is announced.
    feed.change(row("send:6", "sending"))
    feed.change(row("send:6", None, pending="scheduled", attempt=2))
    feed.change(row("send:6", "failed", failure_reason="user_busy"))
    assert [(n.kind, n.fax_id) for n in notifier.shown] == [("delivered", "send:5")]


def test_a_received_fax_the_window_passes_is_announced_once(window: QMainWindow) -> None:
    """The core decides what is news (not what the first sync finds); the window passes only
    that. The tray announces each once."""
    ctl, notifier, _, _ = _controller(window, tray=True)
    fresh = row("fresh", "received", direction="inbound", page_count=1)
    ctl.fax_received(fresh)
    ctl.fax_received(fresh)
    assert [(n.kind, n.fax_id, n.body) for n in notifier.shown] == [
        ("received", "fresh", "1 page from +12025550100.")]


def test_should_hide_is_the_main_window_hook(window: QMainWindow) -> None:
    ctl, _, desktop, sw = _controller(window, tray=True)
    assert ctl.should_hide()
    sw.close_to_tray = False
    assert not ctl.should_hide()
    sw.close_to_tray = True
    desktop.tray = False
    assert not ctl.should_hide()
