"""A scanner driver that hangs (scanimage says nothing and never ends) ends in words, not in a
scan dialog that waits for ever. SANE's test device cannot be made to hang on purpose, so the
hanging scanimage here is a script of its own."""

from __future__ import annotations

import os
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
