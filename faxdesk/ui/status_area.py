"""The status bar: connection state, last sync, faxes in flight, and problems in words.

A problem stays exactly as long as its cause: each has a key ("sync", "key", "listener",
"download:<fax id>", ...) and goes away when that condition is gone (syncing works again, the
fax was downloaded). A problem that lasts names the action that fixes it, as a link the person
can click ("Open Settings…"). A failed action ("Cancel" when Telnyx could not be reached) is a
passing problem: it goes after a while, or when the next action succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from faxdesk.core.events import SyncStateChanged
from faxdesk.ui.icons import icon
from faxdesk.ui.texts import format_time

#: How long a passing message ("Fax deleted.") stays in the status bar.
INFO_MS = 5000
#: How long a failed action's words stay (a lasting problem stays until its cause is gone).
PASSING_ERROR_MS = 15000

#: The fixing action a problem can name: the window knows how to run each.
FIX_SETTINGS = "settings"
FIX_SYNC = "sync"


@dataclass(frozen=True, slots=True)
class Problem:
    text: str
    fix: str = ""  # FIX_SETTINGS, FIX_SYNC or "" (nothing the person can do but wait)


class StatusArea(QObject):
    #: The person clicked the fixing action of a problem (FIX_SETTINGS, FIX_SYNC).
    fixRequested = Signal(str)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._problems: dict[str, Problem] = {}
        self.conn_icon = QLabel()
        self.conn_label = QLabel(self.tr("Connecting…"))
        self.conn_label.setObjectName("connection_state")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("last_sync")
        self.error_label = QLabel()
        self.error_label.setObjectName("status_error")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setStyleSheet("color: #b00020;")
        # Never wider than the bar: a long problem is cut, all of it is in the tooltip.
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.setMinimumWidth(40)
        self.error_label.linkActivated.connect(self.fixRequested)
        self.inflight_label = QLabel()
        self.inflight_label.setObjectName("in_flight")
        bar.addWidget(self.conn_icon)
        bar.addWidget(self.conn_label)
        bar.addWidget(self.error_label, 1)
        bar.addPermanentWidget(self.inflight_label)
        bar.addPermanentWidget(self.sync_label)
        self._bar = bar
        self._passing = QTimer(self)
        self._passing.setSingleShot(True)
        self._passing.setInterval(PASSING_ERROR_MS)
        self._passing.timeout.connect(self._passing_over)

    # -- problems with a cause ------------------------------------------------------------------

    def set_problem(self, key: str, text: str, fix: str = "") -> None:
        """Show a problem until `clear_problem(key)` (a newer problem of the same key replaces
        it)."""
        self._problems.pop(key, None)
        self._problems[key] = Problem(text, fix)
        self._show()

    def clear_problem(self, key: str) -> None:
        if self._problems.pop(key, None) is not None:
            self._show()

    def clear_problems(self, prefix: str) -> None:
        keys = [k for k in self._problems if k.startswith(prefix)]
        for key in keys:
            del self._problems[key]
        if keys:
            self._show()

    def problems(self) -> dict[str, Problem]:
        return dict(self._problems)

    @property
    def last_error(self) -> str:
        """The problem shown now ("" when there is none)."""
        if not self._problems:
            return ""
        return next(reversed(self._problems.values())).text

    def _show(self) -> None:
        if not self._problems:
            self.error_label.clear()
            self.error_label.setToolTip("")
            return
        latest = next(reversed(self._problems.values()))
        words = {FIX_SETTINGS: self.tr("Open Settings…"), FIX_SYNC: self.tr("Try again now")}
        html = escape(latest.text)
        if latest.fix in words:
            html += f' <a href="{latest.fix}">{escape(words[latest.fix])}</a>'
        self.error_label.setText(html)
        self.error_label.setToolTip("\n\n".join(p.text for p in self._problems.values()))

    # -- what the window reports ------------------------------------------------------------------

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
        good = event.state in ("ok", "paused")
        bad = event.state in ("auth_failed", "no_account")
        name = "online" if event.state == "ok" else "error" if bad else "offline"
        self.conn_icon.setPixmap(icon(name).pixmap(16, 16))
        if event.last_sync is not None:
            self.sync_label.setText(
                self.tr("Last sync {time}").format(time=format_time(event.last_sync)))
        if good:
            # Syncing works: whatever stopped it (a refused key, no network) is gone.
            self.clear_problem("sync")
            self.clear_problem("key")
            return
        if event.state in ("auth_failed", "no_account"):
            self.clear_problem("key")
            self.set_problem("sync", event.message or words[event.state], FIX_SETTINGS)
        elif event.message:
            self.set_problem("sync", event.message, FIX_SYNC)

    def show_in_flight(self, count: int) -> None:
        self.inflight_label.setText(self.tr("{n} in progress").format(n=count) if count else "")

    def show_error(self, text: str, *, from_sync: bool = False) -> None:
        """A failed action, in words: it passes (after a while, or with the next success)."""
        if from_sync:
            self.set_problem("sync", text, FIX_SYNC)
            return
        self.set_problem("action", text)
        self._passing.start()

    def _passing_over(self) -> None:
        self.clear_problem("action")

    def show_info(self, text: str) -> None:
        # Something worked: an earlier failed action is no longer news.
        self._passing.stop()
        self.clear_problem("action")
        self._bar.showMessage(text, INFO_MS)
