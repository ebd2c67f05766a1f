"""The sending features of the main window, installed by one call at start-up.

``install_send_features(window, guard=guard)`` (called by ``faxdesk.ui.app.FaxDeskApp`` as it
assembles the app) gives the window:
- the send dialog (``window.send_dialog_factory``), opened by "New fax", the tray and drops;
- drag and drop of PDFs and images onto the window;
- the tray icon with its menu and notifications (``window.tray``; closing hides to it only
  where a tray exists);
- "Contacts…" in the File menu;
- files handed over by a second launch (the single-instance guard) open the send dialog, or go
  into the one already open.

Its signal handlers are slots of a small object the window owns (no closures over the window),
and the contacts window deletes itself when it closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence

from faxdesk.ui.dropzone import DropZone, refused_message
from faxdesk.ui.send_dialog import contact_book, make_send_dialog
from faxdesk.ui.single_instance import SingleInstance
from faxdesk.ui.tray import NotificationSwitches, TrayController
from faxdesk.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from faxdesk.ui.contacts_dialog import ContactsDialog
    from faxdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class SendFeatures:
    tray: TrayController
    dropzone: DropZone
    contacts_action: QAction
    guard: SingleInstance | None


def install_send_features(
    window: MainWindow,
    *,
    guard: SingleInstance | None = None,
    settings: Callable[[], NotificationSwitches] | None = None,
) -> SendFeatures:
    """Wire the send dialog, drops, tray, contacts and the single-instance hand-off."""
    window.send_dialog_factory = make_send_dialog
    host = window.settings_host
    if settings is None and host is not None:
        settings = host.current_settings
    tray = TrayController.attach(window, settings)
    hooks = _Hooks(window)

    dropzone = DropZone(window)
    dropzone.filesDropped.connect(window.open_send_dialog)
    dropzone.filesRefused.connect(hooks.refused)

    contacts_action = QAction(QCoreApplication.translate("SendSetup", "&Contacts…"), window)
    contacts_action.setObjectName("contacts")
    contacts_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    contacts_action.triggered.connect(hooks.open_contacts)
    # "Contacts…" goes right after "New fax…" in the File menu.
    actions = window.file_menu.actions()
    after = actions.index(window.act_new_fax) + 1
    window.file_menu.insertAction(actions[after], contacts_action)

    if guard is not None:
        guard.activationRequested.connect(window.show_normal_and_raise)
        guard.filesReceived.connect(window.open_send_dialog)
    return SendFeatures(tray, dropzone, contacts_action, guard)


class _Hooks(QObject):
    """The window's send features' slots (the window is its parent)."""

    def _window(self) -> MainWindow:
        from faxdesk.ui.main_window import MainWindow

        window = self.parent()
        assert isinstance(window, MainWindow)
        return window

    @Slot(list)
    def refused(self, refused: list[str]) -> None:
        self._window().show_error(refused_message(refused))

    @Slot()
    def open_contacts(self) -> None:
        open_contacts(self._window())


def open_contacts(window: MainWindow) -> ContactsDialog | None:
    from faxdesk.ui.contacts_dialog import ContactsDialog

    book = contact_book(window)
    if book is None:
        window.show_error(QCoreApplication.translate(
            "SendSetup", "The address book cannot be opened; see the log."))
        return None
    dialog = ContactsDialog(book, window.worker, choosable=False, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(dialog)
    # The dialog re-reads the book after every edit: the fax table's names follow.
    dialog.model.rowsInserted.connect(window.contacts_changed)
    dialog.model.rowsRemoved.connect(window.contacts_changed)
    dialog.open()
    return dialog
