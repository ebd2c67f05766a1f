"""Item models for the fax table: every row in `FaxTableModel`, the shown ones in
`FaxFilterProxy`.

Built for 10,000 rows and more without stalling the window: each row's sort keys (every column)
and search text are computed once, when the row arrives (`RowEntry`; a whole reload is prepared on
a worker by `prepare_rows`). Sorting is then one list sort, a batch of new rows is merged as a
sorted run, a filter is one pass over the prepared text, and a change touches only its own row.
Search matches the words of a row, and a number however it is written ("(202) 555-0101").
"""

from __future__ import annotations

import csv
import gc
import io
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from faxdesk.core.contacts import Contact, csv_safe, number_digits
from faxdesk.core.paths import atomic_write_text
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
SortKey = datetime | int | str


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
    # A send Telnyx has not created yet: its step's icon, as its timeline shows it.
    return status_icon_name(fax.pending or fax.status)


# --- one row, with what sorting and searching need, computed once -----------------------------

# Sort key of one column: the value, then the row id (unique, so the order is total).
RowKey = tuple[SortKey, str]

_DIGITS_ONLY = str.maketrans("", "", " -().+/\u00a0")
_NOT_DIGIT = re.compile(r"\D")


def search_digits(text: str) -> str | None:
    """The digits of `text` when it is written like a phone number ("(202) 555-0101",
    "+1 202 555 0101", "555 0101"), else None: such a search matches on digits alone."""
    stripped = text.translate(_DIGITS_ONLY)
    if not stripped or not stripped.isdigit() or len(stripped) < 3:
        return None
    digits = stripped
    # A national number with its trunk zero ("020 7946 0018") is found in the E.164 form.
    if len(digits) >= 7:
        digits = digits.lstrip("0") or digits
    return digits


class _Texts:
    """Words for keys and search text, looked up once per distinct status (per batch), their
    sort forms shared by every row that has them."""

    __slots__ = ("_directions", "_statuses")

    def __init__(self) -> None:
        self._directions: dict[str | None, str] = {}
        self._statuses: dict[tuple[str | None, str | None], tuple[str, str]] = {}

    def direction_key(self, direction: str | None) -> str:
        text = self._directions.get(direction)
        if text is None:
            text = self._directions[direction] = direction_text(direction).casefold()
        return text

    def status(self, fax: FaxRow) -> tuple[str, str]:
        """The status in words, and its sort form."""
        if fax.pending in ("scheduled", "rejected"):
            text = fax_status_text(fax)  # depends on the time or the error of this row
            return text, text.casefold()
        memo = (fax.status, fax.pending)
        found = self._statuses.get(memo)
        if found is None:
            text = fax_status_text(fax)
            found = self._statuses[memo] = (text, text.casefold())
        return found


class RowEntry:
    """A row of the table with its sort value for every column and its search text, computed
    when the row arrives (or changes), never while sorting or filtering. Plain Python: built on
    a worker thread for a whole reload."""

    __slots__ = ("digits", "haystack", "key", "row", "texts", "values")

    def __init__(self, row: FaxRow, texts: _Texts, column: int = COL_CREATED) -> None:
        self.row = row
        status, status_key = texts.status(row)
        self.values: tuple[SortKey, ...] = (
            texts.direction_key(row.direction),
            # Name, then the raw number: formatting 10,000 numbers just to sort costs ~1 s.
            f"{(row.contact_name or '').casefold()}\x00{row.other_party}",
            status_key,
            row.page_count if row.page_count is not None else -1,
            # The row's own datetimes: they sort as their timestamps would, and are not copied.
            row.created_at or _EPOCH,
            row.updated_at or row.created_at or _EPOCH,
        )
        # The sort key by `column`: its value, then the row id (unique: a total order).
        self.key: RowKey = (self.values[column], row.id)
        parts = (row.from_number, row.to, row.contact_name, row.fax_id, row.note, row.status,
                 status, row.failure_reason, row.pending_error, row.document_name)
        self.haystack = "\x00".join(p for p in parts if p).casefold()
        # The other party's digits (the number the table shows): "555 0101" finds
        # +12025550101. Not our own number, which every fax sent from it would match. A number
        # in E.164 is kept as it is: digits are found in "+<digits>" exactly where they are
        # found in "<digits>", and the row's own string is shared instead of copied.
        party = row.other_party
        e164 = party[:1] == "+" and party[1:].isdigit()
        self.digits = party if e164 else _NOT_DIGIT.sub("", party)
        self.texts: list[str | None] | None = None  # display texts, filled when first shown

    def sort_by(self, column: int) -> None:
        self.key = (self.values[column], self.row.id)


