"""Webhook signature verification (fax-api.md §5.5) and event parsing (§5.1–5.3)."""

from __future__ import annotations

import base64
import contextlib
import json
from datetime import UTC, datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nacl.signing import SigningKey

from faxdesk.webhooks import (
    InvalidPublicKeyError,
    InvalidSignatureError,
    MalformedWebhookError,
    StaleTimestampError,
    WebhookVerificationError,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

NOW = 1_790_000_000
SEEDS = st.binary(min_size=32, max_size=32)
BODIES = st.binary(min_size=1, max_size=512)


def public_b64(seed: bytes) -> str:
    return base64.b64encode(bytes(SigningKey(seed).verify_key)).decode()


def signed(body: bytes, seed: bytes, ts: int) -> dict[str, str]:
    """Signed exactly as §5.5 says, with PyNaCl directly (independent of sign_webhook)."""
    signature = SigningKey(seed).sign(f"{ts}|".encode() + body).signature
    return {
        "telnyx-timestamp": str(ts),
        "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
    }


# ------------------------------------------------------------------ properties of verification


@given(seed=SEEDS, body=BODIES, skew=st.integers(-300, 300))
def test_valid_webhooks_are_accepted_within_the_window(seed: bytes, body: bytes, skew: int) -> None:
    verify_webhook(body, signed(body, seed, NOW + skew), public_b64(seed), now=NOW)


@given(seed=SEEDS, body=BODIES, flip=st.data())
def test_any_change_of_body_is_rejected(seed: bytes, body: bytes, flip: st.DataObject) -> None:
    headers = signed(body, seed, NOW)
    other = flip.draw(BODIES.filter(lambda b: b != body))
    with pytest.raises(InvalidSignatureError):
        verify_webhook(other, headers, public_b64(seed), now=NOW)


@given(seed=SEEDS, body=BODIES, delta=st.integers(-300, 300).filter(bool))
def test_any_change_of_timestamp_is_rejected(seed: bytes, body: bytes, delta: int) -> None:
    headers = signed(body, seed, NOW)
    headers["telnyx-timestamp"] = str(NOW + delta)  # still inside the window
    with pytest.raises(InvalidSignatureError):
        verify_webhook(body, headers, public_b64(seed), now=NOW)


@given(seed=SEEDS, body=BODIES, index=st.integers(0, 63), bit=st.integers(0, 7))
def test_any_change_of_signature_is_rejected(
    seed: bytes, body: bytes, index: int, bit: int
) -> None:
    headers = signed(body, seed, NOW)
    raw = bytearray(base64.b64decode(headers["telnyx-signature-ed25519"]))
    raw[index] ^= 1 << bit
    headers["telnyx-signature-ed25519"] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(InvalidSignatureError):
        verify_webhook(body, headers, public_b64(seed), now=NOW)


@given(seed=SEEDS, other_seed=SEEDS, body=BODIES)
def test_another_key_is_rejected(seed: bytes, other_seed: bytes, body: bytes) -> None:
    assume(seed != other_seed)
    with pytest.raises(InvalidSignatureError):
        verify_webhook(body, signed(body, seed, NOW), public_b64(other_seed), now=NOW)


@given(seed=SEEDS, body=BODIES, age=st.integers(301, 10**9), future=st.booleans())
def test_stale_and_future_timestamps_are_rejected(
    seed: bytes, body: bytes, age: int, future: bool
) -> None:
    ts = NOW + age if future else NOW - age
    with pytest.raises(StaleTimestampError) as info:
        verify_webhook(body, signed(body, seed, ts), public_b64(seed), now=NOW)
    assert (info.value.skew < 0) is future
    assert ("future" in str(info.value)) is future


@settings(max_examples=50)
@given(seed=SEEDS, body=BODIES, ts=st.integers(0, 2 * NOW))
def test_sign_webhook_helper_matches_the_scheme(seed: bytes, body: bytes, ts: int) -> None:
    assert sign_webhook(body, seed, ts) == signed(body, seed, ts)


# ------------------------------------------------------------------ the edges, by example


def test_header_names_are_case_insensitive() -> None:
    seed = bytes(range(32))
    body = b'{"data": {}}'
    headers = {k.upper(): v for k, v in signed(body, seed, NOW).items()}
    verify_webhook(body, headers, public_b64(seed), now=NOW)
    headers = {
        "Telnyx-Timestamp": str(NOW),
        "Telnyx-Signature-Ed25519": signed(body, seed, NOW)["telnyx-signature-ed25519"],
    }
    verify_webhook(body, headers, public_b64(seed), now=NOW)


def test_exactly_300_seconds_is_accepted_301_is_not() -> None:
    seed = bytes(32)
    body = b"x"
    verify_webhook(body, signed(body, seed, NOW - 300), public_b64(seed), now=NOW)
    verify_webhook(body, signed(body, seed, NOW + 300), public_b64(seed), now=NOW)
    with pytest.raises(StaleTimestampError):
        verify_webhook(body, signed(body, seed, NOW - 301), public_b64(seed), now=NOW)
    with pytest.raises(StaleTimestampError):
        verify_webhook(body, signed(body, seed, NOW + 301), public_b64(seed), now=NOW)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "not base64!!",
        base64.b64encode(bytes(31)).decode(),
        base64.b64encode(bytes(64)).decode(),
        "AAAA",
    ],
)
def test_malformed_public_keys(key: str) -> None:
    with pytest.raises(InvalidPublicKeyError):
        verify_webhook(b"x", signed(b"x", bytes(32), NOW), key, now=NOW)


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({}, b"x"),
        ({"telnyx-timestamp": str(NOW)}, b"x"),
        ({"telnyx-signature-ed25519": "AAAA"}, b"x"),
        ({"telnyx-timestamp": "12.5", "telnyx-signature-ed25519": "AAAA"}, b"x"),
        ({"telnyx-timestamp": "soon", "telnyx-signature-ed25519": "AAAA"}, b"x"),
        ({"telnyx-timestamp": str(NOW), "telnyx-signature-ed25519": "AAAA"}, b""),
    ],
)
def test_missing_or_malformed_headers_and_empty_body(headers: dict[str, str], body: bytes) -> None:
    with pytest.raises(MalformedWebhookError):
        verify_webhook(body, headers, public_b64(bytes(32)), now=NOW)


