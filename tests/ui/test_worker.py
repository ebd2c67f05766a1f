"""The worker bridge: results and errors arrive on the GUI thread; quitting never hangs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread

from faxdesk.ui.worker import EventBridge, Worker
from tests.ui.conftest import wait_for


@pytest.fixture
def worker(qtbot: Any) -> Iterator[Worker]:
    w = Worker()
    yield w
    w.shutdown()


def test_results_and_errors_come_back_on_the_gui_thread(qtbot: Any, worker: Worker) -> None:
    gui = QThread.currentThread()
    seen: list[tuple[str, object, bool]] = []
    ran_on: list[bool] = []

    def work(x: int) -> int:
        ran_on.append(threading.current_thread() is threading.main_thread())
        return x * 2

    def boom() -> None:
        raise ValueError("disk full")

    def on_gui() -> bool:
        return QThread.currentThread() is gui

    worker.submit(work, 21, on_done=lambda r: seen.append(("ok", r, on_gui())))
    worker.submit(boom, on_error=lambda e: seen.append(("err", str(e), on_gui())))
    wait_for(qtbot, lambda: len(seen) == 2)
    assert sorted(seen) == [("err", "disk full", True), ("ok", 42, True)]
    assert ran_on == [False]  # the work itself ran off the GUI thread
    assert worker.pending == 0


def test_a_task_and_its_result_are_released_on_the_gui_thread(qtbot: Any, worker: Worker) -> None:
    # A task may hold the last reference to a closed dialog (its bound method); deleting a Qt
    # object on a pool thread corrupts memory, so the pool hands everything back to free.
    freed_on: dict[str, str] = {}

    class Tracked:
        def __init__(self, name: str) -> None:
            self.name = name

        def __del__(self) -> None:
            freed_on[self.name] = threading.current_thread().name

        def run(self) -> Tracked:
            return Tracked("result")

    delivered: list[bool] = []
    worker.submit(Tracked("task").run, on_done=lambda _r: delivered.append(True))
    wait_for(qtbot, lambda: delivered == [True])
    worker.submit(lambda: None, on_done=lambda _r: delivered.append(True))  # the pool moves on
    wait_for(qtbot, lambda: delivered == [True, True])
    assert freed_on == {"task": "MainThread", "result": "MainThread"}


def test_unhandled_errors_are_reported(
    qtbot: Any, worker: Worker, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="faxdesk.ui.worker"), \
            qtbot.waitSignal(worker.unhandledError) as blocker:
        worker.submit(lambda: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_events_from_other_threads_arrive_on_the_gui_thread(qtbot: Any) -> None:
    bridge = EventBridge()
    gui = QThread.currentThread()
    got: list[tuple[object, bool]] = []
    bridge.received.connect(lambda e: got.append((e, QThread.currentThread() is gui)))
    threads = [threading.Thread(target=bridge.post, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_for(qtbot, lambda: len(got) == 5)
    assert sorted(e for e, _ in got) == [0, 1, 2, 3, 4]
    assert all(on_gui for _, on_gui in got)


def test_shutdown_does_not_wait_for_a_stuck_task(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    worker = Worker()
    release = threading.Event()
    started = threading.Event()
    done: list[object] = []

    def stuck() -> str:
        started.set()
        release.wait(30)
        return "late"

    worker.submit(stuck, on_done=done.append)
    assert started.wait(5)
    with caplog.at_level(logging.WARNING, logger="faxdesk.ui.worker"):
        finished = worker.shutdown(wait_ms=100)
    assert finished is False  # gave up waiting instead of hanging
    assert not worker.submit(lambda: None)  # closed for new work
    release.set()
    assert worker.wait_idle(5000)
    qtbot.wait(20)
    assert done == []  # nothing is delivered to a window that is gone
