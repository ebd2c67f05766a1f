"""Named operations on faxes (cancel, delete, discard, resend, retry now, refresh, mark read,
open, save, print, report), each run on the worker with its confirmation and its words, for the
menu, the toolbar, the row menu, the detail pane and the tray alike. Delete and mark read also
work on several faxes at once.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from faxdesk.api.errors import TelnyxError
from faxdesk.core.contacts import ContactBook
from faxdesk.core.documents.paper import paper_for_country
from faxdesk.core.engine import DiscardRiskError, EngineError, FaxEngine
from faxdesk.core.rows import FaxRow
from faxdesk.ui.models import party_text
from faxdesk.ui.places import documents_folder
from faxdesk.ui.report_words import report_words
from faxdesk.ui.texts import error_text
from faxdesk.ui.worker import Worker


class OperationsHost(Protocol):
    """The main window, as far as the operations need it."""

    engine: FaxEngine
    worker: Worker
    sandbox: bool

    def confirm(self, title: str, text: str, action: str = "") -> bool: ...
    def show_info(self, text: str) -> None: ...
    def show_error(self, text: str, *, from_sync: bool = False) -> None: ...
    def row_changed_here(self, row_id: str, row: FaxRow | None) -> None: ...
    def settings_country(self) -> str: ...

    @property
    def contacts(self) -> ContactBook | None: ...


class HostedOperations(QObject):
    """Named operations of a window (its host). Owned by the window when it is a QObject, so
    Qt frees them with it, on the GUI thread; the window is reached through that parent, not a
    Python reference: no cycle for Python's collector to break on some other thread."""

    def __init__(self, host: OperationsHost) -> None:
        if isinstance(host, QObject):
            super().__init__(host)
            self._plain_host: OperationsHost | None = None
        else:
            super().__init__(None)
            self._plain_host = host

    @property
    def _host(self) -> OperationsHost:
        return self._plain_host or cast(OperationsHost, self.parent())

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None


