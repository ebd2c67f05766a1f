"""Telnyx fax webhooks: Ed25519 signature verification and parsing into typed events.

Verification follows shared/telnyx/fax-api.md §5.5 exactly: the signature in
`telnyx-signature-ed25519` (base64, 64 bytes) is checked with the account's public key (base64
of the raw 32-byte Ed25519 key) over the bytes `b"<telnyx-timestamp>|" + raw body`, and the
timestamp must be within `tolerance` seconds of now in either direction. The signature is checked
before the clock, so a StaleTimestampError always means an authentic delivery that is too old or
from the future (a replay, or this machine's clock is off).

PyNaCl is imported on first use: the app imports this module at start-up, verification comes later.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from faxdesk.api.models import parse_timestamp

#: More digits than any Unix time in seconds for the next 30,000 years: such a timestamp is
#: out of tolerance without converting it (int() refuses strings over 4,300 digits).
_MAX_TIMESTAMP_DIGITS = 12

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"
DEFAULT_TOLERANCE = 300

#: Event type → the fax status it reports (§5.2, §5.3); used when a payload omits `status`.
STATUS_FOR_EVENT: Mapping[str, str] = {
    "fax.queued": "queued",
    "fax.media.processed": "media.processed",
    "fax.sending.started": "sending",
    "fax.delivered": "delivered",
    "fax.failed": "failed",
    "fax.receiving.started": "receiving",
    "fax.media.processing.started": "media.processing",
    "fax.received": "received",
}
KNOWN_EVENT_TYPES = frozenset(STATUS_FOR_EVENT)


class WebhookVerificationError(Exception):
    """A delivery that must not be trusted. The message says why, in words."""


class InvalidSignatureError(WebhookVerificationError):
    """The signature does not match the body and timestamp under the configured key."""


class StaleTimestampError(WebhookVerificationError):
    """An authentic delivery signed too long ago, or in the future."""

    def __init__(self, message: str, *, skew: float) -> None:
        super().__init__(message)
        #: now − timestamp in seconds: positive when old, negative when from the future.
        self.skew = skew


class InvalidPublicKeyError(WebhookVerificationError):
    """The configured public key is not base64 of 32 bytes (a settings problem, not an attack)."""


class MalformedWebhookError(WebhookVerificationError):
    """Missing headers, an empty body, or a body that is not a Telnyx event."""


def decode_public_key(public_key_b64: str) -> bytes:
    """The raw 32-byte key, or InvalidPublicKeyError."""
    try:
        raw = base64.b64decode(public_key_b64.strip(), validate=True)
    except (binascii.Error, ValueError, AttributeError):
        raise InvalidPublicKeyError(
            "The webhook public key is not valid base64; copy it again from the Telnyx portal "
            "(Account Settings → Keys & Credentials)."
        ) from None
    if len(raw) != 32:
        raise InvalidPublicKeyError(
            f"The webhook public key decodes to {len(raw)} bytes, not 32; copy the Ed25519 public "
            "key again from the Telnyx portal."
        )
    return raw


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name:
            return value
    return None


def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    public_key_b64: str,
    *,
    now: float | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> None:
    """Accept a delivery (return None) or raise a WebhookVerificationError subclass."""
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    key = decode_public_key(public_key_b64)
    if isinstance(body, str):
        raise TypeError("verify_webhook needs the raw body bytes exactly as received, not text")
    if not body:
        raise MalformedWebhookError("The webhook has no body.")
    timestamp = _header(headers, TIMESTAMP_HEADER)
    signature_b64 = _header(headers, SIGNATURE_HEADER)
    if timestamp is None or signature_b64 is None:
        missing = TIMESTAMP_HEADER if timestamp is None else SIGNATURE_HEADER
        raise MalformedWebhookError(f"The webhook has no {missing} header.")
    stripped = timestamp.strip()
    if not stripped.isascii() or not stripped.isdigit():
        raise MalformedWebhookError("The webhook's telnyx-timestamp is not a Unix time in seconds.")
    try:
        signature = base64.b64decode(signature_b64.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidSignatureError("The webhook signature is not valid base64.") from None
    if len(signature) != 64:
        raise InvalidSignatureError("The webhook signature has the wrong length.")
    message = timestamp.encode("utf-8") + b"|" + bytes(body)
    try:
        VerifyKey(key).verify(message, signature)
    except (BadSignatureError, CryptoError, ValueError):
        raise InvalidSignatureError(
            "The webhook signature does not match (wrong public key, or the delivery was altered)."
        ) from None
    digits = stripped.lstrip("0") or "0"
    if len(digits) > _MAX_TIMESTAMP_DIGITS:
        raise StaleTimestampError(
            f"The webhook is dated thousands of years in the future, more than the {tolerance} s "
            "allowed.",
            skew=-math.inf,
        )
    skew = (time.time() if now is None else now) - int(digits)
    if skew > tolerance:
        raise StaleTimestampError(
            f"The webhook was signed {skew:.0f} s ago, more than the {tolerance} s allowed "
            "(a replay, or this computer's clock is wrong).",
            skew=skew,
        )
    if skew < -tolerance:
        raise StaleTimestampError(
            f"The webhook is dated {-skew:.0f} s in the future, more than the {tolerance} s "
            "allowed (this computer's clock may be wrong).",
            skew=skew,
        )


def sign_webhook(body: bytes, private_key_seed: bytes, timestamp: int) -> dict[str, str]:
    """The headers Telnyx would send with `body` (for the sandbox and tests)."""
    from nacl.signing import SigningKey

    signed = SigningKey(private_key_seed).sign(str(timestamp).encode() + b"|" + body)
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: base64.b64encode(signed.signature).decode("ascii"),
    }


@dataclass(frozen=True, slots=True)
class FaxEvent:
    """One webhook delivery (§5.1) with the payload fields FaxDesk uses pulled out."""

    id: str
    event_type: str
    occurred_at: datetime | None = None
    record_type: str | None = None
    fax_id: str | None = None
    status: str | None = None
    direction: str | None = None
    connection_id: str | None = None
    from_number: str | None = None
    to: str | None = None
    client_state: str | None = None
    media_url: str | None = None
    media_name: str | None = None
    page_count: int | None = None
    partial_content: bool | None = None
    failure_reason: str | None = None
    internal_failure_reason: str | None = None
    call_duration_secs: int | None = None
    attempt: int | None = None
    delivered_to: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_known(self) -> bool:
        return self.event_type in KNOWN_EVENT_TYPES

    @property
    def is_inbound(self) -> bool:
        if self.direction is not None:
            return self.direction == "inbound"
        return self.event_type in (
            "fax.receiving.started",
            "fax.media.processing.started",
            "fax.received",
        )


def _s(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    return value if isinstance(value, str) else str(value)


def _i(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_webhook(body: bytes) -> FaxEvent:
    """The event in a delivery's body, or MalformedWebhookError. Never anything else."""
    try:
        document = json.loads(body)
    except (ValueError, TypeError, RecursionError):
        raise MalformedWebhookError("The webhook body is not JSON.") from None
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        raise MalformedWebhookError("The webhook body has no `data` object.")
    event_type = data.get("event_type")
    if not isinstance(event_type, str) or not event_type:
        raise MalformedWebhookError("The webhook has no event_type.")
    raw_payload = data.get("payload")
    if raw_payload is not None and not isinstance(raw_payload, dict):
        raise MalformedWebhookError("The webhook payload is not an object.")
    payload: dict[str, Any] = raw_payload or {}
    meta = document.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    partial = payload.get("partial_content")
    return FaxEvent(
        id=_s(data.get("id")) or "",
        event_type=event_type,
        occurred_at=parse_timestamp(data.get("occurred_at")),
        record_type=_s(data.get("record_type")),
        fax_id=_s(payload.get("fax_id")),
        status=_s(payload.get("status")) or STATUS_FOR_EVENT.get(event_type),
        direction=_s(payload.get("direction")),
        connection_id=_s(payload.get("connection_id")),
        from_number=_s(payload.get("from")),
        to=_s(payload.get("to")),
        client_state=_s(payload.get("client_state")),
        media_url=_s(payload.get("media_url")),
        media_name=_s(payload.get("media_name")),
        page_count=_i(payload.get("page_count")),
        partial_content=partial if isinstance(partial, bool) else None,
        failure_reason=_s(payload.get("failure_reason")),
        internal_failure_reason=_s(payload.get("internal_failure_reason")),
        call_duration_secs=_i(payload.get("call_duration_secs")),
        attempt=_i(meta.get("attempt")),
        delivered_to=_s(meta.get("delivered_to")),
        payload=payload,
    )
