"""Start the desktop application (the default when no subcommand is given)."""

from __future__ import annotations

import argparse
import gc


def run_gui(args: argparse.Namespace) -> int:
    # The garbage collector waits until the first frame is painted: nearly everything a start
    # makes before it is kept, and collecting it cost the frame ~2 ms, a few more while
    # PySide6 loads.
    gc.disable()
    try:
        # Qt is imported only here, so the headless commands start without it.
        from faxdesk.ui.app import run_app

        return int(run_app(args, on_first_frame=gc.enable))
    finally:
        gc.enable()
