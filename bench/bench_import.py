"""`import faxdesk.api` against `import telnyx` (the official SDK), each in a fresh process.

Target: the FaxDesk API layer imports at least 10x faster than the SDK. The SDK is not a
dependency of FaxDesk; `scripts/bench` installs it into the bench environment for this comparison.
"""

from __future__ import annotations

import subprocess
import sys

from common import Report, child_env, is_quick, median, run_standalone

SNIPPET = "import time; t=time.perf_counter(); import {mod}; print(time.perf_counter()-t)"


def time_import(module: str, runs: int, python: str = sys.executable) -> list[float]:
    times = []
    for _ in range(runs):
        out = subprocess.run([python, "-c", SNIPPET.format(mod=module)], check=True,
                             capture_output=True, text=True, env=child_env()).stdout
        times.append(float(out.strip()))
    return times


def main() -> Report:
    runs = 2 if is_quick() else 5
    report = Report(f"Import time (fresh process, median of {runs})")
    ours = median(time_import("faxdesk.api", runs))
    report.add("import faxdesk.api", ours * 1000, "ms", target="< 200 ms", met=ours < 0.2)
    try:
        sdk = median(time_import("telnyx", runs))
    except subprocess.CalledProcessError:
        report.add("import telnyx (SDK)", float("nan"), "ms",
                   note="telnyx not installed: scripts/bench installs it")
        return report
    report.add("import telnyx (SDK)", sdk * 1000, "ms")
    report.add("SDK / faxdesk.api", sdk / ours, "x", target=">= 10x", met=sdk / ours >= 10)
    return report


if __name__ == "__main__":
    run_standalone("import", main)
