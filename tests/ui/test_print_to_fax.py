"""Print to fax end to end: `lp -d FaxDesk` on a real private cupsd → FaxDesk's backend → the
user's spool → the send dialog of a window running on the demo sandbox → a fax sent there."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from faxdesk.core.documents import inspect_document
from faxdesk.core.print_jobs import PrintJob, PrintSpool
from faxdesk.ui.print_intake import PrintIntake, install_print_to_fax
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.send_setup import install_send_features
from faxdesk.ui.worker import Worker
from tests.core.test_print_jobs_cups import postscript
from tests.support.cups import PrivateCups
from tests.support.pdfs import make_pdf

_names = itertools.count(1)


@pytest.fixture
def cups() -> Iterator[PrivateCups]:
    server = PrivateCups().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def faxdesk_queue(cups: PrivateCups) -> tuple[str, Path]:
    spool = cups.root / "faxdesk-spool"
    cups.add_faxdesk_queue(spool)
    return "FaxDesk", spool


def lp(cups: PrivateCups, data: bytes, title: str) -> int:
    path = cups.root / f"input-{next(_names)}"
    path.write_bytes(data)
    path.chmod(0o644)
    job = cups.print_file("FaxDesk", path, "-t", title)
    cups.wait_completed("FaxDesk", job)
    return job


def test_jobs_printed_before_and_after_start_reach_the_intake_once_each(
    qtbot: QtBot, cups: PrivateCups, faxdesk_queue: tuple[str, Path], tmp_path: Path
) -> None:
    _, root = faxdesk_queue
    before = lp(cups, make_pdf(tmp_path / "a.pdf", 1).read_bytes(), "Printed while closed")
    worker = Worker(max_threads=1)
    intake = PrintIntake(PrintSpool.for_user(tmp_path / "data", root=root), worker)
    ready: list[PrintJob] = []
    refused: list[tuple[PrintJob, str]] = []
    intake.jobReady.connect(ready.append)
    intake.jobRefused.connect(lambda job, text: refused.append((job, text)))
    try:
        intake.start()
        qtbot.waitUntil(lambda: len(ready) == 1, timeout=10000)
        assert ready[0].job_id == before and ready[0].claimed
        lp(cups, make_pdf(tmp_path / "b.pdf", 3).read_bytes(), "Letter to Acme.odt")
        lp(cups, postscript(2), "Price list")
        lp(cups, b"just some words\n" * 10, "notes.txt")
        qtbot.waitUntil(lambda: len(ready) == 3 and len(refused) == 1, timeout=20000)
        assert [j.name for j in ready] == ["Printed while closed", "Letter to Acme",
                                           "Price list"]
        assert [inspect_document(j.document).page_count for j in ready] == [1, 3, 2]
        assert [j.document.name for j in ready[1:]] == ["Letter to Acme.pdf", "Price list.pdf"]
        assert refused[0][1] == (
            "“notes” was printed to FaxDesk but is not a document FaxDesk can fax (plain "
            "text). Print it from a program that prints pages, such as a word processor or a "
            "PDF viewer.")
        intake.check_now()  # nothing is offered twice
        assert worker.wait_idle()
        QApplication.processEvents()  # the pass's (empty) result is delivered
        assert len(ready) == 3 and len(refused) == 1
        for job in [*ready, refused[0][0]]:
            intake.finish(job)
        assert worker.wait_idle()
        assert intake.spool.waiting() == []
    finally:
        intake.stop()
        worker.shutdown()


def test_a_printed_document_arrives_in_the_send_dialog_and_is_faxed_on_the_sandbox(
    qtbot: QtBot, window: Any, demo_sandbox: Any, cups: PrivateCups,
    faxdesk_queue: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    _, root = faxdesk_queue
    install_send_features(window)
    spool = PrintSpool.for_user(tmp_path / "data", root=root)
    intake = install_print_to_fax(window, spool)
    try:
        lp(cups, make_pdf(tmp_path / "letter.pdf", 3).read_bytes(), "Letter to Acme.docx")
        qtbot.waitUntil(lambda: _send_dialog(window) is not None, timeout=15000)
        dialog = _send_dialog(window)
        assert dialog is not None
        # The enclosure printed next joins the same dialog: one fax.
        lp(cups, postscript(2, title="Enclosure"), "Enclosure")
        qtbot.waitUntil(lambda: dialog.documents.list.count() == 2, timeout=15000)
        qtbot.waitUntil(lambda: not dialog.documents.checking(), timeout=15000)
        rows = [dialog.documents.list.item(i).text() for i in range(2)]
        assert rows[0].startswith("Letter to Acme.pdf") and "3 pages" in rows[0]
        assert rows[1].startswith("Enclosure.pdf") and "2 pages" in rows[1]
        assert dialog.documents.total_pages() == 5

        qtbot.waitUntil(lambda: dialog.number_combo.count() > 0, timeout=10000)
        assert dialog.recipients.add_text("+1 312 555 0150")
        qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
        with qtbot.waitSignal(dialog.sent, timeout=20000):
            qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

        def faxed() -> list[Any]:
            return [f for f in demo_sandbox.state.faxes.values() if f.to == "+13125550150"]

        def delivered() -> bool:  # the outbox sends in the background; the clock is ours
            demo_sandbox.advance(10)
            return bool(faxed()) and faxed()[0].status == "delivered"

        qtbot.waitUntil(delivered, timeout=20000)
        assert len(faxed()) == 1 and faxed()[0].page_count == 5
        # Sent: the jobs are done, in the spool and in FaxDesk's own folder.
        qtbot.waitUntil(lambda: spool.waiting() == [], timeout=10000)
        assert not list(spool.claimed_dir.iterdir())
    finally:
        intake.stop()


def _send_dialog(window: Any) -> SendDialog | None:
    dialogs = [d for d in window.findChildren(SendDialog) if d.isVisible()]
    return dialogs[-1] if dialogs else None
