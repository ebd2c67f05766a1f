"""Every TelnyxClient method against the sandbox over loopback HTTP, with each request the client
sent checked against the official spec subset (the contract tests)."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import AuthenticationError, NotFoundError, ValidationError
from tests.api.conftest import fast_retry
from tests.api.recording import RecordingTransport

SENDER = "+13125550100"
RECIPIENT = "+13125550142"  # not in the sandbox's outcome table: delivered


@pytest.fixture
def recorder() -> RecordingTransport:
    return RecordingTransport()


@pytest.fixture
def api(sandbox: Any, recorder: RecordingTransport) -> Iterator[TelnyxClient]:
    client = TelnyxClient(
        sandbox.api_key,
        base_url=sandbox.base_url,
        timeout=10.0,
        retry=fast_retry(),
        transport=recorder,
    )
    yield client
    client.close()


@pytest.fixture
def control(sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.root_url, timeout=10.0, trust_env=False) as client:
        yield client


def assert_all_requests_match_spec(recorder: RecordingTransport) -> None:
    """Every API request (under /v2) matches the spec; document links are not API paths."""
    api_requests = [r for r in recorder.sent if r.path.startswith("/v2/")]
    assert api_requests
    for request in api_requests:
        request.validate()


def new_application(api: TelnyxClient, name: str = "FaxDesk test") -> str:
    app = api.create_fax_application(
        {"application_name": name, "webhook_event_url": "https://example.com/hooks"}
    )
    return app.id


def test_fax_applications_end_to_end(api: TelnyxClient, recorder: RecordingTransport) -> None:
    created = api.create_fax_application(
        {
            "application_name": "Front office",
            "webhook_event_url": "https://example.com/hooks",
            "anchorsite_override": "Amsterdam, Netherlands",
            "inbound": {
                "channel_limit": 4,
                "sip_subdomain_receive_settings": "only_my_connections",
            },
            "outbound": {"channel_limit": 2, "outbound_voice_profile_id": "1293384261075731500"},
            "tags": ["office"],
        }
    )
    assert created.id.isdigit()
    assert created.application_name == "Front office"
    assert created.inbound.channel_limit == 4 and created.tags == ("office",)
    other = new_application(api, "Back office")

    fetched = api.get_fax_application(created.id)
    assert fetched.anchorsite_override == "Amsterdam, Netherlands"
    updated = api.update_fax_application(
        created.id,
        {
            "application_name": "Front office",
            "webhook_event_url": "https://example.com/hooks",
            "active": False,
        },
    )
    assert updated.active is False

    page = api.list_fax_applications(name_contains="office", sort="application_name", page_size=1)
    assert [a.application_name for a in page.items] == ["Back office"]
    assert page.meta.total_pages == 2 and page.has_next
    names = [
        a.application_name for a in api.iter_fax_applications(sort="-application_name", page_size=1)
    ]
    assert names == ["Front office", "Back office"]
    assert (
        api.list_fax_applications(outbound_voice_profile_id="1293384261075731500").items[0].id
        == created.id
    )

    deleted = api.delete_fax_application(other)
    assert deleted.id == other
    with pytest.raises(NotFoundError):
        api.get_fax_application(other)
    assert_all_requests_match_spec(recorder)


def test_media_end_to_end(
    api: TelnyxClient, recorder: RecordingTransport, make_pdf: Callable[..., Path]
) -> None:
    pdf = make_pdf(pages=2)
    uploaded = api.upload_media(pdf, media_name="faxdesk-tok1", ttl_secs=3600)
    assert uploaded.media_name == "faxdesk-tok1"
    assert uploaded.content_type == "application/pdf"
    assert uploaded.created_at and uploaded.expires_at
    assert uploaded.expires_at - uploaded.created_at == timedelta(seconds=3600)
    generated = api.upload_media(pdf.read_bytes())  # the server names it
    assert generated.media_name and generated.media_name != "faxdesk-tok1"

    assert api.get_media("faxdesk-tok1").media_name == "faxdesk-tok1"
    assert {m.media_name for m in api.list_media()} == {"faxdesk-tok1", generated.media_name}
    assert api.download_media("faxdesk-tok1") == pdf.read_bytes()

    api.delete_media("faxdesk-tok1")
    with pytest.raises(NotFoundError):
        api.get_media("faxdesk-tok1")
    assert_all_requests_match_spec(recorder)
    upload = recorder.sent[0]
    assert upload.content_type and upload.content_type.startswith("multipart/form-data")
    assert upload.body["media"] == pdf.read_bytes()
    assert upload.body["media_name"] == "faxdesk-tok1" and upload.body["ttl_secs"] == "3600"


def test_send_follow_list_cancel_and_delete_faxes(
    sandbox: Any, api: TelnyxClient, recorder: RecordingTransport, make_pdf: Callable[..., Path]
) -> None:
    app_id = new_application(api)
    api.upload_media(make_pdf(pages=1), media_name="faxdesk-tok2")
    token = base64.b64encode(b"faxdesk:tok2").decode()
    before = datetime.now(UTC) - timedelta(hours=1)

    fax = api.send_fax(
        connection_id=app_id,
        from_number=SENDER,
        to=RECIPIENT,
        media_name="faxdesk-tok2",
        quality="very_high",
        monochrome=True,
        black_threshold=80,
        store_preview=True,
        preview_format="pdf",
        webhook_url="https://example.com/fax-hooks",
        client_state=token,
        from_display_name="Front desk",
        t38_enabled=True,
    )
    assert (fax.status, fax.direction, fax.client_state) == ("queued", "outbound", token)
    assert fax.from_number == SENDER and fax.to == RECIPIENT

    sandbox.advance(600)
    done = api.get_fax(fax.id)
    assert done.status == "delivered" and done.is_final

    other = api.send_fax(
        connection_id=app_id,
        from_number=SENDER,
        to="+13125550143",
        media_url="https://example.com/document.pdf",
        quality="normal",
    )
    assert other.status == "queued"
    api.cancel_fax(other.id)
    sandbox.advance(60)
    cancelled = api.get_fax(other.id)
    assert cancelled.status == "failed" and cancelled.failure_reason

    page = api.list_faxes(
        created_at_or_after=before,
        direction="outbound",
        from_number=SENDER,
        to=RECIPIENT,
        page_size=10,
    )
    assert [f.id for f in page.items] == [fax.id]
    window = api.list_faxes(
        created_after=before,
        created_before=datetime.now(UTC) + timedelta(days=1),
        created_at_or_before=datetime.now(UTC) + timedelta(days=1),
    )
    assert {f.id for f in window.items} >= {fax.id, other.id}
    assert {f.id for f in api.iter_faxes(direction="outbound", page_size=1)} == {fax.id, other.id}

    api.delete_fax(other.id)
    with pytest.raises(NotFoundError):
        api.get_fax(other.id)
    assert_all_requests_match_spec(recorder)
    sent = next(r for r in recorder.sent if r.method == "POST" and r.path == "/v2/faxes")
    assert sent.body["from"] == SENDER and "from_number" not in sent.body


def test_inbound_fax_download_and_refresh(
    sandbox: Any, api: TelnyxClient, recorder: RecordingTransport
) -> None:
    app_id = new_application(api)
    fax_id = sandbox.receive_inbound(
        from_number="+13125550177", to=SENDER, connection_id=app_id, pages=2
    )
    sandbox.advance(600)
    fax = api.get_fax(fax_id)
    assert (fax.direction, fax.status) == ("inbound", "received")
    assert fax.media_url
    sink = io.BytesIO()
    written = api.download_url(fax.media_url, sink)
    assert written == len(sink.getvalue()) > 0
    assert sink.getvalue().startswith(b"%PDF")
    api.refresh_fax(fax_id)
    refreshed = api.get_fax(fax_id)
    assert refreshed.media_url
    assert_all_requests_match_spec(recorder)
    link = next(r for r in recorder.sent if not r.path.startswith("/v2/"))
    assert link.method == "GET"


def test_phone_numbers_by_application(
    sandbox: Any, api: TelnyxClient, recorder: RecordingTransport, control: httpx.Client
) -> None:
    app_id = new_application(api)
    other_app = new_application(api, "Other app")
    for number, app in (
        ("+13125550101", app_id),
        ("+13125550102", app_id),
        ("+13125550103", other_app),
    ):
        sandbox.state.add_phone_number(number, app)
    page = api.list_phone_numbers(connection_id=app_id, page_size=1)
    assert page.meta.total_results == 2 and page.has_next
    numbers = sorted(n.phone_number or "" for n in api.iter_phone_numbers(connection_id=app_id))
    assert numbers == ["+13125550101", "+13125550102"]
    assert all(n.connection_id == app_id for n in api.iter_phone_numbers(connection_id=app_id))
    assert len(api.list_phone_numbers().items) == 3
    assert_all_requests_match_spec(recorder)


def test_sandbox_errors_arrive_typed(sandbox: Any, api: TelnyxClient) -> None:
    with pytest.raises(NotFoundError) as missing:
        api.get_fax("0c9a7a9e-6b71-4d4c-8e0a-1f4f0b7a0d11")
    assert missing.value.code and missing.value.title
    with pytest.raises(ValidationError) as invalid:
        api.send_fax(
            connection_id="1",
            from_number="not a number",
            to=RECIPIENT,
            media_url="https://example.com/a.pdf",
        )
    assert invalid.value.errors and invalid.value.status_code == 422
    bad_key = TelnyxClient("KEYwrong", base_url=sandbox.base_url, retry=fast_retry())
    try:
        with pytest.raises(AuthenticationError) as auth:
            bad_key.list_faxes()
        assert auth.value.code == "10009"
    finally:
        bad_key.close()
