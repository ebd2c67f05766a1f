"""An answer to a create that proves neither success nor refusal is ambiguous: the object may
exist, so the client says "maybe sent" (a TransportError with maybe_sent=True), never a refusal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import (
    AmbiguousReplyError,
    ApiError,
    TransportError,
    UnexpectedResponseError,
    ValidationError,
)
from tests.api.conftest import fast_retry
from tests.api.scripted_server import Reply, ScriptedServer

SENDER = "+13125550100"
RECIPIENT = "+13125550142"


@pytest.fixture
def api(sandbox: Any) -> Iterator[TelnyxClient]:
    client = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=10.0,
                          retry=fast_retry())
    yield client
    client.close()


@pytest.fixture
def app_id(api: TelnyxClient) -> str:
    return api.create_fax_application(
        {"application_name": "Ambiguous", "webhook_event_url": "https://example.com/hooks"}).id


def assert_maybe_sent_in_words(error: BaseException) -> None:
    assert isinstance(error, TransportError) and not isinstance(error, ApiError)
    assert error.maybe_sent is True
    text = str(error)
    assert "may have been carried out" in text
    assert "Error" not in text and "Traceback" not in text


@pytest.mark.parametrize("body", ["<html><body>OK</body></html>", "", '{"data": "ok"}',
                                  '{"data": {"status": "queued"}}', "[" * 100_000])
def test_a_2xx_to_send_fax_that_is_not_a_fax_is_ambiguous(
    sandbox: Any, api: TelnyxClient, app_id: str, make_pdf: Callable[..., Path], body: str
) -> None:
    media = api.upload_media(make_pdf(), media_name="ambiguous.pdf")
    sandbox.faults.garble_next(1, method="POST", path="/v2/faxes", body=body)
    with pytest.raises(AmbiguousReplyError) as info:
        api.send_fax(connection_id=app_id, from_number=SENDER, to=RECIPIENT,
                     media_name=media.media_name, client_state="Zm9v")
    assert_maybe_sent_in_words(info.value)
    # It was ambiguous for a reason: the fax exists, and a lookup by client_state finds it.
    found = [f for f in api.iter_faxes(to=RECIPIENT) if f.client_state == "Zm9v"]
    assert len(found) == 1


def test_a_garbled_upload_and_application_create_are_ambiguous_too(
    sandbox: Any, api: TelnyxClient, make_pdf: Callable[..., Path]
) -> None:
    sandbox.faults.garble_next(1, method="POST", path="/v2/media")
    with pytest.raises(AmbiguousReplyError) as info:
        api.upload_media(make_pdf(), media_name="garbled.pdf")
    assert_maybe_sent_in_words(info.value)
    assert api.get_media("garbled.pdf").media_name == "garbled.pdf"
    sandbox.faults.garble_next(1, method="POST", path="/v2/fax_applications")
    with pytest.raises(AmbiguousReplyError):
        api.create_fax_application({"application_name": "Garbled",
                                    "webhook_event_url": "https://example.com/hooks"})
    assert [a.application_name for a in api.iter_fax_applications()] == ["Garbled"]


def test_a_refusal_is_still_a_refusal(api: TelnyxClient, app_id: str) -> None:
    with pytest.raises(ValidationError) as info:
        api.send_fax(connection_id=app_id, from_number=SENDER, to="not a number",
                     media_url="https://example.com/a.pdf")
    assert not isinstance(info.value, TransportError)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308, 300, 399])
def test_a_redirect_answering_a_create_is_ambiguous(
    scripted: ScriptedServer, sclient: TelnyxClient, status: int
) -> None:
    scripted.push(Reply(status=status, headers={"Location": "https://example.com/"}))
    with pytest.raises(AmbiguousReplyError) as info:
        sclient.send_fax(connection_id="1", from_number=SENDER, to=RECIPIENT, media_name="m")
    assert_maybe_sent_in_words(info.value)
    assert len(scripted.requests) == 1  # and never repeated by the client itself


def test_a_reply_nested_too_deep_is_a_readable_error_not_a_crash(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    deep = b"[" * 100_000
    scripted.push(Reply(body=deep, headers={"Content-Type": "application/json"}))
    with pytest.raises(UnexpectedResponseError):
        sclient.get_fax("f")
    scripted.push(Reply(status=422, body=deep, headers={"Content-Type": "application/json"}))
    with pytest.raises(ValidationError) as info:
        sclient.cancel_fax("f")
    assert "HTTP 422" in str(info.value)
