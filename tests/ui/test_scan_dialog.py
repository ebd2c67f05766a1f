"""The Scan dialog over SANE's real test device: devices listed off the GUI thread, progress,
cancel, words when there is no scanner or it disappears mid-scan, and scanned pages sent as a
fax from the send dialog on the demo sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from faxdesk.core.documents import inspect_document
from faxdesk.ui.scan_dialog import ScanDialog, scanning_unavailable
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.send_setup import install_send_features
from faxdesk.ui.worker import Worker
from tests.support.sane import sane_config


@pytest.fixture
def worker() -> Iterator[Worker]:
    w = Worker(max_threads=2)
    yield w
    w.shutdown()


def open_dialog(qtbot: QtBot, worker: Worker, tmp_path: Path) -> ScanDialog:
    dialog = ScanDialog(worker, tmp_path / "scans")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_scan_a_whole_feeder_in_grey_with_progress(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(tmp_path / "sane")))
    dialog = open_dialog(qtbot, worker, tmp_path)
    qtbot.waitUntil(lambda: dialog.device_combo.count() == 2, timeout=20000)
    assert dialog.device_combo.itemText(0) == "frontend-tester"
    qtbot.waitUntil(dialog.feeder_check.isEnabled, timeout=20000)  # the device has a feeder
    dialog.gray_radio.setChecked(True)
    dialog.feeder_check.setChecked(True)
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.scanned, timeout=60000) as got:
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    (path,) = got.args[0]
    info = inspect_document(path)
    assert info.page_count == 10 and Path(path).name.startswith("Scan ")
    assert Path(path).parent == tmp_path / "scans"
    assert 100 in values and not dialog.isVisible()


def test_no_scanner_is_said_in_words_and_scanning_is_not_offered(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(tmp_path / "none", backends="")))
    dialog = open_dialog(qtbot, worker, tmp_path)
    qtbot.waitUntil(lambda: "No scanner found" in dialog.status_label.text(), timeout=20000)
    assert dialog.status_label.text() == (
        "No scanner found. Connect a scanner and switch it on, then click Look again.")
    assert not dialog.scan_button.isEnabled()
    assert scanning_unavailable() is None  # SANE itself is installed
    monkeypatch.setenv("PATH", str(tmp_path))
    assert "sane-utils" in (scanning_unavailable() or "")


def test_cancel_stops_a_scan_and_the_dialog_stays_open(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = sane_config(tmp_path / "slow", read_limit=True, read_limit_size=1024,
                       read_delay=True, read_delay_duration=20000)
    monkeypatch.setenv("SANE_CONFIG_DIR", str(slow))
    dialog = open_dialog(qtbot, worker, tmp_path)
    qtbot.waitUntil(dialog.scan_button.isEnabled, timeout=20000)
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30000)
    assert dialog.status_label.text().startswith("Scanning page 1…")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.scanning, timeout=30000)
    assert dialog.status_label.text() == "The scan was cancelled."
    assert dialog.isVisible() and dialog.scan_button.isEnabled()
    assert not list((tmp_path / "scans").glob("*.pdf"))  # nothing kept


def test_a_scanner_that_disappears_mid_scan_is_explained(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(
        tmp_path / "gone", read_status_code='"SANE_STATUS_IO_ERROR"')))
    dialog = open_dialog(qtbot, worker, tmp_path)
    qtbot.waitUntil(dialog.scan_button.isEnabled, timeout=20000)
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=30000)
    assert dialog.error.text() == (
        "The scanner stopped answering during the scan: it may have been unplugged or "
        "switched off. Check it and scan again.")
    qtbot.waitUntil(dialog.refresh_button.isEnabled, timeout=20000)  # looked for scanners again


def test_scanned_pages_join_the_send_dialog_and_are_faxed_on_the_sandbox(
    qtbot: QtBot, window: Any, demo_sandbox: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(tmp_path / "sane")))
    install_send_features(window)
    window.open_send_dialog([])
    qtbot.waitUntil(lambda: _send_dialog(window) is not None, timeout=5000)
    send = _send_dialog(window)
    assert send is not None
    # What the send dialog's "Scan…" button does (the lead adds the button itself).
    scan = ScanDialog(window.worker, tmp_path / "scans", send)
    scan.scanned.connect(send.documents.add_files)
    scan.show()
    qtbot.waitUntil(scan.scan_button.isEnabled, timeout=20000)
    qtbot.mouseClick(scan.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: send.documents.list.count() == 1, timeout=30000)
    qtbot.waitUntil(lambda: not send.documents.checking(), timeout=15000)
    row = send.documents.list.item(0)
    assert row.text().startswith("Scan ") and "1 page" in row.text()
    assert not row.icon().isNull()  # a thumbnail like any other document

    qtbot.waitUntil(lambda: send.number_combo.count() > 0, timeout=10000)
    assert send.recipients.add_text("+1 312 555 0177")
    qtbot.waitUntil(send.send_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(send.sent, timeout=20000):
        qtbot.mouseClick(send.send_button, Qt.MouseButton.LeftButton)

    def delivered() -> bool:
        demo_sandbox.advance(10)
        faxes = [f for f in demo_sandbox.state.faxes.values() if f.to == "+13125550177"]
        return bool(faxes) and faxes[0].status == "delivered"

    qtbot.waitUntil(delivered, timeout=20000)


def _send_dialog(window: Any) -> SendDialog | None:
    dialogs = [d for d in window.findChildren(SendDialog) if d.isVisible()]
    return dialogs[-1] if dialogs else None
