"""Start-up: process start to the painted main window, offscreen, against a bare PySide6
QMainWindow started the same way in the same run (target: FaxDesk within 1.3x of the bare window).

Two FaxDesk start-ups, both through the real entry point:
- `faxdesk` on an account: settings and key as a returning user has them, the API being a sandbox
  in this (the parent) process, as Telnyx is elsewhere. This is the figure held to the target.
- `faxdesk --sandbox`: the embedded sandbox with demo data starts in the app's own process too.
Runs alternate between the variants so a change in the machine's load hits all; figures are medians.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DIR, Report, child_env, is_quick, median, require, run_standalone

CHILD = str(BENCH_DIR / "_gui_first_paint.py")


def time_to_paint(mode: str, account: tuple[str, str] | None = None) -> tuple[float, float]:
    """Seconds from before the process starts to its first painted frame, and peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as home:
        # A user of its own: no settings, geometry or history from earlier runs (or the user's).
        extra = {"FAXDESK_HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home,
                 "XDG_CACHE_HOME": home, "XDG_STATE_HOME": home}
        if account is not None:
            base_url, key = account
            config = Path(home) / "config"
            config.mkdir()
            (config / "settings.json").write_text(json.dumps(
                {"first_run_done": True, "api_base_url": base_url}))
            extra |= {"PYTHON_KEYRING_BACKEND": "env_keyring.EnvKeyring",
                      "FAXDESK_BENCH_KEY": key}
        env = child_env(**extra)
        start = time.monotonic()
        out = subprocess.run([sys.executable, CHILD, mode], env=env, capture_output=True,
                             text=True, timeout=120)
    values = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    if "PAINTED" not in values:
        raise RuntimeError(f"{mode} start-up printed no paint time:\n{out.stdout}\n{out.stderr}")
    return float(values["PAINTED"]) - start, int(values["MAXRSS"]) / 1024


def main() -> Report:
    from faxdesk.sandbox.server import SandboxServer
    require("faxdesk.ui.app")  # without the window there is nothing to time

    runs = 2 if is_quick() else 5
    times: dict[str, list[float]] = {"bare": [], "account": [], "sandbox": []}
    with SandboxServer(demo=True) as sandbox:
        account = (sandbox.base_url, sandbox.api_key)
        for mode in () if is_quick() else times:  # warm the page cache; not counted
            time_to_paint(mode, account if mode == "account" else None)
        for _ in range(runs):
            for mode, values in times.items():
                values.append(time_to_paint(mode, account if mode == "account" else None)[0])
    report = Report(f"Start-up to the first painted main window (offscreen, median of {runs})")

    def spread(values: list[float]) -> str:
        return f"min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}"

    bare, acct, sbx = (median(times[m]) for m in ("bare", "account", "sandbox"))
    report.add("bare PySide6 QMainWindow", bare * 1000, "ms", note=spread(times["bare"]))
    report.add("FaxDesk on an account", acct * 1000, "ms", note=spread(times["account"]))
    report.add("FaxDesk / bare", acct / bare, "x", target="<= 1.3x", met=acct / bare <= 1.3)
    report.add("FaxDesk --sandbox (in-process sandbox)", sbx * 1000, "ms",
               note=spread(times["sandbox"]))
    report.add("FaxDesk --sandbox / bare", sbx / bare, "x")
    return report


if __name__ == "__main__":
    run_standalone("startup", main)
