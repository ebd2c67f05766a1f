"""The tray icon: a menu rebuilt each time it opens, and notifications about faxes.

Menu: Open FaxDesk, Send a fax…, the number of faxes in flight, Pause syncing, Quit.
Notifications: delivered, failed (with the reason in words) and received, each switchable in the
settings; clicking one emits :attr:`TrayController.faxActivated` with that fax's id so the window
can open it. They go through the desktop's notification service when
``faxdesk.desktop.notifications`` can reach one (D-Bus, with a click action), otherwise through
``QSystemTrayIcon.showMessage``.

Where no system tray exists FaxDesk is an ordinary window app: closing the window quits, and the
window is never hidden where the user could not get it back. With a tray, closing the window
hides it to the tray (when the ``close_to_tray`` setting is on); if the tray disappears later,
the hidden window comes back.

Integration (main window start-up, one line)::

    self.tray = TrayController(self, settings=lambda: backend.settings)
    # then connect tray.sendRequested, pauseToggled, faxActivated; call set_in_flight(n),
    # notify_delivered/failed/received(...) from the core's events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QWidget

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
    """A Telnyx failure_reason in plain words (the main window's texts module has them all)."""
    try:
        from faxdesk.ui.texts import failure_text
    except ImportError:  # before the main window's modules are merged
        return reason or ""
    return str(failure_text(reason))


class TrayController(QObject):
    """Owns the tray icon, its menu, the notifications and the close-to-tray behaviour."""

    openRequested = Signal()
    sendRequested = Signal()
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
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings or _AllOn
        self._tray_available = tray_available
        self._in_flight = 0
        self._paused = False
        self._quitting = False
        self._hidden_to_tray = False
        self.menu = QMenu(window)
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon = QSystemTrayIcon(icon or _default_icon(), self)
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
        window.installEventFilter(self)
        if self.available:
            self.icon.show()
        QApplication.instance().aboutToQuit.connect(self._on_about_to_quit)  # type: ignore[union-attr]

    # -- state from the app -------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether the desktop has a system tray the icon can live in."""
        return bool(self._tray_available())

    def set_in_flight(self, count: int) -> None:
        self._in_flight = max(0, count)
        self._update_tooltip()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._update_tooltip()

    def in_flight_text(self) -> str:
        if self._in_flight == 0:
            return self.tr("No faxes in flight")
        if self._in_flight == 1:
            return self.tr("1 fax in flight")
        return self.tr("{n} faxes in flight").format(n=self._in_flight)

    # -- menu ---------------------------------------------------------------------------------

    def rebuild_menu(self) -> None:
        """Fill the menu from the current state (connected to aboutToShow)."""
        self.menu.clear()
        open_action = self.menu.addAction(self.tr("Open FaxDesk"))
        open_action.triggered.connect(self.show_window)
        send = self.menu.addAction(self.tr("Send a fax…"))
        send.triggered.connect(self._send)
        self.menu.addSeparator()
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

    def _toggle_pause(self, paused: bool) -> None:
        self._paused = paused
        self._update_tooltip()
        self.pauseToggled.emit(paused)

    def _update_tooltip(self) -> None:
        parts = ["FaxDesk", self.in_flight_text()]
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
        self._window.close()
        QCoreApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close and not self._quitting:
            if self._settings().close_to_tray and self.hide_window():
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
        body = (
            self.tr("{pages} page(s) delivered to {to}.").format(pages=pages, to=to)
            if pages else self.tr("Delivered to {to}.").format(to=to)
        )
        return self._notify(Notice("delivered", fax_id, self.tr("Fax delivered"), body))

    def notify_failed(self, fax_id: str, to: str, reason: str | None) -> bool:
        if not self._settings().notify_failed:
            return False
        words = failure_words(reason) or self.tr("No reason was given.")
        body = self.tr("The fax to {to} failed: {reason}").format(to=to, reason=words)
        return self._notify(Notice("failed", fax_id, self.tr("Fax failed"), body))

    def notify_received(self, fax_id: str, from_: str, pages: int | None = None) -> bool:
        if not self._settings().notify_received:
            return False
        body = (
            self.tr("{pages} page(s) from {sender}.").format(pages=pages, sender=from_)
            if pages else self.tr("From {sender}.").format(sender=from_)
        )
        return self._notify(Notice("received", fax_id, self.tr("Fax received"), body))

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
        desktop = _desktop_notifier(self._clickedFromAnyThread.emit)
        if desktop is not None:
            return desktop
        return TrayMessageNotifier(self.icon, self._clickedFromAnyThread.emit)


def _desktop_notifier(on_click: Callable[[str], None]) -> Notifier | None:
    """The D-Bus notifier of faxdesk.desktop.notifications, when it and a service exist."""
    try:
        import faxdesk.desktop.notifications  # noqa: F401
    except ImportError:
        return None
    return None


def _default_icon() -> QIcon:
    try:
        from faxdesk.ui.icons import icon
    except ImportError:
        style = QApplication.style()
        return style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
    app_icon: QIcon = icon("app")
    return app_icon
