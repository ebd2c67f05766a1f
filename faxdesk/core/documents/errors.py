"""Typed errors for documents that cannot go into a fax.

Every message names the file, says what is wrong and what the user can do about it, so the
send dialog can show ``str(error)`` as it is. ``refusal`` says the same for programs: a short
stable word (for exit codes, tests and logs) that never reaches a person.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

Refusal = Literal[
    "missing",  # the file does not exist
    "folder",  # a folder was given
    "not_a_file",  # a named pipe, socket or device: reading it could wait forever
    "no_permission",  # the OS refuses to let us read it
    "unreadable",  # any other error reading it (disk, network share)
    "empty_file",  # 0 bytes
    "unsupported",  # not a PDF, PNG, JPEG or TIFF
    "encryption_unsupported",  # encrypted in a way this installation cannot decrypt
    "password",  # needs a password to open
    "damaged",  # truncated or corrupt
    "no_pages",  # a valid document without pages
    "render",  # a page could not be rendered
]


class DocumentError(Exception):
    """A file cannot be used as (part of) a fax."""

    default_refusal: ClassVar[Refusal] = "damaged"

    def __init__(
        self, path: Path | str, reason: str, advice: str, *, refusal: Refusal | None = None
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.advice = advice
        self.refusal: Refusal = refusal or self.default_refusal
        super().__init__(f'"{self.path.name}": {reason}. {advice}')


class UnreadableFileError(DocumentError):
    """The file is missing, is a folder or a pipe, or cannot be opened (permissions)."""

    default_refusal = "unreadable"


class UnsupportedFileError(DocumentError):
    """The file's content is not a PDF, PNG, JPEG or TIFF (whatever its name says)."""

    default_refusal = "unsupported"


class PasswordProtectedError(DocumentError):
    """The PDF needs a password to open."""

    default_refusal = "password"


class DamagedDocumentError(DocumentError):
    """The file is truncated or corrupt (or empty)."""

    default_refusal = "damaged"


class EmptyDocumentError(DocumentError):
    """The document has no pages."""

    default_refusal = "no_pages"


class RenderError(DocumentError):
    """A page could not be rendered (preview or re-rendering)."""

    default_refusal = "render"
