"""Typed views of the Telnyx fax objects (shared/telnyx/fax-api.md §1.4, §2.3, §3, §6).

Parsing is tolerant by design: every field is optional on the wire, unknown fields are kept in
`raw`, and an unknown status or failure reason stays as its text. Data from the network must never
crash the app, so `from_json` accepts any mapping and coerces what it can.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


#: Statuses after which a fax never changes again.
FINAL_STATUSES = frozenset({"delivered", "failed", "received"})
#: Outbound statuses in which Telnyx accepts a cancel (§1.1).
CANCELLABLE_STATUSES = frozenset({"queued", "media.processed", "originated", "sending"})
#: Order of the lifecycle, used to refuse moving a fax backwards. Unknown statuses rank 0.
STATUS_RANK: Mapping[str, int] = {
    "initiated": 1,
    "queued": 1,
    "receiving": 2,
    "media.processed": 2,
    "media.processing": 3,
    "originated": 3,
    "sending": 4,
    "delivered": 9,
    "failed": 9,
    "received": 9,
}


def parse_timestamp(value: Any) -> datetime | None:
    """ISO 8601 (with `Z` or an offset, with or without microseconds) to an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        from datetime import UTC

        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _bool(value: Any, default: bool | None = None) -> bool | None:
    return value if isinstance(value, bool) else default


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True, slots=True)
class Fax:
    id: str
    direction: str | None = None
    status: str | None = None
    from_number: str | None = None
    to: str | None = None
    connection_id: str | None = None
    from_display_name: str | None = None
    media_url: str | None = None
    media_name: str | None = None
    quality: str | None = None
    store_media: bool | None = None
    stored_media_url: str | None = None
    preview_url: str | None = None
    webhook_url: str | None = None
    webhook_failover_url: str | None = None
    client_state: str | None = None
    failure_reason: str | None = None
    internal_failure_reason: str | None = None
    page_count: int | None = None
    call_duration_secs: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


    @classmethod
    def from_json(cls, data: Any) -> Fax:
        d = _mapping(data)
        return cls(
            id=_str(d.get("id")) or "",
            direction=_str(d.get("direction")),
            status=_str(d.get("status")),
            from_number=_str(d.get("from")),
            to=_str(d.get("to")),
            connection_id=_str(d.get("connection_id")),
            from_display_name=_str(d.get("from_display_name")),
            media_url=_str(d.get("media_url")),
            media_name=_str(d.get("media_name")),
            quality=_str(d.get("quality")),
            store_media=_bool(d.get("store_media")),
            stored_media_url=_str(d.get("stored_media_url")),
            preview_url=_str(d.get("preview_url")),
            webhook_url=_str(d.get("webhook_url")),
            webhook_failover_url=_str(d.get("webhook_failover_url")),
            client_state=_str(d.get("client_state")),
            failure_reason=_str(d.get("failure_reason")),
            internal_failure_reason=_str(d.get("internal_failure_reason")),
            page_count=_int(d.get("page_count")),
            call_duration_secs=_int(d.get("call_duration_secs")),
            created_at=parse_timestamp(d.get("created_at")),
            updated_at=parse_timestamp(d.get("updated_at")),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class InboundSettings:
    channel_limit: int | None = None
    sip_subdomain: str | None = None
    sip_subdomain_receive_settings: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> InboundSettings:
        d = _mapping(data)
        return cls(
            channel_limit=_int(d.get("channel_limit")),
            sip_subdomain=_str(d.get("sip_subdomain")),
            sip_subdomain_receive_settings=_str(d.get("sip_subdomain_receive_settings")),
        )


@dataclass(frozen=True, slots=True)
class OutboundSettings:
    channel_limit: int | None = None
    outbound_voice_profile_id: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> OutboundSettings:
        d = _mapping(data)
        return cls(
            channel_limit=_int(d.get("channel_limit")),
            outbound_voice_profile_id=_str(d.get("outbound_voice_profile_id")),
        )


ANCHOR_SITES = (
    "Latency",
    "Chicago, IL",
    "Ashburn, VA",
    "San Jose, CA",
    "Sydney, Australia",
    "Amsterdam, Netherlands",
    "London, UK",
    "Toronto, Canada",
    "Vancouver, Canada",
    "Frankfurt, Germany",
)
SIP_RECEIVE_SETTINGS = ("only_my_connections", "from_anyone")


@dataclass(frozen=True, slots=True)
class FaxApplication:
    id: str
    application_name: str | None = None
    active: bool | None = None
    anchorsite_override: str | None = None
    webhook_event_url: str | None = None
    webhook_event_failover_url: str | None = None
    webhook_timeout_secs: int | None = None
    inbound: InboundSettings = field(default_factory=InboundSettings)
    outbound: OutboundSettings = field(default_factory=OutboundSettings)
    tags: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: Any) -> FaxApplication:
        d = _mapping(data)
        tags = d.get("tags")
        return cls(
            id=_str(d.get("id")) or "",
            application_name=_str(d.get("application_name")),
            active=_bool(d.get("active")),
            anchorsite_override=_str(d.get("anchorsite_override")),
            webhook_event_url=_str(d.get("webhook_event_url")),
            webhook_event_failover_url=_str(d.get("webhook_event_failover_url")),
            webhook_timeout_secs=_int(d.get("webhook_timeout_secs")),
            inbound=InboundSettings.from_json(d.get("inbound")),
            outbound=OutboundSettings.from_json(d.get("outbound")),
            tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
            created_at=parse_timestamp(d.get("created_at")),
            updated_at=parse_timestamp(d.get("updated_at")),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class MediaResource:
    media_name: str
    content_type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    expires_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: Any) -> MediaResource:
        d = _mapping(data)
        return cls(
            media_name=_str(d.get("media_name")) or "",
            content_type=_str(d.get("content_type")),
            created_at=parse_timestamp(d.get("created_at")),
            updated_at=parse_timestamp(d.get("updated_at")),
            expires_at=parse_timestamp(d.get("expires_at")),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    id: str
    phone_number: str | None = None
    status: str | None = None
    connection_id: str | None = None
    connection_name: str | None = None
    phone_number_type: str | None = None
    country_iso_alpha2: str | None = None
    tags: tuple[str, ...] = ()
    t38_fax_gateway_enabled: bool | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: Any) -> PhoneNumber:
        d = _mapping(data)
        tags = d.get("tags")
        return cls(
            id=_str(d.get("id")) or "",
            phone_number=_str(d.get("phone_number")),
            status=_str(d.get("status")),
            connection_id=_str(d.get("connection_id")),
            connection_name=_str(d.get("connection_name")),
            phone_number_type=_str(d.get("phone_number_type")),
            country_iso_alpha2=_str(d.get("country_iso_alpha2")),
            tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
            t38_fax_gateway_enabled=_bool(d.get("t38_fax_gateway_enabled")),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class PageMeta:
    page_number: int = 1
    page_size: int = 20
    total_pages: int = 1
    total_results: int = 0

    @classmethod
    def from_json(cls, data: Any, *, fallback_count: int = 0) -> PageMeta:
        d = _mapping(data)
        return cls(
            page_number=_int(d.get("page_number")) or 1,
            page_size=_int(d.get("page_size")) or 20,
            total_pages=_int(d.get("total_pages")) or 1,
            total_results=_int(d.get("total_results")) or fallback_count,
        )


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    meta: PageMeta

    @property
    def has_next(self) -> bool:
        return self.meta.page_number < self.meta.total_pages
