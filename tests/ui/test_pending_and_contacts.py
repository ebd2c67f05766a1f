"""Contact names in the fax table, sends not yet created on the server, detail pane details."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from faxdesk.core.contacts import Contact, ContactBook
from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.opening import client_factory
from faxdesk.core.outbox import OutboxConfig
from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.sync import SyncConfig
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import COL_PARTY, COL_STATUS, ContactNames, display_number
from faxdesk.ui.tray import Notice, TrayController
from tests.ui.conftest import answer_next_message_box, first_fax, wait_for
from tests.ui.rows import fax_row


def _cell(window: MainWindow, fax_id: str, col: int) -> str:
    row = window.model.row_of(fax_id)
    assert row is not None, f"no row for {fax_id}"
    return str(window.model.index(row, col).data())


def _national(e164: str) -> str:
    return phonenumbers.format_number(phonenumbers.parse(e164),
                                      phonenumbers.PhoneNumberFormat.NATIONAL)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[ContactBook]:
    contacts = ContactBook(tmp_path / "contacts.db")
    yield contacts
    contacts.close()


# --- 1. the other party with the contact's name ---------------------------------------------

def test_the_other_party_is_named_after_the_contact_and_search_finds_the_name(
    qtbot: Any, window: MainWindow, book: ContactBook
) -> None:
    fax = first_fax(window, direction="outbound", status="delivered")
    assert fax.to
    assert "Lovelace" not in _cell(window, fax.id, COL_PARTY)
    # Stored in the national form ("(312) 555-0100"); the fax carries E.164.
    book.add(Contact("Ada Lovelace", _national(fax.to)))

    window.set_contacts(book)

    named = f"Ada Lovelace ({display_number(fax.to)})"
    wait_for(qtbot, lambda: _cell(window, fax.id, COL_PARTY) == named)
    assert window.select_fax(fax.id)
    assert "Ada Lovelace" in window.detail.title.text()
    assert window.detail.values["to"].text() == named

    window.search.setText("lovelace")
    window.fax_list.apply_search()
    shown = window.proxy.visible_items()
    assert fax.id in {f.id for f in shown}
    assert all(f.contact_name == "Ada Lovelace" for f in shown)
    assert len(shown) < window.model.rowCount()


def test_a_contact_edited_in_the_contacts_dialog_renames_the_rows(
    qtbot: Any, window: MainWindow, book: ContactBook
) -> None:
    from faxdesk.ui.send_setup import open_contacts

    fax = first_fax(window, direction="outbound", status="delivered")
    assert fax.to
    book.add(Contact("Ada Lovelace", fax.to))
    window.set_contacts(book)
    wait_for(qtbot, lambda: _cell(window, fax.id, COL_PARTY).startswith("Ada Lovelace ("))

    dialog = open_contacts(window)
    assert dialog is not None
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    dialog.table.selectRow(0)
    editor = dialog.edit_selected()
    assert editor is not None
    editor.name.setText("Ada King")
    editor.saveRequested.emit(editor.value())

    wait_for(qtbot, lambda: _cell(window, fax.id, COL_PARTY).startswith("Ada King ("))
    dialog.close()


def test_contact_names_match_national_and_international_forms() -> None:
    names = ContactNames([
        Contact("Berlin office", "030 1234567"),  # national, trunk zero
        Contact("Chicago", "+1 (312) 555-0142"),
        Contact("Short", "112"),
    ])
    assert names.name_for("+49301234567") == "Berlin office"
    assert names.name_for("+13125550142") == "Chicago"
    assert names.name_for("3125550142") == "Chicago"  # the fax side is the shorter form
    assert names.name_for("+13125550143") is None
    assert names.name_for("+4930") is None  # too few digits to be sure
    assert names.name_for("") is None


# --- 2. sends Telnyx has not created yet ----------------------------------------------------

@pytest.fixture
def quick_retry_window(
    qtbot: Any, demo_sandbox: Any, ui_state: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    """The outbox tries again 0.2 s after a network problem (5 s in the app)."""
    config = EngineConfig(sync=SyncConfig(fast_interval=0.05, slow_interval=0.05),
                          outbox=OutboxConfig(error_backoff=0.2))
    engine = FaxEngine(tmp_path / "data",
                       client_factory(demo_sandbox.api_key, demo_sandbox.base_url), config)
    win = MainWindow(engine, state=ui_state)
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_for(qtbot, lambda: win.model.rowCount() > 0 and win.apps_pane.applications, 20000)
    try:
        yield win
    finally:
        win.shutdown()


def _pending(window: MainWindow) -> list[FaxRow]:
    return [f for f in window.model.items() if f.pending]


def _send(window: MainWindow, pdf: Path, to: str, from_number: str, app_id: str) -> None:
    request = SendRequest(documents=(pdf,), recipients=(Recipient(to),),
                          connection_id=app_id, from_number=from_number)
    window.worker.submit(window.engine.send, request,
                         on_error=lambda exc: pytest.fail(f"the send was refused: {exc}"))


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def show(self, notice: Notice) -> bool:
        self.shown.append(notice)
        return True

    def close(self) -> None:
        pass


def test_a_send_is_a_row_at_once_waits_in_words_and_becomes_the_delivered_fax(
    qtbot: Any, quick_retry_window: MainWindow, demo_sandbox: Any, sandbox_api: Any,
    make_pdf: Callable[..., Path],
) -> None:
    window = quick_retry_window
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    demo_sandbox.faults.fail_next(10_000, status=503, method="POST", path="/v2/faxes")
    known = {f.id for f in window.model.items()}

    _send(window, make_pdf(), "+13125550100", number, app.id)

    wait_for(qtbot, lambda: len(_pending(window)) == 1)
    row = _pending(window)[0]
    assert row.to == "+13125550100" and row.direction == "outbound"
    assert row.id.startswith("send:") and row.fax_id is None
    wait_for(qtbot, lambda: _pending(window)
             and _cell(window, _pending(window)[0].id, COL_STATUS) == "Waiting for the network")
    assert window.select_fax(row.id)
    assert window.detail.status_label.text() == "Waiting for the network"
    assert window.detail.failure.text()  # what went wrong, as the outbox saw it
    assert not [f for f in window.model.items() if f.id not in known and not f.pending]

    demo_sandbox.faults.clear()

    def created() -> list[FaxRow]:
        return [f for f in window.model.items() if f.id not in known and not f.pending]

    wait_for(qtbot, lambda: len(created()) == 1 and not _pending(window), 15000)
    fax = created()[0]
    # The same row, now the fax Telnyx created; still the one selected.
    assert fax.id == row.id and fax.fax_id is not None and fax.to == "+13125550100"
    assert window.detail.fax is not None and window.detail.fax.id == row.id
    demo_sandbox.advance(600)
    wait_for(qtbot, lambda: (window.model.item_by_id(fax.id) or fax).status == "delivered")
    wait_for(qtbot, lambda: window.detail.status_label.text() == "Delivered")


def test_a_send_telnyx_refuses_shows_rejected_with_the_reason_and_can_be_discarded(
    qtbot: Any, window: MainWindow, sandbox_api: Any, make_pdf: Callable[..., Path]
) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    tray = TrayController.attach(window)
    notifier = RecordingNotifier()
    tray.notifier = notifier
    # The sandbox answers 422 for a connection that is not a fax application of the account.
    _send(window, make_pdf(), "+13125550100", number, "999999999")

    wait_for(qtbot, lambda: any(f.pending == "rejected" for f in _pending(window)))
    rejected = _pending(window)[0]
    text = _cell(window, rejected.id, COL_STATUS)
    assert text.startswith("Rejected: ") and "not a fax application" in text
    status_filter = window.fax_list.status_filter
    status_filter.setCurrentIndex(status_filter.findData("failed"))
    assert rejected.id in {f.id for f in window.proxy.visible_items()}
    status_filter.setCurrentIndex(status_filter.findData("all"))

    assert window.select_fax(rejected.id)
    assert window.detail.status_label.text() == text
    assert "not a fax application" in window.detail.failure.text()
    assert window.detail.buttons["resend"].isEnabled()
    assert window.detail.buttons["delete"].isEnabled()
    assert not window.detail.tech_values["id"].full_text()  # no Telnyx id yet

    # Resend: a fresh try replaces the refused one (refused again: same unknown application).
    window.run_action("resend")
    wait_for(qtbot, lambda: window.model.item_by_id(rejected.id) is None)
    wait_for(qtbot, lambda: any(f.pending == "rejected" for f in _pending(window)))
    again = _pending(window)[0]
    assert again.id != rejected.id

    assert window.select_fax(again.id)
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    window.run_action("delete")
    wait_for(qtbot, lambda: not _pending(window))
    journal = window.engine.store.journal_entries()
    assert [e.state for e in journal] == ["abandoned", "abandoned"]

    # The tray says so: nothing was sent, and the window may be hidden.
    failed = [n for n in notifier.shown if n.kind == "failed"]
    assert [n.fax_id for n in failed] == [rejected.id, again.id], [n.body for n in failed]
    assert all("not a fax application" in n.body for n in failed)


# --- 4. detail pane -------------------------------------------------------------------------

def test_detail_shows_status_words_only_and_hides_empty_rows(window: MainWindow) -> None:
    fax = first_fax(window, direction="outbound", status="failed")
    assert window.select_fax(fax.id)
    assert window.detail.values["status"].text() == "Failed"
    received = first_fax(window, direction="inbound", status="received")
    assert window.select_fax(received.id)
    form, values = window.detail.form, window.detail.values
    assert not received.client_state
    assert not window.detail.tech_values["client_state"].isVisibleTo(window.detail)
    assert form.isRowVisible(values["status"])


def test_an_unknown_status_is_shown_as_it_came(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    pane.show_fax(fax_row("x", direction="outbound", status="teleported"))
    assert pane.values["status"].text() == "teleported"


def test_timeline_is_in_time_order_and_stable_for_equal_times(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    pane.show_fax(fax_row("x", direction="outbound", status="failed"))
    t0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    pane.show_timeline("x", [
        TimelineEntry("x", "failed", t0 + timedelta(minutes=2), "poll", "user_busy"),
        TimelineEntry("x", "queued", t0, "poll"),
        TimelineEntry("x", "retry_scheduled", t0 + timedelta(minutes=2), "local",
                      "automatic retry 2 of 3"),
        TimelineEntry("x", "sending", t0 + timedelta(minutes=1), "webhook"),
    ])
    lines = [pane.timeline.item(i).text().split("\n")[0].split("  ", 1)[1]
             for i in range(pane.timeline.count())]
    assert lines == ["Queued", "Sending", "Failed", "Automatic retry scheduled"]


def test_every_journal_state_has_its_row_or_none() -> None:
    from dataclasses import replace

    from faxdesk.core.records import JournalEntry
    from faxdesk.core.rows import row_for_entry
    from faxdesk.ui.models import pending_text

    base = JournalEntry(
        id=7, token="t", state="prepared", document_path="/x.pdf", to="+13125550142",
        from_number="+12025550100", connection_id="1", options={"quality": "high"},
        media_name="m", client_state="cs", fax_id=None, created_at=1_000.0, updated_at=1_001.0)

    def words(**change: Any) -> str | None:
        row = row_for_entry(replace(base, **change))
        return None if row is None else pending_text(row)

    assert words() == "Preparing"
    assert words(state="media_uploaded") == "Uploading"
    assert words(state="fax_created", fax_id="f") == "Uploading"  # until its fax row exists
    assert words(error="Could not reach Telnyx", error_kind="network",
                 next_attempt_at=1_010.0) == "Waiting for the network"
    assert words(error="The API key was not accepted", error_kind="auth") == \
        "Waiting for a valid API key"
    assert words(state="fax_created", error="The answer was lost", error_kind="ambiguous") == \
        "May have been sent; checking with Telnyx"
    assert (words(next_attempt_at=1_300.0) or "").startswith("Retry at ")
    assert words(state="rejected", error="Telnyx refused the request. to: bad number",
                 error_kind="refused") == "Rejected: to: bad number"
    for gone in ("tracking", "done", "abandoned"):
        assert words(state=gone, fax_id="f") is None
    row = row_for_entry(base)
    assert row is not None and row.id == "send:7" and row.quality == "high"
