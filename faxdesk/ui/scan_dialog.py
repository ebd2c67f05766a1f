"""Scan to fax: pick a scanner, scan one page or the whole feeder, get one PDF for the send dialog.

Every SANE call (listing, options, the scan itself) runs on the worker; progress comes back
through an EventBridge, so the window stays responsive and Cancel works at any time. With no
scanner, or no SANE at all, the dialog says so in words instead of failing. The send dialog's
"Scan…" button opens it and adds what `scanned` carries to its document list.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core import scanning
from faxdesk.core.scanning import (
    ScanCancelled,
    ScanError,
    ScannerDevice,
    ScannerOptions,
    ScanProgress,
    ScanResult,
    ScanSettings,
)
from faxdesk.ui.widgets import error_label
from faxdesk.ui.worker import EventBridge, TaskRunner


def scanning_unavailable() -> str | None:
    """Why scanning cannot work on this computer (for the Scan… button's tooltip), or None."""
    try:
        scanning.scanimage_program()
    except ScanError as exc:
        return str(exc)
    return None


class ScanDialog(QDialog):
    scanned = Signal(list)  # [str]: the PDF made from the scanned pages

    def __init__(self, runner: TaskRunner, work_dir: Path, parent: QWidget | None = None,
                 *, engine: ModuleType = scanning) -> None:
        """`engine` provides list_devices / device_options / scan (the core module)."""
        super().__init__(parent)
        self._runner = runner
        self._work_dir = work_dir
        self._engine = engine
        self._devices: list[ScannerDevice] = []
        self._options: dict[str, ScannerOptions] = {}
        self._cancel: threading.Event | None = None
        self._result: ScanResult | None = None
        self._closing = False
        self.setWindowTitle(self.tr("Scan"))
        self.setMinimumWidth(440)

        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Scanner"))
        self.device_combo.currentIndexChanged.connect(self._device_chosen)
        self.refresh_button = QPushButton(self.tr("Look again"))
        self.refresh_button.clicked.connect(lambda: self.find_scanners())
        device_row = QHBoxLayout()
        device_row.addWidget(self.device_combo, 1)
        device_row.addWidget(self.refresh_button)

        self.bw_radio = QRadioButton(self.tr("Black and white (text)"))
        self.gray_radio = QRadioButton(self.tr("Grey (photos)"))
        self.bw_radio.setChecked(True)
        self._colors = QButtonGroup(self)
        self._colors.addButton(self.bw_radio)
        self._colors.addButton(self.gray_radio)
        colors = QHBoxLayout()
        colors.addWidget(self.bw_radio)
        colors.addWidget(self.gray_radio)
        colors.addStretch(1)
        self.feeder_check = QCheckBox(self.tr("Every page in the document feeder"))
        self.feeder_check.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Scanner:"), device_row)
        form.addRow(self.tr("Colour:"), colors)
        form.addRow("", self.feeder_check)

        self.status_label = QLabel()
        self.status_label.setObjectName("scanStatus")
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.error = error_label("scanError")

        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.setDefault(True)
        self.scan_button.setEnabled(False)
        self.scan_button.clicked.connect(self._scan_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self._progress_bridge = EventBridge(self)
        self._progress_bridge.received.connect(self._on_progress)
        self.find_scanners()

    # --- scanners --------------------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        return self._cancel is not None

    def find_scanners(self, *, keep_error: bool = False) -> None:
        self._set_busy_finding(True)
        self.status_label.setText(self.tr("Looking for scanners…"))
        if not keep_error:
            self.error.hide()
        if not self._runner.submit(self._engine.list_devices, on_done=self._devices_found,
                                   on_error=self._devices_failed):
            self._set_busy_finding(False)

    def _set_busy_finding(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.device_combo.setEnabled(not busy)
        self.scan_button.setEnabled(not busy and bool(self._devices))

    def _devices_found(self, devices: list[ScannerDevice]) -> None:
        if self._closing:
            return
        self._devices = list(devices)
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        for device in self._devices:
            self.device_combo.addItem(device.label, device.name)
        self.device_combo.blockSignals(False)
        self._set_busy_finding(False)
        if not self._devices:
            self.status_label.setText(self.tr(
                "No scanner found. Connect a scanner and switch it on, then click Look again."))
            return
        self.status_label.setText(self.tr("Put the page on the glass, or the pages in the "
                                          "feeder, and click Scan."))
        self._device_chosen()

    def _devices_failed(self, exc: BaseException) -> None:
        if self._closing:
            return
        self._devices = []
        self.device_combo.clear()
        self._set_busy_finding(False)
        self.status_label.setText("")
        self._show_error(exc)

    def _device_chosen(self, *_args: object) -> None:
        name = self.device_combo.currentData()
        if not name:
            return
        if name in self._options:
            self._apply_options(name, self._options[name])
            return
        self.feeder_check.setEnabled(False)
        self._runner.submit(self._engine.device_options, name,
                            on_done=lambda opts: self._apply_options(name, opts),
                            on_error=self._options_failed)

    def _apply_options(self, name: str, options: ScannerOptions) -> None:
        if self._closing:
            return
        self._options[name] = options
        if self.device_combo.currentData() == name:
            self.feeder_check.setEnabled(options.has_feeder)
            if not options.has_feeder:
                self.feeder_check.setChecked(False)

    def _options_failed(self, exc: BaseException) -> None:
        if not self._closing:
            self._show_error(exc)

    # --- scanning --------------------------------------------------------------------------

    def settings(self) -> ScanSettings:
        return ScanSettings(device=str(self.device_combo.currentData()),
                            color="gray" if self.gray_radio.isChecked() else "bw",
                            feeder=self.feeder_check.isChecked())

    def _scan_clicked(self) -> None:
        if self._result is not None:  # "Add the pages" after a partial scan
            self._deliver(self._result)
            return
        if self.scanning or not self.device_combo.currentData():
            return
        settings = self.settings()
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
        dest = self._work_dir / self.tr("Scan {time}.pdf").format(time=stamp)
        self._cancel = threading.Event()
        self._set_scanning(True)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("Starting the scanner…"))
        submitted = self._runner.submit(
            self._engine.scan, settings, dest, progress=self._progress_bridge.post,
            cancel=self._cancel, options=self._options.get(settings.device),
            on_done=self._scan_done, on_error=self._scan_failed)
        if not submitted:
            self._cancel = None
            self._set_scanning(False)

    def _set_scanning(self, active: bool) -> None:
        for widget in (self.device_combo, self.refresh_button, self.bw_radio, self.gray_radio):
            widget.setEnabled(not active)
        self.feeder_check.setEnabled(not active and self._current_has_feeder())
        self.scan_button.setEnabled(not active and bool(self._devices))
        self.progress.setVisible(active)
        self.error.hide()

    def _current_has_feeder(self) -> bool:
        options = self._options.get(str(self.device_combo.currentData()))
        return bool(options and options.has_feeder)

    def _on_progress(self, step: object) -> None:
        if not isinstance(step, ScanProgress) or not self.scanning or self._cancel_requested():
            return
        self.progress.setValue(int(step.percent))
        self.status_label.setText(self.tr("Scanning page {page}… {percent} %").format(
            page=step.page, percent=int(step.percent)))

    def _cancel_requested(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def _scan_done(self, result: ScanResult) -> None:
        self._cancel = None
        if self._closing:
            return
        self._set_scanning(False)
        if result.warning:
            # Some pages came through before a problem: show it, let the person keep them.
            self._result = result
            self.error.setText(result.warning)
            self.error.show()
            self.status_label.setText(self.tr("%n page(s) scanned.", "", result.pages))
            self.scan_button.setText(self.tr("Add the scanned pages"))
            return
        self._deliver(result)

    def _deliver(self, result: ScanResult) -> None:
        self.scanned.emit([str(result.document)])
        self.accept()

    def _scan_failed(self, exc: BaseException) -> None:
        self._cancel = None
        if self._closing:
            return
        self._set_scanning(False)
        if isinstance(exc, ScanCancelled):
            self.status_label.setText(self.tr("The scan was cancelled."))
            return
        self.status_label.setText("")
        self._show_error(exc)
        if isinstance(exc, ScanError) and exc.kind == "gone":
            self._options.clear()
            self.find_scanners(keep_error=True)  # the list may have changed

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ScanError):
            text = str(exc)
        else:  # never a class name or a traceback in front of a person
            text = self.tr("The scanner could not be used. Check it and try again.")
        self.error.setText(text)
        self.error.show()

    # --- cancelling and closing ------------------------------------------------------------

    def _cancel_clicked(self) -> None:
        if self.scanning:
            self.cancel_scan()
        else:
            self.reject()

    def cancel_scan(self) -> None:
        if self._cancel is not None and not self._cancel.is_set():
            self._cancel.set()
            self.status_label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        self.cancel_scan()
        self._closing = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_scan()
        self._closing = True
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.scanning:
            self.cancel_scan()  # Esc stops the scan first; a second Esc closes
            return
        super().keyPressEvent(event)
