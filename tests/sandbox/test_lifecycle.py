"""Outbound and inbound lifecycles on the manual clock, scripted failures, cancel, inbound media
links that expire and are refreshed."""

from __future__ import annotations

import threading

import httpx
import pytest
from pypdf import PdfReader

from faxdesk.sandbox.outcomes import OUTCOMES
from tests.sandbox.helpers import create_app, send, upload_pdf
from tests.support.pdfs import pdf_bytes

FAILING = sorted((n, o) for n, o in OUTCOMES.items() if o.failure_reason)


def status_of(api: httpx.Client, fax_id: str) -> dict:
    return api.get(f"/faxes/{fax_id}").json()["data"]


def test_outbound_walks_every_status_in_order(sandbox, api):
    app = create_app(api)
    fax = send(api, app["id"]).json()["data"]
    seen = [fax["status"]]
    for _ in range(40):
        sandbox.advance(0.5)
        status = status_of(api, fax["id"])["status"]
        if status != seen[-1]:
            seen.append(status)
    assert seen == ["queued", "media.processed", "originated", "sending", "delivered"]
    final = status_of(api, fax["id"])
    assert final["failure_reason"] is None and final["internal_failure_reason"] is None
    assert final["updated_at"] > final["created_at"]


def test_delivery_time_grows_with_the_real_page_count(sandbox, api):
    app = create_app(api)
    one = send(api, app["id"], media_name=upload_pdf(api, pdf_bytes(1))["media_name"])
    ten = send(api, app["id"], media_name=upload_pdf(api, pdf_bytes(10))["media_name"])
    sandbox.advance(12)
    assert status_of(api, one.json()["data"]["id"])["status"] == "delivered"
    assert status_of(api, ten.json()["data"]["id"])["status"] == "sending"
    sandbox.advance(30)
    assert status_of(api, ten.json()["data"]["id"])["status"] == "delivered"
    assert sandbox.state.faxes[ten.json()["data"]["id"]].page_count == 10


def test_multipart_contents_page_count(sandbox, api):
    app = create_app(api)
    resp = api.post("/faxes", data={"connection_id": app["id"], "from": "+12025550100",
                                    "to": "+14155550123", "quality": "very_high"},
                    files={"contents": ("doc.pdf", pdf_bytes(4), "application/pdf")})
    fax = resp.json()["data"]
    assert fax["quality"] == "very_high"
    assert sandbox.state.faxes[fax["id"]].page_count == 4


@pytest.mark.parametrize(("number", "outcome"), FAILING, ids=[o.failure_reason for _, o in FAILING])
def test_each_scripted_number_fails_with_its_reason(sandbox, api, number, outcome):
    app = create_app(api)
    fax = send(api, app["id"], to=number).json()["data"]
    sandbox.advance(4)
    assert status_of(api, fax["id"])["status"] == "sending"
    sandbox.advance(60)
    final = status_of(api, fax["id"])
    assert final["status"] == "failed"
    assert final["failure_reason"] == outcome.failure_reason
    assert final["internal_failure_reason"] == outcome.internal_failure_reason


def test_scripted_table_has_the_common_reasons_and_a_slow_number():
    reasons = {o.failure_reason for o in OUTCOMES.values()}
    assert {"user_busy", "receiver_no_answer", "receiver_call_dropped", "destination_invalid",
            "destination_unreachable", "fax_initial_communication_timeout",
            "service_unavailable", "receiver_decline"} <= reasons
    assert any(o.failure_reason is None and o.slow_factor > 1 for o in OUTCOMES.values())


def test_slow_number_takes_much_longer(sandbox, api):
    app = create_app(api)
    normal = send(api, app["id"]).json()["data"]
    slow = send(api, app["id"], to="+12025550199").json()["data"]
    sandbox.advance(30)
    assert status_of(api, normal["id"])["status"] == "delivered"
    assert status_of(api, slow["id"])["status"] in ("queued", "media.processed")
    sandbox.advance(600)
    assert status_of(api, slow["id"])["status"] == "delivered"


