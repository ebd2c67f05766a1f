"""RetryPolicy arithmetic and the parsing of the server's wait hints."""

from __future__ import annotations

import email.utils
import random
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faxdesk.api.retry import RateLimitInfo, RetryPolicy, is_retryable_status, server_wait_hint

NOW = 1_800_000_000.0


def test_backoff_grows_exponentially_within_jitter_and_cap() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0, jitter=0.5, rng=random.Random(1))
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (9, 8.0)]:
        for _ in range(50):
            assert ceiling * 0.5 <= policy.backoff(attempt) <= ceiling


def test_jitter_spreads_waits() -> None:
    policy = RetryPolicy(rng=random.Random(3))
    assert len({round(policy.backoff(3), 6) for _ in range(20)}) > 10


@given(
    attempts=st.integers(1, 10),
    total=st.floats(0.0, 100.0),
    hints=st.lists(st.one_of(st.none(), st.floats(0.0, 200.0)), min_size=10, max_size=10),
)
def test_policy_is_bounded_by_attempts_and_total_wait(
    attempts: int, total: float, hints: list[float | None]
) -> None:
    policy = RetryPolicy(max_attempts=attempts, max_total_wait=total, rng=random.Random(0))
    waited = 0.0
    tries = 1
    for hint in hints:
        delay = policy.next_delay(tries, waited, hint)
        if delay is None:
            break
        if hint is not None:
            assert delay >= hint  # never earlier than the server asked
        waited += delay
        tries += 1
    assert tries <= attempts
    assert waited <= total


def test_never_policy_makes_one_attempt() -> None:
    assert RetryPolicy.never().next_delay(1, 0.0) is None
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)


@pytest.mark.parametrize(
    ("headers", "rate_limited", "expected"),
    [
        ({"Retry-After": "3"}, True, 3.0),
        ({"retry-after": "0.5"}, False, 0.5),
        ({"Retry-After-Ms": "250"}, True, 0.25),
        ({"Retry-After": email.utils.formatdate(NOW + 30, usegmt=True)}, True, 30.0),
        ({"Retry-After": email.utils.formatdate(NOW - 30, usegmt=True)}, True, 0.0),
        ({"x-ratelimit-reset": "12"}, True, 12.0),
        ({"x-ratelimit-reset": str(int(NOW + 7))}, True, 7.0),  # a timestamp, not a delta
        ({"x-ratelimit-reset": "12"}, False, None),  # on a 5xx it says nothing about this failure
        ({"Retry-After": "soon"}, True, None),
        ({"Retry-After": "-4"}, True, None),
        ({}, True, None),
    ],
)
def test_server_wait_hint(
    headers: dict[str, str], rate_limited: bool, expected: float | None
) -> None:
    assert server_wait_hint(headers, now=NOW, rate_limited=rate_limited) == expected


def test_rate_limit_info_from_headers() -> None:
    info = RateLimitInfo.from_headers(
        {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "9"},
        now=NOW,
    )
    assert info == RateLimitInfo(limit=100, remaining=0, reset_after=9.0, observed_at=NOW)
    assert RateLimitInfo.from_headers({"content-type": "application/json"}) is None
    odd = RateLimitInfo.from_headers({"x-ratelimit-limit": "lots"}, now=NOW)
    assert odd is not None and odd.limit is None


def test_retryable_statuses() -> None:
    assert [
        s for s in (200, 400, 404, 408, 422, 429, 500, 502, 503, 504) if is_retryable_status(s)
    ] == [429, 500, 502, 503, 504]


def test_sleep_wakes_when_cancelled() -> None:
    cancel = threading.Event()
    cancel.set()
    assert RetryPolicy.sleep(3600, cancel) is True
    assert RetryPolicy.sleep(0.0, threading.Event()) is False
