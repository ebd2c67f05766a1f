"""Print to fax in the window: jobs printed to the FaxDesk printer become documents to send.

`PrintIntake` watches this user's print spool (faxdesk.core.print_jobs) and claims each new job
on the worker; `jobReady(PrintJob)` then carries a claimed job whose `document` is ready for the
send dialog (named after the job's title), and `jobRefused(PrintJob, str)` one that is not a
document, with the reason in words. Jobs printed while FaxDesk was not running, or left open when
it stopped, arrive right after `start()`. The window calls `finish(job)` once the fax is queued
or the person chose not to send it; until then the job is kept and offered again at the next
start, so nothing printed is lost.

Watching: a QFileSystemWatcher on the spool folder for an immediate reaction, and a slow timer
because the backend creates that folder only at the first print (and a watcher can miss events
on some file systems).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from faxdesk.core.print_jobs import KINDS, PrintJob, PrintSpool
from faxdesk.ui.texts import error_text
from faxdesk.ui.worker import TaskRunner

if TYPE_CHECKING:
    from faxdesk.ui.main_window import MainWindow
    from faxdesk.ui.send_dialog import SendDialog

log = logging.getLogger(__name__)

POLL_MS = 3000


class PrintIntake(QObject):
    jobReady = Signal(object)  # PrintJob (claimed, usable)
    jobRefused = Signal(object, str)  # PrintJob, the reason in words
    failed = Signal(str)  # a job could not be taken in (disk full...), in words

    def __init__(self, spool: PrintSpool, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spool = spool
        self._runner = runner
        self._seen: set[str] = set()  # keys emitted in this session (each job shown once)
        self._busy = False
        self._again = False
        self.stopped = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.check_now)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        """Offer what is waiting now, then watch for new jobs."""
        self._timer.start()
        self.check_now()

    def stop(self) -> None:
        """Stop watching (at quit: jobs of open dialogs are kept for the next start)."""
        self.stopped = True
        self._timer.stop()
        for path in self._watcher.directories():
            self._watcher.removePath(path)

    def _poll(self) -> None:
        self._watch()
        if self.spool.has_spooled():
            self.check_now()

    def _watch(self) -> None:
        folder = str(self.spool.spool_dir)
        if folder not in self._watcher.directories() and Path(folder).is_dir():
            self._watcher.addPath(folder)

    def check_now(self, *_args: object) -> None:
        """Claim whatever waits (on the worker); results arrive as signals."""
        self._watch()
        if self._busy:
            self._again = True  # one more pass when this one ends
            return
        self._busy = True
        seen = frozenset(self._seen)
        if not self._runner.submit(_claim_waiting, self.spool, seen, on_done=self._claimed,
                                   on_error=self._claim_failed):
            self._busy = False

    def _claimed(self, result: tuple[list[PrintJob], list[str]]) -> None:
        jobs, problems = result
        if self.stopped:
            return
        for job in jobs:
            if job.key in self._seen:
                continue
            self._seen.add(job.key)
            if job.usable:
                self.jobReady.emit(job)
            else:
                self.jobRefused.emit(job, self.problem_text(job))
        for problem in problems:
            self.failed.emit(problem)
        self._finished_pass()

    def _claim_failed(self, exc: BaseException) -> None:
        log.warning("print jobs could not be read: %s", exc)
        self.failed.emit(error_text(exc))
        self._finished_pass()

    def _finished_pass(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.check_now()

    def finish(self, job: PrintJob) -> None:
        """The job is dealt with: forget it (on the worker)."""
        self._runner.submit(self.spool.complete, job, on_error=self._claim_failed)

    def problem_text(self, job: PrintJob) -> str:
        """Why a print job cannot be faxed, in the window's language."""
        kinds = {
            "text": self.tr("plain text"),
            "pcl": self.tr("a job already made for one printer model (PCL)"),
            "empty": self.tr("an empty job"),
            "unknown": self.tr("data FaxDesk does not recognise"),
        }
        detail = kinds.get(job.detail or "", job.detail or KINDS["unknown"])
        if job.problem == "conversion-failed":
            return self.tr(
                "“{title}” was printed to FaxDesk as PostScript, which could not be turned into "
                "a PDF ({detail}). Try printing it again, or save it as a PDF and add that "
                "file.").format(title=job.name, detail=job.detail or "")
        return self.tr(
            "“{title}” was printed to FaxDesk but is not a document FaxDesk can fax "
            "({detail}). Print it from a program that prints pages, such as a word processor "
            "or a PDF viewer.").format(title=job.name, detail=detail)


def _claim_waiting(spool: PrintSpool, seen: frozenset[str]) -> tuple[list[PrintJob], list[str]]:
    """Worker: claim every waiting job not shown yet; problems (disk full) in words."""
    claimed: list[PrintJob] = []
    problems: list[str] = []
    for job in spool.waiting():
        if job.key in seen:
            continue
        try:
            claimed.append(spool.claim(job))
        except OSError as exc:  # StorageError: the job stays in the spool for the next pass
            problems.append(error_text(exc))
    return claimed, problems


def install_print_to_fax(window: MainWindow, spool: PrintSpool) -> PrintIntake:
    """Print jobs open the window's send dialog: the one call the app makes at start-up.

    Uses what the window already offers: `worker`, `send_dialog_factory` (set by
    install_send_features), `show_normal_and_raise`, `show_error` and `show_info`. A job that
    arrives while a dialog opened for print jobs is still open joins that dialog, so printing a
    letter and then its enclosure makes one fax. The jobs of a dialog are finished when it sent
    them, or when the person closed it without sending; call `intake.stop()` before closing
    dialogs at quit, so that quitting keeps them for the next start.
    """
    intake = PrintIntake(spool, window.worker, window)
    open_dialogs: list[tuple[SendDialog, list[PrintJob]]] = []

    def ready(job: PrintJob) -> None:
        for dialog, jobs in open_dialogs:
            if dialog.isVisible():
                dialog.add_files([str(job.document)])
                jobs.append(job)
                return
        factory = window.send_dialog_factory
        if factory is None:  # kept in the spool: offered again once sending is available
            window.show_info(QCoreApplication.translate(
                "PrintIntake", "“{title}” was printed to FaxDesk; it waits until faxes can be "
                "sent.").format(title=job.name))
            return
        window.show_normal_and_raise()
        dialog = factory(window, [str(job.document)])
        jobs = [job]
        entry = (dialog, jobs)
        open_dialogs.append(entry)

        def sent(_ids: list[str]) -> None:
            for done in jobs:
                intake.finish(done)
            jobs.clear()

        def finished(_result: int) -> None:
            if entry in open_dialogs:
                open_dialogs.remove(entry)
            if not intake.stopped:  # closed by the person, not by quitting
                for done in jobs:
                    intake.finish(done)
                jobs.clear()

        dialog.sent.connect(sent)
        dialog.finished.connect(finished)
        dialog.open()

    def refused(job: PrintJob, text: str) -> None:
        window.show_error(text)
        intake.finish(job)

    intake.jobReady.connect(ready)
    intake.jobRefused.connect(refused)
    intake.failed.connect(window.show_error)
    intake.start()
    return intake
