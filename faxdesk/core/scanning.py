"""Scan to fax with SANE's own front end, ``scanimage``: list scanners, scan a page or a whole
feeder at fax resolution, and make one PDF of the pages. No Qt here.

Why ``scanimage`` rather than a Python binding (python-sane): it is SANE's reference front end,
installed with every SANE (Debian/Ubuntu ``sane-utils``), and needs no compiler or headers. Each
scan runs in its own process, so a driver that crashes or hangs takes ``scanimage`` down, not
FaxDesk, and cancelling is a signal: SIGINT makes it call ``sane_cancel`` and stop cleanly. Its
output is read from stable, machine-oriented forms: ``-f`` for the device list, ``-A`` for a
device's options, ``--progress`` and the batch messages while scanning (all with ``LC_ALL=C``).

Pages are scanned in grey at 200 dpi (or the nearest resolution the scanner offers, then
resampled) and made black-and-white here, with one threshold for every scanner, and stored as
CCITT Group 4 (what fax machines send); "grey" keeps shades for photos (JPEG).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PIL import Image

from faxdesk.core.paths import atomic_write_bytes

log = logging.getLogger(__name__)

FAX_DPI = 200
BW_THRESHOLD = 160  # the same threshold as "make smaller" (documents/rerender.py)
LIST_TIMEOUT = 90.0  # network scanners (escl, airscan) can take a while to answer
CANCEL_GRACE = 10.0  # after SIGINT, how long scanimage may take to stop before it is killed
# A scanner that says nothing for this long (no progress, no end) has stopped answering; a lamp
# warming up takes well under a minute.
STALL_TIMEOUT = 120.0
ColorMode = Literal["bw", "gray"]

_FEEDER = re.compile(r"adf|feeder|automatic", re.IGNORECASE)
_DUPLEX = re.compile(r"duplex", re.IGNORECASE)
_GRAY = ("gray", "grey", "grayscale", "greyscale", "true gray", "8bit gray")
_OPTION = re.compile(r"^\s+--([A-Za-z0-9-]+)(?:\[=\([^)]*\)\])?\s+(.*?)\s+\[(.*)\]\s*$")


class ScanError(Exception):
    """A scan could not be made; ``str()`` says why in words a person can act on."""

    def __init__(self, message: str, kind: str = "failed") -> None:
        super().__init__(message)
        self.kind = kind


class ScanCancelled(ScanError):
    def __init__(self) -> None:
        super().__init__("The scan was cancelled.", "cancelled")


@dataclass(frozen=True, slots=True)
class ScannerDevice:
    name: str  # SANE's device name, e.g. "epson2:libusb:001:004"
    vendor: str
    model: str
    kind: str  # "flatbed scanner", "virtual device"...

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p and p != "Noname") or self.name


@dataclass(frozen=True, slots=True)
class ScannerOptions:
    """What a device offers, from ``scanimage -A``."""

    modes: tuple[str, ...] = ()
    resolutions: tuple[int, ...] = ()  # a list of allowed values...
    resolution_range: tuple[int, int] | None = None  # ...or a range
    sources: tuple[str, ...] = ()
    depths: tuple[int, ...] = ()

    @property
    def has_feeder(self) -> bool:
        return any(_FEEDER.search(s) for s in self.sources)

    def resolution(self, wanted: int = FAX_DPI) -> int | None:
        """The allowed resolution nearest to `wanted`, preferring one at least as fine."""
        if self.resolution_range is not None:
            low, high = self.resolution_range
            return min(max(wanted, low), high)
        if not self.resolutions:
            return None
        finer = [r for r in self.resolutions if r >= wanted]
        return min(finer) if finer else max(self.resolutions)

    def gray_mode(self) -> str | None:
        for mode in self.modes:
            if mode.lower() in _GRAY:
                return mode
        return next((m for m in self.modes if "gray" in m.lower() or "grey" in m.lower()),
                    None)

    def source(self, feeder: bool) -> str | None:
        if not self.sources:
            return None
        if feeder:
            feeders = [s for s in self.sources if _FEEDER.search(s)]
            simplex = [s for s in feeders if not _DUPLEX.search(s)]
            return (simplex or feeders)[0] if feeders else None
        flatbed = [s for s in self.sources if not _FEEDER.search(s)]
        return flatbed[0] if flatbed else None


@dataclass(frozen=True, slots=True)
class ScanProgress:
    page: int  # 1-based page being scanned
    percent: float  # of that page


@dataclass(frozen=True, slots=True)
class ScanResult:
    document: Path  # one PDF with every page scanned
    pages: int
    warning: str | None = None  # e.g. the feeder jammed after some pages (those are kept)


@dataclass(frozen=True, slots=True)
class ScanSettings:
    device: str
    color: ColorMode = "bw"
    feeder: bool = False  # the whole document feeder, else one page from the glass
    dpi: int = FAX_DPI
    extra_args: tuple[str, ...] = field(default=())  # device-specific scanimage options


# --- finding scanners ------------------------------------------------------------------------


def scanimage_program() -> str:
    path = shutil.which("scanimage")
    if path is None:
        raise ScanError("Scanning needs SANE's scanimage program, which is not installed "
                        "(on Debian and Ubuntu it is in the sane-utils package).",
                        "not-installed")
    return path


def _env() -> dict[str, str]:
    # SANE's messages are parsed: keep them in English whatever the desktop's language.
    env = dict(os.environ)
    env.update(LC_ALL="C", LANG="C", LANGUAGE="")
    return env


def list_devices(timeout: float = LIST_TIMEOUT) -> list[ScannerDevice]:
    """The scanners SANE sees now (an empty list when there are none)."""
    program = scanimage_program()
    try:
        done = subprocess.run([program, "-f", "%d\t%v\t%m\t%t%n"], capture_output=True,
                              text=True, timeout=timeout, env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise ScanError(f"Looking for scanners took longer than {timeout:g} seconds. A "
                        "network scanner may not be answering; try again.", "failed") from None
    devices = []
    for line in done.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0]:
            devices.append(ScannerDevice(*parts))
    return devices


def device_options(device: str, timeout: float = LIST_TIMEOUT) -> ScannerOptions:
    """A device's modes, resolutions and sources (raises ScanError when it cannot be opened)."""
    program = scanimage_program()
    try:
        done = subprocess.run([program, "-d", device, "-A"], capture_output=True, text=True,
                              timeout=timeout, env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise ScanError("The scanner did not answer. Check that it is switched on.",
                        "gone") from None
    if done.returncode != 0:
        raise _error(done.stderr, device)
    return parse_options(done.stdout)


def parse_options(text: str) -> ScannerOptions:
    values: dict[str, str] = {}
    for line in text.splitlines():
        match = _OPTION.match(line)
        if match and match.group(1) not in values:
            values[match.group(1)] = match.group(2)
    modes = tuple(v for v in values.get("mode", "").split("|") if v)
    sources = tuple(v for v in values.get("source", "").split("|") if v)
    depths = tuple(int(v) for v in re.findall(r"\d+", values.get("depth", "")))
    resolution = values.get("resolution", "")
    spread = re.match(r"^(\d+)\.\.(\d+)", resolution)
    if spread:
        return ScannerOptions(modes, (), (int(spread.group(1)), int(spread.group(2))), sources,
                              depths)
    listed = tuple(int(float(v)) for v in re.findall(r"\d+(?:\.\d+)?", resolution.split("dpi")[0]))
    return ScannerOptions(modes, listed, None, sources, depths)


# --- scanning -----------------------------------------------------------------------------------


def scan(settings: ScanSettings, dest: Path, *,
         progress: Callable[[ScanProgress], None] | None = None,
         cancel: threading.Event | None = None,
         options: ScannerOptions | None = None) -> ScanResult:
    """Scan into one PDF at `dest`. Blocking: run it on a worker thread.

    `cancel` set → scanimage is interrupted and ScanCancelled raised (nothing is written).
    """
    program = scanimage_program()
    opts = options if options is not None else device_options(settings.device)
    if settings.feeder and not opts.has_feeder:
        raise ScanError("This scanner has no document feeder. Scan one page from the glass.",
                        "no-feeder")
    resolution = opts.resolution(settings.dpi) or settings.dpi
    args = [program, "-d", settings.device, "--progress", "--format=pnm"]
    if opts.resolutions or opts.resolution_range:
        args.append(f"--resolution={resolution}")
    mode = opts.gray_mode()
    if mode:
        args.append(f"--mode={mode}")
    if 8 in opts.depths:
        args.append("--depth=8")
    source = opts.source(settings.feeder)
    if source:
        args.append(f"--source={source}")
    with tempfile.TemporaryDirectory(prefix="faxdesk-scan-") as work:
        args.append(f"--batch={Path(work) / 'page-%04d.pnm'}")
        if not settings.feeder:
            args.append("--batch-count=1")
        args.extend(settings.extra_args)
        stderr = _run(args, progress, cancel)
        pages = sorted(Path(work).glob("page-*.pnm"))
        problem = _problem(stderr, settings.device, scanned=len(pages))
        if not pages:
            raise problem or ScanError("The scanner returned no page. Check that the "
                                       "document is in place and scan again.", "failed")
        count = _write_pdf(pages, dest, resolution, settings.color, settings.dpi)
    return ScanResult(dest, count, str(problem) if problem else None)


def _run(args: Sequence[str], progress: Callable[[ScanProgress], None] | None,
         cancel: threading.Event | None) -> str:
    """Run scanimage, reporting progress, until it ends or `cancel` is set; its stderr."""
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=_env())
    assert process.stderr is not None
    fd = process.stderr.fileno()
    os.set_blocking(fd, False)
    collected = bytearray()
    pending = b""
    page = 1
    interrupted_at: float | None = None
    stalled = False
    heard_at = time.monotonic()
    # When scanimage has said what went wrong, it ends at once; a driver that hangs in its
    # clean-up afterwards must not keep the person waiting for the stall timeout.
    failed_at: float | None = None
    try:
        while True:
            if cancel is not None and cancel.is_set() and interrupted_at is None:
                process.send_signal(signal.SIGINT)  # scanimage calls sane_cancel and stops
                interrupted_at = time.monotonic()
            if interrupted_at is None and time.monotonic() - heard_at > STALL_TIMEOUT:
                stalled = True  # never wait for ever on a driver that hangs
                process.send_signal(signal.SIGINT)
                interrupted_at = time.monotonic()
            if interrupted_at is not None and time.monotonic() - interrupted_at > CANCEL_GRACE:
                process.kill()
            if failed_at is not None and time.monotonic() - failed_at > CANCEL_GRACE:
                process.kill()
            ready, _, _ = select.select([fd], [], [], 0.1)
            chunk = b""
            if ready:
                with contextlib.suppress(BlockingIOError):
                    chunk = os.read(fd, 65536)
                if not chunk and process.poll() is not None:
                    break
            elif process.poll() is not None:
                with contextlib.suppress(BlockingIOError):
                    chunk = os.read(fd, 65536)
                if not chunk:
                    break
            if chunk:
                heard_at = time.monotonic()
            collected += chunk
            pending += chunk
            *lines, pending = re.split(rb"[\r\n]", pending)
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if failed_at is None and _is_failure(line):
                    failed_at = time.monotonic()
                started = re.match(r"Scanning page (\d+)", line)
                if started:
                    page = int(started.group(1))
                    if progress is not None:
                        progress(ScanProgress(page, 0.0))
                done = re.match(r"Progress: ([\d.]+)%", line)
                if done and progress is not None:
                    progress(ScanProgress(page, float(done.group(1))))
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stderr.close()
    if stalled:
        raise ScanError(f"The scanner stopped answering: nothing came from it for "
                        f"{STALL_TIMEOUT:g} seconds. Check that it is on and connected, then "
                        "scan again.", "gone")
    if interrupted_at is not None:
        raise ScanCancelled()
    return collected.decode("utf-8", "replace")


