"""A fax the person deleted stays deleted: a page of the list fetched before the deletion, or a
late webhook about it, never brings it back into the history (it would never leave again: later
syncs only list what is new)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from faxdesk.core.status import StatusUpdate, apply_status, apply_statuses
from tests.core.conftest import fast_client


def test_a_page_fetched_before_a_delete_does_not_bring_the_fax_back(
    sandbox: Any, engine: FaxEngine
) -> None:
    sandbox.state.seed_history(20, days=5, seed=7)
    assert engine.syncer.tick()
    row = next(r for r in engine.rows() if r.direction == "inbound" and r.fax_id)
    fax_id = row.fax_id
    assert fax_id is not None
    client = fast_client(sandbox)
    try:
        stale = list(client.iter_faxes())  # the sync thread's page, in flight during the delete
    finally:
        client.close()
    assert fax_id in {f.id for f in stale}

    engine.delete(row.id)
    assert engine.store.get_fax(fax_id) is None

    apply_statuses(engine.store, engine.events,
                   [StatusUpdate.from_fax(f, "poll") for f in stale if f.id])
    assert engine.store.get_fax(fax_id) is None
    assert fax_id not in {r.fax_id for r in engine.rows()}
    # The other faxes of that page are stored as ever.
    assert len(engine.rows()) == len(stale) - 1


def test_a_late_webhook_about_a_deleted_fax_is_ignored(sandbox: Any, engine: FaxEngine) -> None:
    sandbox.state.seed_history(5, days=2, seed=8)
    assert engine.syncer.tick()
    row = next(r for r in engine.rows() if r.fax_id)
    assert row.fax_id is not None
    engine.delete(row.id)
    apply_status(engine.store, engine.events,
                 StatusUpdate(fax_id=row.fax_id, status="delivered", source="webhook"))
    assert engine.store.get_fax(row.fax_id) is None


def test_a_store_from_before_keeps_every_fax_and_learns_deletions(tmp_path: Path) -> None:
    """The table of deleted faxes is added to an existing store (migration 4) without
    touching its faxes."""
    import sqlite3

    from faxdesk.core.store import MIGRATIONS, SCHEMA_VERSION, Store

    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "faxdesk.sqlite3")
    conn.executescript("".join(MIGRATIONS[:3]) + "PRAGMA user_version = 3;")
    conn.execute("INSERT INTO faxes (id, direction, status) VALUES ('f1', 'inbound', "
                 "'received')")
    conn.commit()
    conn.close()
    store = Store(data)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get_fax("f1") is not None
        store.delete_fax("f1")
        with store.transaction() as conn2:
            assert store.deleted_among(["f1", "f2"], conn2) == {"f1"}
    finally:
        store.close()
