"""Settings: API key (keyring or session only), connection, defaults, polling, webhooks, alerts."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from faxdesk.api.models import FaxApplication, PhoneNumber
from faxdesk.core import printers
from faxdesk.core.settings import SettingError, Settings
from faxdesk.ui.i18n import available_languages, language_name
from faxdesk.ui.places import documents_folder
from faxdesk.ui.texts import error_text
from faxdesk.ui.widgets import ERROR_STYLE, error_label
from faxdesk.ui.worker import Worker

OK_STYLE = "color: #1b5e20;"
CHANGED_STYLE = "color: #8a5300;"
MIN_WIDTH = 560


def note_style(widget: QWidget) -> str:
    """Quieter than the text around it and still readable, on a light window or a dark one:
    the window's text colour, a third of the way towards its background."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    red, green, blue = (round(t * 0.7 + b * 0.3) for t, b in (
        (text.red(), back.red()), (text.green(), back.green()), (text.blue(), back.blue())))
    return f"color: rgb({red}, {green}, {blue});"


# A web address in running text, without the sentence's closing punctuation (ASCII or CJK).
_CJK_PUNCTUATION = r"\u3000-\u303f\uff00-\uffef"
_URL = re.compile(rf"https?://[^\s{_CJK_PUNCTUATION}]*[^\s.,;:!?){_CJK_PUNCTUATION}]")
# Invisible; forbids a line break between the characters either side.
_WORD_JOINER = "\u2060"


def whole_urls(text: str) -> str:
    """`text` with every web address kept on one line when a label wraps it (a line break
    after "http://" leaves two halves that look like neither an address nor words)."""
    return _URL.sub(lambda match: _WORD_JOINER.join(match.group(0)), text)


def country_choices() -> list[tuple[str, str]]:
    """(name, ISO code) of every country a fax number can belong to, by name, with its
    dialling code: "United States (+1)"."""
    import phonenumbers
    from PySide6.QtCore import QLocale

    out = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        territory = QLocale.codeToTerritory(code)
        name = QLocale.territoryToString(territory) if territory.value else code
        out.append((f"{name} (+{phonenumbers.country_code_for_region(code)})", code))
    return sorted(out, key=lambda pair: pair[0].casefold())


class KeyStoreLike(Protocol):
    persistent: bool

    def get_key(self) -> str | None: ...
    def set_key(self, key: str) -> None: ...
    def delete_key(self) -> None: ...


@dataclass
class SettingsServices:
    """What the dialog needs from outside; every callable runs on the worker."""

    #: The store for a `key_storage` value ("keyring" / "session").
    key_store: Callable[[str], KeyStoreLike]
    #: Tries a key against a base URL; returns a short success text or raises.
    test_connection: Callable[[str, str], str]
    #: Persists the new settings.
    save_settings: Callable[[Settings], object]
    #: Applications and numbers for the default pickers (may be empty when offline).
    applications: Sequence[FaxApplication] = ()
    list_numbers: Callable[[str], Sequence[PhoneNumber]] | None = None
    #: The sandbox's API address while FaxDesk runs on the sandbox ("" on an account): the
    #: dialog then says so instead of showing the account's key and address as if in use.
    sandbox_url: str = ""


