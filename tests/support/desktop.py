"""Real desktop services for tests: a private D-Bus session bus, gnome-keyring, Xvfb, dunst,
trayer and a StatusNotifierWatcher, each started as a subprocess and torn down afterwards.

Every helper is a context manager yielding an *environment dict* (a full copy of ``os.environ``
with ``DBUS_SESSION_BUS_ADDRESS``, ``DISPLAY``, ``HOME``, ``XDG_*`` ... pointing at the private
services). The test process's own environment is never changed: run the code under test in a
subprocess with that env (:func:`run_python`). That is deliberate for the keyring: the ``keyring``
library picks its backend once per process and ``secretstorage`` reads the bus address from the
environment, so in-process switching between buses is fragile.

A missing binary FAILS the test with the exact ``apt-get install`` line (never a skip).

Pytest fixtures (register with ``pytest_plugins = ["tests.support.desktop"]`` in a conftest):
``desktop_env`` (session scope: bus + Xvfb + dunst + trayer + unlocked gnome-keyring),
``private_bus`` (function scope: a bare bus with nothing on it).

By hand: ``python tests/support/desktop.py`` starts everything and prints ``export`` lines.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# binary -> Debian package providing it
PACKAGES = {
    "dbus-daemon": "dbus",
    "gnome-keyring-daemon": "gnome-keyring",
    "Xvfb": "xvfb",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "trayer": "trayer",
}

# Variables that could point a child at the developer's real session; always replaced or removed.
_SCRUBBED = (
    "DBUS_SESSION_BUS_ADDRESS",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "XAUTHORITY",
    "GNOME_KEYRING_CONTROL",
    "SSH_AUTH_SOCK",
    "PYTHON_KEYRING_BACKEND",
    "QT_QPA_PLATFORM",
)

# A session bus with no service directories: nothing is auto-activated, so a test sees exactly
# the services it started (the stock session.conf would activate gnome-keyring or dunst on demand).
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

START_TIMEOUT = 10.0


class DesktopServiceError(RuntimeError):
    """A service did not start; the message includes its output."""


def require_binary(name: str) -> str:
    """Path of ``name``; fails the test with the install line when it is missing."""
    path = shutil.which(name)
    if path is None:
        package = PACKAGES.get(name, name)
        pytest.fail(
            f"{name} is not installed; install it with: sudo apt-get install -y {package}"
            " (or run scripts/test as root, which installs every system package the tests use)",
            pytrace=False,
        )
    return path


def base_env(home: Path, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of ``os.environ`` isolated in ``home`` (HOME and XDG dirs), with no session vars."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    runtime = home / "runtime"
    for directory in (home, runtime, home / ".config", home / ".local/share", home / ".cache"):
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    runtime.chmod(0o700)
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONPATH=os.pathsep.join(
            [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH", "")])]
        ),
    )
    if overrides:
        env.update(overrides)
    return env


# --- process plumbing ----------------------------------------------------------------------------


_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # Runs in the child between fork and exec: if the test process is killed (SIGKILL, a CI
    # timeout), the kernel sends SIGTERM to the service, so no Xvfb or dunst is left behind.
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def _spawn(
    args: Sequence[str], env: Mapping[str, str], **kwargs: object
) -> subprocess.Popen[bytes]:
    # Own session: a Ctrl-C in the terminal reaches the test runner, which tears down in order.
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        list(args),
        env=dict(env),
        start_new_session=True,
        preexec_fn=_die_with_parent,
        **kwargs,
    )


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    """Terminate a process we started (by its own pid), then kill it if it lingers."""
    if proc is None or proc.poll() is not None:
        if proc is not None:
            proc.wait()
        return
    proc.terminate()
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=3)


def _read_line(fd: int, deadline: float, what: str, proc: subprocess.Popen[bytes]) -> str:
    buffer = b""
    while b"\n" not in buffer:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or proc.poll() is not None:
            raise DesktopServiceError(f"{what} did not report ready (exit code {proc.poll()})")
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.2))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise DesktopServiceError(f"{what} closed its output before it was ready")
            buffer += chunk
    return buffer.split(b"\n", 1)[0].decode().strip()


def _read_to_eof(fd: int, what: str, proc: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    buffer = b""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise DesktopServiceError(f"{what} did not finish starting within {START_TIMEOUT} s")
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.2))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                return buffer.decode()
            buffer += chunk
        elif proc.poll() is not None:
            raise DesktopServiceError(f"{what} exited early with code {proc.returncode}")


def _wait_for(predicate: object, what: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise DesktopServiceError(f"{what} exited early with code {proc.returncode}")
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise DesktopServiceError(f"{what} was not ready within {START_TIMEOUT} s")


def bus_name_has_owner(env: Mapping[str, str], name: str) -> bool:
    """Whether ``name`` is owned on the bus in ``env`` (checked over jeepney, in this process)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
    with open_dbus_connection(env["DBUS_SESSION_BUS_ADDRESS"]) as conn:
        reply = conn.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (name,)))
    return bool(reply.body[0])