@pytest.mark.parametrize("signature", ["!!!", base64.b64encode(bytes(63)).decode()])
def test_garbled_signature(signature: str) -> None:
    headers = {"telnyx-timestamp": str(NOW), "telnyx-signature-ed25519": signature}
    with pytest.raises(InvalidSignatureError):
        verify_webhook(b"x", headers, public_b64(bytes(32)), now=NOW)


def test_all_errors_share_one_base() -> None:
    for cls in (
        InvalidSignatureError,
        StaleTimestampError,
        InvalidPublicKeyError,
        MalformedWebhookError,
    ):
        assert issubclass(cls, WebhookVerificationError)


def test_body_is_verified_as_received_not_reserialised() -> None:
    seed = bytes(32)
    body = b'{"data":  {"event_type":"fax.queued"}}'  # odd spacing must be kept
    headers = signed(body, seed, NOW)
    verify_webhook(body, headers, public_b64(seed), now=NOW)
    with pytest.raises(InvalidSignatureError):
        verify_webhook(json.dumps(json.loads(body)).encode(), headers, public_b64(seed), now=NOW)


# ------------------------------------------------------------------ parsing


def envelope(event_type: str, payload: object, **meta: object) -> bytes:
    return json.dumps(
        {
            "data": {
                "event_type": event_type,
                "id": "e1",
                "occurred_at": "2026-11-26T13:08:22.039204Z",
                "record_type": "event",
                "payload": payload,
            },
            "meta": {"attempt": 2, "delivered_to": "https://example.com/hook", **meta},
        }
    ).encode()


