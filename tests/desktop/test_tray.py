"""What the UI's tray tests rely on: under Xvfb a system tray exists only with a tray host
(trayer, XEmbed) or a StatusNotifierWatcher on the bus; offscreen there is none. Each probe is a
tiny PySide6 program in a subprocess with the desktop environment (QT_QPA_PLATFORM=xcb)."""

from __future__ import annotations

import json

import pytest

from tests.support.desktop import (
    dunst_displayed,
    dunst_history,
    dunstctl,
    run_python,
    sni_watcher,
    wait_until,
    xvfb,
)

pytestmark = pytest.mark.desktop

_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv)
print(json.dumps({"platform": app.platformName(),
                  "tray": QSystemTrayIcon.isSystemTrayAvailable()}))
"""

_SHOW_MESSAGE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv)
app.setApplicationName("FaxDesk")
assert QSystemTrayIcon.isSystemTrayAvailable()
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a7ab0"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
def send():
    tray.showMessage("Fax delivered", "To +1 312 555 0100", QSystemTrayIcon.Information, 10000)
    QTimer.singleShot(200, app.quit)
QTimer.singleShot(100, send)
app.exec()
"""


def _probe(env: dict[str, str], platform: str) -> dict[str, object]:
    result = run_python(_PROBE, {**env, "QT_QPA_PLATFORM": platform})
    probe: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return probe


def test_tray_is_available_under_xvfb_with_trayer(desktop_env: dict[str, str]) -> None:
    assert _probe(desktop_env, "xcb") == {"platform": "xcb", "tray": True}


def test_no_tray_offscreen(desktop_env: dict[str, str]) -> None:
    assert _probe(desktop_env, "offscreen") == {"platform": "offscreen", "tray": False}


def test_no_tray_on_a_bare_x_server(desktop_env: dict[str, str]) -> None:
    # Same bus, a second X server without a tray host.
    with xvfb(desktop_env) as bare:
        assert bare["DISPLAY"] != desktop_env["DISPLAY"]
        assert _probe(bare, "xcb") == {"platform": "xcb", "tray": False}


@pytest.mark.slow
def test_status_notifier_watcher_gives_a_dbus_tray_whose_messages_reach_dunst(
    desktop_env: dict[str, str],
) -> None:
    dunstctl(desktop_env, "close-all")
    with xvfb(desktop_env) as bare, sni_watcher(bare) as watcher:
        # No XEmbed host on this display: the tray comes from the watcher alone (the script
        # asserts isSystemTrayAvailable()).
        run_python(_SHOW_MESSAGE, {**bare, "QT_QPA_PLATFORM": "xcb"})
        assert watcher.wait_for_item().startswith(":")  # the icon registered over D-Bus
    assert wait_until(lambda: dunst_displayed(desktop_env) == 1)
    dunstctl(desktop_env, "close-all")
    latest = max(dunst_history(desktop_env), key=lambda e: int(str(e["id"])))
    assert (latest["appname"], latest["summary"], latest["body"]) == (
        "FaxDesk",
        "Fax delivered",
        "To +1 312 555 0100",
    )
