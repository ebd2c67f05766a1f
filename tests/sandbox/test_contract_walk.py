"""Walk every endpoint and every status code the sandbox returns on /v2; the `api` fixture checks
each request and response body against the official spec subset as it goes."""

from __future__ import annotations

import httpx

from tests.sandbox.helpers import create_app, send, upload_pdf
from tests.support.openapi_contract import find_operation
from tests.support.pdfs import pdf_bytes

MISSING_UUID = "00000000-0000-4000-8000-000000000000"

EXPECTED = {
    ("GET", "/faxes"): {200, 400, 401},
    ("POST", "/faxes"): {202, 400, 401, 422},
    ("GET", "/faxes/{id}"): {200, 404},
    ("DELETE", "/faxes/{id}"): {204, 404},
    ("POST", "/faxes/{id}/actions/cancel"): {202, 404, 422},
    ("POST", "/faxes/{id}/actions/refresh"): {200, 404, 422},
    ("GET", "/fax_applications"): {200, 400, 401},
    ("POST", "/fax_applications"): {201, 401, 422},
    ("GET", "/fax_applications/{id}"): {200, 401, 404},
    ("PATCH", "/fax_applications/{id}"): {200, 404, 422},
    ("DELETE", "/fax_applications/{id}"): {200, 400, 404},
    ("GET", "/media"): {200, 401},
    ("POST", "/media"): {201, 401, 422},
    ("GET", "/media/{media_name}"): {200, 404},
    ("PUT", "/media/{media_name}"): {200, 404, 422},
    ("DELETE", "/media/{media_name}"): {204, 404},
    ("GET", "/media/{media_name}/download"): {200, 404},
    ("GET", "/phone_numbers"): {200, 400, 401},
}


def _error(resp: httpx.Response, status: int) -> dict[str, object]:
    assert resp.status_code == status, resp.text
    item = resp.json()["errors"][0]
    assert isinstance(item["code"], str) and item["title"]
    return item  # type: ignore[no-any-return]


