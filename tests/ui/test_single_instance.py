"""One FaxDesk per user: a second launch hands its files to the first, across real processes."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from faxdesk.ui.handoff import hand_off, server_name
from faxdesk.ui.single_instance import SingleInstance, acquire_single_instance

# A tiny FaxDesk stand-in: a QApplication with the single-instance guard. The first process
# prints "listening", then prints the files it is handed and quits; a second one prints
# "handed-off" and exits 0.
DRIVER = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from faxdesk.ui.single_instance import acquire_single_instance

app = QApplication(sys.argv[:1])
send = "--send" in sys.argv
mode = "sandbox" if "--sandbox" in sys.argv else "account"
files = [a for a in sys.argv[1:] if a not in ("--send", "--sandbox")]
guard = acquire_single_instance(files, send=send, mode=mode)
if guard is None:
    print("handed-off", flush=True)
    sys.exit(0)
print("listening" if guard.is_listening() else "not-listening", flush=True)

def got(files):
    print(json.dumps(files), flush=True)
    app.quit()

guard.filesReceived.connect(got)
sys.exit(app.exec())
"""

REPO = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FAXDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
    )
    return env


def _start(home: Path, *files: str, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, *files], env=_env(home), cwd=cwd or home,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "profile"
    h.mkdir()
    return h


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


