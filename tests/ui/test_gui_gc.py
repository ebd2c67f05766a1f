"""Cyclic garbage is collected on the GUI thread only (a widget freed elsewhere corrupts memory)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from tests.ui.conftest import wait_for


def test_garbage_made_anywhere_is_collected_on_the_gui_thread(qtbot: Any) -> None:
    freed_on: list[str] = []

    class Cycle:  # stands for a closed dialog that only a reference cycle keeps alive
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    assert not gc.isenabled()  # the collector installed by the fixtures, as run_app installs it
    Cycle()

    def busy() -> None:  # enough allocations for CPython to collect on this thread
        kept: list[list[int]] = [[] for _ in range(20_000)]
        assert len(kept) == 20_000

    t = threading.Thread(target=busy, name="busy-thread")
    t.start()
    t.join()
    assert freed_on == []

    # The GUI thread's collector sees the counts pass the threshold and collects.
    kept: list[list[int]] = [[] for _ in range(5_000)]
    wait_for(qtbot, lambda: freed_on == ["MainThread"])
    assert len(kept) == 5_000
