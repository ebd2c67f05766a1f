"""The row feed's ids: a fax sent from here keeps its send's row id to the end, also when it is
deleted long after this run last published it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import Event, RowRemoved
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
