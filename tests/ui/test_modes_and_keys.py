"""A sandbox window is marked as the sandbox wherever a person could mistake it for the account;
the window can be used from the keyboard, and everything a screen reader reaches has a name."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from faxdesk.ui.app import FaxDeskApp, create_app
from faxdesk.ui.main_window import MainWindow
from faxdesk.ui.sandbox_banner import BANNER_NAME
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.tray import Notice
from tests.support.pdfs import make_pdf
from tests.ui.conftest import wait_for


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def show(self, notice: Notice) -> bool:
        self.shown.append(notice)
        return True

    def close(self) -> None:
        pass


@pytest.fixture
def sandbox_app(qtbot: QtBot, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[FaxDeskApp]:
    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    session = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    try:
        session.window.show()
        session.window.start()
        wait_for(qtbot, lambda: session.window.apps_pane.applications, 20000)
        yield session
    finally:
        session.close()


def _banner(widget: QWidget) -> QLabel | None:
    return widget.findChild(QLabel, BANNER_NAME)


def test_a_sandbox_window_says_so_everywhere(
    qtbot: QtBot, sandbox_app: FaxDeskApp, tmp_path: Path,
) -> None:
    window = sandbox_app.window
    assert window.sandbox and window.windowTitle().startswith("FaxDesk — Sandbox")
    banner = _banner(window)
    assert banner is not None and banner.isVisible() and "never reach anyone" in banner.text()

    # The send dialog: its title and a banner on top.
    window.open_send_dialog([str(make_pdf(tmp_path / "referral.pdf", 1))])
    dialog = window.send_dialog
    assert isinstance(dialog, SendDialog)
    assert dialog.windowTitle().endswith(" — Sandbox")
    dialog_banner = _banner(dialog)
    assert dialog_banner is not None and dialog_banner.isVisible()
    assert dialog.layout().itemAt(0).widget() is dialog_banner  # the first thing in it
    dialog.reject()

    # Settings and the application dialog too.
    settings = window.open_settings()
    assert settings is not None and settings.windowTitle().endswith(" — Sandbox")
    settings.reject()
    app_dialog = window.new_application()
    assert app_dialog.windowTitle().endswith(" — Sandbox") and _banner(app_dialog) is not None
    app_dialog.reject()

    # Notifications: their title, and the app name the desktop shows.
    tray = sandbox_app.features.tray
    assert tray.sandbox and "Sandbox" in tray.icon.toolTip()
    notifier = RecordingNotifier()
    tray.notifier = notifier
    tray.notify_delivered("send:1", "+1 415-555-0123", 2)
    tray.notify_received("fax-2", "+1 617-555-0134", 1)
    assert [n.title for n in notifier.shown] == ["Sandbox: Fax delivered",
                                                 "Sandbox: Fax received"]


def test_an_account_window_has_no_sandbox_marks(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.sandbox and "Sandbox" not in window.windowTitle()
    assert _banner(window) is None


def test_closing_the_app_frees_the_window_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    session = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    window = session.window
    children = [window.detail, window.fax_list, window.apps_pane]
    session.close()
    # Deleted by close(), here, not whenever the collector meets a cycle on some thread.
    assert not shiboken6.isValid(window)
    assert not any(shiboken6.isValid(child) for child in children)
    gc.collect()


# --- the keyboard and screen readers ------------------------------------------------------------

_INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QAbstractSpinBox,
                QPlainTextEdit, QTextEdit)


def _named(widget: QWidget) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    # A form label that names it (Qt gives the label's text to screen readers).
    window = widget.window()
    return any(label.buddy() is widget and label.text().strip()
               for label in window.findChildren(QLabel))


def unnamed_widgets(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    """Every widget a person can reach (focus or click) without a name for screen readers."""
    missing = []
    for widget in root.findChildren(QWidget):
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        if not isinstance(widget, _INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parentWidget(), _INTERACTIVE):
            continue  # a part of a named control (a spin box's text field, say)
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
                widget, QAbstractButton):
            continue
        if not _named(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_window_has_a_name(qtbot: QtBot, window: MainWindow) -> None:
    failed = next(r for r in window.model.items() if r.status == "failed")
    assert window.select_fax(failed.id)
    window.detail.technical_toggle.setChecked(True)
    # The fax list pane's own controls are checked by its tests (it names them itself).
    assert unnamed_widgets(window, skip=(window.fax_list,)) == []
    for toolbar_action in window.toolbar.actions():
        assert toolbar_action.isSeparator() or toolbar_action.text()


def test_every_control_of_the_windows_dialogs_has_a_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path,
) -> None:
    from faxdesk.core.contacts import ContactBook
    from faxdesk.ui.contacts_dialog import ContactEditDialog, ContactsDialog

    book = ContactBook(tmp_path / "contacts.db")
    dialogs: list[QWidget] = [
        window.new_application(),
        ContactsDialog(book, window.worker, parent=window),
        ContactEditDialog(None, window),
    ]
    try:
        for dialog in dialogs:
            dialog.show()
            assert unnamed_widgets(dialog) == [], dialog.windowTitle()
    finally:
        for dialog in dialogs:
            dialog.close()
        book.close()


def test_tab_goes_through_the_window_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    failed = next(r for r in window.model.items() if r.status == "failed")
    assert window.select_fax(failed.id)
    fl = window.fax_list
    # Wide enough for every part of the filter bar (a narrow one drops its export button).
    window.resize(1280, 800)
    qtbot.waitUntil(fl.export_button.isVisible)
    expected = [window.apps_pane.list, fl.direction_filter, fl.status_filter, fl.search,
                fl.export_button, window.table]
    chain = []
    widget: QWidget = window.apps_pane.list
    for _ in range(len(expected)):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert chain == expected
    # After the table: the selected fax's actions, the document first.
    after_table = window.table.nextInFocusChain()
    while not isinstance(after_table, QAbstractButton) or not after_table.isVisible():
        after_table = after_table.nextInFocusChain()
    assert after_table is window.detail.buttons["open"]


def test_a_fax_is_started_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl+N opens the send dialog with the keyboard in it (its own order is the dialog's)."""
    from faxdesk.ui.send_setup import install_send_features

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    install_send_features(window)
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: window.send_dialog is not None)
    dialog = window.send_dialog
    assert dialog is not None
    wait_for(qtbot, lambda: dialog.isActiveWindow() or dialog.isAncestorOf(
        QApplication.focusWidget() or dialog))
    dialog.reject()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

