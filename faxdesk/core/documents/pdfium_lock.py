"""The one lock around PDFium.

PDFium is not thread-safe: every call into pypdfium2 (open, load page, render, close), from any
thread and any module, must hold ``PDFIUM_LOCK``. It is re-entrant so a helper can call another.
"""

from __future__ import annotations

import threading
from typing import Protocol

PDFIUM_LOCK = threading.RLock()


class _Bitmap(Protocol):
    warn_on_close: bool

    def close(self) -> None: ...


def close_bitmap(bitmap: _Bitmap) -> None:
    """Free a rendered bitmap now, under the lock the caller holds, never in the GC's finalizer
    (which calls PDFium on whatever thread collects it, without the lock). Callers copy the
    pixels out first (`to_pil().convert(...)` returns a new image), so pypdfium2's warning about
    closing a bitmap that might still be shared does not apply."""
    bitmap.warn_on_close = False
    bitmap.close()
