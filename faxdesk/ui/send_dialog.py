"""The send dialog: documents, recipients, sending number, options, cover page, then Send.

Everything slow happens on the worker bridge: checking documents and rendering thumbnails,
loading applications, their numbers and the contacts, building the fax PDF (cover page + the
documents in order, ``documents.build_fax_document``) and queueing it in the core outbox, one fax
per recipient. The dialog checks Telnyx's limits before it lets the user send, and says what is
missing or wrong in words under a one-paragraph summary of what will be sent.

Integration: ``window.send_dialog_factory = make_send_dialog`` (see :func:`make_send_dialog`).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from faxdesk.api.models import FaxApplication, PhoneNumber
from faxdesk.core.contacts import Contact, ContactBook, find_number
from faxdesk.core.engine import FaxEngine
from faxdesk.core.numbers import format_for_display
from faxdesk.core.paths import cache_dir
from faxdesk.core.sending import (
    CoverDetails,
    Recipient,
    SendOptions,
    SendRequest,
    combined_limits,
    prepare_send,
)
from faxdesk.core.settings import Settings
from faxdesk.ui.dropzone import DropZone, refused_message
from faxdesk.ui.preview import FaxPreviewDialog, render_thumbnails
from faxdesk.ui.scan_dialog import ScanDialog, scanning_unavailable
from faxdesk.ui.send_documents import DocumentList, pages_text
from faxdesk.ui.send_forms import CoverForm, OptionsForm
from faxdesk.ui.send_recipients import RecipientsWidget
from faxdesk.ui.texts import error_text, join_sentences, refusal_text
from faxdesk.ui.worker import LatestAnswer, TaskRunner

if TYPE_CHECKING:
    from faxdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_ERROR = "color: #b3261e;"


def send_request(engine: FaxEngine, request: SendRequest,
                 contacts: ContactBook | None) -> list[int]:
    """Runs on the worker: the core checks, builds and queues one fax per recipient (or
    refuses all of it with SendRefused); the numbers are remembered as recent."""
    journal_ids = engine.send(request)
    if contacts is not None:
        for recipient in request.recipients:
            try:
                contacts.record_recent(recipient.text)
            except Exception as exc:  # the fax is queued; a missed "recent" is harmless
                log.info("Could not remember %s as recent: %s", recipient.text, exc)
    return journal_ids


def preview_fax(request: SendRequest, width: int) -> tuple[int, list[QImage]]:
    """Runs on the worker: the fax exactly as the core builds it for the first recipient
    (cover page included), as page images; the built PDF is removed again."""
    import tempfile

    first = SendRequest(request.documents, request.recipients[:1], request.connection_id,
                        request.from_number, request.options, request.cover,
                        request.default_country)
    with tempfile.TemporaryDirectory(prefix="faxdesk-preview-") as work:
        prepared = prepare_send(first, Path(work))
        return render_thumbnails(prepared.faxes[0].document, width=width, max_pages=60)


def _load_suggestions(contacts: ContactBook) -> tuple[list[Contact], list[str]]:
    return contacts.all(), contacts.recent_numbers(limit=15)


# --- the dialog ------------------------------------------------------------------------------


#: The documents and recipients column is never narrower than this (px).
LEFT_MIN_WIDTH = 300

class SendDialog(QDialog):
    """Compose and send a fax."""

    sent = Signal(list)  # list[int]: journal ids of the queued faxes

    def __init__(
        self,
        engine: FaxEngine,
        runner: TaskRunner,
        *,
        contacts: ContactBook | None = None,
        settings: Callable[[], Settings] = Settings,
        files: Sequence[str] = (),
        parent: QWidget | None = None,
        state: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        #: Where the cover page sender details are remembered (None: not remembered).
        self._state = state
        self.setWindowTitle(self.tr("Send a fax"))
        self._engine = engine
        self._runner = runner
        self._contacts = contacts
        self._settings = settings
        self._known_contacts: list[Contact] = []
        self._applications: list[FaxApplication] = []
        self._numbers: list[PhoneNumber] = []
        self._numbers_for: str | None = None  # application whose numbers are shown
        self._sender_message = self.tr("Loading your fax applications…")
        self._sender_loading = True
        self._sending = False
        self._closed = False
        self._contact_reads = LatestAnswer()
        #: Problems are shown in red only once the person has done something (added a file or
        #: a recipient, typed, pressed Send): a fresh dialog says what to do, calmly.
        self._touched = bool(files)
        self._preview: FaxPreviewDialog | None = None
        #: The application shown was chosen (settings, last fax, the only one), not guessed.
        self._app_was_chosen = True

        # Documents
        self.documents = DocumentList(runner)
        self.documents.changed.connect(self._touch)
        docs_hint = QLabel(self.tr("Drop PDFs or images here. Drag rows to change the order."))
        docs_hint.setObjectName("hint")
        docs_hint.setWordWrap(True)
        docs_box = QGroupBox(self.tr("Documents"))
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.addWidget(self.documents, 1)
        scan_row = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Scan…"))
        self.scan_button.setObjectName("scanButton")
        scan_problem = scanning_unavailable()
        self.scan_button.setEnabled(scan_problem is None)
        # With no scanner software the button says why instead of failing when clicked.
        self.scan_button.setToolTip(scan_problem or self.tr("Scan pages into this fax"))
        self.scan_button.clicked.connect(self.open_scanner)
        scan_row.addWidget(docs_hint, 1)
        scan_row.addWidget(self.scan_button)
        docs_layout.addLayout(scan_row)
        self.drop_message = QLabel()
        self.drop_message.setWordWrap(True)
        self.drop_message.setStyleSheet(_ERROR)
        self.drop_message.hide()
        docs_layout.addWidget(self.drop_message)

        # Recipients
        self.recipients = RecipientsWidget(self._region, self._lookup)
        self.recipients.changed.connect(self._touch)
        self.recipients.entry.textChanged.connect(self.update_state)
        self.recipients.entry.textEdited.connect(self._touch)
        self.contacts_button = QPushButton(self.tr("Contacts…"))
        self.contacts_button.setEnabled(contacts is not None)
        self.contacts_button.clicked.connect(self.open_contacts)
        rec_box = QGroupBox(self.tr("Recipients (one fax each)"))
        rec_layout = QVBoxLayout(rec_box)
        rec_layout.addWidget(self.recipients, 1)
        contacts_row = QHBoxLayout()
        contacts_row.addStretch(1)
        contacts_row.addWidget(self.contacts_button)
        rec_layout.addLayout(contacts_row)

        # Sender
        self.application_combo = QComboBox()
        self.application_combo.setObjectName("applicationCombo")
        # Never a silent choice: with several applications and no default the person picks.
        self.application_combo.setPlaceholderText(self.tr("Choose the fax application…"))
        self.application_combo.currentIndexChanged.connect(self._application_chosen)
        self.application_combo.activated.connect(self._application_picked)
        self.application_note = QLabel()
        self.application_note.setObjectName("applicationNote")
        self.application_note.setWordWrap(True)
        self.application_note.setStyleSheet("color: #8a5300;")
        self.application_note.hide()
        self.number_combo = QComboBox()
        self.number_combo.setObjectName("numberCombo")
        self.number_combo.currentIndexChanged.connect(self.update_state)
        sender_box = QGroupBox(self.tr("Send from"))
        sender_form = QFormLayout(sender_box)
        sender_form.addRow(self.tr("Fax application:"), self.application_combo)
        sender_form.addRow(self.tr("Number:"), self.number_combo)
        sender_form.addRow(self.application_note)

        self.cover = CoverForm()
        self.cover.changed.connect(self.update_state)
        self.options = OptionsForm()
        self.options.changed.connect(self.update_state)

        self.tabs = QTabWidget()
        cover_tab = QWidget()
        cover_tab_layout = QVBoxLayout(cover_tab)
        cover_tab_layout.addWidget(self.cover)
        # On a small screen the cover form scrolls rather than push the buttons off it.
        cover_scroll = QScrollArea()
        cover_scroll.setWidget(cover_tab)
        cover_scroll.setWidgetResizable(True)
        cover_scroll.setFrameShape(QFrame.Shape.NoFrame)
        cover_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cover_scroll.setAccessibleName(self.tr("Cover page"))
        self.tabs.addTab(cover_scroll, self.tr("Cover page"))
        self.tabs.addTab(self.options, self.tr("Options"))

        # Summary, problems, buttons
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet(_ERROR)
        self.waiting = QLabel()
        self.waiting.setObjectName("waiting")
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.setToolTip(self.tr("Send the fax (Ctrl+Enter)"))
        self.preview_button = self.buttons.addButton(self.tr("Pre&view…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip(self.tr(
            "See every page as it will be sent, cover page included"))
        self.preview_button.clicked.connect(self.show_preview)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        self.cancel_button = cancel
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)

        left = QVBoxLayout()
        left.addWidget(docs_box, 3)
        left.addWidget(rec_box, 2)
        right = QVBoxLayout()
        right.addWidget(sender_box)
        right.addWidget(self.tabs, 1)
        # What the person works with most (documents, recipients) keeps room for a number and
        # a name even in a small window; the cover form gives up width first.
        for box in (docs_box, rec_box):
            box.setMinimumWidth(LEFT_MIN_WIDTH)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self.resize(960, 700)

        # The recipient entry must not make Enter press "Send".
        self.recipients.entry.installEventFilter(self)
        self.dropzone = DropZone(self)
        self.dropzone.filesDropped.connect(self.add_files)
        self.dropzone.filesRefused.connect(self._show_refused)
        self.documents.list.viewport().setAcceptDrops(True)
        self.list_dropzone = DropZone(self.documents.list.viewport())
        self.list_dropzone.filesDropped.connect(self.add_files)
        self.list_dropzone.filesRefused.connect(self._show_refused)

        self._name_for_assistive_technology(sender_form, self.cover.form, self.options.form)
        self._set_tab_order()
        if self._state is not None:
            self.cover.restore_sender(self._state)
        self._load()
        if files:
            self.add_files(list(files))
        self.update_state()

    # -- loading ------------------------------------------------------------------------------

    def _load(self) -> None:
        # Telnyx's list, or the one fetched last time when Telnyx cannot be reached.
        self._runner.submit(self._engine.refresh_applications,
                            on_done=self._applications_loaded,
                            on_error=self._applications_failed)
        if self._contacts is not None:
            self.reload_contacts()

    def reload_contacts(self) -> None:
        if self._contacts is None:
            return
        self._runner.submit(_load_suggestions, self._contacts,
                            on_done=self._contact_reads.newest(self._contacts_loaded),
                            on_error=lambda exc: log.warning("Contacts not loaded: %s", exc))

    def _contacts_loaded(self, result: tuple[list[Contact], list[str]]) -> None:
        if self._closed:
            return
        contacts, recent = result
        self._known_contacts = list(contacts)
        self.recipients.set_suggestions(contacts, recent)

    def _applications_loaded(self, apps: Sequence[FaxApplication]) -> None:
        if self._closed:
            return
        self._sender_loading = False
        self._applications = list(apps)
        self.application_combo.blockSignals(True)
        self.application_combo.clear()
        # The default of the settings, else the one this person sent from last time, else the
        # first active one; with several, a note says which and how to change it.
        preferred = self._settings().default_application_id
        last = self._state.value("send/application") if self._state is not None else None
        ids = [app.id for app in self._applications]
        chosen = -1
        for app in self._applications:
            name = app.application_name or app.id
            if app.active is False:
                name = self.tr("{name} (inactive)").format(name=name)
            self.application_combo.addItem(name, app.id)
        for wanted in (preferred, last):
            if wanted in ids:
                chosen = ids.index(wanted)
                break
        self._app_was_chosen = chosen >= 0 or len(ids) == 1
        if chosen < 0:
            chosen = next((i for i, a in enumerate(self._applications) if a.active is not False),
                          0)
        self.application_combo.blockSignals(False)
        if not self._applications:
            self._sender_message = self.tr(
                "Your account has no fax application. Create one in the main window first.")
        else:
            self._sender_message = ""
            self.application_combo.setCurrentIndex(chosen)
            self._application_chosen()
        self.update_state()

    def _applications_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._sender_loading = False
        self._sender_message = self.tr("Could not load your fax applications: {error}").format(
            error=error_text(exc))
        self.update_state()

    def _application_picked(self, _index: int) -> None:
        self._app_was_chosen = True
        self._touch()

    def _application_chosen(self, _index: int = -1) -> None:
        app_id = self.application_combo.currentData()
        self.number_combo.clear()
        self._numbers = []
        self._numbers_for = None
        if not app_id:
            self.update_state()
            return
        self._sender_message = self.tr("Loading the application's numbers…")
        self._sender_loading = True
        self._runner.submit(self._engine.list_phone_numbers, str(app_id),
                            on_done=partial(self._numbers_loaded, str(app_id)),
                            on_error=partial(self._numbers_failed, str(app_id)))
        self.update_state()

    def _numbers_loaded(self, app_id: str, numbers: Sequence[PhoneNumber]) -> None:
        if self._closed or app_id != self.application_combo.currentData():
            return  # the user picked another application meanwhile
        self._sender_loading = False
        self._numbers = [n for n in numbers if n.phone_number]
        self._numbers_for = app_id
        preferred = self._settings().default_from_number
        self.number_combo.blockSignals(True)
        self.number_combo.clear()
        for n in self._numbers:
            assert n.phone_number is not None
            self.number_combo.addItem(_display_number(n.phone_number), n.phone_number)
        index = self.number_combo.findData(preferred) if preferred else -1
        self.number_combo.setCurrentIndex(max(index, 0) if self._numbers else -1)
        self.number_combo.blockSignals(False)
        if self._numbers:
            self._sender_message = ""
        else:
            name = self.application_combo.currentText()
            self._sender_message = self.tr(
                "“{name}” has no phone number to send from. Assign a number to it in the "
                "Telnyx portal, or choose another application.").format(name=name)
        self.update_state()

    def _numbers_failed(self, app_id: str, exc: BaseException) -> None:
        if self._closed or app_id != self.application_combo.currentData():
            return
        self._sender_loading = False
        self._sender_message = self.tr("Could not load the numbers: {error}").format(
            error=error_text(exc))
        self.update_state()

    # -- documents ----------------------------------------------------------------------------

    def add_files(self, files: list[str]) -> None:
        self.drop_message.hide()
        self.documents.add_files(files)

    def _show_refused(self, refused: list[str]) -> None:
        self.drop_message.setText(refused_message(refused))
        self.drop_message.show()

    def open_scanner(self) -> ScanDialog:
        """Scan pages (off the GUI thread); the scanned PDF joins the documents."""
        dialog = ScanDialog(self._runner, cache_dir() / "scans", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.scanned.connect(self.add_files)
        dialog.open()
        return dialog

    def open_contacts(self) -> None:
        if self._contacts is None:
            return
        from faxdesk.ui.contacts_dialog import ContactsDialog

        dialog = ContactsDialog(self._contacts, self._runner, parent=self)
        dialog.finished.connect(lambda _r: self.reload_contacts())
        dialog.contactChosen.connect(
            lambda c: self.recipients.add_text(c.fax_number, name=c.name, company=c.company))
        dialog.open()

    # -- state --------------------------------------------------------------------------------

    def _region(self) -> str:
        return self._settings().default_country or "US"

    def _lookup(self, number: str) -> Contact | None:
        return find_number(self._known_contacts, number)

    def cover_fields(self) -> CoverDetails | None:
        return self.cover.details()

    def send_options(self) -> SendOptions:
        return self.options.options()

    def _check(self) -> tuple[list[str], list[str], list[str]]:
        """(steps still to take, problems, work in progress), each in words. Steps are what a
        fresh dialog asks for (a document, a recipient, the application): never shown in red.
        The rules and words are the core's (`faxdesk.core.sending`), as for `faxdesk send`."""
        steps: list[str] = []
        problems: list[str] = []
        waiting: list[str] = []
        entries = self.documents.entries()
        if not entries:
            steps.append(self.tr("Add a document: a PDF or an image (PNG, JPEG, TIFF). You can "
                                 "also drop files here."))
        for e in entries:
            if e.error is not None:
                problems.append(e.error)
            problems.extend(e.limit_problems)
        if self.documents.checking():
            waiting.append(self.tr("Checking the documents…"))
        usable = [e for e in entries if e.error is None and e.page_count is not None]
        problems += [refusal_text(r) for r in combined_limits(
            [e.page_count or 0 for e in usable], [e.size_bytes or 0 for e in usable],
            cover=self.cover.isChecked())]
        if not self.recipients.recipients() and not self.recipients.pending_text():
            steps.append(self.tr("Type the recipient's fax number or a contact's name."))
        if self._sender_message:
            (waiting if self._sender_loading else problems).append(self._sender_message)
        elif not self.application_combo.currentData() or not self.number_combo.currentData():
            steps.append(self.tr("Choose the fax application and the number to send from."))
        problems += [refusal_text(r) for r in self.send_options().problems()]
        cover = self.cover_fields()
        if cover is not None and cover.logo is not None and not cover.logo.is_file():
            problems.append(self.tr("The logo file {path} does not exist.").format(
                path=cover.logo))
        return steps, problems, waiting

    def problems_list(self) -> list[str]:
        """Everything that stops the fax going, in words (empty: ready to send)."""
        steps, problems, waiting = self._check()
        return steps + problems + waiting

    def waiting_list(self) -> list[str]:
        """What is still loading or being checked (it blocks Send but is not a problem)."""
        return self._check()[2]

    def summary_text(self) -> str:
        entries = [e for e in self.documents.entries() if e.error is None]
        doc_pages = self.documents.total_pages()
        cover = self.cover.isChecked()
        if not entries:
            what = self.tr("Nothing to send yet.")
        elif len(entries) == 1 and not cover:
            what = self.tr("{pages} from {name}.").format(pages=pages_text(doc_pages),
                                                          name=entries[0].name)
        else:
            docs = (self.tr("1 document") if len(entries) == 1
                    else self.tr("{n} documents").format(n=len(entries)))
            if cover:
                what = self.tr("{pages}: a cover page and {doc_pages} from {docs}.").format(
                    pages=pages_text(doc_pages + 1), doc_pages=pages_text(doc_pages), docs=docs)
            else:
                what = self.tr("{pages} from {docs}, in the order shown.").format(
                    pages=pages_text(doc_pages), docs=docs)
        recipients = self.recipients.recipients()
        sender = self.number_combo.currentText()
        app = self.application_combo.currentText()
        # Whole sentences, so that each language words and punctuates them its own way.
        if not recipients:
            who = ""
        elif len(recipients) == 1 and sender:
            who = self.tr("To {who}, from {number} ({app}).").format(
                who=recipients[0].label(), number=sender, app=app)
        elif len(recipients) == 1:
            who = self.tr("To {who}.").format(who=recipients[0].label())
        elif sender:
            who = self.tr("To {n} recipients, one fax each, from {number} ({app}).").format(
                n=len(recipients), number=sender, app=app)
        else:
            who = self.tr("To {n} recipients, one fax each.").format(n=len(recipients))
        pending = self.recipients.pending_text()
        return join_sentences(what, who, self.tr(
            "“{text}” will be added as a recipient when you press Send.").format(text=pending)
            if pending else "")

    def _touch(self, *_args: object) -> None:
        self._touched = True
        self.update_state()

    def update_state(self, *_args: object) -> None:
        if self._closed:
            return
        steps, problems, waiting = self._check()
        ready = not (steps or problems or waiting)
        self.summary.setText(self.summary_text())
        guessed = not self._app_was_chosen and self.application_combo.count() > 1
        if guessed:
            self.application_note.setText(self.tr(
                "Sending from “{name}”, one of your {n} fax applications. Choose another above "
                "if this fax belongs to it; FaxDesk keeps your choice for the next fax.").format(
                name=self.application_combo.currentText(), n=self.application_combo.count()))
        self.application_note.setVisible(guessed)
        # Red only for what went wrong after the person did something; what is still to do,
        # and work in progress, are shown apart, in grey.
        errors = problems if self._touched else []
        calm = steps + waiting + ([] if self._touched else problems)
        self.problems.setText("\n".join(errors))
        self.problems.setVisible(bool(errors))
        self.waiting.setText("\n".join(calm))
        self.waiting.setVisible(bool(calm))
        self.send_button.setEnabled(ready and not self._sending)
        self.preview_button.setEnabled(ready and not self._sending)
        self._fit_labels()

    def _fit_labels(self) -> None:
        # Word-wrapped labels: reserve the height their text needs at the current width, or
        # the layout squeezes them to one line and the text is cut off.
        for label in (self.summary, self.problems, self.waiting):
            width = label.width() if label.width() > 50 else self.width() - 24
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # During teardown Qt may still deliver events after the Python side is gone.
        recipients = getattr(self, "recipients", None)
        if (recipients is not None and watched is recipients.entry
                and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # Enter in the recipient line adds the recipient; it never sends the fax.
            popup = self.recipients.completer.popup()
            if popup is not None and popup.isVisible():
                return False
            self.recipients.add_from_entry()
            return True
        return super().eventFilter(watched, event)

    # -- keyboard and assistive technology ---------------------------------------------------

    def _name_for_assistive_technology(self, *forms: QFormLayout) -> None:
        """Every field is named as its label reads (screen readers say the name, not "combo
        box"); the other controls get their names here."""
        for form in forms:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                shown = label.widget() if label is not None else None
                text = shown.text() if isinstance(shown, QLabel) else ""
                widget = field.widget() if field is not None else None
                if widget is not None and text and not widget.accessibleName():
                    widget.setAccessibleName(text.replace("&", "").rstrip(":： "))
        self.tabs.setAccessibleName(self.tr("Cover page and options"))
        self.tabs.tabBar().setAccessibleName(self.tr("Cover page and options"))
        self.summary.setAccessibleName(self.tr("What will be sent"))
        self.problems.setAccessibleName(self.tr("Problems"))
        self.waiting.setAccessibleName(self.tr("What to do next"))
        self.send_button.setAccessibleDescription(self.tr("Ctrl+Enter sends from anywhere in "
                                                          "the dialog"))

    def _set_tab_order(self) -> None:
        """Tab walks the way a fax is made: documents, recipients, the sender, Preview, Send,
        Cancel, then the cover page and the options."""
        d, r = self.documents, self.recipients
        chain: list[QWidget] = [
            d.list, d.add_button, d.remove_button, d.up_button, d.down_button, d.shrink_button,
            self.scan_button, r.entry, r.add_button, r.recent_button, r.list, r.remove_button,
            self.contacts_button, self.application_combo, self.number_combo,
            self.preview_button, self.send_button, self.cancel_button, self.tabs.tabBar(),
            *self.cover.fields(), *self.options.fields(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Documents usually arrive with the dialog (a drop, a print, the command line): the
        # next step is the recipient.
        target = self.recipients.entry if self.documents.entries() else self.documents.add_button
        QTimer.singleShot(0, target, target.setFocus)  # not once the dialog is gone

    # -- preview -------------------------------------------------------------------------------

    def show_preview(self) -> None:
        """Every page of the fax as the core builds it, cover page first, before sending."""
        self._touched = True
        if self.recipients.pending_text():
            self.recipients.add_from_entry()
        self.update_state()
        if not self.preview_button.isEnabled():
            return
        request = self.request()
        dialog = FaxPreviewDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.send_requested.connect(self.send)
        dialog.destroyed.connect(self._preview_closed)
        self._preview = dialog
        first = self.recipients.recipients()[0].label()
        dialog.show_loading(first, len(request.recipients))
        dialog.open()
        self._runner.submit(preview_fax, request, FaxPreviewDialog.PAGE_WIDTH,
                            on_done=dialog.show_pages, on_error=dialog.show_error)

    def _preview_closed(self, *_args: object) -> None:
        self._preview = None

    # -- sending ------------------------------------------------------------------------------

    def request(self) -> SendRequest:
        return SendRequest(
            documents=tuple(Path(p) for p in self.documents.paths()),
            recipients=tuple(Recipient(r.number, r.name, r.company)
                             for r in self.recipients.recipients()),
            connection_id=str(self.application_combo.currentData()),
            from_number=str(self.number_combo.currentData()),
            options=self.send_options(),
            cover=self.cover_fields(),
            default_country=self._region(),
        )

    def send(self) -> None:
        if self._sending:
            return
        self._touched = True
        # A number typed but not added yet is what the user means to send to.
        if self.recipients.pending_text():
            self.recipients.add_from_entry()
            if self.recipients.pending_text():
                return  # it could not be read; the reason is shown under the entry
        self.update_state()
        if not self.send_button.isEnabled():
            return
        request = self.request()
        if self._state is not None:
            if request.cover is not None:
                self.cover.remember_sender(self._state)
            self._state.setValue("send/application", request.connection_id)
            self._state.sync()
        self._set_sending(True)
        self.summary.setText(self.tr("Preparing and queueing %n fax(es)…", "",
                                     len(request.recipients)))
        submitted = self._runner.submit(send_request, self._engine, request, self._contacts,
                                        on_done=self._send_done, on_error=self._send_failed)
        if not submitted:
            self._set_sending(False)
            self.problems.setText(self.tr("FaxDesk is closing; nothing was sent."))
            self.problems.show()

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        for w in (self.documents, self.recipients, self.application_combo, self.number_combo,
                  self.tabs, self.contacts_button):
            w.setEnabled(not sending)
        self.send_button.setEnabled(not sending)

    def _send_done(self, journal_ids: list[int]) -> None:
        if self._preview is not None:
            self._preview.close()
        self.sent.emit(journal_ids)
        self._closed = True
        self.documents.close_list()
        self.accept()

    def _send_failed(self, exc: BaseException) -> None:
        # SendRefused lists every problem in words; nothing was queued.
        self._set_sending(False)
        self.update_state()
        self.problems.setText(self.tr("Nothing was sent:\n{error}").format(
            error=error_text(exc)))
        self.problems.show()

    def done(self, result: int) -> None:
        self._closed = True
        self.documents.close_list()
        super().done(result)


def _display_number(e164: str) -> str:
    return format_for_display(e164)


def contact_book(window: MainWindow) -> ContactBook | None:
    """The window's address book, opened on first use (None when the data folder is unusable)."""
    if window.contacts is None:
        try:
            window.contacts = ContactBook.open_default()
        except Exception as exc:  # sending still works without an address book
            log.warning("Contacts unavailable: %s", exc)
            return None
    return window.contacts


def make_send_dialog(window: MainWindow, files: list[str]) -> SendDialog:
    """The main window's ``send_dialog_factory``: a dialog over its engine and worker."""
    host = window.settings_host
    settings = host.current_settings if host is not None else Settings
    dialog = SendDialog(window.engine, window.worker, contacts=contact_book(window),
                        settings=settings, files=files, parent=window, state=window.ui_state)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # A contact picked or added here may name faxes in the table.
    dialog.finished.connect(lambda _r: window.contacts_changed())
    dialog.sent.connect(lambda ids: confirm_sent(window, list(ids)))
    return dialog


def sent_text(count: int) -> str:
    return QCoreApplication.translate(
        "SendDialog", "%n fax(es) queued for sending; the list shows how it goes.", "", count)


def confirm_sent(window: MainWindow, journal_ids: list[int], *, tries: int = 40) -> None:
    """After Send: say so, and select the new row (`send:<journal id>`) once the window has
    it (rows arrive from the engine a moment later)."""
    if not journal_ids:
        return
    window.show_info(sent_text(len(journal_ids)))
    _select_when_shown(window, f"send:{journal_ids[0]}", tries)


def _select_when_shown(window: MainWindow, row_id: str, tries: int) -> None:
    if window.select_fax(row_id) or tries <= 0:
        return
    QTimer.singleShot(50, window, lambda: _select_when_shown(window, row_id, tries - 1))