class SettingsDialog(QDialog):
    def __init__(
        self,
        worker: Worker,
        settings: Settings,
        services: SettingsServices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._settings = settings
        self._services = services
        self.saved_settings: Settings | None = None
        self.saved_key: str | None = None
        self._key_loaded = False
        self.setWindowTitle(self.tr("FaxDesk settings"))
        self.setMinimumWidth(MIN_WIDTH)

        self.tabs = QTabWidget()
        self.sandbox_url = services.sandbox_url
        self.restart_needed = False
        self.tabs.addTab(self._account_tab(), self.tr("&Account"))
        self.tabs.addTab(self._sending_tab(), self.tr("&Sending"))
        self.tabs.addTab(self._updates_tab(), self.tr("Status &checks"))
        self.tabs.addTab(self._office_tab(), self.tr("&Print and scan"))
        self.tabs.addTab(self._advanced_tab(), self.tr("Ad&vanced"))

        self.error = error_label("error_general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load_key()

    # size ------------------------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:
        """Tall enough for the tallest tab, hidden ones too, at the narrowest width: wrapped
        words need more lines when narrow, and Qt's own minimum leaves them out."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return hint
        width = max(hint.width(), MIN_WIDTH)
        return QSize(width, max(hint.height(), layout.totalMinimumHeightForWidth(width)))

    def event(self, event: QEvent) -> bool:
        # Words shown or changed later (a key message, a test result, the sandbox banner) can
        # need more lines; the layout has taken them into account by the time this arrives.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._keep_every_tab_whole()
        return super().event(event)

    def _keep_every_tab_whole(self) -> None:
        needed = self.minimumSizeHint()
        if needed != self.minimumSize():
            self.setMinimumSize(needed)  # also makes a dialog that is too short taller

    # tabs ------------------------------------------------------------------------------------
    def _account_tab(self) -> QWidget:
        s = self._settings
        page = QWidget()
        form = QFormLayout(page)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("KEY… from the Telnyx portal (API Keys)"))
        self.show_key = QCheckBox(self.tr("Show"))
        self.show_key.toggled.connect(
            lambda on: self.api_key.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.show_key)
        key_label = QLabel(self.tr("API &key:"))
        key_label.setBuddy(self.api_key)  # a label given with a layout gets no mnemonic
        form.addRow(key_label, key_row)

        self.session_only = QCheckBox(
            self.tr("Keep the key for this session only (forgotten when FaxDesk closes)")
        )
        self.session_only.setChecked(s.key_storage == "session")
        self.session_only.toggled.connect(lambda _on: self._load_key())
        form.addRow("", self.session_only)

        self.keyring_message = QLabel()
        self.keyring_message.setObjectName("keyring_message")
        _wrap(self.keyring_message)
        self.keyring_message.hide()
        form.addRow("", self.keyring_message)

        self.sandbox_note = QLabel(self.tr(
            "FaxDesk runs on the built-in sandbox now: it needs no API key, and nothing is "
            "sent for real. A key saved here is used when FaxDesk starts with your account."))
        self.sandbox_note.setObjectName("sandbox_note")
        _wrap(self.sandbox_note)
        self.sandbox_note.setVisible(bool(self.sandbox_url))
        form.addRow("", self.sandbox_note)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self._test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)
        return page

    def _sending_tab(self) -> QWidget:
        s = self._settings
        page = QWidget()
        form = QFormLayout(page)
        self.default_app = QComboBox()
        self.default_app.addItem(self.tr("(none)"), "")
        for app in self._services.applications:
            self.default_app.addItem(app.application_name or app.id, app.id)
        _select(self.default_app, s.default_application_id)
        self.default_app.currentIndexChanged.connect(lambda _i: self._load_numbers())
        form.addRow(self.tr("Default &application:"), self.default_app)

        self.default_from = QComboBox()
        self.default_from.setEditable(True)
        self.default_from.setCurrentText(s.default_from_number)
        form.addRow(self.tr("Default &sending number:"), self.default_from)

        self.country = QComboBox()
        self.country.setObjectName("country")
        for name, code in country_choices():
            self.country.addItem(name, code)
        self.country.setCurrentIndex(max(0, self.country.findData(s.default_country)))
        self.country.setToolTip(
            self.tr("Numbers typed without a + and a country code are dialled in this country")
        )
        form.addRow(self.tr("Default &country:"), self.country)

        box = QGroupBox(self.tr("Notifications"))
        column = QVBoxLayout(box)
        self.notify_delivered = QCheckBox(self.tr("When a fax is &delivered"))
        self.notify_failed = QCheckBox(self.tr("When a fax &fails"))
        self.notify_received = QCheckBox(self.tr("When a fax is &received"))
        for check, value in (
            (self.notify_delivered, s.notify_delivered),
            (self.notify_failed, s.notify_failed),
            (self.notify_received, s.notify_received),
        ):
            check.setChecked(bool(value))
            column.addWidget(check)
        form.addRow(box)
        self._load_numbers()
        return page

    def _updates_tab(self) -> QWidget:
        s = self._settings
        page = QWidget()
        layout = QVBoxLayout(page)
        polling = QGroupBox(self.tr("How often FaxDesk asks Telnyx about your faxes (polling)"))
        form = QFormLayout(polling)
        unit = self.tr(" s")  # after a number of seconds: "5 s"
        self.poll_fast = _seconds(1, 3600, s.poll_fast_secs, unit)
        self.poll_slow = _seconds(1, 86400, s.poll_slow_secs, unit)
        form.addRow(self.tr("While &faxes are in progress, every:"), self.poll_fast)
        form.addRow(self.tr("When &idle, every:"), self.poll_slow)
        layout.addWidget(polling)

        hooks = QGroupBox(self.tr("Webhook listener (instant updates)"))
        form = QFormLayout(hooks)
        self.webhook_enabled = QCheckBox(self.tr("&Listen for Telnyx webhooks"))
        self.webhook_enabled.setChecked(bool(s.webhook_listener_enabled))
        self.webhook_host = QLineEdit(s.webhook_host)
        self.webhook_port = QSpinBox()
        self.webhook_port.setRange(1, 65535)
        self.webhook_port.setValue(int(s.webhook_port))
        self.webhook_key = QLineEdit(s.webhook_public_key)
        self.webhook_key.setPlaceholderText(
            self.tr("Paste the “Public Key” from the Telnyx portal (Keys & Credentials)"))
        self.webhook_key.setToolTip(self.tr(
            "In the Telnyx portal, open Keys & Credentials and copy the Public Key shown "
            "there. FaxDesk uses it to check that an update really comes from Telnyx."))
        note = QLabel(self.tr(
            "Telnyx must be able to reach this address (for example through a tunnel). "
            "Polling carries on as a safety net."
        ))
        _wrap(note)
        form.addRow("", self.webhook_enabled)
        form.addRow(self.tr("Add&ress:"), self.webhook_host)
        form.addRow(self.tr("&Port:"), self.webhook_port)
        form.addRow(self.tr("Public &key:"), self.webhook_key)
        form.addRow("", note)
        for widget in (self.webhook_host, self.webhook_port, self.webhook_key):
            widget.setEnabled(self.webhook_enabled.isChecked())
            self.webhook_enabled.toggled.connect(widget.setEnabled)
        layout.addWidget(hooks)
        layout.addStretch(1)
        return page

    def _office_tab(self) -> QWidget:
        s = self._settings
        page = QWidget()
        form = QFormLayout(page)
        self.print_to_fax = QCheckBox(self.tr(
            "Documents printed to the “FaxDesk” printer open the send dialog"))
        self.print_to_fax.setChecked(s.print_to_fax_enabled)
        form.addRow(self.tr("Print to fax:"), self.print_to_fax)
        self.scan_color = QComboBox()
        self.scan_color.addItem(self.tr("Black and white (text)"), "bw")
        self.scan_color.addItem(self.tr("Grey (photos)"), "gray")
        self.scan_color.setCurrentIndex(max(0, self.scan_color.findData(s.scan_color)))
        form.addRow(self.tr("Scan in:"), self.scan_color)
        self.report_auto = QCheckBox(self.tr(
            "Save a transmission report when a fax is delivered or fails"))
        self.report_auto.setChecked(s.report_auto_save)
        self.report_folder = QLineEdit(s.report_folder)
        self.report_folder.setPlaceholderText(self.tr("Folder for the reports"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_report_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.report_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Reports:"), self.report_auto)
        form.addRow("", folder_row)
        self.auto_print = QCheckBox(self.tr("Print each received fax once, as it arrives"))
        self.auto_print.setChecked(s.auto_print_received)
        self.auto_printer = QComboBox()
        self.auto_printer.setEditable(True)
        self.auto_printer.setCurrentText(s.auto_print_printer)
        form.addRow(self.tr("Received faxes:"), self.auto_print)
        form.addRow(self.tr("Printer:"), self.auto_printer)
        self._worker.submit(printers.printers, on_done=self._fill_printers,
                            on_error=lambda _exc: None)  # the name can still be typed
        return page

    def _fill_printers(self, names: list[str]) -> None:
        current = self.auto_printer.currentText()
        self.auto_printer.clear()
        self.auto_printer.addItems(names)
        self.auto_printer.setCurrentText(current or (names[0] if names else ""))

    def _choose_report_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for transmission reports"),
            self.report_folder.text() or str(documents_folder()))
        if folder:
            self.report_folder.setText(folder)

    def _advanced_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "")
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._settings.language)))
        form.addRow(self.tr("&Language:"), self.language)
        self.language_note = QLabel(self.tr(
            "A new language is used from the next start of FaxDesk."))
        self.language_note.setObjectName("language_note")
        _wrap(self.language_note)
        self.language_note.setStyleSheet(note_style(self))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow("", self.language_note)
        self.base_url = QLineEdit(self._settings.api_base_url)
        base_label = QLabel(self.tr("API &address:"))
        base_label.setBuddy(self.base_url)
        form.addRow(base_label, self.base_url)
        hint = QLabel(whole_urls(self.tr("Change only to use a test server; the default is "
                                         "https://api.telnyx.com/v2.")))
        _wrap(hint)
        form.addRow("", hint)
        if self.sandbox_url:
            # On the sandbox the account's address is not what is in use: show what is.
            base_label.setText(self.tr("API address (your account):"))
            self.base_url.setEnabled(False)
            hint.setText(whole_urls(self.tr(
                "Now connected to the built-in sandbox at {url}. The address above is used "
                "when FaxDesk starts with your account.").format(url=self.sandbox_url)))
        return page

    def _language_changed(self, _index: int) -> None:
        changed = (self.language.currentData() or "") != self._settings.language
        self.language_note.setText(self.tr(
            "Restart FaxDesk to see it in the new language: it is used from the next start.")
            if changed else self.tr("A new language is used from the next start of FaxDesk."))
        self.language_note.setStyleSheet(CHANGED_STYLE if changed else note_style(self))

    # key -------------------------------------------------------------------------------------
    def key_storage(self) -> str:
        return "session" if self.session_only.isChecked() else "keyring"

    def _load_key(self) -> None:
        storage = self.key_storage()
        self.keyring_message.hide()
        key_store = self._services.key_store  # the task carries no part of the dialog

        def load() -> str | None:
            return key_store(storage).get_key()

        self._worker.submit(load, on_done=self._key_loaded_ok, on_error=self._key_failed)

    def _key_loaded_ok(self, key: str | None) -> None:
        self._key_loaded = True
        if key and not self.api_key.text():
            self.api_key.setText(key)
        if self.key_storage() == "session":
            self._show_key_message(self.tr(
                "The key is kept in memory only and forgotten when FaxDesk quits."
            ), ok=True)
        elif key:
            self._show_key_message(self.tr("The key is stored in the system keyring."), ok=True)

    def _key_failed(self, exc: BaseException) -> None:
        self._key_loaded = True
        if self.sandbox_url:
            # The sandbox needs no key: a keyring that cannot be read is no error here.
            self.keyring_message.setText(self.tr(
                "FaxDesk can't use this computer's password storage right now, so it can't save "
                "your API key. The sandbox needs no key. To use your account's key anyway, turn "
                "on “Keep the key for this session only”: FaxDesk then holds the key until it "
                "closes, and you enter it again next time."))
            self.keyring_message.setStyleSheet(note_style(self))
            self.keyring_message.show()
            return
        self._show_key_message(error_text(exc), ok=False)

    def _show_key_message(self, text: str, *, ok: bool) -> None:
        self.keyring_message.setText(text)
        self.keyring_message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.keyring_message.show()

    def _test_connection(self) -> None:
        key = self.api_key.text().strip()
        if not key:
            self._set_test_result(self.tr("Enter an API key first."), ok=False)
            return
        self.test_button.setEnabled(False)
        self._set_test_result(self.tr("Connecting…"), ok=True)
        self._worker.submit(
            self._services.test_connection, key, self.base_url.text().strip(),
            on_done=lambda text: self._tested(str(text), True),
            on_error=lambda exc: self._tested(error_text(exc), False),
        )

    def _tested(self, text: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self._set_test_result(text, ok=ok)

    def _set_test_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def _load_numbers(self) -> None:
        app_id = self.default_app.currentData()
        if not app_id or self._services.list_numbers is None:
            return
        current = self.default_from.currentText()
        self._worker.submit(
            self._services.list_numbers, app_id,
            on_done=lambda numbers: self._fill_numbers(numbers, current),
            on_error=lambda _exc: None,  # the field stays editable by hand
        )

    def _fill_numbers(self, numbers: Sequence[PhoneNumber], current: str) -> None:
        self.default_from.clear()
        for number in numbers:
            if number.phone_number:
                self.default_from.addItem(number.phone_number)
        self.default_from.setCurrentText(current or self.default_from.itemText(0))

    # saving ----------------------------------------------------------------------------------
    def new_settings(self) -> Settings:
        """The edited settings (raises ValueError in words for an invalid value)."""
        return self._settings.replace(
            api_base_url=self.base_url.text().strip(),
            key_storage=self.key_storage(),
            default_application_id=self.default_app.currentData() or "",
            default_from_number=self.default_from.currentText().strip(),
            poll_fast_secs=self.poll_fast.value(),
            poll_slow_secs=self.poll_slow.value(),
            webhook_listener_enabled=self.webhook_enabled.isChecked(),
            webhook_host=self.webhook_host.text().strip(),
            webhook_port=self.webhook_port.value(),
            webhook_public_key=self.webhook_key.text().strip(),
            notify_delivered=self.notify_delivered.isChecked(),
            notify_failed=self.notify_failed.isChecked(),
            notify_received=self.notify_received.isChecked(),
            default_country=str(self.country.currentData() or "US"),
            language=self.language.currentData() or "",
            print_to_fax_enabled=self.print_to_fax.isChecked(),
            scan_color=self.scan_color.currentData() or "bw",
            report_auto_save=self.report_auto.isChecked(),
            report_folder=self.report_folder.text().strip(),
            auto_print_received=self.auto_print.isChecked(),
            auto_print_printer=self.auto_printer.currentText().strip(),
        )

    def _submit(self) -> None:
        self.error.hide()
        try:
            settings = self.new_settings()
        except SettingError as exc:
            self._show_error(exc.words)
            return
        except ValueError as exc:
            self._show_error(str(exc))
            return
        key = self.api_key.text().strip()
        storage = self.key_storage()
        services = self._services

        def save() -> tuple[Settings, str | None]:
            store = services.key_store(storage)
            if key:
                store.set_key(key)
            services.save_settings(settings)
            return settings, key or None

        self.buttons.setEnabled(False)
        self._worker.submit(save, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: tuple[Settings, str | None]) -> None:
        self.buttons.setEnabled(True)
        self.saved_settings, self.saved_key = result
        self.restart_needed = self.saved_settings.language != self._settings.language
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._show_error(error_text(exc))
        self._show_key_message(error_text(exc), ok=False)
        self.tabs.setCurrentIndex(0)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _seconds(low: int, high: int, value: int, unit: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(unit)
    spin.setValue(int(value))
    return spin


def _wrap(label: QLabel) -> None:
    """Word-wrapped, its lines from the top: a form gives such a label more height than its
    lines need when there is room, and centred lines would float away from their field."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
