"""The client learns the server's clock from the `Date` header of its answers, whatever this
machine's clock says (the outbox converts journal times with it)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from faxdesk.api.client import TelnyxClient
from tests.api.conftest import fast_retry
from tests.api.scripted_server import Reply, ScriptedServer

#: The Date header has whole seconds, and the answer takes a moment to arrive.
TOLERANCE = 5.0


@pytest.fixture
def skewed_client(sandbox: Any) -> Iterator[Callable[[float], TelnyxClient]]:
    made: list[TelnyxClient] = []

    def factory(skew: float) -> TelnyxClient:
        client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=10.0,
                              retry=fast_retry(), clock=lambda: time.time() + skew)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


def test_the_offset_is_unknown_until_an_answer_arrives(
    skewed_client: Callable[[float], TelnyxClient],
) -> None:
    client = skewed_client(0)
    assert client.server_time_offset is None
    assert client.server_now() is None and client.to_server_time(1000.0) is None
    client.list_faxes()
    assert client.server_time_offset is not None
    assert abs(client.server_time_offset) < TOLERANCE


@pytest.mark.parametrize("skew", [660.0, 3600.0, -3600.0, 86400.0 * 365])
def test_a_skewed_local_clock_is_measured_against_the_server(
    skewed_client: Callable[[float], TelnyxClient], skew: float
) -> None:
    client = skewed_client(skew)
    client.list_fax_applications()
    offset = client.server_time_offset
    assert offset is not None and abs(offset + skew) < TOLERANCE
    now = client.server_now()
    assert now is not None and abs(now - time.time()) < TOLERANCE
    local = time.time() + skew
    converted = client.to_server_time(local)
    assert converted is not None and abs(converted - (local - skew)) < TOLERANCE


def test_the_sandbox_date_header_follows_its_own_clock(
    sandbox: Any, skewed_client: Callable[[float], TelnyxClient]
) -> None:
    sandbox.advance(7200)
    client = skewed_client(0)
    client.list_faxes()
    assert client.server_time_offset is not None
    assert abs(client.server_time_offset - 7200) < TOLERANCE


def test_error_answers_teach_the_clock_too(
    sandbox: Any, skewed_client: Callable[[float], TelnyxClient]
) -> None:
    from faxdesk.api.errors import NotFoundError

    client = skewed_client(-600)
    with pytest.raises(NotFoundError):
        client.get_fax("00000000-0000-0000-0000-000000000000")
    offset = client.server_time_offset
    assert offset is not None and abs(offset - 600) < TOLERANCE


@pytest.mark.parametrize("date", ["", "yesterday", "Tue, 99 Foo 2020 25:61:61 GMT",
                                  "Mon, 01 Jan 2024 00:00:00"])
def test_a_missing_or_unreadable_date_teaches_nothing(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient], date: str
) -> None:
    client = make_client(scripted.base_url)
    scripted.push(Reply(json={"data": [], "meta": {"total_pages": 1}}, date=date))
    client.list_faxes()
    assert client.server_time_offset is None


def test_the_latest_answer_wins(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url)
    page: dict[str, Any] = {"data": [], "meta": {"total_pages": 1}}
    scripted.push(Reply(json=page, date="Mon, 01 Jan 2024 00:00:00 GMT"))
    client.list_faxes()
    first = client.server_time_offset
    assert first is not None and first < -86400  # the scripted server says 2024
    scripted.push(Reply(json=page))  # werkzeug's own Date: now
    client.list_faxes()
    latest = client.server_time_offset
    assert latest is not None and abs(latest) < TOLERANCE
