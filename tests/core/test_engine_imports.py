"""Start-up cost: the engine does not load what only optional parts need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_engine_leaves_the_webhook_server_and_network_stack_unloaded() -> None:
    # The webhook listener (werkzeug) runs only when the user enables it; the HTTP client is
    # built on first use. Neither may slow down every start.
    code = ("import sys, faxdesk.core.engine; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'werkzeug', 'httpx', 'keyring', 'pypdf', 'faxdesk'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "['faxdesk']"
