"""Polling economy: requests FaxDesk's sync makes per tick and per minute, idle and with 1, 10 and
100 faxes in flight, counted by the sandbox; beside a naive poller (one GET per fax in flight).

Simulated time: the engine's real `Syncer` runs tick after tick with its own schedule
(`next_delay()`), on an injected clock that jumps instead of sleeping, against a sandbox whose
manual clock stands still so the faxes stay in flight. Every request still goes over loopback HTTP
and is counted in the sandbox's request log.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import Report, is_quick, run_standalone
from fixtures import SLOW_TO_NUMBER, make_application, send_faxes

from faxdesk.api.client import TelnyxClient
from faxdesk.sandbox.server import SandboxServer


class JumpClock:
    """Wall and monotonic time that move only when told (the loop's sleeps become jumps)."""

    def __init__(self) -> None:
        self.t = time.time()

    def wall(self) -> float:
        return self.t

    def mono(self) -> float:
        return self.t


def count_faxes_requests(sandbox: SandboxServer) -> int:
    return sum(1 for r in sandbox.request_log if r.path.startswith("/v2/faxes"))


def simulate(sandbox: SandboxServer, clock: JumpClock, seconds: float,
             tick: Callable[[], object], delay: Callable[[], float]) -> tuple[int, int]:
    """Run tick/wait for `seconds` of simulated time; returns (ticks, requests counted)."""
    sandbox.reset_request_log()
    end = clock.t + seconds
    ticks = 0
    while clock.t < end:
        tick()
        ticks += 1
        clock.t += delay()
    return ticks, count_faxes_requests(sandbox)


class NaivePoller:
    """What a simple client does: list the newest faxes (for inbound ones), then GET every fax it
    knows to be in flight (it sent them, or saw them in the list)."""

    def __init__(self, client: TelnyxClient) -> None:
        self.client = client
        self.in_flight: set[str] = set()

    def tick(self) -> None:
        for fax in self.client.list_faxes(page_size=20).items:
            if fax.status not in ("delivered", "failed", "received"):
                self.in_flight.add(str(fax.id))
        for fax_id in list(self.in_flight):
            if self.client.get_fax(fax_id).status in ("delivered", "failed", "received"):
                self.in_flight.discard(fax_id)

    def track(self, fax_ids: list[str]) -> None:
        self.in_flight.update(fax_ids)

    def delay(self) -> float:
        return 5.0 if self.in_flight else 60.0  # the same schedule as FaxDesk's defaults


def main() -> Report:
    from faxdesk.core.events import EventHub
    from faxdesk.core.store import Store
    from faxdesk.core.sync import SyncConfig, Syncer

    quick = is_quick()
    idle_minutes = 10 if quick else 20
    busy_minutes = 0.25 if quick else 1
    report = Report("Polling economy (requests counted by the sandbox; simulated time)")
    with tempfile.TemporaryDirectory() as tmp, \
            SandboxServer(manual_clock=True, seed_history=100 if quick else 500,
                          rate_limit=1_000_000) as sandbox:  # simulated minutes pass in ms
        client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url)
        clock = JumpClock()
        config = SyncConfig()
        syncer = Syncer(Store(Path(tmp)), EventHub(), lambda: client, config,
                        wall=clock.wall, monotonic=clock.mono)
        naive = NaivePoller(client)
        app_id = make_application(client, sandbox)
        syncer.tick()  # the first sync of history is not part of any figure
        naive.tick()

        def economy(label: str, minutes: float, extra: dict[str, Any]) -> None:
            ticks, reqs = simulate(sandbox, clock, minutes * 60, syncer.tick, syncer.next_delay)
            per_tick, per_min = reqs / ticks, reqs / minutes
            n_ticks, n_reqs = simulate(sandbox, clock, minutes * 60, naive.tick, naive.delay)
            naive_tick, naive_min = n_reqs / n_ticks, n_reqs / minutes
            report.add(f"{label}: requests/tick", per_tick, "req", target="<= 2",
                       met=per_tick <= 2, note=f"naive poller {naive_tick:.1f}")
            report.add(f"{label}: requests/min", per_min, "req", **extra,
                       note=f"naive poller {naive_min:.1f}/min; {ticks} ticks in {minutes:g} min")

        economy("idle", idle_minutes, {"target": "<= 1/min", "met": None})
        fig = report.figures[-1]
        fig.met = fig.value <= 1.0
        def tick_with_webhooks() -> None:
            syncer.note_webhook()  # webhooks keep arriving, so they stay healthy
            syncer.tick()

        ticks, reqs = simulate(sandbox, clock, 60 * 60, tick_with_webhooks, syncer.next_delay)
        report.add("idle, webhooks healthy: requests/min", reqs / 60, "req", target="<= 1/min",
                   met=reqs / 60 <= 1,
                   note=f"{ticks} ticks in 60 min (interval x{config.webhook_factor:g})")
        clock.t += config.webhook_healthy_for + 1  # no webhook since: plain polling again
        sent = 0
        for n in (1, 10, 100):
            # The slow number keeps them in flight even if the clock moved; it does not move.
            naive.track(send_faxes(client, app_id, n - sent, to=SLOW_TO_NUMBER))
            sent = n
            syncer.tick()
            naive.tick()
            economy(f"{n} in flight", busy_minutes, {})
        client.close()
    report.note("FaxDesk: one windowed GET /faxes per tick whatever the number in flight; every "
                "5 s while busy, 60 s idle, x6 while webhooks are healthy. The naive poller "
                "keeps the same schedule but GETs each fax in flight.")
    return report


if __name__ == "__main__":
    run_standalone("polling", main)
