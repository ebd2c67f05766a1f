"""Exactly-once sending against the sandbox, in process (the crash test is test_crash_resume)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.outbox import OutboxConfig
from faxdesk.core.rows import send_row_id
from faxdesk.core.sending import PreparedFax
from faxdesk.core.status import StatusUpdate, apply_status


def server_faxes_with(sandbox: Any, client_state: str) -> list[Any]:
    return [f for f in sandbox.state.faxes.values() if f.client_state == client_state]


def test_submit_writes_the_journal_before_any_request(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    sandbox.reset_request_log()
    journal_id = engine.outbox.submit(prepare("+14155550123"))
    entry = engine.store.journal_entry(journal_id)
    assert entry is not None and entry.state == "prepared"
    assert sandbox.request_log == []
    assert base64.b64decode(entry.client_state).decode() == f"faxdesk:{entry.token}"
    assert entry.token in entry.media_name


def test_a_send_goes_through_every_step_to_tracking(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    journal_id = engine.outbox.submit(prepare("+14155550123", 2))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "tracking" and entry.fax_id
    record = engine.store.get_fax(entry.fax_id)
    assert record is not None and record.journal_id == journal_id
    assert record.status == "queued" and record.direction == "outbound"
    assert record.page_count == 2  # from the document: the Fax object has no page count
    sandbox.advance(60)
    engine.syncer.tick()
    assert engine.store.get_fax(entry.fax_id).status == "delivered"  # type: ignore[union-attr]
    assert engine.store.get_fax(entry.fax_id).page_count == 2  # type: ignore[union-attr]
    assert engine.store.journal_entry(journal_id).state == "done"  # type: ignore[union-attr]
    assert [t.status for t in engine.store.timeline(entry.fax_id)][-1] == "delivered"


def test_response_lost_after_create_still_makes_exactly_one_fax(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    sends = 5
    sandbox.faults.lose_response_after_create(sends)
    ids = [engine.outbox.submit(prepare("+14155550123"))
           for _ in range(sends)]
    for journal_id in ids:
        entry = engine.outbox.process(journal_id)
        assert entry is not None and entry.state == "tracking", entry
    entries = [engine.store.journal_entry(i) for i in ids]
    on_server = [len(server_faxes_with(sandbox, e.client_state)) for e in entries if e]
    assert on_server == [1] * sends
    assert len(sandbox.state.faxes) == sends
    assert engine.store.count_faxes() == sends
    creates = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/faxes"]
    assert len(creates) == sends  # found by reconciliation, never created again


def test_a_dropped_upload_waits_then_checks_before_uploading_again(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    now = [1_000_000.0]
    engine = make_engine(clock=lambda: now[0])
    sandbox.faults.drop_next(1, method="POST", path="/v2/media")
    journal_id = engine.outbox.submit(prepare("+14155550123"))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "prepared"
    assert entry.error and entry.next_attempt_at is not None and entry.next_attempt_at > now[0]
    engine.outbox.resume_all()  # not started and not due: nothing runs
    assert engine.outbox.process(journal_id).state == "prepared"  # type: ignore[union-attr]
    now[0] = entry.next_attempt_at + 1
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "tracking" and entry.error is None
    lookups = [r for r in sandbox.request_log
               if r.method == "GET" and r.path == f"/v2/media/{entry.media_name}"]
    assert len(lookups) >= 1  # it looked before uploading again
    assert len(server_faxes_with(sandbox, entry.client_state)) == 1


def test_a_refused_send_is_rejected_with_telnyx_reason_and_nothing_is_sent(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    # The checks before the journal pass (the application id is only checked by Telnyx): the
    # application was deleted on the portal after the send was prepared.
    journal_id = engine.outbox.submit(prepare("+14155550123", connection_id="deleted-app"))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "rejected" and entry.error_kind == "refused"
    assert entry.error and "connection_id" in entry.error
    assert sandbox.state.faxes == {}


def test_resend_makes_a_new_entry_and_a_new_fax(
    sandbox: Any, engine: FaxEngine, app_id: str, prepare: Callable[..., PreparedFax]
) -> None:
    first = engine.outbox.process(
        engine.outbox.submit(prepare("+12025550101")))
    assert first is not None and first.fax_id
    sandbox.advance(60)
    engine.syncer.tick()
    assert engine.store.get_fax(first.fax_id).failure_reason == "user_busy"  # type: ignore[union-attr]
    again = engine.outbox.process(engine.resend(send_row_id(first.id)))
    assert again is not None and again.fax_id and again.fax_id != first.fax_id
    assert again.parent_id == first.id and again.token != first.token
    assert len(sandbox.state.faxes) == 2


def test_automatic_retry_only_for_transient_failures_with_a_cap(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    now = [1_000_000.0]
    config = EngineConfig(outbox=OutboxConfig(auto_retry=True, retry_delay=120, max_attempts=2))
    engine = make_engine(config=config, clock=lambda: now[0])
    busy = engine.outbox.process(
        engine.outbox.submit(prepare("+12025550101")))  # user_busy
    invalid = engine.outbox.process(
        engine.outbox.submit(prepare("+12025550104")))  # not transient
    assert busy is not None and invalid is not None
    sandbox.advance(60)
    engine.syncer.tick()
    retries = engine.store.journal_children(busy.id)
    assert len(retries) == 1 and retries[0].attempt == 2
    assert engine.store.journal_children(invalid.id) == []
    assert any(t.status == "retry_scheduled" for t in engine.store.timeline(busy.fax_id or ""))
    engine.outbox.poll_due()  # not due yet: nothing happens
    assert engine.store.journal_entry(retries[0].id).state == "prepared"  # type: ignore[union-attr]
    now[0] += 121
    second = engine.outbox.process(retries[0].id)
    assert second is not None and second.state == "tracking"
    timeline = engine.store.timeline(second.fax_id or "")
    assert "attempt 2 of 2" in (timeline[0].detail or "")
    sandbox.advance(60)
    engine.syncer.tick()  # fails busy again: the cap (2 attempts) stops here
    assert engine.store.journal_children(second.id) == []
    assert len(sandbox.state.faxes) == 3


def test_a_late_poll_does_not_undo_what_the_outbox_recorded(
    engine: FaxEngine, app_id: str
) -> None:
    from tests.core.helpers import fax

    apply_status(engine.store, engine.events, StatusUpdate.from_fax(fax("x", "sending")))
    apply_status(engine.store, engine.events, StatusUpdate.from_fax(fax("x", "queued"), "poll"))
    assert engine.store.get_fax("x").status == "sending"  # type: ignore[union-attr]


def test_a_send_resumed_after_its_upload_expired_uploads_again(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    now = [1_000_000.0]
    engine = make_engine(clock=lambda: now[0])
    sandbox.faults.fail_next(1, status=503, method="POST", path="/v2/faxes")
    journal_id = engine.outbox.submit(prepare("+14155550123"))
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "media_uploaded" and entry.error
    sandbox.advance(3 * 86400)  # the laptop stayed shut for three days: the media expired
    now[0] += 3 * 86400
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.state == "tracking", entry.error
    uploads = [r for r in sandbox.request_log if r.method == "POST" and r.path == "/v2/media"]
    assert len(uploads) == 2
    assert len(server_faxes_with(sandbox, entry.client_state)) == 1


def test_the_retry_note_carries_the_server_time_of_the_failure(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str,
    prepare: Callable[..., PreparedFax],
) -> None:
    # The timeline is read in time order: a local note stamped with this machine's clock could
    # land before the failure it follows when the clocks differ (here the server's runs ahead).
    config = EngineConfig(outbox=OutboxConfig(auto_retry=True, retry_delay=120, max_attempts=2))
    engine = make_engine(config=config, clock=lambda: 1_000_000.0)
    busy = engine.outbox.process(
        engine.outbox.submit(prepare("+12025550101")))  # user_busy
    assert busy is not None and busy.fax_id
    sandbox.advance(3600)
    engine.syncer.tick()
    record = engine.store.get_fax(busy.fax_id)
    assert record is not None and record.status == "failed" and record.updated_at is not None
    steps = engine.store.timeline(busy.fax_id)
    note = next(t for t in steps if t.status == "retry_scheduled")
    failed = next(t for t in steps if t.status == "failed")
    assert note.at == record.updated_at
    assert note.at >= failed.at
