"""The send dialog's document list: add, remove and reorder, with page counts and thumbnails.

Each file is checked by the document intake and its first page rendered on the worker bridge;
the list shows "checking…" until the answer arrives, then the page count and size, or what is
wrong with the file in words. Rows reorder by drag and drop or with the Up/Down buttons; files
dropped from outside are added (the dialog's DropZone hands them to :meth:`add_files`).
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from faxdesk.ui.dropzone import ACCEPTED_SUFFIXES
from faxdesk.ui.places import documents_folder
from faxdesk.ui.texts import error_text, refusal_text
from faxdesk.ui.worker import TaskRunner

log = logging.getLogger(__name__)

THUMB_WIDTH = 54
THUMB_SIZE = QSize(THUMB_WIDTH, 70)
_ROLE_ENTRY = Qt.ItemDataRole.UserRole + 1



@dataclass(eq=False)
class DocumentEntry:
    """One file in the list and what the intake found out about it."""

    path: str
    page_count: int | None = None  # None while it is being checked
    size_bytes: int | None = None  # what it weighs in the fax (an image at fax resolution)
    error: str | None = None  # why it cannot be sent, in words
    limit_problems: list[str] = field(default_factory=list)
    can_shrink: bool = False  # too large because of scanned images: re-rendering fixes it
    shrinking: bool = False
    thumbnail_png: bytes | None = None

    @property
    def checking(self) -> bool:
        return (self.page_count is None and self.error is None) or self.shrinking

    @property
    def usable(self) -> bool:
        return self.page_count is not None and self.error is None and not self.limit_problems

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class _Inspection:
    page_count: int
    size_bytes: int
    limit_problems: list[str]
    can_shrink: bool
    thumbnail_png: bytes | None


def inspect_for_list(path: str) -> _Inspection:
    """Runs on the worker: the core's check of one document, and a first-page thumbnail."""
    from faxdesk.core.documents import render_page_png
    from faxdesk.core.sending import SendRefused, check_document

    check = check_document(Path(path))
    if check.info is None:
        raise SendRefused(check.refusals)
    try:
        thumb: bytes | None = render_page_png(path, 0, width=THUMB_WIDTH * 2)
    except Exception as exc:  # a thumbnail is a nicety; the page count is what matters
        log.info("No thumbnail for %s: %s", path, exc)
        thumb = None
    return _Inspection(check.info.page_count, check.info.fax_bytes,
                       [refusal_text(r) for r in check.refusals], check.can_shrink, thumb)


def shrink_for_fax(path: str, work_dir: str) -> str:
    """Runs on the worker: the document re-rendered at fax resolution, in ``work_dir``."""
    from faxdesk.core.documents import rerender_for_fax

    dest = Path(work_dir) / f"{Path(path).stem}-for-fax.pdf"
    n = 1
    while dest.exists():
        n += 1
        dest = Path(work_dir) / f"{Path(path).stem}-for-fax-{n}.pdf"
    rerender_for_fax(path, dest)
    return str(dest)


def size_text(size: int) -> str:
    if size < 1_000_000:
        return QCoreApplication.translate("SendDocuments", "{n} KB").format(
            n=max(1, round(size / 1000)))
    return QCoreApplication.translate("SendDocuments", "{n:.1f} MB").format(n=size / 1_000_000)


def pages_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("SendDocuments", "1 page")
    return QCoreApplication.translate("SendDocuments", "{n} pages").format(n=count)


