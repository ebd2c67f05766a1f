"""How every headless command runs: open the engine, resume due sends, map failures to words
and exit codes. No traceback ever reaches the terminal.

Exit codes (also in `faxdesk --help` and docs/cli.md):

| code | meaning |
|------|---------|
| 0 | done |
| 1 | the fax failed, Telnyx refused it, or the action is not possible for this fax |
| 2 | bad input: a document, a number or an option FaxDesk cannot send (nothing was sent) |
| 3 | the API key is missing or was not accepted |
| 4 | network problem: offline, no answer, rate limited or a server error (nothing is lost) |
| 5 | no such fax, send or application |
| 6 | the outcome is unknown: the fax may have been sent; FaxDesk checks before sending again |
| 7 | FaxDesk's own files cannot be used: data folder unwritable, disk full, damaged store |
| 130 | interrupted (Ctrl-C) |
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faxdesk.core.engine import ClientFactory, FaxEngine
    from faxdesk.core.opening import OpenedEngine
    from faxdesk.core.settings import Settings

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NETWORK = 4
EXIT_NOT_FOUND = 5
EXIT_UNKNOWN_OUTCOME = 6
EXIT_STORAGE = 7
EXIT_INTERRUPTED = 130

#: How long a command waits for Telnyx. A server that takes connections and never answers is
#: given ANSWER_TIMEOUT seconds per request and ANSWER_TRIES tries (the window, which keeps
#: running, is more patient): at most about 2 x 15 s + 2 s per request, never minutes.
ANSWER_TIMEOUT = 15.0
ANSWER_TRIES = 2
RETRY_PAUSE = 2.0
#: Overrides ANSWER_TIMEOUT (seconds) for a slow link, or for tests.
ANSWER_TIMEOUT_ENV = "FAXDESK_ANSWER_TIMEOUT"


def answer_timeout() -> float:
    import os

    try:
        value = float(os.environ.get(ANSWER_TIMEOUT_ENV, "") or ANSWER_TIMEOUT)
    except ValueError:
        return ANSWER_TIMEOUT
    return value if 0 < value <= 600 else ANSWER_TIMEOUT

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CommandError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    engine: FaxEngine
    settings: Settings
    args: argparse.Namespace
    json: bool
    sandbox: bool

    def out(self, human: str, data: JsonValue) -> None:
        if self.json:
            print(json.dumps(data, indent=2, default=str))
        else:
            print(human)


def common_options(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: both `faxdesk --sandbox list` (top-level flag) and `faxdesk list --sandbox` work.
    parser.add_argument("--sandbox", action="store_true", default=argparse.SUPPRESS,
                        help="use an in-process sandbox with demo data (no account needed); "
                             "each run starts a fresh sandbox, so its ids last one command")
    parser.add_argument("--sandbox-speed", type=float, default=1.0, metavar="X",
                        help="with --sandbox: run the fax lifecycle X times faster")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the local history lives (default: the user data folder)")


def err(message: str) -> None:
    print(f"faxdesk: {message}", file=sys.stderr)


def handler(fn: Callable[[Context], int], *, resume_sends: bool = True
            ) -> Callable[[argparse.Namespace], int]:
    """Run `fn` with an opened engine; every failure becomes words and an exit code."""

    def run(args: argparse.Namespace) -> int:
        started = time.monotonic()
        try:
            return _run(fn, args, resume_sends)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except CommandError as exc:
            err(str(exc))
            return exc.code
        except Exception as exc:
            code, message = describe_failure(exc, waited=time.monotonic() - started)
            if getattr(args, "sandbox", False) and code == EXIT_NOT_FOUND:
                message += " " + SANDBOX_IDS
            err(message)
            return code

    return run


def _run(fn: Callable[[Context], int], args: argparse.Namespace, resume_sends: bool) -> int:
    from faxdesk.core.opening import API_KEY_ENV, SandboxOptions, open_engine
    from faxdesk.core.settings import load_settings

    settings = load_settings()
    sandbox = bool(getattr(args, "sandbox", False))
    if sandbox and args.sandbox_speed <= 0:
        raise CommandError("--sandbox-speed must be a positive number.", EXIT_USAGE)
    opened = open_engine(settings, "sandbox" if sandbox else "account", args.data_dir,
                         sandbox=SandboxOptions(speed=args.sandbox_speed))
    with opened:
        if opened.engine.has_account:
            opened.engine.set_client_factory(command_client_factory(opened, settings))
        recovered = opened.engine.store.recovered_from
        if recovered is not None:
            err(f"FaxDesk's history file was damaged. It was kept as {recovered}, and a new one "
                "is filled again from your Telnyx account.")
        if not opened.engine.has_account:
            raise CommandError(opened.key_problem or (
                f"There is no API key yet. Set {API_KEY_ENV}, save a key in the FaxDesk "
                "window's Settings, or use --sandbox to try FaxDesk."), EXIT_AUTH)
        if resume_sends:
            # Sends left over from an earlier run (a crash, a network cut) go out now.
            opened.engine.outbox.run_due()
        return fn(Context(opened.engine, settings, args, bool(args.json), sandbox))


SANDBOX_IDS = ("Each --sandbox command starts a fresh sandbox, so ids from an earlier command "
               "are gone. For a sandbox that lasts, run `faxdesk sandbox` in another terminal "
               "and point the commands at it (FAXDESK_BASE_URL and FAXDESK_API_KEY, see "
               "docs/cli.md).")


def command_client_factory(opened: OpenedEngine, settings: Settings) -> ClientFactory:
    """The engine's Telnyx client for one command: the same key and address as the window's,
    with the command line's bounded patience (ANSWER_TIMEOUT, ANSWER_TRIES)."""
    from faxdesk.api.client import TelnyxClient
    from faxdesk.api.retry import RetryPolicy
    from faxdesk.core.opening import api_base_url, read_api_key

    if opened.sandbox is not None:
        key, base_url = opened.sandbox.api_key, opened.sandbox.base_url
    else:
        found = read_api_key(settings).key
        if found is None:
            raise CommandError(opened.key_problem or "The API key could not be read.", EXIT_AUTH)
        key, base_url = found, api_base_url(settings)

    def make() -> TelnyxClient:
        return TelnyxClient(key, base_url=base_url, timeout=answer_timeout(),
                            retry=RetryPolicy(max_attempts=ANSWER_TRIES,
                                              max_total_wait=RETRY_PAUSE))

    return make


