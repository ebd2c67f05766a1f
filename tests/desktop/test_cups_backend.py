"""The CUPS backend's decisions that need no scheduler: what a job is, where the spool is.
(The backend itself runs under a real cupsd in tests/core/test_print_jobs_cups.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from faxdesk.desktop import cups_backend
from faxdesk.desktop.cups_backend import sniff, spool_root


@pytest.mark.parametrize(("head", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"%!PS-Adobe-3.0\n", "postscript"),
    (b"\x04%!PS-Adobe-3.0\n", "postscript"),
    (b"\x1b%-12345X@PJL JOB\n@PJL ENTER LANGUAGE=POSTSCRIPT\n%!PS\n", "postscript"),
    (b"\x1b%-12345X@PJL ENTER LANGUAGE=PDF\n%PDF-1.4\n", "pdf"),
    (b"\x1b%-12345X@PJL ENTER LANGUAGE=PCL\n\x1bE\x1b&l0O", "pcl"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
    (b"\xff\xd8\xff\xe0JFIF", "jpeg"),
    (b"II*\x00\x08\x00", "tiff"),
    (b"Dear Sir,\nplease find...\n", "text"),
    ("价格表\n".encode() * 3, "text"),
    (b"\x00\x01\x02\x03\xfe\xff" * 10, "unknown"),
    (b"", "empty"),
])
def test_a_job_is_recognised_by_its_first_bytes(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_the_device_uri_names_the_spool_root() -> None:
    assert spool_root("faxdesk:/var/spool/faxdesk") == Path("/var/spool/faxdesk")
    assert spool_root("faxdesk:///srv/fax/") == Path("/srv/fax")
    assert spool_root(None) == Path(cups_backend.DEFAULT_SPOOL)
    with pytest.raises(ValueError, match="absolute folder"):
        spool_root("faxdesk:relative/path")
    with pytest.raises(ValueError, match="absolute folder"):
        spool_root("faxdesk:/var/spool/../../etc")


def test_without_arguments_it_announces_itself_to_cups_device_discovery() -> None:
    # `lpinfo -v` runs every backend with no arguments; it runs under the system python3.
    out = subprocess.run([sys.executable, cups_backend.__file__], capture_output=True,
                         text=True, check=True, timeout=30).stdout
    assert out == 'direct faxdesk:/var/spool/faxdesk "FaxDesk" "FaxDesk (send as fax)" ""\n'


def test_a_job_for_someone_who_is_not_a_user_here_is_dropped_with_a_reason() -> None:
    done = subprocess.run(
        [sys.executable, cups_backend.__file__, "7", "no-such-user-here", "t", "1", ""],
        input=b"%PDF-1.4\n", capture_output=True, timeout=30, check=False,
        env={"DEVICE_URI": "faxdesk:/nonexistent/spool", "PATH": "/usr/bin:/bin"})
    assert done.returncode == cups_backend.BACKEND_CANCEL
    assert b"ERROR: FaxDesk printer: 'no-such-user-here' is not a user of this computer" in (
        done.stderr)
