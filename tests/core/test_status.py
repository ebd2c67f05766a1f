from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from faxdesk.core.events import EventHub, FaxChanged
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import Store
from tests.core.helpers import T0, fax


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path)
    yield s
    s.close()


def webhook(status: str, event_id: str, **fields: object) -> StatusUpdate:
    return StatusUpdate(fax_id="f1", status=status, source="webhook", at=T0, event_id=event_id,
                        fields={"direction": "outbound", **fields},
                        failure_reason=fields.get("failure_reason"))  # type: ignore[arg-type]


def test_status_moves_forward_and_is_published_with_the_old_status(store: Store) -> None:
    hub = EventHub()
    seen: list[FaxChanged] = []
    hub.subscribe(seen.append, FaxChanged)
    apply_status(store, hub, StatusUpdate.from_fax(fax("f1", "queued")))
    apply_status(store, hub, StatusUpdate.from_fax(fax("f1", "sending")))
    assert [(e.old_status, e.new_status) for e in seen] == [(None, "queued"), ("queued", "sending")]
    assert [t.status for t in store.timeline("f1")] == ["queued", "sending"]


def test_identical_poll_changes_nothing_and_publishes_nothing(store: Store) -> None:
    hub = EventHub()
    seen: list[object] = []
    apply_status(store, hub, StatusUpdate.from_fax(fax("f1", "sending")))
    hub.subscribe(seen.append)
    assert apply_status(store, hub, StatusUpdate.from_fax(fax("f1", "sending"))) is False
    assert seen == []
    assert len(store.timeline("f1")) == 1


def test_a_finished_fax_never_moves_backwards(store: Store) -> None:
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "delivered", page_count=3)))
    assert apply_status(store, None, StatusUpdate.from_fax(fax("f1", "sending"))) is False
    assert apply_status(store, None, webhook("failed", "e9", failure_reason="user_busy")) is False
    record = store.get_fax("f1")
    assert record is not None
    assert (record.status, record.failure_reason) == ("delivered", None)
    assert [t.status for t in store.timeline("f1")] == ["delivered"]


def test_a_duplicate_event_id_is_applied_once(store: Store) -> None:
    apply_status(store, None, webhook("queued", "e1"))
    store.update_local("f1", note="n")
    assert apply_status(store, None, webhook("queued", "e1")) is False
    assert store.event_applied("e1")


def test_failure_reason_is_kept_and_shown_in_the_timeline(store: Store) -> None:
    apply_status(store, None, webhook("failed", "e1", failure_reason="user_busy"))
    record = store.get_fax("f1")
    assert record is not None and record.failure_reason == "user_busy"
    assert store.timeline("f1")[-1].detail == "user_busy"


def test_an_unknown_status_is_stored_not_a_crash(store: Store) -> None:
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "queued")))
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "teleported")))
    record = store.get_fax("f1")
    assert record is not None and record.status == "teleported"
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "delivered")))
    assert store.get_fax("f1").status == "delivered"  # type: ignore[union-attr]


OUTBOUND = [
    webhook("queued", "e1"),
    webhook("media.processed", "e2"),
    webhook("sending", "e3"),
    webhook("delivered", "e4", page_count=2),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_any_order_with_duplicates_ends_delivered(tmp_path: Path, order: tuple[int, ...]) -> None:
    store = Store(tmp_path)
    for i in order + order:
        apply_status(store, None, OUTBOUND[i])
    record = store.get_fax("f1")
    assert record is not None
    assert (record.status, record.page_count) == ("delivered", 2)
    statuses = [t.status for t in store.timeline("f1")]
    assert statuses[-1] == "delivered" and len(statuses) == len(set(statuses))
    store.close()


def test_a_poll_keeps_what_only_a_webhook_told(store: Store) -> None:
    # The Fax object has no page_count or call duration; fax.delivered has both. The next poll
    # (same status, fields absent) must not erase them.
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "sending")))
    apply_status(store, None, webhook("delivered", "e1", page_count=4))
    apply_status(store, None, StatusUpdate.from_fax(fax("f1", "delivered")))
    record = store.get_fax("f1")
    assert record is not None
    assert (record.status, record.page_count) == ("delivered", 4)
