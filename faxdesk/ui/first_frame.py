"""The first frame: FaxDesk's window as the user left it, painted before the rest is loaded.

Importing the window, the engine and their libraries, reading the API key and opening the store
take most of a second. So `run_app` first shows this: a window with the same size and place, the
same menus and columns, the newest faxes of the stored history and the time of the last sync,
read straight from the database (read-only, with nothing but `sqlite3`). The main window is
built on the next turn of the event loop and takes its place as soon as it has painted.

This module imports only PySide6 and the standard library (and the word tables of
`faxdesk.core.words`), so it costs almost nothing to load.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QWidget,
)

from faxdesk.core.words import STATUS_WORDS

# Rows read for the first frame: more than any screen shows.
ROWS = 80
# The database file (faxdesk.core.store.DB_NAME, not imported: that module pulls in more).
DB_NAME = "faxdesk.sqlite3"
LAST_SYNC_KEY = "sync.last_success"


@dataclass(frozen=True, slots=True)
class StoredFax:
    direction: str | None
    status: str | None
    other_party: str
    pages: int | None
    created_at: datetime | None
    updated_at: datetime | None
    unread: bool


@dataclass(frozen=True, slots=True)
class StoredHistory:
    faxes: Sequence[StoredFax] = ()
    last_sync: datetime | None = None


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def read_history(data_dir: Path | None, limit: int = ROWS) -> StoredHistory:
    """The newest stored faxes and the last sync time; nothing at all when the store is not
    there or cannot be read (the main window then says why)."""
    if data_dir is None:
        return StoredHistory()
    path = data_dir / DB_NAME
    if not path.is_file():
        return StoredHistory()
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return StoredHistory()
    try:
        rows = conn.execute(
            "SELECT direction, status, from_number, to_number, page_count, created_at, "
            "updated_at, is_read FROM faxes ORDER BY created_at DESC, id LIMIT ?",
            (limit,)).fetchall()
        found = conn.execute("SELECT value FROM kv WHERE key = ?", (LAST_SYNC_KEY,)).fetchone()
    except sqlite3.Error:
        return StoredHistory()
    finally:
        conn.close()
    faxes = [StoredFax(direction, status,
                       (from_number if direction == "inbound" else to_number) or "",
                       pages, _time(created), _time(updated),
                       direction == "inbound" and not is_read)
             for (direction, status, from_number, to_number, pages, created, updated, is_read)
             in rows]
    return StoredHistory(faxes, _time(found[0]) if found else None)


def _local(value: datetime | None) -> str:
    # As faxdesk.ui.texts.format_time shows it.
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


# The main window's own words (the same catalogue entries), marked here for lupdate too.
_MENUS = (QT_TRANSLATE_NOOP("MainWindow", "&File"), QT_TRANSLATE_NOOP("MainWindow", "F&ax"),
          QT_TRANSLATE_NOOP("MainWindow", "&View"), QT_TRANSLATE_NOOP("MainWindow", "&Help"))
_DIRECTIONS = {"inbound": QT_TRANSLATE_NOOP("Direction", "Received"),
               "outbound": QT_TRANSLATE_NOOP("Direction", "Sent")}
_HEADERS = (QT_TRANSLATE_NOOP("FaxTableModel", "Direction"),
            QT_TRANSLATE_NOOP("FaxTableModel", "Other party"),
            QT_TRANSLATE_NOOP("FaxTableModel", "Status"),
            QT_TRANSLATE_NOOP("FaxTableModel", "Pages"),
            QT_TRANSLATE_NOOP("FaxTableModel", "Created"),
            QT_TRANSLATE_NOOP("FaxTableModel", "Updated"))


class FirstFrame(QMainWindow):
    """Looks like the main window, with its stored history; does nothing (it is replaced)."""

    painted = Signal()

    def __init__(self, history: StoredHistory, *, title: str, state: QSettings,
                 note: str = "") -> None:
        super().__init__()
        self.setObjectName("first_frame")
        self.setWindowTitle(title)
        self.setMinimumSize(760, 480)
        self._painted = False
        for menu in _MENUS:
            self.menuBar().addMenu(QCoreApplication.translate("MainWindow", str(menu))
                                   ).setEnabled(False)
        self.addToolBar(QCoreApplication.translate("MainWindow", "Main")).setMovable(False)

        model = QStandardItemModel(0, len(_HEADERS), self)
        model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("FaxTableModel", str(h)) for h in _HEADERS])
        bold = QFont()
        bold.setBold(True)
        for fax in history.faxes:
            direction = _DIRECTIONS.get(fax.direction or "")
            status = STATUS_WORDS.get(fax.status or "")
            cells = [
                (QCoreApplication.translate("Direction", str(direction)) if direction
                 else (fax.direction or "")),
                fax.other_party,
                QCoreApplication.translate("Status", status) if status else (fax.status or ""),
                "" if fax.pages is None else str(fax.pages),
                _local(fax.created_at),
                _local(fax.updated_at),
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
                if fax.unread:
                    item.setFont(bold)
            model.appendRow(items)
        self.table = QTableView()
        self.table.setObjectName("first_frame_table")
        self.table.setModel(model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 100), (1, 240), (2, 200), (3, 48), (4, 128), (5, 128)):
            self.table.setColumnWidth(col, width)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(QWidget())
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        bar = self.statusBar()
        self.state_label = QLabel(note or QCoreApplication.translate("StatusArea",
                                                                    "Connecting…"))
        bar.addWidget(self.state_label, 1)
        self.sync_label = QLabel()
        if history.last_sync is not None:
            self.sync_label.setText(QCoreApplication.translate(
                "StatusArea", "Last sync {time}").format(time=_local(history.last_sync)))
        bar.addPermanentWidget(self.sync_label)
        self._restore(state)

    def _restore(self, state: QSettings) -> None:
        """Where and how big the main window was, its panes and its column widths."""
        geometry = state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 720)
        splitter = state.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([200, 630, 370])
        header = state.value("main/table_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        # The rows are newest first whatever the saved sort: say so.
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.painted.emit()
        return handled


class PaintWatcher(QObject):
    """Emits `painted` once, after `widget` has painted for the first time."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            self.painted.emit()
        return False
