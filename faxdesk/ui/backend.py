"""What the window needs from the application core, as one small interface (no Qt).

The window talks to a `Backend`; every method may block (network, disk) and is only ever called
from the worker pool, never on the GUI thread. Two implementations exist: `EngineBackend` over
`faxdesk.core.engine.FaxEngine` (the real one) and `NullBackend` (no account yet). Records cross
the boundary as `FaxItem`, a plain frozen copy, so the table model never depends on the store's own
row type. A send that Telnyx has not created yet is a `FaxItem` too (`pending` set, id
`pending:<journal id>`), so the user sees it the moment they click Send.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from faxdesk.api.models import FaxApplication, PhoneNumber


@dataclass(frozen=True, slots=True)
class FaxItem:
    """One fax as the window shows it (server fields plus what is only local)."""

    id: str
    direction: str | None = None
    status: str | None = None
    from_number: str | None = None
    to: str | None = None
    connection_id: str | None = None
    page_count: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    failure_reason: str | None = None
    internal_failure_reason: str | None = None
    quality: str | None = None
    media_name: str | None = None
    media_url: str | None = None
    client_state: str | None = None
    call_duration_secs: int | None = None
    read: bool = True
    note: str | None = None
    document_path: str | None = None
    contact_name: str | None = None
    # A send not created on the server yet (journal entry): "preparing" | "uploading" |
    # "waiting" | "held" | "scheduled" | "rejected"; None for a real fax.
    pending: str | None = None
    pending_error: str | None = None  # why it waits or was refused, in words
    next_attempt_at: datetime | None = None
    journal_id: int | None = None  # the outbox journal entry of a send made here

    @property
    def other_party(self) -> str:
        return (self.from_number if self.direction == "inbound" else self.to) or ""

    @classmethod
    def from_record(cls, record: Any) -> FaxItem:
        """Copy any fax-like object (api Fax, store record) by attribute name."""

        raw = getattr(record, "raw", None)
        raw = raw if isinstance(raw, Mapping) else {}

        def get(name: str, *alts: str) -> Any:
            for attr in (name, *alts):
                value = getattr(record, attr, None)
                if value is not None:
                    return value
            # Fields a store row does not keep may still be in the server's raw object.
            value = raw.get(name)
            return value if isinstance(value, str | int) and not isinstance(value, bool) else None

        read = get("read", "is_read")
        doc = get("downloaded_path", "document_path", "local_path", "pdf_path")
        return cls(
            id=str(get("id", "fax_id") or ""),
            direction=get("direction"),
            status=get("status"),
            from_number=get("from_number", "from_"),
            to=get("to", "to_number"),
            connection_id=get("connection_id"),
            page_count=get("page_count"),
            created_at=get("created_at"),
            updated_at=get("updated_at"),
            failure_reason=get("failure_reason"),
            internal_failure_reason=get("internal_failure_reason"),
            quality=get("quality"),
            media_name=get("media_name"),
            media_url=get("media_url"),
            client_state=get("client_state"),
            call_duration_secs=get("call_duration_secs"),
            read=True if read is None else bool(read),
            note=get("note"),
            document_path=str(doc) if doc is not None else None,
            contact_name=get("contact_name"),
            journal_id=get("journal_id"),
        )


PENDING_PREFIX = "pending:"


def pending_id(journal_id: int) -> str:
    return f"{PENDING_PREFIX}{journal_id}"


def journal_id_of(fax_id: str) -> int | None:
    """The journal id of a pending send's row id, None for a real fax id."""
    if not fax_id.startswith(PENDING_PREFIX):
        return None
    try:
        return int(fax_id[len(PENDING_PREFIX):])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime | None
    status: str
    detail: str | None = None


# Events the window reacts to. The engine's own event types carry the same names; EngineBackend
# translates them so the window only ever sees these.
@dataclass(frozen=True, slots=True)
class FaxChanged:
    fax: FaxItem | None = None
    fax_id: str | None = None
    removed: bool = False


@dataclass(frozen=True, slots=True)
class FaxesReloaded:
    """Many faxes changed at once (first sync, import): reload the list instead of row events."""


@dataclass(frozen=True, slots=True)
class ApplicationsChanged:
    applications: tuple[FaxApplication, ...] | None = None


@dataclass(frozen=True, slots=True)
class OutboxChanged:
    in_flight: int = 0


@dataclass(frozen=True, slots=True)
class SyncStateChanged:
    # "connecting" | "ok" | "offline" | "auth_failed" | "rate_limited" | "paused" | "error"
    state: str
    last_sync: datetime | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class FaxReceived:
    fax: FaxItem


@dataclass(frozen=True, slots=True)
class BackendProblem:
    """Something went wrong in the background (a download failed...), in words."""

    message: str


Listener = Callable[[object], None]


@dataclass(frozen=True, slots=True)
class SendRequest:
    """What the send dialog (issue 7) hands to `Backend.submit`."""

    pdf_path: Path
    to: str
    from_number: str
    connection_id: str
    options: Mapping[str, Any] = field(default_factory=dict)


class Backend(Protocol):
    """Everything the window does to the account and the local store (blocking; worker only)."""

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def subscribe(self, listener: Listener) -> None: ...
    def sync_now(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...

    def list_faxes(self, limit: int | None = None) -> list[FaxItem]: ...
    def get_fax(self, fax_id: str) -> FaxItem | None: ...
    def timeline(self, fax_id: str) -> list[TimelineEntry]: ...
    def cancel(self, fax_id: str) -> None: ...
    def delete(self, fax_id: str) -> None: ...
    def refresh(self, fax_id: str) -> None: ...
    def resend(self, fax_id: str) -> str: ...
    def mark_read(self, fax_id: str, read: bool) -> None: ...
    def document(self, fax_id: str) -> Path | None: ...
    def submit(self, request: SendRequest) -> str: ...

    def list_applications(self) -> list[FaxApplication]: ...
    def create_application(self, fields: Mapping[str, Any]) -> FaxApplication: ...
    def update_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication: ...
    def delete_application(self, app_id: str) -> object: ...
    def list_phone_numbers(self, connection_id: str | None = None) -> Sequence[PhoneNumber]: ...


class NoAccountError(RuntimeError):
    """Raised by NullBackend: there is no account to act on yet."""


class NullBackend:
    """Stands in while no API key is set: empty lists, and actions that say what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        self._listeners: list[Listener] = []

    def start(self) -> None:
        for listener in self._listeners:
            listener(SyncStateChanged("no_account", None, self.message))

    def stop(self) -> None:
        pass

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def sync_now(self) -> None:
        raise NoAccountError(self.message)

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass

    def list_faxes(self, limit: int | None = None) -> list[FaxItem]:
        return []

    def get_fax(self, fax_id: str) -> FaxItem | None:
        return None

    def timeline(self, fax_id: str) -> list[TimelineEntry]:
        return []

    def _refuse(self, *_args: Any) -> Any:
        raise NoAccountError(self.message)

    cancel = delete = refresh = resend = mark_read = document = submit = _refuse
    create_application = update_application = delete_application = _refuse

    def list_applications(self) -> list[FaxApplication]:
        return []

    def list_phone_numbers(self, connection_id: str | None = None) -> Sequence[PhoneNumber]:
        return []
