"""The send dialog without a mouse, for a screen reader, and with a preview of the fax as it
will be sent (cover page included, in the cover's own language), against the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.settings import Settings
from faxdesk.core.sync import SyncConfig
from faxdesk.ui.send_dialog import SendDialog, preview_fax
from faxdesk.ui.texts import cover_words
from faxdesk.ui.worker import Worker
from tests.support.pdfs import make_pdf
from tests.support.report_checks import pdf_text

FROM_NUMBER = "+12025550100"


@pytest.fixture
def office(sandbox: Any) -> str:
    sandbox.state.create_application({"application_name": "Billing",
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
def worker(qtbot: QtBot) -> Iterator[Worker]:
    w = Worker()
    yield w
    w.shutdown(5000)


def _dialog(qtbot: QtBot, engine: FaxEngine, worker: Worker, office: str, files: tuple[str, ...],
            state: QSettings | None = None) -> SendDialog:
    settings = Settings(default_application_id=office, default_from_number=FROM_NUMBER)
    dialog = SendDialog(engine, worker, settings=lambda: settings, files=files, state=state)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1
                    and not dialog.documents.checking(), timeout=15000)
    return dialog


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def test_a_fax_is_sent_with_the_keyboard_alone(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, engine, worker, office, (str(make_pdf(tmp_path / "a.pdf", 1)),))
    # With a document given, the dialog opens on the recipient.
    qtbot.waitUntil(dialog.recipients.entry.hasFocus, timeout=3000)
    qtbot.keyClicks(dialog.recipients.entry, "+1 312 555 0150")
    qtbot.keyClick(dialog.recipients.entry, Qt.Key.Key_Return)  # Enter adds, never sends
    assert [r.number for r in dialog.recipients.recipients()] == ["+13125550150"]
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)

    # Tab from the recipient reaches Send in a few presses, and Send comes before Cancel.
    order: list[QWidget] = []
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if order[-1] is dialog.cancel_button:
            break
    assert dialog.send_button in order and dialog.cancel_button in order
    assert order.index(dialog.send_button) < order.index(dialog.cancel_button)
    assert order.index(dialog.send_button) <= 8, [type(w).__name__ for w in order]
    assert dialog.number_combo in order and dialog.preview_button in order

    # Ctrl+Enter sends from wherever the focus is, here the cover message.
    dialog.cover.setChecked(True)
    _focus(qtbot, dialog.cover.message)
    with qtbot.waitSignal(dialog.sent, timeout=15000) as sent:
        qtbot.keyClick(dialog.cover.message, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert len(sent.args[0]) == 1
    assert dialog.cover.message.toPlainText() == ""  # Ctrl+Enter did not type a line break


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def test_every_control_of_the_dialog_has_an_accessible_name(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, engine, worker, office, (str(make_pdf(tmp_path / "a.pdf", 1)),))
    dialog.cover.setChecked(True)  # its fields take focus too
    dialog.options.mono.setChecked(True)
    dialog.options.keep_preview.setChecked(True)
    unnamed = []
    for widget in dialog.findChildren(QWidget):
        parent = widget.parentWidget()
        if (isinstance(parent, QAbstractSpinBox | QComboBox) or not _takes_tab(widget)
                or not widget.isVisible()):
            continue  # the line edit inside a spin box is named by the spin box
        if widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue  # a button's own text is its name
        unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_the_recent_button_has_room_for_its_menu_arrow(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, engine, worker, office, ())
    button = dialog.recipients.recent_button
    assert button.menu() is not None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    assert button.width() >= text + arrow


def test_the_preview_shows_the_fax_as_sent_with_its_cover_page(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, engine, worker, office, (str(make_pdf(tmp_path / "a.pdf", 2)),))
    # Nothing to preview before there is a recipient; no red either.
    assert not dialog.preview_button.isEnabled()
    assert dialog.problems.isHidden()
    dialog.recipients.add_text("+1 312 555 0151")
    dialog.cover.setChecked(True)
    dialog.cover.subject.setText("Referral")
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog._preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages.count() == 3, timeout=20000)  # cover + 2 pages
    assert "3 pages to +1 312-555-0151" in preview.heading.text()
    assert not preview.pages.item(0).icon().isNull()
    # Sending from the preview sends the fax it showed.
    with qtbot.waitSignal(dialog.sent, timeout=15000):
        qtbot.mouseClick(preview.send_button, Qt.MouseButton.LeftButton)


def test_a_chinese_cover_page_has_chinese_labels_and_names(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, engine, worker, office, (str(make_pdf(tmp_path / "a.pdf", 1)),))
    dialog.recipients.add_text("+1 312 555 0152", name="王医生")
    dialog.cover.setChecked(True)
    dialog.cover.subject.setText("转诊单")
    dialog.cover.language.setCurrentIndex(dialog.cover.language.findData("zh_CN"))
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    request = dialog.request()
    assert request.cover is not None and request.cover.words == cover_words("zh_CN")
    assert request.cover.words.to != "To"  # from the zh_CN catalogue
    # The fax as the core builds it (what the preview and the send use).
    count, images = preview_fax(request, 200)
    assert count == 2 and len(images) == 2
    from faxdesk.core.sending import prepare_send

    prepared = prepare_send(request, tmp_path)
    text = pdf_text(prepared.faxes[0].document)
    assert "王医生" in text and "转诊单" in text
    assert request.cover.words.to in text and "FAX" not in text


def test_after_send_the_choice_of_application_is_kept(
    qtbot: QtBot, sandbox: Any, office: str, engine: FaxEngine, worker: Worker, tmp_path: Path,
) -> None:
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SendDialog(engine, worker, settings=Settings,
                        files=(str(make_pdf(tmp_path / "a.pdf", 1)),), state=state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.application_combo.count() == 2, timeout=10000)
    # Two applications and no default: the dialog says which one it shows, not silently.
    qtbot.waitUntil(dialog.application_note.isVisible, timeout=5000)
    assert "one of your 2 fax applications" in dialog.application_note.text()
    index = dialog.application_combo.findText("Front office")
    dialog.application_combo.setCurrentIndex(index)
    dialog.application_combo.activated.emit(index)
    assert dialog.application_note.isHidden()
    qtbot.waitUntil(lambda: dialog.number_combo.count() == 1, timeout=10000)
    dialog.recipients.add_text("+1 312 555 0153")
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(dialog.sent, timeout=15000):
        dialog.send()
    again = SendDialog(engine, worker, settings=Settings, state=state)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.application_combo.currentText() == "Front office",
                    timeout=10000)
    assert again.application_note.isHidden()
