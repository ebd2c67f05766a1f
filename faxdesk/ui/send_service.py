"""What the send dialog needs from the rest of the app, as one small interface (no widgets).

Every method blocks (network, disk) and runs on the worker bridge, never on the GUI thread.
Two adapters: over the core's :class:`~faxdesk.core.engine.FaxEngine` directly, and over the main
window's ``Backend`` (``faxdesk.ui.backend``), which is what the running app passes.
The dialog also needs something that runs callables off the GUI thread: :class:`TaskRunner`
(``faxdesk.ui.worker.Worker`` is one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from faxdesk.api.models import FaxApplication, PhoneNumber


class SendService(Protocol):
    def list_applications(self) -> Sequence[FaxApplication]: ...

    def list_phone_numbers(self, connection_id: str) -> Sequence[PhoneNumber]: ...

    def submit_fax(
        self, pdf_path: Path, to: str, from_number: str, connection_id: str,
        options: Mapping[str, Any],
    ) -> str:
        """Queue one fax through the core outbox; returns its journal id (as text)."""
        ...


class TaskRunner(Protocol):
    """Runs ``fn(*args)`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread."""

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> bool: ...


class EngineSendService:
    """Straight over a FaxEngine (tests, or an app without the main window's backend)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def list_applications(self) -> Sequence[FaxApplication]:
        try:
            apps: Sequence[FaxApplication] = self._engine.refresh_applications()
        except Exception:
            # Offline: what was fetched last time still lets the user pick.
            cached: Sequence[FaxApplication] = self._engine.applications()
            if not cached:
                raise
            return cached
        return apps

    def list_phone_numbers(self, connection_id: str) -> Sequence[PhoneNumber]:
        numbers: Sequence[PhoneNumber] = self._engine.list_phone_numbers(connection_id)
        return numbers

    def submit_fax(
        self, pdf_path: Path, to: str, from_number: str, connection_id: str,
        options: Mapping[str, Any],
    ) -> str:
        return str(self._engine.submit(pdf_path, to, from_number, connection_id, dict(options)))


class BackendSendService:
    """Over the main window's Backend (``faxdesk.ui.backend``): what the running app uses."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def list_applications(self) -> Sequence[FaxApplication]:
        apps: Sequence[FaxApplication] = self._backend.list_applications()
        return apps

    def list_phone_numbers(self, connection_id: str) -> Sequence[PhoneNumber]:
        numbers: Sequence[PhoneNumber] = self._backend.list_phone_numbers(connection_id)
        return numbers

    def submit_fax(
        self, pdf_path: Path, to: str, from_number: str, connection_id: str,
        options: Mapping[str, Any],
    ) -> str:
        from faxdesk.ui.backend import SendRequest

        request = SendRequest(pdf_path=pdf_path, to=to, from_number=from_number,
                              connection_id=connection_id, options=dict(options))
        return str(self._backend.submit(request))
