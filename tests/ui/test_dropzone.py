"""Dropping documents onto a widget: PDFs and images are taken, everything else is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from faxdesk.ui.dropzone import DropZone, refused_message


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _drag_enter(widget: QWidget, mime: QMimeData) -> bool:
    event = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _drop(widget: QWidget, mime: QMimeData) -> bool:
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_drop_takes_documents_and_refuses_the_rest(qtbot: QtBot, tmp_path: Path) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    zone = DropZone(widget)
    assert widget.acceptDrops()
    pdf = tmp_path / "Invoice.PDF"
    scan = tmp_path / "scan.tiff"
    notes = tmp_path / "notes.txt"
    for f in (pdf, scan, notes):
        f.write_bytes(b"x")
    dropped: list[list[str]] = []
    refused: list[list[str]] = []
    zone.filesDropped.connect(dropped.append)
    zone.filesRefused.connect(refused.append)

    # Keep the mime data alive while the events use it (a temporary crashes Qt).
    mime = _mime(QUrl.fromLocalFile(str(pdf)), QUrl.fromLocalFile(str(notes)),
                 QUrl("https://example.com/a.pdf"), QUrl.fromLocalFile(str(scan)),
                 QUrl.fromLocalFile(str(tmp_path)))
    assert _drag_enter(widget, mime)
    assert _drop(widget, mime)
    assert dropped == [[str(pdf), str(scan)]]
    assert refused == [[str(notes), "https://example.com/a.pdf", str(tmp_path)]]
    message = refused_message(refused[0])
    assert "“notes.txt”" in message and "PDF" in message


def test_drag_of_nothing_sendable_is_not_accepted(qtbot: QtBot, tmp_path: Path) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    zone = DropZone(widget)
    notes = tmp_path / "notes.txt"
    notes.write_text("hi")
    missing = tmp_path / "gone.pdf"  # deleted between drag and drop
    dropped: list[list[str]] = []
    zone.filesDropped.connect(dropped.append)
    mime = _mime(QUrl.fromLocalFile(str(notes)), QUrl.fromLocalFile(str(missing)))
    assert not _drag_enter(widget, mime)
    assert not _drop(widget, mime)
    text_only = QMimeData()
    text_only.setText("just text")
    assert not _drag_enter(widget, text_only)
    assert dropped == []


def test_refused_message_names_a_few_and_counts_the_rest() -> None:
    assert refused_message([]) == ""
    msg = refused_message([f"/tmp/f{i}.doc" for i in range(5)])
    assert "“f0.doc”, “f1.doc”, “f2.doc” and 2 more" in msg
