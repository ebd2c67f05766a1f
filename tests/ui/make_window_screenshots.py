"""Screenshots of the window for docs/images (not a test): the main window at 800×600,
1,280×720 and 1,920×1,080, the detail pane of a sent, a failed and a received fax, and the main
window in a language (zh_CN). Run under a real X server with CJK fonts:

    FAXDESK_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=$PWD \\
      xvfb-run -a -s "-screen 0 2000x1200x24" env QT_QPA_PLATFORM=xcb \\
      python tests/ui/make_window_screenshots.py docs/images [zh_CN]

The window runs on the demo sandbox; a fax of "referral.pdf" is sent first so the sent fax's
detail shows the person's own file name. Each image is quantised to 128 colours.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from faxdesk.core.rows import FaxRow
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.ui.app import configure_application, create_app
from faxdesk.ui.i18n import install_translations
from tests.support.pdfs import make_pdf


def save(widget: QWidget, path: Path) -> None:
    raw = path.with_suffix(".raw.png")
    widget.grab().save(str(raw))
    Image.open(raw).convert("RGB").quantize(colors=128).save(path, optimize=True)
    raw.unlink()
    print(path)


def main(out: Path, language: str = "") -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    # As FaxDesk does: English has its catalogue too (its plural forms: "2 pages").
    install_translations(app, language)
    configure_application(app)
    session = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    window = session.window
    window.resize(1920, 1080)
    window.show()
    window.start()
    scratch = Path(tempfile.mkdtemp(prefix="faxdesk-shots-"))

    def when(ready: Callable[[], object], then: Callable[[], None]) -> None:
        """Run `then` once `ready()` is true (checked every 200 ms)."""
        def check() -> None:
            if ready():
                then()
            else:
                QTimer.singleShot(200, check)
        check()

    def loaded() -> bool:
        return bool(window.apps_pane.applications) and window.model.rowCount() > 20

    def send() -> None:
        app_ = window.apps_pane.applications[0]
        number = window.engine.list_phone_numbers(app_.id)[0].phone_number or ""
        window.worker.submit(window.engine.send, SendRequest(
            documents=(make_pdf(scratch / "referral.pdf", 2),),
            recipients=(Recipient("+14155550123"),), connection_id=app_.id,
            from_number=number))
        when(sent_delivered, shots)

    def sent() -> FaxRow | None:
        rows = [r for r in window.model.items() if r.document_name == "referral.pdf"]
        return rows[0] if rows else None

    def sent_delivered() -> bool:
        row = sent()
        return row is not None and row.status == "delivered"

    def shots() -> None:
        suffix = f"-{language}" if language else ""
        if language:
            failed = next(r for r in window.model.items() if r.status == "failed")
            window.select_fax(failed.id)
            QTimer.singleShot(1500, lambda: (save(window, out / f"main-window{suffix}.png"),
                                             app.quit()))
            return
        row = sent()
        assert row is not None
        window.select_fax(row.id)
        sizes = [(800, 600), (1280, 720), (1920, 1080)]

        def size(index: int) -> None:
            if index == len(sizes):
                QTimer.singleShot(500, details)
                return
            width, height = sizes[index]
            window.resize(width, height)
            QTimer.singleShot(1200, lambda: (
                save(window, out / f"main-window-{width}x{height}.png"), size(index + 1)))

        size(0)

    def details() -> None:
        window.resize(1920, 1080)
        row = sent()
        failed = next(r for r in window.model.items()
                      if r.status == "failed" and r.failure_reason == "user_busy")
        received = next(r for r in window.model.items() if r.status == "received")
        assert row is not None
        order = [("detail-sent.png", row.id), ("detail-failed.png", failed.id),
                 ("detail-received.png", received.id)]

        def one(index: int) -> None:
            if index == len(order):
                app.quit()
                return
            name, row_id = order[index]
            window.select_fax(row_id)
            QTimer.singleShot(1500, lambda: (save(window.detail, out / name), one(index + 1)))

        one(0)

    when(loaded, send)
    app.exec()
    session.close()
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")
    raise SystemExit(main(target, sys.argv[2] if len(sys.argv) > 2 else ""))
