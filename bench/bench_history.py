"""History at scale: the engine's first sync of a large history against the bare client listing
the same faxes in the same run (target: at most 1.5x), and how the costs grow from 10,000 to
100,000 faxes: the store on disk, the first sync, the window's start with that history in its
store, one sort of the table, and peak RSS.

- bare listing: a `TelnyxClient` made, then `iter_faxes(page_size=250)` to the end, every fax
  parsed, nothing stored (the floor: what fetching the history costs at all). Timed from the
  key and the address, as the sync is, which makes its own client.
- first sync: a `FaxEngine` on an empty store is started as the window starts it, and timed until
  its first sync has stored every fax (`initial_pages` raised to cover the history: by default
  the first sync fetches 1,000 faxes and the rest comes with use). Nobody listens for rows, as
  under the command line; the same sync with a listener of rows (what the window adds: each
  stored fax made the window's row and published) is reported beside it, without a target.
Both run in this process against a sandbox in its own process, alternating, median of 3 (one
run at 100,000). The window figures come from `_gui_load.py restart` (the history synced into the
store before the window opens, as on any start after the first).
"""

from __future__ import annotations

import math
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from common import Report, is_quick, median, percentile, require, run_standalone
from fixtures import ExternalSandbox, run_load_child

RATIO = 1.5


def bare_listing(sandbox: ExternalSandbox) -> tuple[float, int]:
    from faxdesk.api.client import TelnyxClient

    # Timed from the key and the address, as the sync is: each makes its own client.
    start = time.perf_counter()
    client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url)
    try:
        count = sum(1 for _ in client.iter_faxes(page_size=250))
        return time.perf_counter() - start, count
    finally:
        client.close()


def first_sync(sandbox: ExternalSandbox, history: int,
               rows_heard: bool = False) -> tuple[float, int, float]:
    """(seconds, faxes stored, store MB) for a started engine's first sync of `history`;
    `rows_heard`: with a listener of rows, as the window is."""
    from faxdesk.core.engine import EngineConfig, FaxEngine
    from faxdesk.core.events import RowChanged, SyncStateChanged
    from faxdesk.core.opening import client_factory
    from faxdesk.core.sync import SyncConfig

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        config = EngineConfig(sync=SyncConfig(initial_pages=math.ceil(history / 250) + 1))
        engine = FaxEngine(data, client_factory(sandbox.api_key, sandbox.base_url), config)
        synced = threading.Event()
        engine.events.subscribe(lambda _event: synced.set(), SyncStateChanged)
        rows: list[RowChanged] = []
        if rows_heard:
            engine.events.subscribe(rows.append, RowChanged)
        try:
            start = time.perf_counter()
            engine.start()
            if not synced.wait(600):
                raise RuntimeError("the first sync took more than 10 minutes")
            elapsed = time.perf_counter() - start
            stored = engine.store.count_faxes()
        finally:
            engine.stop()
        size = sum(p.stat().st_size for p in data.glob("faxdesk.sqlite3*")) / 2**20
    return elapsed, stored, size


def main() -> Report:
    require("faxdesk.core.engine", "faxdesk.ui.main_window")

    sizes = (2_000,) if is_quick() else (10_000, 100_000)
    report = Report("History at scale: first sync against the bare client, and growth")
    grown: dict[int, dict[str, Any]] = {}
    for history in sizes:
        runs = 1 if history > 20_000 or is_quick() else 3
        label = f"{history:,} faxes"
        with ExternalSandbox(history=history) as sandbox:
            # Loopback as it is (the network costs nothing: what is left is CPU), then, for the
            # smaller history, with 50 ms added to every answer as on a real link to Telnyx.
            latencies = (0.0,) if history > 20_000 else (0.0, 0.05)
            for latency in latencies:
                sandbox.control("faults", {"latency": latency})
                net = "loopback" if not latency else f"+{latency * 1000:.0f} ms per answer"
                bare_times: list[float] = []
                sync_times: list[float] = []
                heard_times: list[float] = []
                for _ in range(runs if not latency else 1):
                    seconds, count = bare_listing(sandbox)
                    bare_times.append(seconds)
                    seconds, stored, size = first_sync(sandbox, history)
                    sync_times.append(seconds)
                    if not latency and history <= 20_000:
                        heard_times.append(first_sync(sandbox, history, rows_heard=True)[0])
                    if count != history or stored != history:
                        report.note(f"{label}: listed {count:,}, stored {stored:,}")
                if not latency:
                    store_size = size
                bare, sync = median(bare_times), median(sync_times)
                report.add(f"{label}, {net}: bare client lists them", bare, "s",
                           note=", ".join(f"{t:.2f}" for t in bare_times))
                report.add(f"{label}, {net}: first sync into the store", sync, "s",
                           note=", ".join(f"{t:.2f}" for t in sync_times))
                if history == sizes[0]:
                    report.add(f"{label}, {net}: first sync / bare listing", sync / bare, "x",
                               target=f"<= {RATIO}x", met=sync / bare <= RATIO)
                else:  # how the ratio grows: the target is held at the first size (10,000 faxes)
                    report.add(f"{label}, {net}: first sync / bare listing", sync / bare, "x")
                if heard_times:
                    heard = median(heard_times)
                    report.add(f"{label}, {net}: first sync with its rows heard / bare listing",
                               heard / bare, "x",
                               note="as under the window: " + ", ".join(
                                   f"{t:.2f}" for t in heard_times) + " s")
                if not latency:
                    sync_loopback = sync
        window = run_load_child("restart", history=history)
        if "error" in window:
            report.note(f"{label}: {window['error']}")
        load = next(v for k, v in window["gaps_ms"].items()
                    if k.startswith("load from the store"))
        sort_ms = window.get("action_ms", {}).get("sort by other party", float("nan"))
        table = [g for k, v in window["gaps_ms"].items() if k.startswith("table: ") for g in v]
        report.add(f"{label}: store on disk", store_size, "MB")
        report.add(f"{label}: window start with them in the store", window["sync_seconds"], "s",
                   note=f"stall max {max(load):.0f} ms, p99 {percentile(load, 99):.0f} ms")
        report.add(f"{label}: a sort (by other party)", sort_ms, "ms",
                   note=f"working the table: stall max {max(table):.0f} ms, "
                        f"p99 {percentile(table, 99):.0f} ms")
        report.add(f"{label}: peak RSS with the window", window["peak_rss_mb"], "MB")
        grown[history] = {"store": store_size, "sync": sync_loopback,
                          "start": window["sync_seconds"],
                          "sort": sort_ms, "rss": window["peak_rss_mb"]}
    if len(sizes) == 2:
        small, big = (grown[n] for n in sizes)
        factor = sizes[1] / sizes[0]
        report.note(
            f"growth for {factor:.0f}x the faxes: store {big['store'] / small['store']:.1f}x, "
            f"first sync {big['sync'] / small['sync']:.1f}x, window start "
            f"{big['start'] / small['start']:.1f}x, a sort {big['sort'] / small['sort']:.1f}x, "
            f"peak RSS {big['rss'] / small['rss']:.1f}x")
    return report


if __name__ == "__main__":
    run_standalone("history", main)
