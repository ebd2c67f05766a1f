"""The Qt thread check itself: it catches a widget used from another thread and a worker task
that would carry a widget, and lets the right uses through."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from faxdesk.ui import thread_check
from faxdesk.ui.status_area import StatusArea
from faxdesk.ui.worker import Worker


def test_a_faxdesk_widget_used_from_another_thread_is_caught(qtbot: QtBot) -> None:
    assert thread_check.enabled()  # the suite runs with it on
    window = QMainWindow()
    qtbot.addWidget(window)
    area = StatusArea(window.statusBar())
    area.show_info("on the GUI thread: fine")
    errors: list[BaseException] = []

    def off_thread() -> None:
        try:
            area.show_info("from a worker")
        except thread_check.WrongThreadError as exc:
            errors.append(exc)

    thread = threading.Thread(target=off_thread)
    thread.start()
    thread.join()
    assert len(errors) == 1 and "StatusArea.show_info" in str(errors[0])
    assert thread_check.violations  # recorded even if a handler had swallowed it
    thread_check.violations.clear()


def test_a_worker_task_carrying_a_widget_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    worker = Worker()
    window = QMainWindow()
    qtbot.addWidget(window)
    area = StatusArea(window.statusBar())

    def touches_the_widget() -> None:
        area.show_info("from the pool")

    with pytest.raises(thread_check.WrongThreadError, match="StatusArea"):
        worker.submit(touches_the_widget)
    done: list[int] = []
    assert worker.submit(len, "plain values", on_done=done.append)
    qtbot.waitUntil(lambda: done == [12])
    thread_check.violations.clear()
    worker.shutdown()
