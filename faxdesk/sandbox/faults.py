"""Faults a test or a user switches on for a run: latency, 429 storms, 5xx, dropped connections,
the response lost after a fax was created, and a success answered with an unreadable body.
Counted rules ("the next N matching requests") keep tests deterministic; the random 5xx rate uses
a seeded generator for the same reason. A rule may carry follow-up rules (`then`) that are armed
only once it fired, for sequences such as "lose the create response, then drop the lookups"."""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

KINDS = ("error", "rate_limit", "drop", "lose_response", "garble")
#: Kinds applied after the request was handled, and only to a successful answer.
AFTER_KINDS = frozenset({"lose_response", "garble"})
#: What a `garble` rule answers with unless it says otherwise: a success that is not JSON.
GARBLED_BODY = "<html><body>OK</body></html>"
MAX_LATENCY = 60.0
MAX_RETRY_AFTER = 3600
MAX_COUNT = 1_000_000


class FaultError(ValueError):
    """A fault setting that cannot be applied; `pointer` names the offending JSON field."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer


@dataclass(slots=True)
class FaultRule:
    kind: str  # one of KINDS
    remaining: int
    method: str | None = None  # None matches any method
    path: str | None = None  # a path prefix under the root, e.g. "/v2/faxes"; None: any /v2 path
    status: int = 503  # for "error"
    retry_after: int = 1  # for "rate_limit"
    body: str = GARBLED_BODY  # for "garble"
    then: list[FaultRule] = field(default_factory=list)  # armed once this rule fired
    exact: bool = False  # `path` is the whole path, not a prefix (the list, not /v2/faxes/{id})

    def matches(self, method: str, path: str) -> bool:
        if self.kind == "lose_response":  # creates only, never a cancel under /v2/faxes/...
            return method.upper() == "POST" and path.rstrip("/") == "/v2/faxes"
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if self.path is None:
            return True
        if self.exact:
            return path.rstrip("/") == self.path.rstrip("/")
        return path.startswith(self.path)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "remaining": self.remaining,
                               "method": self.method, "path": self.path, "status": self.status,
                               "retry_after": self.retry_after, "exact": self.exact}
        if self.kind == "garble":
            out["body"] = self.body
        if self.then:
            out["then"] = [r.to_json() for r in self.then]
        return out


@dataclass(slots=True)
class FaultDecision:
    kind: str  # one of KINDS
    status: int = 503
    retry_after: int = 1
    body: str = GARBLED_BODY


def check_error_status(status: Any, pointer: str) -> int:
    """An injected error status: an integer from 400 to 599 (anything else is no HTTP error)."""
    if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
        raise FaultError(pointer, "status must be an HTTP error status from 400 to 599")
    return status


def _count(value: Any, pointer: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_COUNT:
        raise FaultError(pointer, f"count must be an integer from 1 to {MAX_COUNT}")
    return value


def _number(value: Any, pointer: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not low <= value <= high:
        raise FaultError(pointer, f"{pointer.rpartition('/')[2]} must be a number from {low:g} "
                                  f"to {high:g}")
    return float(value)


def _optional_text(value: Any, pointer: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise FaultError(pointer, f"{pointer.rpartition('/')[2]} must be a string")
    return value


def parse_rule(body: Any, pointer: str) -> FaultRule:
    """One rule of a `/_sandbox/faults` body, checked field by field."""
    if not isinstance(body, Mapping):
        raise FaultError(pointer, "each rule must be a JSON object")
    kind = body.get("kind")
    if kind not in KINDS:
        raise FaultError(f"{pointer}/kind", f"kind must be one of {', '.join(KINDS)}")
    method = _optional_text(body.get("method"), f"{pointer}/method")
    path = _optional_text(body.get("path"), f"{pointer}/path")
    if path is not None and not path.startswith("/"):
        raise FaultError(f"{pointer}/path", "path must start with /")
    if kind == "lose_response":
        method, path = "POST", "/v2/faxes"
    retry_after = body.get("retry_after", 1)
    if isinstance(retry_after, bool) or not isinstance(retry_after, int) \
            or not 0 <= retry_after <= MAX_RETRY_AFTER:
        raise FaultError(f"{pointer}/retry_after",
                         f"retry_after must be an integer from 0 to {MAX_RETRY_AFTER}")
    text = body.get("body", GARBLED_BODY)
    if not isinstance(text, str):
        raise FaultError(f"{pointer}/body", "body must be a string")
    then = body.get("then", [])
    if not isinstance(then, list):
        raise FaultError(f"{pointer}/then", "then must be a list of rules")
    exact = body.get("exact", False)
    if not isinstance(exact, bool):
        raise FaultError(f"{pointer}/exact", "exact must be true or false")
    return FaultRule(kind, _count(body.get("count", 1), f"{pointer}/count"), method, path,
                     status=check_error_status(body.get("status", 503), f"{pointer}/status"),
                     retry_after=retry_after, body=text,
                     then=[parse_rule(r, f"{pointer}/then/{i}") for i, r in enumerate(then)],
                     exact=exact)


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
        self._add(FaultRule("error", n, method, path,
                            status=check_error_status(status, "/status")))

    def rate_limit_next(self, n: int = 1, *, retry_after: int = 1, method: str | None = None,
                        path: str | None = None) -> None:
        self._add(FaultRule("rate_limit", n, method, path, retry_after=retry_after))

    def drop_next(self, n: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        self._add(FaultRule("drop", n, method, path))

    def lose_response_after_create(self, n: int = 1, *, then: Sequence[FaultRule] = ()) -> None:
        """The next n `POST /v2/faxes` create the fax, then close the connection unanswered.
        `then`: rules armed once a response was lost (see `lose_create_then_drop_lookups`)."""
        self._add(FaultRule("lose_response", n, "POST", "/v2/faxes", then=list(then)))

    def lose_create_then_drop_lookups(self, lookups: int = 1) -> None:
        """The next `POST /v2/faxes` creates the fax and loses its answer; after that, the next
        `lookups` lists of faxes (`GET /v2/faxes`, how a send is reconciled) are dropped
        unanswered. A list made before the create is never dropped, nor a `GET /v2/faxes/{id}`."""
        self.lose_response_after_create(
            1, then=[FaultRule("drop", lookups, "GET", "/v2/faxes", exact=True)])

    def garble_next(self, n: int = 1, *, method: str | None = None, path: str | None = None,
                    body: str = GARBLED_BODY) -> None:
        """The next n matching requests are carried out, but a successful answer's body is
        replaced by `body` (not JSON by default); the status stays."""
        self._add(FaultRule("garble", n, method, path, body=body))

    def clear(self) -> None:
        with self._lock:
            self.latency = 0.0
            self.error_rate = 0.0
            self.error_status = 503
            self.rules.clear()

    def configure(self, body: Mapping[str, Any]) -> None:
        """Apply a JSON body from `/_sandbox/faults` (see docs/sandbox.md). Every value is checked
        before anything changes: a FaultError leaves the faults as they were."""
        latency = error_rate = error_status = None
        if "latency" in body:
            latency = _number(body["latency"], "/latency", 0.0, MAX_LATENCY)
        if "error_rate" in body:
            error_rate = _number(body["error_rate"], "/error_rate", 0.0, 1.0)
        if "error_status" in body:
            error_status = check_error_status(body["error_status"], "/error_status")
        raw_rules = body.get("rules", [])
        if not isinstance(raw_rules, list):
            raise FaultError("/rules", "rules must be a list of rules")
        rules = [parse_rule(r, f"/rules/{i}") for i, r in enumerate(raw_rules)]
        if body.get("clear"):
            self.clear()
        with self._lock:
            if latency is not None:
                self.latency = latency
            if error_rate is not None:
                self.error_rate = error_rate
            if error_status is not None:
                self.error_status = error_status
            self.rules.extend(rules)

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
                if rule.kind not in AFTER_KINDS and rule.matches(method, path):
                    self._consume(rule)
                    return FaultDecision(rule.kind, rule.status, rule.retry_after)
            if self.error_rate and self._rng.random() < self.error_rate:
                return FaultDecision("error", self.error_status)
        return None

    def after(self, method: str, path: str) -> FaultDecision | None:
        """Called after a request succeeded: the `lose_response` or `garble` rule that applies
        to its answer, consumed, or None. A refused request never uses such a rule up."""
        with self._lock:
            for rule in self.rules:
                if rule.kind in AFTER_KINDS and rule.matches(method, path):
                    self._consume(rule)
                    return FaultDecision(rule.kind, body=rule.body)
        return None

    def _consume(self, rule: FaultRule) -> None:
        rule.remaining -= 1
        if rule.remaining <= 0:
            self.rules.remove(rule)
        # Follow-ups are armed each time the rule fires, ahead of the older rules.
        self.rules[:0] = [_copy(r) for r in rule.then]

    def _add(self, rule: FaultRule) -> None:
        if rule.remaining < 1:
            raise ValueError("a fault rule needs a count of at least 1")
        with self._lock:
            self.rules.append(rule)


def _copy(rule: FaultRule) -> FaultRule:
    return FaultRule(rule.kind, rule.remaining, rule.method, rule.path, rule.status,
                     rule.retry_after, rule.body, [_copy(r) for r in rule.then], rule.exact)