_entry_key = attrgetter("key")


class PreparedRows:
    """Rows made into entries off the GUI thread (`prepare_rows`), sorted by one column's key;
    the model takes them whole."""

    __slots__ = ("by_id", "entries", "names", "sort_column", "sorting")

    def __init__(self, entries: list[RowEntry], names: ContactNames | None,
                 sort_column: int, sorting: int = -1,
                 by_id: dict[str, RowEntry] | None = None) -> None:
        self.entries = entries
        self.names = names
        self.sort_column = sort_column
        # The model's `sorting` count these were prepared for (-1: unknown).
        self.sorting = sorting
        self.by_id = {e.row.id: e for e in entries} if by_id is None else by_id


def prepare_rows(rows: Iterable[FaxRow], names: ContactNames | None = None,
                 sort_column: int = COL_CREATED,
                 shown: Mapping[str, RowEntry] | None = None, sorting: int = -1) -> PreparedRows:
    """Name, key, index for search and sort `rows` for the table. Runs on a worker: no widget
    is touched (the words come from `QCoreApplication.translate`, which any thread may call).

    `shown`: the entries the table has now, and `sorting` the model's count of sorts then (see
    `FaxTableModel.sorting`); a row that has not changed keeps its entry, so a reload of 10,000
    unchanged rows builds (and holds) nothing twice. Entries are only read here."""
    texts = _Texts()
    # Built as the rows come (the last of one id wins): a row that did not change is dropped
    # at once, and only the entry it already had is kept.
    by_id: dict[str, RowEntry] = {}
    for read in rows:
        row = _named(read, names)
        entry = shown.get(row.id) if shown is not None else None
        if entry is None or entry.row != row or entry.key != (entry.values[sort_column], row.id):
            entry = RowEntry(row, texts, sort_column)
        by_id[entry.row.id] = entry  # the kept entry's own id: the new copy goes with its row
    entries = sorted(by_id.values(), key=_entry_key)
    return PreparedRows(entries, names, sort_column, sorting, by_id)


