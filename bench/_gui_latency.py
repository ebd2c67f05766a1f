"""Child process of bench_latency: the real main window and engine send faxes through the outbox
to a sandbox in the parent's process and record when the table model first shows each status.

Environment: FAXDESK_BENCH_URL, FAXDESK_BENCH_KEY, FAXDESK_BENCH_APP (connection id),
FAXDESK_BENCH_FROM, FAXDESK_BENCH_COUNT (faxes to send), FAXDESK_BENCH_OUT (JSON written here),
and for webhooks FAXDESK_BENCH_WEBHOOK_PORT + FAXDESK_BENCH_PUBLIC_KEY (the engine's listener
binds that port; the parent pointed the application's webhook URL at it).
Output: {"shown": [[fax_id, status, unix_time], ...], "final": n, "to": "table" | "engine"}
(fax_id: Telnyx's, as the parent's sandbox reports it; a send's row id is `send:<journal id>`).
Without the window in the checkout it measures to the engine's `FaxChanged` event instead (and
says so in "to").
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fixtures import TO_NUMBER, pdf_bytes
from PySide6.QtCore import QModelIndex, QSettings, QTimer
from PySide6.QtWidgets import QApplication

FINAL = ("delivered", "failed")


def make_engine(tmp: Path) -> Any:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.engine import EngineConfig, FaxEngine

    env = os.environ
    port = env.get("FAXDESK_BENCH_WEBHOOK_PORT")
    client = TelnyxClient(env["FAXDESK_BENCH_KEY"], base_url=env["FAXDESK_BENCH_URL"])
    config = (EngineConfig(webhook_enabled=True, webhook_port=int(port),
                           webhook_public_key=env["FAXDESK_BENCH_PUBLIC_KEY"])
              if port else EngineConfig())
    return FaxEngine(tmp / "data", lambda: client, config)


def request(pdf: Path) -> Any:
    """One send as the dialog makes it: the core prepares it, then the outbox queues it."""
    from faxdesk.core.sending import Recipient, SendRequest

    env = os.environ
    return SendRequest(documents=(pdf,), recipients=(Recipient(TO_NUMBER),),
                       connection_id=env["FAXDESK_BENCH_APP"],
                       from_number=env["FAXDESK_BENCH_FROM"])


def engine_only(out: Path, count: int) -> None:
    """No window in this checkout: the time the engine publishes the change."""
    from faxdesk.core.events import FaxChanged

    tmp = Path(tempfile.mkdtemp(prefix="faxdesk-bench-"))
    engine = make_engine(tmp)
    seen: dict[tuple[str, str], float] = {}
    final: set[str] = set()

    def changed(event: FaxChanged) -> None:
        if event.new_status is not None:
            seen.setdefault((event.fax_id, str(event.new_status)), time.time())
            if event.new_status in FINAL:
                final.add(event.fax_id)

    engine.events.subscribe(changed, FaxChanged)
    engine.start()
    pdf = tmp / "letter.pdf"
    pdf.write_bytes(pdf_bytes(1))
    time.sleep(1.0)
    for _ in range(count):
        engine.send(request(pdf))
        time.sleep(0.7)
    deadline = time.monotonic() + 120
    while len(final) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    engine.stop()
    out.write_text(json.dumps({"shown": [[f, s, t] for (f, s), t in seen.items()],
                               "final": len(final), "to": "engine"}))


def main() -> None:
    env = os.environ
    count = int(env["FAXDESK_BENCH_COUNT"])
    out = Path(env["FAXDESK_BENCH_OUT"])
    try:
        from faxdesk.ui.main_window import MainWindow
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("faxdesk.ui"):
            raise
        engine_only(out, count)
        return
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="faxdesk-bench-"))
    engine = make_engine(tmp)
    window = MainWindow(engine,
                        state=QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat))
    window.show()
    model = window.model
    seen: dict[tuple[str, str], float] = {}
    final: set[str] = set()
    pdf = tmp / "letter.pdf"
    pdf.write_bytes(pdf_bytes(1))
    started = time.monotonic()

    def look(first: int, last: int) -> None:
        now = time.time()
        for row in range(first, last + 1):
            fax = model.item(row)
            if fax.fax_id is None:
                continue  # a send Telnyx has not created yet: no status of its own
            seen.setdefault((fax.fax_id, str(fax.status)), now)
            if fax.status in FINAL:
                final.add(fax.fax_id)
        if len(final) >= count:
            finish()

    def changed(top: QModelIndex, bottom: QModelIndex, *_: Any) -> None:
        look(top.row(), bottom.row())

    def inserted(_parent: QModelIndex, first: int, last: int) -> None:
        look(first, last)

    model.dataChanged.connect(changed)
    model.rowsInserted.connect(inserted)
    done = False

    def finish() -> None:
        nonlocal done
        if done:
            return
        done = True
        out.write_text(json.dumps({"shown": [[f, s, t] for (f, s), t in seen.items()],
                                   "final": len(final)}))
        window.shutdown()
        app.quit()

    sent = 0

    def send_next() -> None:
        nonlocal sent
        if sent < count:
            # Staggered, as a user sends them, so the changes do not all fall on one poll;
            # prepared on the worker, as the send dialog does.
            window.worker.submit(engine.send, request(pdf))
            sent += 1
            QTimer.singleShot(700, send_next)

    def watchdog() -> None:
        if time.monotonic() - started > 120:
            finish()
        elif not done:
            QTimer.singleShot(500, watchdog)

    window.start()
    QTimer.singleShot(1000, send_next)
    QTimer.singleShot(500, watchdog)
    app.exec()


if __name__ == "__main__":
    main()
