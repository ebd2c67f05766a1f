"""Print a fax, sent or received, through Qt's print dialog.

Pages are rendered by PDFium (faxdesk.core.documents.preview) in grey at up to 300 dpi, which is
more than a fax carries (about 200 dpi), and painted onto the QPrinter on the worker: Qt allows
painting on a QPrinter outside the GUI thread, so the window stays responsive while a long fax
prints. The dialog is opened with `open()`, not `exec()`, so nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from faxdesk.core import documents as pipeline  # PDFium loads with the first page printed
from faxdesk.core.documents.errors import DocumentError
from faxdesk.ui.worker import TaskRunner

MAX_DPI = 300


class PrintingError(Exception):
    """The fax could not be printed; ``str()`` says why in words."""


def paint_pages(printer: QPrinter, pdf: Path, pages: Sequence[int] | None = None,
                should_stop: Callable[[], bool] | None = None) -> int:
    """Paint `pages` (0-based; all when None) of `pdf` onto `printer`; returns pages painted.
    Blocking: run it on the worker."""
    try:
        count = pipeline.page_count(pdf)
    except DocumentError as exc:
        raise PrintingError(str(exc)) from exc
    wanted = [p for p in (range(count) if pages is None else pages) if 0 <= p < count]
    if not wanted:
        raise PrintingError(QCoreApplication.translate(
            "Printing", "The pages chosen are not in this fax ({count} pages).").format(
                count=count))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintingError(QCoreApplication.translate(
            "Printing", "The printer “{name}” could not be started. Check that it is switched "
            "on and connected.").format(name=printer.printerName() or printer.outputFileName()))
    painted = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for n, index in enumerate(wanted):
            if should_stop is not None and should_stop():
                break
            if n and not printer.newPage():
                raise PrintingError(QCoreApplication.translate(
                    "Printing", "The printer stopped taking pages after page {page}.").format(
                        page=n))
            _paint_page(painter, printer, pdf, index, dpi)
            painted += 1
    except DocumentError as exc:
        printer.abort()
        raise PrintingError(str(exc)) from exc
    finally:
        painter.end()
    return painted


def _paint_page(painter: QPainter, printer: QPrinter, pdf: Path, index: int, dpi: int) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width_px = max(1, round(area.width() * dpi / printer.resolution()))
    height_px = round(area.height() * dpi / printer.resolution())
    image = pipeline.render_page(pdf, index, width_px, height_px)
    gray = image.convert("L")
    qimage = QImage(gray.tobytes(), gray.width, gray.height, gray.width,
                    QImage.Format.Format_Grayscale8).copy()
    # Fit the page in the printable area, centred, keeping its proportions.
    size = QSizeF(qimage.width(), qimage.height())
    size.scale(QSizeF(area.width(), area.height()), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2,
                    size.width(), size.height())
    painter.drawImage(target, qimage)


def print_pdf(parent: QWidget | None, runner: TaskRunner, pdf: Path, title: str, *,
              on_done: Callable[[int], None] | None = None,
              on_error: Callable[[str], None] | None = None) -> QPrintDialog:
    """Ask where to print (Qt's dialog), then print on the worker. Returns the open dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(False)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print fax"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        count = pipeline.page_count(pdf)
    except DocumentError as exc:
        if on_error is not None:
            on_error(str(exc))
        return dialog
    dialog.setMinMax(1, max(1, count))

    def accepted() -> None:
        pages = _chosen_pages(printer, count)
        runner.submit(paint_pages, printer, pdf, pages,
                      on_done=lambda n: on_done(n) if on_done is not None else None,
                      on_error=lambda exc: on_error(_words(exc)) if on_error is not None
                      else None)

    dialog.accepted.connect(accepted)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # what QDialog.open() does
    dialog.show()
    return dialog


def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = printer.fromPage(), printer.toPage()
        if first > 0 and last >= first:
            return list(range(first - 1, min(last, count)))
    return list(range(count))


def _words(exc: BaseException) -> str:
    if isinstance(exc, PrintingError | DocumentError):
        return str(exc)
    return QCoreApplication.translate("Printing", "The fax could not be printed. Check the "
                                                  "printer and try again.")
