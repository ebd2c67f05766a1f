"""What several benchmarks set up on the sandbox: an application, a number, small PDFs, faxes."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

FROM_NUMBER = "+12025550100"
TO_NUMBER = "+14155550123"  # not in the sandbox's failure table: delivered
SLOW_TO_NUMBER = "+12025550199"  # delivered, 20x slower: stays in flight for minutes


def pdf_bytes(pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER, invariant=True)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 720, f"FaxDesk benchmark page {n} of {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_application(client: Any, sandbox: Any, *, webhook_url: str | None = None) -> str:
    """A fax application with one number; returns its id (the connection_id)."""
    # Port 9 (discard) is closed on loopback: deliveries fail fast and nobody listens.
    fields = {"application_name": "Benchmarks",
              "webhook_event_url": webhook_url or "http://127.0.0.1:9/unused"}
    app_id = str(client.create_fax_application(fields).id)
    sandbox.state.add_phone_number(FROM_NUMBER, app_id)
    return app_id


def send_faxes(client: Any, app_id: str, count: int, *, to: str = TO_NUMBER) -> list[str]:
    """`count` faxes of one uploaded document, sent straight through the client."""
    media = client.upload_media(pdf_bytes(1), media_name=f"bench-{count}-{id(client)}.pdf")
    return [str(client.send_fax(connection_id=app_id, from_number=FROM_NUMBER, to=to,
                                media_name=media.media_name).id) for _ in range(count)]


def run_load_child(mode: str, *, history: int, timeout: float = 900,
                   latency: float = 0.0) -> dict[str, Any]:
    """Run `_gui_load.py MODE` against a sandbox in this process holding `history` faxes (each
    answer delayed by `latency` seconds, as over a real network); returns the child's JSON (see
    that module)."""
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from common import BENCH_DIR, child_env

    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(seed_history=history, rate_limit=1_000_000) as sandbox, \
            tempfile.TemporaryDirectory() as home:
        sandbox.faults.latency = latency
        out = Path(home) / "out.json"
        env = child_env(FAXDESK_HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
                        XDG_CACHE_HOME=home, FAXDESK_BENCH_URL=sandbox.base_url,
                        FAXDESK_BENCH_KEY=sandbox.api_key, FAXDESK_BENCH_EXPECT=str(history),
                        FAXDESK_BENCH_OUT=str(out))
        proc = subprocess.run([sys.executable, str(BENCH_DIR / "_gui_load.py"), mode], env=env,
                              capture_output=True, text=True, timeout=timeout)
        if not out.exists():
            raise RuntimeError(f"_gui_load.py {mode} wrote no result:\n{proc.stderr[-4000:]}")
        result: dict[str, Any] = json.loads(out.read_text())
        result["requests"] = len(sandbox.request_log)
        return result


class ExternalSandbox:
    """A sandbox in its own process (so its work never shares this process's GIL)."""

    def __init__(self, history: int = 0) -> None:
        self.history = history
        self.base_url = self.api_key = ""
        self.proc: Any = None

    def __enter__(self) -> ExternalSandbox:
        import subprocess
        import sys

        from common import BENCH_DIR, child_env

        self.proc = subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "_sandbox_process.py"), str(self.history)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=child_env())
        for line in self.proc.stdout:
            key, _, value = line.strip().partition(" ")
            if key == "BASE_URL":
                self.base_url = value
            elif key == "API_KEY":
                self.api_key = value
            if self.base_url and self.api_key:
                break
        if not (self.base_url and self.api_key):
            self.proc.kill()
            raise RuntimeError("the sandbox did not start")
        return self

    def control(self, path: str, body: dict[str, Any]) -> None:
        import httpx

        root = self.base_url.removesuffix("/v2")
        httpx.post(f"{root}/_sandbox/{path}", json=body, timeout=10).raise_for_status()

    def __exit__(self, *exc: object) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