def test_outbound_delivered_event() -> None:
    event = parse_webhook(
        envelope(
            "fax.delivered",
            {
                "fax_id": "f1",
                "status": "delivered",
                "direction": "outbound",
                "connection_id": "77",
                "from": "+13125550100",
                "to": "+13125550199",
                "client_state": "dG9r",
                "media_name": "faxdesk-1",
                "call_duration_secs": 42,
                "page_count": 3,
                "user_id": "u",
            },
        )
    )
    assert (event.id, event.event_type, event.fax_id, event.status) == (
        "e1",
        "fax.delivered",
        "f1",
        "delivered",
    )
    assert (event.from_number, event.to, event.client_state) == (
        "+13125550100",
        "+13125550199",
        "dG9r",
    )
    assert (event.page_count, event.call_duration_secs, event.attempt) == (3, 42, 2)
    assert event.occurred_at == datetime(2026, 11, 26, 13, 8, 22, 39204, tzinfo=UTC)
    assert event.is_known and not event.is_inbound
    assert event.payload["user_id"] == "u"


def test_outbound_failed_keeps_unknown_reason_text() -> None:
    event = parse_webhook(
        envelope(
            "fax.failed",
            {
                "fax_id": "f1",
                "status": "failed",
                "direction": "outbound",
                "failure_reason": "brand_new_reason",
                "internal_failure_reason": "sip 486",
            },
        )
    )
    assert event.failure_reason == "brand_new_reason"
    assert event.internal_failure_reason == "sip 486"


def test_sending_started_status_is_sending_even_when_omitted() -> None:
    event = parse_webhook(envelope("fax.sending.started", {"fax_id": "f1"}))
    assert event.status == "sending"


def test_inbound_received_event() -> None:
    event = parse_webhook(
        envelope(
            "fax.received",
            {
                "fax_id": "f2",
                "status": "received",
                "direction": "inbound",
                "from": "+1",
                "to": "+2",
                "media_url": "https://s3.example/f2.pdf?X-Amz-Expires=600",
                "page_count": 2,
                "partial_content": False,
                "call_duration_secs": 30,
                "caller_id": "+1",
            },
        )
    )
    assert event.is_inbound and event.media_url and event.page_count == 2
    assert event.partial_content is False


def test_unknown_event_type_is_kept_as_text() -> None:
    event = parse_webhook(envelope("fax.teleported", {"fax_id": "f3", "status": "beamed"}))
    assert (event.event_type, event.status, event.is_known) == ("fax.teleported", "beamed", False)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[]",
        b"null",
        b'{"data": []}',
        b'{"data": {}}',
        b'{"data": {"event_type": 5}}',
        b'{"data": {"event_type": "fax.queued", "payload": [1]}}',
        b"[" * 100_000,
    ],
)
def test_malformed_bodies(body: bytes) -> None:
    with pytest.raises(MalformedWebhookError):
        parse_webhook(body)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)


@settings(max_examples=40, deadline=None)
@given(
    payload=st.dictionaries(
        st.sampled_from(
            [
                "fax_id",
                "status",
                "direction",
                "from",
                "to",
                "page_count",
                "call_duration_secs",
                "partial_content",
                "media_url",
                "failure_reason",
                "client_state",
                "x",
            ]
        ),
        JSON,
    ),
    event_type=st.text(min_size=1, max_size=30),
    meta=JSON,
)
def test_odd_but_well_formed_envelopes_parse(payload: dict, event_type: str, meta: object) -> None:
    body = json.dumps(
        {"data": {"event_type": event_type, "payload": payload, "id": 5}, "meta": meta}
    ).encode()
    event = parse_webhook(body)
    assert event.event_type == event_type
    assert event.page_count is None or isinstance(event.page_count, int)


@given(st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_parse_never_raises_anything_but_malformed(body: bytes) -> None:
    with contextlib.suppress(MalformedWebhookError):
        parse_webhook(body)


def test_text_body_is_refused_as_a_programming_error() -> None:
    # Verification is over the bytes as received; decoded text may already differ from them.
    with pytest.raises(TypeError):
        verify_webhook("x", signed(b"x", bytes(32), NOW), public_b64(bytes(32)), now=NOW)  # type: ignore[arg-type]
