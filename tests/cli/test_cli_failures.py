"""Every way the command line's own files or inputs can fail ends in words and an exit code from
the documented table (faxdesk/cli/running.py), never a traceback, and loses nothing."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from faxdesk.cli.running import EXIT_AUTH, EXIT_OK, EXIT_STORAGE, EXIT_USAGE
from tests.support.pdfs import make_pdf

ROOT = Path(__file__).resolve().parents[2]
# What must never reach a person: tracebacks, Python class names, errno strings.
TECHNICAL = re.compile(r"Traceback|[A-Z][a-z]+Error\b|Exception\b|\[Errno")
AS_ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make the situation")

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def faxdesk(tmp_path: Path) -> Run:
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        environ = dict(os.environ, PYTHONPATH=str(ROOT), FAXDESK_HOME=str(home),
                       HOME=str(home), **(env or {}))
        environ.pop("FAXDESK_API_KEY", None)
        environ.update(env or {})
        done = subprocess.run([sys.executable, "-m", "faxdesk", *args], text=True,
                              capture_output=True, timeout=120, env=environ)
        assert not TECHNICAL.search(done.stderr), done.stderr
        assert not TECHNICAL.search(done.stdout), done.stdout
        return done

    return run


def test_a_damaged_store_is_kept_aside_and_a_fresh_one_is_filled(
    faxdesk: Run, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    damaged = b"SQLite format 3\x00" + os.urandom(4000)
    (data / "faxdesk.sqlite3").write_bytes(damaged)
    done = faxdesk("list", "--sandbox", "--data-dir", str(data), "--limit", "3")
    assert done.returncode == EXIT_OK, done.stderr
    assert "history file was damaged" in done.stderr and "kept as" in done.stderr
    kept = [p for p in data.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never deleted
    assert len(done.stdout.splitlines()) == 3  # the new store was filled from the account


def test_a_truncated_store_is_kept_aside_too(faxdesk: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    good = sqlite3.connect(data / "faxdesk.sqlite3")
    good.executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);" * 1)
    good.close()
    path = data / "faxdesk.sqlite3"
    path.write_bytes(path.read_bytes()[:1500])
    done = faxdesk("list", "--sandbox", "--data-dir", str(data), "--limit", "1")
    assert done.returncode == EXIT_OK, done.stderr
    assert "history file was damaged" in done.stderr


def test_a_data_folder_that_is_a_file_is_said_in_words(faxdesk: Run, tmp_path: Path) -> None:
    afile = tmp_path / "data"
    afile.write_text("not a folder")
    done = faxdesk("list", "--sandbox", "--data-dir", str(afile))
    assert done.returncode == EXIT_STORAGE
    assert "is a file, not a folder" in done.stderr


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A read-only filesystem: refused even to root, unlike a folder's permission bits."""
    mount = tmp_path / "readonly"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(mount)],
                   check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@AS_ROOT
def test_a_read_only_data_folder_is_said_in_words(faxdesk: Run, read_only_folder: Path) -> None:
    done = faxdesk("list", "--sandbox", "--data-dir", str(read_only_folder / "faxdesk"))
    assert done.returncode == EXIT_STORAGE, done.stderr
    assert "read-only" in done.stderr.lower()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB filesystem, filled up."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                   check=True)
    try:
        try:
            with (mount / "filler").open("wb") as out:
                while True:
                    out.write(b"\0" * 4096)
                    out.flush()
        except OSError:
            pass  # full
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@AS_ROOT
def test_a_full_disk_is_said_in_words(faxdesk: Run, full_disk: Path) -> None:
    done = faxdesk("list", "--sandbox", "--data-dir", str(full_disk / "data"))
    assert done.returncode == EXIT_STORAGE, done.stderr
    assert "disk" in done.stderr.lower() and ("full" in done.stderr.lower()
                                              or "space" in done.stderr.lower())


def test_an_unreadable_document_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The tests run as root, whom no permission bit stops: the operating system's refusal is
    # the one thing simulated here.
    from faxdesk import cli

    secret = make_pdf(tmp_path / "private.pdf")
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == secret.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setenv("FAXDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(Path, "open", refusing_open)
    code = cli.main(["send", "--sandbox", "--to", "+14155550123", str(secret)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE, err
    assert '"private.pdf"' in err and "Nothing was sent" in err
    assert not TECHNICAL.search(err), err


@pytest.mark.parametrize("key", ["KEY with space", "KEY\nwith-newline"])
def test_an_api_key_with_a_space_or_a_line_break_is_said_in_words(
    faxdesk: Run, key: str
) -> None:
    done = faxdesk("list", env={"FAXDESK_API_KEY": key,
                                "FAXDESK_BASE_URL": "http://127.0.0.1:9/v2"})
    assert done.returncode == EXIT_AUTH
    assert "space or a line break" in done.stderr
    assert key not in done.stderr  # the key is never repeated


def test_the_exit_code_table_is_documented() -> None:
    from faxdesk.cli import running

    table = running.__doc__ or ""
    for code in (0, 1, 2, 3, 4, 5, 6, 7, 130):
        assert f"| {code} |" in table
    from faxdesk.cli.fax_commands import EXIT_CODES_HELP  # and --help prints it

    assert "6 outcome unknown" in EXIT_CODES_HELP and "7 FaxDesk's own files" in EXIT_CODES_HELP