def load_rows(read: Callable[[], Iterable[FaxRow]], names: ContactNames | None,
              sort_column: int, shown: Mapping[str, RowEntry] | None = None,
              sorting: int = -1) -> PreparedRows:
    """`prepare_rows(read(), ...)` on a worker, without a pause of the garbage collector on the
    way. Reading and preparing 10,000 rows allocates enough objects to start a full collection,
    which visits every one of them with the GIL held: 50-80 ms in which the window cannot
    paint. Nothing read here is garbage in a cycle, so the collector sits it out, and what was
    made is then kept out of its later full collections (`keep_out_of_full_collections`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        prepared = prepare_rows(read(), names, sort_column, shown, sorting)
        # Before the collector is back: else its first act would be that full collection.
        keep_out_of_full_collections()
    finally:
        if collecting:
            gc.enable()
    return prepared


def _named(fax: FaxRow, names: ContactNames | None) -> FaxRow:
    if names is None:
        return fax
    name = names.name_for(fax.other_party)
    return fax if name == fax.contact_name else replace(fax, contact_name=name)


# --- the table: rows kept sorted, shown through filtered views --------------------------------

_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, SortRole, ItemRole, IdRole,
))

# A batch of new rows larger than this that lands in several places is merged in one layout
# change instead of one insert each.
_SMALL_BATCH = 16
# After this many new rows at once, what the process holds is frozen for the garbage collector.
_MANY_ROWS = 100


def keep_out_of_full_collections() -> None:
    """Move every object alive now (the rows just loaded among them) out of the cyclic garbage
    collector's reach. A full collection visits every tracked object with the GIL held: with
    10,000 rows that is 40-60 ms in which no thread runs and the window cannot paint, and it
    grows with the history. Rows are freed by reference counting when they are replaced, so
    they never needed the collector; objects created later are collected as usual."""
    gc.freeze()


class _EntryTable(QAbstractTableModel):
    """Entries in ascending key order (`_list`); shown ascending or reversed (descending).

    Every change is a targeted signal: an insert, a removal, a move, a dataChanged, or, for
    a new order or a big merge, one layout change that keeps the selection on the same rows.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._list: list[RowEntry] = []
        # Shown in descending key order (the list reversed); the model sets it for every view.
        self._desc = False
        self._headers = _headers()
        self._bold = QFont()
        self._bold.setBold(True)
        self._icons: dict[str, QIcon] = {}

    # what subclasses say ---------------------------------------------------------------------
    def _current_entry(self, row_id: str) -> RowEntry | None:
        """The entry of `row_id` in the table now (for following rows through a layout)."""
        raise NotImplementedError

    # reading ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._list)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _position(self, row: int) -> int:
        """List position of display row `row`."""
        return len(self._list) - 1 - row if self._desc else row

    def _row(self, position: int) -> int:
        """Display row of list position `position`."""
        return len(self._list) - 1 - position if self._desc else position

    def _icon(self, name: str) -> QIcon:
        # One QIcon per name: a new one each paint would render its SVG again every time.
        found = self._icons.get(name)
        if found is None:
            found = self._icons[name] = icon(name)
        return found

    def _entry(self, row: int) -> RowEntry:
        return self._list[self._position(row)]

    def item(self, row: int) -> FaxRow:
        return self._entry(row).row

    def item_at(self, row: int) -> FaxRow:
        return self._entry(row).row

    def items(self) -> Sequence[FaxRow]:
        """Every row, in the order shown."""
        rows = [e.row for e in self._list]
        if self._desc:
            rows.reverse()
        return tuple(rows)

    def _find(self, entry: RowEntry) -> int | None:
        """List position of `entry`'s row (by its key), or None."""
        i = bisect_left(self._list, entry.key, key=_entry_key)
        if i < len(self._list) and self._list[i].row.id == entry.row.id:
            return i
        return None

    def _display_row_of(self, row_id: str) -> int | None:
        entry = self._current_entry(row_id)
        if entry is None:
            return None
        i = self._find(entry)
        return None if i is None else self._row(i)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every role of every painted cell: roles we never answer leave first.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        entry = self._list[len(self._list) - 1 - row if self._desc else row]
        fax = entry.row
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = entry.texts
            if texts is None:
                texts = entry.texts = [None] * len(self._headers)
            text = texts[col]
            if text is None:
                text = texts[col] = _display(fax, col)
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            if col == COL_DIRECTION:
                return self._icon("inbound" if fax.direction == "inbound" else "outbound")
            if col == COL_STATUS:
                return self._icon(fax_status_icon(fax))
            return None
        if role == SortRole:
            return entry.values[col]
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

    def multiData(self, index: AnyIndex,
                  roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view's delegate asks of one cell (seven) in one call from Qt, not seven:
        a paint of the table is a third of the calls into Python."""
        # A span iterates over its roles (its type stubs do not say so).
        roles = ([roleDataSpan] if isinstance(roleDataSpan, QModelRoleData)
                 else cast("Iterable[QModelRoleData]", roleDataSpan))
        for role_data in roles:
            role_data.setData(self.data(index, role_data.role()))

    # changing the list, with the signals a view needs ---------------------------------------
    def _insert_entries(self, entries: list[RowEntry]) -> None:
        """Insert `entries` (sorted by key, none present yet)."""
        if not entries:
            return
        n, k = len(self._list), len(entries)
        if n == 0:
            self.beginInsertRows(QModelIndex(), 0, k - 1)
            self._list = list(entries)
            self.endInsertRows()
            return
        first = bisect_left(self._list, entries[0].key, key=_entry_key)
        last = bisect_left(self._list, entries[-1].key, key=_entry_key)
        if first == last:
            # All in one gap (a page of older history lands after the rows shown): one insert.
            row = n - first if self._desc else first
            self.beginInsertRows(QModelIndex(), row, row + k - 1)
            self._list[first:first] = entries
            self.endInsertRows()
        elif k <= _SMALL_BATCH:
            for entry in entries:
                i = bisect_left(self._list, entry.key, key=_entry_key)
                row = len(self._list) - i if self._desc else i
                self.beginInsertRows(QModelIndex(), row, row)
                self._list.insert(i, entry)
                self.endInsertRows()
        else:
            saved = self._begin_layout()
            # Two sorted runs: Python's sort merges them in one pass.
            self._list.extend(entries)
            self._list.sort(key=_entry_key)
            self._end_layout(saved)

    def _remove_entry(self, entry: RowEntry) -> bool:
        i = self._find(entry)
        if i is None:
            return False
        row = self._row(i)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._list[i]
        self.endRemoveRows()
        return True

    def _replace_many(self, changes: list[tuple[RowEntry, RowEntry]]) -> None:
        """Each `new` takes its `old`'s place: rows whose key stayed are replaced in place with
        one dataChanged for all of them; the others move one by one."""
        rows: list[int] = []
        moved: list[tuple[RowEntry, RowEntry]] = []
        for old, new in changes:
            i = self._find(old) if old.key == new.key else None
            if i is None:
                moved.append((old, new))
                continue
            self._list[i] = new
            rows.append(self._row(i))
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(self._headers) - 1))
        for old, new in moved:
            self._replace_entry(old, new)

    def _replace_entry(self, old: RowEntry, new: RowEntry) -> None:
        """`new` (same row id) takes `old`'s place, moving if its key differs."""
        i = self._find(old)
        if i is None:
            self._insert_entries([new])
            return
        if old.key == new.key:
            self._list[i] = new
            row = self._row(i)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
            return
        old_row = self._row(i)
        del self._list[i]
        j = bisect_left(self._list, new.key, key=_entry_key)
        # The final display row, then Qt's destination (counted before the move).
        new_row = len(self._list) - j if self._desc else j
        if new_row == old_row:
            self._list.insert(j, new)
            self.dataChanged.emit(self.index(new_row, 0),
                                  self.index(new_row, len(self._headers) - 1))
            return
        self._list.insert(i, old)
        dest = new_row + 1 if new_row > old_row else new_row
        self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), dest)
        del self._list[i]
        self._list.insert(j, new)
        self.endMoveRows()
        self.dataChanged.emit(self.index(new_row, 0), self.index(new_row, len(self._headers) - 1))

    def _begin_layout(self) -> list[tuple[QModelIndex, str]]:
        """Before a new order: note which row every persistent index (the selection, the
        current row) points at, by row id."""
        self.layoutAboutToBeChanged.emit()
        saved = []
        for index in self.persistentIndexList():
            if index.isValid() and index.row() < len(self._list):
                saved.append((index, self._entry(index.row()).row.id))
        return saved

    def _end_layout(self, saved: list[tuple[QModelIndex, str]]) -> None:
        """After it: the same rows, wherever they are now (or nowhere: filtered out)."""
        if saved:
            rows: dict[str, int | None] = {}
            new = []
            for index, row_id in saved:
                if row_id not in rows:
                    rows[row_id] = self._display_row_of(row_id)
                row = rows[row_id]
                new.append(QModelIndex() if row is None else self.index(row, index.column()))
            self.changePersistentIndexList([i for i, _ in saved], new)
        self.layoutChanged.emit()


