"""The `faxdesk` command: the desktop window by default, headless subcommands over the same core.

Each subcommand lives in its own module with a `register(subparsers)` function; this module only
dispatches. Heavy imports (Qt, httpx) happen inside the command that needs them, so
`faxdesk --help` and the headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence, Set
from types import ModuleType

from faxdesk import __version__

# Modules that add subcommands, each with `register(subparsers)`.
COMMAND_MODULES = (
    "faxdesk.cli.sandbox_command",
    "faxdesk.cli.fax_commands",
    "faxdesk.cli.outbox_command",
    "faxdesk.cli.apps_command",
    "faxdesk.cli.report_command",
)


#: The subcommands' names, known without importing their modules: the window (no subcommand)
#: starts without loading any of them. A test checks this against what the modules register.
COMMAND_NAMES = frozenset({
    "apps", "cancel", "delete", "inbox", "list", "outbox", "refresh", "report", "sandbox",
    "send", "show",
})


def _load_command_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def build_command_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The headless subcommands (`faxdesk send ...`, `faxdesk sandbox ...`) and their names."""
    parser = argparse.ArgumentParser(prog="faxdesk")
    parser.add_argument("--version", action="version", version=f"FaxDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _load_command_modules():
        module.register(subparsers)
    return parser, set(subparsers.choices)


#: The window's own options (with their help). The parser is built from them, and a launch that
#: uses nothing else is read without it (`read_gui_args`).
GUI_FLAGS = {
    "--sandbox": "run against the embedded Telnyx sandbox (no account needed)",
    "--send": "open the send dialog",
}


def build_gui_parser(command_names: Set[str]) -> argparse.ArgumentParser:
    """The desktop window: `faxdesk [--sandbox] [--send] [FILE...]`."""
    parser = argparse.ArgumentParser(
        prog="faxdesk",
        description="FaxDesk: send and receive faxes through Telnyx from your desktop.",
        epilog="Headless commands: " + ", ".join(sorted(command_names))
        + ". Run `faxdesk COMMAND --help` for one of them.",
    )
    parser.add_argument("--version", action="version", version=f"FaxDesk {__version__}")
    for flag, words in GUI_FLAGS.items():
        parser.add_argument(flag, action="store_true", help=words)
    parser.add_argument("files", nargs="*", help="documents to open in the send dialog")
    return parser


def read_gui_args(args_list: Sequence[str]) -> argparse.Namespace | None:
    """The window's arguments when they are only its flags and files to open (every launch from
    a desktop menu, a file manager or a print queue); None for anything else (help, the version,
    a mistake), which the parser reads and answers. Files may come before and after a flag.
    Building that parser costs about 3 ms of every start: argparse looks up its own
    translations while it is built."""
    if any(arg.startswith("-") and arg not in GUI_FLAGS for arg in args_list):
        return None
    return argparse.Namespace(**{flag[2:].replace("-", "_"): flag in args_list
                                 for flag in GUI_FLAGS},
                              files=[arg for arg in args_list if arg not in GUI_FLAGS])


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # A subcommand is recognised by the first word that is not an option; anything else is the
    # window with files to send. One parser for both would let `files` swallow command names.
    first_word = next((a for a in args_list if not a.startswith("-")), None)
    if first_word in COMMAND_NAMES:
        command_parser, _names = build_command_parser()
        args = command_parser.parse_args(args_list)
        return int(args.handler(args))
    args = read_gui_args(args_list) or build_gui_parser(COMMAND_NAMES).parse_args(args_list)
    from faxdesk.cli.gui_command import run_gui

    return run_gui(args)
