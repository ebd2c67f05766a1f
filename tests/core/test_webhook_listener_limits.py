"""The webhook listener's edges: a taken port never stops syncing and says what to do; only the
documented path takes deliveries; absurd timestamps are refused, not crashed on; stalled clients
are cut off; and nothing is printed for a request."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.events import ListenerFailed, SyncStateChanged
from faxdesk.core.settings import Settings
from faxdesk.core.sync import SyncConfig
from faxdesk.core.webhook_listener import WEBHOOK_PATH, ListenerStartError, WebhookListener
from faxdesk.webhooks import StaleTimestampError, verify_webhook

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port another program is listening on."""
    with socket.create_server(("127.0.0.1", 0)) as other:
        yield other.getsockname()[1]


@pytest.fixture
def listener(sandbox: Any, engine: FaxEngine) -> Iterator[WebhookListener]:
    hooks = WebhookListener(engine.store, engine.events, sandbox.public_key_b64,
                            read_timeout=0.5).start()
    yield hooks
    hooks.stop()


def signed(sandbox: Any, body: bytes, timestamp: str | None = None) -> dict[str, str]:
    stamp = timestamp or str(int(time.time()))
    return {"telnyx-timestamp": stamp,
            "telnyx-signature-ed25519": sandbox.webhooks.sign(stamp, body)}


def delivery(fax_id: str = "7c6a2d2b-6a4e-4bfa-9d6b-6f1f3e1c2a10") -> bytes:
    return json.dumps({"data": {
        "event_type": "fax.delivered", "id": str(uuid.uuid4()), "record_type": "event",
        "occurred_at": "2026-11-26T12:00:00.000000Z",
        "payload": {"fax_id": fax_id, "status": "delivered", "direction": "outbound"}},
        "meta": {"attempt": 1}}).encode()


# --- a taken port -------------------------------------------------------------------------------


def test_a_taken_port_is_a_message_with_the_port_and_the_fix(
    sandbox: Any, engine: FaxEngine, taken_port: int, capfd: pytest.CaptureFixture[str]
) -> None:
    hooks = WebhookListener(engine.store, engine.events, sandbox.public_key_b64,
                            port=taken_port)
    with pytest.raises(ListenerStartError) as info:
        hooks.start()
    message = str(info.value)
    assert f"port {taken_port} is already in use" in message
    assert "Settings" in message and "another port" in message
    assert "Errno" not in message and "Error" not in message
    assert info.value.port == taken_port
    assert capfd.readouterr().err == ""  # werkzeug printed here, then called sys.exit(1)
    hooks.stop()  # harmless after a failed start


