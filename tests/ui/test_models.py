"""The fax table model with 10,000 rows: in-place updates, filtering, sorting, a real view."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from faxdesk.core.rows import FaxRow
from faxdesk.ui.models import (
    COL_CREATED,
    COL_DIRECTION,
    COL_PAGES,
    COL_PARTY,
    COL_STATUS,
    FaxFilterProxy,
    FaxTableModel,
    ItemRole,
    SortRole,
    export_csv,
    prepare_rows,
    search_digits,
)
from tests.ui.rows import fax_row

STATUSES = ("queued", "sending", "delivered", "failed", "received")
N = 10_000


def _items(n: int = N) -> list[FaxRow]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        inbound = i % 5 == 4
        out.append(fax_row(
            f"fax-{i:05d}",
            direction="inbound" if inbound else "outbound",
            status=STATUSES[i % 5],
            from_number="+12025550100" if not inbound else f"+1617555{i % 10000:04d}",
            to=f"+1415555{i % 10000:04d}" if not inbound else "+12025550100",
            connection_id="app-a" if i % 2 else "app-b",
            page_count=i % 13,
            created_at=start + timedelta(minutes=i),
            updated_at=start + timedelta(minutes=i, seconds=30),
            failure_reason="user_busy" if STATUSES[i % 5] == "failed" else None,
            read=not inbound,
        ))
    return out


def test_ten_thousand_rows_update_in_place(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
    view.show()

    model.set_items(_items())
    assert proxy.rowCount() == N
    newest = proxy.data(proxy.index(0, 0), ItemRole)
    assert newest.id == "fax-09999"

    resets: list[int] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.row()))

    # 500 status updates streamed one by one, as sync would publish them.
    for i in range(0, 5000, 10):
        old = model.item_by_id(f"fax-{i:05d}")
        assert old is not None
        model.upsert([replace(old, status="delivered")])
    assert resets == []
    assert len(changed) == sum(1 for i in range(0, 5000, 10) if STATUSES[i % 5] != "delivered")
    assert model.rowCount() == N
    assert model.item_by_id("fax-00000").status == "delivered"

    model.upsert([fax_row("fax-new", direction="outbound", status="queued",
                          to="+14155550000", created_at=datetime(2027, 1, 1, tzinfo=UTC))])
    assert model.rowCount() == N + 1
    assert proxy.data(proxy.index(0, 0), ItemRole).id == "fax-new"  # sorted into place

    assert model.remove("fax-00005")
    assert model.item_by_id("fax-00005") is None
    assert model.item_by_id("fax-00006") is not None
    # The id index stays right after inserts and removals.
    for fax_id in ("fax-00000", "fax-00004", "fax-00006", "fax-09999", "fax-new"):
        row = model.row_of(fax_id)
        assert row is not None and model.item(row).id == fax_id


def test_filter_and_sort_ten_thousand(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    model.set_items(_items())

    proxy.set_direction("inbound")
    assert proxy.rowCount() == N // 5
    proxy.set_status("unread")
    assert proxy.rowCount() == N // 5
    proxy.set_direction(None)
    proxy.set_status("failed")
    assert proxy.rowCount() == N // 5
    proxy.set_status("active")
    assert proxy.rowCount() == 2 * N // 5  # queued + sending
    proxy.set_status("all")
    proxy.set_application("app-a")
    assert proxy.rowCount() == N // 2
    proxy.set_application(None)
    proxy.set_search("+14155550042")
    found = proxy.visible_items()
    assert found and all(f.to == "+14155550042" for f in found)
    proxy.set_search("busy")  # status words and failure reasons are searchable too
    assert proxy.rowCount() == 0 or all(f.failure_reason for f in proxy.visible_items())
    proxy.set_search("Failed")
    assert proxy.rowCount() == N // 5
    proxy.set_search("")

    proxy.sort(COL_PAGES, Qt.SortOrder.DescendingOrder)
    pages = [proxy.item_at(r).page_count for r in range(50)]
    assert pages == sorted(pages, reverse=True) and pages[0] == 12
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_STATUS).data() == "Delivered"
    proxy.set_status("failed")  # filtering keeps the sorted order
    assert proxy.rowCount() == N // 5
    proxy.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    created = [proxy.item_at(r).created_at for r in range(proxy.rowCount())]
    assert created == sorted(created)


def test_status_change_moves_the_row_when_sorted_by_status(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    model.set_items(_items(50))
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    queued = next(f for f in model.items() if f.status == "queued")
    model.upsert([replace(queued, status="delivered")])
    texts = [proxy.index(r, COL_STATUS).data() for r in range(proxy.rowCount())]
    assert texts == sorted(texts)
    row = model.row_of(queued.id)
    assert row is not None and model.item(row).status == "delivered"



def test_search_matches_a_number_by_its_digits_however_it_is_written(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    model.set_items(_items(200))
    target = "+14155550042"
    for written in ("+1 415-555-0042", "(415) 555-0042", "415.555.0042", "555 0042",
                    "4155550042", target):
        proxy.set_search(written)
        found = proxy.visible_items()
        assert [f.to for f in found] == [target], written
    # Written as a number, the search looks at the other party (the number the table shows),
    # not at our own number, which every one of these faxes has...
    proxy.set_search("(202) 555-0100")
    assert proxy.visible_items() == []
    # ...while the stored text of both numbers is still searched as it is.
    proxy.set_search("+12025550100")
    assert proxy.rowCount() == 200


def test_search_digits_are_read_only_from_text_written_like_a_number() -> None:
    assert search_digits("(202) 555-0101") == "2025550101"
    assert search_digits("+1 202 555 0101") == "12025550101"
    assert search_digits("020 7946 0018") == "2079460018"  # the trunk zero is not stored
    assert search_digits("555") == "555"
    assert search_digits("55") is None  # too short to mean a number
    assert search_digits("user_busy") is None
    assert search_digits("Ada 555") is None


def test_a_filter_that_hides_a_row_lets_go_of_it_instead_of_moving_to_another(
    qtbot: Any,
) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    model.set_items(_items(50))
    inbound = next(f for f in model.items() if f.direction == "inbound")
    row = proxy.row_of(inbound.id)
    assert row is not None
    view.setCurrentIndex(proxy.index(row, 0))
    proxy.set_direction("outbound")
    assert not view.currentIndex().isValid()  # not a neighbour
    proxy.set_direction(None)
    assert proxy.row_of(inbound.id) is not None


def test_rows_keep_their_place_in_the_view_through_a_sort_and_a_reload(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    items = _items(300)
    model.set_items(items)
    chosen = items[123]
    view.setCurrentIndex(proxy.index(proxy.row_of(chosen.id) or 0, 0))
    proxy.sort(COL_PAGES, Qt.SortOrder.AscendingOrder)
    assert proxy.item_at(view.currentIndex().row()).id == chosen.id
    model.set_items(prepare_rows(reversed(items), None, COL_PAGES))  # a reload from a worker
    assert proxy.item_at(view.currentIndex().row()).id == chosen.id
    pages = [proxy.item_at(r).page_count or 0 for r in range(proxy.rowCount())]
    assert pages == sorted(pages)


def test_a_big_batch_in_several_places_is_merged_in_order(qtbot: Any) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    items = _items(1000)
    model.set_items(items[::2])
    proxy.set_direction("outbound")
    model.upsert(items[1::2])  # 500 rows between the ones shown
    created = [f.created_at for f in model.items()]
    assert created == sorted(created, reverse=True) and len(created) == 1000
    shown = proxy.visible_items()
    assert all(f.direction == "outbound" for f in shown) and len(shown) == 800
    assert [f.created_at for f in shown] == sorted((f.created_at for f in shown), reverse=True)


def test_a_reload_keeps_the_entries_of_unchanged_rows_and_a_sort_meanwhile_is_kept(
    qtbot: Any,
) -> None:
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    items = _items(500)
    model.set_items(items)
    before = dict(model.entries)
    assert items[8].status == "failed"
    changed = replace(items[8], status="delivered", failure_reason=None)
    # Prepared on a worker from what the table shows; meanwhile the user sorts by pages.
    prepared = prepare_rows([changed, *items[:8], *items[9:]], None, model.sort_column,
                            model.entries, model.sorting)
    proxy.sort(COL_PAGES, Qt.SortOrder.AscendingOrder)
    model.set_items(prepared)
    after = model.entries
    assert after[items[9].id] is before[items[9].id]  # unchanged: the same entry
    assert after[changed.id] is not before[changed.id] and after[changed.id].row == changed
    keys = [proxy.data(proxy.index(r, COL_PAGES), SortRole) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)  # still in the order the user chose while it was prepared


def test_an_export_is_whole_or_leaves_the_older_file_and_never_runs_formulas(
    tmp_path: Path,
) -> None:
    target = tmp_path / "faxes.csv"
    rows = [fax_row("f1", to="+13125550142", note="=HYPERLINK(\"http://x\")",
                    contact_name="@Front desk"),
            fax_row("f2", to="+13125550143")]
    assert export_csv(rows, target) == 2
    lines = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert len(lines) == 3
    first = dict(zip(lines[0], lines[1], strict=True))
    # A spreadsheet shows these as text, not as a formula it runs.
    assert first["note"] == "'=HYPERLINK(\"http://x\")"
    assert first["contact_name"] == "'@Front desk"
    assert first["to"] == "+13125550142"

    class Interrupted(Exception):
        pass

    def rows_then_a_failure() -> Iterator[FaxRow]:
        yield fax_row("f3", to="+13125550144")
        raise Interrupted  # the export stops half-way (a crash, a full disk)

    class HalfWay(list[FaxRow]):
        def __iter__(self) -> Iterator[FaxRow]:
            return rows_then_a_failure()

    before = target.read_bytes()
    with pytest.raises(Interrupted):
        export_csv(HalfWay(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["faxes.csv"]  # no temporary file left


def test_a_painted_cell_shows_what_the_model_says_of_it(qtbot: Any) -> None:
    """What the table's delegate reads for each cell when it paints (all roles in one call):
    the words, the bold of an unread fax, the icons and the pages' alignment, as `data` says."""
    model = FaxTableModel()
    proxy = FaxFilterProxy()
    proxy.setSourceModel(model)
    unread = fax_row("fax-in", direction="inbound", status="received", read=False,
                     from_number="+16175550142", to="+12025550100", page_count=3,
                     created_at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    sent = fax_row("fax-out", direction="outbound", status="failed", read=True,
                   from_number="+12025550100", to="+14155550123", page_count=12,
                   failure_reason="user_busy",
                   created_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    model.set_items([unread, sent])
    delegate = QStyledItemDelegate()

    def painted(row: int, column: int) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, proxy.index(row, column))
        return option

    rows = {proxy.index(r, 0).data(ItemRole).id: r for r in range(proxy.rowCount())}
    for row in rows.values():
        for column in range(proxy.columnCount()):
            option, index = painted(row, column), proxy.index(row, column)
            assert option.text == (index.data(Qt.ItemDataRole.DisplayRole) or "")
    party = painted(rows["fax-in"], COL_PARTY)
    assert "617" in party.text and party.font.bold()
    assert not painted(rows["fax-out"], COL_PARTY).font.bold()
    assert painted(rows["fax-in"], COL_STATUS).text == "Received"
    assert not painted(rows["fax-in"], COL_STATUS).icon.isNull()
    assert not painted(rows["fax-out"], COL_DIRECTION).icon.isNull()
    pages = painted(rows["fax-out"], COL_PAGES)
    assert pages.text == "12"
    assert pages.displayAlignment & Qt.AlignmentFlag.AlignRight
