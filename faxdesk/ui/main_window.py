"""The main window: applications | faxes | detail, with menus, toolbar and status bar.

All work on the account or the disk runs on the `Worker`, calling the core's `FaxEngine`; the
engine's events arrive through an `EventBridge` on the GUI thread and update the table row of
that fax in place.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
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
from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.settings import Settings
from faxdesk.ui.app_dialog import ApplicationDialog
from faxdesk.ui.app_operations import ApplicationOperations
from faxdesk.ui.apps_pane import ApplicationsPane
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.event_queue import EventQueue
from faxdesk.ui.fax_actions import FaxAction, enabled_actions
from faxdesk.ui.fax_list import FaxListPane
from faxdesk.ui.icons import icon
from faxdesk.ui.models import (
    ContactNames,
    PreparedRows,
    export_csv,
    keep_out_of_full_collections,
    load_rows,
)
from faxdesk.ui.operations import FaxOperations
from faxdesk.ui.preview import render_thumbnails
from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
from faxdesk.ui.status_area import StatusArea
from faxdesk.ui.texts import format_time
from faxdesk.ui.worker import EventBridge, Worker

if TYPE_CHECKING:
    from faxdesk.ui.send_dialog import SendDialog

log = logging.getLogger(__name__)

#: How long quitting waits for the engine to stop (its network calls are aborted first).
STOP_WAIT_SECS = 1.0
# How often the interpreter may switch threads while the window runs (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.001
# The engine's events the window acts on (`_on_event`).
_SHOWN_EVENTS = (RowChanged, RowRemoved, ApplicationsChanged, SyncStateChanged,
                 InFlightChanged, FaxReceived, DownloadFailed, ListenerFailed)


class SettingsHost(Protocol):
    """Where settings live and what applying them means (app.py provides it)."""

    def current_settings(self) -> Settings: ...
    def settings_services(self, applications: Sequence[FaxApplication]) -> SettingsServices: ...
    def apply_settings(self, settings: Settings, key: str | None) -> None: ...


class HidesToTray(Protocol):
    def should_hide(self) -> bool: ...


class MainWindow(QMainWindow):
    faxChanged = Signal(object)  # RowChanged (for the tray's notifications)
    faxReceived = Signal(object)  # FaxRow
    syncStateChanged = Signal(object)  # SyncStateChanged
    inFlightChanged = Signal(int)

    def __init__(
        self,
        engine: FaxEngine,
        *,
        worker: Worker | None = None,
        settings_host: SettingsHost | None = None,
        state: QSettings | None = None,
        title_suffix: str = "",
    ) -> None:
        super().__init__()
        self.worker = worker or Worker(self)
        self.engine = engine
        self.settings_host = settings_host
        self._state = state if state is not None else QSettings()
        self._shut_down = False
        #: Builds the send dialog for the given files (set when the window is assembled).
        self.send_dialog_factory: Callable[[MainWindow, list[str]], SendDialog] | None = None
        #: The tray, when there is one: when it says so, closing hides instead of quitting.
        self.tray: HidesToTray | None = None
        self.sync_state: SyncStateChanged | None = None
        self._since_reload: list[RowChanged | RowRemoved] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        #: The address book: names the other party in the table and the detail.
        self.contacts: ContactBook | None = None
        self._contacts_timer = QTimer(self)
        self._contacts_timer.setSingleShot(True)
        self._contacts_timer.setInterval(150)
        self._contacts_timer.timeout.connect(self.refresh_contacts)

        self.setWindowTitle(self.tr("FaxDesk") + title_suffix)
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(760, 480))

        self.fax_list = FaxListPane()
        self.fax_list.currentChanged.connect(self._current_changed)
        self.fax_list.activated.connect(lambda: self.run_action("open"))
        self.fax_list.exportRequested.connect(lambda: self.export_csv())
        # The list's parts, which the rest of the window (and its tests) reach directly.
        self.model = self.fax_list.model
        self.proxy = self.fax_list.proxy
        self.table = self.fax_list.table
        self.search = self.fax_list.search

        self.apps_pane = ApplicationsPane()
        self.detail = FaxDetailPane()
        self.detail.application_name = self.apps_pane.name_of
        self.detail.actionRequested.connect(self.run_action)
        self.apps_pane.selectionChanged.connect(self.proxy.set_application)
        self.apps_pane.newRequested.connect(self.new_application)
        self.apps_pane.editRequested.connect(self.edit_application)
        self.apps_pane.deleteRequested.connect(self.delete_application)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.apps_pane)
        self.splitter.addWidget(self.fax_list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([180, 680, 360])
        self.setCentralWidget(self.splitter)

        self.operations = FaxOperations(self)
        self.app_operations = ApplicationOperations(self)
        self._build_actions()
        self._build_status_bar()

        self.bridge = EventBridge(self)
        self.bridge.received.connect(self._on_event)
        # A sync reports one event per fax; the table takes them in batches (one sort, one
        # repaint) instead of one insert each, which stalled the window on big histories.
        self._fax_batch: list[RowChanged] = []
        self._fax_batch_timer = QTimer(self)
        self._fax_batch_timer.setSingleShot(True)
        self._fax_batch_timer.setInterval(25)
        self._fax_batch_timer.timeout.connect(self._flush_fax_batch)
        self.worker.unhandledError.connect(lambda exc: self.show_error(str(exc)))
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
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.act_new_fax = self._action(self.tr("&New fax…"), "new-fax",
                                        lambda: self.open_send_dialog([]), "Ctrl+N", "new_fax")
        self.act_sync = self._action(self.tr("&Sync now"), "sync", self.sync_now, "F5", "sync")
        self.act_export = self._action(self.tr("&Export CSV…"), "export", self.export_csv,
                                       None, "export")
        self.act_settings = self._action(self.tr("Se&ttings…"), "settings", self.open_settings,
                                         "Ctrl+,", "settings")
        self.act_quit = self._action(self.tr("&Quit"), "quit", self.quit, "Ctrl+Q", "quit")
        self.act_search = self._action(self.tr("&Find…"), None, self.focus_search, "Ctrl+F",
                                       "find")
        self.act_cancel = self._action(self.tr("&Cancel sending"), "cancel",
                                       lambda: self.run_action("cancel"), None, "cancel")
        self.act_delete = self._action(self.tr("&Delete…"), "delete",
                                       lambda: self.run_action("delete"),
                                       QKeySequence(QKeySequence.StandardKey.Delete), "delete")
        # Del deletes a fax only while the table has focus (not while typing in the search).
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.act_delete)
        self.act_resend = self._action(self.tr("&Resend"), "resend",
                                       lambda: self.run_action("resend"), None, "resend")
        self.act_refresh = self._action(self.tr("Re&fresh link"), "refresh",
                                        lambda: self.run_action("refresh"), None, "refresh")
        self.act_open = self._action(self.tr("&Open document"), "open",
                                     lambda: self.run_action("open"), "Ctrl+O", "open")
        self.act_save = self._action(self.tr("&Save PDF…"), "save",
                                     lambda: self.run_action("save"), "Ctrl+S", "save")
        self.act_read = self._action(self.tr("Mark read/&unread"), "mark-read",
                                     lambda: self.run_action("mark_read"), "Ctrl+U", "mark_read")
        self.act_print = self._action(self.tr("&Print…"), "print",
                                      lambda: self.run_action("print"), "Ctrl+P", "print")
        self.act_report = self._action(self.tr("Transmission re&port…"), "report",
                                       lambda: self.run_action("report"), None, "report")
        self.fax_actions: dict[FaxAction, QAction] = {
            "cancel": self.act_cancel, "delete": self.act_delete, "resend": self.act_resend,
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
        fax_menu = bar.addMenu(self.tr("F&ax"))
        for a in (self.act_sync, None, self.act_open, self.act_save, self.act_print,
                  self.act_report, self.act_read, None,
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
        for a in (self.act_new_fax, self.act_sync, None, self.act_cancel, self.act_resend,
                  self.act_delete, None, self.act_export, self.act_settings):
            self.toolbar.addSeparator() if a is None else self.toolbar.addAction(a)
        self._update_actions()

    def _build_status_bar(self) -> None:
        self.status_area = StatusArea(self.statusBar())
        # Its labels, which tests and the rest of the window read directly.
        self.conn_label = self.status_area.conn_label
        self.error_label = self.status_area.error_label
        self.sync_label = self.status_area.sync_label
        self.inflight_label = self.status_area.inflight_label

    # start / stop ----------------------------------------------------------------------------
    def start(self) -> None:
        """Connect to the engine and load everything (all on the worker)."""
        # What start-up built lives as long as the app: no full collection need visit it again.
        keep_out_of_full_collections()
        # The engine's threads and the worker run Python beside the window: the interpreter
        # switches between threads every millisecond instead of every five, so none of them
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
        self.worker.submit(self.engine.start, on_done=lambda _r: self._after_start(),
                           on_error=lambda exc: self.show_error(str(exc)))

    def _after_start(self) -> None:
        self.reload_faxes()
        self.reload_applications()

    def reload_faxes(self) -> None:
        # Changes that arrive while the list is read may be newer than the list: keep them and
        # apply them again on top of it (the sync thread does not wait for us).
        if self._since_reload is None:
            self._since_reload = []
        engine, names, column = self.engine, self.model.contact_names, self.model.sort_column
        shown, sorting = self.model.entries, self.model.sorting
        # Read, named, keyed, sorted and indexed for search on the worker (rows that did not
        # change keep what they had): the GUI thread only swaps the prepared rows in.
        self.worker.submit(lambda: load_rows(engine.rows, names, column, shown, sorting),
                           on_done=self._faxes_loaded,
                           on_error=lambda exc: self.show_error(str(exc)))

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
        self.worker.submit(lambda: ContactNames(book.all()), on_done=self._contacts_loaded,
                           on_error=lambda exc: log.warning("contacts unavailable: %s", exc))

    def _contacts_loaded(self, names: ContactNames) -> None:
        self.model.set_contact_names(names)
        shown = self.detail.fax
        if shown is not None:
            current = self.model.item_by_id(shown.id)
            if current is not None and current != shown:
                self.detail.show_fax(current)

    def reload_applications(self) -> None:
        self.worker.submit(self.engine.refresh_applications,
                           on_done=self.apps_pane.set_applications,
                           on_error=lambda exc: self.show_error(str(exc)))

    def shutdown(self) -> None:
        """Stop the engine and the worker without ever hanging on the network."""
        if self._shut_down:
            return
        self._shut_down = True
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

    @Slot()
    def quit(self) -> None:
        self.shutdown()
        self.close()
        app = QApplicationInstance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        tray = self.tray
        if not self._shut_down and tray is not None and tray.should_hide():
            self._save_geometry()
            self.hide()
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self._state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 720)
        splitter = self._state.value("main/splitter")
        self._splitter_restored = isinstance(splitter, QByteArray) and not splitter.isEmpty()
        if isinstance(splitter, QByteArray) and self._splitter_restored:
            self.splitter.restoreState(splitter)
        header = self._state.value("main/table_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_restored:
            # First run: sizes are only meaningful once the window has its real width.
            self._splitter_restored = True
            width = self.splitter.width()
            self.splitter.setSizes([200, max(width - 200 - 370, 400), 370])

    def _save_geometry(self) -> None:
        self._state.setValue("main/geometry", self.saveGeometry())
        self._state.setValue("main/splitter", self.splitter.saveState())
        self._state.setValue("main/table_header", self.table.horizontalHeader().saveState())
        self._state.sync()

    # events from the engine ------------------------------------------------------------------
    @Slot(object)
    def _on_event(self, event: Event) -> None:
        match event:
            case RowChanged():
                if self._since_reload is not None:
                    self._since_reload.append(event)
                self._fax_batch.append(event)
                if not self._fax_batch_timer.isActive():
                    self._fax_batch_timer.start()
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
            case FaxReceived(fax_id=fax_id):
                self._flush_fax_batch()
                row = self.model.item_by_id(fax_id)
                if row is not None:
                    self.faxReceived.emit(row)
            case DownloadFailed(message=message) | ListenerFailed(message=message):
                self.show_error(message)
            case _:
                pass  # store-level events: the row events above carry what the window shows

    @Slot()
    def _flush_fax_batch(self) -> None:
        self._fax_batch_timer.stop()
        batch, self._fax_batch = self._fax_batch, []
        if not batch:
            return
        # The latest of each row in one merge, then every change for listeners, in order.
        self.model.upsert(list({e.row.id: e.row for e in batch}.values()))
        for event in batch:
            self._after_fax_update(event)

    def _fax_updated(self, row: FaxRow) -> None:
        self.model.upsert([row])
        # A fresh copy fetched here: nothing changed that the engine has not published.
        self._after_fax_update(RowChanged(row, row.status, row.pending))

    def _after_fax_update(self, event: RowChanged) -> None:
        # This change's own row (a batch may hold several changes of one fax), named.
        fax = self.model.named(event.row)
        shown = self.detail.fax
        if shown is not None and shown.id == fax.id:
            self.detail.show_fax(fax)
            self._update_actions()
            if shown.status != fax.status or shown.pending != fax.pending:
                self._load_timeline(fax.id)
            if shown.document_path != fax.document_path or shown.status != fax.status:
                self._load_preview(fax)  # the document arrived (or the fax was received)
        self.faxChanged.emit(RowChanged(fax, event.previous_status))

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
        """Errors in words; a sync error goes away by itself once syncing works again."""
        self.status_area.show_error(text, from_sync=from_sync)

    def show_info(self, text: str) -> None:
        self.status_area.show_info(text)

    # selection and detail --------------------------------------------------------------------
    def _current_changed(self, fax: FaxRow | None) -> None:
        self.detail.show_fax(fax)
        self._update_actions()
        if fax is not None:
            self._load_timeline(fax.id)
            self._load_preview(fax)

    def select_fax(self, fax_id: str) -> bool:
        return self.fax_list.select(fax_id)

    @property
    def ui_state(self) -> QSettings:
        """Where window state is remembered (the send dialog keeps its cover details there)."""
        return self._state

    def selected_fax(self) -> FaxRow | None:
        return self.detail.fax

    def _load_timeline(self, fax_id: str) -> None:
        def shown(entries: list[TimelineEntry]) -> None:
            self.detail.show_timeline(fax_id, entries)

        self.worker.submit(self.engine.timeline, fax_id, on_done=shown,
                           on_error=lambda exc: log.info("no timeline: %s", exc))

    def _load_preview(self, fax: FaxRow) -> None:
        if fax.direction == "inbound" and fax.status != "received":
            self.detail.show_preview_note(fax.id, self.tr("The document arrives when the fax "
                                                          "has been received."))
            return
        engine = self.engine

        def render() -> tuple[int, list[QImage]]:
            path = engine.document(fax.id)
            if path is None:
                return 0, []
            return render_thumbnails(path)

        def shown(result: tuple[int, list[QImage]]) -> None:
            pages, images = result
            if not images:
                self.detail.show_preview_note(fax.id, self.tr("No document is available."))
            else:
                self.detail.show_preview(fax.id, images,
                                         self.tr("%n page(s)", "", pages))

        self.detail.show_preview_note(fax.id, self.tr("Loading preview…"))
        self.worker.submit(
            render, on_done=shown,
            on_error=lambda exc: self.detail.show_preview_note(
                fax.id, self.tr("Preview unavailable: {error}").format(error=exc)),
        )

    def _update_actions(self) -> None:
        row = self.detail.fax
        enabled = enabled_actions(row)
        for name, action in self.fax_actions.items():
            action.setEnabled(name in enabled)

    # fax actions -----------------------------------------------------------------------------
    @Slot(str)
    def run_action(self, name: str) -> None:
        """Run the named operation (a detail pane button, a menu entry) on the selected fax."""
        fax = self.detail.fax
        if fax is None:
            return
        operations: dict[str, Callable[[FaxRow], None]] = {
            "cancel": self.operations.cancel, "delete": self.operations.delete,
            "refresh": self.operations.refresh, "resend": self.operations.resend,
            "mark_read": self.operations.toggle_read, "open": self.operations.open_document,
            "save": self.operations.save_pdf, "print": self.operations.print_fax,
            "report": self.operations.save_report,
        }
        operation = operations.get(name)
        if operation is not None:
            operation(fax)

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

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def sync_now(self) -> None:
        self.show_info(self.tr("Syncing…"))
        self.worker.submit(self.engine.sync_now,
                           on_error=lambda exc: self.show_error(str(exc)))

    @Slot()
    def focus_search(self) -> None:
        self.fax_list.focus_search()

    def export_csv(self, target: str | None = None) -> None:
        if target is None:
            stamp = datetime.now().strftime("%Y-%m-%d")
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export faxes"), str(Path.home() / f"faxes-{stamp}.csv"),
                self.tr("CSV files (*.csv)"),
            )
        if not target:
            return
        rows = self.fax_list.visible_rows()  # what the user sees, in the order shown
        self.worker.submit(
            export_csv, rows, Path(target),
            on_done=lambda n: self.show_info(self.tr("Exported {n} faxes.").format(n=n)),
            on_error=lambda exc: self.show_error(str(exc)),
        )

    # applications: the engine publishes ApplicationsChanged after each change ----------------
    def new_application(self) -> ApplicationDialog:
        return self.app_operations.new()

    def edit_application(self, app: FaxApplication) -> ApplicationDialog:
        return self.app_operations.edit(app)

    def delete_application(self, app: FaxApplication) -> None:
        self.app_operations.delete(app)

    # settings and sending hooks --------------------------------------------------------------
    @Slot()
    def open_settings(self) -> SettingsDialog | None:
        host = self.settings_host
        if host is None:
            self.show_info(self.tr("Settings are not available in this mode."))
            return None
        dialog = SettingsDialog(self.worker, host.current_settings(),
                                host.settings_services(self.apps_pane.applications), self)
        def accepted() -> None:
            if dialog.saved_settings is not None:
                host.apply_settings(dialog.saved_settings, dialog.saved_key)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    @Slot(list)
    def open_send_dialog(self, files: list[str]) -> None:
        """The send dialog with these files (from the menu, a drop, a print job or the command
        line)."""
        self.show_normal_and_raise()
        if self.send_dialog_factory is None:
            self.show_info(self.tr("Sending from the window comes with the send dialog."))
            return
        dialog = self.send_dialog_factory(self, list(files))
        dialog.open()

    def show_normal_and_raise(self) -> None:
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def about(self) -> None:
        from faxdesk import __version__

        QMessageBox.about(
            self, self.tr("About FaxDesk"),
            self.tr("FaxDesk {version}\nSend and receive faxes through Telnyx.").format(
                version=__version__),
        )


def _stop_quietly(engine: FaxEngine) -> None:
    """On a side thread at quit: stop the engine (the window is not touched from here)."""
    try:
        engine.stop()
    except Exception:
        log.exception("stopping the engine failed")


def QApplicationInstance() -> QCoreApplication | None:
    return QCoreApplication.instance()
