"""Desktop notifications through the freedesktop Notifications D-Bus service (no Qt).

Uses ``jeepney`` because QtDBus cannot send ``Notify``'s ``u`` replaces_id argument
(shared/PLATFORM.md). Clicking a notification (its "default" action) calls ``on_action`` with the
notification id and the ``context`` given to :meth:`DesktopNotifier.notify` (e.g. a fax id), from a
background thread: a Qt caller forwards it to the GUI thread with a signal.

Nothing here raises into the caller: failures are logged and reported as ``None``/``False``, and
the UI falls back to ``QSystemTrayIcon.showMessage`` when :meth:`is_available` is False.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"

try:  # jeepney comes with keyring on Linux only; elsewhere there is no freedesktop service
    from jeepney import (
        DBusAddress,
        HeaderFields,
        MatchRule,
        Message,
        MessageType,
        new_method_call,
    )
    from jeepney.bus_messages import message_bus
    from jeepney.io.threading import DBusRouter, open_dbus_connection
except ImportError:  # pragma: no cover - not on Linux
    HAVE_JEEPNEY = False
else:
    HAVE_JEEPNEY = True
    _NOTIFICATIONS = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
_CALL_TIMEOUT = 2.0  # seconds; a notification daemon answers in milliseconds


class Urgency(IntEnum):
    LOW = 0
    NORMAL = 1
    CRITICAL = 2


class CloseReason(IntEnum):
    EXPIRED = 1
    DISMISSED = 2
    CLOSED_BY_CALL = 3
    UNDEFINED = 4


@dataclass(frozen=True, slots=True)
class NotificationEvent:
    """An action invoked on one of our notifications ("default" = the notification was clicked),
    or its closing (``action`` is "", ``close_reason`` set)."""

    notification_id: int
    action: str
    context: str | None
    close_reason: CloseReason | None = None


Callback = Callable[[NotificationEvent], None]
_STOP = object()


class DesktopNotifier:
    """Sends notifications and listens for their actions; connects lazily, reconnects on error."""

    def __init__(
        self,
        app_name: str = "FaxDesk",
        *,
        on_action: Callback | None = None,
        on_closed: Callback | None = None,
        desktop_entry: str | None = None,
        bus_address: str | None = None,
    ) -> None:
        self.app_name = app_name
        self.on_action = on_action
        self.on_closed = on_closed
        self._desktop_entry = desktop_entry
        self._bus = bus_address or "SESSION"  # "SESSION": $DBUS_SESSION_BUS_ADDRESS at connect
        self._lock = threading.Lock()
        self._router: DBusRouter | None = None
        self._signals: queue.Queue[Any] | None = None
        self._filter: Any = None
        self._listener: threading.Thread | None = None
        self._contexts: dict[int, str | None] = {}

    def __repr__(self) -> str:
        return f"DesktopNotifier(app_name={self.app_name!r}, connected={self._router is not None})"

    def __enter__(self) -> DesktopNotifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # --- public API ---------------------------------------------------------------------------

    def is_available(self) -> bool:
        """Whether a notification service is running (or activatable) on the session bus."""
        try:
            router = self._connect()
            if _call(router, message_bus.NameHasOwner(SERVICE))[0]:
                return True
            return SERVICE in _call(router, message_bus.ListActivatableNames())[0]
        except Exception as exc:
            # No session bus (KeyError: no DBUS_SESSION_BUS_ADDRESS) is normal on many systems:
            # the tray falls back to Qt's own messages, so this is no warning.
            log.info("Desktop notifications unavailable (%s)", type(exc).__name__)
            self.shutdown()
            return False

    def server_information(self) -> tuple[str, str, str, str] | None:
        """(name, vendor, version, spec_version) of the daemon, or None."""
        try:
            body = _call(self._connect(), new_method_call(_NOTIFICATIONS, "GetServerInformation"))
            return (str(body[0]), str(body[1]), str(body[2]), str(body[3]))
        except Exception as exc:
            self._drop_connection(f"GetServerInformation failed ({type(exc).__name__})")
            return None

    def capabilities(self) -> list[str]:
        """The daemon's capabilities (e.g. "actions", "body"); empty when unknown."""
        try:
            body = _call(self._connect(), new_method_call(_NOTIFICATIONS, "GetCapabilities"))
            return [str(item) for item in body[0]]
        except Exception as exc:
            self._drop_connection(f"GetCapabilities failed ({type(exc).__name__})")
            return []

    def notify(
        self,
        summary: str,
        body: str = "",
        *,
        context: str | None = None,
        actions: Sequence[tuple[str, str]] = (("default", "Open"),),
        icon: str = "",
        urgency: Urgency = Urgency.NORMAL,
        category: str = "",
        timeout_ms: int = -1,
        replaces_id: int = 0,
    ) -> int | None:
        """Show a notification; returns its id, or None (logged) when it could not be shown.

        ``context`` comes back in :class:`NotificationEvent` when the user clicks it.
        """
        flat_actions = [part for action in actions for part in action]
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", int(urgency))}
        if category:
            hints["category"] = ("s", category)
        if self._desktop_entry:
            hints["desktop-entry"] = ("s", self._desktop_entry)
        message = new_method_call(
            _NOTIFICATIONS,
            "Notify",
            "susssasa{sv}i",
            (self.app_name, replaces_id, icon, summary, body, flat_actions, hints, timeout_ms),
        )
        try:
            with self._lock:
                router = self._connect_locked()
                notification_id = int(_call(router, message)[0])
                # Recorded under the lock so a click arriving right away finds the context.
                self._contexts[notification_id] = context
        except Exception as exc:
            self._drop_connection(f"could not show a desktop notification ({type(exc).__name__})")
            return None
        return notification_id

    def close_notification(self, notification_id: int) -> bool:
        try:
            _call(
                self._connect(),
                new_method_call(_NOTIFICATIONS, "CloseNotification", "u", (notification_id,)),
            )
        except Exception as exc:
            self._drop_connection(f"CloseNotification failed ({type(exc).__name__})")
            return False
        return True

    def shutdown(self) -> None:
        """Stop listening and close the connection (idempotent). Joins the listener thread."""
        with self._lock:
            router, listener, signals, handle = (
                self._router,
                self._listener,
                self._signals,
                self._filter,
            )
            self._router = self._listener = self._signals = self._filter = None
        _close(router, listener, signals, handle)

    # --- connection and listener ----------------------------------------------------------------

    def _connect(self) -> DBusRouter:
        with self._lock:
            return self._connect_locked()

    def _connect_locked(self) -> DBusRouter:
        if self._router is not None:
            return self._router
        if not HAVE_JEEPNEY:
            raise ConnectionError("no D-Bus support on this platform")
        conn = open_dbus_connection(self._bus)
        router = DBusRouter(conn)
        try:
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            signals: queue.Queue[Any] = queue.Queue()
            handle = router.filter(rule, queue=signals)
            # Daemons send these signals either to the caller or broadcast; receive both.
            _call(router, message_bus.AddMatch(rule))
        except Exception:
            router.close()
            conn.close()
            raise
        listener = threading.Thread(
            target=self._listen, args=(signals,), name="faxdesk-notifications", daemon=True
        )
        self._router, self._signals = router, signals
        self._filter, self._listener = handle, listener
        listener.start()
        return router

    def _drop_connection(self, reason: str) -> None:
        log.warning("Desktop notifications: %s", reason)
        self.shutdown()

    def _send_close(self, notification_id: int) -> None:
        router = self._router
        if router is None:
            return
        try:
            router.send(
                new_method_call(_NOTIFICATIONS, "CloseNotification", "u", (notification_id,))
            )
        except Exception as exc:
            log.debug("closing notification after its action failed (%s)", type(exc).__name__)

    def _listen(self, signals: queue.Queue[Any]) -> None:
        while True:
            item = signals.get()
            if item is _STOP:
                return
            try:
                self._dispatch(item)
            except Exception:
                log.exception("Desktop notifications: a notification callback failed")

    def _dispatch(self, msg: Message) -> None:
        if msg.header.message_type != MessageType.signal:
            return
        member = msg.header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            notification_id, action = int(msg.body[0]), str(msg.body[1])
            with self._lock:
                if notification_id not in self._contexts:
                    return  # another application's notification
                context = self._contexts[notification_id]
            # Some daemons (dunst) leave the notification up after a click; libnotify closes it
            # too, so do the same. Fire and forget: this runs on the listener thread.
            self._send_close(notification_id)
            if self.on_action is not None:
                self.on_action(NotificationEvent(notification_id, action, context))
        elif member == "NotificationClosed":
            notification_id, reason = int(msg.body[0]), int(msg.body[1])
            with self._lock:
                if notification_id not in self._contexts:
                    return
                context = self._contexts.pop(notification_id)
            if self.on_closed is not None:
                try:
                    close_reason = CloseReason(reason)
                except ValueError:
                    close_reason = CloseReason.UNDEFINED
                self.on_closed(NotificationEvent(notification_id, "", context, close_reason))


def is_available(bus_address: str | None = None) -> bool:
    """Whether a freedesktop notification service is reachable on the session bus."""
    with DesktopNotifier(bus_address=bus_address) as notifier:
        return notifier.is_available()


# --- helpers -----------------------------------------------------------------------------------


def _call(router: DBusRouter, message: Message) -> tuple[Any, ...]:
    reply = router.send_and_get_reply(message, timeout=_CALL_TIMEOUT)
    if reply.header.message_type == MessageType.error:
        name = reply.header.fields.get(HeaderFields.error_name, "unknown error")
        raise ConnectionError(f"D-Bus error {name}")
    return tuple(reply.body)


def _close(
    router: DBusRouter | None,
    listener: threading.Thread | None,
    signals: queue.Queue[Any] | None,
    handle: Any,
) -> None:
    if handle is not None:
        try:
            handle.close()
        except Exception:  # already removed
            log.debug("filter already closed", exc_info=True)
    if signals is not None:
        signals.put(_STOP)
    if listener is not None and listener is not threading.current_thread():
        listener.join(timeout=5)
    if router is not None:
        try:
            router.close()
            router.conn.close()
        except Exception:
            log.debug("closing the D-Bus connection failed", exc_info=True)