def test_second_process_hands_its_file_to_the_first(home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "work" / "contract.pdf"
    doc.parent.mkdir()
    doc.write_bytes(b"%PDF-1.4\n")
    first = _start(home)
    try:
        assert _first_line(first) == "listening"
        # A relative path, as typed in a shell: the first instance gets it absolute.
        second = _start(home, "contract.pdf", cwd=doc.parent)
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert out.strip() == "handed-off"
        assert json.loads(_first_line(first)) == [str(doc)]
        assert first.wait(timeout=30) == 0
    finally:
        _stop(first)


def test_stale_socket_after_a_crash_is_replaced(home: Path, tmp_path: Path) -> None:
    crashed = _start(home)
    try:
        assert _first_line(crashed) == "listening"
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.communicate(timeout=10)
    # The crashed instance left its socket file; the next launch must not hand off to a ghost.
    fresh = _start(home)
    try:
        assert _first_line(fresh) == "listening"
        second = _start(home, str(tmp_path / "a.pdf"), str(tmp_path / "b.png"))
        out, _ = second.communicate(timeout=30)
        assert out.strip() == "handed-off"
        assert json.loads(_first_line(fresh)) == [str(tmp_path / "a.pdf"),
                                                  str(tmp_path / "b.png")]
    finally:
        _stop(fresh)


def test_profiles_and_users_get_different_sockets(tmp_path: Path) -> None:
    a = server_name(environ={"FAXDESK_HOME": str(tmp_path / "a")})
    b = server_name(environ={"FAXDESK_HOME": str(tmp_path / "b")})
    assert a != b
    assert a == server_name(environ={"FAXDESK_HOME": str(tmp_path / "a")})
    assert server_name(environ={}) != a


def test_in_process_guard_activates_without_files_and_ignores_garbage(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(home))
    guard = acquire_single_instance()
    assert guard is not None and guard.is_listening()
    got: list[list[str]] = []
    guard.filesReceived.connect(got.append)
    try:
        # A launch without files only asks the running window to come to the front.
        proc = _start(home)
        with qtbot.waitSignal(guard.activationRequested, timeout=30000):
            pass
        out, _ = proc.communicate(timeout=30)
        assert out.strip() == "handed-off"
        assert got == []

        # `faxdesk --send` without files opens the send dialog, empty.
        sender = _start(home, "--send")
        with qtbot.waitSignal(guard.filesReceived, timeout=30000) as opened:
            pass
        out, _ = sender.communicate(timeout=30)
        assert out.strip() == "handed-off"
        assert opened.args == [[]]
        got.clear()

        # Something that is not our protocol gets no "ok" and changes nothing.
        from PySide6.QtCore import QByteArray
        from PySide6.QtNetwork import QLocalSocket

        sock = QLocalSocket()
        sock.connectToServer(guard.name)
        assert sock.waitForConnected(3000)
        with caplog.at_level(logging.WARNING, logger="faxdesk.ui.single_instance"):
            sock.write(QByteArray(b'{"files": "not a list"}\n'))
            sock.flush()
            qtbot.waitUntil(
                lambda: sock.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                timeout=5000)
        assert got == []
    finally:
        guard.close()


def test_nobody_listening_means_no_hand_off(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(home))
    assert hand_off(["/tmp/x.pdf"], timeout_ms=500) is False
    guard = SingleInstance()
    try:
        assert guard.listen()
        # A second guard on the same name does not steal a live instance's socket.
        other = SingleInstance()
        assert other.listen() is False
        assert guard.is_listening()
    finally:
        guard.close()


def test_each_mode_has_its_own_window(home: Path, tmp_path: Path) -> None:
    """A sandbox launch never hands a document to the window on the account (where a send
    would be a real, paid fax), and an account launch never raises the sandbox window."""
    referral = tmp_path / "referral.pdf"
    referral.write_bytes(b"%PDF-1.4\n")
    account = _start(home)
    sandbox = None
    try:
        assert _first_line(account) == "listening"
        # `faxdesk --sandbox referral.pdf`: no hand-off to the account window; it starts its
        # own sandbox window, which listens for sandbox launches only.
        sandbox = _start(home, "--sandbox", str(referral))
        assert _first_line(sandbox) == "listening"
        # The next sandbox launch reaches the sandbox window, the next account launch the
        # account window: each gets only its own mode's file.
        for mode_args, target in ((["--sandbox"], sandbox), ([], account)):
            doc = tmp_path / f"for-{'sandbox' if mode_args else 'account'}.pdf"
            doc.write_bytes(b"%PDF-1.4\n")
            launch = _start(home, *mode_args, str(doc))
            out, err = launch.communicate(timeout=30)
            assert out.strip() == "handed-off", err
            assert json.loads(_first_line(target)) == [str(doc)]
        assert account.wait(timeout=30) == 0 and sandbox.wait(timeout=30) == 0
    finally:
        _stop(account)
        if sandbox is not None:
            _stop(sandbox)


def test_socket_names_differ_by_mode(tmp_path: Path) -> None:
    env = {"FAXDESK_HOME": str(tmp_path)}
    assert server_name(environ=env, mode="sandbox") != server_name(environ=env)
    assert server_name(environ=env, mode="account") == server_name(environ=env)
    with pytest.raises(ValueError):
        server_name(environ=env, mode="paid")


def test_a_guard_follows_the_first_run_choice_of_the_sandbox(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FAXDESK_HOME", str(home))
    guard = acquire_single_instance()  # launched without --sandbox: listens as the account
    assert guard is not None and guard.mode == "account"
    account = None
    try:
        assert guard.switch_mode("sandbox")  # the welcome's "Try the sandbox"
        assert guard.name == server_name(mode="sandbox")
        # A sandbox launch reaches this window; an account launch starts its own.
        sandbox = _start(home, "--sandbox")
        with qtbot.waitSignal(guard.activationRequested, timeout=30000):
            pass
        out, _ = sandbox.communicate(timeout=30)
        assert out.strip() == "handed-off"
        account = _start(home)
        assert _first_line(account) == "listening"
    finally:
        guard.close()
        if account is not None:
            _stop(account)


# `faxdesk --sandbox FILE` as a user starts it, held at its first frame's paint until the test
# says "go": by then it has asked for a running FaxDesk (none) and not yet listened itself.
HELD_LAUNCH = r"""
import contextlib, runpy, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])

class Hold(QObject):
    held = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.held:
            self.held = True
            print("first-frame " + type(obj).__name__, flush=True)
            sys.stdin.readline()
        return False

hold = Hold()
show = QMainWindow.show
def watched_show(window):
    window.installEventFilter(hold)
    show(window)
QMainWindow.show = watched_show
sys.argv = ["faxdesk", "--sandbox", *sys.argv[1:]]
code = 1
try:
    runpy.run_module("faxdesk", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
built = "faxdesk.ui.main_window" in sys.modules
print("exit", code, "main-window-built" if built else "", flush=True)
"""


def test_a_launch_that_finds_faxdesk_started_meanwhile_hands_its_file_over(
    home: Path, tmp_path: Path,
) -> None:
    """Two launches at once: the one that shows its first frame before the other listens finds
    it when it would listen itself, hands its file over and closes; no second window stays."""
    doc = tmp_path / "late.pdf"
    doc.write_bytes(b"%PDF-1.4\n")
    env = _env(home)
    env.pop("FAXDESK_CHECK_THREADS", None)  # it imports every module up front
    late = subprocess.Popen([sys.executable, "-c", HELD_LAUNCH, str(doc)], env=env, cwd=home,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    running = None
    try:
        assert _first_line(late) == "first-frame FirstFrame"
        running = _start(home, "--sandbox")  # the other launch, listening now
        assert _first_line(running) == "listening"
        assert late.stdin is not None
        late.stdin.write("go\n")
        late.stdin.flush()
        out, err = late.communicate(timeout=60)
        assert out.split() == ["exit", "0"], err[-3000:]
        assert json.loads(_first_line(running)) == [str(doc)]
        assert running.wait(timeout=30) == 0
    finally:
        _stop(late)
        if running is not None:
            _stop(running)
