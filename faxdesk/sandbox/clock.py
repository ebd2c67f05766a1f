"""Sandbox clocks: a scaled wall clock for interactive runs, a manual one for tests."""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Sandbox time as Unix seconds."""
        ...


class ScaledClock:
    """Starts at the real time and runs `speed` times faster than it."""

    def __init__(self, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._wall0 = time.time()
        self._mono0 = time.monotonic()

    def now(self) -> float:
        return self._wall0 + (time.monotonic() - self._mono0) * self.speed


class ManualClock:
    """Stands still until `advance()` is called; starts at the real time so timestamps look sane."""

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the sandbox clock never runs backwards")
        with self._lock:
            self._now += seconds
