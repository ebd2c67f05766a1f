"""The one lock around PDFium.

PDFium is not thread-safe: every call into pypdfium2 (open, load page, render, close), from any
thread and any module, must hold ``PDFIUM_LOCK``. It is re-entrant so a helper can call another.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
