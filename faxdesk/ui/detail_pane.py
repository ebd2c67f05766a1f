"""The fax detail pane: what a person recognises first (who, what, the outcome in words, their
own file name, the pages), the actions, the timeline of every attempt, the preview; Telnyx's
internal identifiers last, in a collapsed "Technical details" section with copy buttons.

The pane only shows and asks: each action button emits `actionRequested(name)` and the main window
runs it on the worker. Nothing in it can widen the pane: long values are elided (the whole value
is in the tooltip), words wrap, and the buttons flow onto more lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.records import TimelineEntry
from faxdesk.core.rows import FaxRow
from faxdesk.core.timeline_words import timeline_words
from faxdesk.core.translatable import QT_TRANSLATE_NOOP
from faxdesk.ui.fax_actions import (
    FAX_ACTIONS,
    FaxAction,
    cancel_label,
    delete_label,
    enabled_actions,
    read_label,
    shown_actions,
    why_disabled,
)
from faxdesk.ui.icons import icon
from faxdesk.ui.models import display_number, fax_status_icon, fax_status_text, party_text
from faxdesk.ui.texts import (
    direction_text,
    failure_text,
    format_time,
    format_time_long,
    quality_text,
    sentence_text,
    status_icon_name,
)
from faxdesk.ui.widgets import ElidedLabel, FlowLayout, error_label

#: Timeline steps of a send not created on the server yet (see faxdesk.core.rows).
#: Technical details: Telnyx's and FaxDesk's identifiers, for support and for the curious.
_TECHNICAL: tuple[tuple[str, str], ...] = (
    ("id", QT_TRANSLATE_NOOP("FaxDetailPane", "Fax ID:")),
    ("failure_code", QT_TRANSLATE_NOOP("FaxDetailPane", "Failure code:")),
    ("internal_failure", QT_TRANSLATE_NOOP("FaxDetailPane", "Internal reason:")),
    ("application_id", QT_TRANSLATE_NOOP("FaxDetailPane", "Application ID:")),
    ("media_name", QT_TRANSLATE_NOOP("FaxDetailPane", "Media name:")),
    ("client_state", QT_TRANSLATE_NOOP("FaxDetailPane", "Client state:")),
    ("local_file", QT_TRANSLATE_NOOP("FaxDetailPane", "File on this computer:")),
)


#: The size of a page's thumbnail: small enough for two across the narrowest pane.
_THUMBNAIL = QSize(96, 128)


def _copy_icon() -> QIcon:
    themed = QIcon.fromTheme("edit-copy")
    return themed if not themed.isNull() else icon("copy")


def timeline_text(entry: TimelineEntry) -> tuple[str, str]:
    """One timeline step in words, and what else it carried (for the tooltip)."""
    said = timeline_words(entry)
    step = said.with_time(format_time(said.at) if said.at is not None else "")
    text = f"{format_time_long(entry.at)}  {sentence_text(step)}"
    if said.notes:
        text += "\n" + "\n".join(sentence_text(n) for n in said.notes)
    return text, "\n".join(said.hidden)


class FittingList(QListWidget):
    """A list as tall as its entries need, never taller than `limit` pixels (None: no limit);
    beyond the limit it scrolls. Empty, it takes no room at all."""

    def __init__(self, limit: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = limit
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._fit()

    def _fit(self) -> None:
        if self.count() == 0:
            height = 0
        else:
            # The entries as laid out for the current width (word wrap included).
            height = self.contentsSize().height() + 2 * self.frameWidth()
            limit = self._limit()
            if limit is not None:
                height = min(height, limit)
        if height != self.height() or height != self.minimumHeight():
            self.setFixedHeight(height)


class FaxDetailPane(QScrollArea):
    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_pane")
        self.setAccessibleName(self.tr("Fax details"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Nothing in the pane may need a horizontal scrollbar: buttons wrap, values elide.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fax: FaxRow | None = None
        self.application_name: Callable[[str | None], str] = lambda cid: cid or ""
        self.count_selected = 1

        body = QWidget()
        body.setObjectName("detail_body")
        layout = QVBoxLayout(body)

        self.title = QLabel(self.tr("No fax selected"))
        self.title.setObjectName("detail_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)

        self.status_icon = QLabel()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        status_row = QGridLayout()
        status_row.addWidget(self.status_icon, 0, 0)
        status_row.addWidget(self.status_label, 0, 1)
        status_row.setColumnStretch(1, 1)
        layout.addLayout(status_row)

        self.failure = error_label("failure_label")
        self.failure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.failure)

        self.buttons: dict[FaxAction, QPushButton] = {}
        labels = {
            "cancel": (self.tr("&Cancel sending"), "cancel"),
            "retry_now": (self.tr("Retry &now"), "resend"),
            "delete": (self.tr("&Delete…"), "delete"),
            "refresh": (self.tr("Fetch a&gain from Telnyx"), "refresh"),
            "resend": (self.tr("&Resend"), "resend"),
            "save": (self.tr("&Save PDF…"), "save"),
            "open": (self.tr("&Open"), "open"),
            "mark_read": (self.tr("Mark &read"), "mark-read"),
            "print": (self.tr("&Print…"), "print"),
            "report": (self.tr("Transmission re&port…"), "report"),
        }
        self.button_row = QWidget()
        self.button_row.setObjectName("detail_buttons")
        flow = FlowLayout(self.button_row)
        for name in FAX_ACTIONS:
            text, icon_name = labels[name]
            button = QPushButton(icon(icon_name), text)
            button.setObjectName(f"action_{name}")
            button.setProperty("fax_action", name)
            button.clicked.connect(self._button_clicked)
            self.buttons[name] = button
            flow.addWidget(button)
        layout.addWidget(self.button_row)

        details = QGroupBox(self.tr("Details"))
        self.form = QFormLayout(details)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("direction", self.tr("Direction:")),
            ("from", self.tr("From:")),
            ("to", self.tr("To:")),
            ("document", self.tr("Document:")),
            ("pages", self.tr("Pages:")),
            ("application", self.tr("Application:")),
            ("status", self.tr("Status:")),
            ("attempts", self.tr("Attempts:")),
            ("duration", self.tr("Call duration:")),
            ("quality", self.tr("Quality:")),
            ("created", self.tr("Created:")),
            ("updated", self.tr("Updated:")),
            ("note", self.tr("Note:")),
        ):
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.values[key] = value
            self.form.addRow(label, value)
        layout.addWidget(details)

        history = self.history_box = QGroupBox(self.tr("Status timeline"))
        hist_layout = QVBoxLayout(history)
        # As tall as its steps, up to about a dozen lines; a longer history scrolls.
        self.timeline = FittingList(lambda: self.fontMetrics().lineSpacing() * 14)
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(self.tr("Status timeline"))
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(2)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideNone)
        hist_layout.addWidget(self.timeline)
        layout.addWidget(history)

        preview = self.preview_box = QGroupBox(self.tr("Document"))
        prev_layout = QVBoxLayout(preview)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("preview_note")
        self.preview_note.setWordWrap(True)
        self.preview_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The pages in rows that wrap to the pane's width, every row shown whole: the pane
        # itself scrolls, so no page is ever cut at an edge. No pages: no room taken.
        self.thumbnails = FittingList(lambda: None)
        self.thumbnails.setObjectName("thumbnails")
        self.thumbnails.setAccessibleName(self.tr("Pages of the document"))
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setIconSize(_THUMBNAIL)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(True)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbnails.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbnails.itemActivated.connect(self._thumbnail_activated)
        prev_layout.addWidget(self.preview_note)
        prev_layout.addWidget(self.thumbnails)
        layout.addWidget(preview)

        # Technical details: collapsed, elided, each value with a copy button.
        self.technical_toggle = QToolButton()
        self.technical_toggle.setObjectName("technical_toggle")
        self.technical_toggle.setText(self.tr("Technical details"))
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_toggle.setCheckable(True)
        self.technical_toggle.setChecked(False)
        self.technical_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_toggle.setAutoRaise(True)
        self.technical_toggle.toggled.connect(self._toggle_technical)
        layout.addWidget(self.technical_toggle)
        self.technical = QWidget()
        self.technical.setObjectName("technical_details")
        self.tech_form = QFormLayout(self.technical)
        self.tech_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.tech_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tech_values: dict[str, ElidedLabel] = {}
        self.copy_buttons: dict[str, QToolButton] = {}
        for key, label in _TECHNICAL:
            caption = QCoreApplication.translate("FaxDetailPane", label)
            value = ElidedLabel()
            value.setObjectName(f"tech_{key}")
            value.setAccessibleName(caption.rstrip(":："))
            copy = QToolButton()
            copy.setObjectName(f"copy_{key}")
            copy.setIcon(_copy_icon())
            copy.setText(self.tr("Copy"))
            copy.setToolTip(self.tr("Copy {what}").format(what=caption.rstrip(":：")))
            copy.setAccessibleName(copy.toolTip())
            copy.setAutoRaise(True)
            copy.setProperty("copy_key", key)
            copy.clicked.connect(self._copy_clicked)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(value, 1)
            row_layout.addWidget(copy)
            self.tech_values[key] = value
            self.copy_buttons[key] = copy
            self.tech_form.addRow(caption, row)
        self.copy_all = QPushButton(_copy_icon(), self.tr("Copy all technical details"))
        self.copy_all.setObjectName("copy_all_technical")
        self.copy_all.clicked.connect(self.copy_technical)
        self.tech_form.addRow(self.copy_all)
        self.technical.hide()
        layout.addWidget(self.technical)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_fax(None)

    # showing ---------------------------------------------------------------------------------
    def show_fax(self, fax: FaxRow | None, count: int = 1) -> None:
        """Show `fax` (the current one of `count` selected faxes)."""
        same = fax is not None and self.fax is not None and fax.id == self.fax.id
        self.fax = fax
        self.count_selected = count
        if not same:
            self.timeline.clear()
            self.timeline.hide()
            self.thumbnails.clear()
            self._set_preview(False, "")
        if fax is not None and not self.thumbnails.count():
            self._set_preview(False, self._missing_document_note(fax)
                              or self.preview_note.text())
        # Nothing selected: no empty "Status timeline" and "Document" boxes either.
        self.history_box.setVisible(fax is not None)
        self.preview_box.setVisible(fax is not None)
        if fax is None:
            self.title.setText(self.tr("No fax selected"))
            self.status_label.setText(self.tr("Choose a fax in the list to see it here."))
            self.status_icon.clear()
            self.failure.hide()
            for value in self.values.values():
                value.clear()
            for tech in self.tech_values.values():
                tech.set_full_text("")
            self._hide_empty_rows()
            self._update_buttons()
            return
        party = party_text(fax) or self.tr("unknown number")
        if fax.direction == "inbound":
            self.title.setText(self.tr("Fax from {party}").format(party=party))
        else:
            self.title.setText(self.tr("Fax to {party}").format(party=party))
        self.status_icon.setPixmap(icon(fax_status_icon(fax)).pixmap(20, 20))
        status = fax_status_text(fax)
        if count > 1:
            status += "\n" + self.tr("%n faxes selected", "", count)
        self.status_label.setText(status)
        problem = self._problem_text(fax)
        self.failure.setText(problem)
        self.failure.setVisible(bool(problem))
        v = self.values
        v["direction"].setText(direction_text(fax.direction))
        inbound = fax.direction == "inbound"
        v["from"].setText(party if inbound else display_number(fax.from_number or ""))
        v["to"].setText(display_number(fax.to or "") if inbound else party)
        v["document"].setText(fax.document_name or "")
        v["pages"].setText("" if fax.page_count is None else str(fax.page_count))
        v["application"].setText(self.application_name(fax.connection_id))
        # The words only: status_text already shows an unknown status as it came.
        v["status"].setText(fax_status_text(fax))
        v["attempts"].setText(str(fax.attempt) if fax.attempt > 1 else "")
        v["duration"].setText(
            "" if fax.call_duration_secs is None
            else self.tr("{n} s").format(n=fax.call_duration_secs)
        )
        v["quality"].setText(quality_text(fax.quality))
        v["created"].setText(format_time_long(fax.created_at))
        v["updated"].setText(format_time_long(fax.updated_at))
        v["note"].setText(fax.note or "")
        t = self.tech_values
        t["id"].set_full_text(fax.fax_id or "")  # Telnyx's id; a pending send has none yet
        t["failure_code"].set_full_text(fax.failure_reason or "")
        t["internal_failure"].set_full_text(fax.internal_failure_reason or "")
        t["application_id"].set_full_text(fax.connection_id or "")
        t["media_name"].set_full_text(fax.media_name or "")
        t["client_state"].set_full_text(fax.client_state or "")
        t["local_file"].set_full_text(fax.document_path or "")
        self._hide_empty_rows()
        self._update_buttons()

    def _problem_text(self, fax: FaxRow) -> str:
        """What went wrong, or what is being waited for, in words."""
        if fax.pending == "scheduled" and fax.is_retry:
            reason = failure_text(fax.previous_failure) or self.tr("The fax failed.")
            when = format_time(fax.next_attempt_at)
            return self.tr("Attempt {n} failed: {reason}\nFaxDesk tries again at {time}.").format(
                n=fax.attempt - 1, reason=reason, time=when)
        if fax.pending and fax.pending_error:
            return fax.pending_error
        if fax.failure_reason:
            text = failure_text(fax.failure_reason)
            if fax.attempt > 1:
                text = self.tr("Failed after {n} attempts: {reason}").format(n=fax.attempt,
                                                                             reason=text)
            return text
        if fax.direction == "inbound" and fax.download_state == "error" and fax.download_error:
            return fax.download_error
        return ""

    def _hide_empty_rows(self) -> None:
        for value in self.values.values():
            self.form.setRowVisible(value, bool(value.text()))
        any_technical = False
        for key, tech in self.tech_values.items():
            shown = bool(tech.full_text())
            any_technical |= shown
            row = self.copy_buttons[key].parentWidget()
            if row is not None:
                self.tech_form.setRowVisible(row, shown)
        self.technical_toggle.setVisible(any_technical)
        self.technical.setVisible(any_technical and self.technical_toggle.isChecked())

    def _update_buttons(self) -> None:
        fax = self.fax
        shown = shown_actions(fax)
        enabled = enabled_actions(fax)
        for name, button in self.buttons.items():
            button.setVisible(name in shown)
            button.setEnabled(name in enabled)
            button.setToolTip(why_disabled(fax, name))
        if "refresh" in enabled:
            self.buttons["refresh"].setToolTip(self.tr(
                "Ask Telnyx for this fax again, with a new link to its document; FaxDesk "
                "downloads the document if it is not on this computer yet."))
        self.buttons["delete"].setText(delete_label(fax, self.count_selected))
        self.buttons["mark_read"].setText(read_label(fax))
        self.buttons["cancel"].setText(cancel_label(fax))
        self.button_row.setVisible(bool(shown))

    def _toggle_technical(self, expanded: bool) -> None:
        self.technical_toggle.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.technical.setVisible(expanded)

    def _button_clicked(self) -> None:
        button = self.sender()
        name = button.property("fax_action") if button is not None else None
        if isinstance(name, str):
            self.actionRequested.emit(name)

    def _thumbnail_activated(self, _item: QListWidgetItem) -> None:
        self.actionRequested.emit("open")

    def _copy_clicked(self) -> None:
        button = self.sender()
        key = button.property("copy_key") if button is not None else None
        if isinstance(key, str) and key in self.tech_values:
            QGuiApplication.clipboard().setText(self.tech_values[key].full_text())

    def technical_text(self) -> str:
        lines = []
        for key, label in _TECHNICAL:
            value = self.tech_values[key].full_text()
            if value:
                caption = QCoreApplication.translate("FaxDetailPane", label)
                lines.append(f"{caption} {value}")
        return "\n".join(lines)

    def copy_technical(self) -> None:
        QGuiApplication.clipboard().setText(self.technical_text())

    def show_timeline(self, fax_id: str, entries: Sequence[TimelineEntry]) -> None:
        if self.fax is None or self.fax.id != fax_id:
            return
        self.timeline.clear()
        # In time order; steps recorded at the same moment keep the order they were recorded.
        ordered = sorted(entries, key=lambda e: e.at.timestamp() if e.at else float("-inf"))
        for entry in ordered:
            text, extra = timeline_text(entry)
            item = QListWidgetItem(icon(status_icon_name(entry.status)), text)
            if extra:
                item.setToolTip(extra)
            self.timeline.addItem(item)
        self.timeline.setVisible(self.timeline.count() > 0)

    def show_preview(self, fax_id: str, images: Sequence[QImage], note: str = "",
                     pages: int = 0) -> None:
        """The first pages of the fax's document (`pages`: how many it has in all)."""
        if self.fax is None or self.fax.id != fax_id:
            return
        self.thumbnails.clear()
        for number, image in enumerate(images, start=1):
            item = QListWidgetItem(QPixmap.fromImage(image), self.tr("Page {n}").format(n=number))
            self.thumbnails.addItem(item)
        if images and pages > len(images):
            more = self.tr("The first {n} pages are shown here; open the document to see all "
                           "of them.").format(n=len(images))
            note = f"{note}\n{more}" if note else more
        self._set_preview(bool(images), note or self._missing_document_note(self.fax))

    def show_preview_note(self, fax_id: str, note: str) -> None:
        """A sentence instead of pages: loading, or why there are none. Where the pane knows
        better why a fax has no document here, it says that instead."""
        if self.fax is not None and self.fax.id == fax_id:
            self.thumbnails.clear()
            self._set_preview(False, self._missing_document_note(self.fax) or note)

    def _set_preview(self, pages: bool, note: str) -> None:
        # Without pages the list takes no room: the sentence says what there is.
        self.thumbnails.setVisible(pages)
        self.preview_note.setText(note)
        self.preview_note.setVisible(bool(note))

    def _missing_document_note(self, fax: FaxRow) -> str:
        """Why this fax has no document on this computer when that is known for certain from
        the fax itself ("" when it may have one, or is still on its way)."""
        if fax.direction == "inbound":
            if fax.status == "failed":
                return self.tr("Nothing was received, so there is no document.")
            return ""
        if fax.has_document:
            return ""
        if fax.document_path:
            # FaxDesk keeps a copy of every document it sends; this one is gone.
            return self.tr("FaxDesk's copy of the sent document is no longer on this "
                           "computer.")
        # Sent from somewhere else (another computer, the Telnyx portal, another program):
        # Telnyx knows the document's name, but only the sender ever had the document.
        if fax.media_name:
            return self.tr("The document “{name}” was not sent from FaxDesk on this computer, "
                           "so it is not kept here.").format(name=fax.media_name)
        return self.tr("This fax was not sent from FaxDesk on this computer, so its document "
                       "is not kept here.")
