"""The fax detail pane: every field, the status timeline, failure in words, preview, actions.

The pane only shows and asks: each action button emits `actionRequested(name)` and the main window
runs it on the worker. That keeps one place that decides how actions run and report errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.words import FAILURE_REASONS
from faxdesk.ui.app_dialog import error_label
from faxdesk.ui.fax_actions import FAX_ACTIONS, FaxAction, delete_label, enabled_actions, read_label
from faxdesk.ui.icons import icon
from faxdesk.ui.models import display_number, fax_status_icon, fax_status_text, party_text
from faxdesk.ui.texts import (
    direction_text,
    failure_text,
    format_time_long,
    quality_text,
    status_icon_name,
    status_text,
)

#: Timeline steps of a send not created on the server yet (see faxdesk.core.rows).
_PENDING_STEPS = {
    "preparing": QT_TRANSLATE_NOOP("PendingSend", "Preparing"),
    "uploading": QT_TRANSLATE_NOOP("PendingSend", "Uploading"),
    "waiting": QT_TRANSLATE_NOOP("PendingSend", "Waiting for the network"),
    "held": QT_TRANSLATE_NOOP("PendingSend", "Waiting for a valid API key"),
    "scheduled": QT_TRANSLATE_NOOP("PendingSend", "Automatic retry scheduled"),
    "checking": QT_TRANSLATE_NOOP("PendingSend", "May have been sent; checking with Telnyx"),
    "rejected": QT_TRANSLATE_NOOP("PendingSend", "Rejected"),
}



class FaxDetailPane(QScrollArea):
    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.fax: FaxRow | None = None
        self.application_name: Callable[[str | None], str] = lambda cid: cid or ""

        body = QWidget()
        layout = QVBoxLayout(body)

        self.title = QLabel(self.tr("No fax selected"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        self.status_icon = QLabel()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        status_row = QGridLayout()
        status_row.addWidget(self.status_icon, 0, 0)
        status_row.addWidget(self.status_label, 0, 1)
        status_row.setColumnStretch(1, 1)
        layout.addLayout(status_row)

        self.failure = error_label("failure_label")
        layout.addWidget(self.failure)

        self.buttons: dict[FaxAction, QPushButton] = {}
        grid = QGridLayout()
        labels = {
            "cancel": (self.tr("&Cancel sending"), "cancel"),
            "delete": (self.tr("&Delete…"), "delete"),
            "refresh": (self.tr("Re&fresh link"), "refresh"),
            "resend": (self.tr("&Resend"), "resend"),
            "save": (self.tr("&Save PDF…"), "save"),
            "open": (self.tr("&Open"), "open"),
            "mark_read": (self.tr("Mark &read"), "mark-read"),
            "print": (self.tr("&Print…"), "print"),
            "report": (self.tr("Transmission re&port…"), "report"),
        }
        for position, name in enumerate(FAX_ACTIONS):
            text, icon_name = labels[name]
            button = QPushButton(icon(icon_name), text)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(lambda _checked=False, n=name: self.actionRequested.emit(n))
            self.buttons[name] = button
            grid.addWidget(button, position // 2, position % 2)
        layout.addLayout(grid)

        details = QGroupBox(self.tr("Details"))
        self.form = QFormLayout(details)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("direction", self.tr("Direction:")),
            ("from", self.tr("From:")),
            ("to", self.tr("To:")),
            ("application", self.tr("Application:")),
            ("status", self.tr("Status:")),
            ("pages", self.tr("Pages:")),
            ("duration", self.tr("Call duration:")),
            ("quality", self.tr("Quality:")),
            ("created", self.tr("Created:")),
            ("updated", self.tr("Updated:")),
            ("failure_code", self.tr("Failure code:")),
            ("internal_failure", self.tr("Internal reason:")),
            ("media_name", self.tr("Media name:")),
            ("client_state", self.tr("Client state:")),
            ("note", self.tr("Note:")),
            ("id", self.tr("Fax ID:")),
        ):
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            self.form.addRow(label, value)
        layout.addWidget(details)

        history = QGroupBox(self.tr("Status timeline"))
        hist_layout = QVBoxLayout(history)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setMinimumHeight(90)
        self.timeline.setWordWrap(True)
        hist_layout.addWidget(self.timeline)
        layout.addWidget(history)

        preview = QGroupBox(self.tr("Document"))
        prev_layout = QVBoxLayout(preview)
        self.preview_note = QLabel(self.tr("No document"))
        self.preview_note.setWordWrap(True)
        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("thumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setIconSize(QSize(120, 160))
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMinimumHeight(190)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.itemActivated.connect(lambda _item: self.actionRequested.emit("open"))
        prev_layout.addWidget(self.preview_note)
        prev_layout.addWidget(self.thumbnails)
        layout.addWidget(preview)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_fax(None)

    # showing ---------------------------------------------------------------------------------
    def show_fax(self, fax: FaxRow | None) -> None:
        same = fax is not None and self.fax is not None and fax.id == self.fax.id
        self.fax = fax
        if not same:
            self.timeline.clear()
            self.thumbnails.clear()
            self.preview_note.setText(self.tr("No document"))
        if fax is None:
            self.title.setText(self.tr("No fax selected"))
            self.status_label.clear()
            self.status_icon.clear()
            self.failure.hide()
            for value in self.values.values():
                value.clear()
            self._hide_empty_rows()
            self._update_buttons()
            return
        party = party_text(fax) or self.tr("unknown number")
        if fax.direction == "inbound":
            self.title.setText(self.tr("Fax from {party}").format(party=party))
        else:
            self.title.setText(self.tr("Fax to {party}").format(party=party))
        self.status_icon.setPixmap(icon(fax_status_icon(fax)).pixmap(20, 20))
        self.status_label.setText(fax_status_text(fax))
        if fax.pending and fax.pending_error:
            self.failure.setText(fax.pending_error)
            self.failure.show()
        elif fax.failure_reason:
            self.failure.setText(failure_text(fax.failure_reason))
            self.failure.show()
        else:
            self.failure.hide()
        v = self.values
        v["direction"].setText(direction_text(fax.direction))
        inbound = fax.direction == "inbound"
        v["from"].setText(party if inbound else display_number(fax.from_number or ""))
        v["to"].setText(display_number(fax.to or "") if inbound else party)
        v["application"].setText(self.application_name(fax.connection_id))
        # The words only: status_text already shows an unknown status as it came.
        v["status"].setText(fax_status_text(fax))
        v["pages"].setText("" if fax.page_count is None else str(fax.page_count))
        v["duration"].setText(
            "" if fax.call_duration_secs is None
            else self.tr("{n} s").format(n=fax.call_duration_secs)
        )
        v["quality"].setText(quality_text(fax.quality))
        v["created"].setText(format_time_long(fax.created_at))
        v["updated"].setText(format_time_long(fax.updated_at))
        v["failure_code"].setText(fax.failure_reason or "")
        v["internal_failure"].setText(fax.internal_failure_reason or "")
        v["media_name"].setText(fax.media_name or "")
        v["client_state"].setText(fax.client_state or "")
        v["note"].setText(fax.note or "")
        v["id"].setText(fax.fax_id or "")  # Telnyx's id; a pending send has none yet
        self._hide_empty_rows()
        self._update_buttons()

    def _hide_empty_rows(self) -> None:
        for value in self.values.values():
            self.form.setRowVisible(value, bool(value.text()))

    def _update_buttons(self) -> None:
        enabled = enabled_actions(self.fax)
        for name, button in self.buttons.items():
            button.setEnabled(name in enabled)
        self.buttons["delete"].setText(delete_label(self.fax))
        self.buttons["mark_read"].setText(read_label(self.fax))

    def show_timeline(self, fax_id: str, entries: Sequence[TimelineEntry]) -> None:
        if self.fax is None or self.fax.id != fax_id:
            return
        self.timeline.clear()
        # In time order; steps recorded at the same moment keep the order they were recorded.
        ordered = sorted(entries, key=lambda e: e.at.timestamp() if e.at else float("-inf"))
        for entry in ordered:
            step = _PENDING_STEPS.get(entry.status)
            words = (QCoreApplication.translate("PendingSend", str(step)) if step
                     else status_text(entry.status))
            text = f"{format_time_long(entry.at)}  {words}"
            if entry.detail:
                known = entry.detail in FAILURE_REASONS
                text += f"\n{failure_text(entry.detail) if known else entry.detail}"
            item = QListWidgetItem(icon(status_icon_name(entry.status)), text)
            self.timeline.addItem(item)

    def show_preview(self, fax_id: str, images: Sequence[QImage], note: str = "") -> None:
        if self.fax is None or self.fax.id != fax_id:
            return
        self.thumbnails.clear()
        for number, image in enumerate(images, start=1):
            item = QListWidgetItem(QPixmap.fromImage(image), self.tr("Page {n}").format(n=number))
            self.thumbnails.addItem(item)
        self.preview_note.setText(note)

    def show_preview_note(self, fax_id: str, note: str) -> None:
        if self.fax is not None and self.fax.id == fax_id:
            self.thumbnails.clear()
            self.preview_note.setText(note)
