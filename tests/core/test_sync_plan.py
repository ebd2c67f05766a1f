from __future__ import annotations

from datetime import timedelta

from faxdesk.core.sync import SyncConfig, plan_tick, woke_up
from tests.core.helpers import T0

CFG = SyncConfig(margin=120, max_window=86400)


def test_first_sync_of_an_empty_store_lists_without_a_window() -> None:
    assert plan_tick([], None, T0, CFG).since is None


def test_window_starts_at_the_oldest_in_flight_fax_minus_the_margin() -> None:
    in_flight = [(f"f{i}", T0 - timedelta(minutes=i)) for i in range(50)]
    plan = plan_tick(in_flight, T0, T0, CFG)
    assert plan.since == T0 - timedelta(minutes=49, seconds=120)
    assert plan.individual == ()


def test_idle_window_starts_at_the_watermark() -> None:
    plan = plan_tick([], T0, T0 + timedelta(hours=3), CFG)
    assert plan.since == T0 - timedelta(seconds=120)


def test_faxes_in_flight_for_longer_than_the_window_are_fetched_alone() -> None:
    old = T0 - timedelta(days=3)
    plan = plan_tick([("old", old), ("undated", None), ("new", T0)], T0, T0, CFG)
    assert plan.individual == ("old", "undated")
    assert plan.since == T0 - timedelta(seconds=120)


def test_wake_is_a_wall_clock_jump_beyond_the_monotonic_one() -> None:
    assert woke_up(1000.0, 50.0, 1000.0 + 3600, 50.0 + 5, jump=30)
    assert not woke_up(1000.0, 50.0, 1010.0, 60.0, jump=30)
    assert not woke_up(1000.0, 50.0, 1000.0 - 5, 51.0, jump=30)  # clock set back: no sync storm
