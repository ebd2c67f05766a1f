"""Print received faxes automatically on a chosen printer: each one once, across restarts.

What was printed is remembered in the store's key/value table (``autoprint:<fax id>``), written
*before* the job is handed to CUPS and updated after, so:

- a fax is printed when it has been downloaded (the engine's FaxReceived), or at the next start
  if FaxDesk was not running (``catch_up``);
- a restart never prints a fax again, and only faxes received since automatic printing was
  switched on are printed (``autoprint:since``), never the whole history;
- a printer that refuses the job (missing, not accepting, CUPS not running) is tried again at the
  next fax or start, a few times; a paused or offline printer takes the job into its queue, which
  is printing as far as FaxDesk is concerned, and the person is told it waits there;
- if FaxDesk stops between writing "printing" and hearing CUPS's answer, the fax is not printed
  again (a duplicate on paper is worse than asking): the person is told to check the printer.

Jobs go to CUPS on a thread of this object's own, never on the thread that published the event.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from faxdesk.core import printers
from faxdesk.core.events import EventHub, FaxReceived
from faxdesk.core.records import FaxRecord
from faxdesk.core.store import Store, iso

log = logging.getLogger(__name__)

SINCE_KEY = "autoprint:since"
KEY_PREFIX = "autoprint:"
MAX_ATTEMPTS = 5

#: (fax id, message in words): a problem the person should hear about.
ProblemCallback = Callable[[str, str], None]


def switched_on(store: Store, *, now: datetime | None = None) -> None:
    """Call when the person switches automatic printing on: faxes received from now on print."""
    store.set_value(SINCE_KEY, iso(now or datetime.now(UTC)))


class AutoPrinter:
    def __init__(self, store: Store, printer: str, *,
                 on_problem: ProblemCallback | None = None,
                 on_printed: Callable[[str, str], None] | None = None,
                 submit: Callable[[str, Path, str], str] = printers.submit,
                 state: Callable[[str], printers.PrinterState] = printers.printer_state,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.printer = printer
        self.on_problem = on_problem
        self.on_printed = on_printed
        self._submit = submit
        self._state = state
        self._clock = clock
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            1, thread_name_prefix="faxdesk-autoprint")
        self._unsubscribe: Callable[[], None] | None = None

    # --- wiring ---------------------------------------------------------------------------

    def attach(self, hub: EventHub) -> AutoPrinter:
        """Print each fax the inbox downloads, and catch up on any missed while stopped."""
        if self.store.get_value(SINCE_KEY) is None:
            switched_on(self.store)
        self._unsubscribe = hub.subscribe(self._on_received, FaxReceived)
        self._queue(self.catch_up)
        return self

    def _on_received(self, event: FaxReceived) -> None:
        self._queue(self.catch_up)

    def _queue(self, job: Callable[[], Any]) -> Future[Any] | None:
        with self._lock:
            if self._executor is None:
                return None
            return self._executor.submit(self._logged, job)

    @staticmethod
    def _logged(job: Callable[[], Any]) -> Any:
        try:
            return job()
        except Exception:
            log.exception("automatic printing failed")
            return None

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Until everything queued so far has run (tests and shutdown)."""
        future = self._queue(lambda: None)
        if future is None:
            return True
        try:
            future.result(timeout)
        except TimeoutError:
            return False
        return True

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)

    # --- the ledger -----------------------------------------------------------------------

    def entry(self, fax_id: str) -> dict[str, Any] | None:
        raw = self.store.get_value(KEY_PREFIX + fax_id)
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def _record(self, fax_id: str, **fields: Any) -> None:
        self.store.set_value(KEY_PREFIX + fax_id, json.dumps(fields, sort_keys=True))

    def due(self) -> list[FaxRecord]:
        """Received, downloaded faxes since automatic printing was switched on, not printed."""
        since_text = self.store.get_value(SINCE_KEY)
        since = datetime.fromisoformat(since_text.replace("Z", "+00:00")) if since_text else None
        due = []
        for fax in reversed(self.store.list_faxes(direction="inbound", status="received")):
            if fax.download_state != "done" or not fax.downloaded_path:
                continue
            if since is None or fax.created_at is None or fax.created_at < since:
                continue
            entry = self.entry(fax.id)
            if entry is None or (entry.get("state") == "failed"
                                 and int(entry.get("attempts", 0)) < MAX_ATTEMPTS):
                due.append(fax)
        return due

    # --- printing -------------------------------------------------------------------------

    def catch_up(self) -> list[str]:
        """Print every fax that is due (blocking); returns CUPS's job ids."""
        self._report_interrupted()
        jobs = []
        for fax in self.due():
            job = self.print_fax(fax)
            if job is None:
                break  # the printer refuses: the rest waits for the next try too
            jobs.append(job)
        return jobs

    def print_fax(self, fax: FaxRecord) -> str | None:
        entry = self.entry(fax.id) or {}
        attempts = int(entry.get("attempts", 0)) + 1
        try:
            state = self._state(self.printer)
            waiting = state.problem() if state.exists and state.accepting else None
            self._record(fax.id, state="printing", printer=self.printer, attempts=attempts,
                         at=self._clock())
            job = self._submit(self.printer, Path(fax.downloaded_path or ""), _title(fax))
        except printers.PrintError as exc:
            self._record(fax.id, state="failed", printer=self.printer, attempts=attempts,
                         at=self._clock(), error=str(exc))
            self._tell(fax.id, str(exc) if attempts < MAX_ATTEMPTS else
                       f"{exc} FaxDesk stopped trying to print this fax automatically; print "
                       "it from the fax list.")
            return None
        self._record(fax.id, state="printed", printer=self.printer, attempts=attempts,
                     at=self._clock(), job=job)
        if waiting:
            self._tell(fax.id, waiting)
        if self.on_printed is not None:
            self.on_printed(fax.id, job)
        return job

    def _report_interrupted(self) -> None:
        """Faxes left "printing" by a FaxDesk that stopped: never printed twice, but said."""
        for fax in self.store.list_faxes(direction="inbound", status="received"):
            entry = self.entry(fax.id)
            if entry is not None and entry.get("state") == "printing":
                self._record(fax.id, **{**entry, "state": "uncertain"})
                self._tell(fax.id, f"FaxDesk stopped while printing the fax from "
                                   f"{fax.from_number or 'an unknown number'}. If it did not "
                                   "come out of the printer, print it from the fax list.")

    def _tell(self, fax_id: str, message: str) -> None:
        log.warning("automatic printing of %s: %s", fax_id, message)
        if self.on_problem is not None:
            self.on_problem(fax_id, message)


def _title(fax: FaxRecord) -> str:
    """The job's name in the printer queue: whose fax, when (never the API's internals)."""
    when = fax.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if fax.created_at else ""
    return f"Fax from {fax.from_number or 'unknown'} {when}".strip()
