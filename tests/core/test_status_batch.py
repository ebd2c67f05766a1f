"""The sync's batch path (`apply_statuses`, one transaction per page) ends in exactly the same
store, timeline and events as applying each update on its own (`apply_status`)."""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faxdesk.api.models import Fax
from faxdesk.core.events import EventHub, FaxChanged
from faxdesk.core.status import StatusUpdate, apply_polled, apply_status, apply_statuses
from faxdesk.core.store import Store
from tests.core.helpers import T0, fax

STATUSES = ["queued", "media.processed", "originated", "sending", "delivered", "failed",
            "initiated", "receiving", "media.processing", "received", "teleported"]
IDS = ["f1", "f2", "f3"]
SENT_CLIENT_STATE = "cs-sent-here"


@st.composite
def server_fax(draw: st.DrawFn) -> Fax:
    """A fax as the server lists it."""
    status = draw(st.sampled_from(STATUSES))
    extra: dict[str, Any] = {}
    if status == "failed":
        extra["failure_reason"] = draw(st.sampled_from(["user_busy", "no_answer"]))
    if draw(st.booleans()):
        extra["media_url"] = draw(st.sampled_from(["https://m/1", "https://m/2"]))
    # A fax of a send made here (its journal entry is written first) is linked to it.
    client_state = draw(st.sampled_from([None, "", SENT_CLIENT_STATE, "cs-elsewhere"]))
    if client_state is not None:
        extra["client_state"] = client_state
    if draw(st.booleans()):
        extra["page_count"] = draw(st.integers(1, 4))
    return fax(draw(st.sampled_from(IDS)), status,
               direction=draw(st.sampled_from(["outbound", "inbound"])),
               minutes=draw(st.integers(0, 5)), **extra)


@st.composite
def polled(draw: st.DrawFn) -> StatusUpdate:
    update = StatusUpdate.from_fax(draw(server_fax()),
                                   detail=draw(st.sampled_from([None, "from the test"])))
    # Callers may also say more than the fax does: their own time (not None: "now" differs
    # between the two runs), their own reason.
    if draw(st.booleans()):
        update = replace(update, at=T0 + timedelta(seconds=draw(st.integers(0, 300))))
    if draw(st.booleans()):
        update = replace(update, failure_reason=draw(st.sampled_from([None, "", "no_answer"])))
    return update


@st.composite
def webhook(draw: st.DrawFn) -> StatusUpdate:
    status = draw(st.sampled_from(STATUSES))
    fields: dict[str, Any] = {"direction": "outbound"}
    if draw(st.booleans()):
        fields["page_count"] = draw(st.integers(1, 4))
    reason = "user_busy" if status == "failed" else None
    return StatusUpdate(fax_id=draw(st.sampled_from(IDS)), status=status, source="webhook",
                        at=T0 + timedelta(seconds=draw(st.integers(0, 300))),
                        event_id=draw(st.sampled_from(["e1", "e2", "e3", "e4", None])),
                        fields=fields, failure_reason=reason)


# A sync is a sequence of pages; a page may hold the same fax twice, and webhook updates may be
# applied in the same batch (the batch must not care where an update came from).
PAGES = st.lists(st.lists(st.one_of(polled(), webhook()), max_size=6), max_size=6)


def _snapshot(store: Store) -> tuple[list[tuple[Any, ...]], ...]:
    conn = sqlite3.connect(store.path)
    try:
        faxes = [tuple(r) for r in conn.execute("SELECT * FROM faxes ORDER BY id")]
        timeline = [tuple(r) for r in conn.execute(
            "SELECT fax_id, status, at, source, detail FROM timeline ORDER BY id")]
        events = [tuple(r) for r in conn.execute(
            "SELECT id, fax_id FROM webhook_events ORDER BY id")]
    finally:
        conn.close()
    return faxes, timeline, events


def _run(directory: Path, pages: list[list[StatusUpdate]] | list[list[Fax]],
         mode: str) -> tuple[Any, ...]:
    store = Store(directory)
    store.create_journal_entry(
        token="t1", document_path="/sent.pdf", to="+15550002222", from_number="+15550001111",
        connection_id="app1", options={}, media_name="m1", client_state=SENT_CLIENT_STATE,
        page_count=3)
    hub = EventHub()
    seen: list[tuple[FaxChanged, dict[str, Any] | None]] = []
    # The records' server JSON too (records leave it out of their equality).
    hub.subscribe(lambda e: seen.append((e, None if e.fax is None else dict(e.fax.raw))),
                  FaxChanged)
    try:
        for page in pages:
            updates = [i if isinstance(i, StatusUpdate) else StatusUpdate.from_fax(i, "poll")
                       for i in page]
            if mode == "polled":
                apply_polled(store, hub, [i for i in page if isinstance(i, Fax)])
            elif mode == "batch":
                apply_statuses(store, hub, updates)
            else:
                for update in updates:
                    apply_status(store, hub, update)
        return (*_snapshot(store), seen)
    finally:
        store.close()


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=PAGES)
def test_a_page_applied_at_once_ends_like_each_update_applied_alone(
    pages: list[list[StatusUpdate]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        single = _run(Path(tmp) / "single", pages, "single")
        batched = _run(Path(tmp) / "batch", pages, "batch")
    assert batched == single


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=st.lists(st.lists(server_fax(), max_size=6), max_size=6))
def test_a_page_of_listed_faxes_applied_at_once_ends_like_each_applied_alone(
    pages: list[list[Fax]],
) -> None:
    # The sync's own way in (`apply_polled`): the server's faxes as they are.
    with tempfile.TemporaryDirectory() as tmp:
        single = _run(Path(tmp) / "single", pages, "single")
        polled = _run(Path(tmp) / "polled", pages, "polled")
    assert polled == single


def test_an_identical_page_is_a_no_op(tmp_path: Path) -> None:
    store = Store(tmp_path)
    hub = EventHub()
    seen: list[object] = []
    page = [StatusUpdate.from_fax(fax(f"f{i}", "sending", minutes=i)) for i in range(5)]
    try:
        assert len(apply_statuses(store, hub, page)) == 5
        hub.subscribe(seen.append)
        assert apply_statuses(store, hub, page) == []
        assert seen == []
        assert all(len(store.timeline(f"f{i}")) == 1 for i in range(5))
    finally:
        store.close()


def test_events_are_published_after_the_page_is_committed(tmp_path: Path) -> None:
    # A listener (the window, another thread) that reads the store on an event sees the whole
    # page, not a half-written one.
    store = Store(tmp_path)
    hub = EventHub()
    counts: list[int] = []
    hub.subscribe(lambda e: counts.append(_count_from_another_connection(store.path)), FaxChanged)
    try:
        apply_statuses(store, hub, [StatusUpdate.from_fax(fax(f"f{i}", "queued", minutes=i))
                                    for i in range(4)])
        assert counts == [4, 4, 4, 4]
    finally:
        store.close()


def _count_from_another_connection(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM faxes").fetchone()[0])
    finally:
        conn.close()
