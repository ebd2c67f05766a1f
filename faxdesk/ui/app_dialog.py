"""Create or edit a fax application: every field of FaxApplication, API errors at the field."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from faxdesk.api.errors import ApiError
from faxdesk.api.models import ANCHOR_SITES, SIP_RECEIVE_SETTINGS, FaxApplication
from faxdesk.core.words import telnyx_detail
from faxdesk.ui import texts
from faxdesk.ui.widgets import error_label
from faxdesk.ui.worker import Worker

# Spin boxes use one below their real minimum to mean "not set" (null on the wire).


class ApplicationDialog(QDialog):
    """`save` runs on the worker with the JSON body; it returns the saved application."""

    def __init__(
        self,
        worker: Worker,
        save: Callable[[Mapping[str, object]], FaxApplication],
        application: FaxApplication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._save = save
        self._original = application
        self.result_application: FaxApplication | None = None
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(
            self.tr("New fax application") if application is None
            else self.tr("Edit fax application")
        )
        self.setMinimumWidth(520)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Front office"))
        self.active = QCheckBox(self.tr("Active (sends and receives faxes)"))
        self.active.setChecked(True)
        self.anchorsite = QComboBox()
        for site in ANCHOR_SITES:
            label = self.tr("Lowest latency (automatic)") if site == "Latency" else site
            self.anchorsite.addItem(label, site)

        self.webhook_url = QLineEdit()
        self.webhook_url.setPlaceholderText("https://example.com/telnyx/fax")
        self.failover_url = QLineEdit()
        self.failover_url.setPlaceholderText(self.tr("optional"))
        self.webhook_timeout = _optional_spin(0, 30, self.tr("Default"), self.tr(" s"))

        self.inbound_limit = _optional_spin(1, 100000, self.tr("No limit"))
        self.sip_subdomain = QLineEdit()
        self.sip_subdomain.setPlaceholderText(self.tr("optional"))
        self.sip_receive = QComboBox()
        receive_labels = {
            "from_anyone": self.tr("From anyone"),
            "only_my_connections": self.tr("Only from my connections"),
        }
        for value in SIP_RECEIVE_SETTINGS[::-1]:
            self.sip_receive.addItem(receive_labels.get(value, value), value)

        self.outbound_limit = _optional_spin(1, 100000, self.tr("No limit"))
        self.voice_profile = QLineEdit()
        self.voice_profile.setPlaceholderText(self.tr("needed to send faxes"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. office, billing"))

        general = self._group(self.tr("General"), [
            (self.tr("&Name:"), self.name, "application_name"),
            ("", self.active, "active"),
            (self.tr("&Anchor site:"), self.anchorsite, "anchorsite_override"),
            (self.tr("&Tags:"), self.tags, "tags"),
        ])
        hooks = self._group(self.tr("Webhooks"), [
            (self.tr("&Webhook URL:"), self.webhook_url, "webhook_event_url"),
            (self.tr("&Failover URL:"), self.failover_url, "webhook_event_failover_url"),
            (self.tr("T&imeout:"), self.webhook_timeout, "webhook_timeout_secs"),
        ])
        inbound = self._group(self.tr("Receiving"), [
            (self.tr("Channel &limit:"), self.inbound_limit, "inbound.channel_limit"),
            (self.tr("&SIP subdomain:"), self.sip_subdomain, "inbound.sip_subdomain"),
            (self.tr("Accept SIP &calls:"), self.sip_receive,
             "inbound.sip_subdomain_receive_settings"),
        ])
        outbound = self._group(self.tr("Sending"), [
            (self.tr("Channel li&mit:"), self.outbound_limit, "outbound.channel_limit"),
            (self.tr("Outbound &voice profile:"), self.voice_profile,
             "outbound.outbound_voice_profile_id"),
        ])

        self.general_error = error_label("error_general")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        # The fields scroll on a small screen; the buttons and the general error stay in view.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        for box in (general, hooks, inbound, outbound):
            fields_layout.addWidget(box)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("application_fields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        # One label column width for all groups, so the fields line up across them.
        buddies = [w for box in (general, hooks, inbound, outbound)
                   for w in box.findChildren(QLabel) if w.buddy() is not None]
        width = max((w.sizeHint().width() for w in buddies), default=0)
        for w in buddies:
            w.setMinimumWidth(width)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # Tall enough to show every field where the screen allows it, never taller.
        scroll.setMinimumHeight(min(fields.sizeHint().height(), 240))
        self.resize(max(560, fields.sizeHint().width() + 40),
                    fields.sizeHint().height() + self.buttons.sizeHint().height() + 40)
        if application is not None:
            self._load(application)

    def _group(self, title: str, rows: list[tuple[str, QWidget, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, field_name in rows:
            holder = QWidget()
            holder.setFocusProxy(widget)  # the label's mnemonic focuses the field itself
            if label:  # the label names the field itself for screen readers, not its holder
                widget.setAccessibleName(label.replace("&", "").rstrip(":："))
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            error = error_label(f"error_{field_name}")
            column.addWidget(error)
            self._errors[field_name] = error
            form.addRow(label, holder)
        return box

    def _load(self, app: FaxApplication) -> None:
        self.name.setText(app.application_name or "")
        self.active.setChecked(app.active is not False)
        _select(self.anchorsite, app.anchorsite_override or "Latency")
        self.webhook_url.setText(app.webhook_event_url or "")
        self.failover_url.setText(app.webhook_event_failover_url or "")
        _set_optional(self.webhook_timeout, app.webhook_timeout_secs)
        _set_optional(self.inbound_limit, app.inbound.channel_limit)
        self.sip_subdomain.setText(app.inbound.sip_subdomain or "")
        _select(self.sip_receive, app.inbound.sip_subdomain_receive_settings or "from_anyone")
        _set_optional(self.outbound_limit, app.outbound.channel_limit)
        self.voice_profile.setText(app.outbound.outbound_voice_profile_id or "")
        self.tags.setText(", ".join(app.tags))

    def fields(self) -> dict[str, object]:
        """The JSON body for create (POST) or update (PATCH)."""
        body: dict[str, object] = {
            "application_name": self.name.text().strip(),
            "active": self.active.isChecked(),
            "anchorsite_override": self.anchorsite.currentData(),
            "webhook_event_url": self.webhook_url.text().strip(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
        }
        failover = self.failover_url.text().strip()
        timeout = _get_optional(self.webhook_timeout)
        inbound: dict[str, object] = {
            "sip_subdomain_receive_settings": self.sip_receive.currentData(),
        }
        outbound: dict[str, object] = {}
        if self._original is not None:
            # PATCH: send cleared values as null so clearing a field really clears it.
            body["webhook_event_failover_url"] = failover or None
            body["webhook_timeout_secs"] = timeout
            inbound["channel_limit"] = _get_optional(self.inbound_limit)
            inbound["sip_subdomain"] = self.sip_subdomain.text().strip() or None
            outbound["channel_limit"] = _get_optional(self.outbound_limit)
            # The spec allows only a string here: an empty field is left out, not null.
            profile = self.voice_profile.text().strip()
            if profile:
                outbound["outbound_voice_profile_id"] = profile
        else:
            if failover:
                body["webhook_event_failover_url"] = failover
            if timeout is not None:
                body["webhook_timeout_secs"] = timeout
            for target, key, value in (
                (inbound, "channel_limit", _get_optional(self.inbound_limit)),
                (inbound, "sip_subdomain", self.sip_subdomain.text().strip() or None),
                (outbound, "channel_limit", _get_optional(self.outbound_limit)),
                (outbound, "outbound_voice_profile_id", self.voice_profile.text().strip() or None),
            ):
                if value is not None:
                    target[key] = value
        body["inbound"] = inbound
        if outbound:
            body["outbound"] = outbound
        return body

    # saving ----------------------------------------------------------------------------------
    def _submit(self) -> None:
        self.clear_errors()
        self._set_busy(True)
        self._worker.submit(self._save, self.fields(), on_done=self._saved, on_error=self._failed)

    def _saved(self, app: FaxApplication) -> None:
        self._set_busy(False)
        self.result_application = app
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_error(exc)

    def _set_busy(self, busy: bool) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not busy)
        save.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear()
            label.hide()

    def error_text(self, field_name: str) -> str:
        label = self._errors.get(field_name)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_error(self, exc: BaseException) -> None:
        """Put each API validation error under its field; the whole error in words at the
        bottom when some of it has no field here."""
        unplaced = True
        if isinstance(exc, ApiError):
            per_field = exc.field_errors()
            unplaced = not per_field
            first: QWidget | None = None
            for name, text in per_field.items():
                label = self._errors.get(name) or self._errors.get(name.split(".")[0])
                if label is None:
                    unplaced = True
                    continue
                label.setText(telnyx_detail(text, name))
                label.show()
                if first is None:
                    first = label.parentWidget()
            if first is not None:
                target = first.findChild(QWidget)
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
        if unplaced:
            self.general_error.setText(texts.error_text(exc))
            self.general_error.show()


def _optional_spin(minimum: int, maximum: int, unset_text: str, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum - 1, maximum)
    spin.setSpecialValueText(unset_text)
    spin.setSuffix(suffix)
    spin.setValue(spin.minimum())
    return spin


def _set_optional(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(spin.minimum() if value is None else value)


def _get_optional(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0:
        # A value this version does not know is kept, not silently replaced.
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
