"""Start-up: process start to the painted main window, offscreen, against a bare PySide6
QMainWindow started the same way in the same run (target: FaxDesk within 1.3x of the bare window).

Three FaxDesk start-ups, all through the real entry point:
- `faxdesk` on an account: settings and key as a returning user has them, the API being a sandbox
  in this (the parent) process, as Telnyx is elsewhere;
- the same with a history of 10,000 faxes in the store (synced here beforehand);
- `faxdesk --sandbox`: the embedded sandbox with demo data starts in the app's own process too.
Each gives two times: the first frame (the window with the stored history, painted before the
engine and the window's modules are loaded; held to the target) and the working window (FaxDesk's
`MainWindow` painted in its place). Runs alternate between the variants so a change in the
machine's load hits all; figures are medians. A first, uncounted run of each writes the bytecode
caches, as the first start on a user's machine does.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DIR, Report, child_env, is_quick, median, require, run_standalone

CHILD = str(BENCH_DIR / "_gui_first_paint.py")


def time_to_paint(mode: str, account: tuple[str, str] | None = None,
                  history: Path | None = None) -> tuple[float, float, float]:
    """Seconds from before the process starts to its first painted frame and to FaxDesk's
    working window painted, and peak RSS (MB). `history`: a data folder to start with."""
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
            if history is not None:
                shutil.copytree(history, Path(home) / "data")
        env = child_env(**extra)
        # As on a user's machine: bytecode is written on the first start and read after it
        # (this machine sets PYTHONDONTWRITEBYTECODE, which would compile FaxDesk every time).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.monotonic()
        out = subprocess.run([sys.executable, CHILD, mode], env=env, capture_output=True,
                             text=True, timeout=120)
    values = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    if "PAINTED" not in values or "READY" not in values:
        raise RuntimeError(f"{mode} start-up printed no paint time:\n{out.stdout}\n{out.stderr}")
    return (float(values["PAINTED"]) - start, float(values["READY"]) - start,
            int(values["MAXRSS"]) / 1024)


def stored_history(faxes: int, directory: Path) -> Path:
    """A data folder holding `faxes` faxes and a last sync time, as a long-time user has."""
    import math

    from faxdesk.core.engine import EngineConfig, FaxEngine
    from faxdesk.core.opening import client_factory
    from faxdesk.core.sync import SyncConfig
    from faxdesk.sandbox.server import SandboxServer

    data = directory / "data"
    with SandboxServer(seed_history=faxes) as seeded:
        engine = FaxEngine(data, client_factory(seeded.api_key, seeded.base_url), EngineConfig(
            sync=SyncConfig(initial_pages=math.ceil(faxes / 250) + 1)))
        try:
            engine.syncer.tick()
        finally:
            engine.stop()
    return data


MODES = {"bare": "bare", "bare_text": "bare_text", "account": "account", "history": "account",
         "sandbox": "sandbox"}


def main() -> Report:
    from faxdesk.sandbox.server import SandboxServer
    require("faxdesk.ui.app")  # without the window there is nothing to time

    # The bare window's start-up has a long tail on a shared machine (118-139 ms in one set of
    # 20): with 5 runs a median could land on either side of it, with 11 it is steady.
    runs = 2 if is_quick() else 11
    history_size = 1_000 if is_quick() else 10_000
    first: dict[str, list[float]] = {mode: [] for mode in MODES}
    ready: dict[str, list[float]] = {mode: [] for mode in MODES}
    with SandboxServer(demo=True) as sandbox, tempfile.TemporaryDirectory() as tmp:
        account = (sandbox.base_url, sandbox.api_key)
        history = stored_history(history_size, Path(tmp))

        def one(mode: str) -> tuple[float, float, float]:
            return time_to_paint(MODES[mode], account if mode in ("account", "history") else None,
                                 history if mode == "history" else None)

        for mode in MODES:  # write the bytecode caches and warm the page cache; not counted
            one(mode)
        for _ in range(runs):
            for mode in MODES:
                painted, working, _rss = one(mode)
                first[mode].append(painted)
                ready[mode].append(working)
    report = Report(f"Start-up to the first painted main window (offscreen, median of {runs})")

    def spread(values: list[float]) -> str:
        return f"min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}"

    bare = median(first["bare"])
    report.add("bare PySide6 QMainWindow", bare * 1000, "ms", note=spread(first["bare"]))
    # The floor paints no text; any window that shows words first loads the font system.
    text = median(first["bare_text"])
    report.add("bare QMainWindow with a menu bar and one line of text", text * 1000, "ms",
               note=spread(first["bare_text"]))
    labels = {"account": "FaxDesk on an account",
              "history": f"FaxDesk on an account, {history_size:,} faxes stored",
              "sandbox": "FaxDesk --sandbox (in-process sandbox)"}
    for mode, label in labels.items():
        painted = median(first[mode])
        report.add(f"{label}: first frame", painted * 1000, "ms", note=spread(first[mode]))
        report.add(f"{label}: first frame / bare", painted / bare, "x", target="<= 1.3x",
                   met=painted / bare <= 1.3)
        report.add(f"{label}: first frame / bare with text", painted / text, "x")
        report.add(f"{label}: working window painted", median(ready[mode]) * 1000, "ms",
                   note=spread(ready[mode]))
    report.note("bare with text: the same bare window showing a menu bar and one label; the "
                "difference to the bare window is mostly the font system's first use (~5 ms), "
                "which no window that shows words can skip")
    report.note("first frame: the window with the stored history and the last sync time, "
                "painted before the engine and the window's modules load; working window: "
                "FaxDesk's MainWindow painted in its place")
    return report


if __name__ == "__main__":
    run_standalone("startup", main)
