"""The `faxdesk` command: the desktop window by default, headless subcommands over the same core.

Each subcommand lives in its own module with a `register(subparsers)` function; this module only
dispatches. Heavy imports (Qt, httpx) happen inside the command that needs them, so
`faxdesk --help` and the headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from faxdesk import __version__

# Modules that add subcommands. Missing ones are skipped so a partial tree still runs.
COMMAND_MODULES = (
    "faxdesk.cli.sandbox_command",
    "faxdesk.cli.fax_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="faxdesk",
        description="FaxDesk: send and receive faxes through Telnyx from your desktop.",
    )
    parser.add_argument("--version", action="version", version=f"FaxDesk {__version__}")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="run against the embedded Telnyx sandbox (no account needed)",
    )
    parser.add_argument("files", nargs="*", help="documents to open in the send dialog")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    from faxdesk.cli.gui_command import run_gui

    return run_gui(args)
