"""The first frame: FaxDesk's window as the user left it, painted before the rest is loaded.

Importing the window, the engine and their libraries, reading the API key and opening the store
take most of a second. So `run_app` first shows this: a window with the same size and place, the
same menus and columns, the newest faxes of the stored history and the time of the last sync,
read straight from the database (read-only, with nothing but `sqlite3`). The main window is
built on the next turn of the event loop and takes its place as soon as it has painted.

It is one widget that draws all of it, in the places the main window saved for it
(`MainWindow._save_geometry`), with the application's palette and font.

This module imports only PySide6 and the standard library (and the word tables of
`faxdesk.core.words`), so it costs almost nothing to load.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPolygon
from PySide6.QtWidgets import QMainWindow, QWidget

from faxdesk.core.status_words import STATUS_WORDS

# Rows read for the first frame: more than any screen shows.
ROWS = 80
# The database file (faxdesk.core.store.DB_NAME, not imported: that module pulls in more).
DB_NAME = "faxdesk.sqlite3"
LAST_SYNC_KEY = "sync.last_success"
# What the main window saves for this frame: its column widths (logical order, 0 when hidden),
# and where its parts were: a map of _PLACES to [x, y, width, height] in window coordinates
# ("size": [0, 0, width, height] of the window then), and "rows": [header height, row height].
COLUMN_WIDTHS_KEY = "main/column_widths"
PANES_KEY = "main/panes"
_PLACES = ("size", "menu_bar", "apps", "apps_list", "table", "detail", "connection",
           "last_sync")
# Without them: the main window's default column widths and pane widths.
DEFAULT_COLUMNS = (100, 240, 200, 48, 128, 128)
DEFAULT_APPS = 200
DEFAULT_DETAIL = 370
# The columns (as faxdesk.ui.models numbers them); the rows are newest first whatever the
# saved sort, so the indicator is on Created.
PARTY_COLUMN, PAGES_COLUMN, SORTED_COLUMN = 1, 3, 4
ICON_COLUMNS = (0, 2)
# Where the words start in a column that shows an icon before them in the main window.
ICON_ROOM = 26
SCROLLBAR = 16


# Named tuples, not dataclasses: a dataclass costs the first frame about 0.7 ms to define.
class StoredFax(NamedTuple):
    direction: str | None
    status: str | None
    other_party: str
    pages: int | None
    created_at: datetime | None
    updated_at: datetime | None
    unread: bool


class StoredHistory(NamedTuple):
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
    import sqlite3  # only where there is a store: the sandbox's first frame paints sooner

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


def default_window_size(window: QWidget, wanted: QSize) -> QSize:
    """A first window's size (nothing saved yet): `wanted`, as far as the screen has room."""
    screen = window.screen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() * 0.9
    return wanted.boundedTo(room).expandedTo(window.minimumSize())


def _fill(painter: QPainter, rect: QRect, color: QColor) -> None:
    # Not QPainter.fillRect: resolving its overloads makes PySide create QGradient's types and
    # enums (about 2 ms of the first frame).
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(rect)
    painter.restore()


def _local(value: datetime | None) -> str:
    # As faxdesk.ui.texts.format_time shows it.
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


def _ints(value: object, count: int) -> list[int] | None:
    """`count` whole numbers from a settings value (an INI file gives them back as strings)."""
    if not isinstance(value, list | tuple) or len(value) != count:
        return None
    try:
        return [int(v) for v in value]
    except (TypeError, ValueError):
        return None


def _rect(value: object) -> QRect | None:
    found = _ints(value, 4)
    return QRect(*found) if found is not None else None