class FaxOperations(HostedOperations):
    def _name(self, fax: FaxRow) -> str:
        """The fax as a question names it: "the fax to Ada Lovelace (+1 312-555-0142)"."""
        party = party_text(fax) or fax.other_party or self.tr("an unknown number")
        if fax.direction == "inbound":
            return self.tr("the fax from {party}").format(party=party)
        return self.tr("the fax to {party}").format(party=party)

    # --- the operations -----------------------------------------------------------------------

    def cancel(self, fax: FaxRow) -> None:
        engine = self._host.engine
        done = (self.tr("No more automatic retries.") if fax.pending == "scheduled"
                else self.tr("Cancel requested."))
        self._run(partial(engine.cancel, fax.id), done, fax.id)

    def retry_now(self, fax: FaxRow) -> None:
        """A waiting send (an automatic retry, or one waiting for the network) goes now."""
        engine = self._host.engine
        self._run(partial(engine.retry_now, fax.id), self.tr("Trying again now."), fax.id)

    def delete(self, fax: FaxRow) -> None:
        if fax.can_discard:
            self.discard(fax)
            return
        if self._host.confirm(self.tr("Delete fax"), self.tr(
                "Delete {fax} from Telnyx and from this computer? This cannot be "
                "undone.").format(fax=self._name(fax)), self.tr("&Delete")):
            engine = self._host.engine
            self._run(partial(engine.delete, fax.id), self.tr("Fax deleted."), None)

    def delete_many(self, faxes: Sequence[FaxRow]) -> None:
        """Delete (or, for sends not made yet, discard) several faxes after one question."""
        if len(faxes) <= 1:
            if faxes:
                self.delete(faxes[0])
            return
        if not self._host.confirm(self.tr("Delete faxes"), self.tr(
                "Delete these %n faxes from Telnyx and from this computer? Sends not made "
                "yet are dropped. This cannot be undone.", "", len(faxes)),
                self.tr("&Delete %n faxes", "", len(faxes))):
            return
        self._host.worker.submit(_delete_all, self._host.engine, [fax.id for fax in faxes],
                                 on_done=self._deleted_many, on_error=self._error)

    def _deleted_many(self, result: tuple[int, list[str]]) -> None:
        count, problems = result
        if count:
            self._host.show_info(self.tr("%n fax(es) deleted.", "", count))
        if problems:
            self._host.show_error(self.tr("%n fax(es) could not be deleted: {reason}", "",
                                          len(problems)).format(reason=problems[0]))

    def discard(self, fax: FaxRow) -> None:
        """Drop a send Telnyx has not accepted. One that may have gone out is looked up first;
        when Telnyx cannot be asked, the person decides knowing the risk."""
        host = self._host
        party = party_text(fax) or fax.other_party
        if fax.pending == "checking":
            question = self.tr("This fax to {party} may already have been sent. FaxDesk asks "
                               "Telnyx first and keeps it if it went out. Discard it if it "
                               "did not?").format(party=party)
        else:
            question = self.tr("Discard this send? Nothing has been sent to {party}.").format(
                party=party)
        if not host.confirm(self.tr("Discard send"), question, self.tr("&Discard")):
            return
        host.worker.submit(host.engine.discard, fax.id,
                           on_done=_Discarded(self, fax.id),
                           on_error=_DiscardFailed(self, fax.id, party))

    def discard_anyway(self, row_id: str, party: str) -> None:
        """Telnyx could not be asked whether the send went out: the person decides."""
        host = self._host
        if host.confirm(self.tr("Discard without checking?"), self.tr(
                "Telnyx cannot be reached to check whether this fax went out. If you "
                "discard it and it was sent, {party} gets it anyway; if you then send it "
                "again, they get it twice. Discard it anyway?").format(party=party),
                self.tr("&Discard anyway")):
            host.worker.submit(host.engine.discard, row_id, accept_risk=True,
                               on_done=_Discarded(self, row_id), on_error=self._error)

    def discarded(self, row_id: str, discarded: bool) -> None:
        if discarded:
            self._host.show_info(self.tr("Send discarded."))
        else:
            self._host.show_info(self.tr("Telnyx has this fax: it was sent, so it stays."))
        self._reload(row_id)

    def refresh(self, fax: FaxRow) -> None:
        engine = self._host.engine
        self._run(partial(engine.refresh, fax.id),
                  self.tr("Fetched the fax again from Telnyx."), fax.id)

    def resend(self, fax: FaxRow) -> None:
        self._host.worker.submit(self._host.engine.resend, fax.id, on_done=self._resent,
                                 on_error=self._error)

    def _resent(self, _journal_id: int) -> None:
        self._host.show_info(self.tr("Sent again."))

    def toggle_read(self, fax: FaxRow) -> None:
        self.mark_read(fax, not fax.read)

    def mark_read(self, fax: FaxRow, read: bool = True) -> None:
        engine = self._host.engine
        self._run(partial(engine.mark_read, fax.id, read), "", fax.id)

    def mark_many_read(self, faxes: Sequence[FaxRow], read: bool = True) -> None:
        """Mark every received fax of `faxes` read (or unread)."""
        ids = [fax.id for fax in faxes if fax.direction == "inbound" and fax.read != read]
        if ids:
            self._host.worker.submit(_mark_all, self._host.engine, ids, read,
                                     on_error=self._error)

    def open_document(self, fax: FaxRow) -> None:
        """Open the PDF in the desktop's viewer (a received fax opened counts as read)."""
        if fax.unread:
            self.mark_read(fax, True)
        self._host.worker.submit(self._host.engine.document, fax.id, on_done=self._open,
                                 on_error=self._error)

    def save_pdf(self, fax: FaxRow, target: str | None = None) -> None:
        host = self._host
        if target is None:
            suggested = f"fax-{fax.other_party.lstrip('+') or fax.id}.pdf"
            target, _ = QFileDialog.getSaveFileName(
                self._parent_widget(), self.tr("Save fax as PDF"),
                str(documents_folder() / suggested), self.tr("PDF documents (*.pdf)"))
        if not target:
            return
        missing = self.tr("No document is available for this fax.")
        host.worker.submit(_copy_document, host.engine, fax.id, Path(target), missing,
                           on_done=self._saved, on_error=self._error)

    def _saved(self, path: Path) -> None:
        self._host.show_info(self.tr("Saved {path}").format(path=path))

    def print_fax(self, fax: FaxRow) -> None:
        """Qt's print dialog for the fax's pages (the document is found on the worker)."""
        title = self.tr("Fax {party}").format(party=fax.contact_name or fax.other_party)
        self._host.worker.submit(self._host.engine.document, fax.id,
                                 on_done=partial(self._print_found, title),
                                 on_error=self._error)

    def _print_found(self, title: str, path: Path | None) -> None:
        host = self._host
        if path is None:
            host.show_error(self.tr("No document is available for this fax."))
            return
        from faxdesk.ui.printing import print_pdf  # Qt's printing loads when first used

        print_pdf(self._parent_widget(), host.worker, path, title, on_done=self._printed,
                  on_error=host.show_error)

    def _printed(self, pages: int) -> None:
        self._host.show_info(self.tr("Printed %n page(s).", "", pages))

    def save_report(self, fax: FaxRow, target: str | None = None) -> None:
        """The transmission report (proof of delivery) saved as a one-page PDF."""
        host = self._host
        if target is None:
            day = (fax.updated_at or fax.created_at)
            stamp = day.astimezone().strftime("%Y-%m-%d") if day else "fax"
            suggested = f"{stamp} {fax.other_party.lstrip('+')} report.pdf"
            target, _ = QFileDialog.getSaveFileName(
                self._parent_widget(), self.tr("Save the transmission report"),
                str(documents_folder() / suggested), self.tr("PDF documents (*.pdf)"))
        if not target:
            return
        words = report_words()  # translated here, on the GUI thread
        country = host.settings_country()
        host.worker.submit(
            host.engine.write_report, fax.id, Path(target), words,
            paper=paper_for_country(country), contacts=host.contacts,
            on_done=self._saved, on_error=self._error)

    # --- helpers ------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], object], done_text: str, reload_id: str | None) -> None:
        self._host.worker.submit(fn, on_done=partial(self._ran, done_text, reload_id),
                                 on_error=self._error)

    def _ran(self, done_text: str, reload_id: str | None, _result: object) -> None:
        if done_text:
            self._host.show_info(done_text)
        if reload_id is not None:
            self._reload(reload_id)

    def _reload(self, row_id: str) -> None:
        self._host.worker.submit(self._host.engine.row, row_id,
                                 on_done=partial(self._host.row_changed_here, row_id),
                                 on_error=self._error)

    def _open(self, path: Path | None) -> None:
        if path is None:
            self._host.show_error(self.tr("No document is available for this fax."))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._host.show_error(self.tr(
                "No program to open PDF files was found. Install a PDF viewer, or use "
                "Save PDF… to keep the file and open it elsewhere."))

    def _error(self, exc: BaseException) -> None:
        self._host.show_error(error_text(exc))


