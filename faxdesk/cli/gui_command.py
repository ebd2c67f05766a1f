"""Start the desktop application (the default when no subcommand is given)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    # Qt is imported only here, so the headless commands start without it.
    from faxdesk.ui.app import run_app

    return int(run_app(args))
