"""Run the FaxDesk benchmarks, each in its own process, then print every figure in one table.

`python bench/run.py [--quick] [--json DIR] [NAME...]` (scripts/bench wraps this). NAME is the part
after `bench_` of a module here: startup, import, responsiveness, memory, history, polling,
latency, sending, documents, documents_images. Figures are informative: the exit status is 0
even when a target is missed, and non-zero only when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from common import BENCH_DIR, RESULTS_DIR, child_env, load_text

ORDER = ("startup", "import", "responsiveness", "memory", "history", "polling", "latency",
         "sending", "documents", "documents_images")


def available() -> list[str]:
    found = {p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py")}
    return [n for n in ORDER if n in found] + sorted(found - set(ORDER))


def summary(names: list[str], out: Path) -> None:
    print("\n== All figures ==")
    rows = []
    for name in names:
        path = out / f"{name}.json"
        if not path.exists():
            rows.append((name, "(did not run)", "", "", ""))
            continue
        data = json.loads(path.read_text())
        if not data["figures"]:
            rows.append((name, "(not run: " + "; ".join(data.get("notes", [])) + ")", "", "", ""))
        for f in data["figures"]:
            verdict = "" if f["met"] is None else ("met" if f["met"] else "MISSED")
            rows.append((name, f["name"], f"{f['value']:,.3f} {f['unit']}", f["target"], verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(5)] if rows else [0] * 5
    for r in rows:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the FaxDesk benchmarks.")
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller loads (< 1 min)")
    parser.add_argument("--json", metavar="DIR", type=Path, default=RESULTS_DIR,
                        help="where to write NAME.json per benchmark (default bench/results)")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of {', '.join(ORDER)}")
    args = parser.parse_args()
    names = args.names or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (have {', '.join(available())})")
    print(f"FaxDesk benchmarks: {', '.join(names)}{' (quick)' if args.quick else ''}; "
          f"load average {load_text()}")
    failed = []
    start = time.perf_counter()
    for name in names:
        cmd = [sys.executable, str(BENCH_DIR / f"bench_{name}.py"), "--json", str(args.json)]
        if args.quick:
            cmd.append("--quick")
        if subprocess.run(cmd, env=child_env(), timeout=1800).returncode != 0:
            failed.append(name)
            print(f"  !! benchmark {name} failed to run")
    summary(names, args.json)
    print(f"\n{len(names) - len(failed)} of {len(names)} benchmarks ran in "
          f"{time.perf_counter() - start:.0f} s; results in {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
