"""The fax list as a user works it, against the demo sandbox: a number is found however it is
written, an empty result says so and how to see every fax again, a filter never puts another
fax in the detail pane, the date filter keeps the chosen days, Tab leaves the table, and the
list's controls have accessible names."""

from __future__ import annotations

from typing import Any

import phonenumbers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from faxdesk.core.rows import FaxRow
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import display_number
from tests.ui.conftest import first_fax, wait_for


def _search(qtbot: Any, window: MainWindow, text: str) -> list[FaxRow]:
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # Enter searches at once
    return window.proxy.visible_items()


def test_a_number_is_found_as_the_table_shows_it_or_as_people_write_it(
    qtbot: Any, window: MainWindow
) -> None:
    target = first_fax(window, direction="outbound", status="delivered")
    number = target.to or ""
    national = phonenumbers.format_number(phonenumbers.parse(number),
                                          phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = number.removeprefix("+1")
    written = {
        display_number(number),  # exactly as the table shows it
        national,  # (202) 555-0101
        f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",  # 202-555-0101
        f"{digits[3:6]} {digits[6:]}",  # 555 0101
        number,  # +12025550101
    }
    for text in written:
        found = _search(qtbot, window, text)
        assert target.id in {f.id for f in found}, text
        assert all(digits[3:] in (f.to or "") + (f.from_number or "") for f in found), text


def test_an_empty_result_says_nothing_matched_and_how_to_see_every_fax(
    qtbot: Any, window: MainWindow
) -> None:
    panel = window.fax_list
    total = window.model.rowCount()
    assert _search(qtbot, window, "no such fax anywhere") == []
    assert panel.stack.currentWidget() is panel.empty_state
    text = panel.empty_label.text()
    assert "No fax matches “no such fax anywhere”." in text
    assert "clear the search box" in text and "Show all faxes" in text
    assert panel.count_label.text() == f"0 of {total} faxes"

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("failed"))
    qtbot.mouseClick(panel.show_all_button, Qt.MouseButton.LeftButton)
    assert window.search.text() == ""
    assert panel.status_filter.currentData() == "all"
    assert panel.direction_filter.currentData() == ""
    assert window.proxy.rowCount() == total
    assert panel.stack.currentWidget() is window.table


def test_a_filter_that_hides_the_shown_fax_empties_the_detail_pane_and_brings_it_back(
    qtbot: Any, window: MainWindow
) -> None:
    panel = window.fax_list
    received = first_fax(window, direction="inbound")
    assert window.select_fax(received.id)
    assert window.detail.fax is not None and window.detail.fax.id == received.id

    panel.direction_filter.setCurrentIndex(panel.direction_filter.findData("outbound"))
    assert window.proxy.rowCount() > 0
    # Nothing else was chosen for the user: no current row, nothing in the detail pane.
    assert window.detail.fax is None
    assert not window.table.currentIndex().isValid()
    assert not window.table.selectionModel().hasSelection()
    assert not window.act_delete.isEnabled()

    panel.direction_filter.setCurrentIndex(panel.direction_filter.findData(""))
    assert window.detail.fax is not None and window.detail.fax.id == received.id
    row = window.proxy.row_of(received.id)
    assert row is not None and window.table.currentIndex().row() == row


def test_a_filter_that_keeps_the_shown_fax_keeps_it_selected(
    qtbot: Any, window: MainWindow
) -> None:
    panel = window.fax_list
    sent = first_fax(window, direction="outbound", status="delivered")
    assert window.select_fax(sent.id)
    panel.direction_filter.setCurrentIndex(panel.direction_filter.findData("outbound"))
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("delivered"))
    assert window.detail.fax is not None and window.detail.fax.id == sent.id
    index = window.table.currentIndex()
    assert index.isValid() and window.proxy.item_at(index.row()).id == sent.id


def test_a_fax_leaving_the_filter_as_its_status_changes_is_not_replaced_by_another(
    qtbot: Any, window: MainWindow, demo_sandbox: Any
) -> None:
    panel = window.fax_list
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("active"))
    moving = [f for f in window.proxy.visible_items() if f.direction == "outbound"]
    assert len(moving) >= 2  # a neighbour Qt could have picked
    chosen = moving[0]
    assert window.select_fax(chosen.id)
    shown: list[str | None] = []
    panel.currentChanged.connect(lambda row: shown.append(row.id if row else None))

    demo_sandbox.advance(3600)  # every fax in flight finishes
    wait_for(qtbot, lambda: window.proxy.row_of(chosen.id) is None)
    assert window.detail.fax is None
    assert shown == [None]  # it went away; no other fax was put in its place


def test_tab_leaves_the_table_instead_of_walking_its_cells(
    qtbot: Any, window: MainWindow
) -> None:
    window.activateWindow()
    table = window.table
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    assert window.select_fax(window.proxy.item_at(0).id)
    wait_for(qtbot, table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not table
    qtbot.keyClick(focused, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is table


def test_the_lists_controls_have_accessible_names(window: MainWindow) -> None:
    panel = window.fax_list
    for widget in (panel.direction_filter, panel.status_filter, panel.search, panel.table):
        assert widget.accessibleName(), widget.objectName()
    # Every control one can reach with Tab is named, by its text or its accessible name.
    unnamed = [w.objectName() or type(w).__name__ for w in panel.findChildren(QWidget)
               if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
               and not w.accessibleName()
               and not (isinstance(w, QAbstractButton) and w.text())]
    assert unnamed == []


def test_the_date_filter_shows_the_faxes_of_the_chosen_days(
    qtbot: Any, window: MainWindow
) -> None:
    from datetime import UTC, datetime, timedelta

    panel = window.fax_list
    now = datetime.now(UTC)
    dated = [f for f in window.model.items() if f.created_at is not None]
    recent = {f.id for f in dated if f.created_at is not None
              and f.created_at > now - timedelta(days=6)}
    older = {f.id for f in dated if f.created_at is not None
             and f.created_at < now - timedelta(days=8)}
    assert recent and older, "the demo history spans more than a week"

    panel.date_filter.setCurrentIndex(panel.date_filter.findData(7))
    shown = {f.id for f in window.proxy.visible_items()}
    assert recent <= shown and not older & shown
    assert not panel.date_from.isVisible()
    assert "of" in panel.count_label.text()

    # Between two dates: From and To appear, and the range includes both whole days.
    panel.date_filter.setCurrentIndex(panel.date_filter.findData("range"))
    assert panel.date_from.isVisible() and panel.date_to.isVisible()
    oldest = min(f.created_at for f in dated if f.created_at is not None)
    day = oldest.astimezone().date()
    panel.date_from.setDate(day)
    panel.date_to.setDate(day)
    shown_faxes = window.proxy.visible_items()
    assert oldest in {f.created_at for f in shown_faxes}
    assert all(f.created_at is not None and f.created_at.astimezone().date() == day
               for f in shown_faxes)

    panel.clear_filters()
    assert panel.date_filter.currentData() is None
    assert window.proxy.rowCount() == window.model.rowCount()
