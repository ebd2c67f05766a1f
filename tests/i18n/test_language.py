"""The window speaks the language chosen in the settings, or the system's."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from faxdesk.ui import i18n

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    # Later tests expect the source language.
    i18n.remove_translations(qapp)
    QLocale.setDefault(QLocale.system())


def _main_window(qtbot: Any, tmp_path: Path, title_suffix: str = "") -> Any:
    from faxdesk.core.engine import FaxEngine
    from faxdesk.ui.main_window import MainWindow

    state = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    engine = FaxEngine(tmp_path / "data", None)  # no account: nothing runs
    window = MainWindow(engine, state=state, title_suffix=title_suffix)
    qtbot.addWidget(window)
    return window


def _menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.text()]


def _menu_items(window: Any) -> list[str]:
    return [a.text() for m in window.menuBar().actions() if m.menu()
            for a in m.menu().actions() if a.text()]


def test_languages_shipped() -> None:
    assert i18n.available_languages() == ["en", "zh_CN"]
    assert i18n.language_name("zh_CN") == "简体中文"
    assert i18n.language_name("en") == "English"


def test_chinese_window(app: QApplication, qtbot: Any, tmp_path: Path) -> None:
    assert i18n.install_translations(app, "zh_CN") == "zh_CN"
    suffix = QCoreApplication.translate("FaxDeskApp", " — Sandbox")
    window = _main_window(qtbot, tmp_path, suffix)
    titles = _menu_titles(window)
    assert titles and all(HAN.search(t) for t in titles), titles
    items = _menu_items(window)
    assert items and all(HAN.search(t) for t in items), items
    assert HAN.search(window.windowTitle()), window.windowTitle()
    # Qt's own buttons come from the qtbase catalogue in the same language.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    texts = {b.text() for b in buttons.buttons()}
    assert texts == {"确定", "取消"}, texts
    assert QLocale().name() == "zh_CN"  # numbers and dates follow too


def test_english_window(app: QApplication, qtbot: Any, tmp_path: Path) -> None:
    i18n.install_translations(app, "zh_CN")
    assert i18n.install_translations(app, "en") == "en"  # switching replaces the translators
    window = _main_window(qtbot, tmp_path)
    titles = _menu_titles(window)
    assert "&File" in titles and "&Help" in titles, titles
    assert not any(HAN.search(t) for t in titles + _menu_items(window))
    assert window.windowTitle() == "FaxDesk"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Cancel"


def test_empty_setting_follows_the_system(
    app: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    assert i18n.resolve_locale("").name() == QLocale.system().name()
    # An unknown value in the settings file does not break the start (and is logged).
    with caplog.at_level(logging.WARNING, logger="faxdesk.ui.i18n"):
        assert i18n.resolve_locale("xx-nonsense").name() == QLocale.system().name()
    assert "xx-nonsense" in caplog.text


def test_unsupported_language_keeps_english(app: QApplication) -> None:
    assert i18n.install_translations(app, "de_DE") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    # No German "Abbrechen" in an English window either.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Cancel"


def test_plurals_in_both_languages(app: QApplication) -> None:
    def pages(n: int) -> str:
        return QCoreApplication.translate("MainWindow", "%n page(s)", "", n)

    def scanned(n: int) -> str:
        return QCoreApplication.translate("ScanDialog", "%n page(s) scanned.", "", n)

    i18n.install_translations(app, "en")
    assert (pages(1), pages(12)) == ("1 page", "12 pages")
    assert (scanned(1), scanned(3)) == ("1 page scanned.", "3 pages scanned.")
    # A language without a catalogue still gets English plurals, not "1 page(s)".
    i18n.install_translations(app, "de_DE")
    assert (pages(1), pages(2)) == ("1 page", "2 pages")
    i18n.install_translations(app, "zh_CN")
    assert (pages(1), pages(12)) == ("1 页", "12 页")
    assert scanned(3) == "已扫描 3 页。"


def test_settings_offer_the_languages(app: QApplication, qtbot: Any) -> None:
    from faxdesk.core import secrets
    from faxdesk.core.settings import Settings
    from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
    from faxdesk.ui.worker import Worker

    worker = Worker()
    try:
        services = SettingsServices(key_store=secrets.make_key_store,
                                    test_connection=lambda key, url: "",
                                    save_settings=lambda settings: None)
        dialog = SettingsDialog(worker, Settings(language="zh_CN", key_storage="session"),
                                services)
        qtbot.addWidget(dialog)
        combo = dialog.language
        assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "zh_CN"]
        assert [combo.itemText(i) for i in (1, 2)] == ["English", "简体中文"]
        assert combo.currentData() == "zh_CN"
        combo.setCurrentIndex(0)  # "System default"
        assert dialog.new_settings().language == ""
    finally:
        worker.shutdown()
