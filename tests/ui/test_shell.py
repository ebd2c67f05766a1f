"""The window around the panes: first run, shortcuts, remembered geometry, connection state."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from faxdesk.core.engine import FaxEngine
from faxdesk.core.rows import FaxRow
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.welcome import WelcomeDialog
from tests.ui.conftest import answer_next_message_box, closed, wait_for
from tests.ui.rows import fax_row


def no_account(path: Path) -> FaxEngine:
    """An engine before any API key was entered (what a first start opens)."""
    return FaxEngine(path, None)


def test_first_run_welcome_offers_the_sandbox(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faxdesk.core.settings import load_settings
    from faxdesk.ui.app import create_app

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path))
    assert not load_settings().first_run_done
    seen: list[str] = []

    def choose_sandbox() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            QTimer.singleShot(10, choose_sandbox)
            return
        seen.append(dialog.windowTitle())
        qtbot.mouseClick(dialog.sandbox_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_sandbox)
    session = create_app(argparse.Namespace(sandbox=False, files=[]))
    try:
        assert seen == ["Welcome to FaxDesk"]
        assert session.sandbox_server is not None
        assert "Sandbox" in session.window.windowTitle()
        assert load_settings().first_run_done  # asked once only
    finally:
        session.close()


def test_no_key_means_a_clear_state_not_a_crash(
    qtbot: Any, ui_state: QSettings, tmp_path: Path
) -> None:
    engine = no_account(tmp_path / "data")
    window = MainWindow(engine, state=ui_state)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_for(qtbot, lambda: window.conn_label.text() == "Not connected")
    assert window.sync_state is not None and window.sync_state.state == "no_account"
    assert "Settings" in window.error_label.text()
    window.sync_now()
    window.worker.wait_idle()
    qtbot.wait(50)
    assert window.conn_label.text() == "Not connected"
    assert "Settings" in window.error_label.text()
    window.show_error("")
    window.reload_applications()  # nothing to ask Telnyx: said in words, not a traceback
    wait_for(qtbot, lambda: "API key" in window.error_label.text())
    assert window.model.rowCount() == 0
    window.shutdown()


def test_geometry_is_remembered(qtbot: Any, ui_state: QSettings, tmp_path: Path) -> None:
    first = MainWindow(no_account(tmp_path / "one"), state=ui_state)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)  # within the offscreen screen (800x600): geometry is kept on screen
    first.splitter.setSizes([150, 450, 300])
    qtbot.wait(10)
    sizes = first.splitter.sizes()
    first.close()  # closing saves

    second = MainWindow(no_account(tmp_path / "two"), state=ui_state)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 560)
    assert second.splitter.sizes() == sizes
    second.shutdown()


def test_shortcuts(qtbot: Any, window: MainWindow, demo_sandbox: Any) -> None:
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.findChildren(type(
        window.act_sync))}
    assert shortcuts["new_fax"] == "Ctrl+N"
    assert shortcuts["sync"] == "F5"
    assert shortcuts["find"] == "Ctrl+F"
    assert shortcuts["settings"] == "Ctrl+,"
    assert shortcuts["quit"] == "Ctrl+Q"
    assert shortcuts["delete"] == "Del"

    window.activateWindow()
    wait_for(qtbot, window.isActiveWindow)  # shortcuts go to the active window
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "Syncing…"

    fax = next(f for f in window.model.items() if f.status == "delivered")
    window.select_fax(fax.id)
    window.table.setFocus()
    answer_next_message_box(QMessageBox.StandardButton.No)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.worker.wait_idle()
    assert window.model.item_by_id(fax.id) is not None  # asked, and "No" kept it

    window.activateWindow()  # the message box had it
    wait_for(qtbot, window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus() or window.focusWidget() is window.search


def test_connection_problem_is_shown_in_words(
    qtbot: Any, window: MainWindow, demo_sandbox: Any
) -> None:
    wait_for(qtbot, lambda: window.conn_label.text() == "Connected")
    demo_sandbox.faults.error_rate = 1.0  # every request now gets a 5xx
    window.sync_now()
    wait_for(qtbot, lambda: window.conn_label.text().startswith("Offline"))
    assert window.error_label.text()  # and the reason, in words
    demo_sandbox.faults.error_rate = 0.0


def test_entering_a_key_in_settings_connects_the_window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_sandbox: Any
) -> None:
    from faxdesk.core.settings import Settings, save_settings
    from faxdesk.ui.app import create_app
    from faxdesk.ui.settings_dialog import SettingsDialog

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path))
    save_settings(Settings(first_run_done=True, key_storage="session"))
    session = create_app(argparse.Namespace(sandbox=False, files=[]))
    try:
        window = session.window  # session.close() frees it
        window.show()
        window.start()
        wait_for(qtbot, lambda: window.conn_label.text() == "Not connected")
        # With no key, the settings dialog is already open.
        dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
        assert len(dialogs) == 1
        dialog = dialogs[0]
        assert dialog.session_only.isChecked()
        dialog.base_url.setText(demo_sandbox.base_url)
        dialog.api_key.setText(demo_sandbox.api_key)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        wait_for(qtbot, lambda: closed(dialog))
        wait_for(qtbot, lambda: window.conn_label.text() == "Connected", timeout=20000)
        wait_for(qtbot, lambda: window.model.rowCount() > 0)
        assert session.current_settings().api_base_url == demo_sandbox.base_url
    finally:
        session.close()


def test_changes_during_a_reload_are_not_lost(
    qtbot: Any, ui_state: QSettings, tmp_path: Path
) -> None:
    """A fax the sync thread stores while the window reads the list must not vanish when the
    (older) list arrives. The list call is held until the change has been delivered."""
    import threading
    from dataclasses import replace
    from datetime import UTC, datetime

    from faxdesk.core.events import RowChanged

    release = threading.Event()
    old = fax_row("a", direction="outbound", status="queued", to="+14155550100",
                  created_at=datetime(2026, 1, 1, tzinfo=UTC))

    class SlowList(FaxEngine):
        def rows(self, limit: int | None = None) -> list[FaxRow]:
            release.wait(5)
            return [old]  # read before the changes below

    window = MainWindow(SlowList(tmp_path / "data", None), state=ui_state)
    qtbot.addWidget(window)
    window.reload_faxes()
    new = fax_row("b", direction="outbound", status="queued", to="+14155550101",
                  created_at=datetime(2026, 1, 2, tzinfo=UTC))
    window.bridge.post(RowChanged(new, None))
    window.bridge.post(RowChanged(replace(old, status="delivered"), "queued"))
    wait_for(qtbot, lambda: window.model.item_by_id("b") is not None)
    release.set()
    window.worker.wait_idle()
    qtbot.wait(50)
    assert window.model.item_by_id("b") is not None
    a = window.model.item_by_id("a")
    assert a is not None and a.status == "delivered"
    window.shutdown()


def test_hooks_for_the_send_dialog_and_the_tray(
    qtbot: Any, ui_state: QSettings, tmp_path: Path
) -> None:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QDialog, QWidget

    class StubSendDialog(QDialog):
        sent = Signal(list)

        def __init__(self, parent: QWidget) -> None:
            super().__init__(parent)
            self.documents = QWidget(self)
            self.added: list[str] = []

        def add_files(self, files: list[str]) -> None:
            self.added += files

    window = MainWindow(no_account(tmp_path / "data"), state=ui_state)
    qtbot.addWidget(window)
    window.show()
    calls: list[list[str]] = []
    made: list[StubSendDialog] = []

    def factory(win: MainWindow, files: list[str]) -> StubSendDialog:
        calls.append(files)
        made.append(StubSendDialog(win))
        return made[-1]

    window.send_dialog_factory = factory  # type: ignore[assignment]
    window.act_new_fax.trigger()  # Ctrl+N
    # While that dialog is open, more files go into it (no second dialog).
    window.open_send_dialog(["/tmp/a.pdf", "/tmp/b.pdf"])
    assert calls == [[]] and made[0].added == ["/tmp/a.pdf", "/tmp/b.pdf"]
    made[0].reject()
    window.open_send_dialog(["/tmp/c.pdf"])
    assert calls == [[], ["/tmp/c.pdf"]]
    made[1].reject()

    class Tray:
        hide = True

        def should_hide(self) -> bool:
            return self.hide

    window.tray = Tray()
    window.close()
    assert not window.isVisible() and window.worker.submit(lambda: None)  # hidden, still running
    window.worker.wait_idle()
    window.show()
    window.tray.hide = False
    window.close()
    assert not window.worker.submit(lambda: None)  # really quit: the worker is shut down
