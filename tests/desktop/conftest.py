"""Desktop services for these tests come from tests/support/desktop.py (one session for all)."""

from tests.support.desktop import (  # noqa: F401  (fixtures and the start-up time report)
    desktop_env,
    private_bus,
    pytest_terminal_summary,
)
