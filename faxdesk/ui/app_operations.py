"""Named operations on fax applications (new, edit, delete), with their dialogs and words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from faxdesk.api.models import FaxApplication
from faxdesk.ui.app_dialog import ApplicationDialog
from faxdesk.ui.operations import OperationsHost


class ApplicationOperations(QObject):
    def __init__(self, host: OperationsHost) -> None:
        super().__init__(host if isinstance(host, QObject) else None)
        self._host = host

    def _parent(self) -> QWidget | None:
        return self._host if isinstance(self._host, QWidget) else None

    def new(self) -> ApplicationDialog:
        dialog = ApplicationDialog(self._host.worker, self._host.engine.create_application,
                                   None, self._parent())
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def edit(self, app: FaxApplication) -> ApplicationDialog:
        engine = self._host.engine

        def save(fields: Mapping[str, object]) -> FaxApplication:
            return engine.update_application(app.id, fields)

        dialog = ApplicationDialog(self._host.worker, save, app, self._parent())
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: ApplicationDialog) -> None:
        app = dialog.result_application
        if app is not None:
            self._host.show_info(self.tr("Saved application {name}.").format(
                name=app.application_name or app.id))

    def delete(self, app: FaxApplication) -> None:
        name = app.application_name or app.id
        if not self._host.confirm(self.tr("Delete application"), self.tr(
                "Delete the fax application “{name}” from your Telnyx account? Numbers "
                "assigned to it stop receiving faxes.").format(name=name)):
            return
        self._host.worker.submit(
            self._host.engine.delete_application, app.id,
            on_done=lambda _r: self._host.show_info(self.tr("Deleted {name}.").format(name=name)),
            on_error=lambda exc: self._host.show_error(str(exc)))
