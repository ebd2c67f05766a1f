"""One way to open FaxDesk: settings and a mode in, a ready (not yet started) engine out.

The window, the command line and the benchmarks all call `open_engine`, so the same settings
mean the same behaviour everywhere: `EngineConfig.from_settings` maps them, the key is read by
`read_api_key`, and the API address comes from the settings.

Where the key comes from, in order:
1. `FAXDESK_API_KEY` in the environment, when set: a documented override for scripts and CI;
2. the key store chosen in the settings (the OS keyring, or memory for a session-only key).

`FAXDESK_BASE_URL` overrides the API address the same way (for a local test server).
A sandbox engine runs against an embedded sandbox on loopback, with its own key in memory and a
throw-away data directory unless one is given.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from faxdesk.core.engine import ClientFactory, EngineConfig, FaxEngine
from faxdesk.core.paths import data_dir as default_data_dir
from faxdesk.core.secrets import SecretsError, make_key_store
from faxdesk.core.settings import Settings

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.sandbox.server import SandboxServer

EngineMode = Literal["sandbox", "account"]
API_KEY_ENV = "FAXDESK_API_KEY"
BASE_URL_ENV = "FAXDESK_BASE_URL"


@dataclass(frozen=True, slots=True)
class KeyLookup:
    key: str | None
    problem: str | None  # the key store failed, in words (None: found, or simply none yet)
    source: Literal["environment", "key store", "none"]


def key_problem(key: str) -> str | None:
    """Why a key cannot be sent as it is (None when it can); never repeats the key."""
    if any(ch.isspace() for ch in key.strip()):
        return ("The API key contains a space or a line break. Copy it again from the Telnyx "
                "portal (API Keys), without them.")
    if not key.strip().isprintable() or not key.strip().isascii():
        return "The API key contains characters an API key never has. Copy it again."
    return None


def read_api_key(settings: Settings, env: Mapping[str, str] = os.environ) -> KeyLookup:
    override = env.get(API_KEY_ENV, "").strip()
    if override:
        problem = key_problem(override)
        if problem:
            return KeyLookup(None, f"{API_KEY_ENV}: {problem}", "none")
        return KeyLookup(override, None, "environment")
    try:
        stored = make_key_store(settings.key_storage).get_key()
    except SecretsError as exc:
        return KeyLookup(None, str(exc), "none")
    if stored:
        problem = key_problem(stored)
        if problem:
            return KeyLookup(None, f"The stored key cannot be used. {problem}", "none")
        return KeyLookup(stored, None, "key store")
    return KeyLookup(None, None, "none")  # no key yet: not a problem, a first start


def api_base_url(settings: Settings, env: Mapping[str, str] = os.environ) -> str:
    return env.get(BASE_URL_ENV, "").strip() or settings.api_base_url


def client_factory(key: str, base_url: str) -> ClientFactory:
    def make() -> TelnyxClient:
        from faxdesk.api.client import TelnyxClient

        return TelnyxClient(key, base_url=base_url)

    return make


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    speed: float = 1.0  # the fax lifecycle runs this many times faster
    demo: bool = True  # applications, numbers and a history to look at
    seed_history: int = 0  # extra faxes in the history (benchmarks)
    manual_clock: bool = False  # the lifecycle moves only when a test advances it


@dataclass
class OpenedEngine:
    """An engine and what was opened for it; `close()` stops and removes all of it."""

    engine: FaxEngine
    mode: EngineMode
    sandbox: SandboxServer | None = None
    key_problem: str | None = None  # the key store failed, in words
    _scratch: Path | None = field(default=None, repr=False)

    def close(self) -> None:
        self.engine.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> OpenedEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_engine(
    settings: Settings,
    mode: EngineMode,
    data_dir: Path | None = None,
    *,
    sandbox: SandboxOptions | None = None,
    api_key: str | None = None,
    env: Mapping[str, str] = os.environ,
    tune: Callable[[EngineConfig], EngineConfig] | None = None,
) -> OpenedEngine:
    """Open the engine for `mode` (not started). `api_key`: a key just typed, used instead of
    the stored one. `tune` adjusts the configuration for tests and benchmarks only."""
    config = EngineConfig.from_settings(settings)
    if tune is not None:
        config = tune(config)
    if mode == "sandbox":
        return _open_sandbox(config, data_dir, sandbox or SandboxOptions())
    if api_key and key_problem(api_key):
        lookup = KeyLookup(None, key_problem(api_key), "none")
    elif api_key:
        lookup = KeyLookup(api_key.strip(), None, "key store")
    else:
        lookup = read_api_key(settings, env)
    factory = (client_factory(lookup.key, api_base_url(settings, env))
               if lookup.key else None)
    engine = FaxEngine(data_dir or default_data_dir(), factory, config)
    return OpenedEngine(engine, "account", key_problem=lookup.problem)


def _open_sandbox(config: EngineConfig, data_dir: Path | None,
                  options: SandboxOptions) -> OpenedEngine:
    from faxdesk.sandbox.server import SandboxServer

    server = SandboxServer(speed=options.speed, demo=options.demo,
                           seed_history=options.seed_history,
                           manual_clock=options.manual_clock).start()
    scratch = None
    try:
        if data_dir is None:
            # Sandbox faxes never mix with a real history.
            scratch = Path(tempfile.mkdtemp(prefix="faxdesk-sandbox-"))
            data_dir = scratch
        engine = FaxEngine(data_dir, client_factory(server.api_key, server.base_url), config)
    except BaseException:
        server.stop()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        raise
    return OpenedEngine(engine, "sandbox", sandbox=server, _scratch=scratch)
