from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from faxdesk.core.records import FaxRecord
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import DB_NAME, SCHEMA_VERSION, SchemaTooNewError, Store
from tests.core.helpers import fax


def test_new_store_is_wal_private_and_at_the_current_schema(tmp_path: Path) -> None:
    store = Store(tmp_path)
    apply_status(store, None, StatusUpdate.from_fax(fax("a", "queued")))
    assert store.schema_version == SCHEMA_VERSION
    for name in (DB_NAME, DB_NAME + "-wal"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    store.close()


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    store = Store(tmp_path)
    apply_status(store, None, StatusUpdate.from_fax(fax("a", "delivered")))
    store.update_local("a", note="kept")
    store.close()
    again = Store(tmp_path)
    record = again.get_fax("a")
    assert record is not None and record.note == "kept" and record.status == "delivered"
    again.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError):
        Store(tmp_path)


def _fill(store: Store, n: int) -> None:
    with store.transaction() as conn:
        for i in range(n):
            direction = "inbound" if i % 3 == 0 else "outbound"
            status = ["delivered", "failed", "received", "sending"][i % 4]
            store.save_fax_columns(conn, f"fax-{i:05d}", {
                "direction": direction, "status": status, "from_number": f"+1555{i:07d}",
                "to_number": "+15550002222", "connection_id": f"app{i % 5}",
                "created_at": f"2026-11-{1 + i % 25:02d}T10:00:{i % 60:02d}.000000Z",
            })


def test_list_faxes_filters_and_orders_newest_first_over_10000_rows(tmp_path: Path) -> None:
    store = Store(tmp_path)
    _fill(store, 10_000)
    assert store.count_faxes() == 10_000
    inbound = store.list_faxes(direction="inbound")
    assert len(inbound) == 3334 and all(r.direction == "inbound" for r in inbound)
    dates = [r.created_at for r in inbound]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    failed_app2 = store.list_faxes(status="failed", connection_id="app2")
    assert failed_app2 and all(r.status == "failed" and r.connection_id == "app2"
                               for r in failed_app2)
    assert [r.id for r in store.list_faxes(search="5550001234")] == ["fax-01234"]
    assert len(store.list_faxes(limit=50)) == 50
    plan = " ".join(str(tuple(r)) for r in store._query(
        "EXPLAIN QUERY PLAN SELECT id FROM faxes WHERE direction = 'inbound' "
        "ORDER BY created_at DESC"))
    assert "faxes_direction_created" in plan
    store.close()


def test_search_treats_percent_and_underscore_literally(tmp_path: Path) -> None:
    store = Store(tmp_path)
    apply_status(store, None, StatusUpdate.from_fax(fax("a", "queued")))
    store.update_local("a", note="50% off")
    apply_status(store, None, StatusUpdate.from_fax(fax("b", "queued")))
    assert [r.id for r in store.list_faxes(search="%")] == ["a"]
    assert store.list_faxes(search="_") == []
    store.close()


def test_writes_from_many_threads_are_all_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)

    def writer(k: int) -> None:
        for i in range(50):
            apply_status(store, None, StatusUpdate.from_fax(fax(f"t{k}-{i}", "queued")))

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count_faxes() == 200
    store.close()


def test_local_fields_survive_server_updates(tmp_path: Path) -> None:
    store = Store(tmp_path)
    apply_status(store, None, StatusUpdate.from_fax(fax("a", "queued")))
    store.update_local("a", is_read=1, note="call back")
    apply_status(store, None, StatusUpdate.from_fax(fax("a", "delivered")))
    record = store.get_fax("a")
    assert isinstance(record, FaxRecord)
    assert (record.read, record.note, record.status) == (True, "call back", "delivered")
    with pytest.raises(ValueError):
        store.update_local("a", status="failed")
    store.close()


def test_journal_entries_round_trip_and_filter_unfinished(tmp_path: Path) -> None:
    store = Store(tmp_path)
    kwargs = dict(document_path="/x.pdf", to="+1", from_number="+2", connection_id="c",
                  options={"quality": "high"}, media_name="m", client_state="cs")
    a = store.create_journal_entry(token="t1", **kwargs)  # type: ignore[arg-type]
    b = store.create_journal_entry(token="t2", **kwargs)  # type: ignore[arg-type]
    store.update_journal(a.id, state="done", fax_id="f")
    assert [e.id for e in store.journal_entries(unfinished=True)] == [b.id]
    assert store.journal_for_fax("f") is not None
    assert store.journal_entry(b.id).options == {"quality": "high"}  # type: ignore[union-attr]
    with pytest.raises(sqlite3.IntegrityError):
        store.create_journal_entry(token="t1", **kwargs)  # type: ignore[arg-type]
    c = store.create_journal_entry(token="t3", **kwargs)  # type: ignore[arg-type]
    store.update_journal(c.id, state="rejected", error="refused")
    # What the window shows as sends not created yet: waiting ones and refused ones.
    assert [e.id for e in store.journal_entries(states=("prepared", "rejected"))] == [b.id, c.id]
    assert store.journal_entries(states=()) == []
    store.close()
