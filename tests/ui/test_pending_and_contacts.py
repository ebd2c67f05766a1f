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
from faxdesk.ui.app import make_backend, make_client
from faxdesk.ui.backend import FaxItem, SendRequest, TimelineEntry
from faxdesk.ui.detail_pane import FaxDetailPane
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import COL_PARTY, COL_STATUS, ContactNames, display_number
from tests.ui.conftest import answer_next_message_box, wait_for


def _cell(window: MainWindow, fax_id: str, col: int) -> str:
    row = window.model.row_of(fax_id)
    assert row is not None, f"no row for {fax_id}"
    return str(window.model.index(row, col).data())


def _first(window: MainWindow, **want: Any) -> FaxItem:
    for fax in window.model.items():
        if all(getattr(fax, k) == v for k, v in want.items()):
            return fax
    raise AssertionError(f"no demo fax with {want}")


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
    fax = _first(window, direction="outbound", status="delivered")
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
    window.apply_search()
    shown = window.proxy.visible_items()
    assert fax.id in {f.id for f in shown}
    assert all(f.contact_name == "Ada Lovelace" for f in shown)
    assert len(shown) < window.model.rowCount()


def test_a_contact_edited_in_the_contacts_dialog_renames_the_rows(
    qtbot: Any, window: MainWindow, book: ContactBook
) -> None:
    from faxdesk.ui.send_setup import open_contacts

    fax = _first(window, direction="outbound", status="delivered")
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

class BackoffSettings:
    poll_fast_secs = 0.05
    poll_slow_secs = 0.05
    outbox_backoff_secs = 0.2


