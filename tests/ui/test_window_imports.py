"""Memory and start-up: the window does not load what only documents, printing and dialogs need.

pypdf (with cryptography), PDFium, Pillow and reportlab take about 35 MB and 200 ms; they load
with the first document opened, page printed or report made, not with the window.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_LATER = ("pypdf", "cryptography", "pypdfium2", "PIL", "reportlab", "PySide6.QtPrintSupport",
          "faxdesk.ui.settings_dialog", "faxdesk.ui.app_dialog", "faxdesk.core.report")


def test_the_window_and_the_engine_load_no_document_library_printing_or_dialog() -> None:
    code = ("import sys, faxdesk.ui.main_window, faxdesk.ui.app, faxdesk.core.engine, "
            "faxdesk.core.sending; "
            f"print(sorted(m for m in {_LATER!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                                      "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"


def test_the_documents_package_loads_its_libraries_with_the_first_use() -> None:
    code = ("import sys, faxdesk.core.documents as d; before = 'pypdf' in sys.modules; "
            "d.inspect_document; print(before, 'pypdf' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.split() == ["False", "True"]
