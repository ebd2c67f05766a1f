"""Where FaxDesk keeps its files, and how it writes them safely.

Directories come from platformdirs (app name "FaxDesk"). Setting ``FAXDESK_HOME`` puts all of
them under one folder (``data/``, ``config/``, ``cache/``, ``log/``): tests and the sandbox use it
so nothing touches the user's real files. Directories are created readable by the user only, and
files are written atomically (temp file + fsync + rename) with mode 0600, so a crash or a full disk
never leaves a half-written store, settings file or downloaded fax behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import platformdirs

APP_NAME = "FaxDesk"
HOME_ENV = "FAXDESK_HOME"
DIR_MODE = 0o700
FILE_MODE = 0o600

_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class StorageError(OSError):
    """A file could not be written or read; ``str()`` says what happened in words."""

    def __init__(self, message: str, *, path: Path | str, errno_: int | None = None) -> None:
        super().__init__(errno_ or 0, message, str(path))
        self.message = message
        self.path = Path(path)

    def __str__(self) -> str:
        return self.message


class DiskFullError(StorageError):
    """No space left (or quota exceeded) on the device holding the file."""


class StoragePermissionError(StorageError):
    """The user may not write there (permissions, read-only file system)."""


def storage_error(exc: OSError, path: Path | str, action: str = "save") -> StorageError:
    """Turn an ``OSError`` into a typed :class:`StorageError` with a message a user can act on."""
    if isinstance(exc, StorageError):
        return exc
    code = exc.errno
    where = str(path)
    if code in _DISK_FULL_ERRNOS:
        return DiskFullError(
            f"Could not {action} {where}: not enough disk space (the disk is full or the file "
            "is too large for it). Free some space and try again.",
            path=path,
            errno_=code,
        )
    if code in _PERMISSION_ERRNOS:
        return StoragePermissionError(
            f"Could not {action} {where}: permission denied or read-only location. "
            f"Check the folder's permissions or set {HOME_ENV} to a writable folder.",
            path=path,
            errno_=code,
        )
    reason = exc.strerror or type(exc).__name__
    return StorageError(f"Could not {action} {where}: {reason}.", path=path, errno_=code)


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; directories we create are private (0700)."""
    if path.is_dir():
        return path
    try:
        # Create level by level so every directory we make gets 0700, whatever the umask.
        missing: list[Path] = []
        probe = path
        while not probe.exists():
            missing.append(probe)
            probe = probe.parent
        for directory in reversed(missing):
            with contextlib.suppress(FileExistsError):
                directory.mkdir(mode=DIR_MODE)
                directory.chmod(DIR_MODE)
    except OSError as exc:
        raise storage_error(exc, path, "create the folder") from exc
    return path


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four base directories; nothing is created until a ``*_dir()`` accessor is used."""

    data: Path
    config: Path
    cache: Path
    log: Path

    @classmethod
    def resolve(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if environ is None else environ
        home = env.get(HOME_ENV, "").strip()
        if home:
            root = Path(home).expanduser().absolute()
            return cls(root / "data", root / "config", root / "cache", root / "log")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_cache_dir),
            Path(dirs.user_log_dir),
        )

    # Accessors create the directory on first use.
    def data_dir(self) -> Path:
        return ensure_dir(self.data)

    def config_dir(self) -> Path:
        return ensure_dir(self.config)

    def cache_dir(self) -> Path:
        return ensure_dir(self.cache)

    def log_dir(self) -> Path:
        return ensure_dir(self.log)

    def documents_dir(self) -> Path:
        """Documents prepared for sending (copies the outbox journal refers to)."""
        return ensure_dir(self.data / "documents")

    def inbox_dir(self) -> Path:
        """PDFs of received faxes."""
        return ensure_dir(self.data / "inbox")

    @property
    def store_file(self) -> Path:
        return self.data / "faxdesk.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"


def app_paths() -> AppPaths:
    """Paths for the current environment (reads ``FAXDESK_HOME`` on every call)."""
    return AppPaths.resolve()


def data_dir() -> Path:
    return app_paths().data_dir()


def config_dir() -> Path:
    return app_paths().config_dir()


def cache_dir() -> Path:
    return app_paths().cache_dir()


def log_dir() -> Path:
    return app_paths().log_dir()


def documents_dir() -> Path:
    return app_paths().documents_dir()


def inbox_dir() -> Path:
    return app_paths().inbox_dir()


@contextlib.contextmanager
def atomic_writer(path: Path | str, *, mode: int = FILE_MODE) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it replaces ``path`` atomically with mode ``mode``.

    On any error the temp file is removed and ``path`` keeps its old content. ``OSError`` is
    re-raised as :class:`StorageError` (:class:`DiskFullError` for ENOSPC, ...).
    """
    target = Path(path)
    ensure_dir(target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise storage_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise storage_error(exc, target) from exc
        raise
    _fsync_dir(target.parent)


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``path`` atomically (mode 0600 by default)."""
    with atomic_writer(path, mode=mode) as handle:
        handle.write(data)


def atomic_write_text(
    path: Path | str, text: str, *, encoding: str = "utf-8", mode: int = FILE_MODE
) -> None:
    """Write ``text`` to ``path`` atomically (mode 0600 by default)."""
    atomic_write_bytes(path, text.encode(encoding), mode=mode)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not supported everywhere (e.g. Windows), so best effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
