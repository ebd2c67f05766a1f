"""A narrow window keeps its search box usable: the filter bar gives up its export button
(the toolbar and the File menu export the same faxes) before it squeezes the search box, and
nothing in the bar is cut off or lies on top of something else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.main_window import PARTY_MIN_WIDTH, MainWindow, party_least_width
from faxdesk.ui.models import COL_PARTY, COL_UPDATED


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param != "en":
        assert install_translations(qapp, request.param) == request.param
    yield request.param
    remove_translations(qapp)


def _bar_widgets(window: MainWindow) -> list[QWidget]:
    fl = window.fax_list
    return [w for w in (fl.direction_filter, fl.status_filter, fl.date_filter, fl.date_from,
                        fl.date_to, fl.search, fl.export_button) if w.isVisible()]


def _in_pane(window: MainWindow, widget: QWidget) -> QRect:
    top_left = widget.mapTo(window.fax_list, widget.rect().topLeft())
    return QRect(top_left, widget.size())


def _check_bar(window: MainWindow) -> None:
    pane = window.fax_list.rect()
    places = [_in_pane(window, w) for w in _bar_widgets(window)]
    assert all(pane.contains(r) for r in places), places
    assert not any(a.intersects(b) for i, a in enumerate(places) for b in places[i + 1:])
    search = window.fax_list.search
    assert search.isVisible() and search.width() >= search.minimumWidth()
    words = search.placeholderText()
    assert search.fontMetrics().horizontalAdvance(words) < search.width()


def test_the_search_box_keeps_its_words_in_the_smallest_window(
    language: str, request: pytest.FixtureRequest, qtbot: QtBot
) -> None:
    window: MainWindow = request.getfixturevalue("window")
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize())
    qtbot.waitUntil(lambda: window.fax_list.width() < 600)
    _check_bar(window)
    # The other party's number stays readable; the table scrolls sideways for the rest.
    header = window.table.horizontalHeader()
    least = party_least_width(window.table)
    qtbot.waitUntil(lambda: header.sectionSize(COL_PARTY) >= least)
    party = window.model.index(0, COL_PARTY).data()
    assert window.table.fontMetrics().horizontalAdvance(party) < header.sectionSize(COL_PARTY)
    # "Between dates…" adds two date fields: the bar still fits.
    window.fax_list.date_filter.setCurrentIndex(window.fax_list.date_filter.findData("range"))
    qtbot.waitUntil(window.fax_list.date_from.isVisible)
    window.resize(QSize(900, 600))
    qtbot.waitUntil(lambda: window.width() == 900)
    _check_bar(window)
    # With room, the export button is back beside the search box.
    window.fax_list.date_filter.setCurrentIndex(0)
    window.resize(QSize(1400, 800))
    qtbot.waitUntil(window.fax_list.export_button.isVisible)
    _check_bar(window)
    # With room, the other party takes what the other columns leave.
    qtbot.waitUntil(lambda: header.sectionSize(COL_PARTY) > PARTY_MIN_WIDTH)
    assert not window.table.horizontalScrollBar().isVisible()


def test_the_updated_column_stays_put_at_every_width(
    request: pytest.FixtureRequest, qtbot: QtBot
) -> None:
    # The columns are fitted after every resize, and again when a pane's splitter moves: a
    # second fitting at the same width must leave them as the first did (no column blinking
    # in and out while a window is dragged).
    window: MainWindow = request.getfixturevalue("window")
    header = window.table.horizontalHeader()
    for width in range(900, 1500, 20):
        window.resize(QSize(width, 700))
        qtbot.waitUntil(lambda width=width: window.width() == width)
        window._fit_columns()
        hidden = header.isSectionHidden(COL_UPDATED)
        window._fit_columns()
        assert header.isSectionHidden(COL_UPDATED) == hidden, width
        party = window.model.index(0, COL_PARTY).data()
        assert (window.table.fontMetrics().horizontalAdvance(party)
                < header.sectionSize(COL_PARTY)), width
