"""Desktop services for these tests come from tests/support/desktop.py, loaded as a plugin by the
root conftest (one session for all tests)."""
