"""Printing a fax through Qt: pages rendered by PDFium painted on a QPrinter, to a PDF file and
through Qt's own CUPS support to a real private cupsd with a printer on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from faxdesk.ui.printing import PrintingError, paint_pages, print_pdf
from faxdesk.ui.worker import Worker
from tests.support.cups import PrivateCups, forget_cups_server
from tests.support.report_checks import marked_pdf, quadrant_means
from tests.support.socket_printer import SocketPrinter


@pytest.fixture
def qt_cups(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateCups]:
    """A private cupsd that Qt's own CUPS support in this process talks to."""
    with PrivateCups() as cups:
        monkeypatch.setenv("CUPS_SERVER", str(cups.socket))
        forget_cups_server()
        try:
            yield cups
        finally:
            monkeypatch.delenv("CUPS_SERVER")
            forget_cups_server()  # later tests talk to their own scheduler again


@pytest.fixture
def worker() -> Iterator[Worker]:
    w = Worker(max_threads=1)
    yield w
    w.shutdown()


def rendered_first_page(pdf: Path) -> tuple[float, float, float, float]:
    from faxdesk.core.documents.preview import render_page

    return quadrant_means(render_page(pdf, 0, 300).convert("L"))


def test_every_page_is_painted_in_order_with_its_content(qtbot: QtBot, tmp_path: Path) -> None:
    fax = marked_pdf(tmp_path / "fax.pdf", pages=3)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pages(printer, fax) == 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3
    tl, tr, bl, br = rendered_first_page(tmp_path / "printed.pdf")
    assert tl < 60 and min(tr, bl, br) > 200  # the first page's black corner came through

    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    assert paint_pages(printer, fax, [1, 2]) == 2
    assert rendered_first_page(tmp_path / "range.pdf")[0] > 200  # starts at page 2
    with pytest.raises(PrintingError, match=r"not in this fax \(3 pages\)"):
        paint_pages(printer, fax, [7])


def test_the_print_dialog_prints_on_a_cups_printer_off_the_gui_thread(
    qtbot: QtBot, worker: Worker, qt_cups: PrivateCups, tmp_path: Path
) -> None:
    with SocketPrinter(tmp_path / "paper") as office:
        qt_cups.add_socket_queue("Office", office.port)
        fax = marked_pdf(tmp_path / "fax.pdf", pages=2)
        done: list[int] = []
        errors: list[str] = []
        dialog = print_pdf(None, worker, fax, "Fax from +16175550134",
                           on_done=done.append, on_error=errors.append)
        qtbot.addWidget(dialog)
        assert dialog.isVisible() and dialog.windowTitle() == "Print fax"
        dialog.printer().setPrinterName("Office")
        dialog.accept()
        qtbot.waitUntil(lambda: bool(done or errors), timeout=30000)
        assert errors == [] and done == [2]
        qtbot.waitUntil(lambda: len(office.jobs()) == 1, timeout=30000)
        printed = office.jobs()[0]
        assert printed.read_bytes().startswith(b"%PDF")  # Qt hands CUPS a PDF
        assert len(PdfReader(printed).pages) == 2
        assert rendered_first_page(printed)[0] < 60