@pytest.fixture
def quick_retry_window(
    qtbot: Any, demo_sandbox: Any, ui_state: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    client = make_client(demo_sandbox.api_key, demo_sandbox.base_url)
    win = MainWindow(make_backend(client, BackoffSettings(), data_dir=tmp_path / "data"),
                     state=ui_state)
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_for(qtbot, lambda: win.model.rowCount() > 0 and win.apps_pane.applications, 20000)
    try:
        yield win
    finally:
        win.shutdown()
        client.close()


def _pending(window: MainWindow) -> list[FaxItem]:
    return [f for f in window.model.items() if f.pending]


def test_a_send_is_a_row_at_once_waits_in_words_and_becomes_the_delivered_fax(
    qtbot: Any, quick_retry_window: MainWindow, demo_sandbox: Any, sandbox_api: Any,
    make_pdf: Callable[..., Path],
) -> None:
    window = quick_retry_window
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    demo_sandbox.faults.fail_next(10_000, status=503, method="POST", path="/v2/faxes")
    known = {f.id for f in window.model.items()}

    window.worker.submit(window.backend.submit,
                         SendRequest(make_pdf(), "+13125550100", number, app.id))

    wait_for(qtbot, lambda: len(_pending(window)) == 1)
    row = _pending(window)[0]
    assert row.to == "+13125550100" and row.direction == "outbound"
    wait_for(qtbot, lambda: _pending(window)
             and _cell(window, _pending(window)[0].id, COL_STATUS) == "Waiting for the network")
    assert window.select_fax(row.id)
    assert window.detail.status_label.text() == "Waiting for the network"
    assert window.detail.failure.text()  # what went wrong, as the outbox saw it
    assert not [f for f in window.model.items() if f.id not in known and not f.pending]

    demo_sandbox.faults.clear()

    def created() -> list[FaxItem]:
        return [f for f in window.model.items() if f.id not in known and not f.pending]

    wait_for(qtbot, lambda: len(created()) == 1 and not _pending(window), 15000)
    fax = created()[0]
    assert fax.to == "+13125550100"
    demo_sandbox.advance(600)
    wait_for(qtbot, lambda: (window.model.item_by_id(fax.id) or fax).status == "delivered")


def test_a_send_telnyx_refuses_shows_rejected_with_the_reason_and_can_be_discarded(
    qtbot: Any, window: MainWindow, sandbox_api: Any, make_pdf: Callable[..., Path]
) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    notices: list[FaxItem] = []
    window.faxChanged.connect(notices.append)  # what the tray hears
    # The sandbox answers 422 for a connection that is not a fax application of the account.
    window.worker.submit(window.backend.submit,
                         SendRequest(make_pdf(), "+13125550100", number, "999999999"))

    wait_for(qtbot, lambda: any(f.pending == "rejected" for f in _pending(window)))
    rejected = _pending(window)[0]
    text = _cell(window, rejected.id, COL_STATUS)
    assert text.startswith("Rejected: ") and "not a fax application" in text
    heard = [f for f in notices if f.id == rejected.id and f.status == "failed"]
    assert heard and "not a fax application" in (heard[-1].failure_reason or "")
    window.status_filter.setCurrentIndex(window.status_filter.findData("failed"))
    assert rejected.id in {f.id for f in window.proxy.visible_items()}

    assert window.select_fax(rejected.id)
    assert window.detail.status_label.text() == text
    assert "not a fax application" in window.detail.failure.text()
    assert window.detail.buttons["resend"].isEnabled()
    assert window.detail.buttons["delete"].isEnabled()
    assert not window.detail.values["id"].isVisible()  # no Telnyx id yet

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
    engine = window.backend.engine  # type: ignore[attr-defined]
    assert [e.state for e in engine.store.journal_entries()] == ["abandoned", "abandoned"]


# --- 4. detail pane -------------------------------------------------------------------------

def test_detail_shows_status_words_only_and_hides_empty_rows(window: MainWindow) -> None:
    fax = _first(window, direction="outbound", status="failed")
    assert window.select_fax(fax.id)
    assert window.detail.values["status"].text() == "Failed"
    received = _first(window, direction="inbound", status="received")
    assert window.select_fax(received.id)
    form, values = window.detail.form, window.detail.values
    assert not received.client_state
    assert not form.isRowVisible(values["client_state"])
    assert form.isRowVisible(values["status"])


def test_an_unknown_status_is_shown_as_it_came(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    pane.show_fax(FaxItem(id="x", direction="outbound", status="teleported"))
    assert pane.values["status"].text() == "teleported"


def test_timeline_is_in_time_order_and_stable_for_equal_times(qtbot: Any) -> None:
    pane = FaxDetailPane()
    qtbot.addWidget(pane)
    pane.show_fax(FaxItem(id="x", direction="outbound", status="failed"))
    t0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    pane.show_timeline("x", [
        TimelineEntry(t0 + timedelta(minutes=2), "failed", "user_busy"),
        TimelineEntry(t0, "queued"),
        TimelineEntry(t0 + timedelta(minutes=2), "retry_scheduled", "automatic retry 2 of 3"),
        TimelineEntry(t0 + timedelta(minutes=1), "sending"),
    ])
    lines = [pane.timeline.item(i).text().split("\n")[0].split("  ", 1)[1]
             for i in range(pane.timeline.count())]
    assert lines == ["Queued", "Sending", "Failed", "Automatic retry scheduled"]


def test_every_journal_state_has_its_row_or_none() -> None:
    from dataclasses import replace

    from faxdesk.core.records import JournalEntry
    from faxdesk.ui.engine_backend import pending_item
    from faxdesk.ui.models import pending_text

    base = JournalEntry(
        id=7, token="t", state="prepared", document_path="/x.pdf", to="+13125550142",
        from_number="+12025550100", connection_id="1", options={"quality": "high"},
        media_name="m", client_state="cs", fax_id=None, created_at=1_000.0, updated_at=1_001.0)

    def words(**change: Any) -> str | None:
        item = pending_item(replace(base, **change))
        return None if item is None else pending_text(item)

    assert words() == "Preparing"
    assert words(state="media_uploaded") == "Uploading"
    assert words(state="fax_created", fax_id="f") == "Uploading"  # until its fax row exists
    assert words(error="Could not reach Telnyx", next_attempt_at=1_010.0) == \
        "Waiting for the network"
    assert words(error="The API key was not accepted") == "Waiting for a valid API key"
    assert (words(next_attempt_at=1_300.0) or "").startswith("Retry at ")
    assert words(state="rejected", error="Telnyx refused the request. to: bad number") == \
        "Rejected: to: bad number"
    for gone in ("tracking", "done", "abandoned"):
        assert words(state=gone, fax_id="f") is None
    item = pending_item(base)
    assert item is not None and item.id == "pending:7" and item.quality == "high"