class DocumentList(QWidget):
    """The list plus its Add / Remove / Up / Down buttons."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._closed = False
        self._work_dir: tempfile.TemporaryDirectory[str] | None = None
        self.list = QListWidget()
        self.list.setObjectName("documentList")
        self.list.setIconSize(THUMB_SIZE)
        self.list.setSpacing(2)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Documents to send, in order"))
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.itemSelectionChanged.connect(self._update_buttons)

        style = self.style()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addDocuments")
        self.add_button.setToolTip(self.tr("Add PDF documents or images"))
        self.add_button.setAccessibleName(self.tr("Add documents"))
        self.add_button.clicked.connect(self.browse)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), "")
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "")
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.setAccessibleName(self.tr("Remove the selected documents"))
        self.shrink_button = QPushButton(self.tr("Make smaller"))
        self.shrink_button.setToolTip(self.tr(
            "Re-render the selected scan at fax resolution (200 dpi) so it fits Telnyx's limit"))
        self.shrink_button.clicked.connect(self.shrink_selected)
        self.shrink_button.hide()

        buttons = QVBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button,
                  self.shrink_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- content ------------------------------------------------------------------------------

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            entry = DocumentEntry(str(Path(path).absolute()))
            item = QListWidgetItem()
            item.setData(_ROLE_ENTRY, entry)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.list.addItem(item)
            self._refresh_item(item)
            submitted = self._runner.submit(
                inspect_for_list, entry.path,
                on_done=partial(self._inspected, entry),
                on_error=partial(self._failed, entry),
            )
            if not submitted:
                entry.error = self.tr("FaxDesk is closing; the file was not checked.")
                self._refresh_item(item)
        if paths:
            self.changed.emit()
            self._update_buttons()

    def entries(self) -> list[DocumentEntry]:
        return [self._entry(self.list.item(i)) for i in range(self.list.count())]

    def paths(self) -> list[str]:
        return [e.path for e in self.entries()]

    def total_pages(self) -> int:
        return sum(e.page_count or 0 for e in self.entries() if e.error is None)

    def checking(self) -> bool:
        return any(e.checking for e in self.entries())

    def close_list(self) -> None:
        """Results arriving after the dialog closed are dropped."""
        self._closed = True

    # -- editing -----------------------------------------------------------------------------

    def browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(ACCEPTED_SUFFIXES))
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add documents"), str(documents_folder()),
            self.tr("Documents and images ({patterns})").format(patterns=patterns),
        )
        if files:
            self.add_files(files)

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()
        self._update_buttons()

    def move_selected(self, delta: int) -> None:
        """Move the selected row up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
        self._update_buttons()

    def shrink_selected(self) -> None:
        """Replace the selected too-large scan by a copy re-rendered at fax resolution."""
        item = self.list.currentItem()
        if item is None:
            return
        entry = self._entry(item)
        if not entry.can_shrink or entry.shrinking:
            return
        if self._work_dir is None:
            self._work_dir = tempfile.TemporaryDirectory(prefix="faxdesk-shrink-")
        entry.shrinking = True
        self._refresh_entry(entry)
        submitted = self._runner.submit(
            shrink_for_fax, entry.path, self._work_dir.name,
            on_done=partial(self._shrunk, entry), on_error=partial(self._shrink_failed, entry),
        )
        if not submitted:
            entry.shrinking = False
            self._refresh_entry(entry)

    def _shrunk(self, entry: DocumentEntry, new_path: str) -> None:
        if self._closed:
            return
        entry.shrinking = False
        entry.path = new_path
        entry.page_count = None
        entry.limit_problems = []
        entry.can_shrink = False
        self._refresh_entry(entry)
        self._runner.submit(inspect_for_list, entry.path,
                            on_done=partial(self._inspected, entry),
                            on_error=partial(self._failed, entry))

    def _shrink_failed(self, entry: DocumentEntry, exc: BaseException) -> None:
        if self._closed:
            return
        entry.shrinking = False
        entry.limit_problems = [*entry.limit_problems, self.tr(
            "It could not be made smaller: {error}").format(error=error_text(exc))]
        entry.can_shrink = False
        self._refresh_entry(entry)

    def _on_rows_moved(self, *_args: QModelIndex | int) -> None:
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        selected = bool(self.list.selectedItems())
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and 0 <= row < self.list.count() - 1)
        current = self.list.currentItem()
        entry = self._entry(current) if current is not None and selected else None
        can_shrink = any(e.can_shrink for e in self.entries())
        self.shrink_button.setVisible(can_shrink)
        self.shrink_button.setEnabled(entry is not None and entry.can_shrink
                                      and not entry.shrinking)

    # -- results from the worker ------------------------------------------------------------

    def _inspected(self, entry: DocumentEntry, result: _Inspection) -> None:
        if self._closed:
            return
        entry.page_count = result.page_count
        entry.size_bytes = result.size_bytes
        entry.limit_problems = list(result.limit_problems)
        entry.can_shrink = result.can_shrink
        entry.thumbnail_png = result.thumbnail_png
        self._refresh_entry(entry)

    def _failed(self, entry: DocumentEntry, exc: BaseException) -> None:
        if self._closed:
            return
        entry.error = error_text(exc)
        self._refresh_entry(entry)

    def _refresh_entry(self, entry: DocumentEntry) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if self._entry(item) is entry:
                self._refresh_item(item)
        self._update_buttons()
        self.changed.emit()

    def _refresh_item(self, item: QListWidgetItem) -> None:
        entry = self._entry(item)
        if entry.shrinking:
            detail = self.tr("making it smaller…")
        elif entry.checking:
            detail = self.tr("checking…")
        elif entry.error is not None:
            detail = entry.error
        else:
            detail = f"{pages_text(entry.page_count or 0)} · {size_text(entry.size_bytes or 0)}"
            if entry.limit_problems:
                detail += "\n" + entry.limit_problems[0]
        item.setText(f"{entry.name}\n{detail}")
        item.setToolTip(f"{entry.path}\n{detail}")
        item.setIcon(self._icon(entry))
        bad = entry.error is not None or bool(entry.limit_problems)
        item.setForeground(QColor("#b3261e") if bad else self.palette().text().color())

    def _icon(self, entry: DocumentEntry) -> QIcon:
        pixmap = QPixmap(THUMB_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        image = QImage.fromData(entry.thumbnail_png) if entry.thumbnail_png else QImage()
        if not image.isNull():
            scaled = image.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            x = (THUMB_SIZE.width() - scaled.width()) // 2
            y = (THUMB_SIZE.height() - scaled.height()) // 2
            painter.drawImage(x, y, scaled)
            painter.setPen(QColor("#9aa0a6"))
            painter.drawRect(x, y, scaled.width() - 1, scaled.height() - 1)
        else:
            style_icon = self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning if entry.error
                else QStyle.StandardPixmap.SP_FileIcon
            )
            painter.drawPixmap((THUMB_SIZE.width() - 32) // 2, (THUMB_SIZE.height() - 32) // 2,
                               style_icon.pixmap(32, 32))
        painter.end()
        return QIcon(pixmap)

    @staticmethod
    def _entry(item: QListWidgetItem) -> DocumentEntry:
        entry = item.data(_ROLE_ENTRY)
        assert isinstance(entry, DocumentEntry)
        return entry
