"""How the detail pane looks against the demo sandbox: every timeline step has a fitting icon,
no empty boxes (the preview takes no room without pages, the timeline is as tall as its
entries), whole thumbnails, and "fetch again" only where Telnyx has a document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QListWidget

from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.status import set_local
from faxdesk.core.status_words import STATUS_WORDS
from faxdesk.core.timeline_words import PENDING_STEPS
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.icons import icon
from faxdesk.ui.main_window import MainWindow
from tests.ui.conftest import first_fax, wait_for
from tests.ui.rows import fax_row


def _look(qicon: QIcon) -> QImage:
    return qicon.pixmap(16, 16).toImage()


def _unknown_icon_steps(timeline: QListWidget) -> list[str]:
    unknown = _look(icon("status-unknown"))
    return [timeline.item(i).text() for i in range(timeline.count())
            if _look(timeline.item(i).icon()) == unknown]


def _settle(qtbot: Any) -> None:
    """Deliver what is already posted (layout requests, zero-delay timers); no time passes."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


# --- icons of the timeline -------------------------------------------------------------------


def test_no_step_faxdesk_records_shows_the_unknown_icon(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    pane.show_fax(fax_row("x", direction="inbound", status="received"))
    t0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    # Telnyx's statuses, FaxDesk's own steps, and the steps of a send Telnyx has not yet.
    steps = [*STATUS_WORDS, *PENDING_STEPS]
    pane.show_timeline("x", [TimelineEntry("x", status, t0 + timedelta(seconds=n), "local")
                             for n, status in enumerate(steps)])
    assert pane.timeline.count() == len(steps)
    assert _unknown_icon_steps(pane.timeline) == []
    # A status nobody knows still says so.
    pane.show_timeline("x", [TimelineEntry("x", "teleported", t0, "poll")])
    assert len(_unknown_icon_steps(pane.timeline)) == 1


def test_a_downloaded_received_fax_shows_no_question_marks(
    qtbot: Any, window: MainWindow
) -> None:
    fax = first_fax(window, direction="inbound", status="received")
    other = first_fax(window, direction="outbound")

    def downloaded() -> bool:
        row = window.model.item_by_id(fax.id)
        return row is not None and row.has_document

    wait_for(qtbot, downloaded, 20000)
    window.select_fax(other.id)
    window.select_fax(fax.id)
    timeline = window.detail.timeline
    wait_for(qtbot, lambda: any("Document saved on this computer" in timeline.item(i).text()
                                for i in range(timeline.count())))
    # The demo's links have expired by the time it is downloaded: FaxDesk fetched a new one.
    assert any("Document link refreshed" in timeline.item(i).text()
               for i in range(timeline.count()))
    assert _unknown_icon_steps(timeline) == []


# --- no empty boxes ----------------------------------------------------------------------------


def test_a_sent_fax_without_its_document_says_why_and_shows_no_empty_box(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(1920, 1080)
    fax = first_fax(window, direction="outbound", status="delivered", journal_id=None)
    assert fax.media_name and not fax.has_document
    window.select_fax(fax.id)
    pane = window.detail
    # The sentence names the document Telnyx knows and says it is not on this computer.
    wait_for(qtbot, lambda: fax.media_name in pane.preview_note.text())
    window.worker.wait_idle()
    _settle(qtbot)
    assert "not" in pane.preview_note.text() and "this computer" in pane.preview_note.text()
    assert pane.preview_note.isVisible()
    assert not pane.thumbnails.isVisible() or pane.thumbnails.height() == 0


def test_the_timeline_is_as_tall_as_its_entries(qtbot: Any, window: MainWindow) -> None:
    window.resize(1920, 1080)
    pane = window.detail
    timeline = pane.timeline
    one = first_fax(window, direction="outbound", status="delivered", journal_id=None)
    window.select_fax(one.id)
    wait_for(qtbot, lambda: timeline.count() == 1)
    _settle(qtbot)
    row = timeline.visualItemRect(timeline.item(0))
    frame = timeline.height() - timeline.viewport().height()
    # One entry: one row high (and a little room), not a large white box.
    assert timeline.viewport().height() < 2 * row.height(), (timeline.height(), row)
    assert timeline.viewport().height() >= row.height()
    assert frame < row.height()

    # Many entries: up to a limit, then it scrolls with a visible scroll bar.
    t0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    for count in (3, 60):
        pane.show_timeline(one.id, [TimelineEntry(one.id, "sending", t0 + timedelta(seconds=n),
                                                  "poll") for n in range(count)])
        _settle(qtbot)
        last = timeline.visualItemRect(timeline.item(count - 1))
        if count == 3:
            assert not timeline.verticalScrollBar().isVisible()
            assert timeline.viewport().rect().contains(last)  # every entry whole, in view
            assert timeline.viewport().height() < last.bottom() + row.height()
        else:
            assert timeline.verticalScrollBar().isVisible()
            assert timeline.height() < window.height() / 2


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 640)])
def test_thumbnails_are_whole_or_reachable_by_a_visible_scroll_bar(
    qtbot: Any, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    pane = window.detail

    def many_pages() -> FaxRow | None:
        # A received fax's pages are counted once its document is on this computer.
        return next((r for r in window.model.items() if r.direction == "inbound"
                     and r.status == "received" and (r.page_count or 0) >= 6), None)

    wait_for(qtbot, lambda: many_pages() is not None, 20000)
    fax = many_pages()
    assert fax is not None
    window.select_fax(fax.id)
    wait_for(qtbot, lambda: pane.thumbnails.count() >= 6, 20000)
    _settle(qtbot)
    thumbs = pane.thumbnails
    assert thumbs.isVisible() and thumbs.height() > 0
    view = thumbs.viewport().rect()
    # Where the list itself lies in the pane's visible width (the pane never scrolls sideways).
    left = thumbs.viewport().mapTo(pane.viewport(), view.topLeft()).x()
    assert left >= 0 and left + view.width() <= pane.viewport().width()
    for i in range(thumbs.count()):
        rect = thumbs.visualItemRect(thumbs.item(i))
        whole = view.contains(rect)
        out_of_view = not view.intersects(rect)
        assert whole or out_of_view, f"page {i + 1} is cut: {rect} in {view}"
        if out_of_view:  # reachable: the scroll bar that leads there is shown
            bar = (thumbs.horizontalScrollBar() if rect.left() >= view.right()
                   or rect.right() <= view.left() else thumbs.verticalScrollBar())
            assert bar.isVisible(), f"page {i + 1} cannot be reached"
    # The rows of pages are whole in the pane's own scrolling area too.
    last = thumbs.visualItemRect(thumbs.item(thumbs.count() - 1))
    body_rect = QRect(thumbs.viewport().mapTo(pane.widget(), last.topLeft()), last.size())
    assert pane.widget().rect().contains(body_rect)


# --- "fetch again" only where there is a document ---------------------------------------------


def test_fetch_again_is_offered_only_for_a_received_document(
    qtbot: Any, window: MainWindow
) -> None:
    pane = window.detail
    button = pane.buttons["refresh"]
    receiving = next(r for r in window.model.items()
                     if r.direction == "inbound" and r.status in ("initiated", "receiving"))
    window.select_fax(receiving.id)
    _settle(qtbot)
    assert button.isHidden()
    assert not window.act_refresh.isEnabled()  # the Fax menu's entry agrees
    sent = first_fax(window, direction="outbound", status="delivered")
    window.select_fax(sent.id)
    _settle(qtbot)
    assert button.isHidden()

    received = first_fax(window, direction="inbound", status="received")
    window.select_fax(received.id)
    _settle(qtbot)
    assert not button.isHidden() and button.isEnabled()
    words = button.text().replace("&", "").lower()
    assert "link" not in words and "fetch" in words
    assert button.toolTip()  # says what it does


def test_the_shown_timeline_follows_the_steps_taken_on_this_computer(
    qtbot: Any, window: MainWindow
) -> None:
    fax = first_fax(window, direction="inbound", status="received")

    def downloaded() -> bool:
        row = window.model.item_by_id(fax.id)
        return row is not None and row.has_document

    wait_for(qtbot, downloaded, 20000)
    window.select_fax(fax.id)
    timeline = window.detail.timeline

    def saved() -> int:
        return sum("Document saved on this computer" in timeline.item(i).text()
                   for i in range(timeline.count()))

    wait_for(qtbot, lambda: saved() == 1)
    # The copy on this computer is gone: saved again while the fax is shown (by the next sync
    # or by "Fetch again", whichever comes first), the new step appears without choosing the
    # fax again.
    engine = window.engine
    set_local(engine.store, engine.events, fax.id, download_state=None, downloaded_path=None)
    window.run_action("refresh")
    wait_for(qtbot, lambda: saved() == 2, 20000)


def test_a_long_document_says_that_only_its_first_pages_are_shown(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    # Telnyx gave no page count for this fax: the document's own count is what tells.
    pane.show_fax(fax_row("x", direction="inbound", status="received", page_count=None))
    page = QImage(96, 128, QImage.Format.Format_RGB32)
    page.fill(0xFFFFFF)
    pane.show_preview("x", [page] * 3, "40 pages", pages=40)
    assert pane.thumbnails.count() == 3
    assert "40 pages" in pane.preview_note.text()
    assert "The first 3 pages are shown here" in pane.preview_note.text()
    # All of a short document shown: no such sentence.
    pane.show_preview("x", [page] * 2, "2 pages", pages=2)
    assert pane.preview_note.text() == "2 pages"
