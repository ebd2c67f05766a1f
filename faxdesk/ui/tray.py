"""The tray icon: a menu rebuilt each time it opens, and notifications about faxes.

Menu: Open FaxDesk, Send a fax…, the unread faxes, the number of faxes in flight, Pause syncing,
Quit. Notifications: delivered, failed (with the reason in words) and received, each switchable
in the settings; clicking one emits :attr:`TrayController.faxActivated` with that fax's id so
the window can open it. A send is announced once, with its final outcome (`FaxRow.final_outcome`:
a failed attempt that an automatic retry follows is no outcome yet); a received fax only when
the core says it is news (`FaxReceived.news`: not what the first sync of a session finds). A
sandbox's notifications say "Sandbox". They go through the desktop's notification service when
``faxdesk.desktop.notifications`` can reach one (D-Bus, with a click action), otherwise through
``QSystemTrayIcon.showMessage``.

Where no system tray exists FaxDesk is an ordinary window app: closing the window quits, and the
window is never hidden where the user could not get it back. With a tray, closing the window
hides it to the tray (when the ``close_to_tray`` setting is on); if the tray disappears later,
the hidden window comes back.

Integration (app start-up, after the main window exists; one line)::

    TrayController.attach(window, settings=session.current_settings)

``attach`` sets ``window.tray`` (whose ``should_hide()`` the window's closeEvent asks) and
connects the window's faxesChanged / faxReceived / inFlightChanged signals and the menu actions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QWidget

from faxdesk.api.models import FINAL_STATUSES
from faxdesk.core.events import RowChanged, SyncStateChanged
from faxdesk.core.rows import FaxRow
from faxdesk.ui.texts import failure_text

if TYPE_CHECKING:
    from faxdesk.desktop.notifications import NotificationEvent
    from faxdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# How often a hidden window checks that the tray it hides in still exists.
_TRAY_WATCH_MS = 3000
_MESSAGE_MS = 8000



class NotificationSwitches(Protocol):
    """The settings the tray reads (faxdesk.core.settings.Settings has them)."""

    @property
    def notify_delivered(self) -> bool: ...
    @property
    def notify_failed(self) -> bool: ...
    @property
    def notify_received(self) -> bool: ...
    @property
    def close_to_tray(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class _AllOn:
    notify_delivered: bool = True
    notify_failed: bool = True
    notify_received: bool = True
    close_to_tray: bool = True


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification: what the user reads, and the fax a click opens."""

    kind: str  # "delivered" | "failed" | "received"
    fax_id: str
    title: str
    body: str


class Notifier(Protocol):
    """Shows notices; calls ``on_click(fax_id)`` (from any thread) when one is clicked."""

    def show(self, notice: Notice) -> bool: ...
    def close(self) -> None: ...


class TrayMessageNotifier:
    """Notices through ``QSystemTrayIcon.showMessage``; only the latest one can be clicked."""

    def __init__(self, icon: QSystemTrayIcon, on_click: Callable[[str], None]) -> None:
        self._icon = icon
        self._last: str | None = None
        self._on_click = on_click
        icon.messageClicked.connect(self._clicked)

    def show(self, notice: Notice) -> bool:
        if not self._icon.isVisible():
            return False
        kind = {
            "failed": QSystemTrayIcon.MessageIcon.Warning,
        }.get(notice.kind, QSystemTrayIcon.MessageIcon.Information)
        self._last = notice.fax_id
        self._icon.showMessage(notice.title, notice.body, kind, _MESSAGE_MS)
        return True

    def _clicked(self) -> None:
        if self._last is not None:
            self._on_click(self._last)

    def close(self) -> None:
        self._last = None


def failure_words(reason: str | None) -> str:
    """A Telnyx failure_reason in plain words, in the UI's language."""
    return str(failure_text(reason))


