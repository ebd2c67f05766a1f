"""The main window: applications | faxes | detail, with menus, toolbar and status bar.

All work on the account or the disk runs on the `Worker`, calling the core's `FaxEngine`; the
engine's events arrive through an `EventBridge` on the GUI thread and update the table row of
that fax in place.

The window fits the screen it is on: with room for the whole table beside the detail pane they
sit side by side, otherwise the detail pane goes below the table; the toolbar drops its words
when narrow. A sandbox window says so in its title and in a banner, and marks the dialogs it
opens the same way.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from faxdesk.api.models import FaxApplication
from faxdesk.core.contacts import ContactBook
from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import (
    ApplicationsChanged,
    DownloadFailed,
    Event,
    FaxReceived,
    InFlightChanged,
    ListenerFailed,
    RowChanged,
    RowRemoved,
    SyncStateChanged,
)
from faxdesk.core.rows import FaxRow
from faxdesk.core.settings import Settings
from faxdesk.ui.app_operations import ApplicationOperations
from faxdesk.ui.apps_pane import ApplicationsPane
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.event_queue import EventQueue
from faxdesk.ui.fax_actions import (
    BULK_ACTIONS,
    FAX_ACTIONS,
    FaxAction,
    cancel_label,
    delete_label,
    enabled_actions,
    read_label,
    shown_actions,
)
from faxdesk.ui.fax_list import FaxListPane
from faxdesk.ui.first_frame import COLUMN_WIDTHS_KEY, PANES_KEY, default_window_size
from faxdesk.ui.icons import icon
from faxdesk.ui.models import (
    COL_PARTY,
    COL_UPDATED,
    ContactNames,
    PreparedRows,
    export_csv,
    keep_out_of_full_collections,
    load_rows,
)
from faxdesk.ui.operations import FaxOperations
from faxdesk.ui.preview import render_thumbnails
from faxdesk.ui.sandbox_banner import mark_as_sandbox, sandbox_banner, sandbox_suffix
from faxdesk.ui.status_area import FIX_SETTINGS, FIX_SYNC, StatusArea
from faxdesk.ui.texts import error_text, format_time
from faxdesk.ui.widgets import fit_to_screen, show_tool_button_words
from faxdesk.ui.worker import EventBridge, LatestAnswer, Worker

if TYPE_CHECKING:
    from faxdesk.ui.app_dialog import ApplicationDialog
    from faxdesk.ui.send_dialog import SendDialog
    from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices

log = logging.getLogger(__name__)

#: How long quitting waits for the engine to stop (its network calls are aborted first).
STOP_WAIT_SECS = 1.0
# How often the interpreter may switch threads while the window runs (Python's default: 5 ms).
# Measured during a first sync of 10,000 faxes, 16 interleaved runs each: at 1 ms the p99 beat
# gap went over a frame (16.7 ms) in 6 runs, at 0.25 ms in none (medians 16 and 13 ms), and the
# sync took as long.
SWITCH_INTERVAL_S = 0.00025
# Rows from the engine are merged into the table after this pause (a sync's page comes as one
# burst), at most this many at a time (about 4 ms of work).
_BATCH_MS = 25
_ROWS_PER_MERGE = 200
# The pause between two such merges of one burst: a frame at 60 Hz, so that a frame holds at most
# one merge and the table paints between them (back to back, a merge and the repaint it causes
# made the window miss frames while a sync stored thousands of faxes).
_FRAME_MS = 16

# The engine's events the window acts on (`_on_event`).
_SHOWN_EVENTS = (RowChanged, RowRemoved, ApplicationsChanged, SyncStateChanged,
                 InFlightChanged, FaxReceived, DownloadFailed, ListenerFailed)
#: A received fax shown this long in the detail pane counts as read.
READ_AFTER_MS = 1500
#: Side by side needs room for the applications, the whole table and the detail pane.
APPS_WIDTH = 180
DETAIL_WIDTH = 380
#: Below this width the toolbar shows icons only (their words are in the tooltips).
TOOLBAR_WORDS_WIDTH = 1000
#: The other party's column keeps at least this much before "Updated" makes room for it.
PARTY_MIN_WIDTH = 200
#: What the other party's column keeps at the least, in the table's font: a whole number
#: (narrower, it would show only "+1 …", so the table scrolls sideways instead).
PARTY_LEAST_TEXT = "+86 138 0013 8000"


class SettingsHost(Protocol):
    """Where settings live and what applying them means (app.py provides it)."""

    def current_settings(self) -> Settings: ...
    def settings_services(self, applications: Sequence[FaxApplication]) -> SettingsServices: ...
    def apply_settings(self, settings: Settings, key: str | None) -> None: ...


class HidesToTray(Protocol):
    def should_hide(self) -> bool: ...


class MainWindow(QMainWindow):
    # The RowChanged of one merge, in order (for the tray's notifications): one emission per
    # merge, not per row; a sync merges thousands, and each emission is a trip through Qt.
    faxesChanged = Signal(list)
    faxReceived = Signal(object)  # FaxRow, a received fax worth telling about
    syncStateChanged = Signal(object)  # SyncStateChanged
    inFlightChanged = Signal(int)
    unreadChanged = Signal(int)

    def __init__(
        self,
        engine: FaxEngine,
        *,
        worker: Worker | None = None,
        settings_host: SettingsHost | None = None,
        state: QSettings | None = None,
        title_suffix: str = "",
        sandbox: bool = False,
    ) -> None:
        super().__init__()
        self.worker = worker or Worker(self)
        self.engine = engine
        self.settings_host = settings_host
        self.sandbox = sandbox
        self._state = state if state is not None else QSettings()
        self._shut_down = False
        #: Builds the send dialog for the given files (set when the window is assembled).
        self.send_dialog_factory: Callable[[MainWindow, list[str]], SendDialog] | None = None
        self.send_dialog: SendDialog | None = None
        self.quit_question: QMessageBox | None = None
        self._files_for_next_dialog: list[str] = []
        #: The tray, when there is one: when it says so, closing hides instead of quitting.
        self.tray: HidesToTray | None = None
        self.sync_state: SyncStateChanged | None = None
        self._since_reload: list[RowChanged | RowRemoved] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._select_when_shown: str | None = None
        self.unread = 0
        #: The address book: names the other party in the table and the detail.
        self.contacts: ContactBook | None = None
        self._contacts_timer = QTimer(self)
        self._contacts_timer.setSingleShot(True)
        self._contacts_timer.setInterval(150)
        self._contacts_timer.timeout.connect(self.refresh_contacts)
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._read_shown_fax)
        self._unread_timer = QTimer(self)
        self._unread_timer.setSingleShot(True)
        self._unread_timer.setInterval(50)
        self._unread_timer.timeout.connect(self._count_unread)

        self._title = self.tr("FaxDesk") + (sandbox_suffix() if sandbox else title_suffix)
        self.setWindowTitle(self._title)
        self.setWindowIcon(icon("app"))
        # Room for the applications, the filters with a usable search box, and a few rows.
        self.setMinimumSize(QSize(720, 480))

        self.fax_list = FaxListPane()
        self.fax_list.currentChanged.connect(self._current_changed)
        self.fax_list.activated.connect(self.open_current)
        self.fax_list.exportRequested.connect(self._export_visible)
        # The list's parts, which the rest of the window (and its tests) reach directly.
        self.model = self.fax_list.model
        self.proxy = self.fax_list.proxy
        self.table = self.fax_list.table
        self.search = self.fax_list.search
        # Several faxes can be chosen for a bulk delete, mark read or export; right-click
        # offers what can be done with them.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged):
            signal.connect(self._count_unread_soon)
        # The other party's column takes the room there is (a long name is cut with "…"; the
        # whole name is in the detail pane); "Updated" goes first when the table is narrow.
        self._natural_table_width = self._table_width()
        # What "Updated" takes when shown (a hidden section's size reads as 0).
        self._updated_width = self.table.horizontalHeader().sectionSize(COL_UPDATED)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_PARTY, QHeaderView.ResizeMode.Stretch)
        self._columns_timer = QTimer(self)
        self._columns_timer.setSingleShot(True)
        self._columns_timer.setInterval(0)
        self._columns_timer.timeout.connect(self._fit_columns)

        self.apps_pane = ApplicationsPane()
        self.apps_pane.setObjectName("apps_pane")
        self.apps_pane.list.setAccessibleName(self.tr("Fax applications"))
        self.detail = FaxDetailPane()
        self.detail.application_name = self.apps_pane.name_of
        self.detail.actionRequested.connect(self.run_action)
        self.apps_pane.selectionChanged.connect(self.proxy.set_application)
        self.apps_pane.newRequested.connect(self.new_application)
        self.apps_pane.editRequested.connect(self.edit_application)
        self.apps_pane.deleteRequested.connect(self.delete_application)

        # The table and the detail pane: side by side when the window is wide enough.
        self.content = QSplitter(Qt.Orientation.Horizontal)
        self.content.setObjectName("content_splitter")
        self.content.setChildrenCollapsible(False)
        self.content.addWidget(self.fax_list)
        self.content.addWidget(self.detail)
        self.content.setStretchFactor(0, 1)
        self.content.setStretchFactor(1, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.apps_pane)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.splitterMoved.connect(self._fit_columns_soon)
        self.content.splitterMoved.connect(self._fit_columns_soon)
        self.apps_pane.setMinimumWidth(120)
        self.fax_list.setMinimumWidth(300)
        self.detail.setMinimumWidth(260)
        self.detail.setMinimumHeight(160)
        self.fax_list.setMinimumHeight(160)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = sandbox_banner(central) if sandbox else None
        if self.banner is not None:
            column.addWidget(self.banner)
        # The banner spans the window; the panes keep a little room from its edges.
        body = QVBoxLayout()
        body.setContentsMargins(6, 6, 6, 0)
        body.addWidget(self.splitter)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.operations = FaxOperations(self)
        self.app_operations = ApplicationOperations(self)
        self._build_actions()
        self._build_status_bar()
        self._set_tab_order()

        self.bridge = EventBridge(self)
        self.bridge.received.connect(self._on_event)
        # A sync reports one event per fax; the table takes them in batches (one sort, one
        # repaint) instead of one insert each, which stalled the window on big histories.
        self._fax_batch: list[RowChanged] = []
        self._contact_reads = LatestAnswer()
        self._application_reads = LatestAnswer()
        self._fax_batch_timer = QTimer(self)
        self._fax_batch_timer.setSingleShot(True)
        self._fax_batch_timer.timeout.connect(self._merge_some_rows)
        self.worker.unhandledError.connect(self.show_exception)
        self._side_by_side: bool | None = None
        self._restore_geometry()

    # construction ----------------------------------------------------------------------------
    def _action(
        self, text: str, icon_name: str | None, slot: Callable[[], object],
        shortcut: QKeySequence | str | None = None, name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _fax_action(self, name: FaxAction, text: str, icon_name: str,
                    shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.setData(name)
        action.triggered.connect(self._fax_action_triggered)
        return action

    def _build_actions(self) -> None:
        self.act_new_fax = self._action(self.tr("&New fax…"), "new-fax", self.new_fax, "Ctrl+N",
                                        "new_fax")
        self.act_sync = self._action(self.tr("&Sync now"), "sync", self.sync_now, "F5", "sync")
        self.act_export = self._action(self.tr("&Export CSV…"), "export", self._export_visible,
                                       None, "export")
        self.act_export_selected = self._action(self.tr("Export the selected faxes…"), "export",
                                                self._export_chosen, None, "export_selected")
        self.act_settings = self._action(self.tr("Se&ttings…"), "settings", self.open_settings,
                                         "Ctrl+,", "settings")
        self.act_quit = self._action(self.tr("&Quit"), "quit", self.quit, "Ctrl+Q", "quit")
        self.act_search = self._action(self.tr("&Find…"), None, self.focus_search, "Ctrl+F",
                                       "find")
        self.act_cancel = self._fax_action("cancel", self.tr("&Cancel sending"), "cancel")
        self.act_retry_now = self._fax_action("retry_now", self.tr("Retry &now"), "resend")
        self.act_delete = self._fax_action("delete", self.tr("&Delete…"), "delete",
                                           QKeySequence(QKeySequence.StandardKey.Delete))
        # Del deletes a fax only while the table has focus (not while typing in the search).
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.act_delete)
        self.act_resend = self._fax_action("resend", self.tr("&Resend"), "resend")
        self.act_refresh = self._fax_action("refresh", self.tr("Fetch a&gain from Telnyx"),
                                            "refresh")
        self.act_open = self._fax_action("open", self.tr("&Open document"), "open", "Ctrl+O")
        self.act_save = self._fax_action("save", self.tr("&Save PDF…"), "save", "Ctrl+S")
        self.act_read = self._fax_action("mark_read", self.tr("Mark read/&unread"), "mark-read",
                                         "Ctrl+U")
        self.act_print = self._fax_action("print", self.tr("&Print…"), "print", "Ctrl+P")
        self.act_report = self._fax_action("report", self.tr("Transmission re&port…"), "report")
        self.fax_actions: dict[FaxAction, QAction] = {
            "cancel": self.act_cancel, "retry_now": self.act_retry_now,
            "delete": self.act_delete, "resend": self.act_resend,
            "refresh": self.act_refresh, "open": self.act_open, "save": self.act_save,
            "mark_read": self.act_read, "print": self.act_print, "report": self.act_report,
        }
        self.act_new_app = self._action(self.tr("New &application…"), "add",
                                        self.new_application, None, "new_app")
        self.act_about = self._action(self.tr("&About FaxDesk"), None, self.about, None, "about")

        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(self.tr("&File"))
        for a in (self.act_new_fax, self.act_new_app, None, self.act_export, None,
                  self.act_settings, None, self.act_quit):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        self.fax_menu = fax_menu = bar.addMenu(self.tr("F&ax"))
        for a in (self.act_sync, None, self.act_open, self.act_save, self.act_print,
                  self.act_report, self.act_read, None, self.act_retry_now,
                  self.act_cancel, self.act_resend, self.act_refresh, self.act_delete):
            fax_menu.addSeparator() if a is None else fax_menu.addAction(a)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_search)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)

        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.act_new_fax, self.act_sync, None, self.act_retry_now, self.act_cancel,
                  self.act_resend, self.act_delete, None, self.act_export, self.act_settings):
            if a is None:
                self.toolbar.addSeparator()
            else:
                show_tool_button_words(a)
                self.toolbar.addAction(a)
        self._update_actions()

    def _build_status_bar(self) -> None:
        self.status_area = StatusArea(self.statusBar())
        self.status_area.fixRequested.connect(self._fix_requested)
        # Its labels, which tests and the rest of the window read directly.
        self.conn_label = self.status_area.conn_label
        self.error_label = self.status_area.error_label
        self.sync_label = self.status_area.sync_label
        self.inflight_label = self.status_area.inflight_label

    def _set_tab_order(self) -> None:
        """Tab goes the way the eye reads: applications, filters, search, the faxes, and the
        selected fax's actions."""
        fl = self.fax_list
        chain: list[QWidget] = [self.apps_pane.list, fl.direction_filter, fl.status_filter,
                                fl.search, fl.export_button, self.table]
        chain += [self.detail.buttons[name] for name in FAX_ACTIONS]
        chain += [self.detail.technical_toggle]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # start / stop ----------------------------------------------------------------------------
    def start(self) -> None:
        """Connect to the engine and load everything (all on the worker)."""
        # What start-up built lives as long as the app: no full collection need visit it again.
        keep_out_of_full_collections()
        # The engine's threads and the worker run Python beside the window: the interpreter
        # switches between threads every quarter millisecond instead of every five, so none of them
        # keeps the window waiting for long (a frame is 16.7 ms).
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.refresh_contacts()
        # When the last sync was, from the store, until this session's first sync says again.
        last = self.engine.syncer.last_success()
        if last is not None and not self.sync_label.text():
            self.sync_label.setText(QCoreApplication.translate(
                "StatusArea", "Last sync {time}").format(time=format_time(last)))
        if self._unsubscribe is None:
            # The engine's events reach the window in bursts (one call per burst, not per
            # event), and only the kinds it shows: store-level events stay in the engine.
            queue = EventQueue(self._on_event, kinds=_SHOWN_EVENTS, parent=self)
            self._unsubscribe = self.engine.events.subscribe(queue.post)
        # The stored faxes first, then the engine: its sync, outbox and downloads would compete
        # with reading them (10,000 rows came 50-70 ms later, with downloads pending).
        self.reload_faxes(then=self._start_engine)

    def _start_engine(self) -> None:
        if not self._shut_down:
            self.worker.submit(self.engine.start, on_done=self._engine_started,
                               on_error=self.show_exception)

    def _engine_started(self, _result: object = None) -> None:
        self.reload_applications()

    def reload_faxes(self, then: Callable[[], None] | None = None) -> None:
        """Read every row again (on the worker); `then` runs once they are in, or failed."""
        # Changes that arrive while the list is read may be newer than the list: keep them and
        # apply them again on top of it (the sync thread does not wait for us).
        if self._since_reload is None:
            self._since_reload = []
        engine, names, column = self.engine, self.model.contact_names, self.model.sort_column
        shown, sorting = self.model.entries, self.model.sorting

        def loaded(rows: PreparedRows) -> None:
            self._faxes_loaded(rows)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.show_exception(exc)
            if then is not None:
                then()

        # Read, named, keyed, sorted and indexed for search on the worker (rows that did not
        # change keep what they had): the GUI thread only swaps the prepared rows in.
        self.worker.submit(lambda: load_rows(engine.iter_rows, names, column, shown, sorting),
                           on_done=loaded, on_error=failed)

    def _faxes_loaded(self, rows: PreparedRows) -> None:
        later, self._since_reload = self._since_reload or [], None
        # The selection stays on the same fax (the list keeps it by id), or none if it is gone.
        self.model.set_items(rows)
        # The engine publishes each change once, after it is stored: what arrived while the
        # list was read is at least as new as the list.
        changed: dict[str, FaxRow] = {}
        for event in later:
            if isinstance(event, RowRemoved):
                self.model.upsert(changed.values())
                changed.clear()
                self.model.remove(event.row_id)
            else:
                changed[event.row.id] = event.row
        self.model.upsert(changed.values())
        self._count_unread()

    def set_contacts(self, book: ContactBook) -> None:
        """Use this address book to name faxes."""
        self.contacts = book
        self.refresh_contacts()

    @Slot()
    def contacts_changed(self) -> None:
        """Contacts were edited somewhere: rebuild the names after the edits settle."""
        self._contacts_timer.start()

    @Slot()
    def refresh_contacts(self) -> None:
        book = self.contacts
        if book is None:
            return
        self.worker.submit(_contact_names, book,
                           on_done=self._contact_reads.newest(self._contacts_loaded),
                           on_error=_log_contacts_problem)

    def _contacts_loaded(self, names: ContactNames) -> None:
        self.model.set_contact_names(names)
        shown = self.detail.fax
        if shown is not None:
            current = self.model.item_by_id(shown.id)
            if current is not None and current != shown:
                self.detail.show_fax(current, self.detail.count_selected)

    def reload_applications(self) -> None:
        self.worker.submit(self.engine.refresh_applications,
                           on_done=self._application_reads.newest(self.apps_pane.set_applications),
                           on_error=self.show_exception)

    def shutdown(self) -> None:
        """Stop the engine and the worker without ever hanging on the network."""
        if self._shut_down:
            return
        self._shut_down = True
        self._read_timer.stop()
        self._save_geometry()
        # stop() aborts in-flight calls; run it aside so a stuck stop cannot freeze quitting.
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        stopper = threading.Thread(target=_stop_quietly, args=(self.engine,),
                                   name="faxdesk-stop", daemon=True)
        stopper.start()
        stopper.join(STOP_WAIT_SECS)
        self.worker.shutdown()

    def waiting_sends(self) -> list[FaxRow]:
        """Sends that FaxDesk still has to hand to Telnyx (they wait while it is closed)."""
        return [row for row in self.model.items()
                if row.pending is not None and row.pending != "rejected"]

    def confirm_quit(self) -> bool:
        """True when nothing waits to be sent. Otherwise it says what happens to the waiting
        sends and asks (without blocking: "Quit anyway" quits) and returns False."""
        waiting = self.waiting_sends()
        if not waiting:
            return True
        if self.quit_question is not None:
            self.quit_question.raise_()
            return False
        retries = [row for row in waiting if row.pending == "scheduled"]
        if retries:
            times = [row.next_attempt_at for row in retries if row.next_attempt_at]
            text = self.tr(
                "%n fax(es) wait for an automatic retry (the next at {time}). If you quit, "
                "they are tried when FaxDesk starts again, not before.", "", len(retries)
            ).format(time=_time_of(min(times) if times else None))
        else:
            text = self.tr("%n fax(es) are not handed to Telnyx yet. If you quit, they go "
                           "when FaxDesk starts again, not before.", "", len(waiting))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Quit FaxDesk?"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("quit_question")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.addButton(self.tr("&Quit anyway"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("&Keep FaxDesk running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.buttonClicked.connect(self._quit_answered)
        box.finished.connect(self._quit_question_closed)
        self.quit_question = box
        box.open()
        return False

    @Slot(object)
    def _quit_answered(self, button: object) -> None:
        box, self.quit_question = self.quit_question, None
        if box is not None and isinstance(button, QAbstractButton) \
                and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            QTimer.singleShot(0, self, self._quit_without_asking)

    @Slot()
    def _quit_without_asking(self) -> None:
        self.quit(confirm=False)

    @Slot(int)
    def _quit_question_closed(self, _result: int) -> None:
        self.quit_question = None

    @Slot()
    def quit(self, *, confirm: bool = True) -> bool:
        """Quit FaxDesk (asking first when sends are waiting, unless `confirm` is False);
        False when it asks instead."""
        if confirm and not self._shut_down and not self.confirm_quit():
            return False
        self.shutdown()
        self.close()
        app = QApplicationInstance()
        if app is not None:
            app.quit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        tray = self.tray
        if not self._shut_down and tray is not None and tray.should_hide():
            self._save_geometry()
            self.hide()
            event.ignore()
            return
        # The person closing the window (not a program closing it) is asked about waiting sends.
        if event.spontaneous() and not self._shut_down and not self.confirm_quit():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self._state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self._default_size())
        splitter = self._state.value("main/splitter")
        self._splitter_restored = isinstance(splitter, QByteArray) and not splitter.isEmpty()
        if isinstance(splitter, QByteArray) and self._splitter_restored:
            self.splitter.restoreState(splitter)
        header = self._state.value("main/table_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            table_header = self.table.horizontalHeader()
            table_header.restoreState(header)
            # The column widths are remembered; how they share the room is not.
            table_header.setStretchLastSection(False)
            table_header.setSectionResizeMode(COL_PARTY, QHeaderView.ResizeMode.Stretch)

    def _default_size(self) -> QSize:
        """The first window: as big as the screen allows, up to what the panes need."""
        return default_window_size(self, QSize(self._side_by_side_width(), 760))

    def _table_width(self) -> int:
        """The width the table needs to show every column whole."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(i) for i in range(header.count())
                      if not header.isSectionHidden(i))
        return columns + self.table.verticalScrollBar().sizeHint().width() + 8

    def _side_by_side_width(self) -> int:
        return APPS_WIDTH + self._natural_table_width + DETAIL_WIDTH + 24

    def _fit_columns_soon(self, *_args: object) -> None:
        self._columns_timer.start()

    @Slot()
    def _fit_columns(self) -> None:
        """Hide "Updated" while the table is too narrow to show every column whole; narrower
        still, the other party keeps room for a whole number and the table scrolls sideways
        (a number cut to "+1 …" says nothing)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i not in (COL_PARTY, COL_UPDATED))
        if not header.isSectionHidden(COL_UPDATED):
            self._updated_width = header.sectionSize(COL_UPDATED)
        room = self.table.viewport().width()
        wide_enough = room >= others + PARTY_MIN_WIDTH + self._updated_width
        if header.isSectionHidden(COL_UPDATED) == wide_enough:
            header.setSectionHidden(COL_UPDATED, not wide_enough)
        least = party_least_width(self.table)
        squeezed = room < others + least + (self._updated_width if wide_enough else 0)
        mode = (QHeaderView.ResizeMode.Interactive if squeezed
                else QHeaderView.ResizeMode.Stretch)
        if header.sectionResizeMode(COL_PARTY) != mode:
            header.setSectionResizeMode(COL_PARTY, mode)
            if squeezed:
                header.resizeSection(COL_PARTY, least)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_restored:
            # First run: sizes are only meaningful once the window has its real width.
            self._splitter_restored = True
            width = self.splitter.width()
            apps = APPS_WIDTH if width >= TOOLBAR_WORDS_WIDTH else 140
            self.splitter.setSizes([apps, max(width - apps, 300)])
        self._fit_layout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout()
        self._columns_timer.start()

    def _fit_layout(self) -> None:
        """Side by side when everything fits, the detail pane below the table when not; words
        in the toolbar when there is room for them."""
        width = self.width()
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if width >= TOOLBAR_WORDS_WIDTH
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)
        side_by_side = width >= self._side_by_side_width()
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        self.content.setOrientation(Qt.Orientation.Horizontal if side_by_side
                                    else Qt.Orientation.Vertical)
        # Beside the table the detail pane keeps its width; below it, both grow with the window.
        self.content.setStretchFactor(0, 1 if side_by_side else 11)
        self.content.setStretchFactor(1, 0 if side_by_side else 9)
        if side_by_side:
            total = max(self.content.width(), self._natural_table_width + DETAIL_WIDTH)
            self.content.setSizes([total - DETAIL_WIDTH, DETAIL_WIDTH])
        else:
            # The splitter's own height is not laid out yet during a resize: the window's is.
            total = max(self.height() - 160, 300)
            self.content.setSizes([total * 11 // 20, total * 9 // 20])

    @property
    def side_by_side(self) -> bool:
        return self.content.orientation() == Qt.Orientation.Horizontal

    def _save_geometry(self) -> None:
        self._state.setValue("main/geometry", self.saveGeometry())
        self._state.setValue("main/splitter", self.splitter.saveState())
        header = self.table.horizontalHeader()
        self._state.setValue("main/table_header", header.saveState())
        # The same in plain numbers, for the first frame, which paints without these classes.
        self._state.setValue(COLUMN_WIDTHS_KEY,
                             [header.sectionSize(i) for i in range(header.count())])
        self._state.setValue(PANES_KEY, self._pane_places())
        self._state.sync()

    def _pane_places(self) -> dict[str, list[int]]:
        """Where the window's parts are, in window coordinates (see first_frame.PANES_KEY)."""
        def place(widget: QWidget) -> list[int]:
            corner = widget.mapTo(self, QPoint(0, 0))
            return [corner.x(), corner.y(), widget.width(), widget.height()]

        return {
            "size": [0, 0, self.width(), self.height()],
            "menu_bar": place(self.menuBar()), "apps": place(self.apps_pane),
            "apps_list": place(self.apps_pane.list), "table": place(self.table),
            "detail": place(self.detail), "connection": place(self.conn_label),
            "last_sync": place(self.sync_label),
            "rows": [self.table.horizontalHeader().height(),
                     self.table.verticalHeader().defaultSectionSize()],
        }

    # events from the engine ------------------------------------------------------------------
    @Slot(object)
    def _on_event(self, event: Event) -> None:
        match event:
            case RowChanged():
                if self._since_reload is not None:
                    self._since_reload.append(event)
                self._fax_batch.append(event)
                if not self._fax_batch_timer.isActive():
                    self._fax_batch_timer.start(_BATCH_MS)
            case RowRemoved(row_id=row_id):
                if self._since_reload is not None:
                    self._since_reload.append(event)
                self._flush_fax_batch()
                self._fax_removed(row_id)
            case ApplicationsChanged(applications=apps):
                self.apps_pane.set_applications(apps)
            case SyncStateChanged():
                self._sync_state(event)
            case InFlightChanged(count=count):
                self._set_in_flight(count)
            case FaxReceived(fax_id=fax_id, news=news):
                self.status_area.clear_problem(f"download:{fax_id}")
                row = self._latest_row(fax_id)
                if row is not None and news:
                    self.faxReceived.emit(row)
            case DownloadFailed(fax_id=fax_id, message=message):
                self.status_area.set_problem(f"download:{fax_id}", message, FIX_SYNC)
            case ListenerFailed(message=message):
                self.status_area.set_problem("listener", message, FIX_SETTINGS)
            case _:
                pass  # store-level events: the row events above carry what the window shows

    @Slot()
    def _merge_some_rows(self) -> None:
        """The timer's share of the waiting rows: a sync brings thousands, and merging them all
        at once would hold the window for tens of milliseconds; the rest follow a frame later,
        with a paint in between."""
        batch = self._fax_batch[:_ROWS_PER_MERGE]
        del self._fax_batch[:_ROWS_PER_MERGE]
        self._merge_rows(batch)
        if self._fax_batch:
            self._fax_batch_timer.start(_FRAME_MS)

    def _flush_fax_batch(self) -> None:
        """Every waiting row now (before an event that must find them shown)."""
        self._fax_batch_timer.stop()
        batch, self._fax_batch = self._fax_batch, []
        self._merge_rows(batch)

    def _merge_rows(self, batch: list[RowChanged]) -> None:
        if not batch:
            return
        # The latest of each row in one merge, then every change for listeners, in order.
        self.model.upsert(list({e.row.id: e.row for e in batch}.values()))
        self.faxesChanged.emit([self._after_fax_update(event) for event in batch])
        wanted = self._select_when_shown
        if wanted is not None and self.select_fax(wanted):
            self._select_when_shown = None

    def _latest_row(self, row_id: str) -> FaxRow | None:
        """The row as the engine last published it, merged into the table or still waiting."""
        for event in reversed(self._fax_batch):
            if event.row.id == row_id:
                return self.model.named(event.row)
        return self.model.item_by_id(row_id)

    def _fax_updated(self, row: FaxRow) -> None:
        # A fresh copy fetched here; the change it shows is against the row as it was shown.
        before = self.model.item_by_id(row.id)
        self.model.upsert([row])
        self.faxesChanged.emit([self._after_fax_update(RowChanged(
            row, before.status if before else row.status,
            before.pending if before else row.pending))])

    def _after_fax_update(self, event: RowChanged) -> RowChanged:
        """The detail pane follows the change; returns the change with the row named."""
        # This change's own row (a batch may hold several changes of one fax), named.
        fax = self.model.named(event.row)
        if fax.download_state == "done":
            self.status_area.clear_problem(f"download:{fax.id}")
        shown = self.detail.fax
        if shown is not None and shown.id == fax.id:
            self.detail.show_fax(fax, self.detail.count_selected)
            self._update_actions()
            # The timeline also has the steps taken on this computer: a document saved, a
            # link fetched again.
            if (shown.status != fax.status or shown.pending != fax.pending
                    or shown.attempt != fax.attempt or shown.media_url != fax.media_url
                    or shown.download_state != fax.download_state):
                self._load_timeline(fax.id)
            if shown.document_path != fax.document_path or shown.status != fax.status:
                self._load_preview(fax)  # the document arrived (or the fax was received)
        return RowChanged(fax, event.previous_status, event.previous_pending)

    def _fax_removed(self, fax_id: str) -> None:
        self.model.remove(fax_id)
        if self.detail.fax is not None and self.detail.fax.id == fax_id:
            self.detail.show_fax(None)
            self._update_actions()

    def _sync_state(self, event: SyncStateChanged) -> None:
        self.sync_state = event
        self.status_area.show_sync_state(event)
        self.syncStateChanged.emit(event)

    def _set_in_flight(self, count: int) -> None:
        self.status_area.show_in_flight(count)
        self.inFlightChanged.emit(count)

    @property
    def last_error(self) -> str:
        return self.status_area.last_error

    def show_error(self, text: str, *, from_sync: bool = False) -> None:
        """A failed action in words; it passes (a lasting problem uses `show_problem`)."""
        self.status_area.show_error(text, from_sync=from_sync)

    @Slot(object)
    def show_exception(self, exc: BaseException) -> None:
        self.show_error(error_text(exc))

    def show_problem(self, key: str, text: str, fix: str = "") -> None:
        """A problem that lasts until `clear_problem(key)`, naming what fixes it."""
        self.status_area.set_problem(key, text, fix)

    def clear_problem(self, key: str) -> None:
        self.status_area.clear_problem(key)

    @Slot(object)
    def show_problem_text(self, text: object) -> None:
        """A problem reported from another thread (print, report, scan): it passes."""
        self.show_error(str(text))

    def show_info(self, text: str) -> None:
        self.status_area.show_info(text)

    @Slot(str)
    def _fix_requested(self, fix: str) -> None:
        if fix == FIX_SETTINGS:
            self.open_settings()
        elif fix == FIX_SYNC:
            self.sync_now()

    # unread ----------------------------------------------------------------------------------
    def _count_unread_soon(self, *_args: object) -> None:
        self._unread_timer.start()

    @Slot()
    def _count_unread(self) -> None:
        self._unread_timer.stop()
        unread = sum(1 for row in self.model.items() if row.unread)
        if unread == self.unread and self.windowTitle() == self._title_for(unread):
            return
        self.unread = unread
        self.setWindowTitle(self._title_for(unread))
        filters = self.fax_list.status_filter
        index = filters.findData("unread")
        if index >= 0:
            label = (self.tr("Unread (%n)", "", unread) if unread
                     else QCoreApplication.translate("FaxListPane", "Unread"))
            filters.setItemText(index, label)
        self.unreadChanged.emit(unread)

    def _title_for(self, unread: int) -> str:
        if not unread:
            return self._title
        return self.tr("{title} — %n unread", "", unread).format(title=self._title)

    @Slot()
    def _read_shown_fax(self) -> None:
        fax = self.detail.fax
        if fax is not None and fax.unread:
            self.operations.mark_read(fax, True)

    # selection and detail --------------------------------------------------------------------
    def _current_changed(self, fax: FaxRow | None) -> None:
        self.detail.show_fax(fax, max(1, len(self.selected_faxes())))
        self._update_actions()
        self._read_timer.stop()
        if fax is not None:
            self._load_timeline(fax.id)
            self._load_preview(fax)
            if fax.unread:
                self._read_timer.start()  # shown a moment: read

    def _selection_changed(self, *_args: object) -> None:
        fax = self.detail.fax
        count = len(self.selected_faxes())
        if fax is not None and count != self.detail.count_selected:
            self.detail.show_fax(fax, max(1, count))
        self._update_actions()

    def select_fax(self, fax_id: str) -> bool:
        return self.fax_list.select(fax_id)

    def selected_faxes(self) -> list[FaxRow]:
        """The chosen rows, in the order shown (the current one when nothing else is)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        chosen = [self.proxy.item_at(r) for r in rows]
        if not chosen and self.detail.fax is not None:
            return [self.detail.fax]
        return chosen

    @property
    def ui_state(self) -> QSettings:
        """Where window state is remembered (the send dialog keeps its cover details there)."""
        return self._state

    def selected_fax(self) -> FaxRow | None:
        return self.detail.fax

    def _load_timeline(self, fax_id: str) -> None:
        self.worker.submit(self.engine.timeline, fax_id,
                           on_done=partial(self.detail.show_timeline, fax_id),
                           on_error=_log_timeline_problem)

    def _load_preview(self, fax: FaxRow) -> None:
        if fax.direction == "inbound" and fax.status != "received":
            self.detail.show_preview_note(fax.id, self.tr("The document arrives when the fax "
                                                          "has been received."))
            return
        self.detail.show_preview_note(fax.id, self.tr("Loading preview…"))
        self.worker.submit(_render_document, self.engine, fax.id,
                           on_done=partial(self._preview_loaded, fax.id),
                           on_error=partial(self._preview_failed, fax.id))

    def _preview_loaded(self, fax_id: str, result: tuple[int, list[QImage]]) -> None:
        pages, images = result
        if not images:
            self.detail.show_preview_note(fax_id, self.tr("No document is available."))
        else:
            self.detail.show_preview(fax_id, images, self.tr("%n page(s)", "", pages), pages)

    def _preview_failed(self, fax_id: str, exc: BaseException) -> None:
        self.detail.show_preview_note(
            fax_id, self.tr("Preview unavailable: {error}").format(error=error_text(exc)))

    def _update_actions(self) -> None:
        row = self.detail.fax
        chosen = self.selected_faxes()
        many = len(chosen) > 1
        enabled = enabled_actions(row)
        shown = shown_actions(row)
        for name, action in self.fax_actions.items():
            if many:
                action.setEnabled(name in BULK_ACTIONS and self._bulk_possible(name, chosen))
            else:
                action.setEnabled(name in enabled)
            # The toolbar keeps to what this fax can show (Retry now only for a waiting send).
            if name == "retry_now":
                action.setVisible(name in shown and not many)
        self.act_delete.setText(delete_label(row, len(chosen)))
        self.act_cancel.setText(cancel_label(row))
        self.act_read.setText(read_label(row, chosen))
        self.act_export_selected.setEnabled(bool(chosen))

    @staticmethod
    def _bulk_possible(name: FaxAction, rows: Sequence[FaxRow]) -> bool:
        if name == "mark_read":
            return any(row.direction == "inbound" for row in rows)
        return True

    def _row_menu(self, position: QPoint) -> None:
        """The right-click menu of the table: what can be done with the chosen faxes."""
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.select_fax(self.proxy.item_at(index.row()).id)
        menu = self.row_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def row_menu(self) -> QMenu:
        """The menu of the chosen rows (built fresh each time; the caller deletes it)."""
        menu = QMenu(self)
        menu.setObjectName("row_menu")
        chosen = self.selected_faxes()
        row = self.detail.fax
        if len(chosen) > 1:
            for name in ("mark_read", "delete"):
                action = self.fax_actions[name]
                if action.isEnabled():
                    menu.addAction(action)
            menu.addAction(self.act_export_selected)
            return menu
        shown = shown_actions(row)
        for name in FAX_ACTIONS:
            if name in shown:
                if name == "delete":
                    menu.addSeparator()
                menu.addAction(self.fax_actions[name])
        if row is not None:
            menu.addSeparator()
            menu.addAction(self.act_export_selected)
        return menu

    # fax actions -----------------------------------------------------------------------------
    @Slot()
    def _fax_action_triggered(self) -> None:
        action = self.sender()
        name = action.data() if isinstance(action, QAction) else None
        if isinstance(name, str):
            self.run_action(name)

    @Slot(str)
    def run_action(self, name: str) -> None:
        """Run the named operation (a detail pane button, a menu entry) on the chosen faxes."""
        chosen = self.selected_faxes()
        fax = self.detail.fax
        if len(chosen) > 1 and name in BULK_ACTIONS:
            if name == "delete":
                self.operations.delete_many(chosen)
            elif name == "mark_read":
                self.operations.mark_many_read(chosen, any(r.unread for r in chosen))
            return
        if fax is None:
            return
        if name == "open":
            self._read_timer.stop()
        operations: dict[str, Callable[[FaxRow], None]] = {
            "cancel": self.operations.cancel, "delete": self.operations.delete,
            "refresh": self.operations.refresh, "resend": self.operations.resend,
            "retry_now": self.operations.retry_now,
            "mark_read": self.operations.toggle_read, "open": self.operations.open_document,
            "save": self.operations.save_pdf, "print": self.operations.print_fax,
            "report": self.operations.save_report,
        }
        operation = operations.get(name)
        if operation is not None:
            operation(fax)

    @Slot()
    def open_current(self) -> None:
        self.run_action("open")

    def save_pdf(self, fax: FaxRow, target: str | None = None) -> None:
        self.operations.save_pdf(fax, target)

    def settings_country(self) -> str:
        host = self.settings_host
        return host.current_settings().default_country if host is not None else "US"

    def row_changed_here(self, row_id: str, row: FaxRow | None) -> None:
        """An operation's fresh copy of a row (or None: it is gone)."""
        if row is None:
            self._fax_removed(row_id)
        else:
            self._fax_updated(row)

    def confirm(self, title: str, text: str, action: str = "") -> bool:
        """Ask before doing something that cannot be undone; `action` names the button that
        does it ("Delete"), the other keeps things as they are."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(action or self.tr("&Continue"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        answer = box.clickedButton()
        box.deleteLater()
        return answer is yes

    @Slot()
    def show_unread(self) -> None:
        """Show the unread received faxes (the tray's "N unread faxes")."""
        filters = self.fax_list.status_filter
        index = filters.findData("unread")
        if index >= 0:
            filters.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(bool)
    def pause_syncing(self, paused: bool) -> None:
        self.worker.submit(self.engine.pause if paused else self.engine.resume,
                           on_error=self.show_exception)

    @Slot()
    def sync_now(self) -> None:
        self.show_info(self.tr("Syncing…"))
        self.worker.submit(self.engine.sync_now, on_error=self.show_exception)

    @Slot()
    def focus_search(self) -> None:
        self.fax_list.focus_search()

    @Slot()
    def _export_visible(self) -> None:
        self.export_csv()

    @Slot()
    def _export_chosen(self) -> None:
        self.export_selected()

    def export_csv(self, target: str | None = None) -> None:
        rows = self.fax_list.visible_rows()  # what the user sees, in the order shown
        self._export(rows, target)

    def export_selected(self, target: str | None = None) -> None:
        self._export(self.selected_faxes(), target)

    def _export(self, rows: list[FaxRow], target: str | None) -> None:
        if target is None:
            stamp = datetime.now().strftime("%Y-%m-%d")
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export faxes"), str(Path.home() / f"faxes-{stamp}.csv"),
                self.tr("CSV files (*.csv)"),
            )
        if not target:
            return
        self.worker.submit(export_csv, rows, Path(target), on_done=self._exported,
                           on_error=self.show_exception)

    def _exported(self, count: int) -> None:
        self.show_info(self.tr("Exported {n} faxes.").format(n=count))

    # applications: the engine publishes ApplicationsChanged after each change ----------------
    @Slot()
    def new_application(self) -> ApplicationDialog:
        return self.app_operations.new()

    @Slot(object)
    def edit_application(self, app: FaxApplication) -> ApplicationDialog:
        return self.app_operations.edit(app)

    @Slot(object)
    def delete_application(self, app: FaxApplication) -> None:
        self.app_operations.delete(app)

    # settings and sending hooks --------------------------------------------------------------
    @Slot()
    def open_settings(self) -> SettingsDialog | None:
        host = self.settings_host
        if host is None:
            self.show_info(self.tr("Settings are not available in this mode."))
            return None
        from faxdesk.ui.settings_dialog import SettingsDialog  # dialogs load when first opened

        dialog = SettingsDialog(self.worker, host.current_settings(),
                                host.settings_services(self.apps_pane.applications), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.sandbox:
            mark_as_sandbox(dialog)
        fit_to_screen(dialog)
        dialog.accepted.connect(self._settings_accepted)
        dialog.open()
        return dialog

    @Slot()
    def _settings_accepted(self) -> None:
        from faxdesk.ui.settings_dialog import SettingsDialog

        dialog = self.sender()
        host = self.settings_host
        if isinstance(dialog, SettingsDialog) and host is not None \
                and dialog.saved_settings is not None:
            host.apply_settings(dialog.saved_settings, dialog.saved_key)

    @Slot()
    def new_fax(self) -> None:
        self.open_send_dialog([])

    @Slot(list)
    def open_send_dialog(self, files: list[str]) -> None:
        """The send dialog with these files (from the menu, a drop, a print job or the command
        line). While one is open, the files go into it instead of a second dialog."""
        self.show_normal_and_raise()
        open_dialog = self.send_dialog
        if open_dialog is not None:
            if files:
                if open_dialog.documents.isEnabled():
                    open_dialog.add_files(list(files))
                else:  # it is sending right now: the files open the next dialog
                    self._files_for_next_dialog += list(files)
            open_dialog.show()
            open_dialog.raise_()
            open_dialog.activateWindow()
            return
        if self.send_dialog_factory is None:
            self.show_info(self.tr("Sending from the window comes with the send dialog."))
            return
        dialog = self.send_dialog_factory(self, list(files))
        if self.sandbox:
            mark_as_sandbox(dialog)
        fit_to_screen(dialog)  # made for a big screen, it must still fit a small one
        self.send_dialog = dialog
        dialog.finished.connect(self._send_dialog_finished)
        dialog.sent.connect(self._sent)
        dialog.open()

    @Slot(int)
    def _send_dialog_finished(self, _result: int) -> None:
        self.send_dialog = None
        waiting, self._files_for_next_dialog = self._files_for_next_dialog, []
        if waiting:
            QTimer.singleShot(0, self, _OpenSendDialog(self, waiting))

    @Slot(list)
    def _sent(self, journal_ids: list[int]) -> None:
        """After Send: say so, and select the new row as soon as it shows."""
        if not journal_ids:
            return
        self.show_info(self.tr("%n fax(es) queued for sending.", "", len(journal_ids)))
        row_id = f"send:{journal_ids[0]}"
        if not self.select_fax(row_id):
            self._select_when_shown = row_id

    def show_normal_and_raise(self) -> None:
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    @Slot()
    def about(self) -> None:
        from faxdesk import __version__

        QMessageBox.about(
            self, self.tr("About FaxDesk"),
            self.tr("FaxDesk {version}\nSend and receive faxes through Telnyx.").format(
                version=__version__),
        )


# A callback that holds the window and the files only (no closure over widgets).


class _OpenSendDialog:
    def __init__(self, window: MainWindow, files: list[str]) -> None:
        self.window, self.files = window, files

    def __call__(self) -> None:
        self.window.open_send_dialog(self.files)


def party_least_width(table: QWidget) -> int:
    """The other party's column at its narrowest: a whole number in bold (an unread fax's row)
    and the cell's margins."""
    bold = QFont(table.font())
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(PARTY_LEAST_TEXT) + 12


def _render_document(engine: FaxEngine, fax_id: str) -> tuple[int, list[QImage]]:
    """On the worker: the fax's pages as thumbnails (none when there is no document)."""
    path = engine.document(fax_id)
    if path is None:
        return 0, []
    return render_thumbnails(path)


def _contact_names(book: ContactBook) -> ContactNames:
    return ContactNames(book.all())


def _log_contacts_problem(exc: BaseException) -> None:
    log.warning("contacts unavailable: %s", exc)


def _log_timeline_problem(exc: BaseException) -> None:
    log.info("no timeline: %s", exc)


def _time_of(value: datetime | None) -> str:
    from faxdesk.ui.texts import format_time

    return format_time(value)


def _stop_quietly(engine: FaxEngine) -> None:
    """On a side thread at quit: stop the engine (the window is not touched from here)."""
    try:
        engine.stop()
    except Exception:
        log.exception("stopping the engine failed")


def QApplicationInstance() -> QCoreApplication | None:
    return QCoreApplication.instance()

