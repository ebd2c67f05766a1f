"""A first sync of a long history: every fax stored once, with what the row feed publishes for it,
whether the pages were stored one by one or several to a transaction; a fetch that fails half-way
keeps what came before it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faxdesk.api.errors import ServerError
from faxdesk.api.models import Fax, Page, PageMeta
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.events import EventHub, FaxChanged, RowChanged
from faxdesk.core.rows import row_for_fax
from faxdesk.core.store import Store
from faxdesk.core.sync import WATERMARK_KEY, SyncConfig, Syncer
from tests.core.helpers import fax

HISTORY = 1_030  # 21 pages of 50, the last one short


def _first_sync(make_engine: Callable[..., FaxEngine], data_dir: Path,
                pages_per_commit: int) -> tuple[FaxEngine, list[Any]]:
    config = EngineConfig(sync=SyncConfig(page_size=50, initial_pages=100,
                                          pages_per_commit=pages_per_commit))
    engine = make_engine(data_dir=data_dir, config=config)
    seen: list[Any] = []
    engine.events.subscribe(seen.append)
    assert engine.syncer.tick()
    return engine, seen


def _stored(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return ([tuple(r) for r in conn.execute("SELECT * FROM faxes ORDER BY id")],
                [tuple(r) for r in conn.execute(
                    "SELECT fax_id, status, at, source, detail FROM timeline ORDER BY id")])
    finally:
        conn.close()


@pytest.mark.parametrize("pages_per_commit", [1, 4])
def test_a_first_sync_stores_every_fax_once_and_publishes_each_row(
    sandbox: Any, make_engine: Callable[..., FaxEngine], tmp_path: Path, pages_per_commit: int
) -> None:
    sandbox.state.seed_history(HISTORY, days=60, seed=5)
    engine, seen = _first_sync(make_engine, tmp_path / "data", pages_per_commit)
    store = engine.store
    assert store.count_faxes() == HISTORY
    assert engine.syncer.requests_last_tick == 21

    changes = [e for e in seen if isinstance(e, FaxChanged)]
    rows = [e for e in seen if isinstance(e, RowChanged)]
    assert len(changes) == len(rows) == HISTORY
    assert len({e.fax_id for e in changes}) == HISTORY
    # Each event carries the fax as stored, and its row is the one the store's record makes.
    for change, row in zip(changes, rows, strict=True):
        stored = store.get_fax(change.fax_id)
        assert stored is not None and change.old_status is None
        assert change.fax == stored and dict(change.fax.raw) == dict(stored.raw)
        assert row.row == row_for_fax(stored) and row.previous_status is None
        assert [t.status for t in store.timeline(change.fax_id)] == [stored.status]
    # The watermark is the newest fax seen, so the next tick asks only for what is newer.
    newest = max(r.created_at for r in store.list_faxes() if r.created_at is not None)
    watermark = store.get_value(WATERMARK_KEY)
    assert watermark is not None and watermark.startswith(newest.strftime("%Y-%m-%dT%H:%M:%S"))


def test_pages_stored_together_end_as_pages_stored_one_by_one(
    sandbox: Any, make_engine: Callable[..., FaxEngine], tmp_path: Path
) -> None:
    sandbox.state.seed_history(HISTORY, days=60, seed=6)
    _, one_by_one = _first_sync(make_engine, tmp_path / "one", 1)
    _, together = _first_sync(make_engine, tmp_path / "four", 4)
    assert _stored(tmp_path / "one" / "faxdesk.sqlite3") == \
        _stored(tmp_path / "four" / "faxdesk.sqlite3")
    def fax_events(seen: list[Any]) -> list[Any]:
        return [e for e in seen if isinstance(e, FaxChanged | RowChanged)]

    assert fax_events(one_by_one) == fax_events(together)


class _PagedClient:
    """`list_faxes` from a list of pages; page `fail_at` raises a server error."""

    def __init__(self, pages: list[list[Fax]], fail_at: int | None = None) -> None:
        self.pages = pages
        self.fail_at = fail_at
        self.asked: list[int] = []
        self.rate_limit = None

    def list_faxes(self, *, created_at_or_after: Any = None, page_number: int = 1,
                   page_size: int = 20) -> Page[Fax]:
        self.asked.append(page_number)
        if page_number == self.fail_at:
            raise ServerError(503, method="GET", path="/faxes")
        meta = PageMeta(page_number, page_size, len(self.pages), sum(map(len, self.pages)))
        return Page(list(self.pages[page_number - 1]), meta)


def _pages(count: int, size: int) -> list[list[Fax]]:
    return [[fax(f"p{p}-{i}", "delivered", minutes=-(p * size + i)) for i in range(size)]
            for p in range(count)]


@pytest.mark.parametrize("pages_per_commit", [1, 3])
def test_a_fetch_failing_half_way_keeps_the_pages_before_it_and_stops_its_helper(
    tmp_path: Path, pages_per_commit: int
) -> None:
    store = Store(tmp_path)
    hub = EventHub()
    client = _PagedClient(_pages(8, 5), fail_at=6)
    syncer = Syncer(store, hub, lambda: client,  # type: ignore[arg-type, return-value]
                    SyncConfig(page_size=5, initial_pages=100,
                               pages_per_commit=pages_per_commit))
    try:
        assert not syncer.tick()
        assert syncer.state == "offline"
        assert store.count_faxes() == 25  # pages 1 to 5
        assert {r.id.split("-")[0] for r in store.list_faxes()} == {f"p{p}" for p in range(5)}
        assert store.get_value(WATERMARK_KEY) is None  # the next tick starts over
        assert client.asked == [1, 2, 3, 4, 5, 6]  # nothing after the failed page
        assert not [t for t in threading.enumerate() if t.name == "faxdesk-sync-page"]
        client.fail_at = None
        assert syncer.tick()
        assert store.count_faxes() == 40
    finally:
        store.close()
