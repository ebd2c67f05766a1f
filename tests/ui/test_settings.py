"""The settings dialog with the real key store: the missing-keyring message, session-only keys,
test connection against the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.backends.fail
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
    """A session bus address that leads nowhere.

    In a full test run other tests define keyring backends of their own, and keyring offers every
    backend class it has seen; so the stores below use keyring's "fail" backend, which is exactly
    what keyring picks when no Secret Service answers (see the subprocess test at the end, which
    checks that in a clean interpreter)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/faxdesk-test-bus")
        yield


def _store(storage: str) -> Any:
    if storage == "session":
        return secrets.SessionKeyStore()
    return secrets.KeyStore(backend=keyring.backends.fail.Keyring())


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
        key_store=_store,
        test_connection=services.get("test_connection", test_connection),
        save_settings=saved.append,
        sandbox_url=services.get("sandbox_url", ""),
    )
    dialog = SettingsDialog(worker, services.get("settings", settings_mod.Settings()), svc)
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
    assert "no keyring service" in message
    assert "session only" in message  # says what to do instead
    assert "InitError" not in message and "Exception" not in message  # no class names

    dialog.api_key.setText("KEY0123456789SECRET")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: dialog.error.isVisible())
    assert "no keyring service" in dialog.error.text()
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
    wait_for(qtbot, lambda: "did not accept the API key" in dialog.test_result.text())
    dialog.api_key.setText(demo_sandbox.api_key)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: dialog.test_result.text().startswith("Connected"))
    assert "2 fax application" in dialog.test_result.text()


def test_invalid_value_is_refused_in_words(qtbot: Any, worker: Worker) -> None:
    saved: list[Any] = []
    dialog = _dialog(qtbot, worker, saved)
    dialog.session_only.setChecked(True)
    dialog.webhook_enabled.setChecked(True)
    dialog.webhook_host.setText("  ")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    # The setting as the dialog names it, not the settings file's field name.
    assert dialog.error.text().startswith("Webhook listener address:")
    assert "webhook_host" not in dialog.error.text()
    assert saved == []


def test_missing_keyring_message_with_the_real_detection(tmp_path: Path) -> None:
    """A fresh interpreter, no Secret Service on the bus: keyring finds nothing and the
    settings dialog says so, through the real make_key_store()."""
    script = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from faxdesk.core import secrets, settings
from faxdesk.ui.settings_dialog import SettingsDialog, SettingsServices
from faxdesk.ui.worker import Worker
worker = Worker()
dialog = SettingsDialog(worker, settings.Settings(), SettingsServices(
    key_store=secrets.make_key_store, test_connection=lambda k, u: "",
    save_settings=lambda s: None))
dialog.show()
deadline = time.monotonic() + 20
while not dialog.keyring_message.isVisible() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("MESSAGE:", dialog.keyring_message.text())
worker.shutdown()
"""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHON_KEYRING_BACKEND", "GNOME_KEYRING_CONTROL", "DISPLAY")}
    env.update({
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/faxdesk-test-bus",
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),  # no keyringrc.cfg of the developer's
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    })
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    message = result.stdout.split("MESSAGE:", 1)[-1]
    assert "keyring" in message
    assert "session" in message
