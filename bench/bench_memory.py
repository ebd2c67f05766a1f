"""Memory: peak RSS of FaxDesk with a 10,000-fax history loaded in the main window, against a bare
PySide6 QMainWindow measured in the same run (target: at most 60 MB more).

FaxDesk starts as on any day after the first: the history is in its store (put there by another
process), the window loads it, the engine syncs what is new, and the table is then sorted,
filtered and searched. Also reported: the same with the whole history synced in the window's own
process just before (`after-sync`), which no start does (a first sync fetches 1,000 faxes), but
which shows what a long sync leaves behind. Peak RSS is the child's own `VmHWM` (`_peak.py`: not
`ru_maxrss`, which would report the parent's size).
"""

from __future__ import annotations

from common import Report, is_quick, percentile, require, run_standalone
from fixtures import run_load_child

LIMIT_MB = 60.0


def main() -> Report:
    require("faxdesk.core.engine", "faxdesk.ui.main_window")

    history = 1000 if is_quick() else 10_000
    report = Report(f"Memory with a {history:,}-fax history in the window (peak RSS)")
    bare = run_load_child("bare", history=0)
    ours = run_load_child("restart", history=history)
    extra = ours["peak_rss_mb"] - bare["peak_rss_mb"]
    report.add("bare PySide6 QMainWindow", bare["peak_rss_mb"], "MB")
    report.add(f"FaxDesk, {history:,} faxes loaded", ours["peak_rss_mb"], "MB",
               note=f"{ours['rss_after_load'][1]:.0f} MB right after loading")
    report.add("FaxDesk - bare", extra, "MB", target=f"<= +{LIMIT_MB:g} MB",
               met=extra <= LIMIT_MB)
    after_sync = run_load_child("after-sync", history=history)
    report.add(f"the same, {history:,} faxes synced in that process first",
               after_sync["peak_rss_mb"] - bare["peak_rss_mb"], "MB",
               note=f"{after_sync['peak_rss_mb']:.0f} MB peak")
    load = next(v for k, v in ours["gaps_ms"].items() if k.startswith("load from the store"))
    report.add("window start with the history in the store", ours["sync_seconds"], "s",
               note=f"max stall {max(load):.0f} ms, p99 {percentile(load, 99):.0f} ms "
                    "(same run)")
    return report


if __name__ == "__main__":
    run_standalone("memory", main)
