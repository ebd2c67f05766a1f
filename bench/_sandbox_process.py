"""A sandbox in its own process for benchmarks: `python _sandbox_process.py [seed_history]`.

Prints `BASE_URL <url>` and `API_KEY <key>`, then serves until stdin closes. Unlike
`faxdesk sandbox` it lifts the rate limit (1,000 requests a minute), which benchmarks that send
hundreds of requests in seconds would hit without measuring anything.
"""

from __future__ import annotations

import sys

from faxdesk.sandbox.server import SandboxServer


def main() -> None:
    history = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    with SandboxServer(seed_history=history, rate_limit=1_000_000) as sandbox:
        print(f"BASE_URL {sandbox.base_url}", flush=True)
        print(f"API_KEY {sandbox.api_key}", flush=True)
        sys.stdin.read()  # until the parent closes it (or exits)


if __name__ == "__main__":
    main()
