"""A small, typed hierarchy of what can go wrong talking to Telnyx.

Every error carries a message a person can read (`str(err)`), and API errors keep Telnyx's own
`code`, `title`, `detail` and `source.pointer` for each item of the `errors` array (fax-api.md §1.5,
§4). No error message ever contains the API key: messages are built from the response body and the
request's method and path only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    code: str
    title: str
    detail: str | None = None
    pointer: str | None = None
    parameter: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> ErrorDetail:
        d = data if isinstance(data, Mapping) else {}
        raw_source = d.get("source")
        source: Mapping[str, Any] = raw_source if isinstance(raw_source, Mapping) else {}
        return cls(
            code=str(d.get("code", "")),
            title=str(d.get("title", "")),
            detail=d.get("detail") if isinstance(d.get("detail"), str) else None,
            pointer=source.get("pointer") if isinstance(source.get("pointer"), str) else None,
            parameter=source.get("parameter") if isinstance(source.get("parameter"), str) else None,
        )

    @property
    def field(self) -> str | None:
        """The request field this error is about: pointer `/a/b` → `a.b`."""
        if self.pointer and self.pointer not in ("/", ""):
            return self.pointer.lstrip("/").replace("/", ".")
        return self.parameter


class TelnyxError(Exception):
    """Base of every error the client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransportError(TelnyxError):
    """The request did not get a response.

    `maybe_sent` is True when the request may have reached Telnyx before the failure (a timeout
    or a connection dropped while waiting for the response): a POST in that state may have taken
    effect, and the caller must reconcile instead of repeating it.
    """

    def __init__(self, message: str, *, maybe_sent: bool, detail: str = "") -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent
        #: For logs and bug reports, never shown to a person: the request and the low-level
        #: reason ("GET /faxes: [Errno -2] Name or service not known").
        self.detail = detail


class ApiConnectionError(TransportError):
    """Could not connect, or the connection dropped."""


class ApiTimeoutError(TransportError):
    """Telnyx did not answer in time."""


class RequestAbortedError(TransportError):
    """The call was abandoned by the app (quitting, or the user cancelled)."""


class AmbiguousReplyError(TransportError):
    """Telnyx answered a create (a fax, a media upload, an application) with something that
    neither proves success nor a refusal: a 2xx body that is not the created object, or a
    redirect. The object may exist, so it counts as possibly sent: look it up before repeating."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message, maybe_sent=True, detail=detail)


class ApiError(TelnyxError):
    """Telnyx answered with an error status."""

    default_message = "Telnyx refused the request."

    def __init__(
        self,
        status_code: int,
        errors: Sequence[ErrorDetail] = (),
        *,
        method: str = "",
        path: str = "",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.errors = tuple(errors)
        self.method = method
        self.path = path
        self.headers = dict(headers or {})
        super().__init__(self._build_message())

    def _build_message(self) -> str:
        parts = []
        for item in self.errors:
            text = item.detail or item.title
            # Telnyx's detail usually names its field already ("to must be ..."); the window
            # and the command line show faxdesk.core.words' sentences, not this text.
            if item.field and text and not text.startswith(item.field.rsplit(".", 1)[-1]):
                text = f"{item.field}: {text}"
            if text:
                parts.append(text)
        what = "; ".join(parts) if parts else f"HTTP {self.status_code}"
        return f"{self.default_message} {what}"

    @property
    def code(self) -> str | None:
        return self.errors[0].code if self.errors else None

    @property
    def title(self) -> str | None:
        return self.errors[0].title if self.errors else None

    @property
    def detail(self) -> str | None:
        return self.errors[0].detail if self.errors else None

    def field_errors(self) -> dict[str, str]:
        """Errors keyed by request field (for showing them next to the field in a form)."""
        out: dict[str, str] = {}
        for item in self.errors:
            if item.field:
                out.setdefault(item.field, item.detail or item.title)
        return out


class BadRequestError(ApiError):
    default_message = "Telnyx did not accept the request."


class AuthenticationError(ApiError):
    default_message = "Telnyx did not accept the API key (it may be mistyped or revoked)."


class PermissionDeniedError(ApiError):
    default_message = "This API key is not allowed to do that."


class NotFoundError(ApiError):
    default_message = "Telnyx has no such item (it may have been deleted)."


class ValidationError(ApiError):
    default_message = "Telnyx did not accept the values sent."


class RateLimitError(ApiError):
    default_message = "Telnyx asked FaxDesk to slow down."

    def __init__(self, *args: Any, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(*args, **kwargs)


class ServerError(ApiError):
    default_message = "Telnyx has a temporary problem; try again in a few minutes."


class UnexpectedResponseError(ApiError):
    """Telnyx answered, but not with anything FaxDesk can read (not JSON, no `data`)."""

    default_message = "Telnyx sent a reply FaxDesk could not read."


class MediaLinkError(ApiError):
    """A document link (an inbound fax's `media_url`, off the API host) was refused.

    Such links are signed and expire; `refresh_fax` gets a new one.
    """

    default_message = "The document link no longer works (it may have expired)."


def error_class_for_status(status: int) -> type[ApiError]:
    if status == 400:
        return BadRequestError
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 404:
        return NotFoundError
    if status == 422:
        return ValidationError
    if status == 429:
        return RateLimitError
    if status >= 500:
        return ServerError
    return ApiError
