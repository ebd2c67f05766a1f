"""The real `faxdesk --sandbox` on Xvfb with a private D-Bus and no tray host: a second
`faxdesk --sandbox FILE.pdf` hands its file over and exits 0, the running app shows the send
dialog (marked as the sandbox's), and closing the main window the way a window manager does quits
the app (nothing hides out of reach). A launch on the account never reaches that window.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.support.desktop import dbus_session, xvfb
from tests.ui.test_tray_desktop import close_window

pytestmark = pytest.mark.desktop

REPO = Path(__file__).resolve().parents[2]


def _windows(env: Mapping[str, str], title: str) -> list[int]:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                           env=dict(env), capture_output=True, text=True, timeout=10)
    return [int(w) for w in found.stdout.split()]


def _wait_for_window(env: Mapping[str, str], title: str, timeout: float = 20) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        windows = _windows(env, title)
        if windows:
            return windows[0]
        time.sleep(0.1)
    raise AssertionError(f"no window titled {title!r} appeared")


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    with dbus_session(tmp_path / "home") as env, xvfb(env) as env:
        env.update(FAXDESK_HOME=str(tmp_path / "profile"), QT_QPA_PLATFORM="xcb",
                   PYTHONPATH=str(REPO))
        yield env


def _faxdesk(env: Mapping[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "faxdesk", *args], env=dict(env), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_second_launch_hands_over_and_closing_quits_without_a_tray(
    desktop: dict[str, str], tmp_path: Path,
) -> None:
    from tests.support.pdfs import make_pdf

    pdf = make_pdf(tmp_path / "handed.pdf", 1)
    first = _faxdesk(desktop, "--sandbox")
    try:
        main_window = _wait_for_window(desktop, "FaxDesk — Sandbox")
        second = _faxdesk(desktop, "--sandbox", str(pdf))
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert first.poll() is None
        # The running app shows the dialog, titled as the sandbox's.
        dialog = _wait_for_window(desktop, "Send a fax — Sandbox")

        # The dialog is window-modal: close it first, as the user would, then the window.
        close_window(desktop["DISPLAY"], dialog)
        deadline = time.monotonic() + 10
        while _windows(desktop, "Send a fax") and time.monotonic() < deadline:
            time.sleep(0.1)
        # Found again: the window seen first may have been the first frame, which the main
        # window has replaced by now (it paints the stored history before FaxDesk is loaded).
        main_window = _wait_for_window(desktop, "FaxDesk — Sandbox")
        close_window(desktop["DISPLAY"], main_window)
        assert first.wait(timeout=20) == 0  # no tray: closing the window quits
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate(timeout=10)
