"""When to try a request again, and how long to wait first.

The rules (docs/api-client.md has the reasoning):

- Only requests that are safe to repeat are retried: GET, PUT, PATCH, DELETE, and the fax
  `cancel`/`refresh` actions. Creating a fax, uploading media or creating a fax application is
  never repeated automatically; the caller reconciles (by `client_state` / `media_name`).
- Retried failures: connection errors, timeouts, 429 and 5xx.
- The wait is exponential backoff with jitter, unless the server said how long to wait
  (`Retry-After` in seconds or as an HTTP date, `retry-after-ms`, or `x-ratelimit-reset`): then
  at least that long, never shorter.
- Bounded twice: at most `max_attempts` attempts, and at most `max_total_wait` seconds spent
  sleeping across them. A server asking for a longer wait than is left ends the retries, and the
  error carries `retry_after` so the caller can schedule the next try itself.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

#: x-ratelimit-reset is "seconds until reset" per Telnyx's docs; a value this large can only be a
#: Unix timestamp, so both readings are accepted.
_EPOCH_THRESHOLD = 1_000_000_000


@dataclass(frozen=True, slots=True)
class RateLimitInfo:
    """The last `x-ratelimit-*` headers Telnyx sent."""

    limit: int | None
    remaining: int | None
    #: Seconds until the window resets, as sent (converted from a timestamp if one was sent).
    reset_after: float | None
    #: `time.time()` when the headers were seen, so `reset_after` can be aged.
    observed_at: float

    @classmethod
    def from_headers(
        cls, headers: Mapping[str, str], *, now: float | None = None
    ) -> RateLimitInfo | None:
        lowered = {k.lower(): v for k, v in headers.items()}
        if not any(k.startswith("x-ratelimit-") for k in lowered):
            return None
        when = time.time() if now is None else now
        return cls(
            limit=_parse_int(lowered.get("x-ratelimit-limit")),
            remaining=_parse_int(lowered.get("x-ratelimit-remaining")),
            reset_after=_parse_reset(lowered.get("x-ratelimit-reset"), when),
            observed_at=when,
        )


def _parse_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _parse_float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None


def _parse_reset(value: str | None, now: float) -> float | None:
    number = _parse_float(value)
    if number is None:
        return None
    if number > _EPOCH_THRESHOLD:
        number -= now
    return max(0.0, number)


def server_wait_hint(
    headers: Mapping[str, str], *, now: float | None = None, rate_limited: bool = True
) -> float | None:
    """How long the server asked us to wait, in seconds, or None when it did not say.

    `retry-after-ms`, then `Retry-After` (delta seconds or an HTTP date), then, for a 429
    (`rate_limited`), `x-ratelimit-reset`: on any other status that header describes the window,
    not this failure.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    when = time.time() if now is None else now
    ms = _parse_float(lowered.get("retry-after-ms"))
    if ms is not None and ms >= 0:
        return ms / 1000.0
    retry_after = lowered.get("retry-after")
    if retry_after is not None:
        seconds = _parse_float(retry_after)
        if seconds is not None and seconds >= 0:
            return seconds
        from email.utils import parsedate_to_datetime  # rare path; keeps `import` cheap

        try:
            date = parsedate_to_datetime(retry_after.strip())
        except (TypeError, ValueError, IndexError):
            date = None
        if date is not None and date.tzinfo is not None:
            return max(0.0, date.timestamp() - when)
    if not rate_limited:
        return None
    return _parse_reset(lowered.get("x-ratelimit-reset"), when)


def is_retryable_status(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


@dataclass(slots=True)
class RetryPolicy:
    """Backoff with jitter, bounded by attempts and by total time asleep.

    Defaults keep an interactive action under about half a minute in the worst case while riding
    out a short outage or one rate-limit window.
    """

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_total_wait: float = 30.0
    #: Fraction of each backoff removed at random ("equal jitter" at 0.5): spreads out clients
    #: that failed together.
    jitter: float = 0.5
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter must be between 0 and 1")

    @classmethod
    def never(cls) -> RetryPolicy:
        """A policy that makes exactly one attempt."""
        return cls(max_attempts=1)

    def backoff(self, attempt: int) -> float:
        """The jittered wait after failed attempt number `attempt` (1-based)."""
        ceiling = min(self.max_delay, self.base_delay * (2.0 ** max(0, attempt - 1)))
        return ceiling * (1.0 - self.jitter * self.rng.random())

    def next_delay(self, attempt: int, waited: float, hint: float | None = None) -> float | None:
        """Seconds to sleep before the next attempt, or None to give up.

        `attempt` is the number of the attempt that just failed, `waited` the seconds already
        slept for this call, `hint` what the server asked for (never waited less than that).
        """
        if attempt >= self.max_attempts:
            return None
        delay = self.backoff(attempt)
        if hint is not None:
            # The server's word is a floor; a little jitter above it avoids a synchronized burst.
            delay = hint + min(self.base_delay, hint * 0.1) * self.rng.random()
        if waited + delay > self.max_total_wait:
            return None
        return delay

    @staticmethod
    def sleep(seconds: float, cancel: threading.Event) -> bool:
        """Sleep, waking at once if `cancel` is set. Returns True when cancelled."""
        return cancel.wait(max(0.0, seconds))
