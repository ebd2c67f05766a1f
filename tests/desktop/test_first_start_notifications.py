"""No burst of notifications for faxes FaxDesk finds when it starts: the real `faxdesk` on Xvfb
with a private D-Bus and dunst, counting what dunst receives.

- On the account (a sandbox server standing in for Telnyx, with 14 days of history): a first
  start, then a restart after a fax arrived while FaxDesk was closed. Neither start announces
  anything it found; a fax that arrives while it runs is announced, once.
- On `faxdesk --sandbox`, twice: each start is a first start of a fresh sandbox whose history
  holds received faxes days old; only the demo's fax arriving while it runs is announced.

"Nothing else was announced" is checked after a later fax's notification has arrived: the window
handles received faxes in the order they were downloaded, so once the later one is shown, any
notification for the earlier ones would have been sent already.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.store import DB_NAME
from tests.support.desktop import dbus_session, dunst, dunst_history, dunstctl, wait_until, xvfb

pytestmark = [pytest.mark.desktop, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
FRONT_DESK = "+12025550100"


@pytest.fixture(scope="module")
def desk() -> Iterator[dict[str, str]]:
    """A session bus, an X server and dunst (no tray host: notifications need none)."""
    with dbus_session() as env, xvfb(env) as env, dunst(env) as env:
        yield env


def _notifications(env: Mapping[str, str]) -> list[dict[str, object]]:
    """Everything dunst received so far: the ones on screen are closed into its history."""
    for _ in range(20):
        counts = [int(dunstctl(env, "count", kind).strip()) for kind in ("displayed", "waiting")]
        if not any(counts):
            break
        dunstctl(env, "close-all")
    return sorted(dunst_history(env), key=lambda e: int(str(e["id"])))


def _since(env: Mapping[str, str], first_id: int) -> list[tuple[str, str]]:
    return [(str(e["summary"]), str(e["body"])) for e in _notifications(env)
            if int(str(e["id"])) >= first_id]


def _next_id(env: Mapping[str, str]) -> int:
    seen = _notifications(env)
    return int(str(seen[-1]["id"])) + 1 if seen else 0


def _faxdesk(env: Mapping[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "faxdesk", *args], env=dict(env), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _quit(proc: subprocess.Popen[str]) -> None:
    """What logging out does: SIGTERM; FaxDesk quits cleanly."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


def _downloaded(folder: Path) -> set[tuple[str, str]]:
    """(fax id, sender) of the received faxes FaxDesk has on disk, read from its store."""
    for db in folder.glob(f"**/{DB_NAME}"):
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                rows = conn.execute(
                    "SELECT id, from_number FROM faxes WHERE direction = 'inbound' "
                    "AND status = 'received' AND download_state = 'done'").fetchall()
        except sqlite3.Error:
            return set()
        return {(str(r[0]), str(r[1])) for r in rows}
    return set()


def _received_on(server: Any) -> set[str]:
    return {f.id for f in server.state.faxes.values()
            if f.direction == "inbound" and f.status == "received"}


def _arriving(server: Any) -> bool:
    return any(f.direction == "inbound" and f.status in ("initiated", "receiving",
                                                           "media.processing")
               for f in server.state.faxes.values())


def _received_notice(sender: str, pages: int) -> tuple[str, str]:
    words = "1 page" if pages == 1 else f"{pages} pages"
    return ("Fax received", f"{words} from {sender}.")


def test_starting_on_the_account_announces_only_what_arrives_while_it_runs(
    desk: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faxdesk.core.settings import Settings, save_settings
    from faxdesk.sandbox.server import SandboxServer

    server = SandboxServer(demo=True).start()  # 14 days of history, on a real clock
    home = tmp_path / "home"
    monkeypatch.setenv("FAXDESK_HOME", str(home))
    save_settings(Settings(first_run_done=True, api_base_url=server.base_url,
                           poll_fast_secs=1, poll_slow_secs=1, key_storage="session"))
    env = {**desk, "FAXDESK_HOME": str(home), "FAXDESK_API_KEY": server.api_key,
           "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
    app = None
    try:
        # The demo's own arriving fax lands before FaxDesk ever runs: all of it is history.
        assert wait_until(lambda: not _arriving(server), timeout=60)
        history = _received_on(server)
        assert len(history) >= 5

        # First start: the history is synced and downloaded, and nothing is announced.
        first = _next_id(desk)
        app = _faxdesk(env)
        assert wait_until(lambda: {i for i, _ in _downloaded(home)} >= history, timeout=60), \
            app.stderr.read() if app.poll() is not None and app.stderr else ""
        live = "+16175550111"
        server.receive_inbound(from_number=live, to=FRONT_DESK, pages=1)
        assert wait_until(lambda: _received_notice(live, 1) in _since(desk, first), timeout=60)
        assert _since(desk, first) == [_received_notice(live, 1)]
        _quit(app)
        app = None

        # A fax arrives while FaxDesk is closed: at the next start it is in the list, unread.
        while_closed = "+16175550122"
        server.receive_inbound(from_number=while_closed, to=FRONT_DESK, pages=2)
        assert wait_until(lambda: not _arriving(server), timeout=60)

        # Restart: it and the history are found, and nothing is announced.
        restart = _next_id(desk)
        app = _faxdesk(env)
        assert wait_until(lambda: while_closed in {s for _, s in _downloaded(home)}, timeout=60)
        live_again = "+16175550133"
        server.receive_inbound(from_number=live_again, to=FRONT_DESK, pages=1)
        assert wait_until(lambda: _received_notice(live_again, 1) in _since(desk, restart),
                          timeout=60)
        assert _since(desk, restart) == [_received_notice(live_again, 1)]
    finally:
        if app is not None:
            _quit(app)
        server.stop()


def test_each_sandbox_start_announces_only_the_fax_arriving_while_it_runs(
    desk: dict[str, str], tmp_path: Path,
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**desk, "FAXDESK_HOME": str(tmp_path / "home"), "TMPDIR": str(scratch),
           "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
    os.makedirs(env["FAXDESK_HOME"], exist_ok=True)
    for start in ("first start", "restart"):
        first = _next_id(desk)
        app = _faxdesk(env, "--sandbox")
        try:
            # The demo sandbox's history holds received faxes days old; one more arrives a few
            # seconds after it starts.
            title, body = _received_notice("+16175550134", 2)
            arriving = (f"Sandbox: {title}", body)  # a sandbox's notices say so
            assert wait_until(lambda a=arriving, f=first: a in _since(desk, f), timeout=90), start
            old = {i for i, s in _downloaded(scratch) if s != "+16175550134"}
            assert len(old) >= 3, start  # the history was downloaded before it
            notices = _since(desk, first)
            assert notices == [arriving], (start, notices)
        finally:
            _quit(app)
