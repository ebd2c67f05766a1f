"""What the client puts on the wire and how it reads replies, against a scripted loopback server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from faxdesk import __version__
from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import UnexpectedResponseError
from tests.api.conftest import SECRET_KEY
from tests.api.scripted_server import Reply, ScriptedServer

FAX = {
    "id": "0c9a7a9e-6b71-4d4c-8e0a-1f4f0b7a0d11",
    "record_type": "fax",
    "direction": "outbound",
    "status": "queued",
    "from": "+13125550100",
    "to": "+13125550199",
    "connection_id": "1293384261075731499",
    "client_state": "dG9rZW4=",
    "created_at": "2026-11-26T10:00:00Z",
    "brand_new_field": {"kept": True},
}


def test_headers_carry_bearer_key_user_agent_and_json_accept(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(json={"data": FAX}))
    sclient.get_fax(FAX["id"])
    headers = scripted.requests[0].headers
    assert headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert headers["user-agent"] == f"FaxDesk/{__version__}"
    assert headers["accept"] == "application/json"
    assert scripted.requests[0].path == f"/v2/faxes/{FAX['id']}"


def test_list_faxes_sends_every_filter_as_deep_object(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(
        Reply(
            json={
                "data": [FAX],
                "meta": {"page_number": 2, "page_size": 5, "total_pages": 3, "total_results": 11},
            }
        )
    )
    cet = timezone(timedelta(hours=1))
    page = sclient.list_faxes(
        created_after=datetime(2026, 11, 1, 12, 0, tzinfo=cet),
        created_at_or_after="2026-11-01T00:00:00Z",
        created_before=datetime(2026, 11, 30, 0, 0, 0, 123456, tzinfo=UTC),
        created_at_or_before=datetime(2026, 12, 1),  # naive: taken as UTC
        direction="outbound",
        from_number="+13125550100",
        to="+13125550199",
        page_number=2,
        page_size=5,
    )
    assert dict(scripted.requests[0].query) == {
        "filter[created_at][gt]": "2026-11-01T11:00:00Z",
        "filter[created_at][gte]": "2026-11-01T00:00:00Z",
        "filter[created_at][lt]": "2026-11-30T00:00:00.123456Z",
        "filter[created_at][lte]": "2026-12-01T00:00:00Z",
        "filter[direction][eq]": "outbound",
        "filter[from][eq]": "+13125550100",
        "filter[to][eq]": "+13125550199",
        "page[number]": "2",
        "page[size]": "5",
    }
    assert page.items[0].from_number == "+13125550100"
    assert page.items[0].raw["brand_new_field"] == {"kept": True}
    assert page.meta.total_results == 11 and page.has_next


def test_list_fax_applications_filters_and_sort(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(json={"data": [], "meta": {}}))
    sclient.list_fax_applications(
        name_contains="rou", outbound_voice_profile_id="42", sort="-application_name"
    )
    assert dict(scripted.requests[0].query) == {
        "filter[application_name][contains]": "rou",
        "filter[outbound_voice_profile_id]": "42",
        "sort": "-application_name",
        "page[number]": "1",
        "page[size]": "20",
    }


def test_send_fax_json_uses_spec_field_names_and_omits_unset(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(status=202, json={"data": FAX}))
    fax = sclient.send_fax(
        connection_id="1293384261075731499",
        from_number="+13125550100",
        to="+13125550199",
        media_name="faxdesk-abc",
        quality="high",
        monochrome=False,
        client_state="dG9rZW4=",
    )
    request = scripted.requests[0]
    assert (request.method, request.path) == ("POST", "/v2/faxes")
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body) == {
        "connection_id": "1293384261075731499",
        "from": "+13125550100",
        "to": "+13125550199",
        "media_name": "faxdesk-abc",
        "quality": "high",
        "monochrome": False,
        "client_state": "dG9rZW4=",
    }
    assert fax.id == FAX["id"] and fax.status == "queued"


def test_send_fax_refuses_both_or_neither_media(sclient: TelnyxClient) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        sclient.send_fax(connection_id="1", from_number="+1", to="+2")
    with pytest.raises(ValueError, match="exactly one"):
        sclient.send_fax(
            connection_id="1", from_number="+1", to="+2", media_name="a", media_url="http://x/y"
        )


def test_upload_media_from_a_file_is_multipart_with_media_part(
    scripted: ScriptedServer, sclient: TelnyxClient, tmp_path: Path
) -> None:
    document = tmp_path / "letter.pdf"
    document.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    scripted.push(
        Reply(
            status=201,
            json={
                "data": {
                    "media_name": "faxdesk-1",
                    "content_type": "application/pdf",
                    "expires_at": "2026-11-28T10:00:00Z",
                }
            },
        )
    )
    media = sclient.upload_media(document, media_name="faxdesk-1", ttl_secs=3600)
    request = scripted.requests[0]
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.form == {"media_name": "faxdesk-1", "ttl_secs": "3600"}
    assert request.files["media"] == ("letter.pdf", "application/pdf", document.read_bytes())
    assert media.media_name == "faxdesk-1"
    assert media.expires_at == datetime(2026, 11, 28, 10, tzinfo=UTC)


def test_upload_media_from_bytes(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    scripted.push(Reply(status=201, json={"data": {"media_name": "generated-uuid"}}))
    media = sclient.upload_media(b"II*\x00tiff", content_type="image/tiff", filename="scan.tiff")
    request = scripted.requests[0]
    assert request.form == {}
    assert request.files["media"] == ("scan.tiff", "image/tiff", b"II*\x00tiff")
    assert media.media_name == "generated-uuid"


def test_ids_are_quoted_so_they_cannot_change_the_path(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(json={"data": {"media_name": "a/../b?c"}}))
    sclient.get_media("a/../b?c")
    assert scripted.requests[0].raw_uri == "/v2/media/a%2F..%2Fb%3Fc"
    assert scripted.requests[0].query == []
    with pytest.raises(ValueError):
        sclient.get_fax("")


def test_no_content_replies_and_result_ok_replies(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(
        Reply(status=204),
        Reply(status=202, json={"data": {"result": "ok"}}),
        Reply(status=200, json={"data": {"result": "ok"}}),
        Reply(status=204),
    )
    assert sclient.delete_fax("f1") is None
    assert sclient.cancel_fax("f1") is None
    assert sclient.refresh_fax("f1") is None
    assert sclient.delete_media("m1") is None
    assert [(r.method, r.path) for r in scripted.requests] == [
        ("DELETE", "/v2/faxes/f1"),
        ("POST", "/v2/faxes/f1/actions/cancel"),
        ("POST", "/v2/faxes/f1/actions/refresh"),
        ("DELETE", "/v2/media/m1"),
    ]
    assert scripted.requests[1].body == b""


def test_fax_application_crud_bodies(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    app = {
        "id": "1293384261075731499",
        "application_name": "fax-router",
        "active": True,
        "inbound": {"channel_limit": 10},
        "tags": ["a"],
    }
    scripted.push(
        Reply(status=201, json={"data": app}),
        Reply(json={"data": app}),
        Reply(json={"data": {**app, "active": False}}),
        Reply(json={"data": app}),
    )
    created = sclient.create_fax_application(
        {"application_name": "fax-router", "webhook_event_url": "https://example.com/hook"}
    )
    fetched = sclient.get_fax_application(app["id"])
    updated = sclient.update_fax_application(app["id"], {"active": False})
    deleted = sclient.delete_fax_application(app["id"])
    methods = [(r.method, r.path) for r in scripted.requests]
    assert methods == [
        ("POST", "/v2/fax_applications"),
        ("GET", f"/v2/fax_applications/{app['id']}"),
        ("PATCH", f"/v2/fax_applications/{app['id']}"),
        ("DELETE", f"/v2/fax_applications/{app['id']}"),
    ]
    assert json.loads(scripted.requests[2].body) == {"active": False}
    assert created.inbound.channel_limit == 10 and fetched.tags == ("a",)
    assert updated.active is False and deleted.id == app["id"]


def test_download_media_returns_the_bytes(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    content = b"%PDF-1.7 binary \x00\xff" * 1000
    scripted.push(Reply(body=content, headers={"Content-Type": "application/octet-stream"}))
    assert sclient.download_media("doc 1") == content
    assert scripted.requests[0].raw_uri == "/v2/media/doc%201/download"


def test_list_media_and_phone_numbers(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    scripted.push(
        Reply(json={"data": [{"media_name": "a"}, {"media_name": "b"}], "meta": {}}),
        Reply(
            json={
                "data": [
                    {
                        "id": "1",
                        "phone_number": "+13125550100",
                        "status": "active",
                        "connection_id": "77",
                    }
                ],
                "meta": {"page_number": 1, "total_pages": 1},
            }
        ),
    )
    assert [m.media_name for m in sclient.list_media()] == ["a", "b"]
    numbers = sclient.list_phone_numbers(connection_id="77", page_size=50)
    assert numbers.items[0].phone_number == "+13125550100"
    assert dict(scripted.requests[1].query) == {
        "filter[connection_id]": "77",
        "page[number]": "1",
        "page[size]": "50",
    }


def test_iterators_follow_meta_until_the_last_page(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    def page(n: int, ids: list[str]) -> Reply:
        return Reply(
            json={
                "data": [{**FAX, "id": i} for i in ids],
                "meta": {"page_number": n, "page_size": 2, "total_pages": 3},
            }
        )

    scripted.push(page(1, ["a", "b"]), page(2, ["c", "d"]), page(3, ["e"]))
    assert [f.id for f in sclient.iter_faxes(direction="inbound", page_size=2)] == list("abcde")
    assert [dict(r.query)["page[number]"] for r in scripted.requests] == ["1", "2", "3"]
    assert all(dict(r.query)["filter[direction][eq]"] == "inbound" for r in scripted.requests)


def test_a_page_is_parsed_once(
    scripted: ScriptedServer, sclient: TelnyxClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page of 250 faxes is 120 KB of JSON: its items and its meta come from one parse.
    parses: list[int] = []
    real = httpx.Response.json

    def counted(response: httpx.Response, **kwargs: object) -> object:
        parses.append(1)
        return real(response, **kwargs)

    monkeypatch.setattr(httpx.Response, "json", counted)
    scripted.push(Reply(json={"data": [FAX, {**FAX, "id": "b"}],
                              "meta": {"page_number": 1, "page_size": 2, "total_pages": 4,
                                       "total_results": 8}}))
    page = sclient.list_faxes(page_size=2)
    assert [f.id for f in page.items] == [FAX["id"], "b"]
    assert (page.meta.total_pages, page.meta.total_results, page.has_next) == (4, 8, True)
    assert len(parses) == 1


def test_iterator_stops_on_a_server_that_keeps_saying_page_one(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    # A misbehaving server must not make the iterator ask for page 1 forever.
    scripted.default = Reply(
        json={"data": [{"id": "x"}], "meta": {"page_number": 1, "total_pages": 3}}
    )
    ids = [n.id for n in sclient.iter_phone_numbers()]
    assert ids == ["x", "x", "x"]
    assert [dict(r.query)["page[number]"] for r in scripted.requests] == ["1", "2", "3"]


def test_iter_fax_applications_stops_on_an_empty_page(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(json={"data": [], "meta": {"page_number": 1, "total_pages": 9}}))
    assert list(sclient.iter_fax_applications(name_contains="fax")) == []
    assert len(scripted.requests) == 1


def test_unknown_status_and_odd_field_types_never_crash(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(
        Reply(
            json={
                "data": {
                    "id": "f",
                    "status": "teleported",
                    "page_count": "x",
                    "created_at": "yesterday",
                    "from": 13125550100,
                }
            }
        )
    )
    fax = sclient.get_fax("f")
    assert fax.status == "teleported" and fax.page_count is None and fax.created_at is None
    assert fax.from_number == "13125550100"


def test_a_reply_that_is_not_json_is_a_readable_error(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(body=b"<html>hello</html>", headers={"Content-Type": "text/html"}))
    with pytest.raises(UnexpectedResponseError) as info:
        sclient.get_fax("f")
    assert "could not read" in str(info.value)


def test_rate_limit_headers_are_exposed(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    assert sclient.rate_limit is None
    scripted.push(
        Reply(
            json={"data": FAX},
            headers={
                "x-ratelimit-limit": "100",
                "x-ratelimit-remaining": "97",
                "x-ratelimit-reset": "42",
            },
        )
    )
    sclient.get_fax("f")
    info = sclient.rate_limit
    assert info is not None
    assert (info.limit, info.remaining, info.reset_after) == (100, 97, 42.0)
