"""packaging/install-linux.sh adds the FaxDesk printer to CUPS and removes it again, here against
a private cupsd (FAXDESK_CUPS_SERVERBIN / FAXDESK_PRINT_SPOOL point it there)."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from faxdesk.core.print_jobs import PrintSpool
from tests.support.cups import PrivateCups
from tests.support.pdfs import make_pdf

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install-linux.sh"


@pytest.fixture
def cups() -> Iterator[PrivateCups]:
    server = PrivateCups(with_backend=False)
    server.env["HOME"] = "/tmp"
    server.start()
    try:
        yield server
    finally:
        server.stop()


def script(cups: PrivateCups, *args: str) -> subprocess.CompletedProcess[str]:
    env = script_env(cups)
    env.pop("DESTDIR", None)
    return subprocess.run(["sh", str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_install_adds_a_working_private_printer_and_uninstall_removes_it(
    cups: PrivateCups, tmp_path: Path
) -> None:
    prefix = tmp_path / "prefix"
    spool = cups.root / "faxdesk-spool"
    backend = cups.root / "lib" / "backend" / "faxdesk"
    done = script(cups, str(prefix))
    assert done.returncode == 0, done.stderr
    assert f"Added the printer FaxDesk (jobs go to {spool}/<uid>)" in done.stdout
    info = backend.stat()
    assert info.st_uid == 0 and stat.S_IMODE(info.st_mode) == 0o700  # runs as root in CUPS
    assert stat.S_IMODE(spool.stat().st_mode) == 0o711
    assert cups.run("lpstat", "-v", "FaxDesk").stdout.strip() == (
        f"device for FaxDesk: faxdesk:{spool}")
    assert (prefix / "share" / "applications" / "io.github.faxdesk.FaxDesk.desktop").is_file()

    # It prints, for the user who printed; another account cannot print as someone else.
    pdf = cups.root / "input.pdf"
    make_pdf(pdf, 2).chmod(0o644)
    job = cups.print_file("FaxDesk", pdf, "-t", "Installed")
    cups.wait_completed("FaxDesk", job)
    refused = cups.run("lp", "-U", "root", "-d", "FaxDesk", str(pdf), user=65534, check=False)
    assert refused.returncode != 0
    spooled = PrintSpool.for_user(tmp_path / "data", root=spool)
    assert [j.name for j in spooled.waiting()] == ["Installed"]
    assert cups.run("lpstat", "-p", "FaxDesk").stdout.startswith("printer FaxDesk is idle")

    # Uninstall: the queue and the backend go; a job nobody collected yet stays.
    gone = script(cups, "--uninstall", str(prefix))
    assert gone.returncode == 0, gone.stderr
    assert "still holds print jobs not collected" in gone.stdout
    assert cups.run("lpstat", "-p", "FaxDesk", check=False).returncode != 0
    assert not backend.exists()
    assert not (prefix / "share" / "applications" / "io.github.faxdesk.FaxDesk.desktop").exists()
    assert [j.name for j in spooled.waiting()] == ["Installed"]
    for job_ in spooled.waiting():
        spooled.complete(spooled.claim(job_))
    again = script(cups, "--uninstall", str(prefix))
    assert again.returncode == 0 and "Removed the printer FaxDesk\n" in again.stdout
    assert not spool.exists()


def test_staged_and_no_printer_installs_leave_cups_alone(
    cups: PrivateCups, tmp_path: Path
) -> None:
    # --no-printer: desktop files only.
    done = script(cups, "--no-printer", str(tmp_path / "plain"))
    assert done.returncode == 0, done.stderr
    assert "Added the printer" not in done.stdout
    assert not (cups.root / "lib" / "backend" / "faxdesk").exists()
    # Staged for a distro package: the backend is staged (0700), the queue is the package's
    # post-install job, so CUPS is not touched.
    stage = tmp_path / "stage"
    env_stage = script_env(cups, DESTDIR=str(stage))
    staged = subprocess.run(["sh", str(SCRIPT), "/usr"], env=env_stage, capture_output=True,
                            text=True, timeout=300, check=False)
    assert staged.returncode == 0, staged.stderr
    backend = stage / str(cups.root / "lib" / "backend" / "faxdesk").lstrip("/")
    assert stat.S_IMODE(backend.stat().st_mode) == 0o700
    assert cups.run("lpstat", "-p", "FaxDesk", check=False).returncode != 0


def script_env(cups: PrivateCups, **extra: str) -> dict[str, str]:
    env = {**cups.env, "FAXDESK_CUPS_SERVERBIN": str(cups.root / "lib"),
           "FAXDESK_PRINT_SPOOL": str(cups.root / "faxdesk-spool"), "PYTHON": sys.executable,
           "QT_QPA_PLATFORM": "offscreen", **extra}
    for name in ("FLATPAK_ID", "FLATPAK_DEST"):
        env.pop(name, None)
    return env
