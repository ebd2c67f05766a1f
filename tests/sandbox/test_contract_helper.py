"""The contract helper itself catches what it is meant to catch."""

from __future__ import annotations

import pytest

from tests.support.openapi_contract import (
    ContractError,
    spec_path,
    validate_request,
    validate_response,
    validate_schema,
)

FAX = {"id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0", "record_type": "fax", "status": "queued",
       "direction": "outbound", "failure_reason": None}


def test_spec_is_found(monkeypatch, tmp_path):
    assert spec_path().name == "openapi-fax-subset.yml" and spec_path().exists()
    monkeypatch.setenv("FAXDESK_SPEC", str(tmp_path / "other.yml"))
    assert spec_path() == tmp_path / "other.yml"


def test_responses_are_checked_by_status_and_schema():
    validate_response("GET", "/v2/faxes/0ccc7b54-4df3-4bca-a65a-3da1ecc777f0", 200, {"data": FAX})
    with pytest.raises(ContractError, match="status"):
        validate_response("DELETE", "/v2/fax_applications/1", 409, {"errors": []})
    with pytest.raises(ContractError, match="queued-ish"):
        validate_response("GET", "/faxes/x", 200, {"data": {**FAX, "status": "queued-ish"}})
    with pytest.raises(ContractError, match="required"):
        validate_response("GET", "/faxes/x", 404, {"errors": [{"title": "Not Found"}]})
    with pytest.raises(ContractError, match="no body"):
        validate_response("DELETE", "/faxes/x", 204, {"data": FAX})
    validate_response("GET", "/media/a/download", 200, b"%PDF")
    with pytest.raises(ContractError):
        validate_response("GET", "/v2/nowhere", 200, {})


def test_default_null_fields_are_nullable():
    app = {"id": "1", "inbound": {"channel_limit": None, "sip_subdomain": None},
           "outbound": {"channel_limit": None}, "webhook_timeout_secs": None}
    validate_response("GET", "/fax_applications/1", 200, {"data": app})
    with pytest.raises(ContractError):
        validate_response("GET", "/fax_applications/1", 200,
                          {"data": {**app, "outbound": {"outbound_voice_profile_id": None}}})


def test_requests_are_checked():
    validate_request("GET", "/v2/faxes?filter[direction][eq]=inbound&page[size]=5")
    validate_request("GET", "/fax_applications", {"sort": "-application_name"})
    with pytest.raises(ContractError, match="undeclared"):
        validate_request("GET", "/faxes", {"sort": "created_at"})
    with pytest.raises(ContractError, match="maximum"):
        validate_request("GET", "/fax_applications", {"page[size]": "999"})
    validate_request("POST", "/faxes", None, "application/json",
                     {"connection_id": "1", "from": "+1", "to": "+2"})
    with pytest.raises(ContractError, match="'to' is a required"):
        validate_request("POST", "/faxes", None, "application/json",
                         {"connection_id": "1", "from": "+1"})
    validate_request("POST", "/media", None, "multipart/form-data",
                     {"media": b"%PDF", "ttl_secs": "60"})
    with pytest.raises(ContractError, match="does not accept"):
        validate_request("POST", "/faxes", None, "text/plain", "hi")


def test_webhook_schemas():
    event = {"event_type": "fax.delivered", "id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
             "occurred_at": "2026-01-01T00:00:00.000000Z", "record_type": "event",
             "payload": {"status": "delivered", "page_count": 2, "call_duration_secs": 9}}
    validate_schema("FaxDelivered", {"data": event, "meta": {"attempt": 1}})
    with pytest.raises(ContractError, match=r"fax\.delivered"):
        validate_schema("FaxDelivered", {"data": {**event, "event_type": "fax.received"}})
