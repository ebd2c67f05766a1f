from __future__ import annotations

import json
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType

import pytest

from faxdesk.api.models import parse_timestamp
from faxdesk.core.records import FaxRecord
from faxdesk.core.status import StatusUpdate, apply_status, apply_statuses
from faxdesk.core.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    SchemaTooNewError,
    Store,
    iso,
    iso_from,
    raw_json,
)
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


def _store_at_version(path: Path, version: int) -> None:
    """A database as a FaxDesk with schema `version` left it."""
    conn = sqlite3.connect(path / DB_NAME, isolation_level=None)
    for number in range(version):
        conn.executescript(f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\n"
                           "COMMIT;")
    conn.close()


def _indexes(store: Store) -> set[str]:
    return {r[0] for r in store._query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'faxes' "
        "AND name NOT LIKE 'sqlite_autoindex%'")}


def test_migration_3_drops_unused_indexes_and_keeps_every_fax(tmp_path: Path) -> None:
    _store_at_version(tmp_path, 2)
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    conn.execute("BEGIN")
    for i in range(300):
        conn.execute(
            "INSERT INTO faxes (id, direction, status, connection_id, download_state, "
            "created_at, raw) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"fax-{i:05d}", "inbound" if i % 3 == 0 else "outbound",
             ["delivered", "failed", "received", "sending"][i % 4], f"app{i % 5}",
             "done" if i % 2 else None, f"2026-11-{1 + i % 25:02d}T10:00:{i % 60:02d}.000000Z",
             f'{{"id": "fax-{i:05d}"}}'))
    conn.execute("UPDATE faxes SET note = 'kept', is_read = 1 WHERE id = 'fax-00007'")
    conn.execute("INSERT INTO timeline (fax_id, status, at, source) "
                 "VALUES ('fax-00007', 'delivered', '2026-11-01T10:00:00.000000Z', 'poll')")
    conn.execute("COMMIT")
    before = [tuple(r) for r in conn.execute("SELECT * FROM faxes ORDER BY id")]
    conn.close()

    store = Store(tmp_path)
    assert store.schema_version == SCHEMA_VERSION
    assert _indexes(store) == {"faxes_created", "faxes_direction_created", "faxes_in_flight"}
    after = [tuple(r) for r in store._query("SELECT * FROM faxes ORDER BY id")]
    assert after == before
    kept = store.get_fax("fax-00007")
    assert kept is not None and (kept.note, kept.read) == ("kept", True)
    assert [t.status for t in store.timeline("fax-00007")] == ["delivered"]
    # The queries that lost an index give the same answers.
    assert len(store.list_faxes(status="failed")) == 75
    assert {r.id for r in store.in_flight()} == {f"fax-{i:05d}" for i in range(3, 300, 4)}
    assert store.has_in_flight()
    store.close()


def test_the_in_flight_queries_use_the_partial_index(tmp_path: Path) -> None:
    store = Store(tmp_path)
    _fill(store, 200)
    for sql in (f"SELECT id, created_at FROM faxes WHERE {Store._IN_FLIGHT}",
                f"SELECT 1 FROM faxes WHERE {Store._IN_FLIGHT} LIMIT 1"):
        plan = " ".join(str(tuple(r)) for r in store._query(f"EXPLAIN QUERY PLAN {sql}"))
        assert "faxes_in_flight" in plan, plan
    # Finished faxes are not in it: a history of them costs the index nothing.
    entries = store._query("SELECT COUNT(*) FROM faxes INDEXED BY faxes_in_flight "
                           f"WHERE {Store._IN_FLIGHT}")[0][0]
    assert entries == 50 == len(store.in_flight_times())
    store.close()


@pytest.mark.parametrize("text", [
    "2026-11-30T00:50:49.004244Z",  # as Telnyx writes times: taken as it is
    "2026-11-30T00:50:49Z", "2026-11-30T00:50:49.004Z", "2026-11-30T01:50:49.004244+01:00",
    "2026-11-30T00:50:49.004244z", "2026-W48-1T00:50:49.004244Z", "2026-11-30T00:50:49,004244Z",
    "2026-11-30T00:50:49.004245Z",  # canonical, but not the time it is given with
    "", None, 17,
])
def test_iso_from_a_time_s_own_text_is_always_iso_of_the_time(text: object) -> None:
    dt = parse_timestamp(text) or parse_timestamp("2026-11-30T00:50:49.004244Z")
    assert dt is not None
    assert iso_from(dt, text) == iso(dt)
    assert iso_from(dt.astimezone(timezone(timedelta(hours=-5))), text) == iso(dt)
    assert iso_from(dt.replace(tzinfo=None), text) == iso(dt.replace(tzinfo=None))
    assert iso_from(None, text) is None


def test_raw_json_is_json_dumps_of_the_mapping() -> None:
    raw = {"id": "f1", "from": "+1", "page_count": 3, "ok": True, "nothing": None,
           "nested": {"a": [1, 2.5, "é"]}, "when": datetime(2026, 1, 2, tzinfo=UTC)}
    assert raw_json(raw) == json.dumps(raw, default=str)
    assert raw_json(MappingProxyType(raw)) == json.dumps(raw, default=str)
    assert raw_json({}) == "{}"


def test_new_faxes_are_all_inserted_where_sqlite_allows_few_parameters(tmp_path: Path) -> None:
    # Many rows go into one statement; a SQLite built with a low parameter limit gets more of
    # them, smaller (14 columns: two faxes a statement here).
    store = Store(tmp_path)
    store._conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 30)
    try:
        apply_statuses(store, None, [StatusUpdate.from_fax(fax(f"f{i}", "delivered", minutes=i))
                                     for i in range(7)])
        assert [r.id for r in store.list_faxes()] == [f"f{i}" for i in reversed(range(7))]
        assert all(len(store.timeline(f"f{i}")) == 1 for i in range(7))
    finally:
        store.close()
