"""The fax table and detail pane against the demo sandbox: live status, actions, filters."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from faxdesk.core.rows import FaxRow
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.core.words import FAILURE_REASONS
from faxdesk.ui.fax_actions import FaxAction
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.texts import failure_text
from tests.ui.conftest import answer_next_message_box, first_fax, wait_for


def _status(window: MainWindow, fax_id: str) -> str | None:
    item = window.model.item_by_id(fax_id)
    return item.status if item else None


def _click(qtbot: Any, window: MainWindow, action: FaxAction) -> None:
    button = window.detail.buttons[action]
    assert button.isEnabled(), f"{action} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_outbox_row_follows_the_fax_without_user_action(
    qtbot: Any, window: MainWindow, demo_sandbox: Any
) -> None:
    fax = first_fax(window, direction="outbound", status="queued")
    assert window.select_fax(fax.id)
    row_before = window.model.row_of(fax.id)

    demo_sandbox.advance(600)  # the sandbox's lifecycle runs on; nobody touches the window

    wait_for(qtbot, lambda: _status(window, fax.id) in ("delivered", "failed"))
    assert window.model.row_of(fax.id) == row_before  # updated in place, not re-added
    assert window.detail.status_label.text() in ("Delivered", "Failed")
    wait_for(qtbot, lambda: window.detail.timeline.count() >= 2)


def test_cancel_from_the_detail_pane(
    qtbot: Any, window: MainWindow, sandbox_api: Any
) -> None:
    fax = first_fax(window, direction="outbound", status="queued")
    window.select_fax(fax.id)
    _click(qtbot, window, "cancel")
    wait_for(qtbot, lambda: _status(window, fax.id) == "failed")
    assert sandbox_api.get_fax(fax.id).failure_reason == "sender_canceled"
    assert window.detail.failure.text() == failure_text("sender_canceled")
    assert not window.detail.buttons["cancel"].isEnabled()
    # Sent from another computer: its document is not here, so it cannot be sent again from
    # here (a fax sent from this FaxDesk can: test_resend_a_failed_fax_creates_a_new_one).
    assert not window.detail.buttons["resend"].isEnabled()


def test_delete_asks_then_removes_the_fax(
    qtbot: Any, window: MainWindow, sandbox_api: Any
) -> None:
    from faxdesk.api.errors import NotFoundError

    fax = first_fax(window, direction="outbound", status="delivered")
    # Pause syncing so no tick races the DELETE: this test is about the window's flow (a run
    # without the pause failed once in six here, cause not pinned down; noted in the report).
    window.worker.submit(window.engine.pause)
    window.worker.wait_idle()
    qtbot.wait(200)
    rows = window.model.rowCount()
    window.select_fax(fax.id)

    answer_next_message_box(QMessageBox.StandardButton.No)
    _click(qtbot, window, "delete")
    window.worker.wait_idle()
    qtbot.wait(50)
    assert window.model.item_by_id(fax.id) is not None

    answer_next_message_box(QMessageBox.StandardButton.Yes)
    _click(qtbot, window, "delete")
    wait_for(qtbot, lambda: window.model.item_by_id(fax.id) is None)
    assert window.model.rowCount() == rows - 1
    assert window.detail.fax is None or window.detail.fax.id != fax.id
    with pytest.raises(NotFoundError):
        sandbox_api.get_fax(fax.id)


def test_refresh_an_inbound_fax_link(
    qtbot: Any, window: MainWindow, demo_sandbox: Any
) -> None:
    fax = first_fax(window, direction="inbound", status="received")
    window.select_fax(fax.id)
    assert not window.detail.buttons["cancel"].isEnabled()
    demo_sandbox.reset_request_log()
    _click(qtbot, window, "refresh")
    wait_for(qtbot, lambda: any(
        r.method == "POST" and r.path.endswith(f"/faxes/{fax.id}/actions/refresh")
        and r.status == 200 for r in demo_sandbox.request_log
    ))
    wait_for(qtbot, lambda: "Fetched the fax again" in window.statusBar().currentMessage())


def test_resend_a_failed_fax_creates_a_new_one(
    qtbot: Any, window: MainWindow, sandbox_api: Any, demo_sandbox: Any,
    make_pdf: Callable[..., Path],
) -> None:
    # A fax sent from this FaxDesk to the sandbox's "busy" number fails; then resend it.
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    request = SendRequest(documents=(make_pdf(),), recipients=(Recipient("+12025550101"),),
                          connection_id=app.id, from_number=number)
    known = {f.id for f in window.model.items()}
    window.worker.submit(window.engine.send, request)

    def sent() -> list[FaxRow]:
        return [f for f in window.model.items() if f.id not in known and not f.pending]

    def ours() -> list[FaxRow]:
        return [f for f in window.model.items() if f.id not in known]

    wait_for(qtbot, lambda: len(sent()) == 1)
    assert sent()[0].id.startswith("send:")  # a send made here keeps one row throughout
    demo_sandbox.advance(600)
    # Busy: the settings' automatic retry waits on the same row; stop it, then resend by hand.
    wait_for(qtbot, lambda: ours() and ours()[0].pending == "scheduled")
    assert len(ours()) == 1
    window.select_fax(ours()[0].id)
    _click(qtbot, window, "cancel")
    wait_for(qtbot, lambda: sent() and sent()[0].status == "failed")
    fax = sent()[0]
    assert fax.id == ours()[0].id
    window.select_fax(fax.id)
    assert window.detail.failure.text() == failure_text("user_busy")

    def faxes() -> set[str]:  # rows Telnyx created (not sends still on their way)
        return {f.id for f in window.model.items() if not f.pending}

    before = faxes()
    _click(qtbot, window, "resend")
    wait_for(qtbot, lambda: len(faxes() - before) == 1)
    new_row = window.model.item_by_id((faxes() - before).pop())
    assert new_row is not None and new_row.fax_id not in (None, fax.fax_id)
    new = sandbox_api.get_fax(new_row.fax_id)
    assert (new.to, new.from_number, new.connection_id) == (
        fax.to, fax.from_number, fax.connection_id)
    assert new.direction == "outbound"


def test_a_send_made_here_is_shown_searched_and_exported_by_telnyxs_fax_id(
    qtbot: Any, window: MainWindow, sandbox_api: Any, make_pdf: Callable[..., Path],
    tmp_path: Path,
) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    known = {f.id for f in window.model.items()}
    window.worker.submit(window.engine.send, SendRequest(
        documents=(make_pdf(),), recipients=(Recipient("+13125550177"),),
        connection_id=app.id, from_number=number))

    def ours() -> FaxRow | None:
        rows = [f for f in window.model.items() if f.id not in known and f.fax_id]
        return rows[0] if rows else None

    wait_for(qtbot, lambda: ours() is not None)
    row = ours()
    assert row is not None and row.fax_id is not None
    telnyx_id = row.fax_id  # what Telnyx, its portal and its webhooks call this fax
    assert window.select_fax(row.id)
    shown = window.detail.tech_values["id"].full_text()
    target = tmp_path / "faxes.csv"
    window.export_csv(str(target))
    wait_for(qtbot, lambda: target.exists() and "Exported" in window.statusBar().currentMessage())
    with target.open(newline="", encoding="utf-8") as fh:
        exported = [r["id"] for r in csv.DictReader(fh) if r["to"] == "+13125550177"]
    window.search.setText(telnyx_id)
    window.fax_list.apply_search()
    found = [f.id for f in window.proxy.visible_items()]
    assert {
        "detail pane": shown,
        "search": found,
        "CSV": exported,
    } == {"detail pane": telnyx_id, "search": [row.id], "CSV": [telnyx_id]}


def test_mark_read_toggles_the_bold_row(qtbot: Any, window: MainWindow) -> None:
    fax = first_fax(window, direction="inbound", status="received")
    window.select_fax(fax.id)
    start = window.model.item_by_id(fax.id)
    assert start is not None
    _click(qtbot, window, "mark_read")
    wait_for(qtbot, lambda: (window.model.item_by_id(fax.id) or start).read != start.read)
    _click(qtbot, window, "mark_read")
    wait_for(qtbot, lambda: (window.model.item_by_id(fax.id) or start).read == start.read)


def test_save_pdf_and_preview(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    fax = first_fax(window, direction="inbound", status="received")
    window.select_fax(fax.id)
    wait_for(qtbot, lambda: window.detail.thumbnails.count() > 0)
    target = tmp_path / "saved.pdf"
    window.save_pdf(fax, str(target))
    wait_for(qtbot, lambda: target.exists() and target.stat().st_size > 0)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_fax_received_while_it_is_selected_shows_its_preview_once_downloaded(
    qtbot: Any, window: MainWindow, demo_sandbox: Any, sandbox_api: Any
) -> None:
    received: list[FaxRow] = []
    window.faxReceived.connect(received.append)  # what the tray hears
    ours = next(iter(sandbox_api.iter_phone_numbers())).phone_number
    fax_id = demo_sandbox.receive_inbound(from_number="+13125550123", to=ours, pages=2)
    demo_sandbox.advance(600)
    wait_for(qtbot, lambda: _status(window, fax_id) == "received")
    window._read_timer.setInterval(60_000)  # still unread below, however long the wait
    assert window.select_fax(fax_id)

    # The preview and the row's "document here" come by separate ways, in either order.
    def shown_with_its_document() -> bool:
        row = window.model.item_by_id(fax_id)
        return window.detail.thumbnails.count() > 0 and row is not None and row.has_document

    wait_for(qtbot, shown_with_its_document)
    row = window.model.item_by_id(fax_id)
    assert row is not None and row.has_document and row.unread
    # Once, for this fax (the demo history's own received faxes may still be downloading).
    assert [r.id for r in received].count(fax_id) == 1


def test_filters_and_search(qtbot: Any, window: MainWindow) -> None:
    proxy = window.proxy
    panel = window.fax_list
    total = window.model.rowCount()

    panel.direction_filter.setCurrentIndex(panel.direction_filter.findData("inbound"))
    inbound = proxy.visible_items()
    assert inbound and all(f.direction == "inbound" for f in inbound)
    assert len(inbound) < total

    panel.direction_filter.setCurrentIndex(panel.direction_filter.findData(""))
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("failed"))
    failed = proxy.visible_items()
    assert failed and all(f.status == "failed" for f in failed)

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("all"))
    target = first_fax(window, direction="outbound", status="delivered")
    qtbot.keyClicks(window.search, target.to or "")
    wait_for(qtbot, lambda: proxy.rowCount() < total)  # applied after a pause in typing
    found = proxy.visible_items()
    assert found and all(target.to in (f.to, f.from_number) for f in found)
    window.search.clear()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # Enter applies at once
    assert proxy.rowCount() == total

    app = window.apps_pane.applications[0]
    window.apps_pane.select_id(app.id)
    mine = proxy.visible_items()
    assert all(f.connection_id == app.id for f in mine)
    window.apps_pane.select_id(None)
    assert proxy.rowCount() == total
    assert panel.count_label.text() == f"{total} faxes"


def test_ctrl_f_focuses_search_and_csv_export(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.activateWindow()
    window.act_search.trigger()
    assert window.search.hasFocus() or window.focusWidget() is window.search
    panel = window.fax_list
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("failed"))
    target = tmp_path / "faxes.csv"
    window.export_csv(str(target))
    wait_for(qtbot, lambda: target.exists() and "Exported" in window.statusBar().currentMessage())
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["status"] for r in rows} == {"failed"}
    assert all(r["failure_text"] for r in rows)


def test_every_documented_failure_reason_has_words() -> None:
    documented = (
        "account_disabled", "connection_channel_limit_exceeded", "destination_invalid",
        "destination_not_in_countries_whitelist", "destination_not_in_service_plan",
        "destination_unreachable", "fax_initial_communication_timeout", "fax_signaling_error",
        "invalid_ecm_response_from_receiver", "no_outbound_profile",
        "outbound_profile_channel_limit_exceeded", "outbound_profile_daily_spend_limit_exceeded",
        "receiver_call_dropped", "receiver_communication_error", "receiver_decline",
        "receiver_incompatible_destination", "receiver_invalid_number_format",
        "receiver_no_answer", "receiver_no_response", "receiver_recovery_on_timer_expire",
        "receiver_unallocated_number", "service_unavailable", "unverified_destination_not_allowed",
        "unverified_origination_number", "user_busy", "user_channel_limit_exceeded",
        "sender_call_dropped", "sender_canceled", "carrier_lost", "sender_communication_error",
        "file_format_invalid", "file_download_failed", "file_size_limit_exceeded",
        "page_count_limit_exceeded", "media_processing_exception",
    )
    assert set(documented) <= set(FAILURE_REASONS)
    for reason in documented:
        text = failure_text(reason)
        assert text and "_" not in text and text.endswith(".")
    assert "something_new" in failure_text("something_new")  # unknown: shown, not hidden
