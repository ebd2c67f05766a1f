"""Fixtures for the core's integration tests: an engine wired to the sandbox (manual clock).

The engine's threads are not started unless a test says so: tests drive the outbox, one sync
tick and the inbox on the test thread, so every step is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.engine import EngineConfig, FaxEngine
from faxdesk.core.sending import PreparedFax, Recipient, SendOptions, SendRequest, prepare_send

FROM_NUMBER = "+12025550100"

def fast_client(sandbox: Any, api_key: str | None = None) -> Any:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.api.retry import RetryPolicy

    policy = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02, max_total_wait=0.1)
    return TelnyxClient(api_key or sandbox.api_key, base_url=sandbox.base_url, timeout=5.0,
                        retry=policy)


@pytest.fixture
def app_id(sandbox: Any) -> str:
    """A fax application with one number, as a user would have set up."""
    # Port 9 (discard): nothing listens, so webhooks go nowhere unless a test points them.
    app = sandbox.state.create_application({"application_name": "Test office",
                                            "webhook_event_url": "http://127.0.0.1:9/hooks"})
    sandbox.state.add_phone_number(FROM_NUMBER, app["id"])
    return str(app["id"])


@pytest.fixture
def make_engine(sandbox: Any, tmp_path: Path) -> Iterator[Callable[..., FaxEngine]]:
    """`make_engine(data_dir=None, config=None, **kwargs)`; every engine is stopped at the end."""
    made: list[FaxEngine] = []

    def factory(data_dir: Path | None = None, config: EngineConfig | None = None,
                **kwargs: Any) -> FaxEngine:
        engine = FaxEngine(data_dir or tmp_path / "data", lambda: fast_client(sandbox), config,
                           **kwargs)
        made.append(engine)
        return engine

    yield factory
    for engine in made:
        engine.stop()


@pytest.fixture
def engine(make_engine: Callable[..., FaxEngine]) -> FaxEngine:
    return make_engine()


@pytest.fixture
def prepare(app_id: str, make_pdf: Callable[..., Path], tmp_path: Path
            ) -> Callable[..., PreparedFax]:
    """`prepare(to="+14155550123", pages=1, *, document=None, connection_id=app_id, **options)`:
    a send checked and built by `prepare_send` from a real PDF, ready for `outbox.submit`."""
    work = tmp_path / "prepared"
    work.mkdir(exist_ok=True)

    def factory(to: str = "+14155550123", pages: int = 1, *, document: Path | None = None,
                connection_id: str | None = None, **options: Any) -> PreparedFax:
        request = SendRequest(documents=(document or make_pdf(pages),),
                              recipients=(Recipient(to),),
                              connection_id=connection_id or app_id, from_number=FROM_NUMBER,
                              options=SendOptions(**options))
        (fax,) = prepare_send(request, work).faxes
        return fax

    return factory
