"""The window fits: at 800×600, 1,280×720 and 1,920×1,080 nothing is cut off, the detail pane
shows what a person recognises and never pushes its buttons out of view, and every dialog the
window opens fits the screen. A screenshot of each is saved (into $FAXDESK_SCREENSHOTS when
set, e.g. docs/images, else the test's own folder) and looked at by the checks below."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from faxdesk.core.rows import FaxRow
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import COL_CREATED, COL_PAGES, COL_PARTY, COL_STATUS, COL_UPDATED
from tests.ui.conftest import wait_for

SIZES = [(800, 600), (1280, 720), (1920, 1080)]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FAXDESK_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / name
    assert widget.grab().save(str(path)), path
    return path


def _settle(qtbot: QtBot) -> None:
    """Layouts and the window's column fitting run on the next turns of the event loop."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(1)


def _inside(child: QWidget, outer: QWidget) -> bool:
    """`child` is drawn whole inside `outer` (both visible)."""
    top_left = child.mapTo(outer, child.rect().topLeft())
    bottom_right = child.mapTo(outer, child.rect().bottomRight())
    return outer.rect().contains(top_left) and outer.rect().contains(bottom_right)


def _send(window: MainWindow, pdf: Path, to: str, sandbox_api: Any) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    window.worker.submit(window.engine.send, SendRequest(
        documents=(pdf,), recipients=(Recipient(to),), connection_id=app.id,
        from_number=number))


def _sent_row(window: MainWindow, to: str) -> FaxRow | None:
    rows = [r for r in window.model.items() if r.to == to and r.journal_id is not None
            and r.fax_id is not None]
    return rows[0] if rows else None


@pytest.fixture
def sent(qtbot: QtBot, window: MainWindow, sandbox_api: Any, demo_sandbox: Any,
         make_pdf: Callable[..., Path]) -> Iterator[FaxRow]:
    """A delivered fax sent from FaxDesk, of the person's own file "referral.pdf"."""
    _send(window, make_pdf(2, "referral.pdf"), "+14155550123", sandbox_api)

    def delivered() -> bool:
        demo_sandbox.advance(30)
        row = _sent_row(window, "+14155550123")
        return row is not None and row.final_outcome == "delivered"

    wait_for(qtbot, delivered, 15000)
    row = _sent_row(window, "+14155550123")
    assert row is not None
    yield row


