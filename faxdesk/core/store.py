"""The local SQLite store: the server's faxes and applications as last seen, and local data.

One connection, guarded by a lock, so any worker thread may call any method; SQLite runs in WAL
mode so a crash never leaves a half-written row. The schema is versioned with
`PRAGMA user_version` and upgraded by the ordered MIGRATIONS on open.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from faxdesk.api.models import Fax, FaxApplication, parse_timestamp
from faxdesk.core.paths import HOME_ENV, DiskFullError, StorageError, storage_error
from faxdesk.core.records import (
    JOURNAL_FINAL_STATES,
    ApplicationRecord,
    FaxRecord,
    JournalEntry,
    TimelineEntry,
)

DB_NAME = "faxdesk.sqlite3"

#: Each item upgrades the schema by one version; never edit a released one, append instead.
MIGRATIONS: Sequence[str] = (
    # 1: initial schema
    """
    CREATE TABLE faxes (
        id TEXT PRIMARY KEY,
        direction TEXT, status TEXT, from_number TEXT, to_number TEXT, connection_id TEXT,
        failure_reason TEXT, page_count INTEGER, client_state TEXT, media_name TEXT,
        media_url TEXT, created_at TEXT, updated_at TEXT, raw TEXT NOT NULL DEFAULT '{}',
        is_read INTEGER NOT NULL DEFAULT 0, note TEXT, document_path TEXT,
        downloaded_path TEXT, download_state TEXT, download_error TEXT, journal_id INTEGER
    );
    CREATE INDEX faxes_created ON faxes (created_at DESC);
    CREATE INDEX faxes_direction_created ON faxes (direction, created_at DESC);
    CREATE INDEX faxes_status ON faxes (status);
    CREATE INDEX faxes_connection ON faxes (connection_id);
    CREATE INDEX faxes_download ON faxes (download_state);
    CREATE TABLE timeline (
        id INTEGER PRIMARY KEY, fax_id TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
        source TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX timeline_fax ON timeline (fax_id, id);
    CREATE TABLE applications (
        id TEXT PRIMARY KEY, name TEXT, raw TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE journal (
        id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE, state TEXT NOT NULL,
        document_path TEXT NOT NULL, to_number TEXT NOT NULL, from_number TEXT NOT NULL,
        connection_id TEXT NOT NULL, options TEXT NOT NULL DEFAULT '{}',
        media_name TEXT NOT NULL, client_state TEXT NOT NULL, fax_id TEXT,
        created_at REAL NOT NULL, updated_at REAL NOT NULL, attempt INTEGER NOT NULL DEFAULT 1,
        parent_id INTEGER, error TEXT, next_attempt_at REAL
    );
    CREATE INDEX journal_state ON journal (state);
    CREATE INDEX journal_fax ON journal (fax_id);
    CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY, fax_id TEXT, applied_at REAL NOT NULL
    );
    CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT);
    """,
    # 2: why an entry waits, as a kind; what the person sent; finding a send by client_state
    """
    ALTER TABLE journal ADD COLUMN error_kind TEXT;
    ALTER TABLE journal ADD COLUMN page_count INTEGER;
    ALTER TABLE journal ADD COLUMN document_name TEXT;
    CREATE INDEX journal_client_state ON journal (client_state);
    """,
    # 3: every index costs every insert, and a first sync inserts thousands. Dropped: `status`
    # (only `faxdesk list --status` filtered on it; it now scans, ~7 ms at 10,000 faxes),
    # `connection_id` (no query filters on it) and `download_state` (pending downloads are
    # found through direction). Added: the faxes still moving, which the sync asks about every
    # tick, as a partial index (its WHERE is `Store._IN_FLIGHT`, word for word, or SQLite will
    # not use it): it holds only those faxes, so a history of finished ones costs it nothing.
    """
    DROP INDEX IF EXISTS faxes_status;
    DROP INDEX IF EXISTS faxes_connection;
    DROP INDEX IF EXISTS faxes_download;
    CREATE INDEX faxes_in_flight ON faxes (created_at)
        WHERE status IS NULL OR status NOT IN ('delivered', 'failed', 'received');
    """,
    # 4: the faxes deleted here: a page listed before the deletion, or a late webhook, must not
    # bring one back (later syncs list only what is new, so it would never leave again).
    """
    CREATE TABLE deleted_faxes (id TEXT PRIMARY KEY, deleted_at REAL NOT NULL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _move_aside(path: Path) -> Path:
    backup = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    path.replace(backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(backup.with_name(backup.name + suffix))
    return backup


def _storage_problem(exc: sqlite3.OperationalError, path: Path) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return DiskFullError(
            f"Could not write {path}: the disk is full. Free some space and try again.",
            path=path)
    if "readonly" in text or "read-only" in text:
        return StorageError(
            f"Could not write {path}: the folder is read-only. Check its permissions, or set "
            f"{HOME_ENV} to a writable folder.", path=path)
    return StorageError(f"Could not open {path}: it is in use or cannot be read. Close other "
                        "programs using it and try again.", path=path)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer FaxDesk; opening it could lose data."""


def iso(dt: datetime | None) -> str | None:
    """A UTC timestamp that sorts as text (fixed width, microseconds, `Z`)."""
    if dt is None:
        return None
    if dt.tzinfo is not None and dt.utcoffset():
        dt = dt.astimezone(UTC)
    # isoformat is C all the way; strftime("%Y-%m-%dT%H:%M:%S.%fZ") costs 4x as much, and a
    # sync writes three of these per fax.
    return dt.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def iso_from(dt: datetime | None, text: object) -> str | None:
    """`iso(dt)`, where `text` is what `dt` was read from: when that text is already written
    as `iso` writes it (as Telnyx writes its times), it is used as it is, after a check that it
    is `dt`. A sync writes two times per fax; this saves formatting them again."""
    if (dt is not None and type(text) is str and len(text) == 27 and text[26] == "Z"
            and text[4] == "-" and text[7] == "-" and text[10] == "T" and text[13] == ":"
            and text[16] == ":" and text[19] == "."):
        try:
            if datetime.fromisoformat(text) == dt:
                return text
        except ValueError:
            pass
    return iso(dt)


def _loads(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


#: Ids in one `IN (...)` query (SQLite allows 999 parameters in older builds).
_IDS_PER_QUERY = 500
#: Record fields named differently from their column.
_COLUMN_FIELDS = {"to_number": "to"}
#: The server fields of a fax row not written yet.
_NEW_RECORD: dict[str, Any] = dict.fromkeys((
    "direction", "status", "from_number", "to", "connection_id", "failure_reason",
    "page_count", "client_state", "media_name", "media_url", "created_at", "updated_at"))

_FAX_COLUMNS = (
    "id, direction, status, from_number, to_number, connection_id, failure_reason, page_count, "
    "client_state, media_name, media_url, created_at, updated_at, raw, is_read, note, "
    "document_path, downloaded_path, download_state, download_error, journal_id"
)
_JOURNAL_COLUMNS = (
    "id, token, state, document_path, to_number, from_number, connection_id, options, "
    "media_name, client_state, fax_id, created_at, updated_at, attempt, parent_id, error, "
    "next_attempt_at, error_kind, page_count, document_name"
)


#: The columns of a fax first seen on the server, in the order of `Store.insert_new_faxes` rows.
NEW_FAX_COLUMNS = ("id", "direction", "status", "from_number", "to_number", "connection_id",
                   "failure_reason", "page_count", "client_state", "media_name", "media_url",
                   "created_at", "updated_at", "raw")
_TIMELINE_COLUMNS = ("fax_id", "status", "at", "source", "detail")
#: Rows in one multi-row INSERT at most (fewer where SQLite allows fewer parameters).
_ROWS_PER_INSERT = 500


@functools.lru_cache(maxsize=32)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * rows)}"


def _insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` in order, many to a statement. Not `executemany`: that is one step per row,
    and Python's sqlite3 takes the GIL back between steps, so a sync thread storing a page
    waits for the thread parsing the next one at every row. One statement stores many rows
    with the GIL let go throughout."""
    if not rows:
        return
    width = len(columns)
    per = max(1, min(_ROWS_PER_INSERT,
                     conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        conn.execute(_insert_sql(table, columns, len(chunk)),
                     [value for row in chunk for value in row])


def _code(text: str | None) -> str | None:
    """One string object for each of the few values of a code column (a status, a direction,
    an application id), which SQLite would hand out as a new copy on every row."""
    return None if text is None else sys.intern(text)


def _fax_record(row: sqlite3.Row, with_raw: bool = True,
                shared: dict[str | None, str | None] | None = None) -> FaxRecord:
    """`shared`: for a caller reading many rows at once, where equal numbers (our own, on every
    fax sent or received) and document names (one document sent to many) become one string
    (an empty column, None, maps to itself)."""
    from_number, to, media_name = row["from_number"], row["to_number"], row["media_name"]
    if shared is not None:
        from_number = shared.setdefault(from_number, from_number)
        to = shared.setdefault(to, to)
        media_name = shared.setdefault(media_name, media_name)
    return FaxRecord(
        id=row["id"],
        direction=_code(row["direction"]),
        status=_code(row["status"]),
        from_number=from_number,
        to=to,
        connection_id=_code(row["connection_id"]),
        failure_reason=_code(row["failure_reason"]),
        page_count=row["page_count"],
        client_state=row["client_state"],
        media_name=media_name,
        media_url=row["media_url"],
        created_at=parse_timestamp(row["created_at"]),
        updated_at=parse_timestamp(row["updated_at"]),
        read=bool(row["is_read"]),
        note=row["note"],
        document_path=row["document_path"],
        downloaded_path=row["downloaded_path"],
        download_state=_code(row["download_state"]),
        download_error=row["download_error"],
        journal_id=row["journal_id"],
        raw=_loads(row["raw"]) if with_raw else {},
    )


def _journal_entry(row: sqlite3.Row) -> JournalEntry:
    return JournalEntry(
        id=row["id"],
        token=row["token"],
        state=row["state"],
        document_path=row["document_path"],
        to=row["to_number"],
        from_number=row["from_number"],
        connection_id=row["connection_id"],
        options=_loads(row["options"]),
        media_name=row["media_name"],
        client_state=row["client_state"],
        fax_id=row["fax_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        attempt=row["attempt"],
        parent_id=row["parent_id"],
        error=row["error"],
        next_attempt_at=row["next_attempt_at"],
        error_kind=row["error_kind"],
        page_count=row["page_count"],
        document_name=row["document_name"],
    )


def fax_columns(fax: Fax) -> dict[str, Any]:
    """The cached server fields of a Fax, as store columns."""
    return {
        "direction": fax.direction,
        "status": fax.status,
        "from_number": fax.from_number,
        "to_number": fax.to,
        "connection_id": fax.connection_id,
        "failure_reason": fax.failure_reason,
        "page_count": fax.page_count,
        "client_state": fax.client_state,
        "media_name": fax.media_name,
        "media_url": fax.media_url,
        "created_at": iso(fax.created_at),
        "updated_at": iso(fax.updated_at),
        "raw": raw_json(fax.raw),
    }


#: One encoder for every raw column: `json.dumps(..., default=str)` builds a new one per call.
_RAW_ENCODER = json.JSONEncoder(default=str)
#: ...and its C part, made once: `JSONEncoder.encode` makes it again on every call (a third of
#: the time for a fax's JSON). No check for circular references: the JSON was parsed from
#: text, so it has none. None where the C accelerator is missing.
_make_c_encoder: Callable[..., Callable[[Any, int], Sequence[str]]] | None = getattr(
    json.encoder, "c_make_encoder", None)
_RAW_C_ENCODER = None if _make_c_encoder is None else _make_c_encoder(
    None, str, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)


def raw_json(raw: Mapping[str, Any]) -> str:
    """The server's JSON of a fax as stored in the `raw` column (same text as
    `json.dumps(dict(raw), default=str)`)."""
    value = raw if type(raw) is dict else dict(raw)
    if _RAW_C_ENCODER is None:
        return _RAW_ENCODER.encode(value)
    return "".join(_RAW_C_ENCODER(value, 0))


class Store:
    """All reads and writes of the local database."""

    def __init__(self, data_dir: Path) -> None:
        if data_dir.exists() and not data_dir.is_dir():
            raise StorageError(
                f"FaxDesk's data folder {data_dir} is a file, not a folder. Move the file away, "
                f"or choose another folder (--data-dir, or {HOME_ENV}).", path=data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise storage_error(exc, data_dir, "create") from None
        self.path = data_dir / DB_NAME
        #: Where a damaged database was moved before a fresh one was made (None: it was fine).
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        try:
            self._conn = self._open()
        except SchemaTooNewError:
            raise
        except sqlite3.OperationalError as exc:
            # Disk full, read-only or locked: the file itself may be fine, so it stays.
            raise _storage_problem(exc, self.path) from None
        except sqlite3.DatabaseError:
            # Damaged (not a database, truncated): keep it aside, never delete it, and start a
            # fresh one that the first sync fills again from the account.
            self.recovered_from = _move_aside(self.path)
            self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        # Numbers and notes are private: the database (and its -wal/-shm, which SQLite creates
        # with the same mode) is readable by the user only.
        try:
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
            self.path.chmod(0o600)
        except OSError as exc:
            raise storage_error(exc, self.path, "open") from None
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE in `transaction`).
        conn = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=10.0
        )
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._conn = conn
            self._migrate()
        except BaseException:
            conn.close()
            raise
        return conn

    # --- plumbing -------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._lock:
            version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise SchemaTooNewError(
                    f"{self.path} has schema version {version}; this FaxDesk knows up to "
                    f"{SCHEMA_VERSION}. Update FaxDesk to open it."
                )
            for number in range(version, SCHEMA_VERSION):
                # executescript commits on its own; the version bump is inside the same script
                # so an interrupted migration is re-run as a whole next time.
                self._conn.executescript(
                    f"BEGIN;\n{MIGRATIONS[number]}\n"
                    f"PRAGMA user_version = {number + 1};\nCOMMIT;"
                )

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def locked(self) -> threading.RLock:
        """The lock every read and commit holds: what a caller holds to keep its events in
        commit order (`faxdesk.core.events.in_commit_order`)."""
        return self._lock

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the writer lock and one SQLite transaction; rolled back on error."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- faxes ----------------------------------------------------------------------------

    def get_fax(self, fax_id: str, conn: sqlite3.Connection | None = None) -> FaxRecord | None:
        sql = f"SELECT {_FAX_COLUMNS} FROM faxes WHERE id = ?"
        if conn is not None:
            row = conn.execute(sql, (fax_id,)).fetchone()
        else:
            rows = self._query(sql, (fax_id,))
            row = rows[0] if rows else None
        return _fax_record(row) if row is not None else None

    def list_faxes(
        self,
        direction: str | None = None,
        status: str | Sequence[str] | None = None,
        connection_id: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        unread: bool | None = None,
    ) -> list[FaxRecord]:
        """Newest first. `search` matches numbers, note, id and failure reason (substring).

        Rows for lists: `raw` (the server's JSON) is left empty; `get_fax` fills it.
        """
        where: list[str] = []
        params: list[Any] = []
        if direction:
            where.append("direction = ?")
            params.append(direction)
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            params.extend(statuses)
        if connection_id:
            where.append("connection_id = ?")
            params.append(connection_id)
        if unread is not None:
            where.append("is_read = ?")
            params.append(0 if unread else 1)
        if search:
            like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(from_number LIKE ? ESCAPE '\\' OR to_number LIKE ? ESCAPE '\\' OR "
                "note LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR "
                "failure_reason LIKE ? ESCAPE '\\')"
            )
            params.extend([like] * 5)
        sql = f"SELECT {_FAX_COLUMNS} FROM faxes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        # Row by row from the cursor: 10,000 faxes are never held twice (as rows and records).
        shared: dict[str | None, str | None] = {}
        with self._lock:
            return [_fax_record(r, with_raw=False, shared=shared)
                    for r in self._conn.execute(sql, params)]

    def iter_faxes(self, limit: int | None = None) -> Iterator[FaxRecord]:
        """Every fax, newest first, as `list_faxes()`, one at a time: for a caller that makes
        something else of each and keeps only that. It reads one snapshot of the database on a
        connection of its own (WAL lets it read while others write), so no other thread waits
        while the caller works through 10,000 faxes."""
        sql = f"SELECT {_FAX_COLUMNS} FROM faxes ORDER BY created_at DESC, id"
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (int(limit),)
        shared: dict[str | None, str | None] = {}
        try:
            # check_same_thread off: a generator dropped unfinished is closed wherever it goes.
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False, timeout=10.0)
        except sqlite3.OperationalError as exc:
            raise _storage_problem(exc, self.path) from None
        try:
            conn.row_factory = sqlite3.Row
            # One pass over the table: a page cache would only fill up (2 MB by default).
            conn.execute("PRAGMA cache_size = -64")
            for row in conn.execute(sql, params):
                yield _fax_record(row, with_raw=False, shared=shared)
        finally:
            conn.close()

    def count_faxes(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM faxes")[0][0])

    def in_flight(self) -> list[FaxRecord]:
        """Faxes whose status can still change (not delivered, failed or received)."""
        rows = self._query(
            f"SELECT {_FAX_COLUMNS} FROM faxes WHERE {self._IN_FLIGHT} ORDER BY created_at"
        )
        return [_fax_record(r, with_raw=False) for r in rows]

    #: Also the WHERE of the partial index `faxes_in_flight` (migration 3): keep them identical.
    _IN_FLIGHT = "status IS NULL OR status NOT IN ('delivered', 'failed', 'received')"

    def in_flight_times(self) -> list[tuple[str, datetime | None]]:
        """(id, created_at) of every fax in flight: what the sync planner needs, cheaply."""
        rows = self._query(f"SELECT id, created_at FROM faxes WHERE {self._IN_FLIGHT}")
        return [(r[0], parse_timestamp(r[1])) for r in rows]

    def has_in_flight(self) -> bool:
        return bool(self._query(f"SELECT 1 FROM faxes WHERE {self._IN_FLIGHT} LIMIT 1"))

    def pending_download_ids(self) -> list[str]:
        """The ids of received faxes whose document is not on disk yet, oldest first."""
        rows = self._query(
            "SELECT id FROM faxes WHERE direction = 'inbound' AND status = 'received' "
            "AND (download_state IS NULL OR download_state != 'done') ORDER BY created_at"
        )
        return [r[0] for r in rows]

    def fax_records(
        self, fax_ids: Sequence[str], conn: sqlite3.Connection
    ) -> dict[str, FaxRecord | None]:
        """The stored faxes among `fax_ids`, read at once (None for an id not stored)."""
        found: dict[str, FaxRecord | None] = dict.fromkeys(fax_ids)
        unique = list(found)
        for start in range(0, len(unique), _IDS_PER_QUERY):
            chunk = unique[start:start + _IDS_PER_QUERY]
            sql = (f"SELECT {_FAX_COLUMNS} FROM faxes "
                   f"WHERE id IN ({','.join('?' * len(chunk))})")
            for row in conn.execute(sql, chunk):
                found[row["id"]] = _fax_record(row)
        return found

    @staticmethod
    def record_after(existing: FaxRecord | None, fax_id: str, columns: Mapping[str, Any],
                     raw: Mapping[str, Any] | None = None,
                     times: Mapping[str, datetime | None] | None = None) -> FaxRecord:
        """The record `get_fax` would read after `save_fax_columns(fax_id, columns)`, built
        without reading it back. `raw`: the dict whose JSON is `columns["raw"]`, and `times`:
        the datetimes written as `created_at` / `updated_at`, when at hand."""
        values: dict[str, Any] = {}
        for column, value in columns.items():
            if column == "raw":
                values["raw"] = dict(raw) if raw is not None else _loads(value)
            elif column in ("created_at", "updated_at"):
                known = times.get(column) if times else None
                values[column] = known if known is not None else parse_timestamp(value)
            elif column == "is_read":
                values["read"] = bool(value)
            else:
                values[_COLUMN_FIELDS.get(column, column)] = value
        if existing is not None:
            return replace(existing, **values)
        return FaxRecord(**(_NEW_RECORD | values), id=fax_id)

    def save_fax_columns(
        self, conn: sqlite3.Connection, fax_id: str, columns: Mapping[str, Any], *,
        exists: bool | None = None,
    ) -> None:
        """Insert or update a fax row (inside a `transaction`); `exists` when the caller knows."""
        if exists is None:
            exists = conn.execute(
                "SELECT 1 FROM faxes WHERE id = ?", (fax_id,)).fetchone() is not None
        if exists:
            if columns:
                sets = ", ".join(f"{k} = :{k}" for k in columns)
                conn.execute(f"UPDATE faxes SET {sets} WHERE id = :_id", {**columns, "_id": fax_id})
        else:
            cols = {"id": fax_id, **columns}
            names = ", ".join(cols)
            values = ", ".join(f":{k}" for k in cols)
            conn.execute(f"INSERT INTO faxes ({names}) VALUES ({values})", cols)

    def insert_new_faxes(self, conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
        """Insert faxes not stored yet, inside a `transaction`, many to a statement: each row
        holds the values of `NEW_FAX_COLUMNS`, in order (None for a column left out: its default is
        NULL too); the local columns keep their defaults."""
        _insert_rows(conn, "faxes", NEW_FAX_COLUMNS, rows)

    def update_local(self, fax_id: str, **columns: Any) -> FaxRecord | None:
        """Set local columns (is_read, note, document_path, download_*, journal_id)."""
        allowed = {"is_read", "note", "document_path", "downloaded_path", "download_state",
                   "download_error", "journal_id"}
        bad = set(columns) - allowed
        if bad:
            raise ValueError(f"not local columns: {sorted(bad)}")
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM faxes WHERE id = ?", (fax_id,)).fetchone() is None:
                return None
            self.save_fax_columns(conn, fax_id, columns)
            return self.get_fax(fax_id, conn)

    def delete_fax(self, fax_id: str) -> None:
        """Forget a fax for good: news about it that arrives later is ignored."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM faxes WHERE id = ?", (fax_id,))
            conn.execute("DELETE FROM timeline WHERE fax_id = ?", (fax_id,))
            conn.execute("INSERT OR REPLACE INTO deleted_faxes (id, deleted_at) VALUES (?, ?)",
                         (fax_id, time.time()))

    def deleted_among(self, fax_ids: Sequence[str], conn: sqlite3.Connection) -> set[str]:
        """Which of `fax_ids` were deleted here."""
        found: set[str] = set()
        unique = list(dict.fromkeys(fax_ids))
        for start in range(0, len(unique), _IDS_PER_QUERY):
            chunk = unique[start:start + _IDS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in conn.execute(
                f"SELECT id FROM deleted_faxes WHERE id IN ({marks})", chunk))
        return found

    # --- timeline -------------------------------------------------------------------------

    def add_timeline(
        self,
        fax_id: str,
        status: str,
        source: str,
        detail: str | None = None,
        at: datetime | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        params = (fax_id, status, iso(at or datetime.now(UTC)), source, detail)
        sql = "INSERT INTO timeline (fax_id, status, at, source, detail) VALUES (?, ?, ?, ?, ?)"
        if conn is not None:
            conn.execute(sql, params)
        else:
            with self.transaction() as c:
                c.execute(sql, params)

    def add_timeline_rows(
        self, conn: sqlite3.Connection,
        rows: Sequence[tuple[str, str, str, str | None, datetime | str | None]],
    ) -> None:
        """Many `add_timeline` at once, in order: (fax_id, status, source, detail, at); `at`
        may be given already as `iso` text."""
        now = datetime.now(UTC)
        _insert_rows(conn, "timeline", _TIMELINE_COLUMNS,
                     [(fax_id, status, at if isinstance(at, str) else iso(at or now), source,
                       detail) for fax_id, status, source, detail, at in rows])

    def timeline(self, fax_id: str) -> list[TimelineEntry]:
        rows = self._query(
            "SELECT fax_id, status, at, source, detail FROM timeline WHERE fax_id = ? ORDER BY id",
            (fax_id,),
        )
        return [
            TimelineEntry(
                fax_id=r["fax_id"],
                status=r["status"],
                at=parse_timestamp(r["at"]) or datetime.now(UTC),
                source=r["source"],
                detail=r["detail"],
            )
            for r in rows
        ]

    # --- webhook events -------------------------------------------------------------------

    def event_applied(self, event_id: str, conn: sqlite3.Connection | None = None) -> bool:
        sql = "SELECT 1 FROM webhook_events WHERE id = ?"
        if conn is not None:
            return conn.execute(sql, (event_id,)).fetchone() is not None
        return bool(self._query(sql, (event_id,)))

    def mark_event_applied(
        self, conn: sqlite3.Connection, event_id: str, fax_id: str | None
    ) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO webhook_events (id, fax_id, applied_at) VALUES (?, ?, ?)",
            (event_id, fax_id, time.time()),
        )

    # --- applications ---------------------------------------------------------------------

    def replace_applications(self, apps: Sequence[FaxApplication]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM applications")
            conn.executemany(
                "INSERT INTO applications (id, name, raw) VALUES (?, ?, ?)",
                [(a.id, a.application_name, json.dumps(dict(a.raw), default=str)) for a in apps],
            )

    def save_application(self, app: FaxApplication) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO applications (id, name, raw) VALUES (?, ?, ?)",
                (app.id, app.application_name, json.dumps(dict(app.raw), default=str)),
            )

    def remove_application(self, app_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM applications WHERE id = ?", (app_id,))

    def applications(self) -> list[FaxApplication]:
        rows = self._query("SELECT raw FROM applications ORDER BY name COLLATE NOCASE, id")
        return [FaxApplication.from_json(_loads(r["raw"])) for r in rows]

    def application_records(self) -> list[ApplicationRecord]:
        rows = self._query("SELECT id, name, raw FROM applications ORDER BY name COLLATE NOCASE")
        return [ApplicationRecord(r["id"], r["name"], _loads(r["raw"])) for r in rows]

    # --- journal --------------------------------------------------------------------------

    def create_journal_entry(
        self,
        *,
        token: str,
        document_path: str,
        to: str,
        from_number: str,
        connection_id: str,
        options: Mapping[str, Any],
        media_name: str,
        client_state: str,
        attempt: int = 1,
        parent_id: int | None = None,
        next_attempt_at: float | None = None,
        now: float | None = None,
        page_count: int | None = None,
        document_name: str | None = None,
    ) -> JournalEntry:
        stamp = time.time() if now is None else now
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO journal (token, state, document_path, to_number, from_number, "
                "connection_id, options, media_name, client_state, created_at, updated_at, "
                "attempt, parent_id, next_attempt_at, page_count, document_name) "
                "VALUES (?, 'prepared', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (token, document_path, to, from_number, connection_id,
                 json.dumps(dict(options), default=str), media_name, client_state, stamp, stamp,
                 attempt, parent_id, next_attempt_at, page_count, document_name),
            )
            entry_id = int(cur.lastrowid or 0)
            row = conn.execute(f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE id = ?",
                               (entry_id,)).fetchone()
        return _journal_entry(row)

    def update_journal(self, entry_id: int, **columns: Any) -> JournalEntry:
        allowed = {"state", "fax_id", "error", "error_kind", "next_attempt_at"}
        bad = set(columns) - allowed
        if bad:
            raise ValueError(f"not journal columns: {sorted(bad)}")
        with self.transaction() as conn:
            sets = ", ".join(f"{k} = :{k}" for k in columns)
            conn.execute(
                f"UPDATE journal SET {sets}, updated_at = :_now WHERE id = :_id",
                {**columns, "_now": time.time(), "_id": entry_id},
            )
            row = conn.execute(f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE id = ?",
                               (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _journal_entry(row)

    def journal_entry(self, entry_id: int) -> JournalEntry | None:
        rows = self._query(f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE id = ?", (entry_id,))
        return _journal_entry(rows[0]) if rows else None

    def journal_for_fax(self, fax_id: str) -> JournalEntry | None:
        rows = self._query(
            f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE fax_id = ? ORDER BY id DESC LIMIT 1",
            (fax_id,),
        )
        return _journal_entry(rows[0]) if rows else None

    def journal_for_client_state(
        self, client_state: str, conn: sqlite3.Connection | None = None
    ) -> JournalEntry | None:
        sql = f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE client_state = ? LIMIT 1"
        if conn is not None:
            row = conn.execute(sql, (client_state,)).fetchone()
            return None if row is None else _journal_entry(row)
        rows = self._query(sql, (client_state,))
        return _journal_entry(rows[0]) if rows else None

    def journal_client_states(
        self, client_states: Sequence[str], conn: sqlite3.Connection
    ) -> set[str]:
        """Which of `client_states` belong to a journal entry (a send made here), at once."""
        found: set[str] = set()
        unique = list(dict.fromkeys(client_states))
        for start in range(0, len(unique), _IDS_PER_QUERY):
            chunk = unique[start:start + _IDS_PER_QUERY]
            sql = ("SELECT DISTINCT client_state FROM journal "
                   f"WHERE client_state IN ({','.join('?' * len(chunk))})")
            found.update(row[0] for row in conn.execute(sql, chunk))
        return found

    def journal_entries(
        self, *, unfinished: bool = False, states: Sequence[str] | None = None
    ) -> list[JournalEntry]:
        """Entries in id order: all, the unfinished ones, or those in the given states."""
        sql = f"SELECT {_JOURNAL_COLUMNS} FROM journal"
        params: list[Any] = []
        if unfinished:
            finals = sorted(JOURNAL_FINAL_STATES)
            sql += f" WHERE state NOT IN ({','.join('?' * len(finals))})"
            params.extend(finals)
        elif states is not None:
            if not states:
                return []
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            params.extend(states)
        return [_journal_entry(r) for r in self._query(sql + " ORDER BY id", params)]

    def journal_children(self, entry_id: int) -> list[JournalEntry]:
        rows = self._query(
            f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE parent_id = ? ORDER BY id", (entry_id,)
        )
        return [_journal_entry(r) for r in rows]

    # --- key/value (sync watermark and the like) -------------------------------------------

    def get_value(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM kv WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_value(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM kv WHERE key = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (key, value))
