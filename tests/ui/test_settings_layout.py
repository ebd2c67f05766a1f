"""Every tab of the settings is whole, in English and in Chinese, with and without the sandbox
banner: as the window opens the dialog, and when the dialog is made as small as it lets itself be.
No words cut off, nothing drawn over something else, a web address never broken across lines,
the seconds' unit in the UI's language, and the key's words in plain language."""

from __future__ import annotations

import contextlib
import itertools
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRect, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from faxdesk.core import settings as settings_mod
from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.sandbox_banner import mark_as_sandbox
from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
from faxdesk.ui.widgets import fit_to_screen
from faxdesk.ui.worker import Worker
from tests.ui.conftest import BrokenKeyring

SANDBOX_URL = "http://127.0.0.1:32889/v2"
WORD_JOINER = "\u2060"  # invisible; only keeps the characters either side on one line


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    assert install_translations(qapp, request.param) == request.param
    yield request.param
    remove_translations(qapp)
    QLocale.setDefault(locale)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """Stands in for the main window the dialog belongs to."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    return window


def _open(window: QWidget, worker: Worker, qtbot: QtBot, sandbox_url: str = "") -> SettingsDialog:
    """The dialog as the main window opens it: a child of the window, the sandbox banner on top
    when on the sandbox, fitted to the screen, then shown."""
    services = SettingsServices(key_store=lambda _storage: BrokenKeyring(),
                                test_connection=lambda k, u: "", save_settings=lambda s: None,
                                sandbox_url=sandbox_url)
    dialog = SettingsDialog(worker, settings_mod.Settings(), services, window)
    if sandbox_url:
        mark_as_sandbox(dialog)
    fit_to_screen(dialog)
    dialog.open()
    # The key is looked up on the worker; its message is part of the first tab.
    qtbot.waitUntil(dialog.keyring_message.isVisible, timeout=5000)
    return dialog


def _parts(page: QWidget) -> list[QWidget]:
    """What a person sees on a tab: texts, fields, buttons (not the pieces inside a field)."""
    kinds = (QLabel, QLineEdit, QAbstractButton, QComboBox, QAbstractSpinBox)
    out = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue  # an empty label draws nothing
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not page:
            inner = inner or isinstance(parent, QComboBox | QAbstractSpinBox)
            parent = parent.parentWidget()
        if not inner:
            out.append(widget)
    return out


def _rect_in(widget: QWidget, outer: QWidget) -> QRect:
    return QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size())


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    return f"{type(widget).__name__} {str(words)[:40]!r}"


def _tab_problems(dialog: SettingsDialog) -> list[str]:
    """What is cut off or overlapping on the current tab."""
    page = dialog.tabs.currentWidget()
    problems = []
    if not dialog.rect().contains(_rect_in(page, dialog)):
        problems.append("the tab's page is larger than the dialog")
    parts = _parts(page)
    for widget in parts:
        name = _name(widget)
        ancestor = widget.parentWidget()
        while ancestor is not None and ancestor is not dialog:
            if not ancestor.rect().contains(_rect_in(widget, ancestor)):
                problems.append(f"{name} is cut off by {type(ancestor).__name__}")
                break
            ancestor = ancestor.parentWidget()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                problems.append(f"{name} is {widget.height()} high and needs {needed}")
        else:
            hint = widget.minimumSizeHint()
            if widget.height() < hint.height() or widget.width() < hint.width():
                problems.append(f"{name} is {widget.size().toTuple()}, needs {hint.toTuple()}")
    for one, other in itertools.combinations(parts, 2):
        if _rect_in(one, page).intersects(_rect_in(other, page)):
            problems.append(f"{_name(one)} overlaps {_name(other)}")
    return problems


def _settled(qtbot: QtBot, check: Callable[[], list[str]]) -> list[str]:
    """The check once the dialog's layouts have run (they run on the event loop)."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not check(), timeout=1500)
    return check()


def _every_tab_problems(qtbot: QtBot, dialog: SettingsDialog) -> list[str]:
    out = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        tab = dialog.tabs.tabText(index).replace("&", "")
        out += [f"{tab} at {dialog.size().toTuple()}: {problem}"
                for problem in _settled(qtbot, lambda: _tab_problems(dialog))]
    return out


@pytest.mark.parametrize("sandbox_url", ["", SANDBOX_URL], ids=["account", "sandbox"])
def test_every_tab_is_whole_as_opened_and_at_the_smallest_size(
        qtbot: QtBot, window: QWidget, worker: Worker, language: str, sandbox_url: str) -> None:
    dialog = _open(window, worker, qtbot, sandbox_url)
    assert _every_tab_problems(qtbot, dialog) == []
    # As small as a person can drag it: still nothing cut off, on any tab.
    dialog.resize(dialog.minimumSize())
    assert _every_tab_problems(qtbot, dialog) == []


