"""Fixtures for the API client tests: a scripted loopback server and clients pointed at it."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.retry import RetryPolicy
from tests.api.scripted_server import ScriptedServer

#: A key that looks real, so a leak of it anywhere is easy to find.
SECRET_KEY = "KEY0123456789SECRETabcdefSECRET_zz"


def fast_retry(**overrides: float) -> RetryPolicy:
    """Real backoff rules with millisecond delays, seeded so runs repeat."""
    settings: dict[str, float] = {"base_delay": 0.01, "max_delay": 0.05, "max_total_wait": 5.0}
    settings.update(overrides)
    return RetryPolicy(
        max_attempts=int(settings.pop("max_attempts", 4)), rng=random.Random(7), **settings
    )


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    yield server
    server.stop()


@pytest.fixture
def make_client() -> Iterator[Callable[..., TelnyxClient]]:
    made: list[TelnyxClient] = []

    def factory(base_url: str, **kwargs: object) -> TelnyxClient:
        kwargs.setdefault("retry", fast_retry())
        kwargs.setdefault("timeout", 5.0)
        client = TelnyxClient(SECRET_KEY, base_url=base_url, **kwargs)  # type: ignore[arg-type]
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def sclient(scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]) -> TelnyxClient:
    """A client pointed at the scripted server."""
    return make_client(scripted.base_url)
