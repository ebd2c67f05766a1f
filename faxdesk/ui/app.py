"""Start the desktop app: QApplication, the account (or the sandbox), the main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from faxdesk import APP_ID, APP_NAME
from faxdesk.api.models import FaxApplication
from faxdesk.core.engine import FaxEngine
from faxdesk.core.opening import SandboxOptions, api_base_url, client_factory, open_engine
from faxdesk.core.settings import Settings, load_settings, save_settings
from faxdesk.ui.i18n import install_translations
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.settings_dialog import SettingsServices
from faxdesk.ui.worker import Worker

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
        "Session", "Connected. The account has {n} fax application(s)."
    ).format(n=page.meta.total_results)


class Session:
    """One running app: settings, the engine (on the account or the sandbox), the window."""

    def __init__(self, *, sandbox: bool, settings: Settings, api_key: str | None = None,
                 sandbox_options: SandboxOptions | None = None,
                 worker: Worker | None = None, data_dir: Path | None = None) -> None:
        self.settings = settings
        self._current_key = api_key
        self.opened = open_engine(settings, "sandbox" if sandbox else "account", data_dir,
                                  sandbox=sandbox_options, api_key=api_key)
        suffix = QCoreApplication.translate("Session", " — Sandbox") if sandbox else ""
        self.window = MainWindow(self.opened.engine, worker=worker, settings_host=self,
                                 title_suffix=suffix)

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
        if self.opened.mode == "sandbox":
            self.window.show_info(QCoreApplication.translate(
                "Session", "Saved. The sandbox stays connected until FaxDesk restarts."))
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
            self.window.worker.submit(switch, on_done=lambda _r: self.window.reload_applications(),
                                      on_error=lambda exc: self.window.show_error(str(exc)))

    def close(self) -> None:
        self.window.shutdown()
        self.opened.close()


def create_session(args: argparse.Namespace, *, ask_first_run: bool = True) -> Session:
    """Decide sandbox or account, ask the first-run question, build the window (not shown)."""
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
    session = Session(sandbox=sandbox, settings=settings)
    problem = session.opened.key_problem
    if problem:
        session.window.show_error(problem)
    if open_settings or not session.engine.has_account:
        session.window.open_settings()
    return session


def run_app(args: argparse.Namespace) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application(app)
    files = [str(Path(f).resolve()) for f in getattr(args, "files", []) or []]
    send = bool(getattr(args, "send", False))
    from faxdesk.ui.send_setup import install_send_features
    from faxdesk.ui.single_instance import acquire_single_instance

    guard = acquire_single_instance(files, send=send)
    if guard is None:
        return 0  # the running FaxDesk took the files
    install_translations(app, load_settings().language)
    session = create_session(args)
    window = session.window
    install_send_features(window, guard=guard)
    _name_faxes_from_contacts(window)
    _quit_on_signals(window)  # before anything starts, so a signal always finds a handler
    window.show()
    window.start()
    if files or send:
        window.open_send_dialog(files)
    try:
        return int(app.exec())
    finally:
        session.close()
        guard.close()


def _name_faxes_from_contacts(window: MainWindow) -> None:
    """The address book names the other party in the fax table (when it can be opened)."""
    from faxdesk.ui.send_dialog import contact_book

    book = contact_book(window)
    if book is not None:
        window.set_contacts(book)


def _quit_on_signals(window: MainWindow) -> None:
    """Ctrl+C in a terminal or SIGTERM (logout, kill) quit cleanly: the engine stops, the sandbox
    closes. Python runs signal handlers only between bytecodes, so a timer lets it in."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _signum, _frame: window.quit())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(300)
