"""A debug-mode check that Qt objects are used on the GUI thread only.

Qt objects must be created, used and freed on the thread that owns them (the GUI thread for
every widget); a widget touched from a worker or an engine thread corrupts memory, usually much
later and somewhere else. With the check on (`FAXDESK_CHECK_THREADS=1`, and always in the
test suite):
- every method FaxDesk defines on its own QObject classes asserts it runs on the GUI thread;
- `Worker.submit` refuses a task that would carry a Qt object to a pool thread (in the callable
  itself, a bound method's object, a closure cell or an argument).

Off by default: the wrappers cost a little on every call.
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
from collections.abc import Iterable, Iterator
from types import FunctionType, ModuleType
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread

ENV = "FAXDESK_CHECK_THREADS"
_enabled = False
#: Every violation seen, also those raised where nobody looks (a worker's error handler): the
#: test suite fails a test that caused one.
violations: list[str] = []


class WrongThreadError(AssertionError):
    """A Qt object was used off the thread that owns it."""


F = TypeVar("F")


def any_thread(fn: F) -> F:
    """Marks a method meant to run off the GUI thread (it touches no widget): not checked."""
    setattr(fn, "_any_thread", True)  # noqa: B010 - a mark on any callable
    return fn


def enabled() -> bool:
    return _enabled


def enable(modules: Iterable[ModuleType]) -> None:
    """Turn the check on for the QObject classes defined in `modules`."""
    global _enabled
    _enabled = True
    for module in modules:
        for cls in _qobject_classes(module):
            _guard_class(cls)


def enable_for_faxdesk() -> None:
    """Turn the check on for every QObject class of `faxdesk.ui`."""
    import importlib
    import pkgutil

    import faxdesk.ui

    enable(importlib.import_module(f"faxdesk.ui.{info.name}")
           for info in pkgutil.iter_modules(faxdesk.ui.__path__))


def enable_from_environment() -> None:
    if os.environ.get(ENV, "") not in ("", "0"):
        enable_for_faxdesk()


def _qobject_classes(module: ModuleType) -> Iterator[type[QObject]]:
    for value in vars(module).values():
        if (inspect.isclass(value) and issubclass(value, QObject)
                and value.__module__ == module.__name__):
            yield value


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


def _guard_class(cls: type[QObject]) -> None:
    for name, value in list(vars(cls).items()):
        if (isinstance(value, FunctionType) and not getattr(value, "_thread_checked", False)
                and not getattr(value, "_any_thread", False)):
            setattr(cls, name, _guarded(cls, value))


def _guarded(cls: type[QObject], fn: FunctionType) -> object:
    code = fn.__code__
    # Qt calls a slot with only as many of a signal's arguments as the slot takes (clicked's
    # `checked` to a method without it); the wrapper takes any number, so it passes on only
    # what the method takes, as Qt would have.
    takes_any = bool(code.co_flags & inspect.CO_VARARGS)
    positional = code.co_argcount

    @functools.wraps(fn)
    def call(*args: object, **kwargs: object) -> object:
        if not _on_gui_thread():
            _violation(f"{cls.__name__}.{fn.__name__} ran on thread "
                       f"{threading.current_thread().name}, not the GUI thread")
        if not takes_any and len(args) > positional:
            args = args[:positional]
        return fn(*args, **kwargs)

    call._thread_checked = True  # type: ignore[attr-defined]
    return call


def check_task(fn: object, args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    """Raise when a worker task would carry a Qt object off the GUI thread."""
    if not _enabled:
        return
    carried = [fn, *args, *kwargs.values()]
    self_of = getattr(fn, "__self__", None)
    if self_of is not None:
        carried.append(self_of)
    func = getattr(fn, "func", None)  # functools.partial
    if func is not None:
        carried += [func, *getattr(fn, "args", ()), *getattr(fn, "keywords", {}).values()]
    for item in list(carried):
        code_owner = getattr(item, "__closure__", None)
        if code_owner:
            carried += [cell.cell_contents for cell in code_owner if _filled(cell)]
    for item in carried:
        if isinstance(item, QObject):
            _violation(f"a worker task carries the Qt object {type(item).__name__} to a pool "
                       "thread; pass plain values (ids, paths, the engine) instead")


def _violation(message: str) -> None:
    violations.append(message)
    raise WrongThreadError(message)


def _filled(cell: object) -> bool:
    try:
        cell.cell_contents  # type: ignore[attr-defined]  # noqa: B018
    except ValueError:
        return False
    return True
