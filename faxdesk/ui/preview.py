"""Page thumbnails of a PDF as QImages, rendered on the worker (QImage is safe off the GUI
thread), and the send dialog's preview of the assembled fax. The rendering itself is the core's
(faxdesk.core.documents.preview), which holds the one PDFium lock: PDFium is not thread-safe."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PIL.Image import Image


def render_thumbnails(
    path: Path, *, width: int = 160, max_pages: int = 12
) -> tuple[int, list[QImage]]:
    """(page count, thumbnails of the first `max_pages` pages); blocking, worker only."""
    from faxdesk.core.documents.preview import iter_thumbnails

    count = 0
    images: list[QImage] = []
    for thumb in iter_thumbnails(path, width, int(width * 1.5)):
        count = thumb.page_count
        if thumb.index >= max_pages:
            break
        images.append(_to_qimage(thumb.image))
    return count, images


def _to_qimage(pil: Image) -> QImage:
    rgb = pil.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # detach from the Python buffer


class FaxPreviewDialog(QDialog):
    """The assembled fax, page by page, as it will be sent (the send dialog fills it from the
    worker). Send from here, or close it and change something."""

    PAGE_WIDTH = 300
    send_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faxPreview")
        self.setWindowTitle(self.tr("Preview of the fax"))
        self.heading = QLabel()
        self.heading.setObjectName("previewHeading")
        self.heading.setWordWrap(True)
        self.pages = QListWidget()
        self.pages.setObjectName("previewPages")
        self.pages.setAccessibleName(self.tr("Pages of the fax"))
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setIconSize(QSize(self.PAGE_WIDTH, int(self.PAGE_WIDTH * 1.3)))
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(8)
        self.pages.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = self.buttons.addButton(self.tr("Send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("previewSend")
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._recipient = ""
        self._recipients = 1
        self.setMinimumSize(520, 420)
        self.resize(760, 620)

    def show_loading(self, recipient: str, recipients: int) -> None:
        self._recipient = recipient
        self._recipients = recipients
        self.heading.setText(self.tr("Putting the fax together…"))

    def show_pages(self, result: tuple[int, list[QImage]]) -> None:
        count, images = result
        if self._recipients > 1:
            text = self.tr("{pages} to {recipient}, as it will be sent (each of the {n} "
                           "recipients gets the same pages, with their own cover page).")
        else:
            text = self.tr("{pages} to {recipient}, as it will be sent.")
        from faxdesk.ui.send_documents import pages_text

        self.heading.setText(text.format(
            pages=pages_text(count), recipient=self._recipient,
            n=self._recipients))
        self.pages.clear()
        for index, image in enumerate(images):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)),
                                   self.tr("Page {n}").format(n=index + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addItem(item)
        self.send_button.setEnabled(True)
        self.send_button.setFocus()

    def show_error(self, exc: BaseException) -> None:
        from faxdesk.ui.texts import error_text

        self.heading.setText(self.tr("The fax cannot be shown:\n{error}").format(
            error=error_text(exc)))

    def _send(self) -> None:
        self.send_requested.emit()
        self.accept()
