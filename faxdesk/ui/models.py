"""Item models for the fax table: rows updated in place by fax id, filtering in a proxy.

The source model never rebuilds on a change: `upsert` replaces one row (one dataChanged) or appends
new ones (one insert), `remove` drops one. That keeps 10,000 rows smooth while the poller streams
status updates.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from faxdesk.core.contacts import Contact, number_digits
from faxdesk.core.rows import FaxRow
from faxdesk.ui.icons import icon
from faxdesk.ui.texts import (
    direction_text,
    failure_text,
    format_time,
    status_icon_name,
    status_text,
)

ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3

COL_DIRECTION, COL_PARTY, COL_STATUS, COL_PAGES, COL_CREATED, COL_UPDATED = range(6)
_EPOCH = datetime.min.replace(tzinfo=UTC)

AnyIndex = QModelIndex | QPersistentModelIndex
SortKey = float | int | str


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("FaxTableModel", "Direction"),
        QCoreApplication.translate("FaxTableModel", "Other party"),
        QCoreApplication.translate("FaxTableModel", "Status"),
        QCoreApplication.translate("FaxTableModel", "Pages"),
        QCoreApplication.translate("FaxTableModel", "Created"),
        QCoreApplication.translate("FaxTableModel", "Updated"),
    ]


# Same rule as faxdesk.core.contacts.same_number: the shorter form without its trunk zero must end
# the longer one and have at least this many digits.
_MIN_SUFFIX = 7


class ContactNames:
    """Number → contact name for the table, built once per change of the address book.

    `same_number` compared against every contact for every row would be 10,000 × contacts calls;
    here a lookup is a few dict probes (plus a memo per number)."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self._exact: dict[str, str] = {}
        self._short: dict[int, dict[str, str]] = {}  # trunk-stripped contact digits by length
        self._suffixes: dict[str, str] = {}  # every long-enough tail of a contact's digits
        self._memo: dict[str, str | None] = {}
        for contact in contacts:
            digits = number_digits(contact.fax_number)
            if not digits:
                continue
            self._exact.setdefault(digits, contact.name)
            short = digits.lstrip("0")
            if len(short) >= _MIN_SUFFIX:
                self._short.setdefault(len(short), {}).setdefault(short, contact.name)
            for start in range(len(digits) - _MIN_SUFFIX + 1):
                self._suffixes.setdefault(digits[start:], contact.name)

    def __len__(self) -> int:
        return len(self._exact)

    def name_for(self, number: str | None) -> str | None:
        if not number:
            return None
        if number in self._memo:
            return self._memo[number]
        name = self._lookup(number_digits(number))
        self._memo[number] = name
        return name

    def _lookup(self, digits: str) -> str | None:
        if not digits:
            return None
        name = self._exact.get(digits)
        if name is not None:
            return name
        # The contact's number is the shorter form (national): it ends the fax's number.
        for length, names in self._short.items():
            if length <= len(digits):
                name = names.get(digits[-length:])
                if name is not None:
                    return name
        # The fax's number is the shorter form: it ends the contact's number.
        short = digits.lstrip("0")
        return self._suffixes.get(short) if len(short) >= _MIN_SUFFIX else None


@lru_cache(maxsize=65536)
def display_number(number: str) -> str:
    """+13125550142 → +1 312-555-0142 (cached: the table asks for the same numbers again)."""
    from faxdesk.core.numbers import format_for_display

    return str(format_for_display(number))


def party_text(fax: FaxRow) -> str:
    """The other party as people read it: "Ada Lovelace (+1 312-555-0142)" or the number."""
    number = display_number(fax.other_party) if fax.other_party else ""
    if fax.contact_name:
        return f"{fax.contact_name} ({number})" if number else fax.contact_name
    return number


_REFUSED_PREFIX = "Telnyx refused the request. "


def pending_text(fax: FaxRow) -> str:
    """A send Telnyx has not created yet, in words (the table's status column)."""
    kind = fax.pending
    if kind == "preparing":
        return QCoreApplication.translate("PendingSend", "Preparing")
    if kind == "uploading":
        return QCoreApplication.translate("PendingSend", "Uploading")
    if kind == "waiting":
        return QCoreApplication.translate("PendingSend", "Waiting for the network")
    if kind == "held":
        return QCoreApplication.translate("PendingSend", "Waiting for a valid API key")
    if kind == "checking":
        return QCoreApplication.translate("PendingSend",
                                          "May have been sent; checking with Telnyx")
    if kind == "scheduled":
        return QCoreApplication.translate("PendingSend", "Retry at {time}").format(
            time=format_time(fax.next_attempt_at))
    if kind == "rejected":
        reason = (fax.pending_error or "").removeprefix(_REFUSED_PREFIX)
        if not reason:
            return QCoreApplication.translate("PendingSend", "Rejected")
        return QCoreApplication.translate("PendingSend", "Rejected: {reason}").format(
            reason=reason)
    return status_text(fax.status)


def fax_status_text(fax: FaxRow) -> str:
    return pending_text(fax) if fax.pending else status_text(fax.status)


