"""The desktop window (Qt). Importing this package puts Python's plain import back.

PySide6 replaces ``builtins.__import__`` with its ``__feature_import__``, so that
``from __feature__ import snake_case`` can change how Qt's names look to the module saying it.
Its price is paid by every module imported after PySide6: the hook reads the module's source to
look for "PySide6" (`shibokensupport.feature._mod_uses_pyside`), several milliseconds over the
modules a start loads before its first frame, and more for the window's. FaxDesk uses no such
feature, so PySide's own import under it (``__orig_import__``, which keeps its lazy loading of Qt
classes) takes the place back.
"""

import builtins

import PySide6  # noqa: F401  (installs the hook undone below)

if getattr(builtins.__import__, "__name__", "") == "__feature_import__":
    builtins.__import__ = builtins.__orig_import__  # type: ignore[attr-defined]