# scanimage's last words → what happened, in words a person can act on.
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    ("Error during device I/O", "gone",
     "The scanner stopped answering during the scan: it may have been unplugged or switched "
     "off. Check it and scan again."),
    ("open of device", "gone",
     "The scanner “{device}” cannot be reached any more. Check its cable or network and that "
     "it is switched on, then look for scanners again."),
    ("Invalid argument", "gone",
     "The scanner “{device}” cannot be reached any more. Check its cable or network and that "
     "it is switched on, then look for scanners again."),
    ("Document feeder jammed", "jammed",
     "Paper is jammed in the scanner. Clear it and scan again."),
    ("Document feeder out of documents", "no-paper",
     "The document feeder is empty. Put the pages in the feeder and scan again."),
    ("Scanner cover is open", "cover-open",
     "The scanner's cover is open. Close it and scan again."),
    ("Device busy", "busy",
     "The scanner is busy, perhaps with another program. Try again in a moment."),
    ("Access to resource has been denied", "denied",
     "FaxDesk may not use this scanner. On Linux, your account may need to be in the "
     "“scanner” group; ask whoever looks after this computer."),
    ("Out of memory", "failed", "The scanner ran out of memory. Scan fewer pages at once."),
)


# What scanimage says when a signal reaches it (a backend's internal pipe closing after an error
# raises SIGPIPE there): not the problem itself, which was said before.
_SIGNAL_NOISE = re.compile(r"received signal|trying to stop scanner|: aborting$")