def fax_status_icon(fax: FaxRow) -> str:
    if fax.pending == "rejected":
        return "status-failed"
    if fax.pending == "uploading":
        return "status-processing"
    if fax.pending:
        return "status-queued"
    return status_icon_name(fax.status)


class FaxTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FaxRow] = []
        self._index: dict[str, int] = {}
        self._headers = _headers()
        self._sort_col = COL_CREATED
        self._sort_desc = True
        self._bold = QFont()
        self._bold.setBold(True)
        self._names: ContactNames | None = None

    # reading ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def item(self, row: int) -> FaxRow:
        return self._rows[row]

    def item_by_id(self, fax_id: str) -> FaxRow | None:
        row = self._index.get(fax_id)
        return None if row is None else self._rows[row]

    def row_of(self, fax_id: str) -> int | None:
        return self._index.get(fax_id)

    def items(self) -> Sequence[FaxRow]:
        return tuple(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        fax = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(fax, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == COL_DIRECTION:
                return icon("inbound" if fax.direction == "inbound" else "outbound")
            if col == COL_STATUS:
                return icon(fax_status_icon(fax))
            return None
        if role == SortRole:
            return self._sort_key(fax, col)
        if role == ItemRole:
            return fax
        if role == IdRole:
            return fax.id
        if role == Qt.ItemDataRole.FontRole and fax.unread:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PARTY and fax.contact_name:
            return party_text(fax)  # in full, when the column is narrower than the name
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS:
            if fax.pending:
                return fax.pending_error or None
            return failure_text(fax.failure_reason) if fax.failure_reason else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(fax: FaxRow, col: int) -> str:
        if col == COL_DIRECTION:
            return direction_text(fax.direction)
        if col == COL_PARTY:
            return party_text(fax)
        if col == COL_STATUS:
            return fax_status_text(fax)
        if col == COL_PAGES:
            return "" if fax.page_count is None else str(fax.page_count)
        if col == COL_CREATED:
            return format_time(fax.created_at)
        if col == COL_UPDATED:
            return format_time(fax.updated_at)
        return ""

    @staticmethod
    def _sort_key(fax: FaxRow, col: int) -> SortKey:
        if col == COL_PAGES:
            return fax.page_count if fax.page_count is not None else -1
        if col == COL_CREATED:
            return (fax.created_at or _EPOCH).timestamp()
        if col == COL_UPDATED:
            return (fax.updated_at or fax.created_at or _EPOCH).timestamp()
        if col == COL_PARTY:
            # Name, then the raw number: formatting 10,000 numbers just to sort costs ~1 s.
            return f"{(fax.contact_name or '').casefold()}\x00{fax.other_party}"
        return FaxTableModel._display(fax, col).lower()

    # sorting (here, in Python: a proxy sort calls back into Python per comparison) -----------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort_col, self._sort_desc = column, order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        old_ids = {i: fax.id for i, fax in enumerate(self._rows)}
        self._sort_rows()
        persistent = self.persistentIndexList()
        new_indexes = [
            self.index(self._index[old_ids[idx.row()]], idx.column()) for idx in persistent
        ]
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    def _key(self, fax: FaxRow) -> tuple[SortKey, str]:
        return (self._sort_key(fax, self._sort_col), fax.id)

    def _sort_rows(self) -> None:
        self._rows.sort(key=self._key, reverse=self._sort_desc)
        self._index = {f.id: i for i, f in enumerate(self._rows)}

    def _position(self, fax: FaxRow) -> int:
        """Where `fax` belongs in the sorted rows (binary search)."""
        key = self._key(fax)
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            other = self._key(self._rows[mid])
            if (other > key) if self._sort_desc else (other < key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    # contact names ---------------------------------------------------------------------------
    def named(self, fax: FaxRow) -> FaxRow:
        """`fax` with the address book's name of the other party."""
        if self._names is None:
            return fax
        name = self._names.name_for(fax.other_party)
        return fax if name == fax.contact_name else replace(fax, contact_name=name)

    def set_contact_names(self, names: ContactNames | None) -> None:
        """The address book changed: every row's other party is named again (in place)."""
        self._names = names
        if not self._rows:
            return
        self._rows = [self.named(f) for f in self._rows]
        if self._sort_col == COL_PARTY:
            self.sort(self._sort_col, self._order())
        else:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_PARTY), self.index(last, COL_PARTY))

    # writing ---------------------------------------------------------------------------------
    def set_items(self, items: Iterable[FaxRow]) -> None:
        """Replace everything (first load only)."""
        self.beginResetModel()
        unique = {f.id: self.named(f) for f in items}
        self._rows = list(unique.values())
        self._sort_rows()
        self.endResetModel()

    def upsert(self, items: Iterable[FaxRow]) -> None:
        """Update rows in place by id; insert new ones where the sort order puts them."""
        new: dict[str, FaxRow] = {}
        last_col = self.columnCount() - 1
        for fax in map(self.named, items):
            row = self._index.get(fax.id)
            if row is None:
                new[fax.id] = fax
                continue
            old = self._rows[row]
            if old == fax:
                continue
            self._rows[row] = fax
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_col))
            if self._key(old) != self._key(fax):
                self._move_into_place(row)
        if len(new) > 100:
            # A big batch: append and sort once instead of one binary search each.
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new.values())
            self._index.update({f.id: first + i for i, f in enumerate(new.values())})
            self.endInsertRows()
            self.sort(self._sort_col, self._order())
            return
        for fax in new.values():
            pos = self._position(fax)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, fax)
            self._reindex(pos, len(self._rows))
            self.endInsertRows()

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._sort_desc else Qt.SortOrder.AscendingOrder

    def _move_into_place(self, row: int) -> None:
        fax = self._rows.pop(row)
        pos = self._position(fax)
        self._rows.insert(row, fax)
        if pos == row:
            return
        # beginMoveRows counts the destination in the list before the move.
        dest = pos if pos < row else pos + 1
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._rows.pop(row)
        self._rows.insert(pos, fax)
        self._reindex(min(row, pos), max(row, pos) + 1)
        self.endMoveRows()

    def _reindex(self, start: int, stop: int) -> None:
        for i in range(start, stop):
            self._index[self._rows[i].id] = i

    def remove(self, fax_id: str) -> bool:
        row = self._index.get(fax_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._index[fax_id]
        self._reindex(row, len(self._rows))
        self.endRemoveRows()
        return True


STATUS_FILTERS = ("all", "active", "delivered", "failed", "received", "unread")


class FaxFilterProxy(QSortFilterProxyModel):
    """Filter by application, direction, status group and search text; sort by real values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._application: str | None = None
        self._direction: str | None = None
        self._status = "all"
        self._search = ""
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model; the proxy keeps its order and only filters."""
        model = self.sourceModel()
        if isinstance(model, FaxTableModel):
            model.sort(column, order)

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.9+ has begin/endFilterChange (invalidateFilter is deprecated there).
        begin = getattr(self, "beginFilterChange", None)
        if begin is None:
            change()
            self.invalidateFilter()
            return
        begin()
        change()
        self.endFilterChange()

    def set_application(self, connection_id: str | None) -> None:
        def change() -> None:
            self._application = connection_id or None

        self._refilter(change)

    def set_direction(self, direction: str | None) -> None:
        def change() -> None:
            self._direction = direction or None

        self._refilter(change)

    def set_status(self, group: str) -> None:
        def change() -> None:
            self._status = group if group in STATUS_FILTERS else "all"

        self._refilter(change)

    def set_search(self, text: str) -> None:
        def change() -> None:
            self._search = text.strip().casefold()

        self._refilter(change)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, FaxTableModel)
        self._model = model
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        # Called once per row on every filter change: keep it lean (no Qt calls).
        if not (self._application or self._direction or self._search or self._status != "all"):
            return True
        fax = self._model._rows[source_row]
        if self._application and fax.connection_id != self._application:
            return False
        if self._direction and fax.direction != self._direction:
            return False
        if not _status_matches(self._status, fax):
            return False
        if self._search:
            return self._search in _haystack(fax)
        return True

    def item_at(self, proxy_row: int) -> FaxRow:
        return self._model.item(self.mapToSource(self.index(proxy_row, 0)).row())

    def visible_items(self) -> list[FaxRow]:
        return [self.item_at(r) for r in range(self.rowCount())]


