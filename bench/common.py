"""Shared helpers for the FaxDesk benchmarks: figures, targets, a table, and JSON output.

Benchmarks print figures; they never pass or fail a build. Each figure is compared with its
target (and, where the issue asks, with a floor or rival measured in the same run, because
absolute times on a shared machine drift). The load average is recorded beside the figures for
the same reason.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO_ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
# Standalone runs import this checkout's faxdesk; an explicit PYTHONPATH still comes first.
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))


def is_quick() -> bool:
    """--quick (or FAXDESK_BENCH_QUICK=1): fewer runs and smaller loads, same figures."""
    return os.environ.get("FAXDESK_BENCH_QUICK") == "1"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, name: str, value: float, unit: str, *, target: str = "",
            met: bool | None = None, note: str = "") -> Figure:
        fig = Figure(name, round(value, 4), unit, target, met, note)
        self.figures.append(fig)
        return fig

    def note(self, text: str) -> None:
        self.notes.append(text)

    def print(self) -> None:
        print(f"\n== {self.title} ==")
        width = max((len(f.name) for f in self.figures), default=10)
        for f in self.figures:
            verdict = "" if f.met is None else ("  met" if f.met else "  MISSED")
            target = f"  (target {f.target})" if f.target else ""
            note = f"  [{f.note}]" if f.note else ""
            print(f"  {f.name:<{width}}  {f.value:>12,.3f} {f.unit:<6}{target}{verdict}{note}")
        for text in self.notes:
            print(f"  note: {text}")
        print(f"  ({self.seconds:.1f} s, load average {load_text()})")

    def write_json(self, name: str, directory: Path | None = None) -> Path:
        out = directory or RESULTS_DIR
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}.json"
        payload = {
            "title": self.title,
            "machine": machine_info(),
            "quick": is_quick(),
            "seconds": round(self.seconds, 2),
            "figures": [asdict(f) for f in self.figures],
            "notes": self.notes,
        }
        path.write_text(json.dumps(payload, indent=2))
        return path


def load_text() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def machine_info() -> dict[str, object]:
    try:
        load: list[float] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    return {"python": sys.version.split()[0], "platform": platform.platform(),
            "cpus": os.cpu_count(), "load_average": load,
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def free_port() -> int:
    """A loopback port free right now (for a listener another process will bind)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a benchmark subprocess: PYTHONPATH, then this checkout; offscreen Qt."""
    env = dict(os.environ)
    path = env.get("PYTHONPATH", "")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (path, str(REPO_ROOT), str(BENCH_DIR)) if p)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def require(*modules: str) -> None:
    """Import these parts of FaxDesk now, so a checkout without them says so (`not run`)."""
    import importlib

    for module in modules:
        importlib.import_module(module)


def run_standalone(name: str, main: Callable[[], Report]) -> Report:
    """`python bench/bench_<name>.py [--quick] [--json DIR]`: run, print the table, write JSON."""
    parser = argparse.ArgumentParser(description=f"FaxDesk benchmark: {name}")
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller loads")
    parser.add_argument("--json", metavar="DIR", type=Path, default=None,
                        help=f"where to write {name}.json (default bench/results)")
    args = parser.parse_args()
    if args.quick:
        os.environ["FAXDESK_BENCH_QUICK"] = "1"
    start = time.perf_counter()
    try:
        report = main()
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("faxdesk"):
            raise
        # A part of FaxDesk this benchmark measures is not in this tree (yet): say so, no figures.
        report = Report(f"{name}: not run")
        report.note(f"needs {exc.name}, which this checkout does not have")
    report.seconds = time.perf_counter() - start
    report.print()
    path = report.write_json(name, args.json)
    print(f"  -> {path}")
    return report
