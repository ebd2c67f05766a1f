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
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faxdesk.core.engine import FaxEngine
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
        try:
            return _run(fn, args, resume_sends)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except CommandError as exc:
            err(str(exc))
            return exc.code
        except Exception as exc:
            code, message = describe_failure(exc)
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


def describe_failure(exc: BaseException) -> tuple[int, str]:
    """An exit code and a message in words for anything a command can run into."""
    import sqlite3

    from faxdesk.api.errors import (
        ApiError,
        AuthenticationError,
        NotFoundError,
        RateLimitError,
        ServerError,
        TransportError,
    )
    from faxdesk.core.engine import EngineError, NoAccountError, UnknownFaxError
    from faxdesk.core.paths import StorageError, storage_error
    from faxdesk.core.sending import SendRefused

    if isinstance(exc, SendRefused):
        return EXIT_USAGE, "Nothing was sent.\n  " + "\n  ".join(
            r.message for r in exc.refusals)
    if isinstance(exc, AuthenticationError | NoAccountError):
        return EXIT_AUTH, str(exc)
    if isinstance(exc, NotFoundError | UnknownFaxError):
        return EXIT_NOT_FOUND, str(exc)
    if isinstance(exc, TransportError | RateLimitError | ServerError):
        return EXIT_NETWORK, str(exc)
    if isinstance(exc, ApiError | EngineError):
        return EXIT_FAILED, str(exc)
    if isinstance(exc, StorageError):
        return EXIT_STORAGE, str(exc)
    if isinstance(exc, OSError):
        return EXIT_STORAGE, str(storage_error(exc, exc.filename or "FaxDesk's data folder",
                                               "use"))
    if isinstance(exc, sqlite3.Error):
        return EXIT_STORAGE, ("FaxDesk's history file cannot be used (it may be damaged or the "
                              "disk full). Nothing was sent.")
    log.debug("unexpected failure", exc_info=exc)
    return EXIT_FAILED, ("FaxDesk ran into an unexpected problem and stopped; nothing is lost. "
                         "Run the command again, and report it if it keeps happening.")
