"""The desktop application, assembled in one place.

`FaxDeskApp` owns everything one running FaxDesk has: the engine (on the account or the
sandbox, opened by `open_engine`), the main window, the send features (send dialog, drop zone,
tray, contacts; `send_setup.install_send_features`), the address book that names the faxes, and
the single-instance guard. `run_app` makes the QApplication, hands the launch's files to a
FaxDesk already running if there is one, paints the first frame (`first_frame.py`: the window as
it was left, with the stored history), then takes the guard, builds the app and lets its window
take the first frame's place.

This module imports the window, the engine and the rest only where they are used, so that the
first frame is painted before any of them is loaded.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from faxdesk import APP_ID, APP_NAME
from faxdesk.core.settings import Settings, load_settings, save_settings
from faxdesk.ui import thread_check
from faxdesk.ui.handoff import hand_off, server_name
from faxdesk.ui.i18n import install_translations

if TYPE_CHECKING:
    from faxdesk.api.models import FaxApplication
    from faxdesk.core.auto_print import AutoPrinter
    from faxdesk.core.engine import FaxEngine
    from faxdesk.core.opening import SandboxOptions
    from faxdesk.core.report import ReportSaver
    from faxdesk.sandbox.server import SandboxServer
    from faxdesk.ui.first_frame import FirstFrame
    from faxdesk.ui.main_window import MainWindow
    from faxdesk.ui.print_intake import PrintIntake
    from faxdesk.ui.settings_dialog import SettingsServices
    from faxdesk.ui.single_instance import SingleInstance
    from faxdesk.ui.worker import Worker

log = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    name_application()
    set_application_icon(app)


def name_application() -> None:
    """The names settings, the keyring and the desktop know FaxDesk by (before anything else)."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setOrganizationDomain("faxdesk.github.io")
    QGuiApplication.setDesktopFileName(APP_ID)


def set_application_icon(app: QApplication) -> None:
    """Every window's icon (loading it loads Qt's SVG support: after the first frame)."""
    from faxdesk.ui.icons import icon

    app.setWindowIcon(icon("app"))


def check_connection(api_key: str, base_url: str) -> str:
    """Runs on the worker: one small authenticated call."""
    from faxdesk.api.client import TelnyxClient

    client = TelnyxClient(api_key, base_url=base_url)
    try:
        page = client.list_fax_applications(page_size=1)
    finally:
        client.close()
    return QCoreApplication.translate(
        "FaxDeskApp", "Connected. The account has {n} fax application(s)."
    ).format(n=page.meta.total_results)


