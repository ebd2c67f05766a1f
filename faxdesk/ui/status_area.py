"""The status bar: connection state, last sync, faxes in flight, and errors in words.

A sync error goes away by itself once syncing works again; any other error stays until the next
one replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from faxdesk.core.events import SyncStateChanged
from faxdesk.ui.icons import icon
from faxdesk.ui.texts import format_time

#: How long a passing message ("Fax deleted.") stays in the status bar.
INFO_MS = 5000


class StatusArea(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self._error_from_sync = False
        self.last_error = ""
        self.conn_icon = QLabel()
        self.conn_label = QLabel(self.tr("Connecting…"))
        self.conn_label.setObjectName("connection_state")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("last_sync")
        self.error_label = QLabel()
        self.error_label.setObjectName("status_error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.inflight_label = QLabel()
        bar.addWidget(self.conn_icon)
        bar.addWidget(self.conn_label)
        bar.addWidget(self.error_label, 1)
        bar.addPermanentWidget(self.inflight_label)
        bar.addPermanentWidget(self.sync_label)

    def show_sync_state(self, event: SyncStateChanged) -> None:
        words = {
            "ok": self.tr("Connected"),
            "offline": self.tr("Offline — will retry"),
            "auth_failed": self.tr("API key not accepted"),
            "rate_limited": self.tr("Slowing down (Telnyx rate limit)"),
            "paused": self.tr("Syncing paused"),
            "no_account": self.tr("Not connected"),
        }
        self.conn_label.setText(words.get(event.state, event.state))
        good = event.state == "ok"
        bad = event.state in ("auth_failed", "no_account")
        name = "online" if good else "error" if bad else "offline"
        self.conn_icon.setPixmap(icon(name).pixmap(16, 16))
        if event.last_sync is not None:
            self.sync_label.setText(
                self.tr("Last sync {time}").format(time=format_time(event.last_sync)))
        if good:
            if self._error_from_sync:
                self.error_label.clear()
        elif event.message:
            self.show_error(event.message, from_sync=True)

    def show_in_flight(self, count: int) -> None:
        self.inflight_label.setText(self.tr("{n} in flight").format(n=count) if count else "")

    def show_error(self, text: str, *, from_sync: bool = False) -> None:
        self._error_from_sync = from_sync
        self.last_error = text
        self.error_label.setText(text)
        self.error_label.setToolTip(text)

    def show_info(self, text: str) -> None:
        self._bar.showMessage(text, INFO_MS)
