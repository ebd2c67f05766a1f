"""The whole suite runs with FaxDesk's Qt thread check on (`faxdesk.ui.thread_check`): a
method of one of FaxDesk's Qt classes called off the GUI thread, or a worker task carrying a Qt
object, fails the test it happened in, even where the error was swallowed by a handler."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from faxdesk.ui import thread_check

    thread_check.enable_for_faxdesk()


@pytest.fixture(autouse=True)
def the_language_is_put_back() -> Iterator[None]:
    """A test that switches the UI's language (translators, the default locale) leaves the
    next test the language it found."""
    from PySide6.QtCore import QCoreApplication, QLocale

    before = QLocale()
    yield
    app = QCoreApplication.instance()
    if QLocale() != before and app is not None:
        from faxdesk.ui.i18n import remove_translations

        remove_translations(app)
        QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def qt_objects_stay_on_the_gui_thread() -> Iterator[None]:
    from faxdesk.ui import thread_check

    thread_check.violations.clear()
    yield
    found, thread_check.violations[:] = list(thread_check.violations), []
    assert found == [], f"Qt objects used off the GUI thread: {found}"


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Free what the test left behind now, on the GUI thread: the widgets pytest-qt closed
    (their deleteLater) and the cycles of Python wrappers around them. Left to the cyclic GC,
    they would be freed on whichever thread next triggers a collection (a worker, the sandbox's
    HTTP thread), and a QObject destroyed there deadlocks or corrupts the GUI thread."""
    import gc
    import sys

    core = sys.modules.get("PySide6.QtCore")
    if ("qtbot" not in getattr(item, "fixturenames", ()) or core is None
            or core.QCoreApplication.instance() is None):
        return
    core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)
    gc.collect()
    core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)