def describe_failure(exc: BaseException, *, waited: float | None = None) -> tuple[int, str]:
    """An exit code and a message in words for anything a command can run into. `waited`:
    seconds the command ran, said when Telnyx did not answer."""
    import sqlite3

    from faxdesk.api.errors import (
        ApiError,
        ApiTimeoutError,
        AuthenticationError,
        NotFoundError,
        RateLimitError,
        ServerError,
        TransportError,
    )
    from faxdesk.core.engine import EngineError, NoAccountError, UnknownFaxError
    from faxdesk.core.paths import StorageError, storage_error
    from faxdesk.core.sending import SendRefused
    from faxdesk.core.words import error_words

    if isinstance(exc, SendRefused):
        return EXIT_USAGE, "Nothing was sent.\n  " + "\n  ".join(
            r.message for r in exc.refusals)
    if isinstance(exc, NoAccountError | UnknownFaxError | EngineError | StorageError):
        words = str(exc)  # the engine's and the store's own words
    elif isinstance(exc, sqlite3.Error):
        words = ("FaxDesk's history file cannot be used (it may be damaged or the disk full). "
                 "Nothing was sent.")
    elif isinstance(exc, OSError) and not isinstance(exc, TransportError):
        words = str(storage_error(exc, exc.filename or "FaxDesk's data folder", "use"))
    else:
        words = error_words(exc)
    if isinstance(exc, ApiTimeoutError) and waited is not None and waited >= 1:
        words += f" FaxDesk gave up after {waited:.0f} s; nothing is lost."
    if isinstance(exc, AuthenticationError | NoAccountError):
        return EXIT_AUTH, words
    if isinstance(exc, NotFoundError | UnknownFaxError):
        return EXIT_NOT_FOUND, words
    if isinstance(exc, TransportError | RateLimitError | ServerError):
        return EXIT_NETWORK, words
    if isinstance(exc, ApiError | EngineError):
        return EXIT_FAILED, words
    if isinstance(exc, StorageError | OSError | sqlite3.Error):
        return EXIT_STORAGE, words
    log.debug("unexpected failure", exc_info=exc)
    return EXIT_FAILED, ("FaxDesk ran into an unexpected problem and stopped; nothing is lost. "
                         "Run the command again, and report it if it keeps happening.")


def duration(text: str) -> float:
    """An argparse type: "90", "90s", "10m", "1h", "1m30s" → seconds."""
    value = text.strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)(h|min|m|s)", value)
        if not parts or "".join(n + u for n, u in parts) != value:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a duration; write it as 90s, 10m or 1h")
        factor = {"h": 3600.0, "min": 60.0, "m": 60.0, "s": 1.0}
        seconds = sum(float(n) * factor[u] for n, u in parts)
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the duration must be more than 0 s")
    return seconds


def duration_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    if minutes and secs:
        return f"{minutes} min {secs} s"
    return f"{minutes} min" if minutes else f"{secs} s"


def positive_int(text: str) -> int:
    """An argparse type for counts: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value