class TrayController(QObject):
    """Owns the tray icon, its menu, the notifications and the close-to-tray behaviour."""

    openRequested = Signal()
    sendRequested = Signal()
    unreadRequested = Signal()  # "N unread faxes" in the menu: show them
    pauseToggled = Signal(bool)
    quitRequested = Signal()
    faxActivated = Signal(str)  # a notification about this fax was clicked
    _clickedFromAnyThread = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        settings: Callable[[], NotificationSwitches] | None = None,
        icon: QIcon | None = None,
        notifier: Notifier | None = None,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        manage_close: bool = True,
        sandbox: bool = False,
    ) -> None:
        """``manage_close``: watch the window's close events here. A window that asks
        :meth:`should_hide` in its own closeEvent (the main window) passes False.
        ``sandbox``: every notification and the tooltip say "Sandbox"."""
        # The window is this object's Qt parent, and reached only through it: the window
        # keeps the tray in an attribute, and a Python reference back would be a cycle.
        super().__init__(window)
        self._settings = settings or _AllOn
        self._tray_available = tray_available
        self.sandbox = sandbox
        self._in_flight = 0
        self._unread = 0
        self._paused = False
        self._quitting = False
        self._hidden_to_tray = False
        # Sends seen on their way in this session, and those already announced.
        self._moving: set[str] = set()
        self._announced: set[str] = set()
        self.menu = QMenu(window)
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self._custom_icon = icon
        self.icon = QSystemTrayIcon(icon or _state_icon("tray-idle"), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.rebuild_menu()
        self._update_tooltip()
        # Clicks may arrive on a D-Bus thread; a queued signal brings them to the GUI thread.
        self._clickedFromAnyThread.connect(self._open_fax)
        self.notifier: Notifier = notifier or self._best_notifier()
        self._watch = QTimer(self)
        self._watch.setInterval(_TRAY_WATCH_MS)
        self._watch.timeout.connect(self._check_tray_still_there)
        if manage_close:
            window.installEventFilter(self)
        if self.available:
            self.icon.show()
        QApplication.instance().aboutToQuit.connect(self._on_about_to_quit)  # type: ignore[union-attr]

    # -- state from the app -------------------------------------------------------------------

    @property
    def _window(self) -> QWidget:
        return cast(QWidget, self.parent())

    @property
    def available(self) -> bool:
        """Whether the desktop has a system tray the icon can live in."""
        return bool(self._tray_available())

    @classmethod
    def attach(
        cls, window: MainWindow, settings: Callable[[], NotificationSwitches] | None = None
    ) -> TrayController:
        """Wire a tray to the main window (faxdesk.ui.main_window.MainWindow): its signals feed
        the notifications and the in-flight count; the menu drives the window and backend."""
        tray = cls(window, settings=settings, manage_close=False, sandbox=window.sandbox)
        window.tray = tray  # the window's closeEvent asks tray.should_hide()
        window.faxesChanged.connect(tray.faxes_changed)
        window.faxReceived.connect(tray.fax_received)
        window.inFlightChanged.connect(tray.set_in_flight)
        window.unreadChanged.connect(tray.set_unread)
        window.syncStateChanged.connect(tray.sync_state_changed)
        tray.sendRequested.connect(window.new_fax)
        tray.faxActivated.connect(window.select_fax)
        tray.unreadRequested.connect(window.show_unread)
        tray.pauseToggled.connect(window.pause_syncing)
        return tray

    def set_in_flight(self, count: int) -> None:
        self._in_flight = max(0, count)
        self._update_tooltip()
        if self._custom_icon is None:
            self.icon.setIcon(_state_icon("tray-sending" if self._in_flight else "tray-idle"))

    def set_unread(self, count: int) -> None:
        self._unread = max(0, count)
        self._update_tooltip()

    def sync_state_changed(self, event: SyncStateChanged) -> None:
        """The window's SyncStateChanged: the pause state for the menu."""
        self.set_paused(event.state == "paused")

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._update_tooltip()

    def unread_text(self) -> str:
        if not self._unread:
            return self.tr("No unread faxes")
        if self._unread == 1:
            return self.tr("1 unread fax")
        return self.tr("{n} unread faxes").format(n=self._unread)

    def in_flight_text(self) -> str:
        if self._in_flight == 0:
            return self.tr("No faxes in progress")
        if self._in_flight == 1:
            return self.tr("1 fax in progress")
        return self.tr("{n} faxes in progress").format(n=self._in_flight)

    # -- menu ---------------------------------------------------------------------------------

    def rebuild_menu(self) -> None:
        """Fill the menu from the current state (connected to aboutToShow)."""
        self.menu.clear()
        open_action = self.menu.addAction(self.tr("Open FaxDesk"))
        open_action.triggered.connect(self.show_window)
        send = self.menu.addAction(self.tr("Send a fax…"))
        send.triggered.connect(self._send)
        self.menu.addSeparator()
        unread = self.menu.addAction(self.unread_text())
        unread.setEnabled(self._unread > 0)
        unread.triggered.connect(self._show_unread)
        flight = self.menu.addAction(self.in_flight_text())
        flight.setEnabled(False)
        pause = self.menu.addAction(self.tr("Pause syncing"))
        pause.setCheckable(True)
        pause.setChecked(self._paused)
        pause.toggled.connect(self._toggle_pause)
        self.menu.addSeparator()
        quit_action = self.menu.addAction(self.tr("Quit FaxDesk"))
        quit_action.triggered.connect(self.quit)

    def actions(self) -> list[QAction]:
        return [a for a in self.menu.actions() if not a.isSeparator()]

    def _send(self) -> None:
        self.show_window()
        self.sendRequested.emit()

    def _show_unread(self) -> None:
        self.show_window()
        self.unreadRequested.emit()

    def _toggle_pause(self, paused: bool) -> None:
        self._paused = paused
        self._update_tooltip()
        self.pauseToggled.emit(paused)

    def _update_tooltip(self) -> None:
        name = self.tr("FaxDesk — Sandbox") if self.sandbox else "FaxDesk"
        parts = [name, self.in_flight_text()]
        if self._unread:
            parts.append(self.unread_text())
        if self._paused:
            parts.append(self.tr("Syncing paused"))
        self.icon.setToolTip(" — ".join(parts))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            if self._window.isVisible() and not self._window.isMinimized():
                self.hide_window()
            else:
                self.show_window()

    # -- window ---------------------------------------------------------------------------------

    def show_window(self) -> None:
        from faxdesk.ui.single_instance import bring_to_front

        self._hidden_to_tray = False
        self._watch.stop()
        bring_to_front(self._window)
        self.openRequested.emit()

    def should_hide(self) -> bool:
        """Asked when the window is being closed: True means "hide to the tray instead" (and
        the tray then watches that it stays reachable). False where there is no tray, when the
        user chose "closing quits", or while quitting."""
        if self._quitting or not self._settings().close_to_tray:
            return False
        if not (self.available and self.icon.isVisible()):
            return False
        self._hidden_to_tray = True
        self._watch.start()
        return True

    def hide_window(self) -> bool:
        """Hide to the tray; refused (False) when there is no tray to come back from."""
        if not (self.available and self.icon.isVisible()):
            return False
        self._hidden_to_tray = True
        self._window.hide()
        self._watch.start()
        return True

    def quit(self) -> None:
        self._quitting = True
        self.quitRequested.emit()
        window_quit = getattr(self._window, "quit", None)
        if callable(window_quit):
            # The main window shuts the backend down, then quits the app; with sends waiting
            # it asks first, and the person may keep it running (False).
            if window_quit() is False:
                self._quitting = False
            return
        self._window.close()
        QCoreApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self.should_hide():
                self._window.hide()
                event.ignore()
                return True
            # No tray (or the user wants closing to quit): an ordinary window app.
            self._quitting = True
        return False

    def _check_tray_still_there(self) -> None:
        if self._hidden_to_tray and not self.available:
            log.info("The system tray went away; showing the window again")
            self.show_window()

    def _on_about_to_quit(self) -> None:
        self._quitting = True
        self._watch.stop()
        self.notifier.close()
        self.icon.hide()

    # -- notifications --------------------------------------------------------------------------

    def notify_delivered(self, fax_id: str, to: str, pages: int | None = None) -> bool:
        if not self._settings().notify_delivered:
            return False
        if pages == 1:
            body = self.tr("1 page delivered to {to}.").format(to=to)
        elif pages:
            body = self.tr("{pages} pages delivered to {to}.").format(pages=pages, to=to)
        else:
            body = self.tr("Delivered to {to}.").format(to=to)
        return self._notify(Notice("delivered", fax_id, self._title(self.tr("Fax delivered")),
                                   body))

    def notify_failed(self, fax_id: str, to: str, reason: str | None,
                      words: str | None = None) -> bool:
        """`reason`: Telnyx's failure code; `words`: the reason already in words."""
        if not self._settings().notify_failed:
            return False
        words = words or failure_words(reason) or self.tr("No reason was given.")
        body = self.tr("The fax to {to} failed: {reason}").format(to=to, reason=words)
        return self._notify(Notice("failed", fax_id, self._title(self.tr("Fax failed")), body))

    def notify_received(self, fax_id: str, from_: str, pages: int | None = None) -> bool:
        if not self._settings().notify_received:
            return False
        if pages == 1:
            body = self.tr("1 page from {sender}.").format(sender=from_)
        elif pages:
            body = self.tr("{pages} pages from {sender}.").format(pages=pages, sender=from_)
        else:
            body = self.tr("From {sender}.").format(sender=from_)
        return self._notify(Notice("received", fax_id, self._title(self.tr("Fax received")),
                                   body))

    def _title(self, title: str) -> str:
        """A sandbox's notifications cannot be taken for the account's."""
        if self.sandbox:
            return self.tr("Sandbox: {title}").format(title=title)
        return title

    def faxes_changed(self, events: list[RowChanged]) -> None:
        """The changes of one merge of the window's table, in order."""
        for event in events:
            self.fax_changed(event)

    def fax_changed(self, event: RowChanged) -> None:
        """Announces a send made here once, with its final outcome. The engine publishes each
        change once: a send seen on its way in this session (or whose change says it was) is
        news when it ends; one first seen finished is history. A failed attempt that an
        automatic retry follows is no outcome (`FaxRow.final_outcome` is None), so only the last
        attempt is announced; the person stopping a waiting retry needs no notification. Faxes
        sent from elsewhere on the account (another computer, the portal) are in the list, not
        in notifications."""
        row = event.row
        if row.direction != "outbound" or row.journal_id is None:
            return
        outcome = row.final_outcome
        if outcome is None:
            self._moving.add(row.id)
            return
        new_row = event.previous_status is None and event.previous_pending is None
        was_moving = row.id in self._moving or (not new_row and (
            event.previous_pending not in (None, "rejected")
            or (event.previous_pending is None
                and event.previous_status not in FINAL_STATUSES)))
        self._moving.discard(row.id)
        if not was_moving or row.id in self._announced:
            return
        if event.previous_pending == "scheduled" and row.pending is None:
            return  # the person stopped the retrying: the last attempt's failure is known
        self._announced.add(row.id)
        to = row.to or ""
        label = f"{row.contact_name} ({to})" if row.contact_name else to
        if row.pending == "rejected":
            self.notify_failed(row.id, label, None, row.pending_error)
        elif outcome == "delivered":
            self.notify_delivered(row.id, label, row.page_count)
        else:
            self.notify_failed(row.id, label, row.failure_reason)

    def fax_received(self, row: FaxRow) -> None:
        """A received fax that is news (the window passes only those) was downloaded."""
        if row.id in self._announced:
            return
        self._announced.add(row.id)
        sender = row.from_number or ""
        self.notify_received(row.id, f"{row.contact_name} ({sender})" if row.contact_name
                             else sender, row.page_count)

    def _notify(self, notice: Notice) -> bool:
        try:
            return self.notifier.show(notice)
        except Exception as exc:  # a broken notification service must not break sending
            log.warning("Could not show a notification: %s", exc)
            return False

    def _open_fax(self, fax_id: str) -> None:
        self.show_window()
        self.faxActivated.emit(fax_id)

    def _best_notifier(self) -> Notifier:
        try:
            desktop = DesktopNotifierAdapter(
                self._clickedFromAnyThread.emit, open_label=self.tr("Open"),
                app_name=self.tr("FaxDesk Sandbox") if self.sandbox else "FaxDesk")
        except ImportError:  # no jeepney (not Linux): Qt's own tray messages
            return TrayMessageNotifier(self.icon, self._clickedFromAnyThread.emit)
        if desktop.available():
            return desktop
        desktop.close()
        return TrayMessageNotifier(self.icon, self._clickedFromAnyThread.emit)


class DesktopNotifierAdapter:
    """Notices through the freedesktop notification service (faxdesk.desktop.notifications):
    every notification keeps its own fax id, so clicking any of them opens the right fax."""

    def __init__(self, on_click: Callable[[str], None], *, open_label: str = "Open",
                 bus_address: str | None = None, app_name: str = "FaxDesk") -> None:
        from faxdesk.desktop.notifications import DesktopNotifier

        self._on_click = on_click
        self._open_label = open_label
        self.notifier = DesktopNotifier(
            app_name, on_action=self._action, desktop_entry="io.github.faxdesk.FaxDesk",
            bus_address=bus_address,
        )

    def available(self) -> bool:
        return self.notifier.is_available()

    def show(self, notice: Notice) -> bool:
        from faxdesk.desktop.notifications import Urgency

        category = {"delivered": "transfer.complete", "failed": "transfer.error",
                    "received": "transfer.complete"}.get(notice.kind, "transfer")
        notification_id = self.notifier.notify(
            notice.title, notice.body, context=notice.fax_id,
            actions=(("default", self._open_label),), icon=_notice_icon(notice.kind),
            urgency=Urgency.CRITICAL if notice.kind == "failed" else Urgency.NORMAL,
            category=category,
        )
        return notification_id is not None

    def _action(self, event: NotificationEvent) -> None:
        # Runs on the notifier's listener thread; on_click must be thread-safe (a Qt signal).
        if event.action == "default" and event.context:
            self._on_click(str(event.context))

    def close(self) -> None:
        self.notifier.shutdown()


def _notice_icon(kind: str) -> str:
    """A file path the notification daemon can show (an empty string: the daemon's default)."""
    try:
        from faxdesk.resources import icon_path

        return str(icon_path(f"status-{kind}"))
    except (ImportError, FileNotFoundError):
        return ""


def _state_icon(name: str) -> QIcon:
    """The tray icon for a state ("tray-idle", "tray-sending"), from the shipped resources."""
    try:
        from faxdesk.resources import icon_path

        themed = QIcon(str(icon_path(name)))
        if not themed.isNull():
            return themed
    except (ImportError, FileNotFoundError):
        pass
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