def _status_matches(group: str, fax: FaxRow) -> bool:
    if group == "all":
        return True
    if group == "active":
        return not fax.is_final
    if group == "unread":
        return fax.unread
    if group == "failed":
        return fax.status == "failed" or fax.pending == "rejected"
    return fax.status == group


@lru_cache(maxsize=32768)
def _haystack(fax: FaxRow) -> str:
    # Cached per (immutable) row value: typing in the search box re-filters 10,000 rows.
    parts = (
        fax.from_number, fax.to, fax.contact_name, fax.fax_id, fax.note, fax.status,
        fax_status_text(fax), fax.failure_reason, fax.pending_error,
    )
    return " ".join(p for p in parts if p).casefold()


CSV_FIELDS = (
    "id", "direction", "status", "from_number", "to", "contact_name", "connection_id",
    "page_count", "created_at", "updated_at", "failure_reason", "failure_text", "read", "note",
)


def export_csv(items: Sequence[FaxRow], path: Path) -> int:
    """Write the given rows to a CSV file (run on the worker); returns the row count."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_FIELDS)
        for fax in items:
            writer.writerow([
                fax.fax_id or "", fax.direction or "", fax.status or "", fax.from_number or "",
                fax.to or "",
                fax.contact_name or "", fax.connection_id or "",
                "" if fax.page_count is None else fax.page_count,
                fax.created_at.isoformat() if fax.created_at else "",
                fax.updated_at.isoformat() if fax.updated_at else "",
                fax.failure_reason or "", failure_text(fax.failure_reason),
                "yes" if fax.read else "no", fax.note or "",
            ])
    return len(items)
