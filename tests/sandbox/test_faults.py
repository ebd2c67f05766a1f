"""Each fault: latency, 429 storms, 5xx (counted and by rate), dropped connections and the
response lost after a fax was created; switchable from Python and from /_sandbox/faults."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox.helpers import create_app, send


def test_latency_delays_every_api_response(sandbox, api):
    sandbox.faults.latency = 1.0
    # Connecting gets plenty of time; only the (delayed) response is waited for briefly.
    with pytest.raises(httpx.ReadTimeout):
        api.get("/faxes", timeout=httpx.Timeout(10.0, read=0.1))
    sandbox.faults.latency = 0.0
    assert api.get("/faxes", timeout=5).status_code == 200


def test_rate_limit_storm_then_recovery(sandbox, api):
    sandbox.faults.rate_limit_next(3, retry_after=2, method="GET", path="/v2/faxes")
    storm = [api.get("/faxes") for _ in range(3)]
    for resp in storm:
        assert resp.status_code == 429
        assert resp.headers["Retry-After"] == "2"
        assert resp.headers["x-ratelimit-remaining"] == "0"
        assert resp.headers["x-ratelimit-limit"] and resp.headers["x-ratelimit-reset"]
        assert resp.json()["errors"][0] == {"code": "10011", "title": "Too many requests",
                                            "detail": "Rate limit exceeded (sandbox fault)"}
    assert api.get("/faxes").status_code == 200
    assert api.get("/fax_applications").status_code == 200  # never matched the rule


def test_next_n_server_errors_only_hit_matching_requests(sandbox, api):
    app = create_app(api)
    sandbox.faults.fail_next(2, status=502, method="POST", path="/v2/faxes")
    assert api.get("/faxes").status_code == 200
    first, second, third = (send(api, app["id"]) for _ in range(3))
    assert [first.status_code, second.status_code, third.status_code] == [502, 502, 202]
    assert first.json()["errors"][0]["code"] == "10007"
    # A refused send created nothing.
    assert api.get("/faxes").json()["meta"]["total_results"] == 1


def test_error_rate_is_seeded_and_applies_to_every_path(sandbox, api):
    sandbox.faults.error_rate = 1.0
    assert {api.get(p).status_code for p in ("/faxes", "/media", "/phone_numbers")} == {503}
    sandbox.faults.error_rate = 0.0
    assert api.get("/faxes").status_code == 200


def test_dropped_connection_has_no_response(sandbox, api):
    sandbox.faults.drop_next(1, path="/v2/fax_applications")
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/fax_applications")
    assert api.get("/fax_applications").status_code == 200
    assert [r.status for r in sandbox.request_log[-2:]] == [0, 200]


def test_response_lost_after_create_still_creates_the_fax(sandbox, api):
    app = create_app(api)
    sandbox.faults.lose_response_after_create(1)
    with pytest.raises(httpx.RemoteProtocolError):
        send(api, app["id"], client_state="dG9rZW4tMQ==")
    faxes = api.get("/faxes").json()["data"]
    assert [f["client_state"] for f in faxes] == ["dG9rZW4tMQ=="]
    assert faxes[0]["status"] == "queued"
    assert send(api, app["id"]).status_code == 202  # only the next one was lost


def test_a_refused_create_does_not_consume_the_lost_response_rule(sandbox, api):
    app = create_app(api)
    sandbox.faults.lose_response_after_create(1)
    assert send(api, app["id"], to="not-a-number").status_code == 422
    assert len(sandbox.faults.rules) == 1  # still armed for the next real create
    with pytest.raises(httpx.RemoteProtocolError):
        send(api, app["id"])
    assert api.get("/faxes").json()["meta"]["total_results"] == 1


def test_faults_over_the_control_endpoint(sandbox, api, control):
    resp = control.post("/_sandbox/faults", json={"rules": [
        {"kind": "error", "count": 1, "status": 500, "method": "GET", "path": "/v2/media"},
        {"kind": "rate_limit", "count": 1, "retry_after": 5},
        {"kind": "drop", "count": 1, "path": "/v2/phone_numbers"},
        {"kind": "lose_response", "count": 1}]})
    assert resp.status_code == 200 and len(resp.json()["rules"]) == 4
    assert api.get("/media").status_code == 500
    assert api.get("/faxes").headers["Retry-After"] == "5"
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/phone_numbers")
    app = create_app(api)
    with pytest.raises(httpx.RemoteProtocolError):
        send(api, app["id"])
    assert control.get("/_sandbox/faults").json()["rules"] == []
    control.post("/_sandbox/faults", json={"latency": 0.01, "error_rate": 0.0})
    assert control.get("/_sandbox/faults").json()["latency"] == 0.01
    assert control.delete("/_sandbox/faults").json()["latency"] == 0.0
    bad = control.post("/_sandbox/faults", json={"rules": [{"kind": "meteor"}]})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["source"] == {"pointer": "/rules/0/kind"}


def test_request_log_and_stats(sandbox, api, control):
    sandbox.reset_request_log()
    api.get("/faxes", params={"page[size]": "5"})
    api.get("/faxes/nope")
    log = sandbox.request_log
    assert [(r.method, r.path, r.query, r.status) for r in log] == [
        ("GET", "/v2/faxes", "page%5Bsize%5D=5", 200), ("GET", "/v2/faxes/nope", "", 404)]
    stats = control.get("/_sandbox/stats").json()
    assert stats["requests"] == 2 and stats["by_status"] == {"200": 1, "404": 1}
    assert control.delete("/_sandbox/stats").status_code == 204
    assert control.get("/_sandbox/stats").json()["requests"] == 1  # the GET before it
