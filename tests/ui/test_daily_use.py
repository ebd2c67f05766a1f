"""Daily use of the window against the demo sandbox: automatic retries as one row, problems in
the status bar that go with their cause, documents that are or are not there, received faxes
read and unread, several faxes at once, and the send dialog taking a second launch's files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from faxdesk.core.events import SyncStateChanged
from faxdesk.core.rows import FaxRow
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.settings import Settings
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import COL_STATUS
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.send_setup import install_send_features
from faxdesk.ui.tray import Notice
from tests.support.pdfs import make_pdf
from tests.ui.conftest import answer_next_message_box, make_engine, wait_for

BUSY = "+12025550101"  # the sandbox's busy line


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def show(self, notice: Notice) -> bool:
        self.shown.append(notice)
        return True

    def close(self) -> None:
        pass


def _send(window: MainWindow, pdf: Path, to: str, sandbox_api: Any) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    window.worker.submit(window.engine.send, SendRequest(
        documents=(pdf,), recipients=(Recipient(to),), connection_id=app.id,
        from_number=number))


def _rows_to(window: MainWindow, to: str) -> list[FaxRow]:
    return [r for r in window.model.items() if r.to == to and r.journal_id is not None]


def _timeline(window: MainWindow) -> str:
    pane = window.detail
    return "\n".join(pane.timeline.item(i).text() for i in range(pane.timeline.count()))


@pytest.fixture
def retry_window(qtbot: QtBot, demo_sandbox: Any, ui_state: QSettings, tmp_path: Path
                 ) -> Iterator[MainWindow]:
    """A window whose engine retries a busy line once, an hour later (or at "Retry now")."""
    settings = Settings(auto_retry_enabled=True, auto_retry_delay_secs=3600, auto_retry_max=1)
    win = MainWindow(make_engine(demo_sandbox, tmp_path / "data", settings), state=ui_state)
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_for(qtbot, lambda: win.model.rowCount() > 0 and win.apps_pane.applications, 20000)
    try:
        yield win
    finally:
        win.shutdown()


def test_an_automatic_retry_is_one_row_with_its_attempts_and_one_notification(
    qtbot: QtBot, retry_window: MainWindow, demo_sandbox: Any, sandbox_api: Any,
    tmp_path: Path,
) -> None:
    window = retry_window
    tray = install_send_features(window).tray
    notifier = RecordingNotifier()
    tray.notifier = notifier
    _send(window, make_pdf(tmp_path / "busy.pdf", 1), BUSY, sandbox_api)

    def waiting() -> list[FaxRow]:
        demo_sandbox.advance(20)
        return [r for r in _rows_to(window, BUSY) if r.pending == "scheduled"]

    wait_for(qtbot, waiting, 20000)
    rows = _rows_to(window, BUSY)
    assert len(rows) == 1, rows  # the failed attempt and its retry: one row
    row = rows[0]
    assert row.attempt == 2 and row.previous_failure == "user_busy"
    # A retry is planned: the failure is not the outcome (the demo's arriving fax may be news).
    assert [n for n in notifier.shown if n.kind != "received"] == []
    status = window.model.index(window.model.row_of(row.id) or 0, COL_STATUS).data()
    assert str(status).startswith("Retry at ")

    assert window.select_fax(row.id)
    pane = window.detail
    assert pane.buttons["retry_now"].isVisible() and pane.buttons["retry_now"].isEnabled()
    assert pane.buttons["cancel"].isEnabled() and pane.buttons["cancel"].text() == "&Stop retrying"
    assert "Attempt 1 failed: The line was busy" in pane.failure.text()
    wait_for(qtbot, lambda: "Automatic retry 2 of 2 at" in _timeline(window))
    assert "user_busy" not in _timeline(window) and " s (" not in _timeline(window)

    # Quitting with a retry waiting says so first (and quits only when told to).
    assert not window.quit()
    question = window.quit_question
    assert question is not None and "automatic retry" in question.text()
    keep = next(b for b in question.buttons()
                if question.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    wait_for(qtbot, lambda: window.quit_question is None)
    assert window.isVisible()

    # Retry now: the second (last) attempt goes at once, fails again, and only that is told.
    qtbot.mouseClick(pane.buttons["retry_now"], Qt.MouseButton.LeftButton)

    def failed_for_good() -> FaxRow | None:
        demo_sandbox.advance(20)
        done = [r for r in _rows_to(window, BUSY) if r.final_outcome == "failed"]
        return done[0] if done else None

    wait_for(qtbot, failed_for_good, 20000)
    assert len(_rows_to(window, BUSY)) == 1
    assert [(n.kind, n.fax_id) for n in notifier.shown if n.kind != "received"] == [
        ("failed", row.id)]
    wait_for(qtbot, lambda: _timeline(window).count("Failed") == 2)
    assert "Attempt 2 of 2" in _timeline(window)
    assert "Failed after 2 attempts" in pane.failure.text()


def test_stopping_a_waiting_retry_leaves_the_failed_attempt_and_tells_nobody(
    qtbot: QtBot, retry_window: MainWindow, demo_sandbox: Any, sandbox_api: Any,
    tmp_path: Path,
) -> None:
    window = retry_window
    tray = install_send_features(window).tray
    notifier = RecordingNotifier()
    tray.notifier = notifier
    _send(window, make_pdf(tmp_path / "busy.pdf", 1), BUSY, sandbox_api)

    def waiting() -> list[FaxRow]:
        demo_sandbox.advance(20)
        return [r for r in _rows_to(window, BUSY) if r.pending == "scheduled"]

    wait_for(qtbot, waiting, 20000)
    row = waiting()[0]
    assert window.select_fax(row.id)
    window.run_action("cancel")
    wait_for(qtbot, lambda: (window.model.item_by_id(row.id) or row).pending is None)
    stopped = window.model.item_by_id(row.id)
    assert stopped is not None and stopped.status == "failed" and stopped.final_outcome
    assert len(_rows_to(window, BUSY)) == 1
    assert [n for n in notifier.shown if n.kind != "received"] == []
    assert window.quit_question is None and window.waiting_sends() == []


def test_an_old_error_goes_when_its_cause_does_and_a_lasting_one_names_its_fix(
    qtbot: QtBot, window: MainWindow,
) -> None:
    from datetime import UTC, datetime

    wait_for(qtbot, lambda: window.conn_label.text() == "Connected")
    # The key was refused at start; once syncing works the red words go.
    window.show_problem("key", "The API key was not accepted.", "settings")
    assert "The API key was not accepted." in window.error_label.text()
    assert 'href="settings"' in window.error_label.text()  # the fix, as a link
    window._sync_state(SyncStateChanged("ok", datetime.now(UTC), ""))
    assert window.error_label.text() == "" and window.last_error == ""

    # A refused key while running: the problem names Settings, and goes with a working sync.
    window._sync_state(SyncStateChanged("auth_failed", None, "The API key was not accepted."))
    assert "Open Settings…" in window.error_label.text()
    window._sync_state(SyncStateChanged("ok", datetime.now(UTC), ""))
    assert window.error_label.text() == ""

    # A failed action passes: the next thing that works takes it away.
    window.show_error("Telnyx could not be reached.")
    assert window.last_error == "Telnyx could not be reached."
    window.show_info("Fax deleted.")
    assert window.last_error == ""


def test_save_and_open_wait_for_the_document_and_a_missing_viewer_is_said(
    qtbot: QtBot, window: MainWindow, demo_sandbox: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fax_id = demo_sandbox.receive_inbound(from_number="+16175550134", to="+12025550100",
                                          pages=1)

    def arriving() -> FaxRow | None:
        return window.model.item_by_id(fax_id)

    window.sync_now()
    wait_for(qtbot, arriving, 15000)
    assert window.select_fax(fax_id)
    row = arriving()
    assert row is not None and row.status != "received"
    for name in ("save", "open", "print"):
        assert not window.detail.buttons[name].isEnabled()
        assert not window.fax_actions[name].isEnabled()
        assert "arrives" in window.detail.buttons[name].toolTip()

    def downloaded() -> bool:
        demo_sandbox.advance(20)
        window.sync_now()
        current = arriving()
        return current is not None and current.has_document

    wait_for(qtbot, downloaded, 20000)
    wait_for(qtbot, lambda: window.detail.buttons["open"].isEnabled())
    assert window.fax_actions["save"].isEnabled()
    # No program opens PDFs here: the person is told, not left waiting.
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or False))
    window.run_action("open")
    wait_for(qtbot, lambda: opened)
    wait_for(qtbot, lambda: "No program to open PDF files" in window.last_error)


def test_received_faxes_are_read_when_opened_and_counted_while_unread(
    qtbot: QtBot, window: MainWindow,
) -> None:
    def unread() -> list[FaxRow]:
        return [r for r in window.model.items() if r.unread]

    wait_for(qtbot, lambda: unread())
    count = len(unread())
    wait_for(qtbot, lambda: window.unread == count)
    assert f"{count} unread" in window.windowTitle()
    filters = window.fax_list.status_filter
    assert filters.itemText(filters.findData("unread")) == f"Unread ({count})"
    window.show_unread()
    wait_for(qtbot, lambda: window.proxy.rowCount() == count)

    # Shown in the detail pane for a moment: read.
    first = unread()[0]
    assert window.select_fax(first.id)
    wait_for(qtbot, lambda: not (window.model.item_by_id(first.id) or first).unread, 5000)
    wait_for(qtbot, lambda: window.unread == count - 1)
    assert f"{count - 1} unread" in window.windowTitle() or count == 1


def test_several_faxes_at_once_and_the_row_menu(
    qtbot: QtBot, window: MainWindow, sandbox_api: Any, tmp_path: Path,
) -> None:
    received = [r for r in window.model.items() if r.direction == "inbound"
                and r.status == "received"][:2]
    assert len(received) == 2
    window.engine.mark_read(received[0].id, False)
    window.engine.mark_read(received[1].id, False)
    wait_for(qtbot, lambda: all((window.model.item_by_id(r.id) or r).unread for r in received))
    window._read_timer.setInterval(60_000)  # selection alone must not read them here
    assert window.select_fax(received[0].id)
    selection = window.table.selectionModel()
    second = window.proxy.index(window.proxy.row_of(received[1].id) or 0, 0)
    selection.select(second, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert len(window.selected_faxes()) == 2

    menu = window.row_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert "Mark &read" in texts and "&Delete 2 faxes…" in texts
    assert "Export the selected faxes…" in texts
    window.run_action("mark_read")
    wait_for(qtbot, lambda: not any((window.model.item_by_id(r.id) or r).unread
                                    for r in received))

    target = tmp_path / "two.csv"
    window.export_selected(str(target))
    wait_for(qtbot, target.exists)
    assert len(target.read_text().splitlines()) == 3  # header + the two chosen

    # By id, not by counting rows: the demo sandbox keeps receiving faxes meanwhile.
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    window.run_action("delete")
    wait_for(qtbot, lambda: all(window.model.item_by_id(r.id) is None for r in received),
             15000)
    ids = {f.id for f in sandbox_api.iter_faxes()}
    assert not ({r.id for r in received} & ids)


def test_the_right_click_menu_of_one_fax(qtbot: QtBot, window: MainWindow) -> None:
    failed = next(r for r in window.model.items() if r.status == "failed")
    assert window.select_fax(failed.id)
    index = window.proxy.index(window.proxy.row_of(failed.id) or 0, 0)
    shown: list[list[str]] = []

    def capture() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append([a.text() for a in menu.actions() if not a.isSeparator()])
            menu.close()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, capture)
    window.table.customContextMenuRequested.emit(window.table.visualRect(index).center())
    wait_for(qtbot, lambda: shown)
    assert "&Delete…" in shown[0] and "Transmission re&port…" in shown[0]


def test_a_second_launch_puts_its_file_into_the_open_send_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faxdesk.ui.single_instance import SingleInstance

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    guard = SingleInstance(f"faxdesk-test-{id(tmp_path)}")
    assert guard.listen()
    try:
        install_send_features(window, guard=guard)
        first, second = make_pdf(tmp_path / "a.pdf", 1), make_pdf(tmp_path / "b.pdf", 1)
        window.open_send_dialog([str(first)])
        dialog = window.send_dialog
        assert isinstance(dialog, SendDialog)
        # What `faxdesk b.pdf` does while this dialog is open.
        guard.filesReceived.emit([str(second)])
        assert window.send_dialog is dialog
        assert [d for d in window.findChildren(SendDialog) if d.isVisible()] == [dialog]
        wait_for(qtbot, lambda: len(dialog.documents.paths()) == 2)
        dialog.reject()
        wait_for(qtbot, lambda: window.send_dialog is None)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(dialog)  # freed on the GUI thread when it closed
    finally:
        guard.close()


def test_dialogs_opened_from_the_window_are_freed_when_they_close(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faxdesk.ui.send_setup import open_contacts

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    install_send_features(window)
    opened = [window.new_application(), open_contacts(window)]
    settings_window = MainWindow(window.engine, worker=window.worker,
                                 settings_host=_Host(), state=window.ui_state)
    qtbot.addWidget(settings_window)
    opened.append(settings_window.open_settings())
    for dialog in opened:
        assert dialog is not None
        dialog.reject()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [shiboken6.isValid(d) for d in opened] == [False, False, False]


class _Host:
    def current_settings(self) -> Settings:
        return Settings()

    def settings_services(self, applications: Any) -> Any:
        from faxdesk.ui.settings_dialog import SettingsServices

        return SettingsServices(key_store=_no_keys, test_connection=_no_test,
                                save_settings=_no_save, applications=applications,
                                list_numbers=_no_numbers)

    def apply_settings(self, settings: Settings, key: str | None) -> None:
        pass


def _no_keys(_storage: str) -> Any:
    from faxdesk.core.secrets import SessionKeyStore

    return SessionKeyStore()


def _no_test(key: str, url: str) -> str:
    return "ok"


def _no_save(settings: Settings) -> None:
    pass


def _no_numbers(app_id: str) -> list[Any]:
    return []

