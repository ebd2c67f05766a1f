"""Shared helpers for the FaxDesk benchmarks: figures, targets, a table, and JSON output.

Benchmarks print figures; they never pass or fail a build. Each figure is compared with its
target (and, where the issue asks, with a floor or rival measured in the same run, because
absolute times on a shared machine drift).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO_ROOT / "bench" / "results"


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

    def add(self, name: str, value: float, unit: str, *, target: str = "",
            met: bool | None = None, note: str = "") -> Figure:
        fig = Figure(name, round(value, 4), unit, target, met, note)
        self.figures.append(fig)
        return fig

    def print(self) -> None:
        print(f"\n== {self.title} ==")
        width = max((len(f.name) for f in self.figures), default=10)
        for f in self.figures:
            verdict = "" if f.met is None else ("  met" if f.met else "  MISSED")
            target = f"  (target {f.target})" if f.target else ""
            note = f"  [{f.note}]" if f.note else ""
            print(f"  {f.name:<{width}}  {f.value:>12,.3f} {f.unit:<6}{target}{verdict}{note}")

    def write_json(self, name: str) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"{name}.json"
        payload = {
            "title": self.title,
            "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                        "cpus": os.cpu_count()},
            "figures": [asdict(f) for f in self.figures],
        }
        path.write_text(json.dumps(payload, indent=2))
        return path


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]
