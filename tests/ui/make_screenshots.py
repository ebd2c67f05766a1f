"""Screenshots for docs/images (not a test). Run under a real X server:

    FAXDESK_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=$PWD \\
      xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb \\
      python tests/ui/make_screenshots.py docs/images

The window runs on the demo sandbox; each widget is saved with grab(), quantised to 128 colours.
The main window shows a contact's name on the selected fax and a send still waiting for the
network (the sandbox refuses to create faxes while the shot is taken).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from faxdesk.core.contacts import Contact, ContactBook
from faxdesk.core.sending import Recipient, SendRequest
from faxdesk.ui.app import configure_application, create_session
from tests.support.pdfs import make_pdf


def save(widget: QWidget, path: Path) -> None:
    raw = path.with_suffix(".raw.png")
    widget.grab().save(str(raw))
    Image.open(raw).convert("RGB").quantize(colors=128).save(path, optimize=True)
    raw.unlink()


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    session = create_session(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    window = session.window
    window.resize(1440, 800)
    window.show()
    window.start()

    scratch = Path(tempfile.mkdtemp(prefix="faxdesk-shots-"))
    book = ContactBook(scratch / "contacts.db")

    def main_window() -> None:
        failed = next(f for f in window.model.items()
                      if f.status == "failed" and f.direction == "outbound")
        book.add(Contact("Ada Lovelace", failed.to or "", company="Analytical Engines"))
        window.set_contacts(book)
        # A send Telnyx has not created yet: the row shows at once, waiting in words.
        server = session.sandbox_server
        server.faults.fail_next(10_000, status=503, method="POST", path="/v2/faxes")
        app_ = window.apps_pane.applications[0]
        number = window.engine.list_phone_numbers(app_.id)[0].phone_number or ""
        window.worker.submit(window.engine.send, SendRequest(
            documents=(make_pdf(scratch / "letter.pdf", 2),),
            recipients=(Recipient("+13125550144"),), connection_id=app_.id,
            from_number=number))
        window.select_fax(failed.id)
        QTimer.singleShot(2500, dialogs)

    def dialogs() -> None:
        save(window, out / "main-window.png")
        dialog = window.edit_application(window.apps_pane.applications[0])
        QTimer.singleShot(800, lambda: settings(dialog))

    def settings(dialog: QWidget) -> None:
        save(dialog, out / "application-dialog.png")
        dialog.close()
        settings_dialog = window.open_settings()
        assert settings_dialog is not None
        QTimer.singleShot(1200, lambda: finish(settings_dialog))

    def finish(settings_dialog: QWidget) -> None:
        save(settings_dialog, out / "settings-dialog.png")
        settings_dialog.close()
        app.quit()

    QTimer.singleShot(2500, main_window)
    app.exec()
    session.close()
    book.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")))
