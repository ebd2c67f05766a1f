"""`python -m faxdesk sandbox` as a user runs it: prints URL, key and public key, serves a full
send over plain HTTP, signs webhooks with the printed key, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from nacl.signing import VerifyKey

from tests.support.pdfs import pdf_bytes

REPO = Path(__file__).resolve().parents[2]


def start(*args: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "faxdesk", "sandbox", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=REPO)
    info: dict[str, str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
        if line.startswith("Press Ctrl-C"):
            break
    return proc, info


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGINT) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return proc.returncode, out


@pytest.mark.slow
def test_standalone_sandbox_end_to_end(receiver):
    proc, info = start("--port", "0", "--speed", "50")
    try:
        base, key, public = info["Base URL"], info["API key"], info["Webhook public key"]
        assert base.startswith("http://127.0.0.1:") and base.endswith("/v2")
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"},
                          trust_env=False, timeout=10) as api:
            app = api.post("/fax_applications", json={
                "application_name": "CLI office",
                "webhook_event_url": receiver.url + "/hooks"}).json()["data"]
            media = api.post("/media", files={"media": ("letter.pdf", pdf_bytes(2),
                                                        "application/pdf")}).json()["data"]
            fax = api.post("/faxes", json={"connection_id": app["id"], "from": "+12025550100",
                                           "to": "+14155550123",
                                           "media_name": media["media_name"]})
            assert fax.status_code == 202
            fax_id = fax.json()["data"]["id"]
            status = "queued"
            for _ in range(200):
                status = api.get(f"/faxes/{fax_id}").json()["data"]["status"]
                if status == "delivered":
                    break
                time.sleep(0.05)
            assert status == "delivered"
        for _ in range(100):
            if len(receiver.hits) >= 4:
                break
            time.sleep(0.05)
        verify_key = VerifyKey(base64.b64decode(public))
        for hit in receiver.hits:
            signature = base64.b64decode(hit.headers["telnyx-signature-ed25519"])
            verify_key.verify(hit.headers["telnyx-timestamp"].encode() + b"|" + hit.body,
                              signature)
        assert [h.json()["data"]["event_type"] for h in receiver.hits][-1] == "fax.delivered"
    finally:
        code, out = stop(proc)
    assert code == 0 and "Stopping the sandbox" in out


def test_demo_and_fixed_key(tmp_path):
    proc, info = start("--port", "0", "--demo", "--api-key", "KEYfixed")
    try:
        assert info["API key"] == "KEYfixed"
        with httpx.Client(base_url=info["Base URL"], trust_env=False, timeout=10,
                          headers={"Authorization": "Bearer KEYfixed"}) as api:
            apps = api.get("/fax_applications").json()["data"]
            assert {a["application_name"] for a in apps} == {"Front desk", "Billing"}
    finally:
        code, out = stop(proc, signal.SIGTERM)
    assert code == 0 and "Stopping the sandbox" in out  # SIGTERM stops as cleanly as Ctrl-C


def test_port_in_use_is_reported():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        env = dict(os.environ, PYTHONPATH=str(REPO))
        result = subprocess.run([sys.executable, "-m", "faxdesk", "sandbox", "--port", str(port)],
                                capture_output=True, text=True, env=env, timeout=30, cwd=REPO)
    assert result.returncode == 1
    assert "Cannot start the sandbox" in result.stderr
