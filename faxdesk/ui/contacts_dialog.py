"""The address book window: search, add, edit, delete, CSV import and export.

Reads and writes of the book run on the worker bridge; the table shows what was last loaded.
Opened from the send dialog, "Add as recipient" hands the chosen contact back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.contacts import Contact, ContactBook, ContactError, ImportResult
from faxdesk.ui.texts import error_text
from faxdesk.ui.worker import LatestAnswer, TaskRunner

log = logging.getLogger(__name__)
R = TypeVar("R")

_ROLE_CONTACT = Qt.ItemDataRole.UserRole + 1


class ContactEditDialog(QDialog):
    """One contact's fields. Save asks (saveRequested); the owner closes it once the book took
    the contact, or shows the book's reason under the form."""

    saveRequested = Signal(object)  # Contact

    def __init__(self, contact: Contact | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact") if contact is None else self.tr("Edit contact"))
        self.contact_id = contact.id if contact else None
        self.name = QLineEdit(contact.name if contact else "")
        self.number = QLineEdit(contact.fax_number if contact else "")
        self.number.setPlaceholderText(self.tr("e.g. +1 312 555 0100"))
        self.company = QLineEdit(contact.company if contact else "")
        self.notes = QPlainTextEdit(contact.notes if contact else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Fax number:"), self.number)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Notes:"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 0)

    @Slot()
    def _save_clicked(self) -> None:
        self.saveRequested.emit(self.value())

    def value(self) -> Contact:
        return Contact(name=self.name.text(), fax_number=self.number.text(),
                       company=self.company.text(), notes=self.notes.toPlainText(),
                       id=self.contact_id)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class ContactsDialog(QDialog):
    contactChosen = Signal(object)  # Contact: "Add as recipient"

    def __init__(self, book: ContactBook, runner: TaskRunner, *, choosable: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsDialog")
        self.setWindowTitle(self.tr("Contacts"))
        self._book = book
        self._runner = runner
        self._closed = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, companies and numbers"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Fax number"), self.tr("Company"), self.tr("Notes")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("contacts_table")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_csv)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        self.choose_button = QPushButton(self.tr("Add as recipient"))
        self.choose_button.clicked.connect(self._choose)
        self.choose_button.setVisible(choosable)
        self.status = QLabel()
        self.status.setWordWrap(True)

        side = QVBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.import_button,
                  self.export_button, self.choose_button):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(760, 460)
        self._update_buttons()
        self._reads = LatestAnswer()
        self.reload()

    # -- data ---------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], R], *,
             on_done: Callable[[R], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """`fn` on the runner; its answer is dropped once the dialog is closed."""
        def done(result: R) -> None:
            if not self._closed and on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            if on_error is not None:
                on_error(exc)
            else:
                self.status.setText(error_text(exc))

        self._runner.submit(fn, on_done=done, on_error=failed)

    def reload(self) -> None:
        self._run(self._book.all, on_done=self._reads.newest(self._show))

    def _show(self, contacts: list[Contact]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for c in contacts:
            row = [QStandardItem(c.name), QStandardItem(c.fax_number), QStandardItem(c.company),
                   QStandardItem(c.notes.replace("\n", " "))]
            row[0].setData(c, _ROLE_CONTACT)
            self.model.appendRow(row)
        self.table.resizeColumnsToContents()
        if not contacts:
            self.status.setText(self.tr("No contacts yet. Add one, or import a CSV file."))
        elif not self.status.text() or self.status.text().startswith(self.tr("No contacts")):
            self.status.setText("")
        self._update_buttons()

    def selected(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        value = self.model.item(source.row(), 0).data(_ROLE_CONTACT)
        return value if isinstance(value, Contact) else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for b in (self.edit_button, self.delete_button, self.choose_button):
            b.setEnabled(has)

    # -- actions ------------------------------------------------------------------------------

    def new_contact(self) -> ContactEditDialog:
        return self._edit(None)

    def edit_selected(self) -> ContactEditDialog | None:
        contact = self.selected()
        return self._edit(contact) if contact is not None else None

    @Slot()
    def _double_clicked(self) -> None:
        self.edit_selected()

    def _edit(self, contact: Contact | None) -> ContactEditDialog:
        editor = ContactEditDialog(contact, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saveRequested.connect(self._save_contact)
        editor.open()
        return editor

    @Slot(object)
    def _save_contact(self, value: Contact) -> None:
        editor = self.sender()
        if not isinstance(editor, ContactEditDialog):
            return
        fn = self._book.add if value.id is None else self._book.update
        self._run(partial(fn, value), on_done=partial(self._contact_saved, editor),
                  on_error=partial(self._contact_refused, editor))

    def _contact_saved(self, editor: ContactEditDialog, _contact: Contact) -> None:
        if shiboken6.isValid(editor):
            editor.accept()
        self.reload()

    @staticmethod
    def _contact_refused(editor: ContactEditDialog, exc: BaseException) -> None:
        if shiboken6.isValid(editor):
            editor.show_error(error_text(exc))

    def delete_selected(self) -> None:
        contact = self.selected()
        if contact is None or contact.id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete contact"),
                          self.tr("Delete {name} from your contacts?").format(name=contact.name),
                          QMessageBox.StandardButton.NoButton, self)
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        answer = box.clickedButton()
        box.deleteLater()
        if answer is delete:
            self._run(partial(self._book.delete, contact.id), on_done=self._reload_after)

    def _reload_after(self, _result: object) -> None:
        self.reload()

    def import_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import contacts"), "",
                                                  self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        self._run(partial(self._book.import_csv, path), on_done=self._imported,
                  on_error=self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Nothing was imported: {error}").format(error=exc))

    def _imported(self, result: ImportResult) -> None:
        text = self.tr("Imported {added} new and updated {updated} contact(s).").format(
            added=result.added, updated=result.updated)
        if result.skipped:
            skipped = "; ".join(self.tr("line {line}: {reason}").format(line=line, reason=reason)
                                for line, reason in result.skipped[:5])
            text += " " + self.tr("Skipped {n}: {lines}").format(n=len(result.skipped),
                                                                  lines=skipped)
        self.status.setText(text)
        self.reload()

    def export_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export contacts"),
                                                  "contacts.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        self._run(partial(self._book.export_csv, path),
                  on_done=partial(self._exported, path))

    def _exported(self, path: str, count: int) -> None:
        self.status.setText(self.tr("Exported %n contact(s) to {path}.", "", count).format(
            path=path))

    def _choose(self) -> None:
        contact = self.selected()
        if contact is not None:
            self.contactChosen.emit(contact)
            self.accept()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)


__all__ = ["ContactEditDialog", "ContactError", "ContactsDialog"]