def test_walk_every_endpoint_and_status(sandbox, api, control):
    bad = httpx.Client(base_url=sandbox.base_url, headers={"Authorization": "Bearer wrong"},
                       trust_env=False)
    anon = httpx.Client(base_url=sandbox.base_url, trust_env=False)
    wrong_key = type(api)(base_url=sandbox.base_url, trust_env=False,
                          headers={"Authorization": "Bearer wrong"})
    try:
        # -- fax applications --
        app = create_app(api, application_name="Contract office", tags=["a"])
        assert app["id"].isdigit() and app["record_type"] == "fax_application"
        assert app["active"] is True and app["anchorsite_override"] == "Latency"
        assert _error(api.post("/fax_applications", json={"application_name": "x"}),
                      422)["source"] == {"pointer": "/webhook_event_url"}
        assert _error(api.post("/fax_applications", json={
            "application_name": "x", "webhook_event_url": "http://127.0.0.1:9/",
            "webhook_timeout_secs": 99}), 422)["source"] == {"pointer": "/webhook_timeout_secs"}
        assert api.get(f"/fax_applications/{app['id']}").json()["data"] == app
        _error(api.get("/fax_applications/1"), 404)
        patched = api.patch(f"/fax_applications/{app['id']}",
                            json={"application_name": "Renamed office", "active": False})
        assert patched.status_code == 200
        assert patched.json()["data"]["application_name"] == "Renamed office"
        assert patched.json()["data"]["active"] is False
        _error(api.patch("/fax_applications/1", json={"active": True}), 404)
        _error(api.patch(f"/fax_applications/{app['id']}",
                         json={"anchorsite_override": "Mars"}), 422)
        listed = api.get("/fax_applications", params={
            "filter[application_name][contains]": "renamed"})
        assert [a["id"] for a in listed.json()["data"]] == [app["id"]]
        assert listed.json()["meta"]["total_results"] == 1
        assert _error(api.get("/fax_applications", params={
            "filter[application_name][contains]": "ab"}), 400)["source"] == {
            "parameter": "filter[application_name][contains]"}
        for client in (wrong_key,):
            _error(client.get("/fax_applications"), 401)
            _error(client.post("/fax_applications", json={"application_name": "x",
                                                           "webhook_event_url": "http://a/"}),
                   401)
            _error(client.get(f"/fax_applications/{app['id']}"), 401)

        # -- phone numbers --
        control.post("/_sandbox/phone_numbers",
                     json={"phone_number": "+12025550100", "connection_id": app["id"]})
        nums = api.get("/phone_numbers", params={"filter[connection_id]": app["id"]})
        assert [n["phone_number"] for n in nums.json()["data"]] == ["+12025550100"]
        _error(api.get("/phone_numbers", params={"page[size]": "0"}), 400)
        _error(wrong_key.get("/phone_numbers"), 401)
        # An application with numbers cannot be deleted (400 as declared).
        _error(api.delete(f"/fax_applications/{app['id']}"), 400)

        # -- media --
        media = upload_pdf(api, pdf_bytes(2), name="contract.pdf")
        assert media["media_name"] == "contract.pdf"
        assert media["content_type"] == "application/pdf"
        by_url = api.post("/media", json={"media_url": "https://example.com/remote.pdf",
                                          "ttl_secs": 60})
        assert by_url.status_code == 201
        _error(api.post("/media", json={"media_name": "no-url"}), 422)
        _error(api.post("/media", files={"other": ("a.pdf", b"%PDF-1.4", "application/pdf")}),
               422)
        _error(wrong_key.post("/media", json={"media_url": "https://example.com/x.pdf"}), 401)
        assert {m["media_name"] for m in api.get("/media").json()["data"]} == {
            "contract.pdf", by_url.json()["data"]["media_name"]}
        _error(wrong_key.get("/media"), 401)
        assert api.get("/media/contract.pdf").json()["data"] == media
        _error(api.get("/media/nope"), 404)
        download = api.get("/media/contract.pdf/download")
        assert download.status_code == 200 and download.content.startswith(b"%PDF")
        _error(api.get("/media/nope/download"), 404)
        put = api.put("/media/contract.pdf", json={"ttl_secs": 3600})
        assert put.status_code == 200
        assert put.json()["data"]["expires_at"] != media["expires_at"]
        _error(api.put("/media/nope", json={"ttl_secs": 10}), 404)
        _error(api.put("/media/contract.pdf", json={"ttl_secs": 0}), 422)

        # -- faxes --
        sent = send(api, app["id"], media_name="contract.pdf", client_state="aGVsbG8=")
        assert sent.status_code == 202
        fax = sent.json()["data"]
        assert fax["status"] == "queued" and fax["client_state"] == "aGVsbG8="
        assert fax["failure_reason"] is None
        multipart = api.post("/faxes", data={"connection_id": app["id"], "from": "+12025550100",
                                             "to": "+14155550123"},
                             files={"contents": ("doc.pdf", pdf_bytes(1), "application/pdf")})
        assert multipart.status_code == 202
        by_url_fax = send(api, app["id"], media_url="https://example.com/a.pdf")
        assert by_url_fax.status_code == 202
        for body, pointer in (
            ({"connection_id": app["id"], "from": "+12025550100",
              "media_url": "https://example.com/a.pdf"}, "/to"),
            ({"connection_id": app["id"], "from": "12025550100", "to": "+14155550123",
              "media_url": "https://example.com/a.pdf"}, "/from"),
            ({"connection_id": app["id"], "from": "+12025550100", "to": "+14155550123",
              "media_url": "https://example.com/a.pdf", "client_state": "not base64!"},
             "/client_state"),
            ({"connection_id": app["id"], "from": "+12025550100", "to": "+14155550123",
              "media_url": "https://example.com/a.pdf", "media_name": "contract.pdf"},
             "/media_url"),
            ({"connection_id": "1", "from": "+12025550100", "to": "+14155550123",
              "media_url": "https://example.com/a.pdf"}, "/connection_id"),
            ({"connection_id": app["id"], "from": "+12025550100", "to": "+14155550123",
              "media_name": "never-uploaded"}, "/media_name"),
        ):
            assert _error(api.post("/faxes", json=body), 422)["source"] == {"pointer": pointer}
        _error(api.post("/faxes", content=b"{not json",
                        headers={"content-type": "application/json"}), 400)
        _error(wrong_key.post("/faxes", json={"connection_id": app["id"], "from": "+12025550100",
                                              "to": "+14155550123",
                                              "media_url": "https://example.com/a.pdf"}), 401)

        page = api.get("/faxes", params={"page[size]": "2", "filter[direction][eq]": "outbound"})
        assert page.status_code == 200
        assert page.json()["meta"] == {"page_number": 1, "page_size": 2, "total_pages": 2,
                                       "total_results": 3}
        assert [f["id"] for f in page.json()["data"]] == [by_url_fax.json()["data"]["id"],
                                                          multipart.json()["data"]["id"]]
        _error(api.get("/faxes", params={"filter[created_at][gte]": "yesterday"}), 400)
        _error(wrong_key.get("/faxes"), 401)
        assert api.get(f"/faxes/{fax['id']}").json()["data"]["id"] == fax["id"]
        _error(api.get(f"/faxes/{MISSING_UUID}"), 404)

        cancel = api.post(f"/faxes/{fax['id']}/actions/cancel")
        assert cancel.status_code == 202 and cancel.json() == {"data": {"result": "ok"}}
        assert _error(api.post(f"/faxes/{fax['id']}/actions/cancel"), 422)["code"] == "422"
        _error(api.post(f"/faxes/{MISSING_UUID}/actions/cancel"), 404)

        inbound_id = sandbox.receive_inbound(from_number="+13125550123", to="+12025550100")
        _error(api.post(f"/faxes/{inbound_id}/actions/refresh"), 422)  # nothing received yet
        sandbox.advance(30)
        refresh = api.post(f"/faxes/{inbound_id}/actions/refresh")
        assert refresh.status_code == 200 and refresh.json() == {"data": {"result": "ok"}}
        _error(api.post(f"/faxes/{fax['id']}/actions/refresh"), 422)  # outbound
        _error(api.post(f"/faxes/{MISSING_UUID}/actions/refresh"), 404)

        delete = api.delete(f"/faxes/{fax['id']}")
        assert delete.status_code == 204 and delete.content == b""
        _error(api.get(f"/faxes/{fax['id']}"), 404)
        _error(api.delete(f"/faxes/{fax['id']}"), 404)

        assert api.delete("/media/contract.pdf").status_code == 204
        _error(api.delete("/media/contract.pdf"), 404)

        other = create_app(api, application_name="Disposable")
        deleted = api.delete(f"/fax_applications/{other['id']}")
        assert deleted.status_code == 200 and deleted.json()["data"]["id"] == other["id"]
        _error(api.delete(f"/fax_applications/{other['id']}"), 404)

        # No key at all is refused the same way as a wrong one.
        assert anon.get("/faxes").json()["errors"][0]["code"] == "10009"
        assert bad.get("/faxes").status_code == 401
    finally:
        bad.close()
        anon.close()
        wrong_key.close()

    seen: dict[tuple[str, str], set[int]] = {}
    for method, path, status in api.checked + wrong_key.checked:
        template, _ = find_operation(method, path)
        seen.setdefault((method, template), set()).add(status)
    assert seen == EXPECTED


