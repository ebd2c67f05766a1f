"""The one function that applies a status update to the store, from polling or a webhook.

Webhooks arrive late, twice and out of order, and a poll may return an older picture than a
webhook already applied. So an update never moves a fax backwards in its lifecycle
(`STATUS_RANK`), a finished fax stays finished with its first final status, and an event id is
applied once. Every applied status change lands in the fax's timeline and is published.
`apply_statuses` applies a whole page the same way in one transaction, and `apply_polled` the
faxes of a page as the sync lists them (the sync's hot path).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from faxdesk.api.models import FINAL_STATUSES, STATUS_RANK, Fax
from faxdesk.core.events import EventHub, FaxChanged, in_commit_order
from faxdesk.core.records import FaxRecord
from faxdesk.core.store import Store, fax_columns, iso, iso_from, raw_json


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """What one source says about one fax.

    `fax` is the whole object when it came from the API (poll, get, create); a webhook carries
    only the fields it has (`fields`, in store column names).
    """

    fax_id: str
    status: str | None
    source: str  # "poll" | "webhook" | "local"
    at: datetime | None = None
    fax: Fax | None = None
    fields: dict[str, Any] | None = None
    failure_reason: str | None = None
    event_id: str | None = None
    detail: str | None = None

    @classmethod
    def from_fax(cls, fax: Fax, source: str = "poll", detail: str | None = None) -> StatusUpdate:
        return cls(
            fax_id=fax.id,
            status=fax.status,
            source=source,
            at=fax.updated_at,
            fax=fax,
            failure_reason=fax.failure_reason,
            detail=detail,
        )


def _rank(status: str | None) -> int:
    return STATUS_RANK.get(status or "", 0)


def _moves_forward(old: str | None, new: str | None) -> bool:
    """Whether `new` may replace `old`."""
    if new is None or new == old:
        return False
    if old is None:
        return True
    if old in FINAL_STATUSES:
        return False  # finished is finished: the first final status wins
    if new not in STATUS_RANK:
        # An unknown status (a new one Telnyx added) is shown, unless we know we are further on.
        return _rank(old) <= 1
    return _rank(new) > _rank(old) or (_rank(old) == 0)


def _timeline_detail(update: StatusUpdate, status: str) -> str | None:
    return _detail(status, update.failure_reason, update.detail)


def _detail(status: str, failure_reason: str | None, detail: str | None) -> str | None:
    parts = []
    if status == "failed" and failure_reason:
        parts.append(failure_reason)
    if detail:
        parts.append(detail)
    return "; ".join(parts) or None


class _Page:
    """What the updates of one page share inside its transaction: the faxes as they stand (read
    in one query for the whole page, then kept up to date here), the client_states that belong
    to a send made here, the new faxes not inserted yet, and the timeline rows, written together
    at the end."""

    __slots__ = ("inserts", "linked", "records", "timeline")

    def __init__(self, records: dict[str, FaxRecord | None], linked: set[str]) -> None:
        self.records = records
        self.linked = linked
        self.inserts: list[tuple[Any, ...]] = []
        self.timeline: list[tuple[str, str, str, str | None, datetime | str | None]] = []

    def flush(self, conn: sqlite3.Connection, store: Store) -> None:
        """Write the new faxes collected so far (before anything else touches the table)."""
        if self.inserts:
            store.insert_new_faxes(conn, self.inserts)
            self.inserts = []


def _is_new(fax_id: str, fax: Fax, page: _Page) -> bool:
    """Whether the server's `fax` (with nothing else said about it: no webhook fields, no event
    id) is one the store does not have and not created by a send made here: most of a first
    sync. Nothing to compare it with, so `_insert_new` writes it as the general path would, with
    less work."""
    return (page.records.get(fax_id) is None
            and not (fax.client_state and fax.client_state in page.linked))


def _insert_new(fax_id: str, status: str | None, failure_reason: str | None,
                at: datetime | None, source: str, detail: str | None, fax: Fax,
                page: _Page) -> FaxRecord:
    """What `_apply_in` does for the update (`fax_id`, `status`, ..., `fax`) of a fax `_is_new`
    accepts: the same row, timeline and record. (No stored status to move from: any status is a
    step forward, and the update's own failure reason, when it has one, is the one kept.)"""
    reason = failure_reason if status is not None and failure_reason else fax.failure_reason
    raw = fax.raw
    created = iso_from(fax.created_at, raw.get("created_at"))
    updated = iso_from(fax.updated_at, raw.get("updated_at"))
    page.inserts.append((
        fax_id, fax.direction, status, fax.from_number, fax.to, fax.connection_id,
        reason, fax.page_count, fax.client_state, fax.media_name, fax.media_url, created,
        updated, raw_json(raw)))
    if status:
        stamp: datetime | str = (updated if at is not None and at is fax.updated_at and updated
                                 else at or datetime.now(UTC))
        page.timeline.append((fax_id, status, source, _detail(status, failure_reason, detail),
                              stamp))
    # Frozen records share the server's JSON with the (discarded) Fax: neither changes it.
    record = FaxRecord(
        id=fax_id, direction=fax.direction, status=status, from_number=fax.from_number,
        to=fax.to, connection_id=fax.connection_id, failure_reason=reason,
        page_count=fax.page_count, client_state=fax.client_state, media_name=fax.media_name,
        media_url=fax.media_url, created_at=fax.created_at, updated_at=fax.updated_at,
        raw=raw)
    page.records[fax_id] = record
    return record


def _apply_in(
    conn: sqlite3.Connection, store: Store, update: StatusUpdate, page: _Page | None = None
) -> tuple[bool, str | None, FaxRecord | None]:
    if update.event_id and store.event_applied(update.event_id, conn):
        return False, None, None
    if page is None and store.deleted_among([update.fax_id], conn):
        return False, None, None  # deleted here: later news must not bring it back
    if page is not None:
        existing = page.records.get(update.fax_id)
    else:
        existing = store.get_fax(update.fax_id, conn)
    old_status = existing.status if existing else None
    forward = _moves_forward(old_status, update.status)

    columns: dict[str, Any] = {}
    server: dict[str, Any] = {}
    if update.fax is not None:
        # An absent field is no news: the Fax object lacks what webhooks carry (page_count), and
        # a poll must not erase it.
        server = {k: v for k, v in fax_columns(update.fax).items() if v is not None}
        if existing is None or forward or update.status == old_status:
            columns.update(server)
        else:
            # An older picture: keep our status, take only fields we do not have yet.
            columns.update({k: v for k, v in server.items()
                            if getattr(existing, _FIELD.get(k, k), None) is None})
            columns.pop("status", None)
            columns.pop("failure_reason", None)
    if update.fields:
        for key, value in update.fields.items():
            if value is None:
                continue
            if key in ("status", "failure_reason") and not forward:
                continue
            if key == "created_at" and existing is not None and existing.created_at is not None:
                continue  # an event's time is only a stand-in until the server's is known
            known = getattr(existing, _FIELD.get(key, key), None) if existing else None
            if existing is not None and not forward and known:
                continue  # a late event does not overwrite what a newer one set
            columns[key] = value
    if existing is None or existing.journal_id is None:
        link = _journal_link(conn, store, update)
        columns.update({k: v for k, v in link.items() if columns.get(k) is None})
    if forward:
        columns["status"] = update.status
        if update.failure_reason:
            columns["failure_reason"] = update.failure_reason
    else:
        columns.pop("status", None)
    # Drop values equal to what is stored so an identical poll is a no-op.
    if existing is not None:
        columns = {k: v for k, v in columns.items() if _stored(existing, k) != v}
    changed = existing is None or bool(columns)
    if changed:
        store.save_fax_columns(conn, update.fax_id, columns, exists=existing is not None)
    if forward and update.status:
        at = update.at or datetime.now(UTC)
        detail = _timeline_detail(update, update.status)
        if page is not None:
            # The poll's own time, already written out for the fax row: not formatted twice.
            stamp: datetime | str = at
            if update.fax is not None and at is update.fax.updated_at and "updated_at" in server:
                stamp = server["updated_at"]
            page.timeline.append((update.fax_id, update.status, update.source, detail, stamp))
        else:
            store.add_timeline(update.fax_id, update.status, update.source, detail, at, conn)
    if update.event_id:
        store.mark_event_applied(conn, update.event_id, update.fax_id)
    if not changed:
        return changed, old_status, existing
    if page is None:
        return changed, old_status, store.get_fax(update.fax_id, conn)
    # The record as it now stands, without reading it back (the page's hot path).
    raw = update.fax.raw if update.fax is not None and "raw" in columns else None
    # Times taken from the fax are used as they are, not parsed back from their text.
    times: dict[str, datetime | None] = {
        k: getattr(update.fax, k) for k in ("created_at", "updated_at")
        if k in columns and columns[k] is server.get(k)}
    record = store.record_after(existing, update.fax_id, columns, raw, times)
    page.records[update.fax_id] = record
    return changed, old_status, record


def _journal_link(conn: sqlite3.Connection, store: Store, update: StatusUpdate) -> dict[str, Any]:
    """A fax created by one of our sends carries its client_state: tie it to the journal entry
    at once, whichever of the poll, a webhook or the outbox reports it first."""
    client_state = update.fax.client_state if update.fax is not None else None
    if client_state is None and update.fields:
        value = update.fields.get("client_state")
        client_state = value if isinstance(value, str) else None
    if not client_state:
        return {}
    entry = store.journal_for_client_state(client_state, conn)
    if entry is None:
        return {}
    # With the pages we sent (Telnyx reports them only once the fax is delivered).
    link = {"journal_id": entry.id, "document_path": entry.document_path}
    return link | ({"page_count": entry.page_count} if entry.page_count else {})


# record attribute names that differ from column names
_FIELD = {"to_number": "to"}


def _stored(record: FaxRecord, column: str) -> Any:
    if column == "raw":
        return raw_json(record.raw)
    value = getattr(record, _FIELD.get(column, column), None)
    if column in ("created_at", "updated_at"):
        return iso(value)
    return value


def apply_status(store: Store, hub: EventHub | None, update: StatusUpdate) -> bool:
    """Apply `update`; returns True when the stored fax changed (and FaxChanged was published)."""
    if hub is None:
        with store.transaction() as conn:
            return _apply_in(conn, store, update)[0]
    with in_commit_order(hub, store.locked()) as post:
        with store.transaction() as conn:
            changed, old_status, record = _apply_in(conn, store, update)
        if changed and record is not None:
            post(FaxChanged(update.fax_id, old_status, record.status, record))
    return changed


def set_local(store: Store, hub: EventHub, fax_id: str, **columns: object) -> None:
    """Set local columns of a stored fax (`Store.update_local`; none: only publish it again)
    and publish its record."""
    with in_commit_order(hub, store.locked()) as post:
        record = store.update_local(fax_id, **columns)
        if record is not None:
            post(FaxChanged(fax_id, record.status, record.status, record))


def forget_fax(store: Store, hub: EventHub, fax_id: str) -> None:
    """Delete a fax from the store for good (`Store.delete_fax`) and publish that it is gone."""
    with in_commit_order(hub, store.locked()) as post:
        record = store.get_fax(fax_id)
        store.delete_fax(fax_id)
        post(FaxChanged(fax_id, record.status if record else None, None, None))


def apply_statuses(
    store: Store, hub: EventHub | None, updates: Iterable[StatusUpdate]
) -> list[FaxChanged]:
    """Apply `updates` in order, in one transaction: the same result as `apply_status` on each.

    One commit per page instead of per fax is what makes a first sync of thousands fast. Events
    go out after the commit, in order, one per fax that changed (an unchanged fax costs neither a
    timeline row nor an event); returns them.
    """
    return _apply_all(store, hub, list(updates))


def apply_polled(store: Store, hub: EventHub | None, faxes: Iterable[Fax]) -> list[FaxChanged]:
    """`apply_statuses` of `StatusUpdate.from_fax(fax, "poll")` for each of `faxes` (what a sync
    lists), without making that update for a fax new to the store."""
    return _apply_all(store, hub, list(faxes))


def _apply_all(
    store: Store, hub: EventHub | None, items: Sequence[StatusUpdate | Fax]
) -> list[FaxChanged]:
    if hub is None:
        return _apply_all_in(store, items)
    with in_commit_order(hub, store.locked()) as post:
        events = _apply_all_in(store, items)
        for event in events:
            post(event)
    return events


def _apply_all_in(store: Store, items: Sequence[StatusUpdate | Fax]) -> list[FaxChanged]:
    events: list[FaxChanged] = []
    with store.transaction() as conn:
        # A fax deleted here while this page was on its way stays deleted.
        gone = store.deleted_among([i.id if isinstance(i, Fax) else i.fax_id for i in items],
                                   conn)
        if gone:
            items = [i for i in items if (i.id if isinstance(i, Fax) else i.fax_id) not in gone]
        faxes = [i if isinstance(i, Fax) else i.fax for i in items]
        page = _Page(store.fax_records([i.id if isinstance(i, Fax) else i.fax_id for i in items],
                                       conn),
                     store.journal_client_states(
                         [f.client_state for f in faxes if f is not None and f.client_state],
                         conn))
        for item in items:
            if isinstance(item, Fax):
                if _is_new(item.id, item, page):
                    new = _insert_new(item.id, item.status, item.failure_reason, item.updated_at,
                                      "poll", None, item, page)
                    events.append(FaxChanged(item.id, None, new.status, new))
                    continue
                update = StatusUpdate.from_fax(item, "poll")
            else:
                update = item
                fax = update.fax
                if (fax is not None and not update.fields and not update.event_id
                        and _is_new(update.fax_id, fax, page)):
                    new = _insert_new(update.fax_id, update.status, update.failure_reason,
                                      update.at, update.source, update.detail, fax, page)
                    events.append(FaxChanged(update.fax_id, None, new.status, new))
                    continue
            page.flush(conn, store)
            changed, old_status, record = _apply_in(conn, store, update, page)
            if changed and record is not None:
                events.append(FaxChanged(update.fax_id, old_status, record.status, record))
        page.flush(conn, store)
        store.add_timeline_rows(conn, page.timeline)
    return events