class _Discarded:
    """A discard's answer, back on the GUI thread (no closure over the window)."""

    def __init__(self, operations: FaxOperations, row_id: str) -> None:
        self.operations, self.row_id = operations, row_id

    def __call__(self, discarded: bool) -> None:
        self.operations.discarded(self.row_id, discarded)


class _DiscardFailed:
    def __init__(self, operations: FaxOperations, row_id: str, party: str) -> None:
        self.operations, self.row_id, self.party = operations, row_id, party

    def __call__(self, exc: BaseException) -> None:
        if isinstance(exc, DiscardRiskError):
            self.operations.discard_anyway(self.row_id, self.party)
        else:
            self.operations._error(exc)


def _copy_document(engine: FaxEngine, row_id: str, dest: Path, missing: str) -> Path:
    """On the worker: copy the fax's PDF to `dest`."""
    path = engine.document(row_id)
    if path is None:
        raise EngineError(missing)
    shutil.copyfile(path, dest)
    return dest


def _delete_all(engine: FaxEngine, row_ids: Sequence[str]) -> tuple[int, list[str]]:
    """On the worker: delete each fax (a send not made yet is discarded); how many went, and
    the problems met, in words."""
    deleted, problems = 0, []
    for row_id in row_ids:
        try:
            engine.delete(row_id)
        except (EngineError, TelnyxError) as exc:
            problems.append(error_text(exc))
        else:
            deleted += 1
    return deleted, problems


def _mark_all(engine: FaxEngine, row_ids: Sequence[str], read: bool) -> None:
    for row_id in row_ids:
        engine.mark_read(row_id, read)
