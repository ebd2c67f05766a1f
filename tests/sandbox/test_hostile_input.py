"""Hostile requests never get a server error from the sandbox: every refusal is a 4xx in the
Telnyx error envelope, and the sandbox keeps answering afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox.conftest import SSL_CONTEXT
from tests.support.openapi_contract import validate_schema

DEEP_ARRAY = b"[" * 100_000
DEEP_OBJECT = b'{"a":' * 100_000
#: Deep enough to parse, deep enough to trouble anything that walks it recursively.
NEARLY_TOO_DEEP = b'{"application_name": "Deep", "webhook_event_url": "https://e.com/h", ' \
    b'"tags": ' + b"[" * 900 + b"]" * 900 + b"}"
BODIES = [DEEP_ARRAY, DEEP_OBJECT, NEARLY_TOO_DEEP, b"null", b"[]", b'"x"', b"1e999", b"NaN",
          b"\xff\xfe{", b'{"to": 5, "from": [], "connection_id": {}, "media_name": 1}',
          b'{"application_name": 5, "webhook_event_url": [], "tags": [[1]], "inbound": 5, '
          b'"outbound": "x", "webhook_timeout_secs": "9"}',
          b'{"media_url": 5, "media_name": [], "ttl_secs": "x"}']
JSON_ROUTES = [("POST", "/v2/faxes"), ("POST", "/v2/fax_applications"),
               ("PATCH", "/v2/fax_applications/{app}"), ("POST", "/v2/media"),
               ("PUT", "/v2/media/{media}"), ("POST", "/_sandbox/faults"),
               ("POST", "/_sandbox/inbound"), ("POST", "/_sandbox/clock/advance"),
               ("POST", "/_sandbox/phone_numbers"), ("POST", "/_sandbox/webhooks")]


@pytest.fixture
def raw(sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.root_url, timeout=30.0, trust_env=False,
                      verify=SSL_CONTEXT,
                      headers={"Authorization": f"Bearer {sandbox.api_key}"}) as client:
        yield client


@pytest.fixture
def names(raw: httpx.Client) -> dict[str, str]:
    app = raw.post("/v2/fax_applications", json={"application_name": "Hostile",
                                                   "webhook_event_url": "https://e.com/h"})
    media = raw.post("/v2/media", files={"media": ("a.pdf", b"%PDF-1.4\n%%EOF\n",
                                                   "application/pdf")})
    return {"app": app.json()["data"]["id"], "media": media.json()["data"]["media_name"]}


def assert_refused_in_envelope(response: httpx.Response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:200]}"
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/json"), what
        validate_schema("programmable-fax_Errors", response.json())


def assert_still_serving(raw: httpx.Client) -> None:
    reply = raw.get("/v2/faxes")
    assert reply.status_code == 200 and reply.json()["data"] is not None


@pytest.mark.parametrize(("method", "route"), JSON_ROUTES)
def test_hostile_json_bodies_are_refused_in_the_envelope(
    raw: httpx.Client, names: dict[str, str], method: str, route: str
) -> None:
    path = route.format(**names)
    for body in BODIES:
        response = raw.request(method, path, content=body,
                               headers={"Content-Type": "application/json"})
        assert_refused_in_envelope(response, f"{method} {path} {body[:30]!r}")
        assert response.status_code < 300 or response.status_code >= 400
    assert_still_serving(raw)


@pytest.mark.parametrize("rules", [
    [1], ["x"], [None], [[]], "x", 5, {"kind": "drop"},
    [{"kind": "nope"}], [{"kind": "drop", "count": 0}], [{"kind": "drop", "count": "2"}],
    [{"kind": "drop", "count": True}], [{"kind": "drop", "count": 10**30}],
    [{"kind": "drop", "method": 5}], [{"kind": "drop", "path": "v2"}],
    [{"kind": "rate_limit", "retry_after": -1}], [{"kind": "rate_limit", "retry_after": 1e9}],
    [{"kind": "garble", "body": 5}], [{"kind": "drop", "then": [1]}],
    [{"kind": "lose_response", "then": "x"}],
])
def test_malformed_fault_rules_are_refused_and_change_nothing(
    sandbox: Any, control: httpx.Client, raw: httpx.Client, rules: Any
) -> None:
    response = control.post("/_sandbox/faults", json={"rules": rules, "latency": 0.5})
    assert response.status_code == 422, response.text
    assert_refused_in_envelope(response, repr(rules))
    assert control.get("/_sandbox/faults").json() == {"latency": 0.0, "error_rate": 0.0,
                                                      "error_status": 503, "rules": []}
    assert_still_serving(raw)


@pytest.mark.parametrize("status", [99, 1000, 0, -1, 200, 302, "503", True, 503.5, None])
def test_invalid_fault_statuses_are_refused_with_422(
    sandbox: Any, control: httpx.Client, raw: httpx.Client, status: Any
) -> None:
    for body in ({"rules": [{"kind": "error", "status": status}]}, {"error_status": status}):
        response = control.post("/_sandbox/faults", json=body)
        assert response.status_code == 422, (body, response.text)
        errors = response.json()["errors"]
        validate_schema("programmable-fax_Errors", response.json())
        assert errors[0]["source"]["pointer"] in ("/rules/0/status", "/error_status")
        assert "400 to 599" in errors[0]["detail"]
    sandbox.faults.error_rate = 1.0  # the default status still applies
    assert raw.get("/v2/faxes").status_code == 503
    sandbox.faults.error_rate = 0.0
    with pytest.raises(ValueError, match="400 to 599"):
        sandbox.faults.fail_next(1, status=1000)
    assert_still_serving(raw)


@pytest.mark.parametrize("body", [{"latency": -1}, {"latency": "x"}, {"latency": 1e308},
                                  {"error_rate": 2}, {"error_rate": "0.5"}])
def test_out_of_range_fault_switches_are_refused(
    control: httpx.Client, raw: httpx.Client, body: dict[str, Any]
) -> None:
    response = control.post("/_sandbox/faults", json=body)
    assert response.status_code == 422, response.text
    assert_refused_in_envelope(response, repr(body))
    assert_still_serving(raw)


@pytest.mark.parametrize("seconds", [-1, "x", [1], True, 1e300])
def test_the_clock_cannot_be_moved_to_nonsense(
    control: httpx.Client, raw: httpx.Client, seconds: Any
) -> None:
    before = control.get("/_sandbox/clock").json()["now"]
    response = control.post("/_sandbox/clock/advance", json={"seconds": seconds})
    assert response.status_code == 422, response.text
    assert_refused_in_envelope(response, repr(seconds))
    assert control.get("/_sandbox/clock").json()["now"] == before
    assert_still_serving(raw)


def test_an_infinite_advance_written_as_json_is_refused(
    control: httpx.Client, raw: httpx.Client
) -> None:
    response = control.post("/_sandbox/clock/advance", content=b'{"seconds": 1e999}',
                            headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert_still_serving(raw)


@pytest.mark.parametrize("query", [
    "page[number]=99999999999999999999999", "page[size]=-1", "page[number]=x",
    "filter[created_at][gte]=garbage", "filter[created_at][gte]=" + "9" * 5000,
    "filter[direction][eq]=sideways", "filter[to][eq]=" + "%00" * 10,
])
def test_hostile_queries_are_refused_in_the_envelope(raw: httpx.Client, query: str) -> None:
    for path in ("/v2/faxes", "/v2/fax_applications", "/v2/phone_numbers"):
        assert_refused_in_envelope(raw.get(f"{path}?{query}"), f"{path}?{query}")
    assert_still_serving(raw)


def test_unknown_routes_methods_and_ids_answer_in_the_envelope(
    raw: httpx.Client, control: httpx.Client
) -> None:
    for method, path in (("GET", "/v2/nothing"), ("PUT", "/v2/faxes"),
                         ("GET", "/v2/faxes/not-a-uuid"), ("GET", "/v2/fax_applications/%00"),
                         ("GET", "/_sandbox/nothing"), ("PATCH", "/_sandbox/faults"),
                         ("GET", "/v2/media/" + "x" * 5000)):
        response = raw.request(method, path)
        assert 400 <= response.status_code < 500, (method, path, response.status_code)
        assert_refused_in_envelope(response, f"{method} {path}")
    assert_still_serving(raw)


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"GET /v2/faxes HTTP/1.1\r\n" + b"X-A: b\r\n" * 200 + b"\r\n", b" 431 "),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", b" 414 "),
])
def test_requests_http_cannot_parse_get_an_envelope(
    sandbox: Any, request_bytes: bytes, status: bytes
) -> None:
    """Refused by the HTTP server before the app runs (no valid request to route)."""
    import json
    import socket

    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=10) as sock:
        sock.sendall(request_bytes)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert status in head.split(b"\r\n")[0], head
    assert b"application/json" in head
    validate_schema("programmable-fax_Errors", json.loads(body))
