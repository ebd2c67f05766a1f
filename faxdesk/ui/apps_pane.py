"""The fax applications pane: the list (which also filters the fax table) and its actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from faxdesk.api.models import FaxApplication
from faxdesk.ui.icons import icon

AppRole = Qt.ItemDataRole.UserRole + 10


class ApplicationsPane(QWidget):
    #: The selected application id, or "" for all applications.
    selectionChanged = Signal(str)
    newRequested = Signal()
    editRequested = Signal(object)
    deleteRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.applications: list[FaxApplication] = []
        title = QLabel(self.tr("Fax applications"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("apps_list")
        # Rows as tall as the fax table's, so the two lists side by side read alike.
        self.list.setStyleSheet("QListWidget::item { padding: 4px 4px; }")
        self.list.setAccessibleName(self.tr("Fax applications"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(self._edit)

        self.new_button = _tool_button(icon("add"), self.tr("New application…"), "app_new")
        self.edit_button = _tool_button(icon("edit"), self.tr("Edit application…"), "app_edit")
        self.delete_button = _tool_button(icon("delete"), self.tr("Delete application…"),
                                          "app_delete")
        self.new_button.clicked.connect(self.newRequested.emit)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_applications([])

    def set_applications(self, apps: Sequence[FaxApplication]) -> None:
        selected = self.selected_id()
        self.applications = list(apps)
        self.list.blockSignals(True)
        self.list.clear()
        everything = QListWidgetItem(self.tr("All applications"))
        everything.setData(AppRole, None)
        self.list.addItem(everything)
        current = everything
        for app in sorted(apps, key=lambda a: (a.application_name or "").casefold()):
            name = app.application_name or app.id
            if app.active is False:
                name = self.tr("{name} (inactive)").format(name=name)
            item = QListWidgetItem(name)
            item.setData(AppRole, app)
            item.setToolTip(self.tr("ID {id}").format(id=app.id))
            self.list.addItem(item)
            if app.id == selected:
                current = item
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        self._update_buttons()
        if (self.selected_id() or "") != (selected or ""):
            self.selectionChanged.emit(self.selected_id() or "")

    def selected(self) -> FaxApplication | None:
        item = self.list.currentItem()
        app = item.data(AppRole) if item is not None else None
        return app if isinstance(app, FaxApplication) else None

    def selected_id(self) -> str | None:
        app = self.selected()
        return app.id if app is not None else None

    def select_id(self, app_id: str | None) -> None:
        for row in range(self.list.count()):
            app = self.list.item(row).data(AppRole)
            if (app.id if isinstance(app, FaxApplication) else None) == app_id:
                self.list.setCurrentRow(row)
                return

    def name_of(self, app_id: str | None) -> str:
        for app in self.applications:
            if app.id == app_id:
                return app.application_name or app.id
        return app_id or ""

    def _current_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.selectionChanged.emit(self.selected_id() or "")

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _edit(self, *_args: object) -> None:
        app = self.selected()
        if app is not None:
            self.editRequested.emit(app)

    def _delete(self, *_args: object) -> None:
        app = self.selected()
        if app is not None:
            self.deleteRequested.emit(app)


def _tool_button(ico: QIcon, text: str, name: str) -> QToolButton:
    # Icon buttons (+, pencil, bin) keep the pane narrow, leaving the width to the fax table;
    # the words are in the tooltip and for screen readers.
    button = QToolButton()
    button.setIcon(ico)
    button.setText(text)
    button.setToolTip(text)
    button.setAccessibleName(text)
    button.setObjectName(name)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAutoRaise(True)
    return button
