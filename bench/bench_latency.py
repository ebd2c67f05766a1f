"""Status latency: from the sandbox changing a fax's status to the main window's table model
showing it, by polling alone and with the engine's webhook listener (target: p50 < 100 ms with
webhooks).

The sandbox (real clock) runs in this process and records the moment of every change; the window
and engine run in a child that sends faxes through its outbox and records when each status first
appears in the table model (the model is what the table paints from; painting follows on the next
frame). The status `queued` is left out: it comes back in the response to FaxDesk's own request.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from common import (
    BENCH_DIR,
    Report,
    child_env,
    free_port,
    is_quick,
    percentile,
    require,
    run_standalone,
)
from fixtures import FROM_NUMBER, make_application

TARGET_MS = 100.0


class _Sink(BaseHTTPRequestHandler):
    """Where webhooks go in the polling-only run: accepted and dropped."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def measure(webhooks: bool, count: int, speed: float) -> tuple[list[float], int, int, str]:
    """Latencies (ms) of every status change shown, changes never shown, faxes finished, and
    where it was measured to ("table", or "engine" in a checkout without the window)."""
    from faxdesk.api.client import TelnyxClient
    from faxdesk.sandbox.server import SandboxServer

    changed: dict[tuple[str, str], float] = {}
    sink = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        with SandboxServer(speed=speed) as sandbox, tempfile.TemporaryDirectory() as home:
            forward = sandbox.state.event_sink

            def record(events: list[Any]) -> None:  # called the moment the state changes
                now = time.time()
                for event in events:
                    payload = event.payload
                    changed.setdefault((payload["fax_id"], payload["status"]), now)
                if forward is not None:
                    forward(events)

            sandbox.state.event_sink = record
            port = free_port()
            url = (f"http://127.0.0.1:{port}/webhooks/telnyx" if webhooks
                   else f"http://127.0.0.1:{sink.server_address[1]}/hook")
            client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url)
            app_id = make_application(client, sandbox, webhook_url=url)
            client.close()
            out = Path(home) / "out.json"
            extra = {"FAXDESK_HOME": home, "XDG_CONFIG_HOME": home,
                     "FAXDESK_BENCH_URL": sandbox.base_url, "FAXDESK_BENCH_KEY": sandbox.api_key,
                     "FAXDESK_BENCH_APP": app_id, "FAXDESK_BENCH_FROM": FROM_NUMBER,
                     "FAXDESK_BENCH_COUNT": str(count), "FAXDESK_BENCH_OUT": str(out)}
            if webhooks:
                extra |= {"FAXDESK_BENCH_WEBHOOK_PORT": str(port),
                          "FAXDESK_BENCH_PUBLIC_KEY": sandbox.public_key_b64}
            proc = subprocess.run([sys.executable, str(BENCH_DIR / "_gui_latency.py")],
                                  env=child_env(**extra), capture_output=True, text=True,
                                  timeout=180)
            if not out.exists():
                raise RuntimeError(f"_gui_latency.py wrote no result:\n{proc.stderr[-4000:]}")
            result = json.loads(out.read_text())
    finally:
        sink.shutdown()
        sink.server_close()
    shown = {(f, s): t for f, s, t in result["shown"]}
    latencies = [(shown[key] - t) * 1000 for key, t in changed.items()
                 if key in shown and key[1] != "queued"]
    missed = sum(1 for key in changed if key not in shown and key[1] != "queued")
    return latencies, missed, int(result["final"]), str(result.get("to", "table"))


def main() -> Report:
    require("faxdesk.core.engine")  # without the window: measured to the engine's event

    # --quick runs the sandbox's lifecycle 3x faster: shorter, and polling shows fewer changes.
    count, speed = (3, 3.0) if is_quick() else (10, 1.0)
    report = Report(f"Status latency: sandbox change -> table model ({count} faxes sent, "
                    f"1 page each, sandbox speed {speed:g}x)")
    # --quick: the webhook figure only (the polling run is the slow one, up to 5 s per change).
    for webhooks in (True,) if is_quick() else (True, False):
        lat, missed, final, to = measure(webhooks, count, speed)
        if to != "table":
            report.title = report.title.replace("table model", "engine event")
        label = ("webhook" if webhooks else "polling only") + (
            "" if to == "table" else " (to the engine's event: no window in this checkout)")
        note = (f"{len(lat)} changes; {missed} never shown (overtaken between polls); "
                f"{final}/{count} faxes finished")
        if webhooks:
            p50 = percentile(lat, 50)
            report.add(f"{label}: p50", p50, "ms", target=f"< {TARGET_MS:g} ms",
                       met=p50 < TARGET_MS, note=note)
        else:
            report.add(f"{label}: p50", percentile(lat, 50), "ms", note=note)
        report.add(f"{label}: p90", percentile(lat, 90), "ms")
        report.add(f"{label}: max", max(lat, default=float("nan")), "ms")
    report.note("Polling runs every 5 s while a fax is in flight (SyncConfig.fast_interval), so "
                "its latency is spread over 0-5 s; a status that lasts less than one interval "
                "may never be shown.")
    return report


if __name__ == "__main__":
    run_standalone("latency", main)