def test_words_that_appear_later_still_fit(qtbot: QtBot, window: QWidget, worker: Worker) -> None:
    """A longer message on a tab that is not in front makes room for itself."""
    dialog = _open(window, worker, qtbot, SANDBOX_URL)
    dialog.tabs.setCurrentIndex(2)
    dialog.resize(dialog.minimumSize())
    dialog.test_result.setText(" ".join(["The connection was tested and works well."] * 4))
    assert _every_tab_problems(qtbot, dialog) == []


def _lines(label: QLabel) -> list[str]:
    """The label's text as its lines at the label's width."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setPlainText(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays the text out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            text = block.text()[line.textStart():line.textStart() + line.textLength()]
            lines.append(text.replace(WORD_JOINER, ""))
        block = block.next()
    return lines


@pytest.mark.parametrize(("sandbox_url", "url"), [
    ("", "https://api.telnyx.com/v2"), (SANDBOX_URL, SANDBOX_URL)], ids=["account", "sandbox"])
def test_a_web_address_is_never_broken_across_lines(
        qtbot: QtBot, window: QWidget, worker: Worker, language: str, sandbox_url: str,
        url: str) -> None:
    dialog = _open(window, worker, qtbot, sandbox_url)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.resize(dialog.minimumSize())  # the narrowest the hint gets
    label = next(label for label in _parts(dialog.tabs.currentWidget())
                 if isinstance(label, QLabel) and url in label.text().replace(WORD_JOINER, ""))
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()),
                    timeout=1500)
    lines = _lines(label)
    assert any(url in line for line in lines), lines


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{name} missing (it ships with PySide6)"
    return str(path)


@pytest.fixture
def seconds_in_chinese(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """A catalogue with just the seconds' unit, compiled as the real ones are."""
    ts = ET.Element("TS", version="2.1", language="zh_CN")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "SettingsDialog"
    message = ET.SubElement(context, "message")
    ET.SubElement(message, "source").text = " s"
    ET.SubElement(message, "translation").text = " 秒"
    ET.ElementTree(ts).write(tmp_path / "seconds.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(tmp_path / "seconds.ts"), "-qm",
                    str(tmp_path / "seconds.qm")], check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "seconds.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_seconds_unit_is_translated(
        qtbot: QtBot, window: QWidget, worker: Worker, seconds_in_chinese: None) -> None:
    dialog = _open(window, worker, qtbot)
    dialog.tabs.setCurrentIndex(2)
    for spin in (dialog.poll_fast, dialog.poll_slow):
        assert spin.suffix() == " 秒"
        assert spin.text().endswith(" 秒") and " s" not in spin.text()


def test_a_missing_keyring_on_the_sandbox_is_said_in_plain_words(
        qtbot: QtBot, window: QWidget, worker: Worker) -> None:
    dialog = _open(window, worker, qtbot, SANDBOX_URL)
    message = dialog.keyring_message.text()
    option = dialog.session_only.text().replace("&", "")
    assert "keyring" not in message.lower()  # a word of the trade, not of a fax user
    assert "password storage" in message  # what is missing
    assert "can't save" in message and "sandbox needs no key" in message
    # The option is named as it is labelled, and what it does is said in the same words.
    quoted = message.split("“", 1)[1].split("”", 1)[0]
    assert option.startswith(quoted)
    assert "until it closes" in message and "when FaxDesk closes" in option


def test_the_webhook_key_field_says_what_to_paste_and_where_it_is(
        qtbot: QtBot, window: QWidget, worker: Worker, language: str) -> None:
    dialog = _open(window, worker, qtbot)
    dialog.tabs.setCurrentIndex(2)
    field = dialog.webhook_key
    placeholder = field.placeholderText()
    assert "base64" not in placeholder
    if language == "en":
        assert placeholder.startswith("Paste the “Public Key”")
        assert "Keys & Credentials" in field.toolTip() and "Public Key" in field.toolTip()
    # The whole placeholder is readable in the field, not cut off.
    room = field.contentsRect().width() - 2 * field.style().pixelMetric(
        field.style().PixelMetric.PM_DefaultFrameWidth) - 4
    assert field.fontMetrics().horizontalAdvance(placeholder) <= room, (placeholder, room)


def _luminance(red: int, green: int, blue: int) -> float:
    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


@pytest.mark.parametrize(("text", "window"), [("#000000", "#efefef"), ("#ffffff", "#353535")])
def test_a_note_is_readable_on_a_light_and_a_dark_window(
    qtbot: QtBot, text: str, window: str
) -> None:
    import re

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    from faxdesk.ui.settings_dialog import note_style

    label = QLabel("A note")
    qtbot.addWidget(label)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    label.setPalette(palette)
    found = re.fullmatch(r"color: rgb\((\d+), (\d+), (\d+)\);", note_style(label))
    assert found is not None
    note = _luminance(*(int(v) for v in found.groups()))
    back = _luminance(*QColor(window).getRgb()[:3])
    lighter, darker = max(note, back), min(note, back)
    # WCAG AA for body text, and quieter than the text itself.
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
    assert QColor(*(int(v) for v in found.groups())) != QColor(text)
