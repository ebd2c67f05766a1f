"""Print to fax: the jobs the FaxDesk printer handed to this user, kept until they are dealt with.

The CUPS backend (``faxdesk/desktop/cups_backend.py``) writes each job into
``<spool root>/<uid>/``: the document, then its description ``<key>.json``, each atomically, so a
description present means a whole job. FaxDesk *claims* a job by copying it into
``<data dir>/print-jobs/<key>/`` (the document named after the job's title, which is the name
the send dialog shows) and only then removing it from the spool. ``complete()`` removes the
claimed copy once the person sent it or chose not to.

A job claimed but not completed (FaxDesk quit or crashed with the send dialog open) is offered
again at the next start; a job found both claimed and still spooled (a crash between the copy
and the removal) is one job, the claimed one. So nothing printed is lost and nothing shows twice.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from faxdesk.core.paths import ensure_dir, storage_error

log = logging.getLogger(__name__)

SPOOL_ENV = "FAXDESK_PRINT_SPOOL"
DEFAULT_SPOOL_ROOT = Path("/var/spool/faxdesk")
CLAIMED_DIR = "print-jobs"
DESCRIPTION = "job.json"

_KEY = re.compile(r"^\d{8}T\d{6}-\d{6,}$")
# Extensions a program puts in a job's title ("Letter.docx") that make no sense on a PDF.
_TITLE_SUFFIX = re.compile(
    r"\.(pdf|ps|eps|docx?|odt|ott|rtf|txt|xlsx?|ods|pptx?|odp|html?|xps|png|jpe?g|tiff?)$",
    re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_NAME = 100
UNTITLED = "Printed document"

#: Problems the backend reports, in words (the UI shows its own translation of these).
PROBLEMS = {
    "not-a-document": "“{title}” was printed to FaxDesk but is not a document FaxDesk can fax "
                      "({detail}). Print it from a program that prints pages, such as a word "
                      "processor or a PDF viewer.",
    "conversion-failed": "“{title}” was printed to FaxDesk as PostScript, which could not be "
                         "turned into a PDF ({detail}). Try printing it again, or save it as a "
                         "PDF and add that file.",
}
#: What the backend found instead of a document, in words.
KINDS = {
    "text": "plain text",
    "pcl": "a job already made for one printer model (PCL)",
    "empty": "an empty job",
    "unknown": "data FaxDesk does not recognise",
}


def spool_root() -> Path:
    """Where the FaxDesk printer spools (``FAXDESK_PRINT_SPOOL`` overrides the default)."""
    value = os.environ.get(SPOOL_ENV, "").strip()
    return Path(value) if value else DEFAULT_SPOOL_ROOT


def document_name(title: str) -> str:
    """A file name from a job title: "Microsoft Word - Letter.docx" → "Microsoft Word - Letter"."""
    name = _UNSAFE.sub(" ", title).strip().strip(".")
    name = _TITLE_SUFFIX.sub("", name).strip()
    if not name or name.lower() in ("untitled", "(stdin)", "stdin", "document"):
        name = UNTITLED
    return name[:_MAX_NAME].rstrip()


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One print job handed to FaxDesk."""

    key: str  # "<UTC time>-<CUPS job id>": unique, and sorts by time
    job_id: int
    title: str
    user: str
    printed_at: datetime
    document: Path  # in the spool, or in the data folder once claimed
    kind: str  # pdf, png, jpeg, tiff; or what it is instead when `problem` is set
    problem: str | None = None  # None, "not-a-document" or "conversion-failed"
    detail: str | None = None
    claimed: bool = False

    @property
    def name(self) -> str:
        """The document's name for people: the job's title."""
        return document_name(self.title)

    @property
    def usable(self) -> bool:
        return self.problem is None

    def problem_text(self) -> str | None:
        """The problem in (English) words; None for a usable job."""
        if self.problem is None:
            return None
        template = PROBLEMS.get(self.problem, "“{title}” could not be handed to FaxDesk "
                                              "({detail}).")
        detail = KINDS.get(self.detail or "", self.detail or "unknown")
        return template.format(title=self.name, detail=detail)


