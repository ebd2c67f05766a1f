"""Pictures for docs/reports.md and docs/scanning.md (not a test). Run under a real X server:

    PYTHONPATH=$PWD xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \\
      python tests/ui/make_print_scan_screenshots.py docs/images

A transmission report in English and in Chinese (rendered pages), and the Scan dialog over
SANE's test device (needs sane-utils), quantised to 256 colours like the other doc pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QApplication, QWidget

from faxdesk.core.documents.preview import render_page
from faxdesk.core.report import write_report
from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.report_words import report_words
from faxdesk.ui.scan_dialog import ScanDialog
from faxdesk.ui.worker import Worker
from tests.support.report_checks import marked_pdf
from tests.support.sane import sane_config
from tests.ui.test_report_words import failed_fax_facts


def quantised(image: Image.Image, path: Path) -> None:
    image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE).save(path,
                                                                            optimize=True)


def grab(widget: QWidget, path: Path) -> None:
    raw = path.with_suffix(".raw.png")
    widget.grab().save(str(raw))
    quantised(Image.open(raw), path)
    raw.unlink()


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="faxdesk-shots-"))
    document = marked_pdf(work / "letter.pdf")
    for language, name in (("en", "transmission-report.png"),
                           ("zh_CN", "transmission-report-zh_CN.png")):
        install_translations(app, language)
        pdf = write_report(failed_fax_facts(document), work / f"{language}.pdf", report_words())
        quantised(render_page(pdf, 0, 720), out / name)
    remove_translations(app)

    os.environ["SANE_CONFIG_DIR"] = str(sane_config(work / "sane"))
    worker = Worker()
    dialog = ScanDialog(worker, work / "scans")
    dialog.show()
    while dialog.device_combo.count() == 0 or not dialog.feeder_check.isEnabled():
        app.processEvents()
    dialog.feeder_check.setChecked(True)
    app.processEvents()
    grab(dialog, out / "scan-dialog.png")
    dialog.close()
    worker.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