# --- services ------------------------------------------------------------------------------------


@contextlib.contextmanager
def dbus_session(home: Path | None = None) -> Iterator[dict[str, str]]:
    """A private session bus (no auto-activation). Yields an env with its address."""
    binary = require_binary("dbus-daemon")
    with contextlib.ExitStack() as stack:
        if home is None:
            home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="faxdesk-desk-")))
        env = base_env(home)
        config = home / "bus.conf"
        # Socket in a short directory: unix socket paths are limited to 108 bytes.
        socket_dir = Path(tempfile.mkdtemp(prefix="fdbus-"))
        stack.callback(shutil.rmtree, socket_dir, True)
        config.write_text(_BUS_CONFIG.format(dir=socket_dir))
        read_fd, write_fd = os.pipe()
        proc = _spawn(
            [binary, f"--config-file={config}", f"--print-address={write_fd}", "--nofork"],
            env,
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        stack.callback(_stop, proc)
        try:
            address = _read_line(read_fd, time.monotonic() + START_TIMEOUT, "dbus-daemon", proc)
        finally:
            os.close(read_fd)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        yield env


@contextlib.contextmanager
def gnome_keyring(
    env: Mapping[str, str], *, password: str = "faxdesk-test", unlock_with: str | None = None
) -> Iterator[dict[str, str]]:
    """gnome-keyring's Secret Service on the bus in ``env``, its login keyring unlocked with
    ``unlock_with`` (default: ``password``). The login keyring is created with ``password`` on
    first start; start again with a different ``unlock_with`` to get a *locked* keyring.
    """
    binary = require_binary("gnome-keyring-daemon")
    secret = (unlock_with if unlock_with is not None else password).encode()
    proc = _spawn(
        [binary, "--foreground", "--unlock", "--components=secrets"],
        env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(secret)
        proc.stdin.close()
        # It prints its environment (often nothing, when the control socket is in the default
        # $XDG_RUNTIME_DIR/keyring) and then closes stdout: EOF means "initialised".
        output = _read_to_eof(proc.stdout.fileno(), "gnome-keyring", proc)
        out = dict(env)
        for line in output.splitlines():
            key, _, value = line.partition("=")
            if key in ("GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK"):
                out[key] = value
        _wait_for(lambda: bus_name_has_owner(env, "org.freedesktop.secrets"), "gnome-keyring", proc)
        yield out
    finally:
        _stop(proc)
        if proc.stdout is not None:
            proc.stdout.close()


@contextlib.contextmanager
def xvfb(env: Mapping[str, str]) -> Iterator[dict[str, str]]:
    """Xvfb on a free display (``-displayfd``). Yields ``env`` with ``DISPLAY``.

    ``-noreset``: by default the server resets when its last client leaves, and refuses
    connections meanwhile; a readiness probe that disconnects just before a service connects
    then made the service fail with "cannot open display" (9 starts of trayer in 150 under two
    CPU hogs; none with the flag)."""
    binary = require_binary("Xvfb")
    read_fd, write_fd = os.pipe()
    proc = _spawn(
        [binary, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
         "-noreset"],
        env,
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        try:
            number = _read_line(read_fd, time.monotonic() + START_TIMEOUT, "Xvfb", proc)
        finally:
            os.close(read_fd)
        yield {**env, "DISPLAY": f":{number}"}
    finally:
        _stop(proc)


@contextlib.contextmanager
def dunst(env: Mapping[str, str]) -> Iterator[dict[str, str]]:
    """dunst (a real freedesktop notification daemon) on the bus and display in ``env``."""
    binary = require_binary("dunst")
    require_binary("dunstctl")
    # An empty config file = dunst's built-in defaults (``-conf /dev/null`` prints a warning).
    config = Path(env["XDG_CONFIG_HOME"]) / "faxdesk-dunstrc"
    config.write_text("[global]\n    history_length = 50\n")
    proc = _spawn(
        [binary, "-conf", str(config)], env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for(lambda: bus_name_has_owner(env, "org.freedesktop.Notifications"), "dunst", proc)
        yield dict(env)
    finally:
        _stop(proc)


def _tray_selection_owned(display: str) -> bool:
    lib = ctypes.util.find_library("X11")
    if lib is None:
        raise DesktopServiceError("libX11 not found: sudo apt-get install -y libx11-6")
    x11 = ctypes.CDLL(lib)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(display.encode())
    if not dpy:
        return False
    try:
        atom = x11.XInternAtom(dpy, b"_NET_SYSTEM_TRAY_S0", 0)
        return bool(x11.XGetSelectionOwner(dpy, atom))
    finally:
        x11.XCloseDisplay(dpy)


@contextlib.contextmanager
def trayer(env: Mapping[str, str]) -> Iterator[dict[str, str]]:
    """trayer, an XEmbed system tray host, on ``env``'s display: Qt then sees a system tray."""
    binary = require_binary("trayer")
    proc = _spawn(
        [
            binary,
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "pixel",
            "--width",
            "100",
            "--height",
            "24",
        ],
        env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _tray_selection_owned(env["DISPLAY"]), "trayer", proc)
        yield dict(env)
    finally:
        _stop(proc)


@contextlib.contextmanager
def sni_watcher(env: Mapping[str, str]) -> Iterator[SniWatcher]:
    """A minimal ``org.kde.StatusNotifierWatcher`` (with a registered host) on the bus: Qt then
    uses its D-Bus tray icon, and ``showMessage()`` goes to the notification service."""
    proc = _spawn(
        [sys.executable, str(Path(__file__).resolve()), "sni-watcher"],
        env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        line = _read_line(proc.stdout.fileno(), time.monotonic() + START_TIMEOUT, "sni", proc)
        if line != "ready":
            raise DesktopServiceError(f"StatusNotifierWatcher said {line!r}")
        yield SniWatcher(proc)
    finally:
        _stop(proc)
        if proc.stdout is not None:
            proc.stdout.close()


class SniWatcher:
    """Handle on the watcher subprocess: which items registered so far."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self._proc = proc
        self.items: list[str] = []

    def wait_for_item(self, timeout: float = 5.0) -> str:
        assert self._proc.stdout is not None
        line = _read_line(
            self._proc.stdout.fileno(), time.monotonic() + timeout, "tray item", self._proc
        )
        item = line.removeprefix("registered ")
        self.items.append(item)
        return item


@contextlib.contextmanager
def desktop_session(
    *, keyring: bool = True, notifications: bool = True, tray: bool = True
) -> Iterator[dict[str, str]]:
    """Bus + Xvfb (+ dunst, trayer, an unlocked gnome-keyring). Yields the combined env."""
    with contextlib.ExitStack() as stack:
        env = stack.enter_context(dbus_session())
        env = stack.enter_context(xvfb(env))
        if keyring:
            env = stack.enter_context(gnome_keyring(env))
        if notifications:
            env = stack.enter_context(dunst(env))
        if tray:
            env = stack.enter_context(trayer(env))
        yield env


# --- helpers for tests ---------------------------------------------------------------------------


def run_python(
    code: str, env: Mapping[str, str], *, timeout: float = 30.0, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with ``env`` (the repo on PYTHONPATH)."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"subprocess failed ({result.returncode}):\nstdout:\n{result.stdout}\n"
            f"stderr:\n{result.stderr}"
        )
    return result


def dunstctl(env: Mapping[str, str], *args: str) -> str:
    """Run ``dunstctl`` against the dunst in ``env``; returns its stdout."""
    result = subprocess.run(
        [require_binary("dunstctl"), *args],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    return result.stdout


def dunst_displayed(env: Mapping[str, str]) -> int:
    return int(dunstctl(env, "count", "displayed").strip())


def dunst_history(env: Mapping[str, str]) -> list[dict[str, object]]:
    """Notifications in dunst's history as plain dicts (summary, body, appname, id, ...)."""
    raw = json.loads(dunstctl(env, "history"))
    entries = raw["data"][0] if raw.get("data") else []
    return [{key: value["data"] for key, value in entry.items()} for entry in entries]


def wait_until(predicate: object, timeout: float = 5.0, interval: float = 0.02) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` passes; returns the last result."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():  # type: ignore[operator]
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


# --- pytest fixtures -----------------------------------------------------------------------------

DESKTOP_STARTUP: dict[str, float] = {}


@pytest.fixture(scope="session")
def desktop_env() -> Iterator[dict[str, str]]:
    """One desktop for the whole test session: bus, Xvfb, unlocked gnome-keyring, dunst, trayer."""
    started = time.perf_counter()
    with desktop_session() as env:
        DESKTOP_STARTUP["desktop_env"] = time.perf_counter() - started
        yield env


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A bare private session bus (nothing on it) with HOME in ``tmp_path``."""
    with dbus_session(tmp_path / "home") as env:
        yield env


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, secs in DESKTOP_STARTUP.items():
        terminalreporter.write_line(f"{name}: desktop services started in {secs:.2f} s")


# --- the StatusNotifierWatcher service (runs as ``python desktop.py sni-watcher``) -------------


def _serve_sni_watcher() -> None:
    from jeepney import (
        DBusAddress,
        HeaderFields,
        MessageType,
        new_error,
        new_method_return,
        new_signal,
    )
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    name = "org.kde.StatusNotifierWatcher"
    path = "/StatusNotifierWatcher"
    conn = open_dbus_connection("SESSION")
    conn.send_and_get_reply(message_bus.RequestName(name, 4))  # 4 = DO_NOT_QUEUE
    items: list[str] = []
    print("ready", flush=True)
    emitter = DBusAddress(path, interface=name)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        fields = msg.header.fields
        member = fields.get(HeaderFields.member)
        sender = str(fields.get(HeaderFields.sender, ""))
        props = {
            "IsStatusNotifierHostRegistered": ("b", True),
            "ProtocolVersion": ("i", 0),
            "RegisteredStatusNotifierItems": ("as", list(items)),
        }
        if member == "RegisterStatusNotifierItem":
            arg = str(msg.body[0])
            item = arg if not arg.startswith("/") else f"{sender}{arg}"
            items.append(item)
            conn.send(new_method_return(msg))
            conn.send(new_signal(emitter, "StatusNotifierItemRegistered", "s", (item,)))
            print(f"registered {item}", flush=True)
        elif member == "RegisterStatusNotifierHost":
            conn.send(new_method_return(msg))
        elif member == "Get":
            prop = str(msg.body[1])
            if prop in props:
                conn.send(new_method_return(msg, "v", (props[prop],)))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs"))
        elif member == "GetAll":
            conn.send(new_method_return(msg, "a{sv}", (props,)))
        elif member == "Introspect":
            conn.send(new_method_return(msg, "s", ("<node/>",)))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


def _main(argv: list[str]) -> int:
    if argv[:1] == ["sni-watcher"]:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        _serve_sni_watcher()
        return 0
    # By hand: start everything, print the environment, wait for Ctrl-C.
    with desktop_session() as env, sni_watcher(env):
        for key in (
            "DBUS_SESSION_BUS_ADDRESS",
            "DISPLAY",
            "HOME",
            "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
        ):
            print(f"export {key}='{env[key]}'")
        print("# desktop services running; Ctrl-C stops them", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
