"""How the detail pane looks against the demo sandbox: every timeline step has a fitting icon,
no empty boxes (the preview takes no room without pages, the timeline is as tall as its
entries), whole thumbnails, and "fetch again" only where Telnyx has a document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QListWidget

from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.timeline_words import PENDING_STEPS
from faxdesk.core.words import STATUS_WORDS
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.icons import icon
from faxdesk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for
from tests.ui.rows import fax_row


def _first(window: MainWindow, **want: Any) -> FaxRow:
    for fax in window.model.items():
        if all(getattr(fax, k) == v for k, v in want.items()):
            return fax
    raise AssertionError(f"no demo fax with {want}")


def _look(qicon: QIcon) -> QImage:
    return qicon.pixmap(16, 16).toImage()


def _unknown_icon_steps(timeline: QListWidget) -> list[str]:
    unknown = _look(icon("status-unknown"))
    return [timeline.item(i).text() for i in range(timeline.count())
            if _look(timeline.item(i).icon()) == unknown]


def _settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(1)


# --- 1. icons of the timeline -------------------------------------------------------------------


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
    fax = _first(window, direction="inbound", status="received")
    other = _first(window, direction="outbound")

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
