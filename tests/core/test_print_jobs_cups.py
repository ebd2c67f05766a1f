"""Print to fax through a real CUPS: `lp -d FaxDesk` → the faxdesk backend → this user's spool →
PrintSpool. A private cupsd runs as root with FaxDesk's backend installed as on a real machine."""

from __future__ import annotations

import itertools
import json
import logging
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from faxdesk.core.documents import inspect_document
from faxdesk.core.print_jobs import PrintSpool, document_name
from tests.support.cups import PrivateCups
from tests.support.pdfs import make_pdf

NOBODY = 65534
_queues = itertools.count(1)


def postscript(pages: int, *, title: str = "PostScript test") -> bytes:
    """A small, valid PostScript program with `pages` pages (what old programs print)."""
    body = [f"%!PS-Adobe-3.0\n%%Title: {title}\n%%Pages: {pages}\n%%EndComments\n"]
    for n in range(1, pages + 1):
        body.append(f"%%Page: {n} {n}\n/Helvetica findfont 24 scalefont setfont\n"
                    f"72 700 moveto ({title} page {n}) show\n"
                    "72 72 moveto 540 72 lineto 540 720 lineto 72 720 lineto closepath stroke\n"
                    "showpage\n")
    body.append("%%EOF\n")
    return "".join(body).encode()


@pytest.fixture(scope="module")
def cups() -> Iterator[PrivateCups]:
    server = PrivateCups()
    server.env["HOME"] = "/tmp"  # clients run as `nobody` too; they must not read root's home
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def queue(cups: PrivateCups) -> tuple[str, Path]:
    """A fresh FaxDesk queue with its own spool root (under the cupsd's world-readable root)."""
    name = f"FaxDesk{next(_queues)}"
    spool = cups.root / f"spool-{name}"
    cups.add_faxdesk_queue(spool, name)
    return name, spool


def _print(cups: PrivateCups, queue: str, data: bytes, title: str, tmp_path: Path,
           user: int | None = None, suffix: str = ".bin") -> int:
    # Under the scheduler's folder: pytest's tmp_path is private to root, and `nobody` prints too.
    path = cups.root / f"input-{tmp_path.name}-{title[:20].replace(' ', '_')}{suffix}"
    path.write_bytes(data)
    path.chmod(0o644)
    try:
        job = cups.print_file(queue, path, "-t", title, user=user)
        cups.wait_completed(queue, job)
    finally:
        path.unlink()
    return job


def test_a_pdf_and_a_postscript_file_arrive_as_pdf_jobs_with_their_pages_and_titles(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path
) -> None:
    name, root = queue
    pdf_job = _print(cups, name, make_pdf(tmp_path / "letter.pdf", 3).read_bytes(),
                     "Microsoft Word - Letter to Acme.docx", tmp_path)
    ps_job = _print(cups, name, postscript(2), "Quarterly figures", tmp_path, suffix=".ps")

    spool = PrintSpool.for_user(tmp_path / "data", root=root)
    jobs = spool.waiting()
    assert [j.job_id for j in jobs] == [pdf_job, ps_job]
    first, second = jobs
    assert first.name == "Microsoft Word - Letter to Acme"
    assert second.name == "Quarterly figures"
    assert all(j.usable and j.kind == "pdf" and not j.claimed for j in jobs)
    assert second.document.read_bytes().startswith(b"%PDF")  # Ghostscript made it a PDF
    assert [inspect_document(j.document).page_count for j in jobs] == [3, 2]

    # The spool is private to the user who printed.
    user_dir = root / str(os.getuid())
    assert stat.S_IMODE(user_dir.stat().st_mode) == 0o700
    for job in jobs:
        info = job.document.stat()
        assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o600

    # Claimed: the document is now in the data folder, named after the title, pages intact.
    claimed = [spool.claim(j) for j in jobs]
    assert [c.document.name for c in claimed] == ["Microsoft Word - Letter to Acme.pdf",
                                                  "Quarterly figures.pdf"]
    assert all(c.claimed and c.document.is_relative_to(tmp_path / "data") for c in claimed)
    assert [inspect_document(c.document).page_count for c in claimed] == [3, 2]
    assert not list(user_dir.glob("*.json"))  # gone from the spool


def test_a_job_printed_while_faxdesk_is_not_running_is_there_at_the_next_start_until_done(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path
) -> None:
    name, root = queue
    data = tmp_path / "data"
    job_id = _print(cups, name, make_pdf(tmp_path / "a.pdf", 1).read_bytes(), "Invoice 42",
                    tmp_path)
    # "Start" FaxDesk: a new spool object, as the window makes at start-up.
    waiting = PrintSpool.for_user(data, root=root).waiting()
    assert [j.job_id for j in waiting] == [job_id]
    claimed = PrintSpool.for_user(data, root=root).claim(waiting[0])
    # FaxDesk stops (or crashes) with the send dialog open: the job is offered again.
    again = PrintSpool.for_user(data, root=root).waiting()
    assert [(j.job_id, j.claimed, j.document) for j in again] == [
        (job_id, True, claimed.document)]
    PrintSpool.for_user(data, root=root).complete(again[0])
    assert PrintSpool.for_user(data, root=root).waiting() == []
    assert not claimed.document.exists()


def test_a_crash_between_copying_and_removing_a_job_leaves_one_job_not_two(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path
) -> None:
    name, root = queue
    spool = PrintSpool.for_user(tmp_path / "data", root=root)
    _print(cups, name, make_pdf(tmp_path / "a.pdf", 2).read_bytes(), "Contract", tmp_path)
    (spooled,) = spool.waiting()
    saved = {p.name: p.read_bytes() for p in spool.spool_dir.glob(f"{spooled.key}.*")}
    claimed = spool.claim(spooled)
    for file_name, content in saved.items():  # as if the removal never happened
        (spool.spool_dir / file_name).write_bytes(content)
    assert [(j.key, j.claimed) for j in spool.waiting()] == [(claimed.key, True)]
    spool.complete(claimed)
    assert spool.waiting() == [] and not list(spool.spool_dir.glob(f"{spooled.key}.*"))


