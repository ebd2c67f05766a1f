"""Scanning with SANE's real `scanimage` and its `test` device: pages at fax resolution, a whole
feeder, progress, cancelling, and words for every way a scan goes wrong."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from faxdesk.core.documents import PDFIUM_LOCK
from faxdesk.core.documents.pdfium_lock import close_bitmap
from faxdesk.core.scanning import (
    ScanCancelled,
    ScanError,
    ScannerOptions,
    ScanProgress,
    ScanSettings,
    device_options,
    list_devices,
    parse_options,
    scan,
)
from tests.support.sane import sane_config

MM = 72 / 25.4


@pytest.fixture
def scanner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two SANE test devices drawing a grid (black lines on white)."""
    folder = sane_config(tmp_path / "sane")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
    return folder


def processes_using(sane_dir: Path) -> list[int]:
    """Live processes started with this SANE configuration (our scanimage runs)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"SANE_CONFIG_DIR={sane_dir}".encode() in environ and proc.name != str(os.getpid()):
            found.append(int(proc.name))
    return found


def ink(pdf: Path, page: int = 0) -> tuple[int, int]:
    """(darkest, lightest) grey level of a rendered page."""
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            bitmap = doc[page].render(scale=1, grayscale=True)
            try:
                lo, hi = bitmap.to_pil().convert("L").getextrema()
            finally:
                close_bitmap(bitmap)
        finally:
            doc.close()
    return int(lo), int(hi)


def test_the_test_devices_are_listed(scanner: Path) -> None:
    devices = list_devices()
    assert [d.name for d in devices] == ["test:0", "test:1"]
    assert devices[0].label == "frontend-tester" and devices[0].kind == "virtual device"


def test_with_no_scanner_the_list_is_empty(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(tmp_path / "none", backends="")))
    assert list_devices() == []


def test_one_page_in_black_and_white_at_200_dpi(scanner: Path, tmp_path: Path) -> None:
    seen: list[ScanProgress] = []
    result = scan(ScanSettings("test:0"), tmp_path / "scan.pdf", progress=seen.append)
    assert result.pages == 1 and result.warning is None
    page = PdfReader(result.document).pages[0]
    # The test device's default area is 80 x 100 mm: the page keeps that size at 200 dpi.
    assert abs(float(page.mediabox.width) - 80 * MM) < 1.5
    assert abs(float(page.mediabox.height) - 100 * MM) < 1.5
    (image,) = page.images
    assert image.image.mode == "1"  # stored 1-bit (CCITT G4), as fax machines send
    assert abs(image.image.width - 630) <= 2 and abs(image.image.height - 787) <= 2
    lo, hi = ink(result.document)
    assert lo == 0 and hi == 255  # the grid's black lines on white
    assert seen[0] == ScanProgress(1, 0.0) and seen[-1] == ScanProgress(1, 100.0)
    assert [p.percent for p in seen] == sorted(p.percent for p in seen)


def test_a_whole_feeder_in_grey_with_progress_page_by_page(scanner: Path,
                                                           tmp_path: Path) -> None:
    seen: list[ScanProgress] = []
    result = scan(ScanSettings("test:1", color="gray", feeder=True), tmp_path / "feeder.pdf",
                  progress=seen.append)
    assert result.pages == 10  # the test device's feeder holds ten sheets
    assert len(PdfReader(result.document).pages) == 10
    # Each sheet reported to 100 %; the feeder is then tried once more and found empty.
    assert sorted({p.page for p in seen if p.percent == 100.0}) == list(range(1, 11))
    assert {p.page for p in seen} - set(range(1, 11)) <= {11}
    (image,) = PdfReader(result.document).pages[3].images
    assert image.image.mode == "L"  # grey kept for photos


def test_a_scanner_offering_only_coarser_resolutions_is_resampled_to_200_dpi(
    scanner: Path, tmp_path: Path
) -> None:
    options = parse_options("  Scan Mode:\n    --mode Lineart|Gray|Color [Color]\n"
                            "    --resolution 75|150|300|600dpi [75]\n")
    assert options.resolution(200) == 300 and options.gray_mode() == "Gray"
    real = device_options("test:0")
    coarse = ScannerOptions(modes=real.modes, resolutions=(300,), sources=real.sources,
                            depths=real.depths)
    result = scan(ScanSettings("test:0"), tmp_path / "resampled.pdf", options=coarse)
    (image,) = PdfReader(result.document).pages[0].images
    assert abs(image.image.width - 630) <= 2  # 80 mm at 200 dpi, not at 300


def test_cancelling_stops_scanimage_and_keeps_nothing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    slow = sane_config(tmp_path / "slow", read_limit=True, read_limit_size=2048,
                       read_delay=True, read_delay_duration=20000)
    monkeypatch.setenv("SANE_CONFIG_DIR", str(slow))
    cancel = threading.Event()
    started = threading.Event()

    def progress(step: ScanProgress) -> None:
        if step.percent > 0:
            started.set()
            cancel.set()

    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            scan(ScanSettings("test:0"), tmp_path / "cancelled.pdf", progress=progress,
                 cancel=cancel)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(120)
    assert started.is_set() and not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], ScanCancelled)
    assert str(outcome[0]) == "The scan was cancelled."
    assert not (tmp_path / "cancelled.pdf").exists()
    assert processes_using(slow) == []  # no scanimage left behind


@pytest.mark.parametrize(("status", "kind", "words"), [
    ("SANE_STATUS_IO_ERROR", "gone", "The scanner stopped answering during the scan: it may "
                                     "have been unplugged or switched off."),
    ("SANE_STATUS_JAMMED", "jammed", "Paper is jammed in the scanner."),
    ("SANE_STATUS_COVER_OPEN", "cover-open", "The scanner's cover is open."),
    ("SANE_STATUS_ACCESS_DENIED", "denied", "FaxDesk may not use this scanner."),
])
def test_a_scanner_that_fails_mid_scan_is_explained_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: str, kind: str, words: str
) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR",
                       str(sane_config(tmp_path / "bad", read_status_code=f'"{status}"')))
    with pytest.raises(ScanError) as caught:
        scan(ScanSettings("test:0"), tmp_path / "x.pdf")
    assert caught.value.kind == kind
    assert str(caught.value).startswith(words)
    assert "SANE_STATUS" not in str(caught.value) and "scanimage" not in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()


def test_a_scanner_that_is_gone_and_one_without_a_feeder_are_refused_in_words(
    scanner: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ScanError, match="“test:7” cannot be reached any more") as gone:
        scan(ScanSettings("test:7"), tmp_path / "x.pdf")
    assert gone.value.kind == "gone"
    flatbed_only = ScannerOptions(modes=("Gray",), resolution_range=(50, 600))
    with pytest.raises(ScanError, match="This scanner has no document feeder"):
        scan(ScanSettings("test:0", feeder=True), tmp_path / "x.pdf", options=flatbed_only)
    monkeypatch.setenv("PATH", str(tmp_path))  # no scanimage anywhere
    with pytest.raises(ScanError, match="sane-utils package") as missing:
        list_devices()
    assert missing.value.kind == "not-installed"


def test_signal_messages_after_an_error_do_not_hide_it(scanner: Path) -> None:
    # SANE's test backend sometimes raises SIGPIPE inside scanimage after an I/O error;
    # scanimage then reports the signal last. The error is still the one the person reads.
    from faxdesk.core.scanning import _problem

    stderr = ("scanimage: sane_read: Error during device I/O\n"
              "scanimage: received signal 13\nscanimage: trying to stop scanner\n"
              "scanimage: received signal 13\nscanimage: aborting\n")
    problem = _problem(stderr, "test:0", scanned=0)
    assert problem is not None and problem.kind == "gone"