class FaxDeskApp:
    """One running FaxDesk: engine, window, send features, address book, single-instance guard.

    Built complete but not started: `start()` shows the window and starts the engine."""

    def __init__(self, *, sandbox: bool, settings: Settings, api_key: str | None = None,
                 sandbox_options: SandboxOptions | None = None,
                 worker: Worker | None = None, data_dir: Path | None = None,
                 guard: SingleInstance | None = None) -> None:
        from faxdesk.core.opening import open_engine
        from faxdesk.ui.main_window import MainWindow
        from faxdesk.ui.send_dialog import contact_book
        from faxdesk.ui.send_setup import install_send_features
        from faxdesk.ui.worker import EventBridge

        self.settings = settings
        self._current_key = api_key
        mode: Literal["sandbox", "account"] = "sandbox" if sandbox else "account"
        self.opened = open_engine(settings, mode, data_dir,
                                  sandbox=sandbox_options, api_key=api_key)
        self.window = MainWindow(self.opened.engine, worker=worker, settings_host=self,
                                 sandbox=sandbox)
        # Launches of the other mode never reach this window (each mode has its own).
        if guard is not None and guard.mode != mode:
            guard.switch_mode(mode)
        self.guard = guard
        self.features = install_send_features(self.window, guard=guard)
        # Problems of print, report and scan features come from their own threads: the bridge
        # brings them to the window.
        self._problems = EventBridge(self.window)
        self._problems.received.connect(self.window.show_problem_text)
        self.print_intake: PrintIntake | None = None
        self.report_saver: ReportSaver | None = None
        self.auto_printer: AutoPrinter | None = None
        # The address book names the other party in the fax table (when it can be opened).
        book = contact_book(self.window)
        if book is not None:
            self.window.set_contacts(book)

    def start(self, files: Sequence[str] = (), *, send: bool = False,
              replacing: FirstFrame | None = None) -> None:
        """Start the engine, show the window (in place of the first frame, once it shows the
        history too), and open the send dialog for `files`."""
        window = self.window
        if replacing is None:
            window.show()
        else:
            _take_the_place_of(replacing, window)
        window.start()
        self._start_office_features()
        if files or send:
            window.open_send_dialog(list(files))

    def _start_office_features(self) -> None:
        """Print to fax, automatic reports and automatic printing, as the settings ask."""
        from faxdesk.core.auto_print import AutoPrinter
        from faxdesk.core.documents.paper import paper_for_country
        from faxdesk.core.paths import data_dir as user_data_dir
        from faxdesk.core.print_jobs import PrintSpool
        from faxdesk.ui.print_intake import install_print_to_fax
        from faxdesk.ui.report_words import report_words

        settings = self.settings
        engine = self.engine
        def problem(_fax_id: str, text: str) -> None:
            self._problems.post(text)

        if settings.print_to_fax_enabled:
            # Claimed jobs live in the user's own data folder, also for a sandbox window, so a
            # printed document is never lost with a sandbox's throw-away folder.
            self.print_intake = install_print_to_fax(self.window,
                                                     PrintSpool.for_user(user_data_dir()))
        if settings.report_auto_save and settings.report_folder:
            # The report's PDF libraries load only for those who keep reports.
            from faxdesk.core.report import ReportSaver

            self.report_saver = ReportSaver(
                engine.store, Path(settings.report_folder), report_words(),
                contacts=self.window.contacts,
                paper=paper_for_country(settings.default_country), on_error=problem,
            ).attach(engine.events)
        if settings.auto_print_received and settings.auto_print_printer:
            self.auto_printer = AutoPrinter(engine.store, settings.auto_print_printer,
                                            on_problem=problem).attach(engine.events)

    def _stop_office_features(self) -> None:
        # At quit, before dialogs close: print jobs of open dialogs stay for the next start.
        if self.print_intake is not None:
            self.print_intake.stop()
        for feature in (self.report_saver, self.auto_printer):
            if feature is not None:
                feature.stop()
        self.print_intake = self.report_saver = self.auto_printer = None

    @property
    def engine(self) -> FaxEngine:
        return self.opened.engine

    @property
    def sandbox_server(self) -> SandboxServer | None:
        return self.opened.sandbox

    # SettingsHost ------------------------------------------------------------------------------
    def current_settings(self) -> Settings:
        return self.settings

    def settings_services(self, applications: Sequence[FaxApplication]) -> SettingsServices:
        from faxdesk.core.secrets import make_key_store
        from faxdesk.core.settings import save_settings
        from faxdesk.ui.settings_dialog import SettingsServices

        engine = self.engine
        return SettingsServices(
            key_store=make_key_store,
            test_connection=check_connection,
            save_settings=save_settings,
            applications=applications,
            list_numbers=lambda app_id: engine.list_phone_numbers(app_id),
            # On the sandbox the dialog shows the sandbox's address, not the account's.
            sandbox_url=self.sandbox_server.base_url if self.sandbox_server is not None else "",
        )

    def apply_settings(self, settings: Settings, key: str | None) -> None:
        from faxdesk.core.auto_print import switched_on
        from faxdesk.core.opening import api_base_url, client_factory

        old = self.settings
        self.settings = settings
        if settings.auto_print_received and not old.auto_print_received:
            switched_on(self.engine.store)  # only faxes received from now on are printed
        # Print to fax, reports and automatic printing follow the new settings at once.
        self._stop_office_features()
        self._start_office_features()
        if self.opened.mode == "sandbox":
            self.window.show_info(QCoreApplication.translate(
                "FaxDeskApp", "Saved. The sandbox stays connected until FaxDesk restarts."))
            return
        same_url = old.api_base_url == settings.api_base_url
        if key and (not self.engine.has_account or not same_url or key != self._current_key):
            # Same store and journal: the engine swaps its client and resumes syncing.
            factory = client_factory(key, api_base_url(settings))
            engine = self.engine

            def switch() -> None:
                engine.set_client_factory(factory)
                engine.sync_now()

            self._current_key = key
            self.window.worker.submit(switch, on_done=self._switched,
                                      on_error=self.window.show_exception)

    def _switched(self, _result: object) -> None:
        self.window.reload_applications()

    def close(self) -> None:
        self._stop_office_features()
        window = self.window
        window.shutdown()
        self.opened.close()
        if self.guard is not None:
            self.guard.close()
        # The window and everything it owns (dialogs, tray, panes) are freed now, here on the
        # GUI thread, not whenever Python's collector breaks a cycle on some other thread.
        if shiboken6.isValid(window):
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def create_app(args: argparse.Namespace, *, ask_first_run: bool = True,
               guard: SingleInstance | None = None,
               settings: Settings | None = None) -> FaxDeskApp:
    """Decide sandbox or account, ask the first-run question, build the app (not started).
    `settings`: as already read by the caller (else read here)."""
    settings = settings if settings is not None else load_settings()
    sandbox = bool(getattr(args, "sandbox", False))
    open_settings = False
    if not sandbox and ask_first_run and not settings.first_run_done:
        from faxdesk.ui.welcome import WelcomeDialog

        welcome = WelcomeDialog()
        welcome.exec()
        # Freed now, on this (the GUI) thread, not by the cyclic GC on whatever thread.
        welcome.deleteLater()
        if welcome.choice == "sandbox":
            sandbox = True
        elif welcome.choice == "key":
            open_settings = True
        settings = settings.replace(first_run_done=True)
        try:
            save_settings(settings)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
    app = FaxDeskApp(sandbox=sandbox, settings=settings, guard=guard)
    problem = app.opened.key_problem
    if problem:
        from faxdesk.ui.status_area import FIX_SETTINGS

        # Until a working key makes syncing work (the status area clears it then).
        app.window.show_problem("key", problem, FIX_SETTINGS)
    recovered = app.engine.store.recovered_from
    if recovered is not None:
        app.window.show_error(QCoreApplication.translate(
            "FaxDeskApp", "FaxDesk's history file was damaged. It was kept as {path}, and a new "
            "one is filled again from your Telnyx account.").format(path=recovered))
    if open_settings or not app.engine.has_account:
        app.window.open_settings()
    return app


