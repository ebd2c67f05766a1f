"""Set-up: `scripts/faxdesk --sandbox` on a fresh clone to the first painted main window, the way a
newcomer meets it, with uv and with venv + pip, first start and second start, in one run.

    python3 bench/setup_time.py [--runs N] [--before REV] [--ways uv,pip] [--json DIR]

Any Python >= 3.11 runs it (standard library only: it needs no .venv, it times making one). Each
first start clones this repository's HEAD (commit first: the clone has only what is committed)
into a new folder and runs `scripts/faxdesk --sandbox` there; the second start runs it again in
the same clone. PATH is stripped of any `uv`, as on a machine that never had it, so the uv way
includes fetching uv. "Empty caches": XDG_CACHE_HOME is a new empty folder (the uv release
scripts/bootstrap.sh keeps there, uv's and pip's download caches). "Warm caches": the folder the
empty run just filled, used by a second fresh clone. `--before REV` times the set-up of an older
commit the same way (e.g. the last one before the lock).

The paint is noted by bench/_paint_probe/sitecustomize.py (on PYTHONPATH): the first painted
main window writes `time.monotonic()` to a file and quits the app; CLOCK_MONOTONIC is system-wide,
so the time before `Popen` is subtracted. Qt runs offscreen. "app alone" starts the clone's
`.venv/bin/python -m faxdesk --sandbox` directly: a second start should cost no more than that.
Downloads make the empty-cache figures depend on the link to the package index.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DIR, REPO_ROOT, Report, load_text

PROBE_DIR = BENCH_DIR / "_paint_probe"
TARGET_S = 20.0


def path_without_uv() -> str:
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(d for d in dirs if d and not (Path(d) / "uv").exists())


def start_env(cache: Path, home: Path, way: str) -> dict[str, str]:
    # A newcomer's shell: none of this machine's FaxDesk, uv, pip-cache or bytecode settings.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FAXDESK_", "UV_", "PIP_CACHE", "VIRTUAL_ENV", "PYTHONPATH",
                                "PYTHONDONTWRITEBYTECODE"))}
    env.update({
        "PATH": path_without_uv(),
        "XDG_CACHE_HOME": str(cache),
        # The app's own settings and data: a user of its own for every start.
        "FAXDESK_HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
        "PYTHONPATH": str(PROBE_DIR), "FAXDESK_PAINT_REPORT": str(home / "painted"),
        "QT_QPA_PLATFORM": "offscreen",
    })
    if way == "pip":
        env["FAXDESK_NO_UV"] = "1"
    return env


def time_to_paint(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from before the command starts to the app's first painted frame, and its stderr."""
    report = Path(env["FAXDESK_PAINT_REPORT"])
    report.unlink(missing_ok=True)
    start = time.monotonic()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    if not report.exists():
        raise RuntimeError(f"{' '.join(cmd)} painted no window (exit {done.returncode}):\n"
                           f"{done.stderr[-3000:]}")
    return float(report.read_text()) - start, done.stderr


def clone(rev: str, into: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(REPO_ROOT), str(into)],
                   check=True)
    subprocess.run(["git", "-C", str(into), "checkout", "--quiet", rev], check=True)
    return into


def one_way(label: str, rev: str, way: str, cache: Path, work: Path,
            verbose: bool) -> dict[str, float]:
    """First and second start on a fresh clone, and the app alone, with the given cache folder."""
    checkout = clone(rev, work / "clone")
    home = work / "home"
    try:
        env = start_env(cache, home, way)
        figures: dict[str, float] = {}
        for start in ("first", "second"):
            home.mkdir()
            seconds, stderr = time_to_paint(["bash", "scripts/faxdesk", "--sandbox"], checkout, env)
            figures[start] = seconds
            if verbose or start == "first":
                shown = "".join(f"      {line}\n" for line in stderr.splitlines()
                                if line.startswith("[faxdesk]"))
                print(f"  {label}, {start} start: {seconds:.1f} s\n{shown}", end="", flush=True)
            shutil.rmtree(home)
        home.mkdir()
        figures["alone"], _ = time_to_paint(
            [str(checkout / ".venv" / "bin" / "python"), "-m", "faxdesk", "--sandbox"],
            checkout, env)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="rounds of every variant (median)")
    parser.add_argument("--ways", default="uv,pip", help="uv, pip or both (default uv,pip)")
    parser.add_argument("--before", metavar="REV", help="also time the set-up of this commit")
    parser.add_argument("--json", metavar="DIR", type=Path, default=None,
                        help="where to write setup.json (default bench/results)")
    parser.add_argument("--verbose", action="store_true", help="show the set-up's lines always")
    args = parser.parse_args()
    head = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    variants = [(way, way, "HEAD") for way in args.ways.split(",")]
    if args.before:
        variants.append((f"before ({args.before})", "before", args.before))
    print(f"Set-up timing on fresh clones of {head}; load average {load_text()}", flush=True)

    began = time.perf_counter()
    results: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for label, way, rev in variants:
            with tempfile.TemporaryDirectory(prefix="faxdesk-setup-bench-") as tmp:
                cache = Path(tmp) / "cache"
                cache.mkdir()
                for caches in ("empty caches", "warm caches"):  # warm: the cache just filled
                    figures = one_way(f"{label}, {caches}", rev, way, cache, Path(tmp) / "work",
                                      args.verbose)
                    for start, seconds in figures.items():
                        results.setdefault((f"{label}, {caches}", start), []).append(seconds)

    report = Report(f"scripts/faxdesk --sandbox on a fresh clone to the first painted window "
                    f"(offscreen, {args.runs} run{'s' if args.runs > 1 else ''})")
    names = {"first": "first start (fresh clone)", "second": "second start",
             "alone": "app alone (.venv/bin/python -m faxdesk)"}
    for (variant, start), values in results.items():
        value = statistics.median(values)
        spread = f"min {min(values):.1f}, max {max(values):.1f}" if len(values) > 1 else ""
        held = start == "first" and variant.startswith("uv,")  # the way a newcomer gets
        report.add(f"{variant}: {names[start]}", value, "s",
                   target=f"<= {TARGET_S:.0f} s" if held else "",
                   met=value <= TARGET_S if held else None, note=spread)
    report.seconds = time.perf_counter() - began
    report.print()
    print(f"  -> {report.write_json('setup', args.json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
