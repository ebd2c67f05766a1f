"""Settings say what is true: on the sandbox no key or account address posing as in use, a tab
named after what it holds, a country picked from a list, a language change that tells about the
restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from faxdesk.core import settings as settings_mod
from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
from faxdesk.ui.worker import Worker
from tests.ui.conftest import BrokenKeyring


def _dialog(qtbot: Any, worker: Worker, sandbox_url: str = "",
            settings: settings_mod.Settings | None = None) -> SettingsDialog:
    saved: list[settings_mod.Settings] = []
    services = SettingsServices(key_store=lambda _storage: BrokenKeyring(),
                                test_connection=lambda k, u: "", save_settings=saved.append,
                                sandbox_url=sandbox_url)
    dialog = SettingsDialog(worker, settings or settings_mod.Settings(), services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _texts(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    # As read: without the invisible joiners that keep a web address on one line.
    return "\n".join(w.text().replace("\u2060", "") for w in widget.findChildren(QLabel)
                     if not w.isHidden())


def test_on_the_sandbox_there_is_no_red_key_error_and_no_account_address(
        qtbot: Any, worker: Worker) -> None:
    url = "http://127.0.0.1:40123/v2"
    dialog = _dialog(qtbot, worker, sandbox_url=url)
    qtbot.waitUntil(dialog.keyring_message.isVisible, timeout=5000)
    assert "#b3261e" not in dialog.keyring_message.styleSheet()  # not an error here
    assert "The sandbox needs no key." in dialog.keyring_message.text()
    assert "InitError" not in _texts(dialog)
    assert dialog.sandbox_note.isVisibleTo(dialog)
    # The account's address is not shown as the one in use: the sandbox's is.
    assert not dialog.base_url.isEnabled()
    assert f"Now connected to the built-in sandbox at {url}" in _texts(dialog)


def test_on_an_account_the_keyring_problem_is_a_sentence(qtbot: Any, worker: Worker) -> None:
    dialog = _dialog(qtbot, worker)
    qtbot.waitUntil(dialog.keyring_message.isVisible, timeout=5000)
    assert dialog.keyring_message.text().startswith("This computer has no keyring service")
    assert "InitError" not in dialog.keyring_message.text()
    assert not dialog.sandbox_note.isVisibleTo(dialog)
    assert dialog.base_url.isEnabled()


def test_the_polling_tab_is_named_after_what_it_is(qtbot: Any, worker: Worker) -> None:
    dialog = _dialog(qtbot, worker)
    names = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert "Updates" not in names and "Status checks" in names


def test_the_default_country_is_chosen_from_a_list(qtbot: Any, worker: Worker) -> None:
    dialog = _dialog(qtbot, worker, settings=settings_mod.Settings(default_country="GB"))
    assert not isinstance(dialog.country, QLineEdit) and not dialog.country.isEditable()
    assert dialog.country.currentData() == "GB"
    assert dialog.country.currentText().startswith("United Kingdom (+44)")
    assert dialog.country.count() > 200
    dialog.country.setCurrentIndex(dialog.country.findData("CN"))
    assert dialog.new_settings().default_country == "CN"


def test_a_language_change_says_a_restart_is_needed(qtbot: Any, worker: Worker) -> None:
    dialog = _dialog(qtbot, worker, settings=settings_mod.Settings(language="en"))
    assert "Restart" not in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.language_note.text().startswith("Restart FaxDesk")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "Restart" not in dialog.language_note.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is not None
