"""A real FaxDesk process for the crash test: sends (or resumes) through the engine's outbox and,
when told, stops dead at one journal step so the test can SIGKILL it there.

    python crash_driver.py send DATA_DIR PDF TO FROM APP_ID COUNT [STEP:NTH]
    python crash_driver.py resume DATA_DIR
    python crash_driver.py send-parallel DATA_DIR PDF TO FROM APP_ID OFFSET
    python crash_driver.py resume-parallel DATA_DIR

The sandbox's address comes from FAXDESK_BASE_URL and the key from FAXDESK_API_KEY (never argv).
Prints `AT <step> <journal id>` when the NTH send reaches STEP, and `DONE <json>` when finished.

`send-parallel` runs the engine's own outbox workers, four sends in flight: four sends go through
first (so the rate-limit headers have let the outbox up to four at once), then five more are
queued; four of them stop at four different steps at the same time (`WORKER_STEPS`, starting at
OFFSET) and the fifth waits for a worker. It prints `AT PARALLEL <ids>` with all four stopped.
`resume-parallel` starts the engine (outbox workers in parallel) and waits until every entry is
tracking its fax.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.records import JournalEntry
from faxdesk.core.sending import Recipient, SendRequest

#: The steps an outbox worker passes (`prepared` happens on the submitting thread).
WORKER_STEPS = ("media_uploading", "media_uploaded", "fax_creating", "fax_created", "tracking")
FIRST, THEN = 4, 5


def _wait(engine: FaxEngine, done: Callable[[list[JournalEntry]], bool]) -> None:
    deadline = time.monotonic() + 60
    while not done(engine.store.journal_entries()):
        if time.monotonic() > deadline:
            raise SystemExit("the sends did not get there in 60 s")
        time.sleep(0.02)


def parallel(mode: str, argv: list[str], engine_for: Callable[..., FaxEngine]) -> int:
    data_dir = Path(argv[1])
    if mode == "resume-parallel":
        engine = engine_for(data_dir)
        engine.start()
        try:
            _wait(engine, lambda es: all(e.state == "tracking" for e in es))
            states = {e.id: [e.state, e.fax_id] for e in engine.store.journal_entries()}
            print("DONE " + json.dumps(states), flush=True)
        finally:
            engine.stop()
        return 0
    pdf, to, from_number, app_id, offset = argv[2:7]
    paused: set[int] = set()
    lock = threading.Lock()
    all_queued = threading.Event()
    reached = threading.Event()

    def hook(step: str, entry: JournalEntry) -> None:
        k = entry.id - FIRST - 1  # the sends queued after the first four
        if not 0 <= k < FIRST or step != WORKER_STEPS[(int(offset) + k) % len(WORKER_STEPS)]:
            return
        all_queued.wait()  # the fifth send is in the journal before the crash
        with lock:
            paused.add(entry.id)
            if len(paused) == FIRST:
                print(f"AT PARALLEL {sorted(paused)}", flush=True)
                reached.set()
        time.sleep(3600)  # the test kills us here, four sends in flight

    engine = engine_for(data_dir, outbox_step_hook=hook)
    engine.start()
    request = SendRequest(documents=(Path(pdf),), recipients=(Recipient(to),),
                          connection_id=app_id, from_number=from_number)
    for _ in range(FIRST):
        engine.send(request)
    _wait(engine, lambda es: all(e.state == "tracking" for e in es))
    for _ in range(THEN):
        engine.send(request)
    all_queued.set()
    if reached.wait(60):
        time.sleep(3600)
    print(f"never four sends in flight (stopped: {sorted(paused)})", file=sys.stderr, flush=True)
    os._exit(3)  # the outbox's workers may be asleep in the hook: no clean stop


def main(argv: list[str]) -> int:
    from faxdesk.api.client import TelnyxClient

    mode = argv[0]
    if mode in ("send-parallel", "resume-parallel"):
        key, url = os.environ["FAXDESK_API_KEY"], os.environ["FAXDESK_BASE_URL"]

        def engine_for(data_dir: Path, **kwargs: Any) -> FaxEngine:
            return FaxEngine(data_dir, lambda: TelnyxClient(key, base_url=url, timeout=5.0),
                             **kwargs)

        return parallel(mode, argv, engine_for)
    data_dir = Path(argv[1])
    pause_at, _, nth = (argv[7] if mode == "send" and len(argv) > 7 else "").partition(":")
    seen: list[int] = []
    key, base_url = os.environ["FAXDESK_API_KEY"], os.environ["FAXDESK_BASE_URL"]

    def hook(step: str, entry: JournalEntry) -> None:
        if step != pause_at:
            return
        seen.append(entry.id)
        if len(seen) == int(nth or 1):
            print(f"AT {step} {entry.id}", flush=True)
            time.sleep(3600)  # the test kills us here

    engine = FaxEngine(data_dir, lambda: TelnyxClient(key, base_url=base_url, timeout=5.0),
                       outbox_step_hook=hook)
    try:
        if mode == "send":
            pdf, to, from_number, app_id, count = argv[2:7]
            request = SendRequest(documents=(Path(pdf),), recipients=(Recipient(to),),
                                  connection_id=app_id, from_number=from_number)
            for _ in range(int(count)):
                # As `faxdesk send` does: checked and queued by the engine, run on this thread.
                (journal_id,) = engine.send(request)
                engine.outbox.process(journal_id)
        else:
            for entry in engine.store.journal_entries(unfinished=True):
                engine.outbox.process(entry.id, resumed=True)
        states = {e.id: [e.state, e.fax_id] for e in engine.store.journal_entries()}
        print("DONE " + json.dumps(states), flush=True)
    finally:
        engine.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
