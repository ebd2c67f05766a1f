"""A real FaxDesk process for the crash test: sends (or resumes) through the engine's outbox and,
when told, stops dead at one journal step so the test can SIGKILL it there.

    python crash_driver.py send DATA_DIR PDF TO FROM APP_ID COUNT [STEP:NTH]
    python crash_driver.py resume DATA_DIR

The sandbox's address comes from FAXDESK_BASE_URL and the key from FAXDESK_API_KEY (never argv).
Prints `AT <step> <journal id>` when the NTH send reaches STEP, and `DONE <json>` when finished.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from faxdesk.core.engine import FaxEngine
from faxdesk.core.records import JournalEntry
from faxdesk.core.sending import Recipient, SendRequest


def main(argv: list[str]) -> int:
    from faxdesk.api.client import TelnyxClient

    mode, data_dir = argv[0], Path(argv[1])
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
