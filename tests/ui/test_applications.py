"""Create, edit and delete a fax application through the dialogs, against the sandbox."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from faxdesk.ui.app_dialog import ApplicationDialog
from faxdesk.ui.main_window import MainWindow
from tests.ui.conftest import answer_next_message_box, closed, wait_for


def _open_dialog(window: MainWindow) -> ApplicationDialog:
    dialogs = [d for d in window.findChildren(ApplicationDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _save(qtbot: Any, dialog: ApplicationDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _list_names(window: MainWindow) -> list[str]:
    return [a.application_name or "" for a in window.apps_pane.applications]


def _select_app(window: MainWindow, name: str) -> None:
    app = next(a for a in window.apps_pane.applications if a.application_name == name)
    window.apps_pane.select_id(app.id)


def test_create_shows_validation_error_at_the_field_then_saves(
    qtbot: Any, window: MainWindow, sandbox_api: Any
) -> None:
    qtbot.mouseClick(window.apps_pane.new_button, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(window)
    qtbot.keyClicks(dialog.name, "Reception")
    qtbot.keyClicks(dialog.webhook_url, "not a url")
    _save(qtbot, dialog)

    wait_for(qtbot, lambda: dialog.error_text("webhook_event_url"))
    assert "URL" in dialog.error_text("webhook_event_url")
    assert dialog.isVisible()  # still open so the user can fix it
    assert dialog.error_text("application_name") == ""
    assert "Reception" not in _list_names(window)

    dialog.webhook_url.setText("https://example.com/fax-hooks")
    dialog.inbound_limit.setValue(4)
    dialog.sip_subdomain.setText("reception")
    dialog.tags.setText("front, desk")
    _save(qtbot, dialog)
    wait_for(qtbot, lambda: closed(dialog))
    wait_for(qtbot, lambda: "Reception" in _list_names(window))

    created = next(a for a in sandbox_api.iter_fax_applications()
                   if a.application_name == "Reception")
    assert created.webhook_event_url == "https://example.com/fax-hooks"
    assert created.inbound.channel_limit == 4
    assert created.inbound.sip_subdomain == "reception"
    assert created.tags == ("front", "desk")


def test_edit_every_field_round_trips(qtbot: Any, window: MainWindow, sandbox_api: Any) -> None:
    name = window.apps_pane.applications[0].application_name or ""
    _select_app(window, name)
    qtbot.mouseClick(window.apps_pane.edit_button, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(window)
    assert dialog.name.text() == name  # the dialog shows the current values

    dialog.name.setText("Renamed office")
    dialog.active.setChecked(False)
    dialog.anchorsite.setCurrentIndex(dialog.anchorsite.findData("Amsterdam, Netherlands"))
    dialog.webhook_url.setText("https://example.com/new")
    dialog.failover_url.setText("https://example.com/failover")
    dialog.webhook_timeout.setValue(12)
    dialog.inbound_limit.setValue(3)
    dialog.sip_subdomain.setText("renamed")
    dialog.sip_receive.setCurrentIndex(dialog.sip_receive.findData("only_my_connections"))
    dialog.outbound_limit.setValue(7)
    dialog.voice_profile.setText("1293384261075731461")
    dialog.tags.setText("a, b")
    _save(qtbot, dialog)
    wait_for(qtbot, lambda: closed(dialog))
    wait_for(qtbot, lambda: "Renamed office" in _list_names(window))

    app = next(a for a in sandbox_api.iter_fax_applications()
               if a.application_name == "Renamed office")
    assert app.active is False
    assert app.anchorsite_override == "Amsterdam, Netherlands"
    assert app.webhook_event_url == "https://example.com/new"
    assert app.webhook_event_failover_url == "https://example.com/failover"
    assert app.webhook_timeout_secs == 12
    assert app.inbound.channel_limit == 3
    assert app.inbound.sip_subdomain == "renamed"
    assert app.inbound.sip_subdomain_receive_settings == "only_my_connections"
    assert app.outbound.channel_limit == 7
    assert app.outbound.outbound_voice_profile_id == "1293384261075731461"
    assert app.tags == ("a", "b")


def test_edit_validation_error_is_shown_under_the_field(
    qtbot: Any, window: MainWindow
) -> None:
    _select_app(window, window.apps_pane.applications[0].application_name or "")
    qtbot.mouseClick(window.apps_pane.edit_button, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(window)
    dialog.failover_url.setText("ftp://nope")
    _save(qtbot, dialog)
    wait_for(qtbot, lambda: dialog.error_text("webhook_event_failover_url"))
    assert dialog.isVisible()
    dialog.reject()


def test_delete_asks_first_and_no_keeps_it(
    qtbot: Any, window: MainWindow, sandbox_api: Any
) -> None:
    name = "Temporary line"
    sandbox_api.create_fax_application(
        {"application_name": name, "webhook_event_url": "https://example.com/t"})
    window.reload_applications()
    wait_for(qtbot, lambda: name in _list_names(window))
    _select_app(window, name)

    answer_next_message_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(window.apps_pane.delete_button, Qt.MouseButton.LeftButton)
    window.worker.wait_idle()
    qtbot.wait(50)
    assert name in [a.application_name for a in sandbox_api.iter_fax_applications()]

    answer_next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.apps_pane.delete_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: name not in _list_names(window))
    assert name not in [a.application_name for a in sandbox_api.iter_fax_applications()]


def test_refused_delete_is_explained_in_words(
    qtbot: Any, window: MainWindow, sandbox_api: Any
) -> None:
    # Demo applications have numbers assigned; Telnyx refuses to delete those.
    name = window.apps_pane.applications[0].application_name or ""
    _select_app(window, name)
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.apps_pane.delete_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: window.error_label.text())
    assert "phone numbers" in window.error_label.text()
    assert name in _list_names(window)
