"""Shared fixtures: a started sandbox on a manual clock, a client for it, small PDFs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.pdfs import make_pdf as _make_pdf

# Real desktop services (Xvfb, private D-Bus, gnome-keyring, dunst) for any test that asks for
# them; unexpected warnings and errors fail the test; so does a thread that crashed or was left
# running, and a Qt object used off the GUI thread.
pytest_plugins = [
    "tests.support.desktop", "tests.support.logfail", "tests.support.threads",
    "tests.support.qt_threads", "pytester",
]


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A SandboxServer on 127.0.0.1 with a manual clock (advance it with `sandbox.advance(s)`)."""
    from faxdesk.sandbox.server import SandboxServer

    server = SandboxServer(manual_clock=True)
    # Webhook retries in tests wait milliseconds, not seconds.
    server.webhooks.retry_delays = (0.01,)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(sandbox: Any) -> Iterator[Any]:
    """A TelnyxClient pointed at the sandbox."""
    from faxdesk.api.client import TelnyxClient

    api = TelnyxClient(sandbox.api_key, base_url=sandbox.base_url, timeout=10.0)
    try:
        yield api
    finally:
        api.close()


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """`make_pdf(pages=1, name="doc.pdf")` writes a real PDF under tmp_path."""
    def factory(pages: int = 1, name: str | None = None) -> Path:
        return _make_pdf(tmp_path / (name or f"doc-{pages}p.pdf"), pages)

    return factory
