"""The sandbox's models and fax lifecycle: pure Python, no HTTP, one lock, an injected clock.

Every public method takes the lock. Timestamps are integer microseconds since the epoch so that a
`created_at` printed to a client and sent back as a filter compares exactly. Webhook events are
handed to `event_sink` in order; the sink must only queue them (the webhook sender POSTs from its
own thread), so a slow receiver never blocks the API.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import contextlib
import hashlib
import hmac
import math
import random
import re
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from faxdesk.sandbox.clock import Clock
from faxdesk.sandbox.documents import DocumentInfo, analyze, make_pdf
from faxdesk.sandbox.outcomes import inbound_outcome_for, outcome_for

US = 1_000_000
MEDIA_TTL_DEFAULT = 172_800
MEDIA_TTL_MAX = 630_720_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
INBOUND_URL_TTL_DEFAULT = 600.0  # fax-api.md §5.3: the inbound link works for 10 minutes
STORED_URL_TTL = 600.0
CANCELLABLE = frozenset({"queued", "media.processed", "originated", "sending"})
QUALITIES = ("normal", "high", "very_high", "ultra_light", "ultra_dark")
ANCHORSITES = ("Latency", "Chicago, IL", "Ashburn, VA", "San Jose, CA", "Sydney, Australia",
               "Amsterdam, Netherlands", "London, UK", "Toronto, Canada", "Vancouver, Canada",
               "Frankfurt, Germany")
APP_SORTS = ("created_at", "application_name", "active")
E164 = re.compile(r"^\+[1-9]\d{1,14}$")
SIP_URI = re.compile(r"^sips?:[^@\s]+@[^@\s]+$")
DISPLAY_NAME = re.compile(r"^[A-Za-z0-9 \-_~!.+]{1,128}$")
SANDBOX_USER_ID = "c8a7f3e2-5b1d-4e6a-9f0c-2d3b4a5e6f70"

# Outbound stage delays in sandbox seconds (multiplied by an outcome's slow_factor).
MEDIA_PROCESS_SECS = 2.0
ORIGINATE_SECS = 1.0
DIAL_SECS = 1.0
SECS_PER_PAGE = 3.0
CONNECT_SECS = 2.0
FAIL_AFTER_SENDING_SECS = 5.0
# Inbound stage delays.
INBOUND_ANSWER_SECS = 1.0
INBOUND_PROCESS_SECS = 2.0


class ApiProblem(Exception):
    """A request the API refuses; the HTTP layer turns it into the Telnyx error envelope."""

    def __init__(self, status: int, code: str, title: str, detail: str, *,
                 pointer: str | None = None, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter

    def to_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"code": self.code, "title": self.title, "detail": self.detail}
        if self.pointer is not None:
            item["source"] = {"pointer": self.pointer}
        elif self.parameter is not None:
            item["source"] = {"parameter": self.parameter}
        item["meta"] = {"url": f"https://developers.telnyx.com/docs/overview/errors/{self.code}"}
        return {"errors": [item]}


def invalid(pointer: str, detail: str, code: str = "10015") -> ApiProblem:
    return ApiProblem(422, code, "Unprocessable Entity", detail, pointer=pointer)


def bad_param(parameter: str, detail: str) -> ApiProblem:
    return ApiProblem(400, "10015", "Bad Request", detail, parameter=parameter)


def not_found(what: str) -> ApiProblem:
    return ApiProblem(404, "404", "Not Found", f"The requested {what} does not exist")


def iso(us: int) -> str:
    dt = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=us)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(value: str) -> int:
    dt = datetime.fromisoformat(value.strip().replace(" ", "+"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return (dt - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


@dataclass(slots=True)
class WebhookEvent:
    """One event to deliver; the sender wraps it in the §5.1 envelope per attempt."""

    id: str
    event_type: str
    occurred_at: str
    payload: dict[str, Any]
    url: str
    failover_url: str | None
    timeout: float | None = None  # the application's webhook_timeout_secs, when set


@dataclass(slots=True)
class FaxApplication:
    id: str
    fields: dict[str, Any]
    created_at: int
    updated_at: int

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "record_type": "fax_application"}
        out.update(self.fields)
        out["created_at"] = iso(self.created_at)
        out["updated_at"] = iso(self.updated_at)
        return out


@dataclass(slots=True)
class Media:
    name: str
    content_type: str
    data: bytes
    created_at: int
    updated_at: int
    expires_at: int

    def to_json(self) -> dict[str, Any]:
        return {"media_name": self.name, "content_type": self.content_type,
                "created_at": iso(self.created_at), "updated_at": iso(self.updated_at),
                "expires_at": iso(self.expires_at)}


@dataclass(slots=True)
class PhoneNumber:
    id: str
    phone_number: str
    connection_id: str | None
    created_at: int
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Fax:
    id: str
    seq: int
    direction: str
    connection_id: str
    from_: str
    to: str
    status: str
    created_at: int
    updated_at: int
    quality: str = "high"
    media_url: str | None = None  # outbound: as sent; inbound: the signed link (see media_link)
    media_name: str | None = None
    store_media: bool = False
    store_preview: bool = False
    preview_format: str = "tiff"
    webhook_url: str | None = None
    webhook_failover_url: str = ""
    client_state: str | None = None
    from_display_name: str | None = None
    t38_enabled: bool = True
    monochrome: bool = False
    black_threshold: int = 95
    document: bytes | None = None
    page_count: int = 1
    document_failure: str | None = None
    failure_reason: str | None = None
    internal_failure_reason: str | None = None
    call_duration_secs: int | None = None
    slow_factor: float = 1.0
    outcome_failure: str | None = None
    outcome_internal: str | None = None
    schedule: list[tuple[int, str]] = field(default_factory=list)
    media_expires_at: int | None = None  # inbound link expiry (sandbox clock)


class SandboxState:
    """All resources of one sandbox account and the clock-driven fax lifecycle."""

    def __init__(self, clock: Clock, *, url_base: str = "http://127.0.0.1",
                 inbound_url_ttl: float = INBOUND_URL_TTL_DEFAULT,
                 event_sink: Callable[[list[WebhookEvent]], None] | None = None) -> None:
        self.clock = clock
        self.url_base = url_base  # the server sets this once it knows its port
        self.inbound_url_ttl = inbound_url_ttl
        self.event_sink = event_sink
        self.lock = threading.RLock()
        self._url_secret = secrets.token_bytes(32)
        self._rand = random.Random(0x5A4D)
        self._seq = 0
        self._next_app_id = 1_293_384_261_075_731_499
        self.applications: dict[str, FaxApplication] = {}
        self.media: dict[str, Media] = {}
        self.numbers: dict[str, PhoneNumber] = {}
        self.faxes: dict[str, Fax] = {}
        self._order: list[tuple[int, int, str]] = []  # (created_at, seq, id), ascending
        self._inflight: set[str] = set()
        self._pending: list[WebhookEvent] = []

    # -- plumbing ---------------------------------------------------------------------------------

    def now_us(self) -> int:
        return round(self.clock.now() * US)

    @contextlib.contextmanager
    def _mutating(self) -> Iterator[None]:
        with self.lock:
            try:
                yield
            finally:
                events, self._pending = self._pending, []
                # Handed over under the lock so two threads cannot reorder one fax's events;
                # the sink only queues them, it never waits on a receiver.
                if events and self.event_sink is not None:
                    self.event_sink(events)

    def tick(self) -> None:
        """Apply every lifecycle step that is due on the clock."""
        with self._mutating():
            self._tick_locked()

    def _tick_locked(self) -> None:
        if not self._inflight:
            return
        now = self.now_us()
        for fax_id in sorted(self._inflight, key=lambda i: self.faxes[i].seq):
            fax = self.faxes[fax_id]
            while fax.schedule and fax.schedule[0][0] <= now:
                at, status = fax.schedule.pop(0)
                self._transition(fax, status, at)
            if not fax.schedule:
                self._inflight.discard(fax_id)

    # -- fax applications -------------------------------------------------------------------------

    def create_application(self, body: Any) -> dict[str, Any]:
        fields = self._validate_application(body, partial=False)
        with self._mutating():
            app_id = str(self._next_app_id)
            self._next_app_id += self._rand.randint(1, 9_999)
            now = self.now_us()
            defaults: dict[str, Any] = {
                "active": True, "anchorsite_override": "Latency",
                "webhook_event_failover_url": "", "webhook_timeout_secs": None,
                "inbound": {"channel_limit": None, "sip_subdomain": None,
                            "sip_subdomain_receive_settings": "from_anyone"},
                "outbound": {"channel_limit": None},
                "tags": [],
            }
            merged = _merge(defaults, fields)
            app = FaxApplication(app_id, merged, now, now)
            self.applications[app_id] = app
            return app.to_json()

    def get_application(self, app_id: str) -> dict[str, Any]:
        with self.lock:
            return self._app(app_id).to_json()

    def update_application(self, app_id: str, body: Any) -> dict[str, Any]:
        with self._mutating():
            app = self._app(app_id)
            fields = self._validate_application(body, partial=True)
            fields.pop("fax_email_recipient", None)  # accepted, but not part of the response
            app.fields = _merge(app.fields, fields)
            app.updated_at = max(self.now_us(), app.updated_at)
            return app.to_json()

    def delete_application(self, app_id: str) -> dict[str, Any]:
        with self._mutating():
            app = self._app(app_id)
            used = [n.phone_number for n in self.numbers.values() if n.connection_id == app_id]
            if used:
                # The spec declares 400 (not 422) for a refused delete.
                raise ApiProblem(400, "10015", "Bad Request",
                                 "The application still has phone numbers assigned: "
                                 + ", ".join(used), pointer="/")
            del self.applications[app_id]
            return app.to_json()

    def list_applications(self, *, name_contains: str | None, ovp_id: str | None,
                          sort: str | None, page: int,
                          size: int) -> tuple[list[Any], dict[str, int]]:
        if name_contains is not None and len(name_contains) < 3:
            raise bad_param("filter[application_name][contains]",
                            "The filter needs at least 3 characters")
        key = sort or "-created_at"
        desc = key.startswith("-")
        name = key.lstrip("-")
        if name not in APP_SORTS:
            raise bad_param("sort", f"sort must be one of {', '.join(APP_SORTS)} (optionally "
                            "prefixed with -)")
        with self.lock:
            apps = list(self.applications.values())
        if name_contains is not None:
            apps = [a for a in apps
                    if name_contains.lower() in str(a.fields["application_name"]).lower()]
        if ovp_id is not None:
            apps = [a for a in apps if a.fields["outbound"].get("outbound_voice_profile_id")
                    == ovp_id]

        def sort_key(a: FaxApplication) -> tuple[Any, int]:
            if name == "created_at":
                return (a.created_at, int(a.id))
            if name == "active":
                return (bool(a.fields["active"]), a.created_at)
            return (str(a.fields["application_name"]).lower(), a.created_at)

        apps.sort(key=sort_key, reverse=desc)
        return _paginate([a.to_json() for a in apps], page, size)

    def _app(self, app_id: str) -> FaxApplication:
        app = self.applications.get(app_id)
        if app is None:
            raise not_found("fax application")
        return app

    def _validate_application(self, body: Any, *, partial: bool) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise ApiProblem(400, "10015", "Bad Request", "The request body must be a JSON object",
                             pointer="/")
        out: dict[str, Any] = {}
        if not partial:
            for req in ("application_name", "webhook_event_url"):
                if body.get(req) in (None, ""):
                    raise invalid(f"/{req}", f"{req} is required", "10004")
        for key, value in body.items():
            if key == "application_name":
                if not isinstance(value, str) or not value.strip():
                    raise invalid("/application_name",
                                  "application_name must be a non-empty string")
            elif key == "webhook_event_url":
                if not _is_url(value):
                    raise invalid("/webhook_event_url", "webhook_event_url must be an http(s) URL",
                                  "10003")
            elif key == "webhook_event_failover_url":
                if value not in (None, "") and not _is_url(value):
                    raise invalid("/webhook_event_failover_url",
                                  "webhook_event_failover_url must be an http(s) URL", "10003")
                value = value or ""
            elif key == "active":
                if not isinstance(value, bool):
                    raise invalid("/active", "active must be a boolean")
            elif key == "anchorsite_override":
                if value not in ANCHORSITES:
                    raise invalid("/anchorsite_override",
                                  "anchorsite_override must be one of " + ", ".join(ANCHORSITES))
            elif key == "webhook_timeout_secs":
                if value is not None and (not _is_int(value) or not 0 <= value <= 30):
                    raise invalid("/webhook_timeout_secs",
                                  "webhook_timeout_secs must be an integer from 0 to 30")
            elif key == "tags":
                if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                    raise invalid("/tags", "tags must be an array of strings")
            elif key == "inbound":
                value = _check_object(value, "/inbound", {
                    "channel_limit": _opt_int, "sip_subdomain": _opt_str,
                    "sip_subdomain_receive_settings": lambda v: v in ("only_my_connections",
                                                                      "from_anyone")})
            elif key == "outbound":
                value = _check_object(value, "/outbound", {
                    "channel_limit": _opt_int, "outbound_voice_profile_id": _opt_str})
            elif key == "fax_email_recipient":
                if not partial or (value is not None and (not isinstance(value, str)
                                                          or "@" not in value)):
                    raise invalid("/fax_email_recipient", "fax_email_recipient must be an email")
            else:
                continue  # unknown fields are ignored, as a tolerant server does
            out[key] = value
        return out

    # -- phone numbers ----------------------------------------------------------------------------

    def add_phone_number(self, phone_number: str, connection_id: str | None = None,
                         tags: list[str] | None = None) -> dict[str, Any]:
        if not isinstance(phone_number, str) or not E164.match(phone_number):
            raise invalid("/phone_number", "phone_number must be +E.164", "10016")
        with self._mutating():
            if connection_id is not None:
                self._app(connection_id)
            existing = next((n for n in self.numbers.values()
                             if n.phone_number == phone_number), None)
            if existing is not None:
                existing.connection_id = connection_id
                return self._number_json(existing)
            num = PhoneNumber(str(1_500_000_000_000_000_000 + len(self.numbers) * 7919),
                              phone_number, connection_id, self.now_us(), list(tags or []))
            self.numbers[num.id] = num
            return self._number_json(num)

    def list_phone_numbers(self, *, connection_id: str | None, page: int,
                           size: int) -> tuple[list[Any], dict[str, int]]:
        with self.lock:
            nums = [n for n in self.numbers.values()
                    if connection_id is None or n.connection_id == connection_id]
            nums.sort(key=lambda n: n.created_at, reverse=True)
            return _paginate([self._number_json(n) for n in nums], page, size)

    def _number_json(self, n: PhoneNumber) -> dict[str, Any]:
        app = self.applications.get(n.connection_id or "")
        return {
            "id": n.id, "record_type": "phone_number", "phone_number": n.phone_number,
            "status": "active", "connection_id": n.connection_id,
            "connection_name": app.fields["application_name"] if app else None,
            "phone_number_type": "local", "country_iso_alpha2": "US", "tags": n.tags,
            "t38_fax_gateway_enabled": True, "external_pin": None,
            "deletion_lock_enabled": False, "created_at": iso(n.created_at),
            "purchased_at": iso(n.created_at), "updated_at": iso(n.created_at),
        }

    # -- media ------------------------------------------------------------------------------------

    def store_media(self, data: bytes, *, media_name: str | None, ttl_secs: Any,
                    content_type: str | None, replace: bool = False) -> dict[str, Any]:
        ttl = self._check_ttl(ttl_secs)
        if len(data) > MAX_UPLOAD_BYTES:
            raise invalid("/media", "The media file is larger than 20 MB", "10015")
        if media_name is not None and (not isinstance(media_name, str) or not media_name
                                       or "/" in media_name or len(media_name) > 255):
            raise invalid("/media_name", "media_name must be a non-empty name without '/'")
        with self._mutating():
            self._expire_media()
            name = media_name or str(uuid.uuid4())
            if name in self.media and not replace:
                raise invalid("/media_name", f"A media named {name!r} already exists", "10012")
            now = self.now_us()
            ctype = content_type or _sniff_content_type(data)
            self.media[name] = Media(name, ctype, data, now, now, now + ttl * US)
            return self.media[name].to_json()

    def update_media(self, name: str, data: bytes | None, ttl_secs: Any,
                     content_type: str | None) -> dict[str, Any]:
        ttl = self._check_ttl(ttl_secs) if ttl_secs is not None else None
        if data is not None and len(data) > MAX_UPLOAD_BYTES:
            raise invalid("/media", "The media file is larger than 20 MB")
        with self._mutating():
            media = self._media(name)
            now = self.now_us()
            if data is not None:
                media.data = data
                media.content_type = content_type or _sniff_content_type(data)
            if ttl is not None:
                media.expires_at = now + ttl * US
            media.updated_at = now
            return media.to_json()

    def get_media(self, name: str) -> dict[str, Any]:
        with self.lock:
            return self._media(name).to_json()

    def media_bytes(self, name: str) -> tuple[bytes, str]:
        with self.lock:
            media = self._media(name)
            return media.data, media.content_type

    def delete_media(self, name: str) -> None:
        with self._mutating():
            self._media(name)
            del self.media[name]

    def list_media(self, content_types: list[str]) -> tuple[list[Any], dict[str, int]]:
        with self._mutating():
            self._expire_media()
            items = sorted(self.media.values(), key=lambda m: m.created_at, reverse=True)
            if content_types:
                items = [m for m in items if m.content_type in content_types]
            data = [m.to_json() for m in items]
        return data, {"page_number": 1, "page_size": len(data), "total_pages": 1,
                      "total_results": len(data)}

    def _media(self, name: str) -> Media:
        self._expire_media()
        media = self.media.get(name)
        if media is None:
            raise ApiProblem(404, "10005", "Resource not found",
                             f"The media {name!r} does not exist or has expired")
        return media

    def _expire_media(self) -> None:
        now = self.now_us()
        for name in [n for n, m in self.media.items() if m.expires_at <= now]:
            del self.media[name]

    @staticmethod
    def _check_ttl(ttl_secs: Any) -> int:
        if ttl_secs is None or ttl_secs == "":
            return MEDIA_TTL_DEFAULT
        try:
            ttl = int(ttl_secs)
        except (TypeError, ValueError):
            raise invalid("/ttl_secs", "ttl_secs must be an integer") from None
        if isinstance(ttl_secs, bool) or not 1 <= ttl <= MEDIA_TTL_MAX:
            raise invalid("/ttl_secs", f"ttl_secs must be between 1 and {MEDIA_TTL_MAX}")
        return ttl

    # -- faxes ------------------------------------------------------------------------------------

    def validate_send(self, body: Mapping[str, Any], *, multipart: bool) -> dict[str, Any]:
        """Check a SendFax body (JSON or multipart fields) and return it normalised."""
        out: dict[str, Any] = {}
        for req in ("connection_id", "from", "to"):
            value = body.get(req)
            if value in (None, ""):
                raise invalid(f"/{req}", f"{req} is required", "10004")
            if not isinstance(value, str):
                raise invalid(f"/{req}", f"{req} must be a string")
            out[req] = value
        if not E164.match(out["from"]):
            raise invalid("/from", "from must be a +E.164 number", "10016")
        if not (E164.match(out["to"]) or SIP_URI.match(out["to"])):
            raise invalid("/to", "to must be a +E.164 number or a SIP URI", "10016")
        with self.lock:
            if out["connection_id"] not in self.applications:
                raise invalid("/connection_id", "connection_id is not a fax application of "
                              "this account", "10017")
        if multipart:
            if "media_url" in body or "media_name" in body:
                raise invalid("/contents", "contents cannot be combined with media_url or "
                              "media_name")
            bool_fields = ("monochrome", "store_media", "store_preview", "t38_enabled")
            for key in bool_fields:
                if key in body:
                    raw = str(body[key]).lower()
                    if raw not in ("true", "false"):
                        raise invalid(f"/{key}", f"{key} must be true or false")
                    out[key] = raw == "true"
            if "quality" in body:
                out["quality"] = body["quality"]
        else:
            for key in ("monochrome", "store_media", "store_preview", "t38_enabled"):
                if key in body and body[key] is not None:
                    if not isinstance(body[key], bool):
                        raise invalid(f"/{key}", f"{key} must be a boolean")
                    out[key] = body[key]
            for key in ("quality", "preview_format", "media_url", "media_name", "webhook_url",
                        "client_state", "from_display_name", "black_threshold"):
                if body.get(key) is not None:
                    out[key] = body[key]
        if "quality" in out and out["quality"] not in QUALITIES:
            raise invalid("/quality", "quality must be one of " + ", ".join(QUALITIES))
        if "preview_format" in out and out["preview_format"] not in ("pdf", "tiff"):
            raise invalid("/preview_format", "preview_format must be pdf or tiff")
        if "black_threshold" in out and (not _is_int(out["black_threshold"])
                                         or not 1 <= out["black_threshold"] <= 100):
            raise invalid("/black_threshold", "black_threshold must be an integer from 1 to 100")
        for key in ("media_url", "media_name", "webhook_url", "client_state", "from_display_name"):
            if key in out and not isinstance(out[key], str):
                raise invalid(f"/{key}", f"{key} must be a string")
        if not multipart:
            if "media_url" in out and "media_name" in out:
                raise invalid("/media_url", "media_url cannot be combined with media_name")
            if "media_url" not in out and "media_name" not in out:
                raise invalid("/media_url", "media_url or media_name is required", "10004")
            if "media_url" in out and not _is_url(out["media_url"]):
                raise invalid("/media_url", "media_url must be an http(s) URL", "10003")
            if "media_name" in out and out.get("store_media"):
                raise invalid("/store_media", "store_media is not supported with media_name")
            if "media_name" in out:
                with self.lock:
                    self._expire_media()
                    if out["media_name"] not in self.media:
                        raise invalid("/media_name", f"No media named {out['media_name']!r} "
                                      "was uploaded (or it expired)", "10017")
        if "webhook_url" in out and not _is_url(out["webhook_url"]):
            raise invalid("/webhook_url", "webhook_url must be an http(s) URL", "10003")
        if "client_state" in out:
            try:
                base64.b64decode(out["client_state"], validate=True)
            except (binascii.Error, ValueError):
                raise invalid("/client_state", "client_state must be valid base64") from None
        if "from_display_name" in out and not DISPLAY_NAME.match(out["from_display_name"]):
            raise invalid("/from_display_name", "from_display_name allows at most 128 letters, "
                          "digits, spaces and -_~!.+")
        return out

    def send_fax(self, fields: dict[str, Any], *, document: bytes | None = None,
                 download_failed: bool = False) -> dict[str, Any]:
        """Create an outbound fax from validated fields. `document` is the file when known
        (multipart contents or a fetched loopback media_url); a media_name is read here."""
        with self._mutating():
            now = self.now_us()
            info: DocumentInfo
            if download_failed:
                info = DocumentInfo(0, "file_download_failed")
            elif "media_name" in fields:
                media = self.media.get(fields["media_name"])
                if media is None:
                    raise invalid("/media_name", "The media expired", "10017")
                document = media.data
                info = analyze(document)
            elif document is not None:
                info = analyze(document)
            else:
                # A non-loopback media_url is never fetched: it counts as a 1-page document.
                document, info = None, DocumentInfo(1)
            outcome = outcome_for(fields["to"])
            self._seq += 1
            fax = Fax(
                id=str(uuid.uuid4()), seq=self._seq, direction="outbound",
                connection_id=fields["connection_id"], from_=fields["from"], to=fields["to"],
                status="queued", created_at=now, updated_at=now,
                quality=fields.get("quality", "high"), media_url=fields.get("media_url"),
                media_name=fields.get("media_name"), store_media=fields.get("store_media", False),
                store_preview=fields.get("store_preview", False),
                preview_format=fields.get("preview_format", "tiff"),
                webhook_url=fields.get("webhook_url"), client_state=fields.get("client_state"),
                from_display_name=fields.get("from_display_name"),
                t38_enabled=fields.get("t38_enabled", True),
                monochrome=fields.get("monochrome", False),
                black_threshold=fields.get("black_threshold", 95), document=document,
                page_count=info.page_count, document_failure=info.failure_reason,
                slow_factor=outcome.slow_factor, outcome_failure=outcome.failure_reason,
                outcome_internal=outcome.internal_failure_reason,
            )
            fax.schedule = self._outbound_schedule(fax)
            self._insert(fax)
            self._emit(fax, "fax.queued", now)
            return self._fax_json(fax)

    def _outbound_schedule(self, fax: Fax) -> list[tuple[int, str]]:
        f = fax.slow_factor * US
        t = fax.created_at
        if fax.document_failure:
            return [(t + round(MEDIA_PROCESS_SECS * f), "failed")]
        steps = [(t + round(MEDIA_PROCESS_SECS * f), "media.processed")]
        t += round((MEDIA_PROCESS_SECS + ORIGINATE_SECS) * f)
        steps.append((t, "originated"))
        t += round(DIAL_SECS * f)
        steps.append((t, "sending"))
        if fax.outcome_failure:
            steps.append((t + round(FAIL_AFTER_SENDING_SECS * f), "failed"))
        else:
            duration = CONNECT_SECS + SECS_PER_PAGE * fax.page_count
            steps.append((t + round(duration * f), "delivered"))
        return steps

    def receive_inbound(self, *, from_number: str, to: str, connection_id: str | None = None,
                        pages: int = 1) -> str:
        if not E164.match(from_number):
            raise invalid("/from", "from must be a +E.164 number", "10016")
        if not E164.match(to):
            raise invalid("/to", "to must be a +E.164 number", "10016")
        if not _is_int(pages) or not 1 <= pages <= 350:
            raise invalid("/pages", "pages must be an integer from 1 to 350")
        with self._mutating():
            if connection_id is None:
                num = next((n for n in self.numbers.values() if n.phone_number == to), None)
                if num is not None and num.connection_id is not None:
                    connection_id = num.connection_id
                elif self.applications:
                    connection_id = min(self.applications.values(), key=lambda a: a.created_at).id
                else:
                    raise invalid("/connection_id", "Create a fax application first", "10013")
            else:
                self._app(connection_id)
            now = self.now_us()
            self._seq += 1
            fax = Fax(id=str(uuid.uuid4()), seq=self._seq, direction="inbound",
                      connection_id=connection_id, from_=from_number, to=to, status="initiated",
                      created_at=now, updated_at=now, page_count=pages)
            t = now + round(INBOUND_ANSWER_SECS * US)
            fax.schedule = [(t, "receiving")]
            outcome = inbound_outcome_for(from_number)
            if outcome.failure_reason:
                fax.outcome_failure = outcome.failure_reason
                fax.outcome_internal = outcome.internal_failure_reason
                fax.schedule.append((t + round(FAIL_AFTER_SENDING_SECS * US), "failed"))
                self._insert(fax)
                return fax.id
            t += round(SECS_PER_PAGE * pages * US)
            fax.schedule.append((t, "media.processing"))
            fax.schedule.append((t + round(INBOUND_PROCESS_SECS * US), "received"))
            self._insert(fax)
            return fax.id

    def get_fax(self, fax_id: str) -> dict[str, Any]:
        with self._mutating():
            self._tick_locked()
            return self._fax_json(self._fax(fax_id))

    def delete_fax(self, fax_id: str) -> None:
        with self._mutating():
            fax = self._fax(fax_id)
            del self.faxes[fax_id]
            self._inflight.discard(fax_id)
            key = (fax.created_at, fax.seq, fax.id)
            i = bisect.bisect_left(self._order, key)
            if i < len(self._order) and self._order[i] == key:
                del self._order[i]

    def cancel_fax(self, fax_id: str) -> None:
        with self._mutating():
            self._tick_locked()
            fax = self._fax(fax_id)
            if fax.direction != "outbound" or fax.status not in CANCELLABLE:
                raise ApiProblem(422, "422", "Unprocessable Entity",
                                 f"A fax can be cancelled only while outbound and queued, "
                                 f"media.processed, originated or sending (it is {fax.status})",
                                 pointer="/id")
            fax.schedule = []
            self._inflight.discard(fax_id)
            fax.outcome_failure, fax.outcome_internal = "sender_canceled", "cancelled_by_api"
            self._transition(fax, "failed", self.now_us())

    def refresh_fax(self, fax_id: str) -> None:
        with self._mutating():
            self._tick_locked()
            fax = self._fax(fax_id)
            if fax.direction != "inbound":
                raise ApiProblem(422, "422", "Unprocessable Entity",
                                 "Only an inbound fax has a media link to refresh", pointer="/id")
            if fax.status != "received":
                raise ApiProblem(422, "422", "Unprocessable Entity",
                                 f"The fax has no media yet (it is {fax.status})", pointer="/id")
            fax.media_expires_at = self.now_us() + round(self.inbound_url_ttl * US)
            fax.updated_at = max(fax.updated_at, self.now_us())

    def list_faxes(self, *, created: Mapping[str, str], direction: str | None,
                   from_number: str | None, to: str | None, page: int,
                   size: int) -> tuple[list[Any], dict[str, int]]:
        bounds: dict[str, int] = {}
        for op, raw in created.items():
            try:
                bounds[op] = parse_iso(raw)
            except ValueError:
                raise bad_param(f"filter[created_at][{op}]",
                                "Must be an ISO 8601 date-time") from None
        with self._mutating():
            self._tick_locked()
            lo, hi = 0, len(self._order)
            if "gte" in bounds:
                lo = max(lo, bisect.bisect_left(self._order, (bounds["gte"],)))
            if "gt" in bounds:
                lo = max(lo, bisect.bisect_right(self._order, (bounds["gt"], math.inf)))
            if "lte" in bounds:
                hi = min(hi, bisect.bisect_right(self._order, (bounds["lte"], math.inf)))
            if "lt" in bounds:
                hi = min(hi, bisect.bisect_left(self._order, (bounds["lt"],)))
            start = (page - 1) * size
            if direction is None and from_number is None and to is None:
                total = max(0, hi - lo)
                window = self._order[max(lo, hi - start - size):max(lo, hi - start)]
                ids = [k[2] for k in reversed(window)]
            else:
                matches = [k[2] for k in reversed(self._order[lo:hi])
                           if self._matches(self.faxes[k[2]], direction, from_number, to)]
                total = len(matches)
                ids = matches[start:start + size]
            data = [self._fax_json(self.faxes[i]) for i in ids]
        return data, _meta(page, size, total)

    @staticmethod
    def _matches(fax: Fax, direction: str | None, from_number: str | None, to: str | None) -> bool:
        return ((direction is None or fax.direction == direction)
                and (from_number is None or fax.from_ == from_number)
                and (to is None or fax.to == to))

    def fax_file(self, fax_id: str, kind: str, expires: str, signature: str) -> bytes:
        """The bytes behind a signed sandbox file link; PermissionError when it expired or the
        signature is wrong (the HTTP layer answers 403, like S3)."""
        expected = self._sign(fax_id, kind, expires)
        if not hmac.compare_digest(expected, signature):
            raise PermissionError("SignatureDoesNotMatch")
        with self.lock:
            if int(expires) <= self.now_us() // US:
                raise PermissionError("Request has expired")
            fax = self.faxes.get(fax_id)
            if fax is None:
                raise KeyError(fax_id)
            return self._document_of(fax)

    def _document_of(self, fax: Fax) -> bytes:
        if fax.document is None:
            title = (f"Fax from {fax.from_} to {fax.to}" if fax.direction == "inbound"
                     else "FaxDesk sandbox placeholder document")
            fax.document = make_pdf(fax.page_count, title=title)
        return fax.document

    # -- lifecycle internals ----------------------------------------------------------------------

    def _insert(self, fax: Fax) -> None:
        self.faxes[fax.id] = fax
        bisect.insort(self._order, (fax.created_at, fax.seq, fax.id))
        if fax.schedule:
            self._inflight.add(fax.id)

    def _transition(self, fax: Fax, status: str, at: int) -> None:
        fax.status = status
        fax.updated_at = max(fax.updated_at, at)
        if status == "failed":
            fax.failure_reason = fax.document_failure or fax.outcome_failure or "unknown"
            fax.internal_failure_reason = (fax.outcome_internal if not fax.document_failure
                                           else fax.document_failure)
            if fax.document_failure or fax.failure_reason == "sender_canceled":
                fax.call_duration_secs = 0  # no call was made, or it was hung up at once
            else:
                fax.call_duration_secs = round(FAIL_AFTER_SENDING_SECS * fax.slow_factor)
        elif status == "delivered":
            fax.call_duration_secs = round((CONNECT_SECS + SECS_PER_PAGE * fax.page_count)
                                           * fax.slow_factor)
        elif status == "received":
            fax.call_duration_secs = round(SECS_PER_PAGE * fax.page_count)
            fax.media_expires_at = at + round(self.inbound_url_ttl * US)
        event = {
            "media.processed": "fax.media.processed", "sending": "fax.sending.started",
            "delivered": "fax.delivered", "failed": "fax.failed",
            "receiving": "fax.receiving.started",
            "media.processing": "fax.media.processing.started", "received": "fax.received",
        }.get(status)
        if event is not None:
            self._emit(fax, event, at)

    def _emit(self, fax: Fax, event_type: str, at: int) -> None:
        app = self.applications.get(fax.connection_id)
        url = fax.webhook_url or (app.fields.get("webhook_event_url") if app else None)
        if not url:
            return
        if fax.webhook_url:
            failover = fax.webhook_failover_url or None
        else:
            failover = (app.fields.get("webhook_event_failover_url") or None) if app else None
        payload: dict[str, Any] = {
            "fax_id": fax.id, "connection_id": fax.connection_id, "direction": fax.direction,
            "from": fax.from_, "to": fax.to, "user_id": SANDBOX_USER_ID, "status": fax.status,
        }
        if fax.direction == "outbound":
            if fax.client_state is not None:
                payload["client_state"] = fax.client_state
            if fax.media_name is not None:
                payload["media_name"] = fax.media_name
            if fax.media_url is not None:
                payload["original_media_url"] = fax.media_url
        else:
            payload["caller_id"] = fax.from_
        if event_type in ("fax.delivered", "fax.received"):
            payload["call_duration_secs"] = fax.call_duration_secs
            payload["page_count"] = fax.page_count
        if event_type == "fax.media.processing.started":
            payload["page_count"] = fax.page_count
        if event_type == "fax.received":
            payload["media_url"] = self._media_link(fax)
            payload["partial_content"] = False
        if event_type == "fax.failed":
            payload["failure_reason"] = fax.failure_reason
            payload["internal_failure_reason"] = fax.internal_failure_reason
        timeout = app.fields.get("webhook_timeout_secs") if app else None
        self._pending.append(WebhookEvent(str(uuid.uuid4()), event_type, iso(at), payload,
                                          str(url), str(failover) if failover else None,
                                          float(timeout) if timeout else None))

    def _media_link(self, fax: Fax) -> str:
        assert fax.media_expires_at is not None
        return self._file_link(fax.id, "media", fax.media_expires_at)

    def _file_link(self, fax_id: str, kind: str, expires_us: int) -> str:
        expires = str(math.ceil(expires_us / US))
        sig = self._sign(fax_id, kind, expires)
        return (f"{self.url_base}/_sandbox/files/{fax_id}/{kind}.pdf"
                f"?expires={expires}&signature={sig}")

    def _sign(self, fax_id: str, kind: str, expires: str) -> str:
        msg = f"{fax_id}|{kind}|{expires}".encode()
        return hmac.new(self._url_secret, msg, hashlib.sha256).hexdigest()

    def _fax(self, fax_id: str) -> Fax:
        fax = self.faxes.get(fax_id)
        if fax is None:
            raise not_found("fax")
        return fax

    def _fax_json(self, fax: Fax) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": fax.id, "record_type": "fax", "connection_id": fax.connection_id,
            "direction": fax.direction, "from": fax.from_, "to": fax.to,
            "quality": fax.quality, "status": fax.status, "store_media": fax.store_media,
            "webhook_failover_url": fax.webhook_failover_url,
            "created_at": iso(fax.created_at), "updated_at": iso(fax.updated_at),
            "failure_reason": fax.failure_reason,
            "internal_failure_reason": fax.internal_failure_reason,
        }
        if fax.from_display_name is not None:
            out["from_display_name"] = fax.from_display_name
        if fax.client_state is not None:
            out["client_state"] = fax.client_state
        if fax.media_name is not None:
            out["media_name"] = fax.media_name
        if fax.webhook_url is not None:
            out["webhook_url"] = fax.webhook_url
        if fax.direction == "inbound":
            if fax.status == "received" and fax.media_expires_at is not None:
                out["media_url"] = self._media_link(fax)
        elif fax.media_url is not None:
            out["media_url"] = fax.media_url
        if fax.direction == "outbound":
            expires = self.now_us() + round(STORED_URL_TTL * US)
            if fax.store_media:
                out["stored_media_url"] = self._file_link(fax.id, "stored", expires)
            if fax.store_preview:
                out["preview_url"] = self._file_link(fax.id, "preview", expires)
        return out

    # -- bulk data --------------------------------------------------------------------------------

    def seed_history(self, count: int, *, days: float = 90.0, seed: int = 1) -> None:
        """Add `count` finished faxes spread over the past `days` (no webhooks)."""
        from faxdesk.sandbox.outcomes import OUTCOMES

        rng = random.Random(seed)
        reasons = [o.failure_reason for o in OUTCOMES.values() if o.failure_reason]
        if not self.applications:
            self.create_application({"application_name": "Sandbox history",
                                     "webhook_event_url": "http://127.0.0.1:9/unused"})
        with self._mutating():
            app_ids = sorted(self.applications)
            now = self.now_us()
            span = round(days * 86_400 * US)
            times = sorted(now - rng.randrange(1, span) for _ in range(count))
            for t in times:
                self._seq += 1
                roll = rng.random()
                direction = "inbound" if roll < 0.15 else "outbound"
                status = ("received" if direction == "inbound"
                          else "failed" if roll < 0.3 else "delivered")
                pages = rng.randint(1, 12)
                fax = Fax(id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), seq=self._seq,
                          direction=direction, connection_id=rng.choice(app_ids),
                          from_=f"+1202555{rng.randrange(10_000):04d}",
                          to=f"+1312555{rng.randrange(10_000):04d}", status=status,
                          created_at=t, updated_at=t + (10 + 3 * pages) * US, page_count=pages)
                if status == "failed":
                    fax.failure_reason = rng.choice(reasons)
                    fax.internal_failure_reason = fax.failure_reason
                elif status == "received":
                    fax.media_expires_at = fax.updated_at + round(self.inbound_url_ttl * US)
                else:
                    fax.media_name = f"history-{fax.seq}.pdf"
                self.faxes[fax.id] = fax
                self._order.append((t, fax.seq, fax.id))
            self._order.sort()


def _merge(base: dict[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _paginate(items: list[Any], page: int, size: int) -> tuple[list[Any], dict[str, int]]:
    start = (page - 1) * size
    return items[start:start + size], _meta(page, size, len(items))


def _meta(page: int, size: int, total: int) -> dict[str, int]:
    return {"page_number": page, "page_size": size, "total_pages": math.ceil(total / size),
            "total_results": total}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _opt_int(value: Any) -> bool:
    return value is None or _is_int(value)


def _opt_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _check_object(value: Any, pointer: str,
                  checks: Mapping[str, Callable[[Any], bool]]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(pointer, f"{pointer[1:]} must be an object")
    for key, check in checks.items():
        if key in value and not check(value[key]):
            raise invalid(f"{pointer}/{key}", f"{pointer[1:]}.{key} has an invalid value")
    return {k: v for k, v in value.items() if k in checks}


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and re.match(r"^https?://[^\s/]+", value) is not None


def _sniff_content_type(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "application/pdf"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return "application/octet-stream"
