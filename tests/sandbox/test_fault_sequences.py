"""Fault sequences for the ambiguous-send cases: a lost create answer followed by failing lookups
(`then` rules), a success whose body cannot be read (`garble`), and the `Date` header that tells
the sandbox's clock to a client whose own clock is off."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox.conftest import SSL_CONTEXT
from tests.sandbox.helpers import create_app, send


@pytest.fixture
def raw(sandbox: Any) -> Iterator[httpx.Client]:
    """A plain client: garbled answers are not valid API answers, on purpose."""
    with httpx.Client(base_url=sandbox.base_url, timeout=10.0, trust_env=False,
                      verify=SSL_CONTEXT,
                      headers={"Authorization": f"Bearer {sandbox.api_key}"}) as client:
        yield client


def lookups(raw: httpx.Client, n: int) -> list[int | str]:
    out: list[int | str] = []
    for _ in range(n):
        try:
            out.append(raw.get("/faxes", params={"filter[to][eq]": "+14155550123"}).status_code)
        except httpx.RemoteProtocolError:
            out.append("dropped")
    return out


def test_lose_the_create_then_drop_the_lookups(sandbox: Any, raw: httpx.Client) -> None:
    app = create_app(raw)
    sandbox.faults.lose_create_then_drop_lookups(2)
    assert lookups(raw, 1) == [200]  # armed only once the create answer was lost
    with pytest.raises(httpx.RemoteProtocolError):
        send(raw, app["id"], client_state="dG9rZW4=")
    assert lookups(raw, 3) == ["dropped", "dropped", 200]
    faxes = raw.get("/faxes").json()["data"]
    assert [f["client_state"] for f in faxes] == ["dG9rZW4="]
    assert sandbox.faults.rules == []


def test_a_refused_create_arms_nothing(sandbox: Any, raw: httpx.Client) -> None:
    app = create_app(raw)
    sandbox.faults.lose_create_then_drop_lookups(1)
    assert send(raw, app["id"], to="nope").status_code == 422
    assert raw.post(f"/faxes/{'0' * 8}-0000-0000-0000-{'0' * 12}/actions/cancel").status_code \
        == 404  # a POST under /v2/faxes that is not a create never uses the rule
    assert lookups(raw, 1) == [200]
    with pytest.raises(httpx.RemoteProtocolError):
        send(raw, app["id"])
    assert lookups(raw, 2) == ["dropped", 200]


def test_the_same_sequence_over_the_control_endpoint(
    sandbox: Any, raw: httpx.Client, control: httpx.Client
) -> None:
    app = create_app(raw)
    reply = control.post("/_sandbox/faults", json={"rules": [{
        "kind": "lose_response", "count": 2,
        "then": [{"kind": "drop", "count": 1, "method": "GET", "path": "/v2/faxes"},
                 {"kind": "error", "count": 1, "status": 503, "method": "GET",
                  "path": "/v2/faxes"}]}]})
    assert reply.status_code == 200, reply.text
    assert reply.json()["rules"][0]["then"][1]["status"] == 503
    for _ in range(2):  # each lost answer arms its own follow-ups
        with pytest.raises(httpx.RemoteProtocolError):
            send(raw, app["id"])
        assert lookups(raw, 3) == ["dropped", 503, 200]
    assert control.get("/_sandbox/faults").json()["rules"] == []


def test_garble_answers_a_done_create_with_an_unreadable_body(
    sandbox: Any, raw: httpx.Client, control: httpx.Client
) -> None:
    app = create_app(raw)
    sandbox.faults.garble_next(1, method="POST", path="/v2/faxes")
    reply = send(raw, app["id"], client_state="Z2FyYmxl")
    assert reply.status_code == 202
    assert reply.headers["content-type"].startswith("text/html")
    with pytest.raises(ValueError):
        reply.json()
    assert [f["client_state"] for f in raw.get("/faxes").json()["data"]] == ["Z2FyYmxl"]
    # A refusal does not use a garble rule up, and a custom body is kept as given.
    control.post("/_sandbox/faults", json={"rules": [
        {"kind": "garble", "method": "POST", "path": "/v2/faxes", "body": '{"data": "ok"}'}]})
    assert send(raw, app["id"], to="nope").status_code == 422
    assert send(raw, app["id"]).text == '{"data": "ok"}'
    assert send(raw, app["id"]).json()["data"]["status"] == "queued"


def test_the_date_header_is_the_sandbox_clock(sandbox: Any, raw: httpx.Client) -> None:
    def server_date() -> float:
        header = raw.get("/faxes").headers["date"]
        return email.utils.parsedate_to_datetime(header).timestamp()

    assert abs(server_date() - sandbox.clock.now()) <= 1.5
    sandbox.advance(3600)
    assert abs(server_date() - (time.time() + 3600)) < 5
    assert abs(server_date() - sandbox.clock.now()) <= 1.5


def test_only_lists_are_dropped_after_the_lost_create(sandbox: Any, raw: httpx.Client) -> None:
    app = create_app(raw)
    sandbox.faults.lose_create_then_drop_lookups(1)
    with pytest.raises(httpx.RemoteProtocolError):
        send(raw, app["id"])
    (fax_id,) = sandbox.state.faxes
    assert raw.get(f"/faxes/{fax_id}").status_code == 200  # one fax by id: not a lookup
    assert lookups(raw, 2) == ["dropped", 200]


def test_exact_paths_over_the_control_endpoint(
    sandbox: Any, raw: httpx.Client, control: httpx.Client
) -> None:
    reply = control.post("/_sandbox/faults", json={"rules": [
        {"kind": "error", "status": 502, "method": "GET", "path": "/v2/faxes", "exact": True}]})
    assert reply.status_code == 200 and reply.json()["rules"][0]["exact"] is True
    missing = "00000000-0000-0000-0000-000000000000"
    assert raw.get(f"/faxes/{missing}").status_code == 404  # not matched
    assert raw.get("/faxes/").status_code == 502
    bad = control.post("/_sandbox/faults", json={"rules": [{"kind": "drop", "exact": "yes"}]})
    assert bad.status_code == 422


def test_a_sandbox_clock_behind_plays_a_pc_clock_ahead() -> None:
    from faxdesk.sandbox.server import SandboxServer

    with pytest.raises(ValueError, match="manual_clock"):
        SandboxServer(start_time=0.0)
    behind = SandboxServer(manual_clock=True, start_time=time.time() - 660).start()
    try:
        with httpx.Client(base_url=behind.base_url, trust_env=False, timeout=10,
                          headers={"Authorization": f"Bearer {behind.api_key}"}) as client:
            date = client.get("/faxes").headers["date"]
        server_time = email.utils.parsedate_to_datetime(date).timestamp()
        assert abs(server_time - (time.time() - 660)) < 5
    finally:
        behind.stop()
