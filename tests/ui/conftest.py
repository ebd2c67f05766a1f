"""Fixtures for the window tests: a demo sandbox on loopback and a window connected to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from faxdesk.api.client import TelnyxClient
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.core.rows import FaxRow
from faxdesk.core.secrets import KeyringUnavailableError
from faxdesk.core.settings import Settings
from faxdesk.core.sync import SyncConfig
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.worker import Worker


@pytest.fixture
def ui_state(tmp_path: Path) -> QSettings:
    """Window geometry goes to a throwaway file, never the user's settings."""
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


def make_client(api_key: str, base_url: str) -> TelnyxClient:
    return TelnyxClient(api_key, base_url=base_url)


def make_engine(server: Any, data_dir: Path, settings: Settings | None = None) -> FaxEngine:
    """An engine on `server` configured from `settings` as the app does, polling often so a
    test sees changes quickly."""
    config = EngineConfig.from_settings(settings or Settings())
    config = EngineConfig(sync=SyncConfig(fast_interval=0.05, slow_interval=0.05),
                          outbox=config.outbox)
    return FaxEngine(data_dir, client_factory(server.api_key, server.base_url), config)


@pytest.fixture
def worker(qtbot: Any) -> Iterator[Worker]:
    """The window's background worker, shut down after the test."""
    w = Worker()
    yield w
    w.shutdown(5000)


class BrokenKeyring:
    """A key store whose keyring cannot be read (as when no Secret Service runs)."""

    persistent = True

    def get_key(self) -> str | None:
        raise KeyringUnavailableError("Could not read the system keyring (InitError).")

    def set_key(self, key: str) -> None:
        raise KeyringUnavailableError("no")

    def delete_key(self) -> None:
        pass


def first_fax(window: MainWindow, **want: Any) -> FaxRow:
    """The first fax in the window's table whose fields have the values in `want`."""
    for fax in window.model.items():
        if all(getattr(fax, k) == v for k, v in want.items()):
            return fax
    raise AssertionError(f"no demo fax with {want}")


@pytest.fixture
def demo_sandbox() -> Iterator[Any]:
    from faxdesk.sandbox.server import SandboxServer

    server = SandboxServer(demo=True, manual_clock=True).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sandbox_api(demo_sandbox: Any) -> Iterator[Any]:
    """A separate client for the test's own checks of what the server holds."""
    client = make_client(demo_sandbox.api_key, demo_sandbox.base_url)
    yield client
    client.close()


@pytest.fixture
def window(
    qtbot: Any, demo_sandbox: Any, ui_state: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    client = make_client(demo_sandbox.api_key, demo_sandbox.base_url)
    win = MainWindow(make_engine(demo_sandbox, tmp_path / "data"), state=ui_state)
    qtbot.addWidget(win)
    win.show()
    win.start()
    # The first sync may arrive fax by fax: wait for the whole demo history and applications.
    faxes = len(list(client.iter_faxes()))
    apps = len(list(client.iter_fax_applications()))
    qtbot.waitUntil(lambda: win.model.rowCount() >= faxes
                    and len(win.apps_pane.applications) >= apps, timeout=20000)
    try:
        yield win
    finally:
        win.shutdown()
        client.close()


def answer_next_message_box(button: QMessageBox.StandardButton) -> None:
    """Answer the next modal message box (it runs its own loop): Yes (or Ok) presses the button
    that does what is asked ("Delete", "Discard"), No (or Cancel) the one that keeps things."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        press(box, button)

    QTimer.singleShot(0, click)


def press(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    """Press `button` in `box`, or the button with its meaning: Yes (or Ok) the one that does
    what is asked, No (or Cancel) the one that keeps things. A box without such a button is
    closed before the test fails, so that its event loop never holds the test."""
    standard = box.button(button)
    if standard is not None:
        standard.click()
        return
    accept = button in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)
    for candidate in box.buttons():
        role = box.buttonRole(candidate)
        if (role == QMessageBox.ButtonRole.AcceptRole) == accept and role in (
                QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.RejectRole):
            candidate.click()
            return
    names = [b.text() for b in box.buttons()]
    box.reject()
    raise AssertionError(f"no button for {button} in {names}")


def closed(widget: QWidget) -> bool:
    """A dialog is closed: hidden, or (one that deletes itself on close) already deleted."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def wait_for(qtbot: Any, condition: Callable[[], object], timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)


@pytest.fixture(autouse=True)
def no_threads_left_behind(qtbot: Any) -> Iterator[None]:
    """Every window test stops what it started: workers, pollers, engines, sandboxes."""
    import threading

    before = set(threading.enumerate())
    yield
    deadline_ms = 5000

    def leftover() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t not in before and t.is_alive()]

    try:
        qtbot.waitUntil(lambda: not leftover(), timeout=deadline_ms)
    except Exception:
        names = sorted(t.name for t in leftover())
        raise AssertionError(f"threads left running: {names}") from None
