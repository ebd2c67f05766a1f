"""The toolbar's buttons show words only: no mnemonic letter in brackets, as a Chinese menu
writes it ("新建传真(&N)…"), and no ellipsis; also after a button's words change with the
chosen fax."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.widgets import tool_button_words

_NOISE = re.compile(r"[(（][A-Za-z][)）]|…|\.\.\.|&")


@pytest.mark.parametrize(("text", "words"), [
    ("新建传真(&N)…", "新建传真"),
    ("删除（&D）...", "删除"),
    ("&New fax…", "New fax"),
    ("Se&ttings…", "Settings"),
    ("Save && close", "Save & close"),
    ("导出 CSV(&E)…", "导出 CSV"),
])
def test_a_tool_button_shows_the_words_of_its_action(text: str, words: str) -> None:
    assert tool_button_words(text) == words


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    yield
    remove_translations(qapp)


def _button_words(window: MainWindow) -> list[tuple[str, str]]:
    return [(b.text(), b.toolTip()) for b in window.toolbar.findChildren(QToolButton)
            if b.defaultAction() is not None and b.isVisible()]


def test_the_chinese_toolbar_shows_no_mnemonic_letters(
    chinese: None, request: pytest.FixtureRequest, qtbot: QtBot
) -> None:
    # The window is built after the translations are in, as FaxDesk builds it.
    window: MainWindow = request.getfixturevalue("window")
    shown = _button_words(window)
    assert len(shown) >= 6 and any("新建传真" in text for text, _tip in shown)
    assert [s for s in shown if _NOISE.search(s[0] + s[1])] == []
    # Choosing a fax renames Delete and Cancel; their buttons stay clean.
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.fax is not None)
    after = _button_words(window)
    assert [s for s in after if _NOISE.search(s[0] + s[1])] == []
    assert any("删除" in text for text, _tip in after)
