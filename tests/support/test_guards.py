"""The suite's guards, run on small inner test sessions: unexpected warnings and errors, an
exception an event listener swallowed, a crashed thread and a thread left running each fail the
test that caused them; expected records do not."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

INNER = '''
import logging
import threading

import pytest

from faxdesk.core.events import EventHub, SyncStateChanged

log = logging.getLogger("faxdesk.inner")


def test_clean():
    log.info("fine")


def test_unexpected_warning():
    log.warning("the disk is almost full")


def test_error_from_another_thread():
    thread = threading.Thread(target=lambda: log.error("worker failed"))
    thread.start()
    thread.join()


def test_listener_exception_swallowed_by_the_hub():
    hub = EventHub()

    def broken(event):
        raise KeyError("fax")

    hub.subscribe(broken)
    hub.publish(SyncStateChanged("ok", None, ""))  # logged and skipped: must still fail


def test_expected_for_one_logger(caplog):
    with caplog.at_level(logging.WARNING, logger="faxdesk.inner"):
        log.warning("expected")


def test_expected_for_every_logger(caplog):
    with caplog.at_level(logging.ERROR):
        logging.getLogger("elsewhere").error("expected")


def test_expecting_warnings_does_not_excuse_an_error(caplog):
    with caplog.at_level(logging.WARNING, logger="faxdesk.inner"):
        log.error("not expected")


def test_expectation_ends_with_the_block(caplog):
    with caplog.at_level(logging.WARNING, logger="faxdesk.inner"):
        log.warning("expected")
    log.warning("after the block")


def test_thread_crash():
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()


STOP = threading.Event()


def test_thread_left_running():
    threading.Thread(target=STOP.wait, name="leaky", daemon=True).start()


def test_after_the_leak():
    STOP.set()
'''

EXPECTED = {
    "test_clean": "passed",
    "test_unexpected_warning": "error",
    "test_error_from_another_thread": "error",
    "test_listener_exception_swallowed_by_the_hub": "error",
    "test_expected_for_one_logger": "passed",
    "test_expected_for_every_logger": "passed",
    "test_expecting_warnings_does_not_excuse_an_error": "error",
    "test_expectation_ends_with_the_block": "error",
    "test_thread_crash": "failed",
    "test_thread_left_running": "error",
    "test_after_the_leak": "passed",
}


def test_the_guards_fail_exactly_the_tests_that_misbehave(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest('pytest_plugins = ["tests.support.logfail", "tests.support.threads"]')
    pytester.makepyfile(test_inner=INNER)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("FAXDESK_TEST_THREAD_GRACE", "0.5")  # the leak is waited for that long
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA",
                                           "-o", "addopts=", timeout=120)
    outcomes: dict[str, str] = {}
    for line in result.outlines:
        for status in ("PASSED", "FAILED", "ERROR"):
            prefix = f"{status} test_inner.py::"
            if line.startswith(prefix):
                name = line[len(prefix):].split()[0]
                # A test that passed its call and errored at teardown is listed twice.
                if outcomes.get(name) != "error":
                    outcomes[name] = status.lower()
    assert outcomes == EXPECTED, result.stdout.str()
    text = result.stdout.str()
    assert "WARNING faxdesk.inner: the disk is almost full" in text
    assert "KeyError" in text  # the swallowed exception is shown
    assert "threads still running after the test: ['leaky']" in text
