"""Reading a file the user chose: only regular files, and every OS error said in words.

A named pipe, socket or device is refused before it is opened: opening a pipe for reading waits
for a writer, which would hang the intake forever.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DamagedDocumentError, UnreadableFileError

_SAVE_AS_FILE = "Save the document as a PDF, PNG, JPEG or TIFF file and add that file."


def checked_size(p: Path) -> int:
    """The size of ``p`` in bytes, after checking it is a non-empty regular file."""
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise UnreadableFileError(
            p,
            "the file does not exist",
            "It may have been moved or deleted; add it again.",
            refusal="missing",
        ) from exc
    except PermissionError as exc:
        raise _no_permission(p) from exc
    except OSError as exc:
        raise _unreadable(p, exc) from exc
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise UnreadableFileError(
            p, "this is a folder, not a file", "Add the files inside it.", refusal="folder"
        )
    if not stat.S_ISREG(mode):
        raise UnreadableFileError(p, f"this is {_special(mode)}, not a document file",
                                  _SAVE_AS_FILE, refusal="not_a_file")
    if st.st_size == 0:
        raise DamagedDocumentError(
            p,
            "the file is empty (0 bytes)",
            "Save or download it again, then add it again.",
            refusal="empty_file",
        )
    return st.st_size


def read_head(p: Path, n: int = 2048) -> bytes:
    """The first ``n`` bytes of a checked file."""
    checked_size(p)
    with opening(p), p.open("rb") as fh:
        return fh.read(n)


def read_all(p: Path) -> bytes:
    checked_size(p)
    with opening(p):
        return p.read_bytes()


@contextmanager
def opening(p: Path) -> Iterator[None]:
    """OS errors raised inside become UnreadableFileError with a message in words."""
    try:
        yield
    except PermissionError as exc:
        raise _no_permission(p) from exc
    except FileNotFoundError as exc:
        raise UnreadableFileError(
            p,
            "the file disappeared while it was being read",
            "It may have been moved or deleted; add it again.",
            refusal="missing",
        ) from exc
    except OSError as exc:
        raise _unreadable(p, exc) from exc


def _no_permission(p: Path) -> UnreadableFileError:
    return UnreadableFileError(
        p,
        "you do not have permission to read the file",
        "Ask its owner for access, or copy it to a folder of yours and add the copy.",
        refusal="no_permission",
    )


def _unreadable(p: Path, exc: OSError) -> UnreadableFileError:
    # strerror is the OS's own sentence ("Input/output error"); the errno name never shows.
    detail = f" ({exc.strerror})" if exc.strerror else ""
    return UnreadableFileError(
        p,
        f"the file cannot be read{detail}",
        "Check the disk or network share and try again, or copy the file to this computer.",
        refusal="unreadable",
    )


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