def _is_failure(line: str) -> bool:
    """A line in which scanimage says the scan failed (not a notice such as "rounded value of
    resolution", which it prints on scans that go on)."""
    if not line.startswith("scanimage:") or _SIGNAL_NOISE.search(line):
        return False
    return (line.startswith("scanimage: sane_")
            or any(needle in line for needle, _kind, _message in _PROBLEMS))


def _problem(stderr: str, device: str, *, scanned: int) -> ScanError | None:
    """The scan's problem, if any (an empty feeder after some pages is simply the end)."""
    lines = [ln.strip() for ln in re.split(r"[\r\n]", stderr)
             if ln.startswith("scanimage:") and not _SIGNAL_NOISE.search(ln)]
    if not lines:
        return None
    last = lines[-1]
    if "Document feeder out of documents" in last and scanned > 0:
        return None
    return _error(last, device, scanned=scanned)


def _error(stderr: str, device: str, *, scanned: int = 0) -> ScanError:
    for needle, kind, message in _PROBLEMS:
        if needle in stderr:
            text = message.format(device=device)
            if scanned:
                text = f"{scanned} page(s) were scanned and kept, then: {text}"
            return ScanError(text, kind)
    detail = stderr.strip().splitlines()[-1] if stderr.strip() else "no reason given"
    detail = detail.removeprefix("scanimage: ").strip()
    return ScanError(f"The scan failed ({detail}). Check the scanner and scan again.")


def _write_pdf(pages: Sequence[Path], dest: Path, scanned_dpi: int, color: ColorMode,
               dpi: int) -> int:
    """The scanned pages as one PDF at fax resolution; returns the page count."""
    images = []
    for path in pages:
        with Image.open(path) as im:
            image = im.convert("L")
        if scanned_dpi != dpi:
            size = (round(image.width * dpi / scanned_dpi), round(image.height * dpi / scanned_dpi))
            image = image.resize(size, Image.Resampling.LANCZOS)
        if color == "bw":
            image = image.point(lambda v: 255 if v >= BW_THRESHOLD else 0).convert(
                "1", dither=Image.Dither.NONE)
        images.append(image)
    out = io.BytesIO()
    extra = {"quality": 60} if color == "gray" else {}  # JPEG; 1-bit pages are CCITT G4
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True,
                   append_images=images[1:], **extra)
    atomic_write_bytes(dest, out.getvalue())
    return len(images)
