"""The desktop fixtures themselves: missing binaries fail loudly, nothing outlives the test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.support.desktop import (
    REPO_ROOT,
    bus_name_has_owner,
    dbus_session,
    desktop_session,
    require_binary,
    wait_until,
)


def test_a_missing_binary_fails_with_the_install_line() -> None:
    with pytest.raises(pytest.fail.Exception) as info:
        require_binary("faxdesk-no-such-daemon")
    assert "sudo apt-get install -y faxdesk-no-such-daemon" in str(info.value)


def test_private_bus_has_nothing_activatable() -> None:
    with dbus_session() as env:
        # The stock session.conf would auto-start gnome-keyring or dunst on first use.
        assert not bus_name_has_owner(env, "org.freedesktop.secrets")
        assert not bus_name_has_owner(env, "org.freedesktop.Notifications")


def _processes_with_home(home: str) -> list[int]:
    marker = f"HOME={home}".encode() + b"\0"
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/environ", "rb") as handle:
                    if marker in handle.read():
                        pids.append(int(entry))
            except OSError:
                continue  # exited meanwhile, or not ours to read
    return pids


@pytest.mark.desktop
def test_services_die_with_a_killed_test_process() -> None:
    # A runner killed with SIGKILL cannot tear down: the services must still go away.
    code = textwrap.dedent(
        """
        import os
        from tests.support.desktop import desktop_session
        with desktop_session() as env:
            print(env["HOME"], flush=True)
            os.kill(os.getpid(), 9)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    home = proc.stdout.strip()
    assert home.startswith("/")
    assert wait_until(lambda: not _processes_with_home(home), timeout=10)


def test_the_process_finder_sees_live_services() -> None:
    # Guards the test above against passing because the finder finds nothing at all.
    with desktop_session(keyring=False, notifications=False) as env:
        assert len(_processes_with_home(env["HOME"])) >= 3  # dbus-daemon, Xvfb, trayer