def test_jobs_reach_only_the_user_who_printed_them_and_nobody_can_print_as_another(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    name, root = queue
    pdf = make_pdf(tmp_path / "private.pdf", 1).read_bytes()
    _print(cups, name, pdf, "Medical record", tmp_path, user=NOBODY)
    theirs = root / str(NOBODY)
    assert theirs.stat().st_uid == NOBODY and stat.S_IMODE(theirs.stat().st_mode) == 0o700
    assert all(p.stat().st_uid == NOBODY for p in theirs.iterdir())
    assert stat.S_IMODE(root.stat().st_mode) == 0o711  # others cannot even list the users
    # This user's FaxDesk sees nothing, and refuses to read a folder that is not its own.
    assert PrintSpool.for_user(tmp_path / "data", root=root).waiting() == []
    with caplog.at_level(logging.WARNING, logger="faxdesk.core.print_jobs"):
        assert PrintSpool.for_user(tmp_path / "data", root=root, uid=NOBODY).waiting() == []
    assert "not a folder of this user" in caplog.text

    # `lp -U root` from another account is refused by the queue's "authenticated" policy
    # (CUPS checks the real user on its socket), so it cannot land in root's FaxDesk.
    path = cups.root / f"input-{tmp_path.name}-spoof.pdf"
    path.write_bytes(pdf)
    path.chmod(0o644)
    refused = cups.run("lp", "-U", "root", "-d", name, "-t", "spoofed", str(path), user=NOBODY,
                       check=False)
    path.unlink()
    assert refused.returncode != 0
    assert not (root / "0").exists()


def test_a_print_job_that_is_not_a_document_is_handed_over_with_its_problem_in_words(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path
) -> None:
    name, root = queue
    _print(cups, name, b"Dear Sir,\nplease find our prices below.\n" * 20, "notes.txt",
           tmp_path, suffix=".txt")
    _print(cups, name, b"%!PS-Adobe-3.0\n/notAnOperator undefinedthing 12 div showpage\n",
           "broken.ps", tmp_path, suffix=".ps")
    spool = PrintSpool.for_user(tmp_path / "data", root=root)
    text_job, ps_job = spool.waiting()
    assert (text_job.problem, text_job.detail) == ("not-a-document", "text")
    assert text_job.problem_text() == (
        "“notes” was printed to FaxDesk but is not a document FaxDesk can fax (plain text). "
        "Print it from a program that prints pages, such as a word processor or a PDF viewer.")
    assert ps_job.problem == "conversion-failed" and ps_job.detail
    message = ps_job.problem_text() or ""
    assert message.startswith("“broken” was printed to FaxDesk as PostScript, which could not")
    assert "Traceback" not in message and "Error:" not in message.split("(")[0]
    # Nothing is lost: the data is kept until the person dismisses the job.
    assert text_job.document.read_bytes().startswith(b"Dear Sir")
    claimed = spool.claim(text_job)
    spool.complete(claimed)
    spool.complete(ps_job)
    assert spool.waiting() == []


def test_a_full_spool_keeps_the_job_in_cups_until_it_can_be_handed_over(
    cups: PrivateCups, queue: tuple[str, Path], tmp_path: Path
) -> None:
    # The user's spool folder is replaced by a file: the backend cannot write, so the job
    # stays in CUPS (error policy retry-job) and arrives once the folder is usable again.
    name, root = queue
    root.mkdir(mode=0o711, exist_ok=True)
    blocker = root / str(os.getuid())
    blocker.write_text("not a folder")
    path = cups.root / f"input-{tmp_path.name}-held.pdf"
    make_pdf(path, 1).chmod(0o644)
    job = cups.print_file(name, path, "-t", "Held job")
    cups.wait_for_log(f"[Job {job}] FaxDesk printer: cannot hand the job to root")
    assert cups.job_state(name, job) == "pending"
    blocker.unlink()
    cups.wait_completed(name, job)
    path.unlink()
    assert [j.job_id for j in PrintSpool.for_user(tmp_path / "data", root=root).waiting()] == [
        job]


def test_document_names_come_from_job_titles() -> None:
    assert document_name("Microsoft Word - Letter.docx") == "Microsoft Word - Letter"
    assert document_name("report.pdf") == "report"
    assert document_name("a/b\\c:d") == "a b c d"
    assert document_name("") == document_name("Untitled") == "Printed document"
    assert len(document_name("x" * 500)) == 100


def test_a_damaged_description_in_the_spool_is_skipped_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool_dir = tmp_path / "spool" / str(os.getuid())
    spool_dir.mkdir(parents=True, mode=0o700)
    (spool_dir / "20260101T000000-000001.json").write_text("{not json")
    good = {"key": "20260101T000000-000002", "document": "20260101T000000-000002.pdf",
            "job_id": 2, "title": "Fine", "user": "me", "created": 0, "kind": "pdf"}
    make_pdf(spool_dir / good["document"], 1)
    (spool_dir / "20260101T000000-000002.json").write_text(json.dumps(good))
    spool = PrintSpool.for_user(tmp_path / "data", root=tmp_path / "spool")
    with caplog.at_level(logging.WARNING, logger="faxdesk.core.print_jobs"):
        assert [j.title for j in spool.waiting()] == ["Fine"]
    assert "skipping print job" in caplog.text
    shutil.rmtree(spool_dir)
    assert spool.waiting() == []
