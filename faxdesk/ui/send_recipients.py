"""The send dialog's recipients: type a number or a name, pick from contacts or recent numbers.

Typing offers contacts (name, company or digits) and recent numbers in a QCompleter popup;
Enter or "Add" parses the text as a fax number in the default country (E.164 out, warnings
kept and shown, refusals explained in words). Several recipients mean one fax each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faxdesk.core.contacts import Contact

_ROLE_RECIPIENT = Qt.ItemDataRole.UserRole + 1



@dataclass(frozen=True)
class Recipient:
    number: str  # what goes into `to`: E.164 or a SIP URI
    display: str  # the number for people
    name: str = ""  # from the address book, when known
    company: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def label(self) -> str:
        return f"{self.name} — {self.display}" if self.name else self.display


class RecipientError(ValueError):
    """The text is not a number a fax can go to; ``str()`` says why."""


def parse_recipient(
    text: str, region: str, lookup: Callable[[str], Contact | None] | None = None,
    *, name: str = "", company: str = "",
) -> Recipient:
    """A recipient from typed text (raises RecipientError in words)."""
    from faxdesk.core import sending
    from faxdesk.ui.texts import error_text, sentence_text

    try:
        result = sending.parse_recipient(text, region)
    except sending.SendRefused as exc:
        raise RecipientError(error_text(exc)) from exc
    if not name and lookup is not None:
        contact = lookup(result.number)
        if contact is not None:
            name, company = contact.name, contact.company
    return Recipient(
        number=result.number, display=result.display, name=name, company=company,
        warnings=tuple(sentence_text(w) for w in result.warnings),
    )


class RecipientsWidget(QWidget):
    """Entry line with autocomplete + the list of recipients."""

    changed = Signal()

    def __init__(
        self,
        region: Callable[[], str],
        lookup: Callable[[str], Contact | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._lookup = lookup
        # Completion text -> (number, name, company)
        self._choices: dict[str, tuple[str, str, str]] = {}
        self._recent: list[str] = []

        self.entry = QLineEdit()
        self.entry.setObjectName("recipientEntry")
        self.entry.setPlaceholderText(self.tr("Fax number or contact name"))
        self.entry.setAccessibleName(self.tr("Recipient"))
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.textEdited.connect(self._clear_error)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._completion_chosen)
        self.entry.setCompleter(self.completer)

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the recipient"))
        self.add_button.clicked.connect(self.add_from_entry)
        # A push button with a menu keeps room for its arrow beside the label (a tool button
        # draws the arrow over the text in several styles).
        self.recent_button = QPushButton(self.tr("&Recent"))
        self.recent_button.setObjectName("recentButton")
        self.recent_button.setToolTip(self.tr("Numbers you faxed lately"))
        self.recent_button.setAccessibleName(self.tr("Recent numbers"))
        self.recent_menu = QMenu(self.recent_button)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_button.setMenu(self.recent_menu)
        self.recent_button.setEnabled(False)

        self.list = QListWidget()
        self.list.setObjectName("recipientList")
        self.list.setAccessibleName(self.tr("Recipients"))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        # A long name and number are elided in the middle (the number's end stays readable),
        # never scrolled sideways; the whole of it is in the tooltip.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected recipients"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.error_label = QLabel()
        self.error_label.setObjectName("recipientError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.warning_label = QLabel()
        self.warning_label.setObjectName("recipientWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a5300;")

        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.recent_button)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        list_row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addLayout(list_row, 1)
        layout.addWidget(self.warning_label)
        self.error_label.hide()
        self.warning_label.hide()
        self._update_buttons()

    # -- suggestions --------------------------------------------------------------------------

    def set_suggestions(self, contacts: Sequence[Contact], recent: Sequence[str]) -> None:
        """Contacts and recent numbers for the autocomplete (loaded on the worker)."""
        self._choices.clear()
        for c in contacts:
            self._choices[c.display()] = (c.fax_number, c.name, c.company)
        self._recent = list(recent)
        for number in recent:
            known = self._lookup(number) if self._lookup else None
            text = known.display() if known else number
            self._choices.setdefault(text, (number, known.name if known else "",
                                            known.company if known else ""))
        self._model.setStringList(list(self._choices))
        self.recent_button.setEnabled(bool(recent))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number in self._recent:
            known = self._lookup(number) if self._lookup else None
            action = self.recent_menu.addAction(known.display() if known else number)
            action.triggered.connect(lambda _=False, n=number: self.add_text(n))

    def _completion_chosen(self, text: str) -> None:
        choice = self._choices.get(text)
        if choice is None:
            return
        number, name, company = choice
        if self.add_text(number, name=name, company=company):
            # The completer may still write the chosen text into the entry after this slot.
            QTimer.singleShot(0, self.entry, self.entry.clear)

    # -- editing -----------------------------------------------------------------------------

    def add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        popup = self.completer.popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return  # Enter picks the highlighted suggestion: the completer adds it
        choice = self._choices.get(text)
        if choice is not None:
            ok = self.add_text(choice[0], name=choice[1], company=choice[2])
        else:
            # A name typed in full that matches exactly one contact.
            matches = [c for t, c in self._choices.items() if c[1] and c[1].casefold()
                       == text.casefold()]
            if len(matches) == 1:
                ok = self.add_text(matches[0][0], name=matches[0][1], company=matches[0][2])
            else:
                ok = self.add_text(text)
        if ok:
            self.entry.clear()

    def add_text(self, text: str, *, name: str = "", company: str = "") -> bool:
        """Parse and add; on failure the reason is shown under the entry. True when added."""
        try:
            recipient = parse_recipient(text, self._region(), self._lookup, name=name,
                                        company=company)
        except RecipientError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.error_label.setText("")
        self.error_label.hide()
        if recipient.number in {r.number for r in self.recipients()}:
            self.error_label.setText(
                self.tr("{number} is already a recipient.").format(number=recipient.display))
            self.error_label.show()
            return False
        item = QListWidgetItem(recipient.label())
        item.setData(_ROLE_RECIPIENT, recipient)
        item.setToolTip("\n".join((recipient.label(), *recipient.warnings)))
        self.list.addItem(item)
        self._show_warnings()
        self._update_buttons()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._show_warnings()
        self._update_buttons()
        self.changed.emit()

    def remove_numbers(self, numbers: set[str]) -> None:
        for row in reversed(range(self.list.count())):
            value = self.list.item(row).data(_ROLE_RECIPIENT)
            if isinstance(value, Recipient) and value.number in numbers:
                self.list.takeItem(row)
        self._show_warnings()
        self._update_buttons()
        self.changed.emit()

    def recipients(self) -> list[Recipient]:
        out: list[Recipient] = []
        for i in range(self.list.count()):
            value = self.list.item(i).data(_ROLE_RECIPIENT)
            assert isinstance(value, Recipient)
            out.append(value)
        return out

    def pending_text(self) -> str:
        """Text typed but not added yet (the dialog adds it on Send)."""
        return self.entry.text().strip()

    def _clear_error(self, _text: str = "") -> None:
        self.error_label.setText("")
        self.error_label.hide()

    def _show_warnings(self) -> None:
        lines = [f"{r.display}: {w}" for r in self.recipients() for w in r.warnings]
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
