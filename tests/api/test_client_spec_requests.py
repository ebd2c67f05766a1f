"""Requests the official spec refuses are never sent: no null where only a string is allowed in
an application update, and the media download asks for the type the spec offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from faxdesk.api.client import TelnyxClient
from tests.api.conftest import fast_retry
from tests.api.recording import RecordingTransport
from tests.support.openapi_contract import find_operation

#: What the application dialog sends for a PATCH where the user left the optional fields empty.
EMPTY_OPTIONALS: dict[str, Any] = {
    "application_name": "Front desk",
    "active": True,
    "anchorsite_override": "Latency",
    "webhook_event_url": "https://example.com/hooks",
    "tags": [],
    "webhook_event_failover_url": None,
    "webhook_timeout_secs": None,
    "inbound": {"sip_subdomain_receive_settings": "from_anyone", "channel_limit": None,
                "sip_subdomain": None},
    "outbound": {"channel_limit": None, "outbound_voice_profile_id": None},
}


@pytest.fixture
def recorder() -> RecordingTransport:
    return RecordingTransport()


@pytest.fixture
def api(sandbox: Any, recorder: RecordingTransport) -> Iterator[TelnyxClient]:
    client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=10.0,
                          retry=fast_retry(), transport=recorder)
    yield client
    client.close()


def test_an_update_leaves_out_what_the_user_did_not_set(
    api: TelnyxClient, recorder: RecordingTransport
) -> None:
    app = api.create_fax_application(EMPTY_OPTIONALS)
    updated = api.update_fax_application(app.id, {**EMPTY_OPTIONALS, "tags": ["x"]})
    assert list(updated.tags) == ["x"]
    for request in recorder.sent:
        request.validate()  # the spec's schema: no null where only a string is allowed
    patch = recorder.sent[-1]
    assert patch.method == "PATCH"
    assert patch.body["inbound"] == {"sip_subdomain_receive_settings": "from_anyone"}
    assert "outbound" not in patch.body  # nothing in it was set
    # Fields the spec lets be null keep their null: that is how the user clears them.
    assert patch.body["webhook_event_failover_url"] is None
    assert patch.body["webhook_timeout_secs"] is None


def test_set_values_are_all_sent(api: TelnyxClient, recorder: RecordingTransport) -> None:
    app = api.create_fax_application(EMPTY_OPTIONALS)
    fields = {**EMPTY_OPTIONALS, "outbound": {"channel_limit": 3,
                                               "outbound_voice_profile_id": "1293384261075731499"}}
    updated = api.update_fax_application(app.id, fields)
    assert updated.outbound.outbound_voice_profile_id == "1293384261075731499"
    assert recorder.sent[-1].body["outbound"] == fields["outbound"]
    recorder.sent[-1].validate()


def test_the_media_download_accepts_what_the_spec_offers(
    api: TelnyxClient, recorder: RecordingTransport
) -> None:
    api.upload_media(b"%PDF-1.4\n%%EOF\n", media_name="a.pdf")
    assert api.download_media("a.pdf").startswith(b"%PDF")
    download = recorder.sent[-1]
    _, operation = find_operation("GET", download.path)
    offered = set(operation["responses"]["200"]["content"])
    assert offered == {"application/octet-stream"}
    assert download.headers["accept"] in offered
    # Every other call still asks for JSON.
    assert recorder.sent[0].headers["accept"] == "application/json"
