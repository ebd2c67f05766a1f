"""The send dialog against the real core and the sandbox over loopback.

Drop a PDF, fill the dialog, press Send: the core prepares the send, the fax goes through the
outbox and reaches "delivered" on the sandbox. Also: several recipients, cover pages, limits and
refusals in words (the core's words, as `faxdesk send` says them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from faxdesk.core.contacts import Contact, ContactBook
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.sending import SendOptions, check_document
from faxdesk.core.settings import Settings
from faxdesk.core.sync import SyncConfig
from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.texts import join_sentences
from faxdesk.ui.worker import Worker
from tests.support.pdfs import make_pdf

FROM_NUMBER = "+12025550100"


@pytest.fixture
def office(sandbox: Any) -> str:
    """An account with two applications; the second is the one with a number to send from."""
    sandbox.state.create_application({"application_name": "Archive (no numbers)",
                                      "webhook_event_url": "http://127.0.0.1:9/hooks"})
    app = sandbox.state.create_application({"application_name": "Front office",
                                            "webhook_event_url": "http://127.0.0.1:9/hooks"})
    sandbox.state.add_phone_number(FROM_NUMBER, app["id"])
    return str(app["id"])


@pytest.fixture
def engine(sandbox: Any, tmp_path: Path) -> Iterator[FaxEngine]:
    from faxdesk.api.client import TelnyxClient

    fast = SyncConfig(fast_interval=0.05, slow_interval=0.05, wait_slice=0.05)
    eng = FaxEngine(tmp_path / "data",
                    lambda: TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=5),
                    EngineConfig(sync=fast))
    eng.start()
    yield eng
    eng.stop()


@pytest.fixture
def book(tmp_path: Path) -> Iterator[ContactBook]:
    b = ContactBook(tmp_path / "contacts.sqlite3")
    yield b
    b.close()


def _dialog(qtbot: QtBot, engine: FaxEngine, worker: Worker, book: ContactBook | None,
            files: tuple[str, ...] = (), settings: Settings | None = None) -> SendDialog:
    dialog = SendDialog(engine, worker, contacts=book,
                        settings=lambda: settings or Settings(), files=files)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _drop(widget: QWidget, *paths: Path) -> None:
    # The mime data must outlive the events (a temporary crashes Qt).
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _screenshot(widget: QWidget, name: str) -> None:
    """Saved only when FAXDESK_SCREENSHOTS names a folder (for docs/images)."""
    folder = os.environ.get("FAXDESK_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _ready(qtbot: QtBot, dialog: SendDialog) -> None:
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=15000)


def _delivered(qtbot: QtBot, sandbox: Any, engine: FaxEngine, journal_id: int) -> Any:
    def done() -> bool:
        entry = engine.journal_entry(journal_id)
        if entry is None or entry.fax_id is None:
            return False
        sandbox.advance(30)  # the sandbox's manual clock: dial, send, deliver
        record = engine.store.get_fax(entry.fax_id)
        return record is not None and record.status == "delivered"

    qtbot.waitUntil(done, timeout=20000)
    entry = engine.journal_entry(journal_id)
    assert entry is not None and entry.fax_id is not None
    return sandbox.state.faxes[entry.fax_id]


def test_dropped_pdf_is_sent_and_delivered(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    book: ContactBook, tmp_path: Path,
) -> None:
    book.add(Contact("Dr. Ada Lovelace", "+1 (312) 555-0142", "Analytical Engines"))
    pdf = make_pdf(tmp_path / "contract.pdf", 3)
    dialog = _dialog(qtbot, engine, worker, book)
    assert not dialog.send_button.isEnabled()
    # A fresh dialog says what to do, calmly: nothing in red before the person did anything.
    assert dialog.problems.isHidden() and dialog.problems.text() == ""
    assert "Add a document" in dialog.waiting.text()
    assert "Add…" not in dialog.waiting.text()

    _drop(dialog, pdf)
    qtbot.waitUntil(lambda: "3 pages" in dialog.documents.list.item(0).text(), timeout=10000)
    assert not dialog.documents.list.item(0).icon().isNull()  # the first-page thumbnail

    # The sending number comes from the application that has one.
    qtbot.waitUntil(lambda: dialog.application_combo.count() == 2, timeout=10000)
    dialog.application_combo.setCurrentIndex(dialog.application_combo.findText("Front office"))
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1, timeout=10000)

    # Contacts autocomplete: typing part of a name offers the contact.
    qtbot.waitUntil(lambda: dialog.recipients.completer.model().rowCount() == 1, timeout=10000)
    dialog.recipients.entry.setFocus()
    qtbot.keyClicks(dialog.recipients.entry, "ada")
    popup = dialog.recipients.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert dialog.recipients.completer.currentCompletion() == (
        "Dr. Ada Lovelace (Analytical Engines) — +1 (312) 555-0142")
    # Pick it as a user does: arrow down into the popup, Enter.
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [r.number for r in dialog.recipients.recipients()] == ["+13125550142"]
    qtbot.waitUntil(lambda: dialog.recipients.entry.text() == "", timeout=5000)
    assert dialog.recipients.error_label.text() == ""

    dialog.options.quality.setCurrentIndex(dialog.options.quality.findData("very_high"))
    dialog.options.mono.setChecked(True)
    dialog.options.threshold.setValue(80)
    dialog.options.t38.setChecked(False)
    _ready(qtbot, dialog)
    assert dialog.summary.text() == (
        "3 pages from contract.pdf. To Dr. Ada Lovelace — +1 312-555-0142, "
        "from +1 202-555-0100 (Front office).")

    with qtbot.waitSignal(dialog.sent, timeout=15000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SendDialog.DialogCode.Accepted
    (journal_id,) = sent.args[0]
    fax = _delivered(qtbot, sandbox, engine, int(journal_id))
    assert fax.to == "+13125550142" and fax.from_ == FROM_NUMBER
    assert fax.connection_id == office and fax.page_count == 3
    assert fax.quality == "very_high" and fax.monochrome is True and fax.t38_enabled is False
    assert fax.black_threshold == 80 and fax.status == "delivered"
    assert book.recent_numbers() == ["+13125550142"]


def test_sentences_are_joined_with_a_space_except_after_a_full_width_mark() -> None:
    assert join_sentences("2 pages.", "", "To Ada.") == "2 pages. To Ada."
    assert join_sentences("2 页。", "发给 Ada。", "") == "2 页。发给 Ada。"
    assert join_sentences("", "") == ""


def test_the_summary_in_chinese_is_chinese_sentences(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    book: ContactBook, tmp_path: Path, qapp: QApplication,
) -> None:
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    try:
        doc = make_pdf(tmp_path / "letter.pdf", 2)
        dialog = _dialog(qtbot, engine, worker, book, files=(str(doc),))
        qtbot.waitUntil(lambda: dialog.number_combo.count() >= 1, timeout=10000)
        dialog.recipients.add_text("312 555 0143")
        dialog.recipients.entry.setText("+1 312 555 0144")
        _ready(qtbot, dialog)
        summary = dialog.summary.text()
        assert "letter.pdf" in summary and "发给" in summary and "按“发送”时" in summary
        # No space after a full stop, and no English full stop after the Chinese words.
        assert "。 " not in summary and ". " not in summary and not summary.endswith(".")
    finally:
        remove_translations(qapp)


def test_two_documents_with_a_cover_page_to_two_recipients(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    book: ContactBook, tmp_path: Path,
) -> None:
    first = make_pdf(tmp_path / "letter.pdf", 1)
    second = make_pdf(tmp_path / "invoice.pdf", 2)
    dialog = _dialog(qtbot, engine, worker, book, files=(str(first), str(second)))
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1, timeout=10000)
    # Reorder: the invoice goes first.
    dialog.documents.list.setCurrentRow(1)
    dialog.documents.move_selected(-1)
    assert [Path(p).name for p in dialog.documents.paths()] == ["invoice.pdf", "letter.pdf"]

    dialog.recipients.add_text("312 555 0143")  # national input, default country US
    dialog.recipients.entry.setText("+1 312 555 0144")  # typed but not added: Send adds it
    dialog.cover.setChecked(True)
    dialog.cover.from_name.setText("Grace Hopper")
    dialog.cover.subject.setText("Signed contract")
    dialog.cover.message.setPlainText("Two documents follow.")
    _ready(qtbot, dialog)
    _screenshot(dialog, "send-dialog.png")
    assert dialog.summary.text() == (
        "4 pages: a cover page and 3 pages from 2 documents. To +1 312-555-0143, from "
        "+1 202-555-0100 (Front office). “+1 312 555 0144” will be added as a recipient when "
        "you press Send.")

    with qtbot.waitSignal(dialog.sent, timeout=20000) as sent:
        dialog.send()
    ids = [int(i) for i in sent.args[0]]
    assert len(ids) == 2
    faxes = [_delivered(qtbot, sandbox, engine, i) for i in ids]
    assert sorted(f.to for f in faxes) == ["+13125550143", "+13125550144"]
    assert all(f.page_count == 4 for f in faxes)
    # Each recipient's own cover page, then the documents in the chosen order.
    entry = engine.journal_entry(ids[0])
    assert entry is not None
    pages = [p.extract_text() for p in PdfReader(entry.document_path).pages]
    assert "Signed contract" in pages[0] and "+1 312-555-0143" in pages[0]
    assert "Grace Hopper" in pages[0]
    assert "Page 1 of 2" in pages[1]  # invoice.pdf first


def test_problems_are_explained_and_block_sending(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a fax")
    dialog = _dialog(qtbot, engine, worker, None, settings=Settings(
        default_application_id=office, default_from_number=FROM_NUMBER))
    _drop(dialog, broken, notes)
    assert "“notes.txt” cannot be faxed" in dialog.drop_message.text()
    qtbot.waitUntil(lambda: not dialog.documents.checking(), timeout=10000)
    assert "broken.pdf" in dialog.problems.text()

    assert not dialog.recipients.add_text("12")
    assert "too short" in dialog.recipients.error_label.text()
    assert dialog.recipients.add_text("+1 312 555 0145")
    assert not dialog.recipients.add_text("(312) 555-0145")
    assert "already a recipient" in dialog.recipients.error_label.text()
    dialog.options.display_name.setText("Ünïcode Office")
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1, timeout=10000)
    # The default application from the settings is chosen without the user picking it.
    assert dialog.application_combo.currentData() == office
    text = dialog.problems.text()
    assert "caller name may only use letters" in text
    assert not dialog.send_button.isEnabled()

    dialog.documents.list.setCurrentRow(0)
    dialog.documents.remove_selected()
    dialog.add_files([str(make_pdf(tmp_path / "ok.pdf", 1))])
    dialog.options.display_name.setText("Front Office")
    _ready(qtbot, dialog)
    assert dialog.send_options() == SendOptions(quality="high", from_display_name="Front Office")
    assert dialog.send_options().as_api() == {"quality": "high",
                                              "from_display_name": "Front Office"}


def test_a_refused_send_keeps_the_dialog_open_with_the_cores_words_and_queues_nothing(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    tmp_path: Path,
) -> None:
    pdf = make_pdf(tmp_path / "minutes.pdf", 1)
    good = pdf.read_bytes()
    dialog = _dialog(qtbot, engine, worker, None, files=(str(pdf),), settings=Settings(
        default_application_id=office, default_from_number=FROM_NUMBER))
    dialog.recipients.add_text("+1 312 555 0146")
    dialog.recipients.add_text("+1 312 555 0147")
    _ready(qtbot, dialog)
    sent: list[list[int]] = []
    dialog.sent.connect(sent.append)

    # The file is replaced after the dialog checked it: the core checks it again and refuses.
    pdf.write_text("Minutes of the meeting (saved as text by mistake)\n")
    (refusal,) = check_document(pdf).refusals
    dialog.send()
    qtbot.waitUntil(lambda: dialog.problems.text().startswith("Nothing was sent"), timeout=15000)
    assert refusal.message in dialog.problems.text()
    assert "Error" not in dialog.problems.text() and "Traceback" not in dialog.problems.text()
    assert dialog.isVisible() and dialog.result() != SendDialog.DialogCode.Accepted
    assert sent == []
    assert engine.store.journal_entries() == []  # no fax for either recipient
    assert [r.number for r in dialog.recipients.recipients()] == ["+13125550146",
                                                                  "+13125550147"]
    assert dialog.send_button.isEnabled()  # everything is still there to try again

    pdf.write_bytes(good)
    with qtbot.waitSignal(dialog.sent, timeout=15000) as again:
        dialog.send()
    assert len(again.args[0]) == 2
    assert len(engine.store.journal_entries()) == 2


def test_the_request_is_what_the_dialog_shows(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    book: ContactBook, tmp_path: Path,
) -> None:
    from faxdesk.core.documents.cover_content import CoverWords
    from faxdesk.core.sending import CoverDetails, Recipient

    book.add(Contact("Ada Lovelace", "+1 312 555 0148", "Analytical Engines"))
    first = make_pdf(tmp_path / "a.pdf", 2)
    second = make_pdf(tmp_path / "b.pdf", 1)
    dialog = _dialog(qtbot, engine, worker, book, files=(str(first), str(second)),
                     settings=Settings(default_country="GB", default_application_id=office,
                                       default_from_number=FROM_NUMBER))
    qtbot.waitUntil(lambda: dialog.recipients.completer.model().rowCount() == 1, timeout=10000)
    dialog.recipients.add_text("+1 312 555 0148")
    dialog.recipients.add_text("020 7946 0018")  # national, in the default country (GB)
    dialog.options.quality.setCurrentIndex(dialog.options.quality.findData("normal"))
    dialog.options.keep_preview.setChecked(True)
    dialog.cover.setChecked(True)
    dialog.cover.subject.setText("Plans")
    _ready(qtbot, dialog)

    request = dialog.request()
    assert request.documents == (first, second)
    assert request.recipients == (
        Recipient("+13125550148", "Ada Lovelace", "Analytical Engines"),
        Recipient("+442079460018"))
    assert (request.connection_id, request.from_number) == (office, FROM_NUMBER)
    assert request.options == SendOptions(quality="normal", store_preview=True,
                                          preview_format="tiff")
    # The cover's language defaults to the window's (English here).
    assert request.cover == CoverDetails(subject="Plans", words=CoverWords())
    assert request.default_country == "GB"


def test_without_an_account_the_dialog_says_so_and_cannot_send(
    qtbot: QtBot, worker: Worker, tmp_path: Path,
) -> None:
    engine = FaxEngine(tmp_path / "data", None)  # no API key entered yet
    try:
        dialog = _dialog(qtbot, engine, worker, None,
                         files=(str(make_pdf(tmp_path / "a.pdf", 1)),))
        dialog.recipients.add_text("+1 312 555 0149")
        qtbot.waitUntil(lambda: "fax applications" in dialog.problems.text(), timeout=10000)
        assert "No API key yet" in dialog.problems.text()
        assert not dialog.send_button.isEnabled()
        dialog.send()
        worker.wait_idle()
        assert engine.store.journal_entries() == []
    finally:
        engine.stop()


def test_a_scan_too_large_to_upload_can_be_made_smaller(
    qtbot: QtBot, worker: Worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    import faxdesk.core.documents.limits as limits

    # A 1 MB upload limit stands in for Telnyx's 20 MB, so the test needs no 20 MB file.
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 1_000_000)
    # A scanner's PDF of a grainy colour page at JPEG quality 100. (An image file would not
    # do: intake already turns images into fax-resolution pages far under the limit.)
    scan = tmp_path / "scan.pdf"
    Image.effect_noise((1000, 1300), 40).convert("RGB").save(
        scan, "PDF", resolution=200.0, quality=100)
    assert scan.stat().st_size > 1_500_000
    engine = FaxEngine(tmp_path / "data", None)  # no account needed to check documents
    dialog = SendDialog(engine, worker, settings=Settings, files=[str(scan)])
    qtbot.addWidget(dialog)
    dialog.show()
    docs = dialog.documents
    qtbot.waitUntil(lambda: not docs.checking(), timeout=10000)
    assert "re-render it at fax resolution" in docs.list.item(0).text()
    assert docs.shrink_button.isVisible() and not docs.shrink_button.isEnabled()
    docs.list.setCurrentRow(0)
    assert docs.shrink_button.isEnabled()
    qtbot.mouseClick(docs.shrink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: docs.entries()[0].path.endswith("scan-for-fax.pdf")
                    and not docs.checking(), timeout=20000)
    entry = docs.entries()[0]
    assert entry.limit_problems == [] and entry.page_count == 1
    assert (entry.size_bytes or 0) < 1_000_000
    assert not docs.shrink_button.isVisible()
    assert "scan-for-fax.pdf\n1 page" in docs.list.item(0).text()
    engine.stop()


def test_the_cover_page_sender_details_are_remembered_for_the_next_fax(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    assert image.save(str(logo))
    ini = str(tmp_path / "ui-state.ini")
    dialog = SendDialog(engine, worker, settings=Settings,
                        files=[str(make_pdf(tmp_path / "a.pdf", 1))],
                        state=QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1, timeout=10000)
    dialog.recipients.add_text("+1 312 555 0143")
    dialog.cover.setChecked(True)
    dialog.cover.to_name.setText("Ada Lovelace")  # the recipient's: not remembered
    dialog.cover.from_name.setText("Grace Hopper")
    dialog.cover.from_company.setText("Navy Labs")
    dialog.cover.logo.setText(str(logo))
    _ready(qtbot, dialog)
    with qtbot.waitSignal(dialog.sent, timeout=20000):
        dialog.send()

    # Another session: a new settings object over the same file.
    again = SendDialog(engine, worker, settings=Settings,
                       state=QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.cover.from_name.text() == "Grace Hopper"
    assert again.cover.from_company.text() == "Navy Labs"
    assert again.cover.logo.text() == str(logo)
    assert again.cover.to_name.text() == ""
