"""The settings dialog with the real key store: the missing-keyring message, session-only keys,
test connection against the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring.backend
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from faxdesk.core import secrets
from faxdesk.core import settings as settings_mod
from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
from faxdesk.ui.worker import Worker
from tests.ui.conftest import wait_for


@pytest.fixture
def no_secret_service() -> Iterator[None]:
    """A session bus address that leads nowhere, and keyring made to look for a backend again."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/faxdesk-test-bus")
        # redetect() fails with KeyError when keyring never looked for backends yet; make it look.
        keyring.backend.get_all_keyring()
        secrets.KeyStore().redetect()
        yield
    secrets.KeyStore().redetect()  # back to whatever this environment really has


@pytest.fixture
def worker(qtbot: Any) -> Iterator[Worker]:
    w = Worker()
    yield w
    w.shutdown()


def _dialog(qtbot: Any, worker: Worker, saved: list[Any], **services: Any) -> SettingsDialog:
    def test_connection(key: str, url: str) -> str:
        from faxdesk.ui.app import check_connection as real

        return real(key, url)

    svc = SettingsServices(
        key_store=secrets.make_key_store,
        test_connection=services.get("test_connection", test_connection),
        save_settings=saved.append,
    )
    dialog = SettingsDialog(worker, settings_mod.Settings(), svc)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_missing_keyring_is_explained_and_nothing_is_saved(
    qtbot: Any, worker: Worker, no_secret_service: None
) -> None:
    saved: list[Any] = []
    dialog = _dialog(qtbot, worker, saved)
    wait_for(qtbot, lambda: dialog.keyring_message.isVisible())
    message = dialog.keyring_message.text()
    assert "keyring is not available" in message
    assert "session-only" in message  # says what to do instead

    dialog.api_key.setText("KEY0123456789SECRET")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: dialog.error.isVisible())
    assert "keyring is not available" in dialog.error.text()
    assert "KEY0123456789SECRET" not in dialog.error.text()
    assert saved == []  # no silent plaintext fallback
    assert dialog.isVisible()


def test_session_only_key_is_accepted_without_a_keyring(
    qtbot: Any, worker: Worker, no_secret_service: None
) -> None:
    saved: list[Any] = []
    dialog = _dialog(qtbot, worker, saved)
    wait_for(qtbot, lambda: dialog.keyring_message.isVisible())
    dialog.session_only.setChecked(True)
    wait_for(qtbot, lambda: "memory only" in dialog.keyring_message.text())
    dialog.api_key.setText("KEY0123456789SECRET")
    dialog.poll_fast.setValue(3)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: not dialog.isVisible())
    assert len(saved) == 1
    assert saved[0].key_storage == "session"
    assert saved[0].poll_fast_secs == 3
    assert dialog.saved_key == "KEY0123456789SECRET"
    assert "KEY0123456789SECRET" not in repr(saved[0])


def test_test_connection_against_the_sandbox(
    qtbot: Any, worker: Worker, demo_sandbox: Any, no_secret_service: None
) -> None:
    dialog = _dialog(qtbot, worker, [])
    dialog.base_url.setText(demo_sandbox.base_url)
    dialog.api_key.setText("KEYwrong")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: "not accepted" in dialog.test_result.text())
    dialog.api_key.setText(demo_sandbox.api_key)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: dialog.test_result.text().startswith("Connected"))
    assert "2 fax application" in dialog.test_result.text()


def test_invalid_value_is_refused_in_words(qtbot: Any, worker: Worker) -> None:
    saved: list[Any] = []
    dialog = _dialog(qtbot, worker, saved)
    dialog.session_only.setChecked(True)
    dialog.country.setText("1")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert "country" in dialog.error.text()
    assert saved == []