def run_app(args: argparse.Namespace,
            on_first_frame: Callable[[], None] = lambda: None) -> int:
    """Paint first, then load: the first frame shows the stored history at once; the engine,
    the window and their libraries are imported and started on the next turn of the event loop,
    and the main window takes the first frame's place once it has its rows. `on_first_frame`
    runs once the first frame is painted (or, without one, before the window is built)."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    thread_check.enable_from_environment()
    name_application()
    files = [str(Path(f).resolve()) for f in getattr(args, "files", []) or []]
    send = bool(getattr(args, "send", False))
    sandbox = bool(getattr(args, "sandbox", False))
    mode: Literal["account", "sandbox"] = "sandbox" if sandbox else "account"
    if hand_off(files, send=send, name=server_name(mode=mode)):
        return 0  # the running FaxDesk took the files
    settings = load_settings()
    install_translations(app, settings.language)
    # A first start asks its question (sandbox or key) before any window: no first frame then.
    first = _first_frame(sandbox) if sandbox or settings.first_run_done else None
    # Files handed over by another launch while the app is being built wait for its window.
    handed: list[list[str]] = []
    raised: list[bool] = []
    hold_files = handed.append

    def hold_activation() -> None:
        raised.append(True)

    guards: list[SingleInstance] = []
    built: list[FaxDeskApp] = []
    failed: list[BaseException] = []

    def build() -> None:
        from faxdesk.ui.single_instance import acquire_single_instance

        # Listening waits for the first frame (QtNetwork is loaded now). A FaxDesk that started
        # since the launch asked takes the files now, and this one leaves.
        guard = acquire_single_instance(files, send=send, mode=mode)
        if guard is None:
            if first is not None:
                first.close()
            app.exit(0)
            return
        guards.append(guard)
        guard.filesReceived.connect(hold_files)
        guard.activationRequested.connect(hold_activation)
        set_application_icon(app)
        try:
            faxdesk = create_app(args, guard=guard, settings=settings)
        except BaseException as exc:
            if first is None:
                raise
            failed.append(exc)  # raised again from run_app, once the event loop has ended
            app.exit(1)
            return
        built.append(faxdesk)
        guard.filesReceived.disconnect(hold_files)
        guard.activationRequested.disconnect(hold_activation)
        _quit_on_signals(faxdesk.window)  # before anything starts, so a signal finds a handler
        faxdesk.start(files, send=send, replacing=first)
        for more in handed:
            faxdesk.window.open_send_dialog(more)
        if raised and not handed:
            faxdesk.window.show_normal_and_raise()

    def painted() -> None:
        on_first_frame()
        QTimer.singleShot(0, build)

    if first is None:
        on_first_frame()
        build()
        if not guards:
            return 0
    else:
        first.painted.connect(painted, Qt.ConnectionType.SingleShotConnection)
        first.show()
    try:
        code = int(app.exec())
    finally:
        for faxdesk in built:
            faxdesk.close()
        if not built:
            for guard in guards:
                guard.close()
    if failed:
        raise failed[0]
    return code


def _first_frame(sandbox: bool) -> FirstFrame:
    from faxdesk.ui.first_frame import FirstFrame, StoredHistory, read_history

    title = QCoreApplication.translate("MainWindow", "FaxDesk")
    if sandbox:
        from faxdesk.ui.sandbox_banner import sandbox_suffix

        # A sandbox starts from nothing every time: no history to show yet.
        return FirstFrame(StoredHistory(), title=title + sandbox_suffix(), state=QSettings(),
                          note=QCoreApplication.translate("FaxDeskApp",
                                                          "Starting the sandbox…"))
    from faxdesk.core.paths import data_dir

    try:
        history = read_history(data_dir())
    except OSError:  # the folder cannot be made: the main window says so in words
        history = StoredHistory()
    return FirstFrame(history, title=title, state=QSettings())


# How long the first frame waits for the main window's rows before giving its place anyway.
HANDOVER_WAIT_MS = 3000


def _take_the_place_of(first: FirstFrame, window: MainWindow) -> None:
    """Show `window` where `first` is, once its rows are loaded (so the history never
    blinks out), then close `first`."""
    done: list[bool] = []

    def hand_over() -> None:
        if done:
            return
        done.append(True)
        if first.isMinimized():
            window.showMinimized()
        else:
            window.show()
            window.raise_()
            window.activateWindow()
        first.close()
        first.deleteLater()

    window.model.modelReset.connect(hand_over, Qt.ConnectionType.SingleShotConnection)
    window.model.layoutChanged.connect(hand_over, Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(HANDOVER_WAIT_MS, hand_over)


def _quit_on_signals(window: MainWindow) -> None:
    """Ctrl+C in a terminal or SIGTERM (logout, kill) quit cleanly: the engine stops, the sandbox
    closes. Python runs signal handlers only between bytecodes, so a timer lets it in."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        # Logout or kill: no question asked (waiting sends resume on the next start).
        signal.signal(sig, lambda _signum, _frame: window.quit(confirm=False))
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(300)