def test_the_detail_pane_shows_the_file_name_and_keeps_identifiers_aside(
    qtbot: QtBot, window: MainWindow, sent: FaxRow, shots: Path,
) -> None:
    window.resize(1920, 1080)
    _settle(qtbot)
    assert window.select_fax(sent.id)
    pane = window.detail
    # What a person recognises: their own file name, the pages.
    assert pane.values["document"].text() == "referral.pdf"
    assert pane.form.isRowVisible(pane.values["document"])
    assert pane.values["pages"].text() == "2"
    # Telnyx's internal names are in a collapsed "Technical details" section.
    assert pane.technical_toggle.isVisible() and not pane.technical.isVisible()
    assert "faxdesk-" in pane.tech_values["media_name"].full_text()
    assert pane.tech_values["client_state"].full_text() == sent.client_state
    _save(pane, shots, "detail-sent.png")

    # Narrow pane, technical details open: still no horizontal scrolling, every button whole.
    window.content.setSizes([window.content.width() - 300, 300])
    qtbot.mouseClick(pane.technical_toggle, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert pane.technical.isVisible()
    assert pane.horizontalScrollBar().maximum() == 0
    body = pane.widget()
    assert body.width() <= pane.viewport().width()
    buttons = [b for b in pane.buttons.values() if b.isVisible()]
    assert {"open", "save", "print", "resend", "delete"} <= {
        str(b.property("fax_action")) for b in buttons}
    for button in buttons:
        assert _inside(button, pane.viewport()) or _inside(button, body), button.text()
        assert button.x() + button.width() <= body.width()
    media = pane.tech_values["media_name"]
    assert media.text() != media.full_text() and "…" in media.text()  # elided, whole in tooltip
    assert media.toolTip() == media.full_text()
    # The copy button puts the whole value on the clipboard.
    qtbot.mouseClick(pane.copy_buttons["client_state"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == sent.client_state
    _save(pane, shots, "detail-sent-narrow.png")


def test_the_main_window_fits_800x600_1280x720_and_1920x1080(
    qtbot: QtBot, window: MainWindow, sent: FaxRow, shots: Path,
) -> None:
    assert window.minimumSize().width() <= 800 and window.minimumSize().height() <= 600
    header = window.table.horizontalHeader()
    for width, height in SIZES:
        window.resize(width, height)
        _settle(qtbot)
        assert window.size() == QSize(width, height)
        assert window.select_fax(sent.id)
        _settle(qtbot)
        # Side by side only where the whole table fits beside the detail pane.
        assert window.side_by_side == (width >= 1920)
        viewport = window.table.viewport().width()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        # Every column shown is whole: the table never scrolls sideways.
        assert window.table.horizontalScrollBar().maximum() == 0, (width, shown)
        assert sum(header.sectionSize(c) for c in shown) <= viewport
        assert {COL_PARTY, COL_STATUS, COL_CREATED} <= set(shown), (width, shown)
        assert header.sectionSize(COL_STATUS) >= 150  # "Waiting for the network" fits
        if width >= 1280:
            assert COL_UPDATED in shown
        # The filter bar keeps a usable search box; the detail's buttons are in view.
        assert window.search.width() >= 160, (width, window.search.width())
        pane = window.detail
        assert pane.horizontalScrollBar().maximum() == 0
        for button in (b for b in pane.buttons.values() if b.isVisible()):
            assert button.x() + button.width() <= pane.widget().width(), button.text()
        assert window.error_label.width() >= 40
        _save(window, shots, f"main-window-{width}x{height}.png")


def _cell(window: MainWindow, row_id: str, column: int) -> str:
    row = window.model.row_of(row_id)
    assert row is not None
    return str(window.model.index(row, column).data())


def test_the_detail_of_a_failed_and_of_a_received_fax_in_words(
    qtbot: QtBot, window: MainWindow, shots: Path,
) -> None:
    window.resize(1920, 1080)
    failed = next(r for r in window.model.items()
                  if r.status == "failed" and r.failure_reason == "user_busy")
    assert window.select_fax(failed.id)
    _settle(qtbot)
    pane = window.detail
    assert pane.failure.isVisible() and "busy" in pane.failure.text()
    assert "user_busy" not in pane.failure.text()  # the code is in the technical details
    assert pane.tech_values["failure_code"].full_text() == "user_busy"
    wait_for(qtbot, lambda: pane.timeline.count() > 0)
    timeline = "\n".join(pane.timeline.item(i).text() for i in range(pane.timeline.count()))
    assert "user_busy" not in timeline and "The line was busy" in timeline
    _save(pane, shots, "detail-failed.png")

    received = next(r for r in window.model.items() if r.status == "received")
    assert window.select_fax(received.id)
    wait_for(qtbot, lambda: pane.thumbnails.count() > 0, 15000)
    assert pane.title.text().startswith("Fax from ")
    assert pane.buttons["mark_read"].isVisible() and not pane.buttons["resend"].isVisible()
    _save(pane, shots, "detail-received.png")


def test_the_pages_of_every_synced_fax_with_a_document_are_counted(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """Telnyx reports pages only in webhooks; a polled received fax's pages come from its PDF."""
    def received() -> list[FaxRow]:
        return [r for r in window.model.items()
                if r.direction == "inbound" and r.status == "received"]

    assert received()
    wait_for(qtbot, lambda: all(r.download_state == "done" for r in received()), 20000)
    wait_for(qtbot, lambda: all(r.page_count for r in received()), 10000)
    for row in received():
        assert _cell(window, row.id, COL_PAGES) == str(row.page_count)


def test_every_dialog_of_the_window_fits_each_screen(
    qtbot: QtBot, window: MainWindow, shots: Path, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The application dialog, the contacts window and the settings (opened from the window);
    their content and buttons fit 800×600 (the send dialog has its own test)."""
    from faxdesk.core.contacts import ContactBook
    from faxdesk.ui.contacts_dialog import ContactsDialog
    from faxdesk.ui.widgets import fit_to_screen

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    book = ContactBook(tmp_path / "contacts.db")
    dialogs: dict[str, QWidget] = {
        "application": window.new_application(),
        "contacts": ContactsDialog(book, window.worker, choosable=False, parent=window),
    }
    try:
        for name, dialog in dialogs.items():
            hint = dialog.minimumSizeHint()
            assert hint.width() <= 780 and hint.height() <= 560, (name, hint)
            dialog.show()
            for width, height in SIZES:
                size = fit_to_screen(dialog, QSize(width, height))
                _settle(qtbot)
                assert size.width() <= width and size.height() <= height, (name, size)
                for button in dialog.findChildren(QPushButton):
                    if button.isVisible():
                        assert _inside(button, dialog), (name, button.text(), width)
                _save(dialog, shots, f"{name}-dialog-{width}x{height}.png")
                dialog.resize(QSize(width, height).boundedTo(QSize(1000, 800)))
    finally:
        for dialog in dialogs.values():
            dialog.close()
        book.close()


def test_the_send_dialog_fits_each_screen_with_room_for_the_recipient(
    qtbot: QtBot, window: MainWindow, shots: Path, make_pdf: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """At 800×600 the recipient field keeps room for a number, a long recipient is elided (not
    scrolled sideways), and Send and Cancel are in view."""
    from faxdesk.ui.send_dialog import SendDialog
    from faxdesk.ui.send_setup import install_send_features
    from faxdesk.ui.widgets import fit_to_screen

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    install_send_features(window)
    window.open_send_dialog([str(make_pdf(2, "referral.pdf"))])
    dialog = window.send_dialog
    assert isinstance(dialog, SendDialog)
    try:
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 780 and hint.height() <= 560, hint
        assert dialog.recipients.add_text("+1 312 555 0142", name="Dr. Ada Lovelace-Byron")
        for width, height in SIZES:
            size = fit_to_screen(dialog, QSize(width, height))
            dialog.resize(size)
            _settle(qtbot)
            assert size.width() <= width and size.height() <= height, size
            entry = dialog.recipients.entry
            assert entry.width() >= 120, (width, entry.width())
            listing = dialog.recipients.list
            assert not listing.horizontalScrollBar().isVisible()
            assert "Ada Lovelace-Byron" in listing.item(0).toolTip()
            for button in (dialog.send_button, dialog.buttons.button(
                    dialog.buttons.StandardButton.Cancel)):
                assert button is not None and _inside(button, dialog), width
            _save(dialog, shots, f"send-dialog-in-window-{width}x{height}.png")
    finally:
        dialog.reject()


def test_a_dialog_nobody_sized_opens_at_the_size_its_layout_prefers(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout

    from faxdesk.ui.widgets import fit_to_screen

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QDialog(parent)
    layout = QVBoxLayout(dialog)
    note = QLabel("A note long enough to be wrapped onto several lines when the dialog is "
                  "narrow, which it should not be when it opens on a screen with room. " * 2)
    note.setWordWrap(True)
    layout.addWidget(note)
    layout.addWidget(QLineEdit())
    size = fit_to_screen(dialog, QSize(1280, 800))
    assert size.width() >= dialog.sizeHint().width()
    assert size.height() >= dialog.sizeHint().height()
    assert size.width() > dialog.minimumSizeHint().width()
    # A small screen still bounds it.
    small = QDialog(parent)
    QVBoxLayout(small).addWidget(QLabel("x" * 400))
    assert fit_to_screen(small, QSize(800, 600)).width() <= 800
