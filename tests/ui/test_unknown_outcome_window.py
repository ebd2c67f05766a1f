"""A send whose outcome is unknown, as the window shows it: "may have been sent; checking", and
Discard asks Telnyx first, then says plainly what discarding risks when Telnyx cannot be asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.models import COL_STATUS
from tests.support.pdfs import make_pdf
from tests.ui.conftest import press, wait_for

TO = "+13125550177"  # no demo fax goes there


def _answer_boxes(answers: list[tuple[str, QMessageBox.StandardButton]],
                  seen: list[str]) -> None:
    """Answer the next message boxes in turn: each must contain its expected words."""
    from PySide6.QtCore import QTimer

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        words, button = answers.pop(0)
        seen.append(box.text())
        if words not in box.text():
            box.reject()  # never left open: the test fails instead of waiting for it
            raise AssertionError(box.text())
        press(box, button)
        if answers:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def test_discarding_a_send_that_may_have_gone_out_checks_with_telnyx_first(
    qtbot: Any, window: MainWindow, demo_sandbox: Any, sandbox_api: Any, tmp_path: Path
) -> None:
    app = window.apps_pane.applications[0]
    number = next(iter(sandbox_api.iter_phone_numbers(connection_id=app.id))).phone_number
    demo_sandbox.faults.lose_create_then_drop_lookups(lookups=400)
    request = SendRequest((make_pdf(tmp_path / "letter.pdf"),), (Recipient(TO),), app.id, number)
    window.worker.submit(window.engine.send, request)

    def checking() -> Any:
        return next((f for f in window.model.items() if f.pending == "checking"), None)

    wait_for(qtbot, checking, timeout=30000)
    row = checking()
    status = str(window.model.index(window.model.row_of(row.id), COL_STATUS).data())
    assert status == "May have been sent; checking with Telnyx"
    assert window.select_fax(row.id)
    assert "may have been sent" in window.detail.failure.text()

    # Telnyx cannot be asked: the person is told the risk, and "No" keeps the send.
    seen: list[str] = []
    _answer_boxes([("may already have been sent", QMessageBox.StandardButton.Yes),
                   ("twice", QMessageBox.StandardButton.No)], seen)
    window.run_action("delete")
    wait_for(qtbot, lambda: len(seen) == 2, timeout=30000)
    assert window.model.item_by_id(row.id) is not None  # kept

    # Telnyx answers again: asked first, it has the fax, so the fax stays and shows as sent.
    demo_sandbox.faults.clear()
    _answer_boxes([("may already have been sent", QMessageBox.StandardButton.Yes)], seen)
    window.run_action("delete")
    wait_for(qtbot, lambda: (window.model.item_by_id(row.id) or row).fax_id is not None,
             timeout=30000)
    kept = window.model.item_by_id(row.id)
    assert kept is not None and kept.pending is None
    on_server = [f for f in demo_sandbox.state.faxes.values() if f.to == TO]
    assert [f.id for f in on_server] == [kept.fax_id]  # one fax, never two
