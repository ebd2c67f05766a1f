"""Turns store-level changes into row events: each visible change of a row published once.

Reads rows from the store (`rows`, `row`) and listens to `FaxChanged` / `JournalChanged`. A
journal step the person cannot see (a retry counter, the fax id being recorded before the fax
row exists) produces no event, because the rebuilt row equals the one published last. It also
keeps the count of outbound faxes in flight, in memory, and publishes it when it changes.

A send and its automatic retries are one row (`faxdesk.core.rows.chain_row`): a change of any
attempt publishes that row again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator

from faxdesk.core.events import (
    EventHub,
    FaxChanged,
    InFlightChanged,
    JournalChanged,
    RowChanged,
    RowRemoved,
)
from faxdesk.core.records import FaxRecord, JournalEntry
from faxdesk.core.rows import (
    FaxRow,
    chain_row,
    journal_id_of,
    retry_chain,
    retry_root,
    row_for_entry,
    row_for_fax,
    send_row_id,
)
from faxdesk.core.store import Store

#: Rows remembered to tell a real change from a repeat; a row older than this many changes is
#: simply published again, which listeners handle as an update.
_REMEMBERED = 2048


class RowFeed:
    def __init__(self, store: Store, hub: EventHub) -> None:
        self._store = store
        self._hub = hub
        self._lock = threading.Lock()
        self._last: OrderedDict[str, FaxRow] = OrderedDict()
        self._in_flight: set[str] | None = None  # row ids; None until first counted
        self._unsubscribe = [hub.subscribe(self._on_fax, FaxChanged),
                             hub.subscribe(self._on_journal, JournalChanged)]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    # --- reading --------------------------------------------------------------------------

    def rows(self, limit: int | None = None) -> list[FaxRow]:
        """Pending sends first, then the stored faxes, newest first; a send and its automatic
        retries are one row."""
        pending: list[FaxRow] = []
        faxes: list[FaxRow] = []
        for row, is_pending in self._walk(limit, in_order=True):
            (pending if is_pending else faxes).append(row)
        return pending + faxes

    def iter_rows(self) -> Iterator[FaxRow]:
        """The rows of `rows()`, in no set order, made one at a time: for a caller that keeps
        something else of each, or only the rows that changed (the window, on a reload), so a
        history of 10,000 is not held twice."""
        for row, _ in self._walk(None, in_order=False):
            yield row

    def _walk(self, limit: int | None, *, in_order: bool) -> Iterator[tuple[FaxRow, bool]]:
        """(row, is a pending send) for every row. A fax not sent from here is made a row as it
        is read; the faxes sent from here are kept, to be joined with their send's other
        attempts, and come after the others unless `in_order`."""
        entries = {e.id: e for e in self._store.journal_entries()}
        children: dict[int, list[JournalEntry]] = {}
        for entry in entries.values():
            if entry.parent_id is not None:
                children.setdefault(entry.parent_id, []).append(entry)
        listed: list[FaxRow | FaxRecord] = []
        by_id: dict[str, FaxRecord] = {}
        by_journal: dict[int, FaxRecord] = {}
        for rec in self._store.iter_faxes(limit):
            if rec.journal_id is None or rec.journal_id not in entries:
                if in_order:
                    listed.append(row_for_fax(rec))
                else:
                    yield row_for_fax(rec), False
                continue
            by_id[rec.id] = rec
            by_journal[rec.journal_id] = rec
            listed.append(rec)

        def record(entry: JournalEntry) -> FaxRecord | None:
            if entry.fax_id is None:  # a poll may have found the fax before its answer came
                return by_journal.get(entry.id)
            return by_id.get(entry.fax_id) or self._store.get_fax(entry.fax_id)

        def chain_of(root: JournalEntry) -> FaxRow | None:
            return chain_row(retry_chain(root, lambda i: children.get(i, ())), record)

        done: set[int] = set()
        for item in listed:
            if isinstance(item, FaxRow):
                yield item, False
                continue
            assert item.journal_id is not None
            root = retry_root(entries[item.journal_id], entries.get)
            if root.id in done:
                continue
            done.add(root.id)
            row = chain_of(root)
            if row is not None:
                yield row, False
        for entry in entries.values():
            if entry.id in done or retry_root(entry, entries.get) is not entry:
                continue  # a retry shows on its first attempt's row
            row = chain_of(entry)
            if row is not None and row.pending is not None:
                yield row, True

    def row(self, row_id: str) -> FaxRow | None:
        return self._row(row_id)

    def _row(self, row_id: str, known: FaxRecord | None = None) -> FaxRow | None:
        """`known`: a fax just stored, tied to its send before the send has its fax id."""
        journal_id = journal_id_of(row_id)
        if journal_id is None:
            record = self._store.get_fax(row_id)
            return None if record is None else self._row_for_record_id(record.id)
        chain = self.chain(journal_id)

        def record_of(entry: JournalEntry) -> FaxRecord | None:
            if entry.fax_id is not None:
                return self._store.get_fax(entry.fax_id)
            return known if known is not None and known.journal_id == entry.id else None

        return chain_row(chain, record_of) if chain else None

    def chain(self, journal_id: int) -> list[JournalEntry]:
        """The attempts of the send that journal entry belongs to, first to latest (empty when
        there is no such entry)."""
        entry = self._store.journal_entry(journal_id)
        if entry is None:
            return []
        root = retry_root(entry, self._store.journal_entry)
        return retry_chain(root, self._store.journal_children)

    def _root_row_id(self, journal_id: int) -> str:
        entry = self._store.journal_entry(journal_id)
        if entry is None:
            return send_row_id(journal_id)
        return send_row_id(retry_root(entry, self._store.journal_entry).id)

    def _row_for_record_id(self, fax_id: str) -> FaxRow | None:
        """One fax as itself (an attempt of a send, when it is one): what `faxdesk send
        --follow` follows. The send's own row (`send:<id>`) shows its latest attempt."""
        record = self._store.get_fax(fax_id)
        if record is None:
            return None
        entry = self._store.journal_entry(record.journal_id) if record.journal_id else None
        return row_for_fax(record, entry)

    def in_flight(self) -> int:
        with self._lock:
            if self._in_flight is None:
                self._in_flight = {r.id for r in self._in_flight_rows()}
            return len(self._in_flight)

    def _in_flight_rows(self) -> Iterable[FaxRow]:
        for entry in self._store.journal_entries(unfinished=True):
            if row_for_entry(entry) is not None:
                row = self.row(self._root_row_id(entry.id))
                if row is not None and row.in_flight:
                    yield row
        for record in self._store.in_flight():
            found = None
            if record.journal_id is not None and self._store.journal_entry(record.journal_id):
                found = self.row(self._root_row_id(record.journal_id))
            row = found or row_for_fax(record)
            if row.in_flight:
                yield row

    # --- publishing -----------------------------------------------------------------------

    def _heard(self) -> bool:
        """Whether anyone hears the rows. While nobody does (the command line, mostly), a change
        costs no row: what was published last and the in-flight count are forgotten instead, to
        be read again from the store when asked."""
        if self._hub.listens(RowChanged, RowRemoved, InFlightChanged):
            return True
        if self._last or self._in_flight is not None:
            with self._lock:
                self._last.clear()
                self._in_flight = None
        return False

    def _on_fax(self, event: FaxChanged) -> None:
        if not self._heard():
            return
        if event.fax is None:
            row_id = self._forget_fax(event.fax_id)
            # An automatic retry deleted: the send's row shows its attempt before, if any.
            row = self.row(row_id) if journal_id_of(row_id) is not None else None
            if row is None:
                self._publish_removed(row_id)
            else:
                self._publish(row, row.status)
            return
        record = event.fax
        if record.journal_id is not None and self._store.journal_entry(record.journal_id):
            row = self._row(self._root_row_id(record.journal_id), record)
            if row is not None:
                self._publish(row, event.old_status)
            return
        self._publish(row_for_fax(record), event.old_status)

    def _on_journal(self, event: JournalChanged) -> None:
        if not self._heard():
            return
        entry = self._store.journal_entry(event.journal_id)
        if (entry is not None and entry.fax_id is not None
                and self._store.get_fax(entry.fax_id) is None):
            # The fax id is recorded just before the fax itself is stored: nothing to show yet
            # (the pending row would only differ in its time); the fax's row follows at once.
            return
        row_id = self._root_row_id(event.journal_id)
        row = self.row(row_id)
        if row is None:
            self._publish_removed(row_id)
        else:
            self._publish(row, row.status)

    def _forget_fax(self, fax_id: str) -> str:
        """The row id a deleted fax had: its send's, when it was sent from here."""
        entry = self._store.journal_for_fax(fax_id)
        return self._root_row_id(entry.id) if entry is not None else fax_id

    def _publish(self, row: FaxRow, previous_status: str | None) -> None:
        previous_pending = None
        with self._lock:
            last = self._last.pop(row.id, None)
            self._last[row.id] = row
            if len(self._last) > _REMEMBERED:
                self._last.popitem(last=False)
            if last is not None:
                if last == row:
                    return
                previous_status, previous_pending = last.status, last.pending
            count = self._count(row.id, row.in_flight)
        self._hub.publish(RowChanged(row, previous_status, previous_pending))
        if count is not None:
            self._hub.publish(InFlightChanged(count))

    def _publish_removed(self, row_id: str) -> None:
        with self._lock:
            self._last.pop(row_id, None)
            count = self._count(row_id, False)
        self._hub.publish(RowRemoved(row_id))
        if count is not None:
            self._hub.publish(InFlightChanged(count))

    def _count(self, row_id: str, in_flight: bool) -> int | None:
        """Update the in-flight set (lock held); the new count when it changed, else None."""
        if self._in_flight is None:
            return None
        before = len(self._in_flight)
        if in_flight:
            self._in_flight.add(row_id)
        else:
            self._in_flight.discard(row_id)
        after = len(self._in_flight)
        return after if after != before else None
