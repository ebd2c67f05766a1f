"""One table of bad input for every front door: `faxdesk send`, the send dialog, `prepare_send`.

Each row builds its document in a folder the test gives (or uses a good one), names the number
typed, and says what must happen: the refusal kind (`faxdesk.core.sending.RefusalKind`) and words
the message must contain, or, for input that is fine, the E.164 number the fax goes to. A door
passes a row when it refuses with that kind and those words (and sends nothing), or sends to that
number.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faxdesk.core.sending import RefusalKind
from tests.support.pdfs import make_pdf, pdf_bytes

GOOD_NUMBER = "+14155550123"  # delivered by the sandbox


def good_pdf(folder: Path) -> Path:
    return make_pdf(folder / "letter.pdf", 1)


def empty_file(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def text_named_pdf(folder: Path) -> Path:
    path = folder / "notes.pdf"
    path.write_text("Minutes of the meeting\nNothing here is a PDF.\n" * 20)
    return path


def html_error_page(folder: Path) -> Path:
    # What a browser saves when the download link has expired.
    path = folder / "invoice.pdf"
    path.write_text("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                    "<body><h1>Not Found</h1><p>The requested URL was not found.</p></body>"
                    "</html>\n")
    return path


def truncated_pdf(folder: Path) -> Path:
    data = pdf_bytes(3)
    path = folder / "interrupted.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def password_pdf(folder: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(1)))
    writer.encrypt("secret", algorithm="AES-256")
    path = folder / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def over_page_limit(folder: Path) -> Path:
    return make_pdf(folder / "archive.pdf", 351)  # Telnyx sends at most 350


def directory(folder: Path) -> Path:
    path = folder / "scans.pdf"
    path.mkdir()
    return path


def named_pipe(folder: Path) -> Path:
    # Opening a FIFO for reading blocks until a writer comes: intake must not even try.
    path = folder / "stream.pdf"
    os.mkfifo(path)
    return path


def missing_file(folder: Path) -> Path:
    return folder / "moved-away.pdf"


@dataclass(frozen=True, slots=True)
class BadInput:
    name: str
    build: Callable[[Path], Path]  # makes the document in the given folder, returns its path
    number: str  # the recipient as a person types it
    kind: RefusalKind | None  # the refusal kind; None: accepted
    words: tuple[str, ...] = ()  # the refusal message contains each of these
    sent_to: str | None = None  # accepted: the number the fax goes to

    def __str__(self) -> str:  # readable pytest ids
        return self.name


BAD_INPUTS: tuple[BadInput, ...] = (
    BadInput("empty file", empty_file, GOOD_NUMBER, "damaged_document",
             ('"empty.pdf"', "empty (0 bytes)")),
    BadInput("text named .pdf", text_named_pdf, GOOD_NUMBER, "not_a_document",
             ('"notes.pdf"', "not a PDF")),
    BadInput("HTML error page named .pdf", html_error_page, GOOD_NUMBER, "not_a_document",
             ('"invoice.pdf"', "not a PDF")),
    BadInput("truncated PDF", truncated_pdf, GOOD_NUMBER, "damaged_document",
             ('"interrupted.pdf"', "damaged", "ends early")),
    BadInput("password-protected PDF", password_pdf, GOOD_NUMBER, "password_protected",
             ('"locked.pdf"', "password")),
    BadInput("351 pages", over_page_limit, GOOD_NUMBER, "too_many_pages",
             ('"archive.pdf"', "351 pages", "at most 350 pages")),
    BadInput("a folder", directory, GOOD_NUMBER, "unreadable_file",
             ('"scans.pdf"', "folder")),
    BadInput("a named pipe", named_pipe, GOOD_NUMBER, "unreadable_file",
             ('"stream.pdf"', "named pipe")),
    BadInput("a missing file", missing_file, GOOD_NUMBER, "unreadable_file",
             ('"moved-away.pdf"', "does not exist")),
    BadInput("national number", good_pdf, "(415) 555-0123", None, sent_to="+14155550123"),
    BadInput("invalid number", good_pdf, "12", "invalid_number",
             ('"12"', "too short")),
    BadInput("emergency number", good_pdf, "911", "emergency_number",
             ('"911"', "emergency number")),
)
