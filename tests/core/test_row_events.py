"""What the window receives for one send: the row events of a running engine, recorded.

The engine runs its own threads (outbox worker, sync loop polling fast) against the sandbox on a
manual clock; the test moves the clock one lifecycle step at a time and waits for each status,
so every state the fax passes through is seen by polling.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.events import Event, InFlightChanged, RowChanged, RowRemoved
from faxdesk.core.rows import send_row_id
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.sync import SyncConfig
from tests.core.conftest import FROM_NUMBER

WAIT = 15.0  # seconds; generous for a loaded machine, never reached when all is well


class Recorder:
    """Every row event in publishing order, and a wait for a condition on them."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._changed = threading.Condition()

    def __call__(self, event: Event) -> None:
        if isinstance(event, RowChanged | RowRemoved | InFlightChanged):
            with self._changed:
                self.events.append(event)
                self._changed.notify_all()

    def wait_for(self, predicate: Callable[[list[Event]], bool]) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: predicate(self.events), WAIT), self.events

    def snapshot(self) -> list[Event]:
        with self._changed:
            return list(self.events)


def _state(event: RowChanged) -> str:
    return str(event.row.pending or event.row.status)


def _send_and_record(sandbox: Any, engine: FaxEngine, app_id: str, document: Path,
                     recorder: Recorder) -> int:
    """Send through the started engine, walk the fax to delivered; returns the journal id."""
    engine.start()
    (journal_id,) = engine.send(SendRequest(
        documents=(document,), recipients=(Recipient("+14155550123"),),
        connection_id=app_id, from_number=FROM_NUMBER))

    def reached(status: str) -> Callable[[list[Event]], bool]:
        return lambda events: any(isinstance(e, RowChanged) and e.row.status == status
                                  for e in events)

    # The sandbox's lifecycle: media.processed after 2 s, originated 1 s later, sending 1 s
    # later, delivered 2 s + 3 s per page after that.
    recorder.wait_for(reached("queued"))
    for seconds, status in ((2, "media.processed"), (1, "originated"), (1, "sending"),
                            (8, "delivered")):
        sandbox.advance(seconds)
        recorder.wait_for(reached(status))
    recorder.wait_for(lambda events: InFlightChanged(0) in events)
    engine.sync_now()  # one more poll after the end: it must add nothing
    engine.stop()
    return journal_id


def _assert_each_state_once(events: list[Event], journal_id: int) -> None:
    row_id = send_row_id(journal_id)
    ours = [e for e in events if isinstance(e, RowChanged)
            and (e.row.journal_id == journal_id or e.row.id == row_id)]
    fax_ids = {e.row.fax_id for e in ours if e.row.fax_id is not None}
    assert len(fax_ids) == 1
    # Nothing about this send is published under another id, and its row is never removed.
    assert not [e for e in events if isinstance(e, RowChanged) and e.row.fax_id in fax_ids
                and e.row.id != row_id]
    assert not [e for e in events if isinstance(e, RowRemoved)]
    assert {e.row.id for e in ours} == {row_id}
    assert [_state(e) for e in ours] == ["preparing", "uploading", "queued", "media.processed",
                                         "originated", "sending", "delivered"]
    assert [e.previous_status for e in ours] == [None, None, None, "queued", "media.processed",
                                                 "originated", "sending"]
    first_fax = next(e.row for e in ours if e.row.fax_id is not None)
    assert first_fax.journal_id == journal_id
    assert first_fax.document_path and Path(first_fax.document_path).is_file()
    assert first_fax.page_count == 2 and first_fax.document_name == "doc-2p.pdf"
    assert [e.count for e in events if isinstance(e, InFlightChanged)] == [1, 0]


def _fast_polling(make_engine: Callable[..., FaxEngine]) -> FaxEngine:
    return make_engine(config=EngineConfig(sync=SyncConfig(fast_interval=0.05,
                                                           slow_interval=0.05)))


def test_each_state_of_a_send_arrives_once_in_order_on_one_row(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    make_pdf: Callable[..., Path],
) -> None:
    engine = _fast_polling(make_engine)
    recorder = Recorder()
    engine.events.subscribe(recorder)
    journal_id = _send_and_record(sandbox, engine, app_id, make_pdf(2), recorder)
    _assert_each_state_once(recorder.snapshot(), journal_id)


def test_the_same_events_when_a_poll_sees_the_fax_before_the_answer_to_create(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    make_pdf: Callable[..., Path],
) -> None:
    # A slow network: Telnyx has created the fax, but its answer reaches FaxDesk only after the
    # sync loop has found the fax in a list (held here until that poll's row is published).
    engine = _fast_polling(make_engine)
    recorder = Recorder()
    engine.events.subscribe(recorder)
    client = engine.client()
    create = client.send_fax

    def answer_after_a_poll(**fields: Any) -> Any:
        fax = create(**fields)
        recorder.wait_for(lambda events: any(
            isinstance(e, RowChanged) and e.row.fax_id == fax.id for e in events))
        return fax

    client.send_fax = answer_after_a_poll  # type: ignore[method-assign]
    journal_id = _send_and_record(sandbox, engine, app_id, make_pdf(2), recorder)
    _assert_each_state_once(recorder.snapshot(), journal_id)
