"""`faxdesk sandbox`: run the Telnyx fax sandbox standalone until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run the local Telnyx fax API sandbox",
        description="Run the stateful Telnyx v2 fax API emulator on loopback until Ctrl-C. "
                    "See docs/sandbox.md.")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="how many times faster than real time faxes progress "
                             "(default 1)")
    parser.add_argument("--seed-history", type=int, default=0, metavar="N",
                        help="add N finished faxes to the history (for benchmarks)")
    parser.add_argument("--demo", action=argparse.BooleanOptionalAction, default=False,
                        help="load demo applications, numbers and faxes")
    parser.add_argument("--api-key", default=None,
                        help="the API key clients must send (default: a random one)")
    parser.set_defaults(handler=run_sandbox_server)


def run_sandbox_server(args: argparse.Namespace) -> int:
    from faxdesk.sandbox.server import SandboxServer

    if getattr(args, "speed", 1.0) <= 0:
        print("--speed must be positive", file=sys.stderr)
        return 2
    server = SandboxServer(host=args.host, port=args.port, speed=args.speed,
                           api_key=getattr(args, "api_key", None),
                           seed_history=args.seed_history, demo=args.demo)
    try:
        server.start()
    except OSError as exc:
        print(f"Cannot start the sandbox on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    # Printing the key is the point of this command: the user needs it to call the sandbox.
    print("FaxDesk Telnyx sandbox is running.")
    print(f"Base URL:           {server.base_url}")
    print(f"API key:            {server.api_key}")
    print(f"Webhook public key: {server.public_key_b64}")
    print(f"Control endpoints:  {server.root_url}/_sandbox")
    print("Press Ctrl-C to stop.", flush=True)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    # Installed explicitly: a shell starts background jobs with SIGINT ignored, and SIGTERM
    # should stop as cleanly as Ctrl-C does.
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
        print("\nStopping the sandbox.", flush=True)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
    return 0
