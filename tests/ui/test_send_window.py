"""The send features installed on the real main window (demo sandbox over loopback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.send_setup import install_send_features
from faxdesk.ui.tray import Notice
from tests.support.pdfs import make_pdf


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def show(self, notice: Notice) -> bool:
        self.shown.append(notice)
        return True

    def close(self) -> None:
        pass


def _drop_on(widget: Any, path: Path) -> None:
    mime = QMimeData()  # kept in a variable while the events use it
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def _send_dialog(window: Any) -> SendDialog | None:
    dialogs = [d for d in window.findChildren(SendDialog) if d.isVisible()]
    return dialogs[-1] if dialogs else None


def test_pdf_dropped_on_the_main_window_is_sent_delivered_and_announced(
    qtbot: QtBot, window: Any, demo_sandbox: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))  # the address book's folder
    features = install_send_features(window)
    notifier = RecordingNotifier()
    features.tray.notifier = notifier
    assert window.tray is features.tray
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Contacts…" in [a.text() for a in file_menu.actions()]

    _drop_on(window, make_pdf(tmp_path / "report.pdf", 2))
    qtbot.waitUntil(lambda: _send_dialog(window) is not None, timeout=5000)
    dialog = _send_dialog(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: "2 pages" in dialog.documents.list.item(0).text(), timeout=10000)
    qtbot.waitUntil(lambda: dialog.number_combo.count() > 0, timeout=10000)
    assert dialog.recipients.add_text("+1 312 555 0150")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(dialog.sent, timeout=15000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    (journal_id,) = sent.args[0]
    assert not dialog.isVisible()

    ours = f"send:{journal_id}"  # the send's one row, from the moment it was queued

    def delivered() -> bool:
        demo_sandbox.advance(30)
        return any(n.kind == "delivered" and n.fax_id == ours for n in notifier.shown)

    qtbot.waitUntil(delivered, timeout=20000)
    notice = next(n for n in notifier.shown if n.fax_id == ours)
    assert notice.body == "2 pages delivered to +13125550150."
    server = [f for f in demo_sandbox.state.faxes.values() if f.to == "+13125550150"]
    assert len(server) == 1 and server[0].status == "delivered"
    row = window.model.item_by_id(ours)
    assert row is not None and row.fax_id == server[0].id and row.status == "delivered"

    # Clicking the notification opens that fax in the window.
    window.hide()
    features.tray._clickedFromAnyThread.emit(notice.fax_id)
    qtbot.waitUntil(window.isVisible, timeout=5000)
    selected = window.selected_fax()
    assert selected is not None and selected.id == notice.fax_id


def test_new_fax_and_a_second_launch_open_the_send_dialog(
    qtbot: QtBot, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faxdesk.ui.single_instance import SingleInstance

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    guard = SingleInstance(name=f"faxdesk-test-{id(tmp_path)}")
    features = install_send_features(window, guard=guard)

    # "Pause syncing" in the tray menu pauses the engine; the menu shows it checked.
    pause = next(a for a in features.tray.actions() if a.text() == "Pause syncing")
    pause.trigger()
    qtbot.waitUntil(lambda: window.sync_state is not None
                    and window.sync_state.state == "paused", timeout=5000)
    features.tray.menu.aboutToShow.emit()
    assert next(a for a in features.tray.actions() if a.text() == "Pause syncing").isChecked()
    window.act_new_fax.trigger()
    qtbot.waitUntil(lambda: _send_dialog(window) is not None, timeout=5000)
    first = _send_dialog(window)
    assert first is not None and first.documents.paths() == []
    first.reject()

    pdf = make_pdf(tmp_path / "handed.pdf", 1)
    window.hide()
    guard.filesReceived.emit([str(pdf)])  # what a second `faxdesk handed.pdf` delivers
    qtbot.waitUntil(lambda: _send_dialog(window) is not None, timeout=5000)
    dialog = _send_dialog(window)
    assert dialog is not None and dialog.documents.paths() == [str(pdf)]
    assert window.isVisible()
    dialog.reject()


def test_a_failed_fax_offers_resend_and_its_automatic_retry_is_in_the_timeline(
    qtbot: QtBot, demo_sandbox: Any, ui_state: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faxdesk.core.settings import Settings
    from faxdesk.ui.main_window import MainWindow
    from tests.ui.conftest import make_engine

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    # One automatic retry at once, as the settings ask for it.
    settings = Settings(auto_retry_enabled=True, auto_retry_delay_secs=0, auto_retry_max=2)
    win = MainWindow(make_engine(demo_sandbox, tmp_path / "data", settings), state=ui_state)
    qtbot.addWidget(win)
    try:
        win.show()
        win.start()
        install_send_features(win)
        win.open_send_dialog([str(make_pdf(tmp_path / "a.pdf", 1))])
        dialog = _send_dialog(win)
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.number_combo.count() > 0, timeout=10000)
        assert dialog.recipients.add_text("+1 202 555 0101")  # the sandbox's "busy" line
        qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
        with qtbot.waitSignal(dialog.sent, timeout=15000):
            dialog.send()

        def busy_faxes() -> list[Any]:
            demo_sandbox.advance(30)
            # Ours carry FaxDesk's client_state (the demo history has busy faxes too).
            return [f for f in demo_sandbox.state.faxes.values()
                    if f.to == "+12025550101" and f.client_state]

        # The first try fails (busy) and the core retries it by itself, at once.
        qtbot.waitUntil(lambda: len(busy_faxes()) >= 2, timeout=20000)
        first = min(busy_faxes(), key=lambda f: f.seq)
        assert first.status == "failed" and first.failure_reason == "user_busy"

        def our_rows() -> list[Any]:
            return [r for r in win.model.items()
                    if r.to == "+12025550101" and r.journal_id is not None]

        # The send and its retries are one row: the latest attempt, under the first's id.
        qtbot.waitUntil(lambda: len(our_rows()) == 1 and our_rows()[0].attempt >= 2,
                        timeout=10000)
        row_id = our_rows()[0].id
        assert row_id.startswith("send:")
        assert win.select_fax(row_id)

        def timeline() -> str:
            return "\n".join(win.detail.timeline.item(i).text()
                             for i in range(win.detail.timeline.count()))

        # Every attempt is in its timeline, in words.
        qtbot.waitUntil(lambda: "Automatic retry 2 of 3 at" in timeline(), timeout=10000)
        qtbot.waitUntil(lambda: "Attempt 2 of 3" in timeline(), timeout=10000)
        assert "The line was busy" in timeline() and "user_busy" not in timeline()
        def finished() -> bool:
            demo_sandbox.advance(30)
            return (win.model.item_by_id(row_id) or our_rows()[0]).final_outcome is not None

        qtbot.waitUntil(finished, timeout=20000)
        qtbot.waitUntil(lambda: win.detail.buttons["resend"].isEnabled(), timeout=10000)
    finally:
        win.shutdown()