@pytest.mark.parametrize(("advance", "status"), [(0, "queued"), (2, "media.processed"),
                                                 (3, "originated"), (4.5, "sending")])
def test_cancel_while_in_flight(sandbox, api, advance, status):
    app = create_app(api)
    fax = send(api, app["id"]).json()["data"]
    sandbox.advance(advance)
    assert status_of(api, fax["id"])["status"] == status
    assert api.post(f"/faxes/{fax['id']}/actions/cancel").status_code == 202
    final = status_of(api, fax["id"])
    assert final["status"] == "failed" and final["failure_reason"] == "sender_canceled"
    sandbox.advance(60)
    assert status_of(api, fax["id"])["status"] == "failed"  # the lifecycle stopped


def test_cancel_after_delivery_is_refused(sandbox, api):
    app = create_app(api)
    fax = send(api, app["id"]).json()["data"]
    sandbox.advance(60)
    resp = api.post(f"/faxes/{fax['id']}/actions/cancel")
    assert resp.status_code == 422
    assert "delivered" in resp.json()["errors"][0]["detail"]


def test_documents_that_cannot_be_faxed_fail_at_media_processing(sandbox, api):
    app = create_app(api)
    broken = api.post("/faxes", data={"connection_id": app["id"], "from": "+12025550100",
                                      "to": "+14155550123"},
                      files={"contents": ("x.pdf", b"%PDF-1.4 garbage", "application/pdf")})
    unreachable = send(api, app["id"], media_url=f"{sandbox.root_url}/_sandbox/missing.pdf")
    sandbox.advance(2)
    for resp, reason in ((broken, "file_format_invalid"),
                         (unreachable, "file_download_failed")):
        final = status_of(api, resp.json()["data"]["id"])
        assert final["status"] == "failed" and final["failure_reason"] == reason


def test_non_loopback_media_url_is_never_fetched(sandbox, api):
    app = create_app(api)
    sandbox.reset_request_log()
    fax = send(api, app["id"], media_url="https://203.0.113.9/never.pdf").json()["data"]
    sandbox.advance(60)
    assert status_of(api, fax["id"])["status"] == "delivered"
    assert sandbox.state.faxes[fax["id"]].page_count == 1  # the documented placeholder


def test_stored_media_link_serves_the_document(sandbox, api):
    app = create_app(api)
    document = pdf_bytes(2)
    fax = api.post("/faxes", data={"connection_id": app["id"], "from": "+12025550100",
                                   "to": "+14155550123", "store_media": "true"},
                   files={"contents": ("d.pdf", document, "application/pdf")}).json()["data"]
    link = fax["stored_media_url"]
    assert httpx.get(link).content == document


def test_inbound_lifecycle_link_expiry_and_refresh(sandbox, api):
    app = create_app(api)
    fax_id = sandbox.receive_inbound(from_number="+13125550123", to="+12025550100", pages=3)
    first = status_of(api, fax_id)
    assert first["direction"] == "inbound" and first["status"] == "initiated"
    assert first["connection_id"] == app["id"]
    assert "media_url" not in first
    sandbox.advance(1)
    assert status_of(api, fax_id)["status"] == "receiving"
    sandbox.advance(9)
    assert status_of(api, fax_id)["status"] == "media.processing"
    sandbox.advance(2)
    received = status_of(api, fax_id)
    assert received["status"] == "received"
    link = received["media_url"]
    pdf = httpx.get(link)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    from io import BytesIO

    assert len(PdfReader(BytesIO(pdf.content)).pages) == 3

    sandbox.advance(601)  # the link lives 10 minutes of sandbox time
    expired = httpx.get(link)
    assert expired.status_code == 403 and b"AccessDenied" in expired.content
    assert status_of(api, fax_id)["media_url"] == link  # still the stale link until refresh
    assert api.post(f"/faxes/{fax_id}/actions/refresh").status_code == 200
    fresh = status_of(api, fax_id)["media_url"]
    assert fresh != link
    assert httpx.get(fresh).content == pdf.content
    tampered = fresh.replace("signature=", "signature=0")
    assert httpx.get(tampered).status_code == 403


