"""The send dialog's two forms: the cover page (`CoverForm`) and the SendFax options
(`OptionsForm`). Each turns its fields into the core's value (`CoverDetails`, `SendOptions`) and
says when a field changed; the dialog decides what to do with them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from faxdesk.core.sending import QUALITIES, CoverDetails, Quality, SendOptions
from faxdesk.ui.i18n import available_languages, language_name
from faxdesk.ui.places import documents_folder
from faxdesk.ui.texts import cover_words


def ui_language() -> str:
    """The catalogue language the window shows now ("en", "zh_CN")."""
    name = QLocale().name()
    languages = available_languages()
    if name in languages:
        return name
    return next((lang for lang in languages if lang.split("_")[0] == name.split("_")[0]),
                "en")


class CoverForm(QGroupBox):
    """A checkable "Add a cover page" box with the cover's fields."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a cover page"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.toggled.connect(self.changed)
        self.to_name = QLineEdit()
        self.to_name.setPlaceholderText(self.tr("From the contact when empty"))
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("From the contact when empty"))
        self.from_name = QLineEdit()
        self.from_company = QLineEdit()
        self.subject = QLineEdit()
        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(70)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("PNG or JPEG (optional)"))
        self.logo_browse = QPushButton(self.tr("Browse…"))
        self.logo_browse.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.logo_browse)
        self.language = QComboBox()
        self.language.setObjectName("coverLanguage")
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        # The cover's own language: the recipient may read another language than the sender.
        self.language.setCurrentIndex(max(0, self.language.findData(ui_language())))
        self.language.setToolTip(self.tr(
            "The language of the cover page's labels and date; the window's language by "
            "default"))
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("To:"), self.to_name)
        self.form.addRow(self.tr("Their company:"), self.company)
        self.form.addRow(self.tr("From:"), self.from_name)
        self.form.addRow(self.tr("Your company:"), self.from_company)
        self.form.addRow(self.tr("Subject:"), self.subject)
        self.form.addRow(self.tr("Message:"), self.message)
        self.form.addRow(self.tr("Logo:"), logo_row)
        self.form.addRow(self.tr("Cover language:"), self.language)
        for edit in (self.to_name, self.company, self.from_name, self.from_company,
                     self.subject, self.logo):
            edit.textChanged.connect(self.changed)
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.logo_browse.setAccessibleName(self.tr("Choose the logo file"))
        self.setAccessibleName(self.tr("Add a cover page"))

    def fields(self) -> list[QWidget]:
        """The form's controls in reading order (for the dialog's tab order)."""
        return [self, self.to_name, self.company, self.from_name, self.from_company,
                self.subject, self.message, self.logo, self.logo_browse, self.language]

    def details(self) -> CoverDetails | None:
        """The cover page asked for, or None when none is."""
        if not self.isChecked():
            return None
        logo = self.logo.text().strip()
        return CoverDetails(
            to_name=self.to_name.text().strip(),
            company=self.company.text().strip(),
            from_name=self.from_name.text().strip(),
            from_company=self.from_company.text().strip(),
            subject=self.subject.text().strip(),
            message=self.message.toPlainText().strip(),
            logo=Path(logo) if logo else None,
            words=cover_words(str(self.language.currentData() or "en")),
        )

    def _remembered(self) -> dict[str, QLineEdit]:
        """The sender's own details: they stay from one fax (and session) to the next."""
        return {"from": self.from_name, "from_company": self.from_company, "logo": self.logo}

    def restore_sender(self, state: QSettings) -> None:
        for key, edit in self._remembered().items():
            value = state.value(f"send/cover/{key}")
            if isinstance(value, str) and value:
                edit.setText(value)

    def remember_sender(self, state: QSettings) -> None:
        for key, edit in self._remembered().items():
            state.setValue(f"send/cover/{key}", edit.text().strip())
        state.sync()

    def _browse_logo(self) -> None:
        start = self.logo.text().strip() or str(documents_folder())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), start,
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)


class OptionsForm(QWidget):
    """The SendFax options (fax-api.md, SendFaxRequest), one control per row so that they fit
    a narrow column."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quality = QComboBox()
        for value, label in zip(QUALITIES, (
            self.tr("Normal"), self.tr("High (recommended)"), self.tr("Very high"),
            self.tr("Ultra light (for photos and images)"),
            self.tr("Ultra dark (for faint text)"),
        ), strict=True):
            self.quality.addItem(label, value)
        self.quality.setCurrentIndex(QUALITIES.index("high"))
        # Short, so that the options fit a small window; the advice is in the tooltip.
        self.t38 = QCheckBox(self.tr("Use T.38 (recommended)"))
        self.t38.setToolTip(self.tr("Use T.38 (recommended; turn off if faxes to this "
                                    "machine keep failing)"))
        self.t38.setChecked(True)
        self.mono = QCheckBox(self.tr("Pure black and white"))
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(95)
        self.threshold.setSuffix("%")  # "95%", as English and Chinese write it
        self.threshold.setEnabled(False)
        self.mono.toggled.connect(self.threshold.setEnabled)
        self.keep_preview = QCheckBox(self.tr("Keep a preview on Telnyx (for 10 minutes)"))
        self.preview_format = QComboBox()
        self.preview_format.addItem("TIFF", "tiff")
        self.preview_format.addItem("PDF", "pdf")
        self.preview_format.setEnabled(False)
        self.keep_preview.toggled.connect(self.preview_format.setEnabled)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Your fax number when empty"))
        self.display_name.setMaxLength(128)
        self.display_name.textChanged.connect(self.changed)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Quality:"), self.quality)
        self.form.addRow("", self.t38)
        self.form.addRow("", self.mono)
        self.form.addRow(self.tr("Black threshold:"), self.threshold)
        self.form.addRow("", self.keep_preview)
        self.form.addRow(self.tr("Preview format:"), self.preview_format)
        self.form.addRow(self.tr("Caller name:"), self.display_name)
        self.threshold.setAccessibleName(self.tr("Black threshold"))
        self.preview_format.setAccessibleName(self.tr("Preview format"))

    def fields(self) -> list[QWidget]:
        """The form's controls in reading order (for the dialog's tab order)."""
        return [self.quality, self.t38, self.mono, self.threshold, self.keep_preview,
                self.preview_format, self.display_name]

    def options(self) -> SendOptions:
        """The SendFax options the user chose (only what differs from Telnyx's defaults)."""
        quality: Quality = self.quality.currentData()
        mono = self.mono.isChecked()
        preview = self.keep_preview.isChecked()
        return SendOptions(
            quality=quality,
            t38_enabled=None if self.t38.isChecked() else False,
            monochrome=True if mono else None,
            black_threshold=self.threshold.value() if mono else None,
            store_preview=True if preview else None,
            preview_format=self.preview_format.currentData() if preview else None,
            from_display_name=self.display_name.text().strip() or None,
        )
