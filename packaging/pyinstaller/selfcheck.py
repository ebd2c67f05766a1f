"""`faxdesk-selfcheck`: proves a frozen FaxDesk bundle carries what is loaded dynamically.

Built into the same PyInstaller folder as `faxdesk`, so it sees the same Qt plugins, keyring
backends, native libraries and translations. It prints one JSON object and shows a window with
every icon:

    dist/faxdesk/faxdesk-selfcheck [--screenshot shot.png] [--keyring] [--seconds 1.5]

Exit status 0 only if every check passed.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any


def check_libraries() -> dict[str, Any]:
    import nacl.signing
    import phonenumbers
    import pypdf
    import pypdfium2
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "FaxDesk self-check")  # needs reportlab's bundled font metrics
    pdf.save()
    pages = len(pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages)
    document = pypdfium2.PdfDocument(buffer.getvalue())
    bitmap = document[0].render(scale=0.5).to_pil()  # needs the bundled PDFium library
    key = nacl.signing.SigningKey.generate()
    key.verify_key.verify(key.sign(b"webhook"))  # needs libsodium
    number = phonenumbers.parse("+13125550123")  # needs the lazily imported metadata modules
    from faxdesk.core import documents

    # The package's names load on first use: the bundle must hold every module behind them.
    unresolved = [name for name in documents.__all__ if not hasattr(documents, name)]
    return {
        "documents_unresolved": unresolved,
        "pdf_pages": pages,
        "pdf_render_size": list(bitmap.size),
        "e164": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        "nacl": True,
    }


def check_keyring() -> dict[str, Any]:
    # The app's own key store (its backend choice included), under a probe entry: never the
    # user's real key.
    from faxdesk.core.secrets import KeyStore

    store = KeyStore(service="faxdesk-selfcheck", username="probe")
    backend = store.backend()
    store.set_key("not-a-real-key")
    round_trip = store.get_key() == "not-a-real-key"
    store.delete_key()
    return {"backend": f"{type(backend).__module__}.{type(backend).__name__}",
            "round_trip": round_trip and store.get_key() is None}


def check_translations(app: Any) -> dict[str, Any]:
    """FaxDesk's catalogue and Qt's own (standard buttons) load from inside the bundle."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from faxdesk.ui.i18n import available_languages, install_translations, remove_translations

    used = install_translations(app, "zh_CN")
    menu = QCoreApplication.translate("MainWindow", "&File")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = box.buttons()[0].text()
    remove_translations(app)
    return {"available": available_languages(), "zh_CN": used, "file_menu": menu,
            "qt_cancel": cancel, "ok": used == "zh_CN" and menu != "&File" and cancel == "取消"}


def main() -> int:
    parser = argparse.ArgumentParser(prog="faxdesk-selfcheck")
    parser.add_argument("--screenshot", help="save the window to this PNG")
    parser.add_argument("--keyring", action="store_true", help="store and read a probe secret")
    parser.add_argument("--seconds", type=float, default=1.5, help="how long the window stays")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

    import faxdesk
    from faxdesk.resources import data_path, icon_path

    app = QApplication(sys.argv[:1])
    app.setApplicationName(faxdesk.APP_NAME)
    app.setDesktopFileName(faxdesk.APP_ID)
    app.setWindowIcon(QIcon(str(icon_path(faxdesk.APP_ID))))
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    report: dict[str, Any] = {
        "version": faxdesk.__version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "qt_platform": app.platformName(),
        "image_formats": [f for f in formats if f in {"svg", "png", "jpeg", "jpg", "tiff"}],
        "libraries": check_libraries(),
    }
    if args.keyring:
        report["keyring"] = check_keyring()
    report["translations"] = check_translations(app)

    window = QWidget()
    window.setWindowTitle("FaxDesk self-check")
    grid = QGridLayout(window)
    icons = sorted(p.stem for p in data_path("icons").glob("*.svg"))
    for index, name in enumerate(icons):
        label = QLabel()
        pixmap = QIcon(str(icon_path(name))).pixmap(24, 24)
        label.setPixmap(pixmap)
        label.setToolTip(name)
        grid.addWidget(label, index // 9, index % 9)
    summary = QLabel(f"FaxDesk {faxdesk.__version__} · Qt platform {app.platformName()} · "
                     f"keyring {report.get('keyring', {}).get('backend', 'not checked')}")
    grid.addWidget(summary, len(icons) // 9 + 1, 0, 1, 9)
    report["icons_rendered"] = sum(
        1 for name in icons if not QIcon(str(icon_path(name))).pixmap(24, 24).isNull())
    window.show()

    def finish() -> None:
        if args.screenshot:
            window.grab().save(args.screenshot)
        app.quit()

    QTimer.singleShot(int(args.seconds * 1000), finish)
    app.exec()

    ok = ("svg" in report["image_formats"] and "tiff" in report["image_formats"]
          and not report["libraries"]["documents_unresolved"]
          and report["icons_rendered"] == len(icons)
          and report.get("keyring", {}).get("round_trip", True)
          and report["translations"]["ok"])
    report["ok"] = bool(ok)
    print(json.dumps(report, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