class FaxTableModel(_EntryTable):
    """Every fax, sorted. Views (`FaxFilterProxy`) show a filtered part of it in the same order.

    Rows are updated in place by id: `upsert` replaces a row (one dataChanged, or one move when
    its sort key changed) or inserts new ones where the order puts them (a sorted run merged,
    never a full re-sort); `remove` drops one. Sort keys and search text are computed once per
    row, when it arrives.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, RowEntry] = {}
        self._sort_col = COL_CREATED
        self._desc = True
        self._names: ContactNames | None = None
        self._texts = _Texts()
        self._views: list[FaxFilterProxy] = []
        self._sorting = 0

    def _current_entry(self, row_id: str) -> RowEntry | None:
        return self._by_id.get(row_id)

    @property
    def sort_column(self) -> int:
        return self._sort_col

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._desc else Qt.SortOrder.AscendingOrder

    def item_by_id(self, fax_id: str) -> FaxRow | None:
        entry = self._by_id.get(fax_id)
        return None if entry is None else entry.row

    def row_of(self, fax_id: str) -> int | None:
        return self._display_row_of(fax_id)

    def _attach(self, view: FaxFilterProxy) -> None:
        if view not in self._views:
            self._views.append(view)

    def _detach(self, view: FaxFilterProxy) -> None:
        if view in self._views:
            self._views.remove(view)

    def _make(self, fax: FaxRow) -> RowEntry:
        return RowEntry(fax, self._texts, self._sort_col)

    # sorting: keys are ready, so it is one list sort (or none, to reverse it) ----------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        desc = order == Qt.SortOrder.DescendingOrder
        if column == self._sort_col and desc == self._desc:
            return
        tables: list[_EntryTable] = [self, *self._views]
        saved = [t._begin_layout() for t in tables]
        reorder = column != self._sort_col
        self._sort_col = column
        for table in tables:
            table._desc = desc
        if reorder:
            self._sorting += 1
            for entry in self._list:
                entry.sort_by(column)
            self._list.sort(key=_entry_key)
            for view in self._views:
                if view.is_filtered:
                    view._list.sort(key=_entry_key)
                else:
                    view._list = list(self._list)
        for table, state in zip(tables, saved, strict=True):
            table._end_layout(state)

    # contact names ---------------------------------------------------------------------------
    @property
    def contact_names(self) -> ContactNames | None:
        return self._names

    @property
    def entries(self) -> Mapping[str, RowEntry]:
        """Every row's entry by id, for `prepare_rows(shown=...)` on a worker, which only looks
        entries up (safe while this thread changes the mapping)."""
        return self._by_id

    @property
    def sorting(self) -> int:
        """How many times rows were given a new sort column: entries shared with a worker's
        `prepare_rows` may have been re-keyed since if it changed."""
        return self._sorting

    def named(self, fax: FaxRow) -> FaxRow:
        """`fax` with the address book's name of the other party."""
        return _named(fax, self._names)

    def set_contact_names(self, names: ContactNames | None) -> None:
        """The address book changed: every row's other party is named again."""
        self._names = names
        if not self._list:
            return
        tables: list[_EntryTable] = [self, *self._views]
        saved = [t._begin_layout() for t in tables]
        for i, entry in enumerate(self._list):
            fax = self.named(entry.row)
            if fax != entry.row:
                new = self._list[i] = self._make(fax)
                self._by_id[fax.id] = new
        if self._sort_col == COL_PARTY:
            self._list.sort(key=_entry_key)
        for view in self._views:
            view._rebuild()
        for table, state in zip(tables, saved, strict=True):
            table._end_layout(state)

    # writing ---------------------------------------------------------------------------------
    def set_items(self, items: Iterable[FaxRow] | PreparedRows) -> None:
        """Replace every row (a load or reload); the selection stays on rows that remain.
        `PreparedRows` come named, keyed and sorted from a worker (`prepare_rows`)."""
        prepared = (items if isinstance(items, PreparedRows)
                    else prepare_rows(items, self._names, self._sort_col))
        entries, by_id = prepared.entries, prepared.by_id
        if prepared.names is not self._names:  # the address book changed meanwhile
            entries = [e if (f := self.named(e.row)) == e.row else self._make(f)
                       for e in entries]
            by_id = {e.row.id: e for e in entries}
        if prepared.sort_column != self._sort_col or (
                prepared.sorting not in (-1, self._sorting)):  # sorted anew meanwhile
            for entry in entries:
                entry.sort_by(self._sort_col)
            entries.sort(key=_entry_key)
        tables: list[_EntryTable] = [self, *self._views]
        if not self._list:
            for table in tables:
                table.beginResetModel()
            self._set_entries(entries, by_id)
            for table in tables:
                table.endResetModel()
        else:
            saved = [t._begin_layout() for t in tables]
            self._set_entries(entries, by_id)
            for table, state in zip(tables, saved, strict=True):
                table._end_layout(state)
        if len(entries) >= _MANY_ROWS:
            keep_out_of_full_collections()

    def _set_entries(self, entries: list[RowEntry], by_id: dict[str, RowEntry]) -> None:
        self._list = entries
        self._by_id = by_id
        for view in self._views:
            view._rebuild()

    def upsert(self, items: Iterable[FaxRow]) -> None:
        """Update rows in place by id; insert new ones where the sort order puts them."""
        latest = {fax.id: fax for fax in map(self.named, items)}
        new: list[RowEntry] = []
        changed: list[tuple[RowEntry, RowEntry]] = []
        for row_id, fax in latest.items():
            old = self._by_id.get(row_id)
            if old is not None and old.row == fax:
                continue
            entry = self._by_id[row_id] = self._make(fax)
            if old is None:
                new.append(entry)
            else:
                changed.append((old, entry))
        if changed:
            self._replace_many(changed)
            for view in self._views:
                view._source_changed(changed)
        if new:
            new.sort(key=_entry_key)
            self._insert_entries(new)
            for view in self._views:
                view._source_inserted(new)
            if len(new) >= _MANY_ROWS:
                keep_out_of_full_collections()

    def remove(self, fax_id: str) -> bool:
        entry = self._by_id.pop(fax_id, None)
        if entry is None:
            return False
        for view in self._views:
            view._source_removed(entry)
        self._remove_entry(entry)
        return True


