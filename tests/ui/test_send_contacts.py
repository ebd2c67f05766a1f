"""The address book window: add, edit, search, delete, CSV in and out, pick a recipient."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from faxdesk.core.contacts import Contact, ContactBook
from faxdesk.ui.contacts_dialog import ContactsDialog
from faxdesk.ui.worker import Worker
from tests.ui.conftest import answer_next_message_box, closed


@pytest.fixture
def book(tmp_path: Path) -> Iterator[ContactBook]:
    b = ContactBook(tmp_path / "contacts.sqlite3")
    yield b
    b.close()


def _names(dialog: ContactsDialog) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_add_edit_search_and_choose(qtbot: QtBot, worker: Worker, book: ContactBook) -> None:
    book.add(Contact("Zoe Miller", "+49 30 1234567", "Annex GmbH"))
    dialog = ContactsDialog(book, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _names(dialog) == ["Zoe Miller"], timeout=5000)

    editor = dialog.new_contact()
    editor.name.setText("Ada Lovelace")
    editor.number.setText("call me")
    editor.saveRequested.emit(editor.value())
    qtbot.waitUntil(editor.error.isVisible, timeout=5000)
    assert "does not look like a fax number" in editor.error.text()
    assert editor.isVisible()  # nothing saved, the user can correct it
    editor.number.setText("+1 312 555 0142")
    editor.saveRequested.emit(editor.value())
    qtbot.waitUntil(lambda: _names(dialog) == ["Ada Lovelace", "Zoe Miller"], timeout=5000)
    assert closed(editor)

    dialog.search.setText("annex")
    assert _names(dialog) == ["Zoe Miller"]
    dialog.table.selectRow(0)
    edit = dialog.edit_selected()
    assert edit is not None and edit.name.text() == "Zoe Miller"
    edit.company.setText("Annex AG")
    edit.saveRequested.emit(edit.value())
    qtbot.waitUntil(lambda: book.find_by_number("+49301234567").company == "Annex AG",  # type: ignore[union-attr]
                    timeout=5000)

    dialog.search.setText("")
    qtbot.waitUntil(lambda: len(_names(dialog)) == 2, timeout=5000)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.contactChosen) as chosen:
        dialog.choose_button.click()
    assert chosen.args[0].name == "Ada Lovelace"


def test_csv_import_export_and_delete(
    qtbot: QtBot, worker: Worker, book: ContactBook, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,fax_number,company\nAda,+13125550142,AE\n,+13125550143,x\n",
                   encoding="utf-8")
    dialog = ContactsDialog(book, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_csv(str(src))
    # The dialog's first load runs beside the import on the pool and may already show "Ada":
    # wait for the import's own answer too.
    qtbot.waitUntil(lambda: _names(dialog) == ["Ada"]
                    and dialog.status.text().startswith("Imported"), timeout=5000)
    assert dialog.status.text().startswith("Imported 1 new and updated 0 contact(s). Skipped 1:")
    assert "line 3" in dialog.status.text()

    out = tmp_path / "out.csv"
    dialog.export_csv(str(out))
    qtbot.waitUntil(lambda: out.exists() and "Exported 1" in dialog.status.text(), timeout=5000)
    assert out.read_text(encoding="utf-8").splitlines() == [
        "name,fax_number,company,notes", "Ada,+13125550142,AE,"]

    dialog.table.selectRow(0)

    answer_next_message_box(QMessageBox.StandardButton.Yes)  # "Delete"
    dialog.delete_selected()
    qtbot.waitUntil(lambda: _names(dialog) == [], timeout=5000)
    assert len(book) == 0
    assert "No contacts yet" in dialog.status.text()


class _SlowFirstRead:
    """The real worker, except that the answer of the first task (the dialog's first read of
    the book) is handed over only when the test says: a read that answers last."""

    def __init__(self, worker: Worker) -> None:
        self._worker = worker
        self._submitted = 0
        self.held: list[Callable[[], None]] = []

    def submit(self, fn: Callable[..., Any], *args: object,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               **kwargs: object) -> bool:
        self._submitted += 1
        if self._submitted == 1 and on_done is not None:
            done = on_done

            def hold(result: object) -> None:
                self.held.append(lambda: done(result))

            on_done = hold
        return self._worker.submit(fn, *args, on_done=on_done, on_error=on_error, **kwargs)


def test_a_read_that_answers_late_does_not_hide_imported_contacts(
    qtbot: QtBot, worker: Worker, book: ContactBook, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,fax_number\nAda,+13125550142\n", encoding="utf-8")
    runner = _SlowFirstRead(worker)
    dialog = ContactsDialog(book, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(runner.held))  # the empty book, read before the import
    dialog.import_csv(str(src))
    qtbot.waitUntil(lambda: _names(dialog) == ["Ada"], timeout=5000)
    runner.held[0]()
    assert _names(dialog) == ["Ada"]
