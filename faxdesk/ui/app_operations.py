"""Named operations on fax applications (new, edit, delete), with their dialogs and words.

Each dialog deletes itself when it closes (on the GUI thread), and nothing here keeps a Python
reference to it or to the window: the window is this object's Qt parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot

from faxdesk.api.models import FaxApplication
from faxdesk.core.engine import FaxEngine
from faxdesk.ui.operations import HostedOperations
from faxdesk.ui.sandbox_banner import mark_as_sandbox
from faxdesk.ui.texts import error_text
from faxdesk.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from faxdesk.ui.app_dialog import ApplicationDialog


class ApplicationOperations(HostedOperations):
    def _open(self, dialog: ApplicationDialog) -> ApplicationDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._host.sandbox:
            mark_as_sandbox(dialog)
        fit_to_screen(dialog)
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog

    def new(self) -> ApplicationDialog:
        from faxdesk.ui.app_dialog import ApplicationDialog  # dialogs load when first opened

        return self._open(ApplicationDialog(self._host.worker,
                                            self._host.engine.create_application,
                                            None, self._parent_widget()))

    def edit(self, app: FaxApplication) -> ApplicationDialog:
        from faxdesk.ui.app_dialog import ApplicationDialog

        return self._open(ApplicationDialog(self._host.worker,
                                            _Update(self._host.engine, app.id), app,
                                            self._parent_widget()))

    @Slot()
    def _saved(self) -> None:
        from faxdesk.ui.app_dialog import ApplicationDialog

        dialog = self.sender()
        app = dialog.result_application if isinstance(dialog, ApplicationDialog) else None
        if app is not None:
            self._host.show_info(self.tr("Saved application {name}.").format(
                name=app.application_name or app.id))

    def delete(self, app: FaxApplication) -> None:
        name = app.application_name or app.id
        if not self._host.confirm(self.tr("Delete application"), self.tr(
                "Delete the fax application “{name}” from your Telnyx account? Numbers "
                "assigned to it stop receiving faxes.").format(name=name),
                self.tr("&Delete application")):
            return
        self._host.worker.submit(self._host.engine.delete_application, app.id,
                                 on_done=_Deleted(self, name), on_error=self._failed)

    def deleted(self, name: str) -> None:
        self._host.show_info(self.tr("Deleted {name}.").format(name=name))

    def _failed(self, exc: BaseException) -> None:
        self._host.show_error(error_text(exc))


class _Update:
    """Saves an edited application (runs on the worker; carries no widget)."""

    def __init__(self, engine: FaxEngine, app_id: str) -> None:
        self.engine, self.app_id = engine, app_id

    def __call__(self, fields: Mapping[str, object]) -> FaxApplication:
        return self.engine.update_application(self.app_id, fields)


class _Deleted:
    def __init__(self, operations: ApplicationOperations, name: str) -> None:
        self.operations, self.name = operations, name

    def __call__(self, _result: object) -> None:
        self.operations.deleted(self.name)