class PrintSpool:
    """This user's print jobs: those waiting in the spool and those claimed but not finished."""

    def __init__(self, spool_dir: Path, claimed_dir: Path) -> None:
        self.spool_dir = spool_dir
        self.claimed_dir = claimed_dir

    @classmethod
    def for_user(cls, data_dir: Path, *, root: Path | None = None,
                 uid: int | None = None) -> PrintSpool:
        user = os.getuid() if uid is None else uid
        return cls((root or spool_root()) / str(user), data_dir / CLAIMED_DIR)

    # --- reading -------------------------------------------------------------------------

    def waiting(self) -> list[PrintJob]:
        """Every job not completed yet, oldest first: claimed ones and those still spooled."""
        claimed = {job.key: job for job in self._claimed_jobs()}
        spooled = [job for job in self._spooled_jobs() if job.key not in claimed]
        return sorted([*claimed.values(), *spooled], key=lambda j: j.key)

    def has_spooled(self) -> bool:
        """Whether anything new waits in the spool (cheap enough for a timer)."""
        try:
            return any(p.suffix == ".json" for p in self.spool_dir.iterdir())
        except OSError:
            return False

    def _spool_is_ours(self) -> bool:
        try:
            info = self.spool_dir.lstat()
        except FileNotFoundError:
            return False  # nothing printed yet: the backend makes the folder at the first job
        except OSError as exc:
            log.warning("cannot read the print spool %s: %s", self.spool_dir, exc.strerror)
            return False
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            log.warning("ignoring print spool %s: not a folder of this user", self.spool_dir)
            return False
        return True

    def _spooled_jobs(self) -> list[PrintJob]:
        if not self._spool_is_ours():
            return []
        jobs = []
        for entry in sorted(self.spool_dir.glob("*.json")):
            job = _read_job(entry, self.spool_dir, claimed=False)
            if job is not None and job.key == entry.stem:
                jobs.append(job)
        return jobs

    def _claimed_jobs(self) -> list[PrintJob]:
        if not self.claimed_dir.is_dir():
            return []
        jobs = []
        for folder in sorted(self.claimed_dir.iterdir()):
            if folder.is_dir() and _KEY.match(folder.name):
                job = _read_job(folder / DESCRIPTION, folder, claimed=True)
                if job is not None:
                    jobs.append(job)
        return jobs

    # --- claiming and completing -----------------------------------------------------------

    def claim(self, job: PrintJob) -> PrintJob:
        """Take a spooled job into the data folder (a claimed job is returned as it is).

        Raises ``StorageError`` (in words) when the copy cannot be made; the job then stays in
        the spool and is offered again.
        """
        if job.claimed:
            return job
        final = self.claimed_dir / job.key
        if not final.is_dir():
            ensure_dir(self.claimed_dir)
            work = Path(tempfile.mkdtemp(prefix=f".{job.key}-", dir=self.claimed_dir))
            try:
                suffix = job.document.suffix if job.usable else ".data"
                target = work / f"{job.name}{suffix}"
                shutil.copyfile(job.document, target)
                target.chmod(0o600)
                description = _description(job, target.name)
                with (work / DESCRIPTION).open("w", encoding="utf-8") as out:
                    json.dump(description, out, indent=1, sort_keys=True)
                    out.flush()
                    os.fsync(out.fileno())
                work.rename(final)
            except OSError as exc:
                shutil.rmtree(work, ignore_errors=True)
                if not final.is_dir():
                    raise storage_error(exc, final, "keep the print job in") from exc
        self._remove_spooled(job.key)
        claimed = _read_job(final / DESCRIPTION, final, claimed=True)
        if claimed is None:  # our own file unreadable: say so rather than lose the job
            raise storage_error(OSError(0, "the job description is unreadable"), final, "read")
        return claimed

    def complete(self, job: PrintJob) -> None:
        """The job is dealt with (sent, or the person chose not to): forget it."""
        self._remove_spooled(job.key)
        folder = self.claimed_dir / job.key
        if _KEY.match(job.key) and folder.is_dir():
            shutil.rmtree(folder)

    def _remove_spooled(self, key: str) -> None:
        if not _KEY.match(key) or not self._spool_is_ours():
            return
        # The description first: without it the job is gone from the spool's listing.
        with contextlib.suppress(FileNotFoundError):
            (self.spool_dir / f"{key}.json").unlink()
        for leftover in self.spool_dir.glob(f"{key}.*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _description(job: PrintJob, document: str) -> dict[str, Any]:
    return {"format": 1, "key": job.key, "job_id": job.job_id, "title": job.title,
            "user": job.user, "created": job.printed_at.timestamp(), "document": document,
            "kind": job.kind, "problem": job.problem, "detail": job.detail}


def _read_job(path: Path, folder: Path, *, claimed: bool) -> PrintJob | None:
    """A job from its description; None (logged) for anything unreadable or odd."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = str(data["key"])
        document = str(data["document"])
        if not _KEY.match(key) or "/" in document or document.startswith("."):
            raise ValueError("unexpected key or document name")
        doc_path = folder / document
        if not stat.S_ISREG(doc_path.lstat().st_mode):
            raise ValueError("the document is not a regular file")
        return PrintJob(
            key=key,
            job_id=int(data.get("job_id", 0)),
            title=str(data.get("title") or ""),
            user=str(data.get("user") or ""),
            printed_at=datetime.fromtimestamp(float(data.get("created", 0)), UTC),
            document=doc_path,
            kind=str(data.get("kind") or "unknown"),
            problem=data.get("problem") or None,
            detail=data.get("detail") or None,
            claimed=claimed,
        )
    except FileNotFoundError:
        return None  # completed or claimed meanwhile
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("skipping print job %s: %s", path, exc)
        return None
