"""Drag and drop of documents (PDF and images) onto any widget.

A :class:`DropZone` watches one widget through an event filter, so the widget needs no subclass:
the main window gets it with one line, ``self.dropzone = DropZone(self)`` plus
``self.dropzone.filesDropped.connect(self.open_send_dialog)``. A drag is accepted when it carries
at least one local file FaxDesk can send; the drop emits the usable files (absolute paths, in the
order dropped) and, separately, the ones it refused, so the caller can say why in words.
The documents themselves are checked later by the document intake (contents, page counts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

#: File types Telnyx accepts (fax-api.md: PDF, TIFF, JPEG, PNG) and the intake converts.
ACCEPTED_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def split_files(mime: QMimeData | None) -> tuple[list[str], list[str]]:
    """(usable, refused) local file paths from drag data; refused = not a file or not a type
    FaxDesk can send. Non-file URLs (web links) are refused by their text."""
    usable: list[str] = []
    refused: list[str] = []
    if mime is None or not mime.hasUrls():
        return usable, refused
    for url in mime.urls():
        if not url.isLocalFile():
            refused.append(url.toString())
            continue
        path = Path(url.toLocalFile()).absolute()
        if path.suffix.lower() in ACCEPTED_SUFFIXES and path.is_file():
            usable.append(str(path))
        else:
            refused.append(str(path))
    return usable, refused


def refused_message(refused: list[str]) -> str:
    """Why dropped items were not taken, in words (empty when nothing was refused)."""
    if not refused:
        return ""
    names = ", ".join(f"“{Path(p).name or p}”" for p in refused[:3])
    if len(refused) > 3:
        names += QCoreApplication.translate("DropZone", " and {n} more").format(n=len(refused) - 3)
    return QCoreApplication.translate(
        "DropZone",
        "{names} cannot be faxed: FaxDesk sends PDF documents and PNG, JPEG or TIFF images.",
    ).format(names=names)


class DropZone(QObject):
    """Makes ``widget`` accept dropped documents; emits what was dropped."""

    filesDropped = Signal(list)  # list[str]: absolute paths of usable documents
    filesRefused = Signal(list)  # list[str]: what was dropped but cannot be sent
    dragActive = Signal(bool)  # True while an acceptable drag hovers (for a highlight)

    def __init__(self, widget: QWidget) -> None:
        # The widget is only the parent (no Python reference back to it): a dialog that keeps
        # its drop zone in an attribute makes no reference cycle with it.
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.parent():
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent, QDropEvent))
            mime = event.mimeData()
            # Drags without files (e.g. reordering rows inside a list) belong to the widget.
            if mime is None or not mime.hasUrls():
                return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            usable, _ = split_files(event.mimeData())
            if usable:
                event.acceptProposedAction()
                if kind == QEvent.Type.DragEnter:
                    self.dragActive.emit(True)
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragLeave:
            self.dragActive.emit(False)
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            usable, refused = split_files(event.mimeData())
            self.dragActive.emit(False)
            if usable:
                event.acceptProposedAction()
            else:
                event.ignore()
            if refused:
                self.filesRefused.emit(refused)
            if usable:
                self.filesDropped.emit(usable)
            return True
        return False