def test_inbound_via_control_endpoint_uses_the_number_owner(sandbox, api, control):
    create_app(api, application_name="First")
    second = create_app(api, application_name="Second")
    control.post("/_sandbox/phone_numbers", json={"phone_number": "+13125550100",
                                                 "connection_id": second["id"]})
    resp = control.post("/_sandbox/inbound", json={"from": "+16175550134", "to": "+13125550100",
                                                   "pages": 2})
    assert resp.status_code == 201
    assert resp.json()["data"]["connection_id"] == second["id"]
    bad = control.post("/_sandbox/inbound", json={"from": "nope", "to": "+13125550100"})
    assert bad.status_code == 422


def test_list_filters(sandbox, api):
    app = create_app(api)
    a = send(api, app["id"], to="+14155550001").json()["data"]
    sandbox.advance(1)
    b = send(api, app["id"], to="+14155550002").json()["data"]
    sandbox.advance(1)
    inbound = sandbox.receive_inbound(from_number="+13125550123", to="+12025550100")

    def ids(**params: str) -> list[str]:
        return [f["id"] for f in api.get("/faxes", params=params).json()["data"]]

    assert ids() == [inbound, b["id"], a["id"]]
    assert ids(**{"filter[direction][eq]": "inbound"}) == [inbound]
    assert ids(**{"filter[to][eq]": "+14155550001"}) == [a["id"]]
    assert ids(**{"filter[from][eq]": "+13125550123"}) == [inbound]
    assert ids(**{"filter[created_at][gte]": b["created_at"]}) == [inbound, b["id"]]
    assert ids(**{"filter[created_at][gt]": b["created_at"]}) == [inbound]
    assert ids(**{"filter[created_at][lte]": b["created_at"]}) == [b["id"], a["id"]]
    assert ids(**{"filter[created_at][lt]": b["created_at"]}) == [a["id"]]
    assert ids(**{"page[size]": "1", "page[number]": "3"}) == [a["id"]]


def test_multipart_contents_limits(sandbox, api):
    app = create_app(api)
    fields = {"connection_id": app["id"], "from": "+12025550100", "to": "+14155550123"}
    missing = api.post("/faxes", data=fields, files={"other": ("a.pdf", b"%PDF", "x/y")})
    assert missing.json()["errors"][0]["source"] == {"pointer": "/contents"}
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    too_big = api.post("/faxes", data=fields, files={"contents": ("a.pdf", big, "application/pdf")})
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["source"] == {"pointer": "/contents"}
    both = api.post("/faxes", data={**fields, "media_name": "x"},
                    files={"contents": ("a.pdf", pdf_bytes(1), "application/pdf")})
    assert both.status_code == 422
    assert api.get("/faxes").json()["meta"]["total_results"] == 0


def test_running_clock_with_speed_reaches_delivered():
    from faxdesk.sandbox.server import SandboxServer

    with SandboxServer(speed=200) as server, httpx.Client(
            base_url=server.base_url, trust_env=False, timeout=10,
            headers={"Authorization": f"Bearer {server.api_key}"}) as api:
        app = create_app(api)
        fax = send(api, app["id"]).json()["data"]
        status = fax["status"]
        for _ in range(400):  # bounded wait, not a timing assertion
            status = status_of(api, fax["id"])["status"]
            if status == "delivered":
                break
            threading.Event().wait(0.01)
        assert status == "delivered"


def test_control_clock_endpoints(sandbox, control):
    info = control.get("/_sandbox").json()
    assert info["base_url"] == sandbox.base_url and info["manual_clock"] is True
    before = control.get("/_sandbox/clock").json()["now"]
    after = control.post("/_sandbox/clock/advance", json={"seconds": 90}).json()["now"]
    assert after - before == pytest.approx(90)
    assert control.post("/_sandbox/clock/advance", json={"seconds": -1}).status_code == 422