STATUS_FILTERS = ("all", "active", "delivered", "failed", "received", "unread")


class FaxFilterProxy(_EntryTable):
    """What the table shows: the model's rows that pass the filters (application, direction,
    status group, search), in the model's order.

    Not a QSortFilterProxyModel: that one asks Python `filterAcceptsRow` once per row on every
    change; here a filter change is one pass over the rows' prepared search text, and a change
    from the model touches only the rows it concerns.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: FaxTableModel | None = None
        self._application: str | None = None
        self._direction: str | None = None
        self._status = "all"
        self._search = ""
        self._since: datetime | None = None  # faxes created at or after this time
        self._until: datetime | None = None  # and before this one
        # Whether a row passes the filters (rebuilt when they change).
        self._accepts: Callable[[RowEntry], bool] = _accept_all

    def _current_entry(self, row_id: str) -> RowEntry | None:
        entry = self._model._by_id.get(row_id) if self._model is not None else None
        return entry if entry is not None and self._accepts(entry) else None

    def setSourceModel(self, model: FaxTableModel) -> None:
        self.beginResetModel()
        if self._model is not None:
            self._model._detach(self)
        self._model = model
        self._desc = model._desc
        model._attach(self)
        self._rebuild()
        self.endResetModel()

    def sourceModel(self) -> FaxTableModel | None:
        return self._model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the model (for every view at once)."""
        if self._model is not None:
            self._model.sort(column, order)

    # filters ---------------------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self._search

    @property
    def application_filter(self) -> str | None:
        return self._application

    @property
    def is_filtered(self) -> bool:
        return bool(self._application or self._direction or self._search
                    or self._status != "all" or self._since or self._until)

    def set_application(self, connection_id: str | None) -> None:
        self._refilter(application=connection_id or None)

    def set_direction(self, direction: str | None) -> None:
        self._refilter(direction=direction or None)

    def set_status(self, group: str) -> None:
        self._refilter(status=group if group in STATUS_FILTERS else "all")

    def set_search(self, text: str) -> None:
        self._refilter(search=text.strip())

    @property
    def date_range(self) -> tuple[datetime | None, datetime | None]:
        return self._since, self._until

    def set_date_range(self, since: datetime | None, until: datetime | None) -> None:
        """Only faxes created in [since, until) (either end open when None; aware times)."""
        if (since, until) == (self._since, self._until):
            return
        self._since, self._until = since, until
        self._refilter(force=True)

    def clear_filters(self) -> None:
        self._since = self._until = None
        self._refilter(application=None, direction=None, status="all", search="", force=True)

    def _refilter(self, *, force: bool = False, **changes: str | None) -> None:
        before = (self._application, self._direction, self._status, self._search)
        if "application" in changes:
            self._application = changes["application"]
        if "direction" in changes:
            self._direction = changes["direction"]
        if "status" in changes:
            self._status = changes["status"] or "all"
        if "search" in changes:
            self._search = changes["search"] or ""
        if (self._application, self._direction, self._status, self._search) == before \
                and not force:
            return
        self._accepts = _filter(self._application, self._direction, self._status, self._search,
                                self._since, self._until)
        saved = self._begin_layout()
        self._rebuild()
        self._end_layout(saved)

    def _rebuild(self) -> None:
        """The shown rows from the model's, in one pass."""
        entries = self._model._list if self._model is not None else []
        self._list = (list(filter(self._accepts, entries)) if self.is_filtered
                      else list(entries))

    # following the model ---------------------------------------------------------------------
    def _source_inserted(self, entries: list[RowEntry]) -> None:
        self._insert_entries([e for e in entries if self._accepts(e)]
                             if self.is_filtered else entries)

    def _source_changed(self, changes: list[tuple[RowEntry, RowEntry]]) -> None:
        accepts = self._accepts
        kept: list[tuple[RowEntry, RowEntry]] = []
        shown: list[RowEntry] = []
        for old, new in changes:
            was, now = accepts(old), accepts(new)
            if was and now:
                kept.append((old, new))
            elif was:
                self._remove_entry(old)
            elif now:
                shown.append(new)
        self._replace_many(kept)
        shown.sort(key=_entry_key)
        self._insert_entries(shown)

    def _source_removed(self, entry: RowEntry) -> None:
        if self._accepts(entry):
            self._remove_entry(entry)

    # reading ---------------------------------------------------------------------------------
    def row_of(self, row_id: str) -> int | None:
        """The shown row of `row_id` (None when it is filtered out or gone)."""
        return self._display_row_of(row_id)

    def visible_items(self) -> list[FaxRow]:
        return list(self.items())