def _without_mnemonic(title: str) -> str:
    # A disabled menu shows no shortcut letter.
    return "&".join(part.replace("&", "") for part in title.split("&&"))


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
    """Looks like the main window, with its stored history; does nothing (it is replaced).

    Everything is drawn by hand in `paintEvent`: a menu bar, a toolbar, an item view, a header,
    splitters and a status bar cost several times more to create and lay out than the few
    hundred words the frame shows. Where the main window's parts were is read from what it
    saved (`PANES_KEY`, `COLUMN_WIDTHS_KEY`), so the swap does not move anything."""

    painted = Signal()

    def __init__(self, history: StoredHistory, *, title: str, state: QSettings,
                 note: str = "") -> None:
        super().__init__()
        self.setObjectName("first_frame")
        self.setWindowTitle(title)
        self.setMinimumSize(640, 440)
        self._painted = False
        self.menu_titles = [_without_mnemonic(QCoreApplication.translate("MainWindow", str(m)))
                            for m in _MENUS]
        self.headers = [QCoreApplication.translate("FaxTableModel", str(h)) for h in _HEADERS]
        self.apps_title = QCoreApplication.translate("ApplicationsPane", "Fax applications")
        self.rows: list[tuple[list[str], bool]] = []
        for fax in history.faxes:
            direction = _DIRECTIONS.get(fax.direction or "")
            status = STATUS_WORDS.get(fax.status or "")
            self.rows.append(([
                (QCoreApplication.translate("Direction", str(direction)) if direction
                 else (fax.direction or "")),
                fax.other_party,
                (QCoreApplication.translate("Status", status) if status
                 else (fax.status or "")),
                "" if fax.pages is None else str(fax.pages),
                _local(fax.created_at),
                _local(fax.updated_at),
            ], fax.unread))
        self.state_text = note or QCoreApplication.translate("StatusArea", "Connecting…")
        self.sync_text = ("" if history.last_sync is None else QCoreApplication.translate(
            "StatusArea", "Last sync {time}").format(time=_local(history.last_sync)))
        #: The texts the last paint drew, in order (what a user sees; read by tests).
        self.drawn: list[str] = []
        widths = _ints(state.value(COLUMN_WIDTHS_KEY), len(_HEADERS))
        self._columns = widths if widths is not None else list(DEFAULT_COLUMNS)
        panes = state.value(PANES_KEY)
        self._saved = panes if isinstance(panes, dict) else {}
        geometry = state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(default_window_size(self, QSize(1200, 760)))

    def places(self) -> tuple[dict[str, QRect], int, int]:
        """Where each part is, and the table's header and row heights: as the main window last
        had them, else the defaults. When the window's size changed since, the bands keep their
        height and the panes are scaled with the window (close to where the main window puts
        them: the swap then moves them a little, not the rows' words)."""
        w, h = self.width(), self.height()
        line = self.fontMetrics().height()
        saved = {name: _rect(self._saved.get(name)) for name in _PLACES}
        found = {name: r for name, r in saved.items() if r is not None}
        heights = _ints(self._saved.get("rows"), 2)
        if len(found) < len(saved) or heights is None:
            top = 2 * line + 24  # the menu bar and the toolbar
            bottom = h - line - 7  # the status bar
            table_w = max(w - DEFAULT_APPS - DEFAULT_DETAIL - 8, 0)
            return {"size": QRect(0, 0, w, h),
                    "menu_bar": QRect(0, 0, w, line + 4),
                    "apps": QRect(0, top, DEFAULT_APPS, bottom - top),
                    "apps_list": QRect(0, top + line + 6, DEFAULT_APPS, bottom - top - line - 6),
                    "table": QRect(DEFAULT_APPS + 4, top, table_w, bottom - top),
                    "detail": QRect(w - DEFAULT_DETAIL, top, DEFAULT_DETAIL, bottom - top),
                    "connection": QRect(4, bottom, w // 2, h - bottom),
                    "last_sync": QRect(w // 2, bottom, w // 2 - 24, h - bottom),
                    }, line + 3, line + 10
        size = found["size"]
        dw, dh = w - size.width(), h - size.height()
        if dw or dh:
            cx, cy = w / max(size.width(), 1), h / max(size.height(), 1)
            for name in ("apps", "apps_list", "table", "detail"):
                r = found[name]
                found[name] = QRect(round(r.x() * cx), round(r.y() * cy),
                                    round(r.width() * cx), round(r.height() * cy))
            found["connection"] = found["connection"].translated(0, dh)
            found["last_sync"] = found["last_sync"].translated(dw, dh)
        return found, heights[0], heights[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        places, header_h, row_h = self.places()
        palette = self.palette()
        painter = QPainter(self)
        drawn: list[str] = []
        fm = self.fontMetrics()
        _fill(painter, self.rect(), palette.color(QPalette.ColorRole.Window))

        def text(rect: QRect, words: str, flags: Qt.AlignmentFlag) -> None:
            painter.drawText(rect, flags, words)
            drawn.append(words)

        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        # The menus: greyed out, as the main window's are until it is there.
        menu = places["menu_bar"]
        painter.setPen(palette.color(QPalette.ColorGroup.Disabled,
                                     QPalette.ColorRole.WindowText))
        x = menu.left() + 2
        for title in self.menu_titles:
            width = fm.horizontalAdvance(title)
            text(QRect(x + 8, menu.top(), width, menu.height()), title, left)
            x += width + 16

        # The applications pane: its title and an empty list.
        bold = QFont(self.font())
        bold.setBold(True)
        apps, apps_list = places["apps"], places["apps_list"]
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text(QRect(apps.left(), apps.top(), apps.width(), fm.height() + 2),
             self.apps_title, left)
        painter.setFont(self.font())
        self._frame(painter, apps_list, palette)
        self._table(painter, places["table"], header_h, row_h, palette, bold, drawn)
        # The detail pane: an empty frame until a fax is chosen.
        self._frame(painter, places["detail"], palette, fill=False)

        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        # The words may be longer than the main window's ("Connecting…" for "Connected"):
        # they have the room up to the last sync time.
        state, last_sync = places["connection"], places["last_sync"]
        state.setRight(max(last_sync.left() - 8, state.right()))
        text(state, fm.elidedText(self.state_text, Qt.TextElideMode.ElideRight, state.width()),
             left)
        if self.sync_text:
            last_sync.setLeft(min(last_sync.left(), last_sync.right() - fm.horizontalAdvance(
                self.sync_text)))
            text(last_sync, self.sync_text, right)
        painter.end()
        self.drawn = drawn
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def _frame(self, painter: QPainter, rect: QRect, palette: QPalette, *,
               fill: bool = True) -> None:
        if fill:
            _fill(painter, rect, palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def _table(self, painter: QPainter, rect: QRect, header_h: int, row_h: int,
               palette: QPalette, bold: QFont, drawn: list[str]) -> None:
        """The fax table: its header with the sort indicator on Created, the newest faxes
        (unread ones bold) on alternating colours, as many as fit."""
        self._frame(painter, rect, palette)
        inner = rect.adjusted(1, 1, -1, -1)
        painter.save()
        painter.setClipRect(inner)
        widths = list(self._columns)
        shown = [i for i, width in enumerate(widths) if width > 0]
        spare = inner.width() - SCROLLBAR - sum(widths)
        if spare > 0 and shown:
            # The other party takes the room there is, as in the main window.
            widths[PARTY_COLUMN if PARTY_COLUMN in shown else shown[-1]] += spare
        head = QRect(inner.left(), inner.top(), inner.width(), header_h)
        _fill(painter, head, palette.color(QPalette.ColorRole.Button))
        grid = palette.color(QPalette.ColorRole.Midlight).darker(110)
        line = palette.color(QPalette.ColorRole.Mid)
        fm = self.fontMetrics()
        x = inner.left()
        for i in shown:
            cell = QRect(x, head.top(), widths[i], header_h)
            painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            words = fm.elidedText(self.headers[i], Qt.TextElideMode.ElideRight, widths[i] - 8)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, words)
            drawn.append(words)
            if i == SORTED_COLUMN:
                # Qt's sort indicator for newest first: a small triangle at the right.
                cx, cy = cell.right() - 10, cell.center().y()
                painter.setBrush(palette.color(QPalette.ColorRole.ButtonText))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPolygon(QPolygon([QPoint(cx - 3, cy + 2), QPoint(cx + 3, cy + 2),
                                              QPoint(cx, cy - 2)]))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(line)
            painter.drawLine(cell.right(), cell.top(), cell.right(), cell.bottom())
            x += widths[i]
        painter.setPen(line)
        painter.drawLine(head.bottomLeft(), head.bottomRight())
        y = head.bottom() + 1
        body_bottom = inner.bottom()
        # Where the main window has its scroll bar.
        _fill(painter, QRect(x, y, inner.right() - x + 1, body_bottom - y + 1),
              palette.color(QPalette.ColorRole.Window))
        fm_bold = QFontMetrics(bold)
        # Looked up once: a Qt enum or a palette colour costs a Python call each time, and the
        # loop draws a few hundred cells.
        bands = (palette.color(QPalette.ColorRole.Base),
                 palette.color(QPalette.ColorRole.AlternateBase))
        ink = palette.color(QPalette.ColorRole.Text)
        elide = Qt.TextElideMode.ElideRight
        to_left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        to_right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        font = self.font()
        for n, (cells, unread) in enumerate(self.rows):
            if y > body_bottom:
                break
            band = QRect(inner.left(), y, x - inner.left(), row_h)
            _fill(painter, band, bands[n % 2])
            painter.setFont(bold if unread else font)
            metrics = fm_bold if unread else fm
            painter.setPen(ink)
            cx = inner.left()
            for i in shown:
                # Direction and status have an icon before the words in the main window.
                pad = ICON_ROOM if i in ICON_COLUMNS else 4
                cell = QRect(cx + pad, y, widths[i] - pad - 4, row_h - 1)
                words = metrics.elidedText(cells[i], elide, cell.width())
                painter.drawText(cell, to_right if i == PAGES_COLUMN else to_left, words)
                drawn.append(words)
                cx += widths[i]
            painter.setPen(grid)
            painter.drawLine(band.left(), band.bottom(), band.right(), band.bottom())
            gx = inner.left()
            for i in shown:
                gx += widths[i]
                painter.drawLine(gx - 1, band.top(), gx - 1, band.bottom())
            y += row_h
        painter.restore()
