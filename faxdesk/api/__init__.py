"""The Telnyx fax API layer: client, models, errors and retry rules. No Qt.

The client (and httpx with it) is imported on first use, so `import faxdesk.api` stays cheap for
code that only needs the models or the error types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from faxdesk.api.errors import (
    AmbiguousReplyError,
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ErrorDetail,
    MediaLinkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestAbortedError,
    ServerError,
    TelnyxError,
    TransportError,
    UnexpectedResponseError,
    ValidationError,
)
from faxdesk.api.models import (
    Fax,
    FaxApplication,
    MediaResource,
    Page,
    PageMeta,
    PhoneNumber,
)
from faxdesk.api.retry import RateLimitInfo, RetryPolicy

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient

__all__ = [
    "AmbiguousReplyError",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ErrorDetail",
    "Fax",
    "FaxApplication",
    "MediaLinkError",
    "MediaResource",
    "NotFoundError",
    "Page",
    "PageMeta",
    "PermissionDeniedError",
    "PhoneNumber",
    "RateLimitError",
    "RateLimitInfo",
    "RequestAbortedError",
    "RetryPolicy",
    "ServerError",
    "TelnyxClient",
    "TelnyxError",
    "TransportError",
    "UnexpectedResponseError",
    "ValidationError",
]


def __getattr__(name: str) -> Any:
    if name == "TelnyxClient":
        from faxdesk.api.client import TelnyxClient

        return TelnyxClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
