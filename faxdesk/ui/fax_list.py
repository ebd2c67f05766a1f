"""The fax list pane: filters, search, the table and its count.

It shows rows and says which one is current; what happens to a fax is the main window's
business (through `FaxActions` and the operations).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.rows import FaxRow
from faxdesk.ui.icons import icon
from faxdesk.ui.models import COL_CREATED, FaxFilterProxy, FaxTableModel

#: Filtering 10,000 rows takes a while: wait for a pause in typing (Enter filters at once).
SEARCH_DELAY_MS = 250


class FaxListPane(QWidget):
    currentChanged = Signal(object)  # FaxRow | None
    activated = Signal()  # a row was double-clicked
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FaxTableModel(self)
        self.proxy = FaxFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.direction_filter = QComboBox()
        self.direction_filter.setObjectName("direction_filter")
        self.direction_filter.addItem(self.tr("Sent and received"), "")
        self.direction_filter.addItem(self.tr("Sent"), "outbound")
        self.direction_filter.addItem(self.tr("Received"), "inbound")
        self.direction_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_direction(self.direction_filter.currentData()))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for label, value in (
            (self.tr("Any status"), "all"),
            (self.tr("In progress"), "active"),
            (self.tr("Delivered"), "delivered"),
            (self.tr("Failed"), "failed"),
            (self.tr("Received"), "received"),
            (self.tr("Unread"), "unread"),
        ):
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.export_button = QPushButton(icon("export"), self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.exportRequested)

        bar = QHBoxLayout()
        bar.addWidget(self.direction_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("fax_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row height: no per-row measuring, so 10,000 rows scroll smoothly.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Wide enough for "Ada Lovelace (+1 312-555-0142)" and "Waiting for the network".
        for col, width in ((0, 100), (1, 240), (2, 200), (3, 48), (4, 128), (5, 128)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.currentChanged.emit(self._row_at(current)))
        self.table.doubleClicked.connect(lambda _i: self.activated.emit())

        self.count_label = QLabel()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_count()

    def _row_at(self, index: QModelIndex) -> FaxRow | None:
        if not index.isValid():
            return None
        return self.model.item(self.proxy.mapToSource(index).row())

    def select(self, row_id: str) -> bool:
        """Make `row_id` the current row (False when it is not shown)."""
        row = self.model.row_of(row_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def visible_rows(self) -> list[FaxRow]:
        return self.proxy.visible_items()

    @Slot()
    def apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} faxes").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {total} faxes").format(
                shown=shown, total=total))
