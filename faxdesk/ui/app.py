"""The desktop application, assembled in one place.

`FaxDeskApp` owns everything one running FaxDesk has: the engine (on the account or the
sandbox, opened by `open_engine`), the main window, the send features (send dialog, drop zone,
tray, contacts; `send_setup.install_send_features`), the address book that names the faxes, and
the single-instance guard. `run_app` makes the QApplication, takes the guard, builds the app
and runs it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from faxdesk import APP_ID, APP_NAME
from faxdesk.api.models import FaxApplication
from faxdesk.core.auto_print import AutoPrinter, switched_on
from faxdesk.core.documents.paper import paper_for_country
from faxdesk.core.engine import FaxEngine
from faxdesk.core.opening import SandboxOptions, api_base_url, client_factory, open_engine
from faxdesk.core.paths import data_dir as user_data_dir
from faxdesk.core.print_jobs import PrintSpool
from faxdesk.core.report import ReportSaver
from faxdesk.core.settings import Settings, load_settings, save_settings
from faxdesk.ui import thread_check
from faxdesk.ui.i18n import install_translations
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.print_intake import PrintIntake, install_print_to_fax
from faxdesk.ui.report_words import report_words
from faxdesk.ui.send_dialog import contact_book
from faxdesk.ui.send_setup import install_send_features
from faxdesk.ui.settings_dialog import SettingsServices
from faxdesk.ui.single_instance import SingleInstance, acquire_single_instance
from faxdesk.ui.status_area import FIX_SETTINGS
from faxdesk.ui.worker import EventBridge, Worker

if TYPE_CHECKING:
    from faxdesk.sandbox.server import SandboxServer

log = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    from faxdesk.ui.icons import icon

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setOrganizationDomain("faxdesk.github.io")
    QGuiApplication.setDesktopFileName(APP_ID)
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

    def start(self, files: Sequence[str] = (), *, send: bool = False) -> None:
        """Show the window, start the engine, and open the send dialog for `files`."""
        self.window.show()
        self.window.start()
        self._start_office_features()
        if files or send:
            self.window.open_send_dialog(list(files))

    def _start_office_features(self) -> None:
        """Print to fax, automatic reports and automatic printing, as the settings ask."""
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

        engine = self.engine
        return SettingsServices(
            key_store=make_key_store,
            test_connection=check_connection,
            save_settings=save_settings,
            applications=applications,
            list_numbers=lambda app_id: engine.list_phone_numbers(app_id),
        )

    def apply_settings(self, settings: Settings, key: str | None) -> None:
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
               guard: SingleInstance | None = None) -> FaxDeskApp:
    """Decide sandbox or account, ask the first-run question, build the app (not started)."""
    settings = load_settings()
    sandbox = bool(getattr(args, "sandbox", False))
    open_settings = False
    if not sandbox and ask_first_run and not settings.first_run_done:
        from faxdesk.ui.welcome import WelcomeDialog

        welcome = WelcomeDialog()
        welcome.exec()
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
        # Until a working key makes syncing work (the status area clears it then).
        app.window.show_problem("key", problem, FIX_SETTINGS)
    if open_settings or not app.engine.has_account:
        app.window.open_settings()
    return app


def run_app(args: argparse.Namespace) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    thread_check.enable_from_environment()
    configure_application(app)
    files = [str(Path(f).resolve()) for f in getattr(args, "files", []) or []]
    send = bool(getattr(args, "send", False))
    guard = acquire_single_instance(
        files, send=send, mode="sandbox" if getattr(args, "sandbox", False) else "account")
    if guard is None:
        return 0  # the running FaxDesk took the files
    install_translations(app, load_settings().language)
    faxdesk = create_app(args, guard=guard)
    _quit_on_signals(faxdesk.window)  # before anything starts, so a signal always finds a handler
    faxdesk.start(files, send=send)
    try:
        return int(app.exec())
    finally:
        faxdesk.close()


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
