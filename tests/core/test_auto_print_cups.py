"""Received faxes printed automatically on a real CUPS queue whose output lands in a file (an
AppSocket printer on loopback): exactly once, across restarts, and words when it cannot print."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.auto_print import AutoPrinter, switched_on
from faxdesk.core.engine import FaxEngine
from faxdesk.core.printers import PrintError, printer_state, printers, submit
from tests.core.conftest import FROM_NUMBER
from tests.support.cups import PrivateCups
from tests.support.socket_printer import SocketPrinter

SENDER = "+16175550134"


@pytest.fixture
def cups(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateCups]:
    server = PrivateCups().start()
    monkeypatch.setenv("CUPS_SERVER", str(server.socket))  # lp/lpstat in FaxDesk use it
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def paper(cups: PrivateCups, tmp_path: Path) -> Iterator[SocketPrinter]:
    """The office printer: queue "Office" in CUPS, its output as files."""
    printer = SocketPrinter(tmp_path / "paper").start()
    cups.add_socket_queue("Office", printer.port)
    try:
        yield printer
    finally:
        printer.stop()


def sandbox_now(sandbox: Any) -> datetime:
    return datetime.fromtimestamp(sandbox.state.now_us() / 1e6, UTC)


def receive(sandbox: Any, engine: FaxEngine, pages: int = 2) -> Path:
    """A fax arrives, is synced and downloaded (which publishes FaxReceived)."""
    sandbox.advance(5)
    sandbox.receive_inbound(from_number=SENDER, to=FROM_NUMBER, pages=pages)
    sandbox.advance(30)
    assert engine.syncer.tick()
    (path,) = engine.inbox.download_pending()
    return path


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_received_fax_prints_once_and_a_restart_prints_nothing_again(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str, cups: PrivateCups,
    paper: SocketPrinter, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    engine = make_engine(data_dir=data)
    # Page counts differ so the printed bytes tell the faxes apart.
    old = receive(sandbox, engine, pages=3)  # before printing was switched on: never printed
    switched_on(engine.store, now=sandbox_now(sandbox))
    auto = AutoPrinter(engine.store, "Office").attach(engine.events)
    first = receive(sandbox, engine, pages=2)
    assert auto.wait_idle()
    wait_for(lambda: len(paper.jobs()) == 1)
    assert paper.jobs()[0].read_bytes() == first.read_bytes()  # the fax itself, on paper
    assert first.read_bytes() != old.read_bytes()  # (and not the older one)
    auto.stop()
    engine.stop()

    # FaxDesk restarts: nothing printed twice; a fax that came while it was off prints now.
    sandbox.receive_inbound(from_number=SENDER, to=FROM_NUMBER, pages=1)
    sandbox.advance(30)
    again = make_engine(data_dir=data)
    assert again.syncer.tick()
    (while_off,) = again.inbox.download_pending()
    auto = AutoPrinter(again.store, "Office").attach(again.events)
    try:
        assert auto.wait_idle()
        wait_for(lambda: len(paper.jobs()) == 2)
        assert auto.catch_up() == []  # and again, nothing is due
    finally:
        auto.stop()
    assert [p.read_bytes() for p in paper.jobs()] == [first.read_bytes(),
                                                      while_off.read_bytes()]
    cups.wait_completed("Office", 2)
    assert cups.job_state("Office", 3) == "unknown"  # there was no third job


def test_a_paused_printer_keeps_the_fax_in_its_queue_and_says_so(
    sandbox: Any, engine: FaxEngine, app_id: str, cups: PrivateCups, paper: SocketPrinter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The problem is told to the person (on_problem) and logged as a warning.
    caplog.set_level(logging.WARNING, logger="faxdesk.core.auto_print")
    cups.run("cupsdisable", "-r", "Out of paper", "Office")
    problems: list[tuple[str, str]] = []
    switched_on(engine.store, now=sandbox_now(sandbox))
    auto = AutoPrinter(engine.store, "Office", on_problem=lambda f, m: problems.append((f, m)))
    auto.attach(engine.events)
    try:
        receive(sandbox, engine)
        assert auto.wait_idle()
        assert [m for _, m in problems] == [
            "The printer “Office” is paused or offline (Out of paper). The fax waits in its "
            "queue and prints when the printer is back."]
        assert paper.jobs() == []
        cups.run("cupsenable", "Office")
        wait_for(lambda: len(paper.jobs()) == 1)
        assert auto.catch_up() == []  # queued once in CUPS is printed once
    finally:
        auto.stop()


def test_a_printer_that_refuses_jobs_is_retried_later_and_prints_once(
    sandbox: Any, engine: FaxEngine, app_id: str, cups: PrivateCups, paper: SocketPrinter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The problem is told to the person (on_problem) and logged as a warning.
    caplog.set_level(logging.WARNING, logger="faxdesk.core.auto_print")
    cups.run("cupsreject", "Office")
    problems: list[str] = []
    switched_on(engine.store, now=sandbox_now(sandbox))
    auto = AutoPrinter(engine.store, "Office", on_problem=lambda f, m: problems.append(m))
    auto.attach(engine.events)
    try:
        receive(sandbox, engine)
        assert auto.wait_idle()
        assert problems == ["The printer “Office” is not accepting jobs. FaxDesk will try "
                            "again later."]
        cups.run("cupsaccept", "Office")
        assert len(auto.catch_up()) == 1  # the next try (a later fax, or the next start)
        wait_for(lambda: len(paper.jobs()) == 1)
        assert auto.catch_up() == []
    finally:
        auto.stop()


def test_stopping_between_printing_and_hearing_back_never_prints_twice(
    sandbox: Any, engine: FaxEngine, app_id: str, cups: PrivateCups, paper: SocketPrinter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The problem is told to the person (on_problem) and logged as a warning.
    caplog.set_level(logging.WARNING, logger="faxdesk.core.auto_print")
    switched_on(engine.store, now=sandbox_now(sandbox))
    receive(sandbox, engine)

    def crash(name: str, document: Path, title: str) -> str:
        submit(name, document, title)  # CUPS has the job...
        raise KeyboardInterrupt  # ...and FaxDesk is gone before it wrote that down

    with pytest.raises(KeyboardInterrupt):
        AutoPrinter(engine.store, "Office", submit=crash).print_fax(
            engine.store.list_faxes(direction="inbound")[0])
    wait_for(lambda: len(paper.jobs()) == 1)
    problems: list[str] = []
    auto = AutoPrinter(engine.store, "Office", on_problem=lambda f, m: problems.append(m))
    try:
        assert auto.catch_up() == []
    finally:
        auto.stop()
    assert problems == [f"FaxDesk stopped while printing the fax from {SENDER}. If it did not "
                        "come out of the printer, print it from the fax list."]
    assert len(paper.jobs()) == 1


def test_printer_words_for_a_missing_printer_and_a_stopped_cups(
    cups: PrivateCups, paper: SocketPrinter, tmp_path: Path
) -> None:
    assert printers() == ["Office"]
    assert printer_state("Office").problem() is None
    assert printer_state("Gone").problem() == (
        "The printer “Gone” does not exist any more. Choose another printer in the settings.")
    with pytest.raises(PrintError, match="“Gone” does not exist any more") as missing:
        submit("Gone", tmp_path / "x.pdf", "t")
    assert missing.value.kind == "missing"
    cups.stop()
    with pytest.raises(PrintError, match=r"^The printing service \(CUPS\) is not running"):
        submit("Office", tmp_path / "x.pdf", "t")
