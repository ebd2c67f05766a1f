"""Start the desktop app: QApplication, the account (or the sandbox), the main window."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from faxdesk import APP_ID, APP_NAME
from faxdesk.api.models import FaxApplication
from faxdesk.ui.backend import Backend, NullBackend
from faxdesk.ui.engine_backend import EngineBackend
from faxdesk.ui.i18n import install_translations
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.settings_dialog import SettingsServices
from faxdesk.ui.worker import Worker

log = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    from faxdesk.ui.icons import icon

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setOrganizationDomain("faxdesk.github.io")
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("app"))


def make_client(api_key: str, base_url: str) -> Any:
    from faxdesk.api.client import TelnyxClient

    return TelnyxClient(api_key, base_url=base_url)


def make_backend(client: Any, settings: Any, *, data_dir: Path | None = None) -> Backend:
    """The core engine over `client`; `data_dir` None means the user's data directory."""
    return EngineBackend.create(client, settings, data_dir=data_dir)


def check_connection(api_key: str, base_url: str) -> str:
    """Runs on the worker: one small authenticated call."""
    client = make_client(api_key, base_url)
    try:
        page = client.list_fax_applications(page_size=1)
    finally:
        client.close()
    return QCoreApplication.translate(
        "Session", "Connected. The account has {n} fax application(s)."
    ).format(n=page.meta.total_results)


class Session:
    """One running app: settings, the account connection, the window (and the sandbox)."""

    def __init__(self, *, sandbox: bool, settings: Any = None, api_key: str | None = None,
                 sandbox_options: dict[str, Any] | None = None,
                 worker: Worker | None = None) -> None:
        self.settings = settings
        self._key = api_key
        self.sandbox_server: Any = None
        self._cache_dir = Path(tempfile.mkdtemp(prefix="faxdesk-"))
        self.client: Any = None
        backend: Backend
        suffix = ""
        if sandbox:
            from faxdesk.sandbox.server import SandboxServer

            options = {"demo": True, **(sandbox_options or {})}
            self.sandbox_server = SandboxServer(**options).start()
            self.client = make_client(self.sandbox_server.api_key, self.sandbox_server.base_url)
            # Sandbox faxes live in a throwaway store, never in the user's own history.
            backend = make_backend(self.client, settings,
                                   data_dir=self._cache_dir / "sandbox-data")
            suffix = QCoreApplication.translate("Session", " — Sandbox")
        elif api_key:
            base_url = getattr(settings, "api_base_url", "https://api.telnyx.com/v2")
            self.client = make_client(api_key, base_url)
            backend = make_backend(self.client, settings)
        else:
            backend = NullBackend(QCoreApplication.translate(
                "Session", "No API key yet: enter it in Settings (Ctrl+,)."))
        self.window = MainWindow(backend, worker=worker, settings_host=self,
                                 title_suffix=suffix)

    # SettingsHost ------------------------------------------------------------------------------
    def current_settings(self) -> Any:
        if self.settings is None:
            from faxdesk.core.settings import Settings

            self.settings = Settings()
        return self.settings

    def settings_services(self, applications: Sequence[FaxApplication]) -> SettingsServices:
        from faxdesk.core.secrets import make_key_store
        from faxdesk.core.settings import save_settings

        window = self.window
        return SettingsServices(
            key_store=make_key_store,
            test_connection=check_connection,
            save_settings=save_settings,
            applications=applications,
            list_numbers=lambda app_id: window.backend.list_phone_numbers(app_id),
        )

    def apply_settings(self, settings: Any, key: str | None) -> None:
        old = self.settings
        self.settings = settings
        if self.sandbox_server is not None:
            self.window.show_info(QCoreApplication.translate(
                "Session", "Saved. The sandbox stays connected until FaxDesk restarts."))
            return
        same_url = old is not None and old.api_base_url == settings.api_base_url
        if key and (self.client is None or not same_url or key != self._key):
            self._key = key
            self.client = make_client(key, settings.api_base_url)
            backend = self.window.backend
            if isinstance(backend, EngineBackend):
                # Same store and journal: the engine swaps its client and resumes syncing.
                client = self.client
                self.window.worker.submit(backend.set_client, client,
                                          on_done=lambda _r: self.window.reload_applications())
            else:
                self.window.set_backend(make_backend(self.client, settings))

    def close(self) -> None:
        self.window.shutdown()
        if self.client is not None:
            try:
                self.client.close()
            except Exception:
                log.debug("closing the client failed", exc_info=True)
        if self.sandbox_server is not None:
            self.sandbox_server.stop()
            self.sandbox_server = None
        shutil.rmtree(self._cache_dir, ignore_errors=True)


def _load_settings() -> Any:
    try:
        from faxdesk.core.settings import load_settings
    except ImportError:
        return None
    return load_settings()


def _load_key(settings: Any) -> tuple[str | None, str | None]:
    """The stored key, or a message in words why there is none."""
    from faxdesk.core.secrets import SecretsError, make_key_store

    try:
        return make_key_store(settings.key_storage).get_key(), None
    except SecretsError as exc:
        return None, str(exc)


def create_session(args: argparse.Namespace, *, ask_first_run: bool = True) -> Session:
    """Decide sandbox or account, ask the first-run question, build the window (not shown)."""
    settings = _load_settings()
    sandbox = bool(getattr(args, "sandbox", False))
    open_settings = False
    key: str | None = None
    problem: str | None = None
    if not sandbox and settings is not None:
        if ask_first_run and not settings.first_run_done:
            from faxdesk.ui.welcome import WelcomeDialog

            welcome = WelcomeDialog()
            welcome.exec()
            if welcome.choice == "sandbox":
                sandbox = True
            elif welcome.choice == "key":
                open_settings = True
            try:
                from faxdesk.core.settings import save_settings

                settings = settings.replace(first_run_done=True)
                save_settings(settings)
            except (ImportError, OSError) as exc:
                log.warning("could not save settings: %s", exc)
        if not sandbox:
            key, problem = _load_key(settings)
    session = Session(sandbox=sandbox, settings=settings, api_key=key)
    if problem:
        session.window.show_error(problem)
    if open_settings or (not sandbox and not key):
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
    install_send_features, acquire_single_instance = _send_features()
    guard: Any = None
    if acquire_single_instance is not None:
        guard = acquire_single_instance(files, send=send)
        if guard is None:
            return 0  # the running FaxDesk took the files
    settings = _load_settings()
    install_translations(app, getattr(settings, "language", "") if settings is not None else "")
    session = create_session(args)
    window = session.window
    if install_send_features is not None:
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
        if guard is not None:
            guard.close()


def _name_faxes_from_contacts(window: MainWindow) -> None:
    """The address book names the other party in the fax table (when it can be opened)."""
    try:
        from faxdesk.ui.send_dialog import contact_book
    except ImportError:
        return
    book = contact_book(window)
    if book is not None:
        window.set_contacts(book)


def _send_features() -> tuple[Any, Any]:
    """Issue 7's send dialog, tray, drops and single instance, when installed."""
    try:
        from faxdesk.ui.send_setup import install_send_features
        from faxdesk.ui.single_instance import acquire_single_instance
    except ImportError:
        return None, None
    return install_send_features, acquire_single_instance


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
