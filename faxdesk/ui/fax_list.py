"""The fax list pane: filters, search, the table and its count.

It shows rows and says which one is current; what happens to a fax is the main window's
business (through `FaxActions` and the operations). A filter never silently puts another fax in
the detail pane: when the current fax is filtered out, nothing is current (and it comes back
when the filter shows it again, unless another fax was chosen meanwhile).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.rows import FaxRow
from faxdesk.ui.icons import icon
from faxdesk.ui.models import COL_CREATED, FaxFilterProxy, FaxTableModel

# Wait for a pause in typing before filtering (Enter filters at once). Filtering 10,000 rows is
# one pass over prepared text now, so this is about not redrawing the table on every key.
SEARCH_DELAY_MS = 150

#: The date filter's choices: how many days back from today (0: today only), None for any time;
#: "range" shows a From and a To date.
DATE_CHOICES: tuple[int | str | None, ...] = (None, 0, 7, 30, 365, "range")


class FaxTableView(QTableView):
    """The fax table, painted in one hold of the interpreter lock.

    A paint asks the model (Python) about every visible cell. Entered from Qt's C++, each of
    those calls takes the interpreter lock on its own, and while the engine's threads run Python
    (a sync storing thousands of faxes) each take may wait a switch interval: a paint of 10 ms
    took 40-90 ms. Entered from this Python override, the whole paint runs with the lock held
    once, and the model's answers need no new take of it.
    """

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)


def _start_of(day: date) -> datetime:
    """Local midnight at the start of `day`, as an aware time."""
    return datetime.combine(day, time.min).astimezone()


class FaxListPane(QWidget):
    currentChanged = Signal(object)  # FaxRow | None
    activated = Signal()  # a row was double-clicked
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FaxTableModel(self)
        self.proxy = FaxFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # The row shown in the detail pane (None: nothing is), and one a filter hid.
        self._current_id: str | None = None
        self._hidden_id: str | None = None

        self.direction_filter = QComboBox()
        self.direction_filter.setObjectName("direction_filter")
        self.direction_filter.setAccessibleName(self.tr("Show faxes sent or received"))
        self.direction_filter.addItem(self.tr("Sent and received"), "")
        self.direction_filter.addItem(self.tr("Sent"), "outbound")
        self.direction_filter.addItem(self.tr("Received"), "inbound")
        self.direction_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_direction(self.direction_filter.currentData()))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.setAccessibleName(self.tr("Show faxes with status"))
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
        self.date_filter = QComboBox()
        self.date_filter.setObjectName("date_filter")
        self.date_filter.setAccessibleName(self.tr("Show faxes from"))
        for when, choice in zip((self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"),
                                 self.tr("Last 30 days"), self.tr("Last 12 months"),
                                 self.tr("Between dates…")), DATE_CHOICES, strict=True):
            self.date_filter.addItem(when, choice)
        self.date_filter.currentIndexChanged.connect(lambda _i: self._apply_dates())
        # As narrow as its shortest choices: the search box needs the room more (the list that
        # opens shows every choice whole).
        self.date_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_filter.setMinimumContentsLength(9)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_from.setObjectName("date_from")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QDateEdit(today)
        self.date_to.setObjectName("date_to")
        self.date_to.setAccessibleName(self.tr("To date"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setMaximumDate(today.addYears(1))
            edit.dateChanged.connect(lambda _d: self._apply_dates())
            edit.hide()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search faxes"))
        self.search.setAccessibleDescription(self.tr(
            "Finds a number however it is written, a contact's name, a status or a fax ID"))
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        # Its words whole, with room for the clear button: a narrow window hides the export
        # button before it squeezes the search box (`_fit_bar`).
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.export_button = QPushButton(icon("export"), self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.exportRequested)

        bar = self._bar = QHBoxLayout()
        bar.addWidget(self.direction_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.date_filter)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)

        self.table = FaxTableView()
        self.table.setObjectName("fax_table")
        self.table.setAccessibleName(self.tr("Faxes"))
        # Before the view's own selection model hears of a removal (it would make the next row
        # current, i.e. show another fax): the current row is let go first.
        self.proxy.rowsAboutToBeRemoved.connect(self._rows_about_to_go)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (arrows move between rows), as in any list of files.
        self.table.setTabKeyNavigation(False)
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
            lambda current, _prev: self._current_row_changed(current))
        self.table.doubleClicked.connect(lambda _i: self.activated.emit())

        # Shown instead of an empty table when the filters hide every fax.
        self.empty_label = QLabel()
        self.empty_label.setObjectName("no_match")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_all_button = QPushButton(self.tr("Show all faxes"))
        self.show_all_button.setObjectName("show_all")
        self.show_all_button.clicked.connect(self.clear_filters)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.empty_state = empty
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)

        self.count_label = QLabel()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.model.rowsInserted,
                       self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)
        # After the selection model has followed the rows through the change.
        self.proxy.layoutChanged.connect(self._check_current)
        self.proxy.modelReset.connect(self._check_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)
        self._update_count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar()

    def _fit_bar(self) -> None:
        """The export button only where the filters and the search box have their room: the
        toolbar and the File menu export the same faxes."""
        shown = [w for w in (self.direction_filter, self.status_filter, self.date_filter,
                             self.date_from, self.date_to) if not w.isHidden()]
        spacing = self._bar.spacing()
        if spacing < 0:  # the style spaces each pair of controls its own way: take its default
            spacing = max(self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing),
                          0)
        # The search box's words, and room to type a few more characters than they take.
        search = self.search.minimumWidth() + 8 * self.search.fontMetrics().averageCharWidth()
        needed = (sum(w.sizeHint().width() + spacing for w in shown) + search + spacing
                  + self.export_button.sizeHint().width())
        self.export_button.setVisible(self.width() >= needed)

    def _row_at(self, index: QModelIndex) -> FaxRow | None:
        if not index.isValid() or index.row() >= self.proxy.rowCount():
            return None
        return self.proxy.item_at(index.row())

    # the current row -------------------------------------------------------------------------
    def _current_row_changed(self, current: QModelIndex) -> None:
        row = self._row_at(current)
        row_id = row.id if row is not None else None
        if row_id is not None:
            self._hidden_id = None  # a fax chosen now replaces one a filter hid
        if row_id == self._current_id:
            return
        self._current_id = row_id
        self.currentChanged.emit(row)

    @Slot(QModelIndex, int, int)
    def _rows_about_to_go(self, _parent: QModelIndex, first: int, last: int) -> None:
        current = self.table.currentIndex()
        if current.isValid() and first <= current.row() <= last:
            row = self._row_at(current)
            if row is not None and self.model.item_by_id(row.id) is not None:
                self._hidden_id = row.id  # filtered out, not gone: back when shown again
            self._let_go()

    def _check_current(self) -> None:
        """After a filter, sort or reload: the current fax is still the one shown in the
        detail pane, or nothing is; never a neighbour."""
        current_id = self._current_id
        if current_id is not None:
            row = self.proxy.row_of(current_id)
            if row is None:
                still_there = self.model.item_by_id(current_id) is not None
                self._let_go()
                self._hidden_id = current_id if still_there else None
                return
            index = self.table.currentIndex()
            if not index.isValid() or index.row() != row:
                self._make_current(row)
            return
        hidden_id = self._hidden_id
        if hidden_id is not None and self.proxy.row_of(hidden_id) is not None:
            self.select(hidden_id)

    def _let_go(self) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        if self._current_id is not None:
            self._current_id = None
            self.currentChanged.emit(None)

    def _make_current(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select(self, row_id: str) -> bool:
        """Make `row_id` the current row (False when it is not shown)."""
        row = self.proxy.row_of(row_id)
        if row is None:
            return False
        self._make_current(row)
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    def visible_rows(self) -> list[FaxRow]:
        return self.proxy.visible_items()

    # filters ---------------------------------------------------------------------------------
    @Slot()
    def apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())

    @Slot()
    def clear_filters(self) -> None:
        """Show every fax again: no search, any direction, any status."""
        self.search.clear()
        self.direction_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.date_filter.setCurrentIndex(0)
        self.apply_search()
        if self.stack.currentWidget() is self.table:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_dates(self) -> None:
        choice = self.date_filter.currentData()
        between = choice == "range"
        self.date_from.setVisible(between)
        self.date_to.setVisible(between)
        self._fit_bar()
        if between:
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            if last < first:
                first, last = last, first
            self.proxy.set_date_range(_start_of(first), _start_of(last + timedelta(days=1)))
        elif isinstance(choice, int):
            since = _start_of(date.today() - timedelta(days=choice))
            self.proxy.set_date_range(since, None)
        else:
            self.proxy.set_date_range(None, None)

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
        nothing_matches = shown == 0 and total > 0
        if nothing_matches:
            self.empty_label.setText(self._no_match_text())
        target = self.empty_state if nothing_matches else self.table
        if self.stack.currentWidget() is not target:
            had_focus = self.table.hasFocus()
            self.stack.setCurrentWidget(target)
            if had_focus and nothing_matches:
                self.show_all_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _no_match_text(self) -> str:
        search = self.proxy.search_text
        if search:
            first = self.tr("No fax matches “{text}”.").format(text=search)
        else:
            first = self.tr("No fax matches these filters.")
        how = self.tr("To see every fax again, clear the search box and choose “Sent and "
                      "received”, “Any status” and “Any time”, or press “Show all faxes”.")
        if self.proxy.application_filter:
            how += " " + self.tr("Choose “All applications” on the left to see the faxes of "
                                 "every application.")
        return f"{first}\n{how}"
