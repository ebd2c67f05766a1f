"""Named operations on one fax (cancel, delete, discard, resend, refresh, mark read, open,
save), each run on the worker with its confirmation and its words, for the menu, the toolbar,
the detail pane and the tray alike.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from faxdesk.core.contacts import ContactBook
from faxdesk.core.documents.paper import paper_for_country
from faxdesk.core.engine import DiscardRiskError, EngineError, FaxEngine
from faxdesk.core.rows import FaxRow
from faxdesk.ui.places import documents_folder
from faxdesk.ui.printing import print_pdf
from faxdesk.ui.report_words import report_words
from faxdesk.ui.worker import Worker


class OperationsHost(Protocol):
    """The main window, as far as the operations need it."""

    engine: FaxEngine
    worker: Worker

    def confirm(self, title: str, text: str) -> bool: ...
    def show_info(self, text: str) -> None: ...
    def show_error(self, text: str, *, from_sync: bool = False) -> None: ...
    def row_changed_here(self, row_id: str, row: FaxRow | None) -> None: ...
    def settings_country(self) -> str: ...

    @property
    def contacts(self) -> ContactBook | None: ...


class FaxOperations(QObject):
    def __init__(self, host: OperationsHost) -> None:
        # Owned by the window (a QObject), so Qt frees it with the window, on the GUI thread.
        super().__init__(host if isinstance(host, QObject) else None)
        self._host = host

    # --- the operations -----------------------------------------------------------------------

    def cancel(self, fax: FaxRow) -> None:
        engine = self._host.engine
        self._run(lambda: engine.cancel(fax.id), self.tr("Cancel requested."), fax.id)

    def delete(self, fax: FaxRow) -> None:
        if fax.pending is not None:
            self.discard(fax)
            return
        if self._host.confirm(self.tr("Delete fax"), self.tr(
                "Delete this fax from Telnyx and from this computer? This cannot be undone.")):
            engine = self._host.engine
            self._run(lambda: engine.delete(fax.id), self.tr("Fax deleted."), None)

    def discard(self, fax: FaxRow) -> None:
        """Drop a send Telnyx has not accepted. One that may have gone out is looked up first;
        when Telnyx cannot be asked, the person decides knowing the risk."""
        host = self._host
        party = fax.contact_name or fax.other_party
        if fax.pending == "checking":
            question = self.tr("This fax to {party} may already have been sent. FaxDesk asks "
                               "Telnyx first and keeps it if it went out. Discard it if it "
                               "did not?").format(party=party)
        else:
            question = self.tr("Discard this send? Nothing has been sent to {party}.").format(
                party=party)
        if not host.confirm(self.tr("Discard send"), question):
            return

        def done(discarded: bool) -> None:
            if discarded:
                host.show_info(self.tr("Send discarded."))
            else:
                host.show_info(self.tr("Telnyx has this fax: it was sent, so it stays."))
            self._reload(fax.id)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DiscardRiskError):
                host.show_error(str(exc))
                return
            if host.confirm(self.tr("Discard without checking?"), self.tr(
                    "Telnyx cannot be reached to check whether this fax went out. If you "
                    "discard it and it was sent, {party} gets it anyway; if you then send it "
                    "again, they get it twice. Discard it anyway?").format(party=party)):
                host.worker.submit(host.engine.discard, fax.id, accept_risk=True,
                                   on_done=done, on_error=self._error)

        host.worker.submit(host.engine.discard, fax.id, on_done=done, on_error=failed)

    def refresh(self, fax: FaxRow) -> None:
        engine = self._host.engine
        self._run(lambda: engine.refresh(fax.id),
                  self.tr("The document link was refreshed."), fax.id)

    def resend(self, fax: FaxRow) -> None:
        self._host.worker.submit(
            self._host.engine.resend, fax.id,
            on_done=lambda _journal_id: self._host.show_info(self.tr("Sent again.")),
            on_error=self._error)

    def toggle_read(self, fax: FaxRow) -> None:
        engine = self._host.engine
        self._run(lambda: engine.mark_read(fax.id, not fax.read), "", fax.id)

    def open_document(self, fax: FaxRow) -> None:
        self._host.worker.submit(self._host.engine.document, fax.id, on_done=self._open,
                                 on_error=self._error)

    def save_pdf(self, fax: FaxRow, target: str | None = None) -> None:
        host = self._host
        if target is None:
            suggested = f"fax-{fax.other_party.lstrip('+') or fax.id}.pdf"
            parent = host if isinstance(host, QWidget) else None
            target, _ = QFileDialog.getSaveFileName(
                parent, self.tr("Save fax as PDF"), str(documents_folder() / suggested),
                self.tr("PDF documents (*.pdf)"))
        if not target:
            return
        engine = host.engine
        dest = Path(target)
        missing = self.tr("No document is available for this fax.")

        def copy() -> Path:
            path = engine.document(fax.id)
            if path is None:
                raise EngineError(missing)
            shutil.copyfile(path, dest)
            return dest

        host.worker.submit(
            copy, on_done=lambda p: host.show_info(self.tr("Saved {path}").format(path=p)),
            on_error=self._error)

    def print_fax(self, fax: FaxRow) -> None:
        """Qt's print dialog for the fax's pages (the document is found on the worker)."""
        host = self._host
        parent = host if isinstance(host, QWidget) else None
        title = self.tr("Fax {party}").format(party=fax.contact_name or fax.other_party)

        def found(path: Path | None) -> None:
            if path is None:
                host.show_error(self.tr("No document is available for this fax."))
                return
            print_pdf(parent, host.worker, path, title,
                      on_done=lambda pages: host.show_info(
                          self.tr("Printed %n page(s).", "", pages)),
                      on_error=host.show_error)

        host.worker.submit(host.engine.document, fax.id, on_done=found, on_error=self._error)

    def save_report(self, fax: FaxRow, target: str | None = None) -> None:
        """The transmission report (proof of delivery) saved as a one-page PDF."""
        host = self._host
        if target is None:
            parent = host if isinstance(host, QWidget) else None
            day = (fax.updated_at or fax.created_at)
            stamp = day.astimezone().strftime("%Y-%m-%d") if day else "fax"
            suggested = f"{stamp} {fax.other_party.lstrip('+')} report.pdf"
            target, _ = QFileDialog.getSaveFileName(
                parent, self.tr("Save the transmission report"),
                str(documents_folder() / suggested), self.tr("PDF documents (*.pdf)"))
        if not target:
            return
        words = report_words()  # translated here, on the GUI thread
        country = host.settings_country()
        host.worker.submit(
            host.engine.write_report, fax.id, Path(target), words,
            paper=paper_for_country(country), contacts=host.contacts,
            on_done=lambda p: host.show_info(self.tr("Saved {path}").format(path=p)),
            on_error=self._error)

    # --- helpers ------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], object], done_text: str, reload_id: str | None) -> None:
        def done(_result: object) -> None:
            if done_text:
                self._host.show_info(done_text)
            if reload_id is not None:
                self._reload(reload_id)

        self._host.worker.submit(fn, on_done=done, on_error=self._error)

    def _reload(self, row_id: str) -> None:
        self._host.worker.submit(
            self._host.engine.row, row_id,
            on_done=lambda row: self._host.row_changed_here(row_id, row), on_error=self._error)

    def _open(self, path: Path | None) -> None:
        if path is None:
            self._host.show_error(self.tr("No document is available for this fax."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _error(self, exc: BaseException) -> None:
        self._host.show_error(str(exc))
