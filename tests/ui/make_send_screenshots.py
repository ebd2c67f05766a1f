"""Screenshots of the send dialog with its preview, and of a Chinese cover page, for docs/images.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_send_screenshots docs/images
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main(out: Path) -> None:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.documents.cover import render_cover_page
    from faxdesk.core.documents.cover_content import CoverPage
    from faxdesk.core.documents.preview import render_page
    from faxdesk.core.engine import FaxEngine
    from faxdesk.core.settings import Settings
    from faxdesk.sandbox.server import SandboxServer
    from faxdesk.ui.i18n import install_translations
    from faxdesk.ui.send_dialog import SendDialog
    from faxdesk.ui.texts import cover_words
    from faxdesk.ui.worker import Worker
    from tests.support.pdfs import make_pdf

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="faxdesk-shots-"))
    with SandboxServer(demo=True) as sandbox:
        engine = FaxEngine(work / "data", lambda: TelnyxClient(sandbox.api_key,
                                                               base_url=sandbox.base_url))
        worker = Worker()
        for language in ("en", "zh_CN"):
            install_translations(app, language)
            front = next(a for a in sandbox.state.applications.values()
                         if a.fields.get("application_name") == "Front desk")
            settings = Settings(default_application_id=front.id, language=language)
            pdf = make_pdf(work / "referral.pdf", 2)
            for size in ((800, 600), (1280, 720), (1920, 1080)):
                dialog = SendDialog(engine, worker, settings=lambda s=settings: s,
                                    files=[str(pdf)])
                dialog.resize(*size)
                dialog.show()
                _wait(app, lambda d=dialog: d.number_combo.count() > 0
                      and not d.documents.checking())
                dialog.recipients.add_text("+1 312 555 0142", name="王医生"
                                           if language == "zh_CN" else "Dr. Ada Lovelace")
                dialog.cover.setChecked(True)
                dialog.cover.subject.setText("转诊单" if language == "zh_CN" else "Referral")
                _wait(app, dialog.send_button.isEnabled)
                dialog.grab().save(str(out / f"send-dialog-{language}-{size[0]}x{size[1]}.png"))
                if size == (1280, 720):
                    dialog.show_preview()
                    preview = dialog._preview
                    assert preview is not None
                    _wait(app, lambda p=preview: p.pages.count() == 3)
                    preview.grab().save(str(out / f"send-preview-{language}.png"))
                    preview.close()
                dialog.reject()
                app.processEvents()
        worker.shutdown(5000)
        engine.stop()
    cover = CoverPage(to_name="王医生", company="东方牙科诊所", to_number="+86 10 5555 0101",
                      from_name="李护士", from_company="北京社区医院",
                      from_number="+1 202-555-0100", subject="转诊单",
                      message="王医生您好：\n\n随附患者的转诊单和检查报告，共两页。请查收。",
                      words=cover_words("zh_CN"))
    pdf_path = work / "cover-zh.pdf"
    pdf_path.write_bytes(render_cover_page(cover, total_pages=3))
    render_page(pdf_path, 0, width=900).save(out / "cover-page-zh_CN.png")


def _wait(app: QApplication, condition: object, timeout: float = 20.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
