"""Screenshots of the window in a language, to look at (not a test). Run under a real X server
with CJK fonts installed (fonts-noto-cjk):

    FAXDESK_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=$PWD \\
      xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
      python tests/i18n/make_screenshots.py zh_CN /tmp/shots

Saves main-window, settings, send dialog and welcome dialog as <name>-<language>.png (full
colour; the docs copy is made smaller by hand). The window runs on the demo sandbox.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from faxdesk.ui.app import configure_application, create_app
from faxdesk.ui.i18n import install_translations


def main(language: str, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    used = install_translations(app, language)
    print(f"language {language!r} -> {used}")
    configure_application(app)
    session = create_app(argparse.Namespace(sandbox=True, files=[]), ask_first_run=False)
    window = session.window
    features = session.features  # the send dialog, tray and contacts, as run_app has them

    def save(widget: QWidget, name: str) -> None:
        path = out / f"{name}-{language}.png"
        widget.grab().save(str(path))
        print(path)

    def main_window() -> None:
        failed = [f for f in window.model.items()
                  if f.status == "failed" and f.direction == "outbound"]
        if failed:
            window.select_fax(failed[0].id)
        QTimer.singleShot(1500, settings)

    def settings() -> None:
        save(window, "main-window")
        dialog = window.open_settings()
        QTimer.singleShot(1000, lambda: send(dialog))

    def send(dialog: QWidget | None) -> None:
        if dialog is not None:
            save(dialog, "settings-dialog")
            tabs = getattr(dialog, "tabs", None)
            if tabs is not None:  # the last tab holds the language choice
                tabs.setCurrentIndex(tabs.count() - 1)
                save(dialog, "settings-advanced")
            dialog.close()
        opened = window.open_send_dialog([])
        QTimer.singleShot(2000, lambda: welcome(opened))

    def welcome(dialog: QWidget | None) -> None:
        if dialog is None:  # the send dialog is opened without being returned
            dialog = next((w for w in app.topLevelWidgets()
                           if w.isVisible() and w is not window), None)
        if dialog is not None:
            save(dialog, "send-dialog")
            dialog.close()
        from faxdesk.ui.welcome import WelcomeDialog

        hello = WelcomeDialog()
        hello.show()
        QTimer.singleShot(500, lambda: finish(hello))

    def finish(hello: QWidget) -> None:
        save(hello, "welcome-dialog")
        hello.close()
        app.quit()

    window.resize(1280, 760)
    window.show()
    window.start()
    QTimer.singleShot(2500, main_window)
    app.exec()
    del features
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "zh_CN",
                          Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/faxdesk-shots")))
