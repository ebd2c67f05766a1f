"""Every text the UI shows goes through Qt's translation (and lupdate can see it)."""

from __future__ import annotations

import pytest

from tests.i18n.catalogue import ROOT, TS_DIR, read_ts, translated_files
from tests.i18n.scan import scan_files, scan_source

PLANTED_BAD = {
    "label": 'w = QLabel("Fax number:")',
    "button": 'b = QPushButton("&Send", self)',
    "action": 'menu.addAction(icon("action-send"), "Send a Fax…")',
    "title": 'self.setWindowTitle("Settings")',
    "f-string title": 'self.setWindowTitle(f"FaxDesk — {name}")',
    "formatted": 'label.setText("{n} pages".format(n=3))',
    "concatenated": 'label.setText(self.tr("Pages: ") + " of " + str(n))',
    "conditional": 'label.setText(self.tr("On") if on else "Off")',
    "tooltip": 'button.setToolTip("Send the fax now")',
    "placeholder": 'edit.setPlaceholderText("Search faxes")',
    "message box": 'QMessageBox.warning(self, "Cannot send", self.tr("x"))',
    "header": 'model.setHorizontalHeaderLabels([self.tr("To"), "Status"])',
    "tab": 'tabs.addTab(page, "Outbox")',
    "group box": 'box = QGroupBox("Delivery")',
    "status bar": 'self.statusBar().showMessage("Synced")',
    "keyword": 'QMessageBox.information(self, title=self.tr("x"), text="Done")',
    "file filter": 'QFileDialog.getOpenFileName(self, self.tr("Open"), "", "PDF files (*.pdf)")',
    "tray": 'tray.showMessage("Fax delivered", body)',
    "combo": 'combo.addItem("Fine resolution")',
    "form row": 'form.addRow("From:", self.from_box)',
    "translated built text": 'label.setText(self.tr(f"Sent to {number}"))',
    "module tr": 'def tr(context, text):\n    return QCoreApplication.translate(context, text)',
    "alias": 't = QCoreApplication.translate\nx = t("Ctx", "Text")',
}

PLANTED_GOOD = {
    "tr": 'w = QLabel(self.tr("Fax number:"))',
    "translate": 'w.setText(QCoreApplication.translate("SendDialog", "{n} pages").format(n=n))',
    "noop + dynamic": 'X = QT_TRANSLATE_NOOP("Status", "Queued")\n'
                      'w.setText(QCoreApplication.translate("Status", X))',
    "not words": 'w.setText("")\nw.setText(" — ")\nw.setText(str(count))\n'
                 'combo.addItem("PDF")\nedit.setPlaceholderText("https://example.com/hook")',
    "icon argument": 'menu.addAction(icon("action-send"), self.tr("Send"))',
    "product name": 'w.setText("FaxDesk")',
    "object name": 'w.setObjectName("sendButton")',
}


@pytest.mark.parametrize("source", PLANTED_BAD.values(), ids=PLANTED_BAD.keys())
def test_checker_flags_planted_untranslatable_text(source: str) -> None:
    findings = scan_source(source, "planted.py").findings
    assert findings, f"not flagged: {source}"


def _in_method(source: str) -> str:
    body = "".join(f"        {line}\n" for line in source.splitlines())
    return f"class Widget(QWidget):\n    def build(self):\n{body}"


@pytest.mark.parametrize("source", PLANTED_GOOD.values(), ids=PLANTED_GOOD.keys())
def test_checker_accepts_translated_and_non_text(source: str) -> None:
    assert scan_source(_in_method(source), "planted.py").findings == []


def test_checker_reads_contexts_like_lupdate() -> None:
    source = (
        "class SendDialog(QDialog):\n"
        "    def build(self):\n"
        "        self.setWindowTitle(self.tr('Send a Fax'))\n"
        "        QCoreApplication.translate('Status', 'Queued')\n"
    )
    assert scan_source(source).messages == {("SendDialog", "Send a Fax"), ("Status", "Queued")}


def test_every_ui_text_is_translatable() -> None:
    result = scan_files(translated_files(), ROOT)
    assert [str(f) for f in result.findings] == []


def test_every_translated_text_of_the_code_is_in_the_catalogue() -> None:
    # Catches calls lupdate cannot read (wrong context, aliases) even when no widget call is
    # involved: the text would silently stay English.
    code = scan_files(translated_files(), ROOT).messages
    catalogue = {(m.context, m.source) for m in read_ts(TS_DIR / "faxdesk_zh_CN.ts")}
    assert sorted(code - catalogue) == []
