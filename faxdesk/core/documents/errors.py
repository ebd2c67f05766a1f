"""Typed errors for documents that cannot go into a fax.

Every message names the file, says what is wrong and what the user can do about it, so the
send dialog can show ``str(error)`` as it is.
"""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A file cannot be used as (part of) a fax."""

    def __init__(self, path: Path | str, reason: str, advice: str) -> None:
        self.path = Path(path)
        self.reason = reason
        self.advice = advice
        super().__init__(f'"{self.path.name}": {reason}. {advice}')


class UnreadableFileError(DocumentError):
    """The file is missing, is a folder, or cannot be opened (permissions)."""


class UnsupportedFileError(DocumentError):
    """The file's content is not a PDF, PNG, JPEG or TIFF (whatever its name says)."""


class PasswordProtectedError(DocumentError):
    """The PDF needs a password to open."""


class DamagedDocumentError(DocumentError):
    """The file is truncated or corrupt."""


class EmptyDocumentError(DocumentError):
    """The document has no pages."""


class RenderError(DocumentError):
    """A page could not be rendered (preview or re-rendering)."""
