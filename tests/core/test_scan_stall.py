"""A scanner driver that hangs (scanimage says nothing and never ends) ends in words, not in a
scan dialog that waits for ever. SANE's test device cannot be made to hang on purpose, so the
hanging scanimage here is a script of its own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from faxdesk.core import scanning


def test_a_scanner_that_stops_answering_is_given_up_on_and_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "scanimage"
    stub.write_text("#!/bin/sh\necho 'Scanning page 1' >&2\nexec sleep 600\n")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(scanning, "STALL_TIMEOUT", 0.5)
    with pytest.raises(scanning.ScanError) as caught:
        scanning.scan(scanning.ScanSettings(device="test:0"), tmp_path / "out.pdf",
                      options=scanning.ScannerOptions())
    assert caught.value.kind == "gone"
    assert "stopped answering" in str(caught.value)
    assert not isinstance(caught.value, scanning.ScanCancelled)
    assert not (tmp_path / "out.pdf").exists()


def test_a_driver_that_hangs_after_its_error_is_given_up_on_with_that_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scanimage said the scanner went away, then its driver never let it end: the person
    hears about the unplugged scanner after the grace, not the stall timeout later."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "scanimage"
    stub.write_text("#!/bin/sh\necho 'Scanning page 1' >&2\n"
                    "echo 'scanimage: sane_read: Error during device I/O' >&2\nexec sleep 600\n")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(scanning, "CANCEL_GRACE", 0.5)
    monkeypatch.setattr(scanning, "STALL_TIMEOUT", 20.0)  # without the grace: "stopped answering"
    with pytest.raises(scanning.ScanError) as caught:
        scanning.scan(scanning.ScanSettings(device="test:0"), tmp_path / "out.pdf",
                      options=scanning.ScannerOptions())
    assert caught.value.kind == "gone"
    assert "unplugged" in str(caught.value)
    assert not (tmp_path / "out.pdf").exists()


def test_a_notice_from_scanimage_does_not_cut_a_slow_scan_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scanimage prints notices such as a rounded resolution on scans that go on; a scanner
    slower than the grace after one still delivers its page."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "scanimage"
    stub.write_text(
        f"#!{sys.executable}\n"
        "import sys, time\n"
        "batch = next(a.split('=', 1)[1] for a in sys.argv if a.startswith('--batch='))\n"
        "sys.stderr.write('scanimage: rounded value of resolution from 200 to 199.9\\n')\n"
        "sys.stderr.write('Scanning page 1\\n'); sys.stderr.flush()\n"
        "time.sleep(1.5)\n"
        "with open(batch % 1, 'wb') as page:\n"
        "    page.write(b'P5\\n16 16\\n255\\n' + bytes([255]) * 256)\n"
        "sys.stderr.write('Scanned page 1. (scanner status = 5)\\n')\n")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(scanning, "CANCEL_GRACE", 0.3)
    result = scanning.scan(scanning.ScanSettings(device="test:0"), tmp_path / "out.pdf",
                           options=scanning.ScannerOptions())
    assert result.pages == 1 and (tmp_path / "out.pdf").exists()
