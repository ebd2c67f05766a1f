"""The tray on a real desktop: Xvfb, a private D-Bus session, dunst, and (or not) a tray host.

Each scenario runs a small FaxDesk stand-in (a QMainWindow with the real TrayController) in a
subprocess with the desktop's environment (tests/support/desktop.py). The window is closed the
way a window manager closes it: a WM_DELETE_WINDOW client message sent over X.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.support.desktop import (
    dbus_session,
    dunst,
    dunst_displayed,
    dunst_history,
    dunstctl,
    trayer,
    wait_until,
    xvfb,
)

pytestmark = pytest.mark.desktop

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = os.environ.get("FAXDESK_SCREENSHOTS", "")

DRIVER = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon
from faxdesk.ui.tray import TrayController

app = QApplication(sys.argv[:1])
app.setApplicationName("FaxDesk")
window = QMainWindow()
window.setWindowTitle("FaxDesk")
window.setCentralWidget(QLabel("FaxDesk"))
window.resize(400, 300)
window.show()
tray = TrayController(window)
say = lambda *a: print(*a, flush=True)
tray.faxActivated.connect(lambda fax_id: (say("opened", fax_id), app.quit()))
app.aboutToQuit.connect(lambda: say("quitting"))

def ready():
    say("tray", QSystemTrayIcon.isSystemTrayAvailable(), type(tray.notifier).__name__)
    say("window", int(window.winId()))
    if sys.argv[1:] == ["notify"]:
        say("shown", tray.notify_delivered("fax-7f3a", "Ada Lovelace (+1 312-555-0142)", 3))

hidden = []

def report():
    if not window.isVisible() and not hidden:
        hidden.append(True)
        say("hidden")
        if sys.argv[1:] == ["quit-when-hidden"]:
            # The user picks "Quit FaxDesk" in the tray menu.
            quit_action = [a for a in tray.actions() if a.text() == "Quit FaxDesk"][0]
            QTimer.singleShot(200, quit_action.trigger)

QTimer.singleShot(300, ready)
timer = QTimer()
timer.timeout.connect(report)
timer.start(100)
QTimer.singleShot(30000, app.quit)  # never outlive the test
sys.exit(app.exec())
"""


class Driver:
    def __init__(self, env: Mapping[str, str], *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, *args],
            env={**env, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
        )
        self._buffer = b""

    def line(self, timeout: float = 15.0) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no output from the driver; stderr: {self._stderr()}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise AssertionError(f"driver exited ({self.proc.wait()}): {self._stderr()}")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode().strip()

    def _stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        return self.proc.stderr.read().decode(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=10)


@contextlib.contextmanager
def driver(env: Mapping[str, str], *args: str) -> Iterator[Driver]:
    d = Driver(env, *args)
    try:
        yield d
    finally:
        d.stop()


def close_window(display: str, window_id: int) -> None:
    """What a window manager does when the user clicks the close button."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    class ClientMessage(ctypes.Structure):
        _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                    ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                    ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                    ("format", ctypes.c_int), ("data", ctypes.c_long * 5),
                    ("pad", ctypes.c_long * 12)]  # XEvent is 24 longs

    dpy = x11.XOpenDisplay(display.encode())
    assert dpy, f"cannot open display {display}"
    try:
        event = ClientMessage()
        event.type = 33  # ClientMessage
        event.window = window_id
        event.message_type = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
        event.format = 32
        event.data[0] = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        event.data[1] = 0  # CurrentTime
        assert x11.XSendEvent(dpy, window_id, 0, 0, ctypes.byref(event))
        x11.XFlush(dpy)
    finally:
        x11.XCloseDisplay(dpy)


@pytest.fixture(scope="module")
def desktop() -> Iterator[dict[str, str]]:
    """A session bus, an X server and dunst; no tray host (tests add trayer when they need it)."""
    with dbus_session() as env, xvfb(env) as env, dunst(env) as env:
        yield env


def _screenshot(env: Mapping[str, str], name: str) -> None:
    if SCREENSHOT_DIR:
        subprocess.run(["import", "-window", "root", str(Path(SCREENSHOT_DIR) / name)],
                       env=dict(env), check=True, timeout=20)


def test_delivered_notification_reaches_dunst_and_clicking_it_opens_the_fax(
    desktop: dict[str, str],
) -> None:
    dunstctl(desktop, "close-all")
    with driver(desktop, "notify") as app:
        assert app.line() == "tray False DesktopNotifierAdapter"
        assert app.line().startswith("window ")
        assert app.line() == "shown True"
        assert wait_until(lambda: dunst_displayed(desktop) == 1, timeout=10)
        _screenshot(desktop, "notification-full.png")
        # Clicking the notification (its default action) opens that fax in the window.
        dunstctl(desktop, "action", "0")
        assert app.line() == "opened fax-7f3a"
        assert app.proc.wait(timeout=15) == 0
    entry = max(dunst_history(desktop), key=lambda e: int(str(e["id"])))
    assert (entry["appname"], entry["summary"], entry["body"]) == (
        "FaxDesk", "Fax delivered", "3 pages delivered to Ada Lovelace (+1 312-555-0142).")


def test_without_a_tray_closing_the_window_quits(desktop: dict[str, str]) -> None:
    with driver(desktop) as app:
        assert app.line().startswith("tray False")
        window_id = int(app.line().split()[1])
        close_window(desktop["DISPLAY"], window_id)
        # The app quits instead of hiding a window nobody could bring back.
        assert app.line() == "quitting"
        assert app.proc.wait(timeout=15) == 0


def test_with_a_tray_closing_hides_to_it_and_quit_from_its_menu_works(
    desktop: dict[str, str],
) -> None:
    with trayer(desktop) as env, driver(env, "quit-when-hidden") as app:
        assert app.line().startswith("tray True")
        window_id = int(app.line().split()[1])
        close_window(env["DISPLAY"], window_id)
        assert app.line() == "hidden"  # still running, in the tray
        assert app.line() == "quitting"
        assert app.proc.wait(timeout=15) == 0
