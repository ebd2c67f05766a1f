"""Every string the send dialog, contacts and tray show goes through Qt's translation.

The strings are extracted with pyside6-lupdate (as the translation workflow does), each one is
"translated" to ⟦itself⟧, compiled with pyside6-lrelease and installed; then every visible text
of the widgets must come out bracketed. A string outside tr(), or a tr() whose context at run
time differs from the one lupdate recorded, shows up unbracketed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from faxdesk.core.contacts import ContactBook
from faxdesk.core.engine import FaxEngine
from faxdesk.ui.contacts_dialog import ContactEditDialog, ContactsDialog
from faxdesk.ui.send_dialog import SendDialog
from faxdesk.ui.tray import Notice, TrayController

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["send_dialog.py", "send_forms.py", "send_documents.py", "send_recipients.py",
           "send_setup.py", "contacts_dialog.py", "tray.py", "dropzone.py"]
# Not ours to translate: format names, units, and Qt's standard buttons (qtbase's catalogue).
# Language names are written in their own language on purpose (the cover language menu).
NOT_TEXT = {"", "TIFF", "PDF", "%", "95%", "Cancel", "Save", "Close", "English", "简体中文"}


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{name} missing (it ships with PySide6)"
    return str(path)


@pytest.fixture(scope="module")
def bracketed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    work = tmp_path_factory.mktemp("i18n")
    ts = work / "send.ts"
    # The core's send checks are shown in the dialog too, in the UI's language.
    core = [str(REPO / "faxdesk/core" / name)
            for name in ("sending.py", "words.py", "status_words.py", "translatable.py")]
    subprocess.run([_tool("pyside6-lupdate"), *(str(REPO / "faxdesk/ui" / s) for s in SOURCES),
                    *core, "-ts", str(ts)], check=True, capture_output=True, timeout=60)
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":  # plural texts (%n) carry their forms
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = work / "send.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


class NeverRuns:
    """A runner that keeps everything "loading": only the static texts are looked at."""

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        return True


def _texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        if w.toolTip():
            texts.append(w.toolTip())
    return texts


def _untranslated(texts: list[str]) -> list[str]:
    bad = []
    for text in texts:
        for line in text.replace("&", "").splitlines():
            if line.strip() not in NOT_TEXT and not line.startswith("⟦"):
                bad.append(line)
    return bad


def test_send_and_contacts_dialogs_show_only_translated_text(
    qtbot: QtBot, bracketed: None, tmp_path: Path
) -> None:
    book = ContactBook(tmp_path / "c.sqlite3")
    engine = FaxEngine(tmp_path / "data", None)  # nothing runs: the engine is never asked
    try:
        dialog = SendDialog(engine, NeverRuns(), contacts=book)
        qtbot.addWidget(dialog)
        dialog.show()
        assert _untranslated(_texts(dialog)) == []
        assert dialog.windowTitle() == "⟦Send a fax⟧"

        contacts = ContactsDialog(book, NeverRuns())
        qtbot.addWidget(contacts)
        assert _untranslated(_texts(contacts)) == []
        editor = ContactEditDialog(None)
        qtbot.addWidget(editor)
        assert _untranslated(_texts(editor)) == []
    finally:
        book.close()
        engine.stop()


def test_tray_menu_and_notices_are_translated(qtbot: QtBot, bracketed: None) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    shown: list[Notice] = []

    class Recording:
        def show(self, notice: Notice) -> bool:
            shown.append(notice)
            return True

        def close(self) -> None:
            pass

    tray = TrayController(window, notifier=Recording(), tray_available=lambda: True)
    assert _untranslated([a.text() for a in tray.actions()]) == []
    tray.notify_delivered("f", "+13125550100", 2)
    tray.notify_received("g", "+13125550100")
    assert [n.title for n in shown] == ["⟦Fax delivered⟧", "⟦Fax received⟧"]
    assert shown[0].body == "⟦{pages} pages delivered to {to}.⟧".replace(
        "{pages}", "2").replace("{to}", "+13125550100")
    assert QApplication.instance() is not None


def test_the_desktop_entry_has_chinese_names() -> None:
    import configparser

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(Path(__file__).resolve().parents[2] / "resources"
               / "io.github.faxdesk.FaxDesk.desktop", encoding="utf-8")
    for section in entry.sections():
        assert entry[section].get("Name[zh_CN]"), section
    assert entry["Desktop Entry"]["Comment[zh_CN]"] == "通过 Telnyx 收发传真"
