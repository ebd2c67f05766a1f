"""Faults a test or a user switches on for a run: latency, 429 storms, 5xx, dropped connections and
the response lost after a fax was created. Counted rules ("the next N matching requests") keep
tests deterministic; the random 5xx rate uses a seeded generator for the same reason."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any

KINDS = ("error", "rate_limit", "drop", "lose_response")


@dataclass(slots=True)
class FaultRule:
    kind: str  # one of KINDS
    remaining: int
    method: str | None = None  # None matches any method
    path: str | None = None  # a path prefix under the root, e.g. "/v2/faxes"; None: any /v2 path
    status: int = 503  # for "error"
    retry_after: int = 1  # for "rate_limit"

    def matches(self, method: str, path: str) -> bool:
        return ((self.method is None or self.method.upper() == method.upper())
                and (self.path is None or path.startswith(self.path)))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "remaining": self.remaining, "method": self.method,
                "path": self.path, "status": self.status, "retry_after": self.retry_after}


@dataclass(slots=True)
class FaultDecision:
    kind: str  # "error", "rate_limit", "drop" or "lose_response"
    status: int = 503
    retry_after: int = 1


class FaultConfig:
    """Thread-safe switchboard consulted by the HTTP layer on every /v2 request."""

    def __init__(self, *, seed: int = 7) -> None:
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self.latency: float = 0.0  # real seconds added before every /v2 response
        self.error_rate: float = 0.0  # probability of a 5xx on any /v2 request
        self.error_status: int = 503
        self.rules: list[FaultRule] = []

    # -- switches -------------------------------------------------------------------------------

    def fail_next(self, n: int = 1, *, status: int = 503, method: str | None = None,
                  path: str | None = None) -> None:
        self._add(FaultRule("error", n, method, path, status=status))

    def rate_limit_next(self, n: int = 1, *, retry_after: int = 1, method: str | None = None,
                        path: str | None = None) -> None:
        self._add(FaultRule("rate_limit", n, method, path, retry_after=retry_after))

    def drop_next(self, n: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        self._add(FaultRule("drop", n, method, path))

    def lose_response_after_create(self, n: int = 1) -> None:
        """The next n `POST /v2/faxes` create the fax, then close the connection unanswered."""
        self._add(FaultRule("lose_response", n, "POST", "/v2/faxes"))

    def clear(self) -> None:
        with self._lock:
            self.latency = 0.0
            self.error_rate = 0.0
            self.error_status = 503
            self.rules.clear()

    def configure(self, body: dict[str, Any]) -> None:
        """Apply a JSON body from `/_sandbox/faults` (see docs/sandbox.md)."""
        if body.get("clear"):
            self.clear()
        with self._lock:
            if "latency" in body:
                self.latency = max(0.0, float(body["latency"]))
            if "error_rate" in body:
                self.error_rate = min(1.0, max(0.0, float(body["error_rate"])))
            if "error_status" in body:
                self.error_status = int(body["error_status"])
        for rule in body.get("rules", []):
            kind = str(rule.get("kind", ""))
            if kind not in KINDS:
                raise ValueError(f"unknown fault kind {kind!r}; use one of {', '.join(KINDS)}")
            method = rule.get("method")
            path = rule.get("path")
            if kind == "lose_response":
                method, path = "POST", "/v2/faxes"
            self._add(FaultRule(kind, int(rule.get("count", 1)), method, path,
                                status=int(rule.get("status", 503)),
                                retry_after=int(rule.get("retry_after", 1))))

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {"latency": self.latency, "error_rate": self.error_rate,
                    "error_status": self.error_status,
                    "rules": [r.to_json() for r in self.rules]}

    # -- consulted by the HTTP layer --------------------------------------------------------------

    def decide(self, method: str, path: str) -> FaultDecision | None:
        """Consume the first matching rule that acts before the request is handled."""
        with self._lock:
            for rule in self.rules:
                if rule.kind != "lose_response" and rule.matches(method, path):
                    rule.remaining -= 1
                    if rule.remaining <= 0:
                        self.rules.remove(rule)
                    return FaultDecision(rule.kind, rule.status, rule.retry_after)
            if self.error_rate and self._rng.random() < self.error_rate:
                return FaultDecision("error", self.error_status)
        return None

    def take_lost_response(self) -> bool:
        """Called after a fax was created: True when this response must be lost. Only a
        successful create consumes the rule, so a refused send never uses it up."""
        with self._lock:
            for rule in self.rules:
                if rule.kind == "lose_response":
                    rule.remaining -= 1
                    if rule.remaining <= 0:
                        self.rules.remove(rule)
                    return True
        return False

    def _add(self, rule: FaultRule) -> None:
        if rule.remaining < 1:
            raise ValueError("a fault rule needs a count of at least 1")
        with self._lock:
            self.rules.append(rule)