def _accept_all(_entry: RowEntry) -> bool:
    return True


def _filter(application: str | None, direction: str | None, status: str,
            search: str, since: datetime | None = None,
            until: datetime | None = None) -> Callable[[RowEntry], bool]:
    """One predicate for the filters in force, with the work that does not depend on the row
    (the needle, its digits) done once."""
    needle = search.casefold()
    digits = search_digits(search) if search else None

    def accepts(entry: RowEntry) -> bool:
        fax = entry.row
        if application and fax.connection_id != application:
            return False
        if direction and fax.direction != direction:
            return False
        if status != "all" and not _status_matches(status, fax):
            return False
        if since is not None or until is not None:
            created = fax.created_at
            if created is None:  # not made yet: it belongs to now
                created = datetime.now(UTC)
            if (since is not None and created < since) or (until is not None
                                                           and created >= until):
                return False
        if needle:
            return needle in entry.haystack or (digits is not None and digits in entry.digits)
        return True

    return accepts


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


CSV_FIELDS = (
    "id", "direction", "status", "from_number", "to", "contact_name", "connection_id",
    "page_count", "created_at", "updated_at", "failure_reason", "failure_text", "read", "note",
)


def export_csv(items: Sequence[FaxRow], path: Path) -> int:
    """Write the given rows to a CSV file (run on the worker), whole or not at all (a full
    disk leaves an older export as it was); returns the row count."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_FIELDS)
    for fax in items:
        writer.writerow([
            fax.fax_id or "", fax.direction or "", fax.status or "", fax.from_number or "",
            fax.to or "",
            csv_safe(fax.contact_name or ""), fax.connection_id or "",
            "" if fax.page_count is None else fax.page_count,
            fax.created_at.isoformat() if fax.created_at else "",
            fax.updated_at.isoformat() if fax.updated_at else "",
            fax.failure_reason or "", failure_text(fax.failure_reason),
            "yes" if fax.read else "no", csv_safe(fax.note or ""),
        ])
    atomic_write_text(path, text.getvalue())
    return len(items)
