"""A sync queues the downloads of the faxes it found received once, after its pages are applied
(not once per received fax in the middle of the sync); every one is still downloaded at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from faxdesk.api.errors import TransportError
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.events import FaxReceived
from faxdesk.core.sync import SyncConfig
from tests.core.conftest import FROM_NUMBER


def _receive(sandbox: Any, count: int) -> list[str]:
    ids = [sandbox.receive_inbound(from_number=f"+1617555{i:04d}", to=FROM_NUMBER)
           for i in range(count)]
    sandbox.advance(120)
    return ids


def _spy_on_queueing(engine: FaxEngine) -> list[int]:
    """Each time the inbox looks for pending downloads: how many faxes the store holds then."""
    seen: list[int] = []
    original = engine.store.pending_download_ids

    def pending_download_ids() -> Any:
        seen.append(engine.store.count_faxes())
        return original()

    engine.store.pending_download_ids = pending_download_ids  # type: ignore[method-assign]
    return seen


def _downloads(engine: FaxEngine, count: int) -> threading.Event:
    done = threading.Event()
    got: set[str] = set()

    def listener(event: FaxReceived) -> None:
        got.add(event.fax_id)
        if len(got) >= count:
            done.set()

    engine.events.subscribe(listener, FaxReceived)
    return done


def test_received_faxes_of_a_multi_page_sync_are_queued_once_after_the_pages(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str
) -> None:
    engine = make_engine(config=EngineConfig(sync=SyncConfig(page_size=2)))
    ids = _receive(sandbox, 5)  # three pages
    engine.inbox.start()
    queued = _spy_on_queueing(engine)
    downloaded = _downloads(engine, 5)
    assert engine.syncer.tick()
    assert queued == [5]  # one look, with the whole sync in the store
    assert downloaded.wait(10)
    for fax_id in ids:
        record = engine.store.get_fax(fax_id)
        assert record is not None and record.download_state == "done"


def test_a_sync_that_fails_on_a_later_page_still_downloads_what_it_found(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str
) -> None:
    engine = make_engine(config=EngineConfig(sync=SyncConfig(page_size=2)))
    _receive(sandbox, 5)
    client = engine.client()
    original = client.list_faxes

    def list_faxes(**kwargs: Any) -> Any:
        if kwargs.get("page_number") == 2:
            raise TransportError("the network went away", maybe_sent=False)
        return original(**kwargs)

    client.list_faxes = list_faxes  # type: ignore[method-assign]
    engine.inbox.start()
    downloaded = _downloads(engine, 2)
    assert not engine.syncer.tick()
    assert engine.syncer.state == "offline"
    assert downloaded.wait(10)  # the first page's two faxes, without waiting for the next sync
    assert engine.store.count_faxes() == 2
