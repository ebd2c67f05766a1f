"""Fidelity: Telnyx's own Python SDK, pointed at the sandbox, works as against api.telnyx.com.

The SDK parses every response with its generated models and raises its own typed errors, so a
wrong shape, status code or error envelope in the sandbox shows up here as an SDK failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import telnyx  # the official SDK: a test dependency only, never imported by FaxDesk

from faxdesk.sandbox.server import SandboxServer


@pytest.fixture
def demo_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(manual_clock=True, demo=True) as server:
        yield server


@pytest.fixture
def sdk(demo_sandbox: SandboxServer) -> Any:
    return telnyx.Telnyx(api_key=demo_sandbox.api_key, base_url=demo_sandbox.base_url,
                         max_retries=0)


def test_fax_applications_round_trip(sdk: Any) -> None:
    created = sdk.fax_applications.create(application_name="SDK office",
                                          webhook_event_url="https://example.com/hooks")
    app_id = created.data.id
    assert created.data.application_name == "SDK office" and created.data.active is True
    names = [a.application_name for a in sdk.fax_applications.list().data]
    assert "SDK office" in names
    updated = sdk.fax_applications.update(app_id, application_name="SDK office 2",
                                          webhook_event_url="https://example.com/hooks")
    assert updated.data.application_name == "SDK office 2"
    assert sdk.fax_applications.retrieve(app_id).data.application_name == "SDK office 2"
    assert sdk.fax_applications.delete(app_id).data.id == app_id
    with pytest.raises(telnyx.NotFoundError):
        sdk.fax_applications.retrieve(app_id)


def test_send_follow_cancel_and_delete_a_fax(sdk: Any, demo_sandbox: SandboxServer) -> None:
    app = next(a for a in sdk.fax_applications.list().data if a.application_name == "Front desk")
    numbers = sdk.phone_numbers.list(filter={"connection_id": app.id}).data
    assert numbers, "the demo application has numbers to send from"
    sent = sdk.faxes.create(connection_id=app.id, from_=numbers[0].phone_number,
                            to="+14155550123", media_url="https://example.com/doc.pdf")
    assert sent.data.status == "queued" and sent.data.direction == "outbound"
    assert sdk.faxes.actions.cancel(sent.data.id).data.result == "ok"
    demo_sandbox.advance(5)
    cancelled = sdk.faxes.retrieve(sent.data.id).data
    assert cancelled.status == "failed"
    with pytest.raises(telnyx.UnprocessableEntityError):
        sdk.faxes.actions.cancel(sent.data.id)  # only while in flight
    listed = sdk.faxes.list(page_size=5)
    assert len(listed.data) == 5
    sdk.faxes.delete(sent.data.id)
    with pytest.raises(telnyx.NotFoundError):
        sdk.faxes.retrieve(sent.data.id)


def test_sdk_errors_match_the_sandbox_status_codes(demo_sandbox: SandboxServer) -> None:
    wrong_key = telnyx.Telnyx(api_key="KEY-wrong", base_url=demo_sandbox.base_url, max_retries=0)
    with pytest.raises(telnyx.AuthenticationError) as auth:
        wrong_key.faxes.list()
    assert auth.value.status_code == 401
    sdk = telnyx.Telnyx(api_key=demo_sandbox.api_key, base_url=demo_sandbox.base_url,
                        max_retries=0)
    with pytest.raises(telnyx.UnprocessableEntityError):
        sdk.faxes.create(connection_id="1", from_="not a number", to="+14155550123",
                         media_url="https://example.com/doc.pdf")
