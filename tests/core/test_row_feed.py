"""The row feed's ids: a fax sent from here keeps its send's row id to the end, also when it is
deleted long after this run last published it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import Event, RowChanged, RowRemoved
from faxdesk.core.rows import send_row_id
from faxdesk.core.sending import PreparedFax


def test_deleting_a_fax_sent_here_removes_its_send_row_after_a_restart(
    sandbox: Any, make_engine: Callable[..., FaxEngine], prepare: Callable[..., PreparedFax],
    tmp_path: Path,
) -> None:
    engine = make_engine()
    journal_id = engine.outbox.submit(prepare())
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.fax_id
    engine.stop()

    again = make_engine()  # a new run: its feed has published nothing yet
    removed: list[str] = []

    def record(event: Event) -> None:
        if isinstance(event, RowRemoved):
            removed.append(event.row_id)

    again.events.subscribe(record)
    row = again.row(entry.fax_id)
    assert row is not None and row.id == send_row_id(journal_id)
    again.delete(row.id)
    assert removed == [send_row_id(journal_id)]
    assert again.row(row.id) is None
    again.stop()



def test_rows_changed_while_nobody_listened_are_published_right_once_someone_does(
    sandbox: Any, make_engine: Callable[..., FaxEngine], prepare: Callable[..., PreparedFax],
) -> None:
    """With no listener the feed builds no rows (the command line never asks for them); what it
    counted and published before must not stand in for what happened meanwhile."""
    engine = make_engine()
    heard: list[RowChanged] = []
    stop = engine.events.subscribe(heard.append, RowChanged)
    journal_id = engine.outbox.submit(prepare())
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.fax_id
    row_id = send_row_id(journal_id)
    assert engine.in_flight() == 1
    stop()

    # Nobody listens while the fax is delivered: the count of faxes on their way is right.
    sandbox.advance(3600)
    assert engine.syncer.tick()
    assert engine.in_flight() == 0

    # Heard: the delivered row without a note is published (and remembered by the feed).
    stop = engine.events.subscribe(heard.append, RowChanged)
    engine.set_note(row_id, "draft")
    engine.set_note(row_id, None)
    assert [(e.row.status, e.row.note) for e in heard[-2:]] == [
        ("delivered", "draft"), ("delivered", None)]
    stop()

    # A note written while nobody listens, then taken back once someone does: the row without
    # a note must reach the new listener, although it equals the one published before.
    engine.set_note(row_id, "sent to the wrong office")
    later: list[RowChanged] = []
    engine.events.subscribe(later.append, RowChanged)
    engine.set_note(row_id, None)
    assert [(e.row.id, e.row.status, e.row.note) for e in later] == [
        (row_id, "delivered", None)]