def test_a_taken_port_never_stops_syncing(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str, taken_port: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = EngineConfig(sync=SyncConfig(fast_interval=0.05, slow_interval=0.05),
                          webhook_enabled=True, webhook_public_key=sandbox.public_key_b64,
                          webhook_port=taken_port)
    engine = make_engine(config=config)
    failures: list[ListenerFailed] = []
    synced = threading.Event()
    engine.events.subscribe(failures.append, ListenerFailed)
    engine.events.subscribe(lambda e: e.last_sync and synced.set(), SyncStateChanged)
    fax_id = sandbox.receive_inbound(from_number="+16175550134", to="+12025550100")
    with caplog.at_level(logging.WARNING, logger="faxdesk.core.engine"):
        engine.start()
    assert synced.wait(10), "the sync thread runs although the listener could not start"
    deadline = time.monotonic() + 10
    while engine.store.get_fax(fax_id) is None and time.monotonic() < deadline:
        synced.clear()
        synced.wait(1)
    assert engine.store.get_fax(fax_id) is not None  # found by polling
    assert engine.listener is None
    (failure,) = failures
    assert failure.port == taken_port and f"port {taken_port}" in failure.message
    assert engine.listener_problem == failure.message
    assert [r.getMessage() for r in caplog.records] == [failure.message]


def test_the_default_port_is_one_nothing_else_here_uses() -> None:
    port = Settings().webhook_port
    assert port != 8765
    assert not 32768 <= port <= 60999  # Linux's range for outgoing connections
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    texts += [p for p in sorted((ROOT / "faxdesk").rglob("*.py"))
              if p.name != "settings.py"]
    used = [p.name for p in texts if str(port) in p.read_text(encoding="utf-8")]
    assert used == []


# --- deliveries -----------------------------------------------------------------------------------


def test_deliveries_are_taken_on_the_documented_path_only(
    sandbox: Any, engine: FaxEngine, listener: WebhookListener
) -> None:
    body = delivery()
    base = f"http://127.0.0.1:{listener.port}"
    for path in ("/", "/hooks", "/webhooks/telnyx/extra", "/webhooks", "/WEBHOOKS/TELNYX"):
        reply = httpx.post(base + path, content=body, headers=signed(sandbox, body), timeout=5)
        assert reply.status_code == 404, path
    assert listener.last_valid_at is None  # none of them counted as a delivery
    reply = httpx.post(base + WEBHOOK_PATH, content=body, headers=signed(sandbox, body),
                       timeout=5)
    assert reply.status_code == 200
    assert listener.url == base + WEBHOOK_PATH


@pytest.mark.parametrize("timestamp", ["9" * 5000, "1" + "0" * 20, "0" * 4999 + "1"])
def test_a_signed_absurd_timestamp_is_refused_not_a_server_error(
    sandbox: Any, listener: WebhookListener, timestamp: str
) -> None:
    body = delivery()
    reply = httpx.post(listener.url, content=body, headers=signed(sandbox, body, timestamp),
                       timeout=5)
    assert reply.status_code == 403  # far in the future, or (the last one) in 1970
    with pytest.raises(StaleTimestampError):
        verify_webhook(body, signed(sandbox, body, timestamp), sandbox.public_key_b64)


def test_stalled_clients_are_cut_off(sandbox: Any, listener: WebhookListener) -> None:
    """Each stalled connection holds a thread: the read timeout (0.5 s here) releases it."""
    stalled = []
    for _ in range(30):
        sock = socket.create_connection(("127.0.0.1", listener.port), timeout=10)
        sock.sendall(b"POST " + WEBHOOK_PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n")
        stalled.append(sock)
    try:
        body = delivery()
        reply = httpx.post(listener.url, content=body, headers=signed(sandbox, body), timeout=5)
        assert reply.status_code == 200  # served meanwhile
        for sock in stalled:  # the server closes each one; recv waits for that, bounded
            assert sock.recv(65536) == b""
    finally:
        for sock in stalled:
            sock.close()


def test_no_request_is_logged_above_debug(
    sandbox: Any, listener: WebhookListener, caplog: pytest.LogCaptureFixture
) -> None:
    body = delivery()
    with caplog.at_level(logging.DEBUG):
        httpx.post(listener.url, content=body, headers=signed(sandbox, body), timeout=5)
        httpx.get(listener.url, timeout=5)
        httpx.post(listener.url, content=b"x", timeout=5)
        with socket.create_connection(("127.0.0.1", listener.port), timeout=10) as sock:
            sock.sendall(b"POST / HTTP/1.1\r\n")
            assert sock.recv(100) == b""  # timed out by the server
    loud = [r for r in caplog.records if r.levelno > logging.DEBUG and r.name != "httpx"]
    assert loud == []
    assert not [r for r in caplog.records if r.name == "werkzeug"]


def test_a_running_listener_prints_nothing(sandbox: Any, tmp_path: Path) -> None:
    """In a real process (no pytest logging in the way) werkzeug would print each request."""
    code = f"""
import httpx
from pathlib import Path
from faxdesk.core.events import EventHub
from faxdesk.core.store import Store
from faxdesk.core.webhook_listener import WebhookListener
store = Store(Path({str(tmp_path / "data")!r}))
hooks = WebhookListener(store, EventHub(), {sandbox.public_key_b64!r}).start()
print(httpx.get(hooks.url).status_code, httpx.post(hooks.url, content=b"x").status_code)
hooks.stop(); store.close()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["405", "400"]
    assert done.stderr == ""