def test_every_response_carries_rate_limit_headers(sandbox, api):
    for resp in (api.get("/faxes"), api.get("/faxes/nope"), api.get("/fax_applications"),
                 httpx.get(sandbox.base_url + "/media", trust_env=False)):
        assert int(resp.headers["x-ratelimit-limit"]) > 0
        assert int(resp.headers["x-ratelimit-remaining"]) >= 0
        assert int(resp.headers["x-ratelimit-reset"]) > 0
    first = int(api.get("/faxes").headers["x-ratelimit-remaining"])
    assert int(api.get("/faxes").headers["x-ratelimit-remaining"]) == first - 1


def test_rate_limit_window_is_enforced(sandbox, api):
    sandbox.app.rate_limit = 3
    statuses = [api.get("/faxes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    last = api.get("/faxes")
    assert last.headers["x-ratelimit-remaining"] == "0"
    assert int(last.headers["Retry-After"]) > 0
    assert last.json()["errors"][0]["code"] == "10011"


def test_application_sorting_and_paging(api):
    ids = [create_app(api, application_name=name)["id"] for name in ("Bravo", "alpha", "Charlie")]
    default = [a["id"] for a in api.get("/fax_applications").json()["data"]]
    assert default == ids[::-1]  # created_at descending
    by_name = api.get("/fax_applications", params={"sort": "application_name"}).json()["data"]
    assert [a["application_name"] for a in by_name] == ["alpha", "Bravo", "Charlie"]
    by_name_desc = api.get("/fax_applications", params={"sort": "-application_name"})
    assert [a["application_name"] for a in by_name_desc.json()["data"]] == [
        "Charlie", "Bravo", "alpha"]
    oldest_first = api.get("/fax_applications", params={"sort": "created_at", "page[size]": "2",
                                                        "page[number]": "2"}).json()
    assert [a["id"] for a in oldest_first["data"]] == [ids[2]]
    assert oldest_first["meta"] == {"page_number": 2, "page_size": 2, "total_pages": 2,
                                    "total_results": 3}


def test_media_limits_and_json_upload_from_loopback(sandbox, api):
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    too_big = api.post("/media", files={"media": ("big.pdf", big, "application/pdf")})
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["source"] == {"pointer": "/media"}
    # A JSON upload whose media_url is on loopback is really fetched: here, the sandbox's own
    # link to a received fax.
    create_app(api)
    inbound = sandbox.receive_inbound(from_number="+13125550123", to="+12025550100", pages=2)
    sandbox.advance(30)
    link = api.get(f"/faxes/{inbound}").json()["data"]["media_url"]
    assert link.startswith(sandbox.root_url)
    fetched = api.post("/media", json={"media_url": link, "media_name": "received.pdf"})
    assert fetched.status_code == 201
    assert api.get("/media/received.pdf/download").content == httpx.get(link).content
    failed = api.post("/media", json={"media_url": f"{sandbox.root_url}/_sandbox/unknown"})
    assert failed.status_code == 422
    assert failed.json()["errors"][0]["source"] == {"pointer": "/media_url"}
    default_ttl = api.post("/media", json={"media_url": "https://example.com/x.pdf"}).json()
    created = default_ttl["data"]["created_at"]
    expires = default_ttl["data"]["expires_at"]
    from faxdesk.sandbox.state import parse_iso

    assert parse_iso(expires) - parse_iso(created) == 172_800 * 1_000_000
    sandbox.advance(172_801)
    assert api.get(f"/media/{default_ttl['data']['media_name']}").status_code == 404
