"""Sending: 100 faxes prepared and submitted through FaxDesk's outbox to the sandbox, time per
fax, against the bare client doing the same two requests per fax (upload + create) on 1 and on 4
threads. The outbox runs up to four sends at once, as many as the rate-limit headers allow
(target at +50 ms: at most 40 ms per fax).

Two networks: loopback as it is, and with 50 ms added to every API response (the sandbox's latency
fault) as a stand-in for the round trip to Telnyx. The sandbox runs in its own process.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import Report, is_quick, require, run_standalone
from fixtures import FROM_NUMBER, TO_NUMBER, ExternalSandbox, pdf_bytes

PAGES = 3
TARGET_MS = 40.0  # per fax at +50 ms per answer


def outbox_run(sandbox: ExternalSandbox, app_id: str,
               count: int) -> tuple[float, float, float, int]:
    """(seconds to prepare all, seconds to submit all, seconds from the first submit until
    every one has a fax id on Telnyx, most sends in flight at once). The engine is opened as
    the window and the command line open it (`open_engine`, default settings), against the
    sandbox's address."""
    from faxdesk.core.opening import BASE_URL_ENV, open_engine
    from faxdesk.core.sending import Recipient, SendRequest, prepare_send
    from faxdesk.core.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "letter.pdf"
        pdf.write_bytes(pdf_bytes(PAGES))
        work = Path(tmp) / "prepared"
        work.mkdir()
        request = SendRequest(documents=(pdf,), recipients=(Recipient(TO_NUMBER),),
                              connection_id=app_id, from_number=FROM_NUMBER)
        # What the send dialog and `faxdesk send` do before the journal: intake, checks, merge.
        start = time.perf_counter()
        prepared = [prepare_send(request, work).faxes[0] for _ in range(count)]
        prepare_time = time.perf_counter() - start
        opened = open_engine(Settings(), "account", Path(tmp) / "data",
                             api_key=sandbox.api_key, env={BASE_URL_ENV: sandbox.base_url})
        engine = opened.engine
        engine.start()
        try:
            start = time.perf_counter()
            ids = [engine.submit(fax) for fax in prepared]
            submitted = time.perf_counter() - start
            deadline = start + 600
            pending = set(ids)
            while pending and time.perf_counter() < deadline:
                for jid in list(pending):
                    entry = engine.journal_entry(jid)
                    if entry is not None and (entry.fax_id or entry.state == "rejected"):
                        pending.discard(jid)
                time.sleep(0.01)
            created = time.perf_counter() - start
            if pending:
                raise RuntimeError(f"{len(pending)} faxes never created")
            # (A tree from before parallel sends has no gate: one at a time.)
            peak = getattr(getattr(engine.outbox, "gate", None), "peak", 1)
        finally:
            opened.close()
    return prepare_time, submitted, created, peak


def client_run(sandbox: ExternalSandbox, app_id: str, count: int, workers: int) -> float:
    """Seconds for the bare client to upload + create `count` faxes on `workers` threads."""
    from faxdesk.api.client import TelnyxClient

    document = pdf_bytes(PAGES)
    clients = [TelnyxClient(sandbox.api_key, base_url=sandbox.base_url) for _ in range(workers)]

    def one(i: int) -> None:
        client = clients[i % workers]
        media = client.upload_media(document, media_name=f"rival-{uuid.uuid4()}.pdf")
        client.send_fax(connection_id=app_id, from_number=FROM_NUMBER, to=TO_NUMBER,
                        media_name=media.media_name)

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - start
    for client in clients:
        client.close()
    return elapsed


def main() -> Report:
    from faxdesk.api.client import TelnyxClient
    require("faxdesk.core.engine")

    count = 10 if is_quick() else 100
    report = Report(f"Sending {count} faxes ({PAGES} pages each) through the outbox")
    with ExternalSandbox() as sandbox:
        client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url)
        app_id = str(client.create_fax_application(
            {"application_name": "Sending benchmark",
             "webhook_event_url": "http://127.0.0.1:9/unused"}).id)
        client.close()
        for latency in (0.0, 0.05):
            sandbox.control("faults", {"latency": latency})
            net = "loopback" if not latency else f"+{latency * 1000:.0f} ms per response"
            prepared, submitted, created, peak = outbox_run(sandbox, app_id, count)
            one = client_run(sandbox, app_id, count, 1)
            four = client_run(sandbox, app_id, count, 4)
            report.add(f"{net}: prepare (local, per fax)", prepared / count * 1000, "ms",
                       note="intake, number and limit checks, the PDF built for the fax")
            report.add(f"{net}: submit (local, per fax)", submitted / count * 1000, "ms",
                       note="journal + copy of the PDF; no network on the caller's thread")
            per_fax = created / count * 1000
            report.add(f"{net}: outbox, per fax", per_fax, "ms",
                       target=f"<= {TARGET_MS:g} ms" if latency else "",
                       met=per_fax <= TARGET_MS if latency else None,
                       note=f"all {count} created on Telnyx in {created:.1f} s; "
                            f"up to {peak} in flight")
            report.add(f"{net}: bare client, 1 thread, per fax", one / count * 1000, "ms")
            report.add(f"{net}: bare client, 4 threads, per fax", four / count * 1000, "ms",
                       note=f"{one / four:.1f}x faster than 1 thread")
    report.note("The outbox runs up to 4 sends at once (one journal entry each, so the "
                "exactly-once rules hold per entry), rising from 1 as the API's rate-limit "
                "headers allow.")
    return report


if __name__ == "__main__":
    run_standalone("sending", main)
