"""Unexpected log records fail the test that caused them (after qutebrowser's tests/helpers/
logfail.py).

Every record at WARNING or above reaching the root logger during a test is collected, from any
thread: a failed send logged by the outbox worker, an exception an event listener swallowed
(`EventHub.publish` logs it and goes on), an after-tick hook that raised. When the test ends, any
record it did not expect fails it.

A test expects records the way it would capture them anyway:

- ``with caplog.at_level(logging.WARNING, logger="faxdesk.core.engine"):`` expects WARNING
  records from that logger (and its children) inside the block;
- ``with caplog.at_level(logging.ERROR):`` (or ``caplog.set_level``) expects ERROR records from
  any logger while the level is set.

The level must match exactly: expecting warnings does not excuse an error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

MIN_LEVEL = logging.WARNING


class LogFailHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(MIN_LEVEL)
        self._lock_records = threading.Lock()
        self.records: list[logging.LogRecord] = []
        self.caplog_handler: logging.Handler | None = None
        # Levels as configured before any test ran: only a level a test set means "expected".
        manager = logging.Logger.manager
        self._initial = {name: lg.level for name, lg in list(manager.loggerDict.items())
                         if isinstance(lg, logging.Logger)}

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < MIN_LEVEL or self._expected(record):
            return
        with self._lock_records:
            self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        with self._lock_records:
            records, self.records = self.records, []
        return records

    def _expected(self, record: logging.LogRecord) -> bool:
        caplog = self.caplog_handler
        if caplog is not None and caplog.level == record.levelno:
            return True
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None and logger is not logging.root:
            if logger.level != logging.NOTSET:
                changed = logger.level != self._initial.get(logger.name, logging.NOTSET)
                return changed and logger.level == record.levelno
            logger = logger.parent
        return False


def describe(record: logging.LogRecord) -> str:
    text = f"{record.levelname} {record.name}: {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        text += f"\n    {type(error).__name__}: {error}"
    return text


@pytest.fixture(scope="session")
def _logfail_handler() -> Iterator[LogFailHandler]:
    handler = LogFailHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


@pytest.fixture(autouse=True)
def fail_on_unexpected_logs(
    request: pytest.FixtureRequest, _logfail_handler: LogFailHandler
) -> Iterator[None]:
    """Fails the test (at teardown, after its threads and fixtures are done) on any WARNING or
    ERROR record it did not expect; see the module docstring."""
    handler = _logfail_handler
    handler.take()  # records left over from between tests belong to no test
    if "caplog" in request.fixturenames:
        handler.caplog_handler = request.getfixturevalue("caplog").handler
    try:
        yield
    finally:
        handler.caplog_handler = None
    records = handler.take()
    if records:
        pytest.fail("unexpected log records (expect them with caplog.at_level):\n"
                    + "\n".join(describe(r) for r in records), pytrace=False)
