"""SANE's `test` backend as a scanner for tests: a private SANE configuration folder (only the
test backend enabled, its option defaults in test.conf), selected with SANE_CONFIG_DIR.

The test backend is SANE's own frontend tester: a real SANE device driven through the real
library and `scanimage`, whose options can make it slow, jam, run out of paper, or fail with the
I/O error an unplugged USB scanner gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def require_scanimage() -> None:
    if shutil.which("scanimage") is None:
        pytest.fail("scanning tests need: sudo apt-get install -y sane-utils "
                    "(scripts/bootstrap.sh installs it)", pytrace=False)


def sane_config(folder: Path, *, devices: int = 2, backends: str = "test",
                **options: str | int | bool) -> Path:
    """Write a SANE configuration; `options` become test.conf lines (read_delay=True ...)."""
    require_scanimage()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text(backends + "\n")
    lines = [f"number_of_devices {devices}", 'test-picture "Grid"']
    for key, value in options.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        lines.append(f"{key.replace('_', '-')} {value}")
    (folder / "test.conf").write_text("\n".join(lines) + "\n")
    return folder
