"""Start the desktop application (the default when no subcommand is given)."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    try:
        from faxdesk.ui.app import run_app
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("faxdesk.ui"):
            raise
        # Until the main window exists, `faxdesk --sandbox` runs the standalone sandbox.
        if args.sandbox:
            from faxdesk.cli.sandbox_command import run_sandbox_server

            return int(run_sandbox_server(argparse.Namespace(port=0, host="127.0.0.1", speed=1.0,
                                                         seed_history=0, demo=True)))
        print("The FaxDesk window is not built yet; try `faxdesk --sandbox`.", file=sys.stderr)
        return 2
    return int(run_app(args))
