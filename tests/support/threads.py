"""The suite's one thread-leak guard: every test ends each thread it started (engine workers,
sandboxes, servers, request handlers, callers) once its fixtures are torn down. An exception that
ends a thread fails the test it happened in (pytest only warns about it by default).

A thread still finishing its last step gets `GRACE` seconds. The wait is on the condition, so a
clean test pays nothing; in a Qt test the event loop runs meanwhile, so work handed back to the
GUI thread (a worker's result, a deleteLater) can complete and let its thread end.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator

import pytest

#: Seconds a new thread may take to end after its test (the guard's own test shortens it).
GRACE = float(os.environ.get("FAXDESK_TEST_THREAD_GRACE", "10"))
_POLL = 0.02


def _pause(seconds: float) -> None:
    """Sleep, running the Qt event loop instead when there is one on this thread."""
    core = sys.modules.get("PySide6.QtCore")
    if (core is not None and core.QCoreApplication.instance() is not None
            and threading.current_thread() is threading.main_thread()):
        from PySide6.QtTest import QTest

        QTest.qWait(int(seconds * 1000))
    else:
        time.sleep(seconds)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("filterwarnings",
                            "error::pytest.PytestUnhandledThreadExceptionWarning")


def new_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t not in before and t.is_alive()
            and not isinstance(t, threading._DummyThread)]


@pytest.fixture(autouse=True)
def no_threads_left_behind(fail_on_unexpected_logs: None) -> Iterator[None]:
    """(Ends before the log check, so what a thread logs while it finishes is checked too.)"""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + GRACE
    left = new_threads(before)
    while left and time.monotonic() < deadline:
        _pause(_POLL)
        left = new_threads(before)
    if left:
        pytest.fail(f"threads still running after the test: {sorted(t.name for t in left)}",
                    pytrace=False)
